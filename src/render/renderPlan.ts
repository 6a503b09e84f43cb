/**
 * The one entry point of the renderer: a PlanResult (and the settings it was planned with)
 * → one WorkbookWrite that any host applies all or nothing.
 *
 * Sheets and names we wrote earlier are found by our marker names, proven ours by their
 * content (ownership.ts), and replaced; user sheets are never touched: a user's sheet that
 * happens to carry one of our names keeps it (ours becomes "ABC 设置 (2)"), and a person's
 * name that looks like ours is kept (ours becomes "ABC_Cities_2"). The tag columns go where
 * they went before (see tagColumns.ts).
 */
import type { PlanResult } from '../engine/plan';
import type { Settings } from '../engine/settings';
import type { SheetData } from '../engine/types';
import type { SheetKind } from '../i18n/render';
import { SHEET_NAMES } from '../i18n/render';
import { byCustomerSheet, byIndustrySheet, byRegionSheet, bySalespersonSheet, summarySheet } from './breakdownSheets';
import { issuesSheet } from './issuesSheet';
import { areaRef } from './names';
import { type OurNames, type Ownership, type WorkbookNames, chooseNames, ourName, proveOwnership, provenSheet } from './ownership';
import { settingsSheet } from './settingsSheet';
import { freeSheetName } from './sheetNames';
import type { DefinedNameSpec, OwnershipNotice, SheetSpec, WorkbookWrite } from '../spec/write';
import { tagColumns } from './tagColumns';

/** What the renderer needs to know of the workbook it writes into. */
export interface ExistingWorkbook extends WorkbookNames {
  /**
   * The customer sheet as the host read it (values only, earlier tag columns included). The
   * tag formulas check its raw cells, so they agree with the engine cell by cell.
   */
  customerSheet: SheetData;
}

/** Generated sheets, in the order they are added after the user's sheets. */
const ORDER: readonly SheetKind[] = ['summary', 'customers', 'industries', 'regions', 'salespeople', 'issues', 'settings'];

/**
 * Names of the sheets we generated earlier (proven ours: ownership.ts), as they are called
 * now, but never `protect` (the customer sheet).
 */
export function earlierSheets(existing: WorkbookNames, protect: string): string[] {
  return proveOwnership(existing)
    .sheets.map((s) => s.sheet)
    .filter((s) => s.toLowerCase() !== protect.toLowerCase());
}

/**
 * The sheet of a kind we generated earlier ("settings": where to read the workbook's settings
 * from), proven ours, as it is called now; undefined when there is none.
 */
export function ourSheetName(existing: WorkbookNames, kind: SheetKind): string | undefined {
  return provenSheet(proveOwnership(existing), kind);
}

/** What a person is told about their names that were in the way of ours. */
function noticesOf(own: Ownership, names: OurNames, newSheets: Partial<Record<SheetKind, string>>): OwnershipNotice[] {
  return own.foreign.map((f) => {
    const replacement = f.role.kind === 'sheet' ? names.sheets[f.role.sheet] : f.role.kind === 'formula' ? names.formulas[f.role.key] : names.tags;
    const notice: OwnershipNotice = { name: f.name, ref: f.ref, role: f.role.kind, replacement };
    if (f.sheet !== undefined) notice.sheet = f.sheet;
    const newSheet = f.role.kind === 'sheet' ? newSheets[f.role.sheet] : undefined;
    if (newSheet !== undefined) notice.newSheet = newSheet;
    return notice;
  });
}

/**
 * The write for a plan. `settings` are the settings the plan used (with any target given on
 * the side merged in), so that the settings sheet reproduces the plan. Only sheets and names
 * proven ours are replaced; a person's names in the way of ours are kept, ours are written
 * beside them under free names, and `notices` say so.
 */
export function renderPlan(result: PlanResult, settings: Settings, existing: ExistingWorkbook): WorkbookWrite {
  if (existing.customerSheet.name.toLowerCase() !== result.sheet.toLowerCase()) {
    throw new Error(`renderPlan: the plan is of sheet "${result.sheet}", the sheet given is "${existing.customerSheet.name}"`);
  }
  const lang = result.language;
  // The customer sheet was read whole: its cells prove (or disprove) a tag marker on it.
  const own = proveOwnership({ ...existing, proof: [...existing.proof, existing.customerSheet] });
  const removeSheets = own.sheets.map((s) => s.sheet).filter((s) => s.toLowerCase() !== result.sheet.toLowerCase());
  const removed = new Set(removeSheets.map((s) => s.toLowerCase()));
  const taken = existing.sheetNames.filter((s) => !removed.has(s.toLowerCase()));
  const names: Record<SheetKind, string> = {} as Record<SheetKind, string>;
  for (const kind of ORDER) {
    names[kind] = freeSheetName(SHEET_NAMES[lang][kind], [...taken, ...Object.values(names)]);
  }
  const ourNames = new Set(own.ours.map((n) => n.name.toLowerCase()));
  const chosen = chooseNames(existing.names.filter((n) => !ourNames.has(n.name.toLowerCase())).map((n) => n.name));

  const sheets = new Map<SheetKind, SheetSpec>();
  const addNames: DefinedNameSpec[] = [];
  const columns: WorkbookWrite['columns'] = [];

  const settingsPart = settingsSheet(settings, lang, names.settings, chosen);
  sheets.set('settings', settingsPart.sheet);
  for (const n of settingsPart.names) addNames.push(n);

  const notices = noticesOf(own, chosen, names);
  if (result.ok) {
    sheets.set('summary', summarySheet(result, lang, names.summary, result.issues.length + notices.length));
    sheets.set('customers', byCustomerSheet(result, lang, names.customers));
    sheets.set('industries', byIndustrySheet(result, lang, names.industries));
    sheets.set('regions', byRegionSheet(result, lang, names.regions));
    sheets.set('salespeople', bySalespersonSheet(result, settings, lang, names.salespeople, chosen.formulas));
    const tags = tagColumns(result, existing.customerSheet, existing.names, lang, chosen);
    if (tags) {
      for (const b of tags.blocks) columns.push(b);
      for (const n of tags.names) addNames.push(n);
    }
  }
  const issues = issuesSheet(result.issues, lang, names.issues, notices);
  if (issues) sheets.set('issues', issues);

  for (const [kind, sheet] of sheets) {
    if (kind !== 'settings') addNames.push(ourName(chosen.sheets[kind], areaRef(sheet.name, 1, 1), { kind: 'sheet', sheet: kind }, true));
  }
  const write: WorkbookWrite = {
    removeSheets,
    addSheets: ORDER.filter((k) => sheets.has(k)).map((k) => sheets.get(k)!),
    columns,
    removeNames: own.ours.map((n) => n.name),
    addNames,
  };
  if (notices.length) write.notices = notices;
  return write;
}
