/**
 * The customer sheet: which sheet holds the customers (or the one the planner named), what it
 * looks like to the engine, and the sheet made ready for planning again and again.
 *
 * Pure apart from the host calls; no words here (problems are data, i18n says them).
 */
import type { PreparedSheet } from '../engine/plan';
import { prepareSheet } from '../engine/plan';
import { findHeaderRow, findUnitNote, mapColumns } from '../engine/headers';
import type { Settings } from '../engine/settings';
import type { Field, SheetData } from '../engine/types';
import type { ProgressFn, SheetRead, WorkbookHost } from '../hosts/host';
import { earlierSheets, withoutTagColumns } from '../render';
import type { DefinedNameSpec } from '../spec/write';
import { namesOf, settingsSheetName, type WorkbookView } from './workbook';

/** What a sheet looks like to the planner: customer rows, a header lacking columns, or nothing. */
export type SheetLook =
  | { kind: 'customers'; headerRow: number }
  | { kind: 'missing-columns'; headerRow: number; missing: Field[] }
  | { kind: 'no-header' }
  | { kind: 'empty' };

export function isEmptySheet(read: SheetData): boolean {
  return !read.values.some((row) => row?.some((v) => v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '')));
}

/** Looks at a sheet as plan() would: its header row (given or found) and whether the required columns are there. */
export function lookAt(read: SheetData, settings: Settings, headerRow?: number): SheetLook {
  if (isEmptySheet(read)) return { kind: 'empty' };
  const index = headerRow !== undefined ? headerRow - read.firstRow : findHeaderRow(read.values);
  if (index === undefined || index < 0 || index >= read.values.length) return { kind: 'no-header' };
  const report = mapColumns(read.values[index], settings.columns, { noteUnit: findUnitNote(read.values, index) });
  const row = read.firstRow + index;
  return report.missing.length ? { kind: 'missing-columns', headerRow: row, missing: report.missing } : { kind: 'customers', headerRow: row };
}

/** The sheets a customer list may be on: visible, and not one we generated. */
export function customerSheetCandidates(view: WorkbookView): string[] {
  const ours = new Set(earlierSheets(namesOf(view), '').map((s) => s.toLowerCase()));
  const settings = settingsSheetName(view)?.toLowerCase();
  return view.sheets.filter((s) => s.visible && !ours.has(s.name.toLowerCase()) && s.name.toLowerCase() !== settings).map((s) => s.name);
}

export interface FoundSheet {
  read: SheetRead;
  look: SheetLook;
}

export interface FindOptions {
  /** The sheet to try first (the active sheet in Excel). */
  prefer?: string;
  /** The header row the planner set (else each sheet's is found). */
  headerRow?: number;
  onProgress?: ProgressFn;
}

/**
 * The customer sheet: `prefer` when it holds customer rows, else the first candidate that does;
 * else the candidate nearest to one (fewest columns missing: its plan says best what is wrong),
 * else `prefer` or the first candidate as it is; undefined when the workbook has no candidate.
 * Each sheet is read at most once.
 */
export async function findCustomerSheet(host: Pick<WorkbookHost, 'readSheet'>, view: WorkbookView, settings: Settings, options: FindOptions = {}): Promise<FoundSheet | undefined> {
  const candidates = customerSheetCandidates(view);
  const prefer = options.prefer && candidates.find((c) => c.toLowerCase() === options.prefer!.toLowerCase());
  const order = prefer ? [prefer, ...candidates.filter((c) => c !== prefer)] : candidates;
  let nearest: FoundSheet | undefined;
  let first: FoundSheet | undefined;
  for (const name of order) {
    const read = await host.readSheet(name, options.onProgress);
    const look = lookAt(read, settings, options.headerRow);
    if (look.kind === 'customers') return { read, look };
    first ??= { read, look };
    if (look.kind === 'missing-columns' && (!nearest || look.missing.length < (nearest.look as { missing: Field[] }).missing.length)) nearest = { read, look };
  }
  return nearest ?? first;
}

/** The sheet the planner named (any sheet of the workbook, by name in any case); undefined when there is none. */
export async function readCustomerSheet(
  host: Pick<WorkbookHost, 'readSheet'>,
  view: WorkbookView,
  name: string,
  settings: Settings,
  options: Omit<FindOptions, 'prefer'> = {},
): Promise<FoundSheet | undefined> {
  const sheet = view.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  if (!sheet) return undefined;
  const read = await host.readSheet(sheet.name, options.onProgress);
  return { read, look: lookAt(read, settings, options.headerRow) };
}

/**
 * A read customer sheet made ready for planning again and again: earlier tag columns taken off
 * (so a re-plan reads the user's columns only), then header, mapping and rows read once.
 * Earlier tag columns are found by their marker name, else by our headers in the header row
 * (the planner's, else the one found: a sheet copied without its names).
 * Column overrides and the industry rules come from `settings`.
 */
export function prepareCustomerSheet(read: SheetRead, names: readonly DefinedNameSpec[], settings: Settings, headerRow?: number): PreparedSheet {
  const found = findHeaderRow(read.values);
  const tagsHeader = headerRow ?? (found === undefined ? null : read.firstRow + found);
  const sheet = withoutTagColumns(read, names, tagsHeader);
  return prepareSheet(sheet, settings, headerRow !== undefined ? { headerRow } : {});
}
