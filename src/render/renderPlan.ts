/**
 * The one entry point of the renderer: a PlanResult (and the settings it was planned with)
 * → one WorkbookWrite that any host applies all or nothing.
 *
 * Sheets and names we wrote earlier are found by our marker names and replaced; user sheets
 * are never touched, and a user's sheet that happens to carry one of our names keeps it (ours
 * becomes "ABC 设置 (2)"). The tag columns go where they went before (see tagColumns.ts).
 */
import type { PlanResult } from '../engine/plan';
import type { Settings } from '../engine/settings';
import type { SheetData } from '../engine/types';
import type { SheetKind } from '../i18n/render';
import { SHEET_NAMES } from '../i18n/render';
import { byCustomerSheet, byIndustrySheet, byRegionSheet, bySalespersonSheet, summarySheet } from './breakdownSheets';
import { issuesSheet } from './issuesSheet';
import { SHEET_MARKERS, areaRef, isOurName, parseRef } from './names';
import { settingsSheet } from './settingsSheet';
import { freeSheetName } from './sheetNames';
import type { DefinedNameSpec, SheetSpec, WorkbookWrite } from './spec';
import { tagColumns } from './tagColumns';

/** What the renderer needs to know of the workbook it writes into. */
export interface ExistingWorkbook {
  /** Every sheet's name, in order. */
  sheetNames: string[];
  /** The workbook-scoped defined names. */
  names: DefinedNameSpec[];
  /**
   * The customer sheet as the host read it (values only, earlier tag columns included). The
   * tag formulas check its raw cells, so they agree with the engine cell by cell.
   */
  customerSheet: SheetData;
}

/** Generated sheets, in the order they are added after the user's sheets. */
const ORDER: readonly SheetKind[] = ['summary', 'customers', 'industries', 'regions', 'salespeople', 'issues', 'settings'];

/** Names of the sheets our markers point at (the sheets we generated earlier), as they are now called. */
export function earlierSheets(existing: Pick<ExistingWorkbook, 'sheetNames' | 'names'>, protect: string): string[] {
  const sheets = new Map(existing.sheetNames.map((s) => [s.toLowerCase(), s]));
  const markers = new Set(Object.values(SHEET_MARKERS).map((m) => m.toLowerCase()));
  const out = new Set<string>();
  for (const n of existing.names) {
    if (!markers.has(n.name.toLowerCase())) continue;
    const ref = parseRef(n.ref);
    const sheet = ref && sheets.get(ref.sheet.toLowerCase());
    if (sheet && sheet.toLowerCase() !== protect.toLowerCase()) out.add(sheet);
  }
  return [...out];
}

/**
 * The sheet of a kind we generated earlier ("settings": where to read the workbook's settings
 * from), by its marker name, as it is called now; undefined when there is none.
 */
export function ourSheetName(existing: Pick<ExistingWorkbook, 'sheetNames' | 'names'>, kind: SheetKind): string | undefined {
  const marker = existing.names.find((n) => n.name.toLowerCase() === SHEET_MARKERS[kind].toLowerCase());
  const ref = marker && parseRef(marker.ref);
  return ref ? existing.sheetNames.find((s) => s.toLowerCase() === ref.sheet.toLowerCase()) : undefined;
}

/**
 * The write for a plan. `settings` are the settings the plan used (with any target given on
 * the side merged in), so that the settings sheet reproduces the plan.
 */
export function renderPlan(result: PlanResult, settings: Settings, existing: ExistingWorkbook): WorkbookWrite {
  if (existing.customerSheet.name.toLowerCase() !== result.sheet.toLowerCase()) {
    throw new Error(`renderPlan: the plan is of sheet "${result.sheet}", the sheet given is "${existing.customerSheet.name}"`);
  }
  const lang = result.language;
  const removeSheets = earlierSheets(existing, result.sheet);
  const removed = new Set(removeSheets.map((s) => s.toLowerCase()));
  const taken = existing.sheetNames.filter((s) => !removed.has(s.toLowerCase()));
  const names: Record<SheetKind, string> = {} as Record<SheetKind, string>;
  for (const kind of ORDER) {
    names[kind] = freeSheetName(SHEET_NAMES[lang][kind], [...taken, ...Object.values(names)]);
  }

  const sheets = new Map<SheetKind, SheetSpec>();
  const addNames: DefinedNameSpec[] = [];
  const columns: WorkbookWrite['columns'] = [];

  const settingsPart = settingsSheet(settings, lang, names.settings);
  sheets.set('settings', settingsPart.sheet);
  for (const n of settingsPart.names) addNames.push(n);

  if (result.ok) {
    sheets.set('summary', summarySheet(result, lang, names.summary, result.issues.length));
    sheets.set('customers', byCustomerSheet(result, lang, names.customers));
    sheets.set('industries', byIndustrySheet(result, lang, names.industries));
    sheets.set('regions', byRegionSheet(result, lang, names.regions));
    sheets.set('salespeople', bySalespersonSheet(result, settings, lang, names.salespeople));
    const tags = tagColumns(result, existing.customerSheet, existing.names, lang);
    if (tags) {
      for (const b of tags.blocks) columns.push(b);
      for (const n of tags.names) addNames.push(n);
    }
  }
  const issues = issuesSheet(result.issues, lang, names.issues);
  if (issues) sheets.set('issues', issues);

  for (const [kind, sheet] of sheets) {
    if (kind !== 'settings') addNames.push({ name: SHEET_MARKERS[kind], ref: areaRef(sheet.name, 1, 1), hidden: true });
  }
  return {
    removeSheets,
    addSheets: ORDER.filter((k) => sheets.has(k)).map((k) => sheets.get(k)!),
    columns,
    removeNames: existing.names.filter((n) => isOurName(n.name)).map((n) => n.name),
    addNames,
  };
}
