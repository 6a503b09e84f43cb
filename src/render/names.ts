/**
 * The workbook-scoped defined names the add-in owns, and A1 references with sheet names.
 *
 * Two kinds of names: formula names (ABC_Thresholds, ABC_Cities, …) that the tag formulas and
 * load checks read, visible so that a person can see what a formula refers to; and hidden
 * marker names that say "this sheet / these columns are ABC Planner's", so a re-plan finds
 * and replaces them even after a person renamed a sheet (Excel keeps names pointing at it).
 * These are the base names: a name is ours only when it proves so, and where a person's name
 * is in the way we write "ABC_Cities_2" instead (ownership.ts).
 */
import { columnLetter, columnNumber } from '../engine/a1';
import type { SheetKind } from '../i18n/render';
import { looksLikeCellRef } from '../spec/names';

/** Names the tag formulas and load checks use. */
export const FORMULA_NAMES = {
  version: 'ABC_SettingsVersion',
  thresholds: 'ABC_Thresholds',
  matrix: 'ABC_Matrix',
  coverage: 'ABC_Coverage',
  cities: 'ABC_Cities',
  cityTiers: 'ABC_CityTiers',
  tierIds: 'ABC_TierIds',
  fallbackTier: 'ABC_FallbackTier',
  industries: 'ABC_Industries',
  industryGroups: 'ABC_IndustryGroups',
  loadAccounts: 'ABC_LoadAccounts',
  loadIndustries: 'ABC_LoadIndustries',
  loadRegions: 'ABC_LoadRegions',
} as const;

/** Hidden marker of each generated sheet; refers to the sheet's A1. */
export const SHEET_MARKERS: Record<SheetKind, string> = {
  settings: 'ABC_Sheet_Settings',
  summary: 'ABC_Sheet_Summary',
  customers: 'ABC_Sheet_Customers',
  industries: 'ABC_Sheet_Industries',
  regions: 'ABC_Sheet_Regions',
  salespeople: 'ABC_Sheet_Salespeople',
  issues: 'ABC_Sheet_Issues',
};

/** Hidden marker of the tag columns: the whole block, header row to last row written. */
export const TAG_MARKER = 'ABC_TagColumns';

/**
 * True when a sheet name may stand unquoted in a reference. Only plain ASCII words are: a
 * letter or underscore first, then letters, digits and underscores; and not a word a formula
 * reads as something else: a cell in A1 style ("A1", "XFD1") or R1C1 style ("R", "C", "RC",
 * "R2C3"), or TRUE / FALSE. Anything else (digits first, spaces, punctuation, non-ASCII) is
 * quoted. Quoting a name that did not need it is always valid, so when in doubt we quote.
 */
export function isPlainSheetName(sheet: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) && !looksLikeCellRef(sheet) && !/^(?:true|false)$/i.test(sheet);
}

/** A sheet name as a reference prefix: 'ABC 设置'! (quoted unless plainly safe), quotes doubled. */
export function sheetPrefix(sheet: string): string {
  return isPlainSheetName(sheet) ? `${sheet}!` : `'${sheet.replace(/'/g, "''")}'!`;
}

/** An absolute reference to a cell or area, 1-based: 'ABC 设置'!$B$5:$E$7. */
export function areaRef(sheet: string, firstRow: number, firstColumn: number, lastRow = firstRow, lastColumn = firstColumn): string {
  const a = `$${columnLetter(firstColumn)}$${firstRow}`;
  const b = `$${columnLetter(lastColumn)}$${lastRow}`;
  return sheetPrefix(sheet) + (a === b ? a : `${a}:${b}`);
}

export interface ParsedRef {
  sheet: string;
  firstRow: number;
  firstColumn: number;
  lastRow: number;
  lastColumn: number;
}

/**
 * Reads back a reference this module wrote (or Excel rewrote after a rename or inserted rows):
 * `Sheet!$A$1`, `'My sheet'!$B$2:$H$90`, with or without `=` and `$`. Undefined for anything
 * else (`#REF!` after the sheet was deleted, several areas, whole columns).
 */
export function parseRef(ref: string): ParsedRef | undefined {
  const m = /^=?(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const c1 = columnNumber(m[3]);
  const r1 = Number(m[4]);
  const c2 = m[5] ? columnNumber(m[5]) : c1;
  const r2 = m[6] ? Number(m[6]) : r1;
  return { sheet, firstRow: Math.min(r1, r2), firstColumn: Math.min(c1, c2), lastRow: Math.max(r1, r2), lastColumn: Math.max(c1, c2) };
}
