/**
 * The way through a plan, over any WorkbookHost: the one place that knows how to find the
 * workbook's settings and its customer sheet, how to prepare that sheet for planning, and how
 * to turn a plan into the write (and the names of the sheets it makes). The task pane (Excel
 * and browser file mode) uses it; the CLI's synchronous path can use its pure parts
 * (lookAt, isEmptySheet, generatedSheets, settingsWrite, planWrite).
 *
 * Pure apart from the host calls; no words here (problems are data, i18n says them).
 */
import type { PlanResult, PlanTargets, PreparedSheet } from '../engine/plan';
import { planPrepared, prepareSheet } from '../engine/plan';
import { findHeaderRow, findUnitNote, mapColumns } from '../engine/headers';
import type { Settings } from '../engine/settings';
import { defaultSettings } from '../engine/settings';
import type { Field, SheetData } from '../engine/types';
import type { Lang } from '../i18n';
import type { SheetKind } from '../i18n/render';
import { SHEET_NAMES } from '../i18n/render';
import {
  earlierSheets,
  ourSheetName,
  parseRef,
  renderPlan,
  settingsFromSheet,
  settingsSheet,
  withoutTagColumns,
} from '../render';
import type { DefinedNameSpec, SettingsSheetProblem, WorkbookWrite } from '../render';
import { chooseNames, familyOf, proofAreas, proveOwnership, provenSheet, type WorkbookNames } from '../render/ownership';
import { freeSheetName } from '../render/sheetNames';
import type { ProgressFn, SheetArea, SheetInfo, SheetRead, WorkbookHost } from './host';

/** The workbook's sheets and names, as listed once, and the cells that prove which are ours. */
export interface WorkbookView {
  sheets: SheetInfo[];
  names: DefinedNameSpec[];
  /** The cells our markers point at (render/ownership.ts: proofAreas), as read. */
  proof: SheetData[];
}

/** Lists sheets and names, then reads the few cells that prove which of them are ours. */
export async function viewWorkbook(host: Pick<WorkbookHost, 'listSheets' | 'listNames' | 'readAreas'>): Promise<WorkbookView> {
  const [sheets, names] = await Promise.all([host.listSheets(), host.listNames()]);
  const areas = proofAreas(sheets.map((s) => s.name), names);
  const proof = areas.length ? await host.readAreas(areas) : [];
  return { sheets, names, proof };
}

/** The same, for a host that answers at once (the .xlsx host on the command line). */
export function viewWorkbookSync(host: { listSheetsSync(): SheetInfo[]; listNamesSync(): DefinedNameSpec[]; readAreasSync(areas: readonly SheetArea[]): SheetData[] }): WorkbookView {
  const sheets = host.listSheetsSync();
  const names = host.listNamesSync();
  const areas = proofAreas(sheets.map((s) => s.name), names);
  return { sheets, names, proof: areas.length ? host.readAreasSync(areas) : [] };
}

const sheetNamesOf = (view: WorkbookView) => view.sheets.map((s) => s.name);

/** The view as the renderer's ownership check wants it. */
export const namesOf = (view: WorkbookView): WorkbookNames => ({ sheetNames: sheetNamesOf(view), names: view.names, proof: view.proof });

/** The settings a workbook carries: its settings sheet, else the defaults; or why the sheet cannot be read. */
export type WorkbookSettings =
  | { kind: 'workbook'; sheet: string; settings: Settings }
  | { kind: 'defaults'; settings: Settings }
  | { kind: 'problems'; sheet: string; problems: SettingsSheetProblem[]; settings: Settings };

/** The name of our settings sheet in the workbook, if there is one. */
export function settingsSheetName(view: WorkbookView): string | undefined {
  return ourSheetName(namesOf(view), 'settings');
}

/** Settings read from the settings sheet's values (problems carry its cells). */
export function settingsOfSheet(read: SheetRead): WorkbookSettings {
  const parsed = settingsFromSheet(read.values, { firstRow: read.firstRow, firstColumn: read.firstColumn, sheet: read.name });
  return parsed.ok
    ? { kind: 'workbook', sheet: read.name, settings: parsed.settings }
    : { kind: 'problems', sheet: read.name, problems: parsed.problems, settings: defaultSettings() };
}

/** Reads the workbook's settings sheet; the defaults when there is none, with the problems when it cannot be read. */
export async function readWorkbookSettings(host: Pick<WorkbookHost, 'readSheet'>, view: WorkbookView): Promise<WorkbookSettings> {
  const sheet = settingsSheetName(view);
  if (!sheet) return { kind: 'defaults', settings: defaultSettings() };
  return settingsOfSheet(await host.readSheet(sheet));
}

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

/**
 * The customer sheet: `prefer` (the active sheet in Excel) when it holds customer rows, else
 * the first candidate that does; else the candidate nearest to one (fewest columns missing),
 * else `prefer` or the first candidate as it is; undefined when the workbook has no candidate.
 * Each sheet is read at most once.
 */
export async function findCustomerSheet(
  host: Pick<WorkbookHost, 'readSheet'>,
  view: WorkbookView,
  settings: Settings,
  options: { prefer?: string; onProgress?: ProgressFn } = {},
): Promise<FoundSheet | undefined> {
  const candidates = customerSheetCandidates(view);
  const prefer = options.prefer && candidates.find((c) => c.toLowerCase() === options.prefer!.toLowerCase());
  const order = prefer ? [prefer, ...candidates.filter((c) => c !== prefer)] : candidates;
  let nearest: FoundSheet | undefined;
  let first: FoundSheet | undefined;
  for (const name of order) {
    const read = await host.readSheet(name, options.onProgress);
    const look = lookAt(read, settings);
    if (look.kind === 'customers') return { read, look };
    first ??= { read, look };
    if (look.kind === 'missing-columns' && (!nearest || look.missing.length < (nearest.look as { missing: Field[] }).missing.length)) nearest = { read, look };
  }
  return nearest ?? first;
}

/**
 * A read customer sheet made ready for planning again and again: earlier tag columns taken off
 * (so a re-plan reads the user's columns only), then header, mapping and rows read once.
 * Column overrides and the industry rules come from `settings`.
 */
export function prepareCustomerSheet(read: SheetRead, names: readonly DefinedNameSpec[], settings: Settings, headerRow?: number): PreparedSheet {
  const sheet = withoutTagColumns(read, names, headerRow ?? null);
  return prepareSheet(sheet, settings, headerRow !== undefined ? { headerRow } : {});
}

/** The names of the generated sheets (and the tag columns' reference) a write creates, from its marker names. */
export type GeneratedSheets = Partial<Record<SheetKind, string>> & { tagColumns: string | null };

export function generatedSheets(write: WorkbookWrite): GeneratedSheets {
  const out: GeneratedSheets = { tagColumns: null };
  for (const n of write.addNames) {
    const role = familyOf(n.name);
    const ref = parseRef(n.ref);
    if (role?.kind === 'sheet' && ref) out[role.sheet] = ref.sheet;
    if (role?.kind === 'tags') out.tagColumns = n.ref;
  }
  return out;
}

export interface PlannedWrite {
  result: PlanResult;
  /** The settings the plan used, the targets given on the side merged in (what the settings sheet keeps). */
  settings: Settings;
  write: WorkbookWrite;
  sheets: GeneratedSheets;
}

/**
 * Plan a prepared sheet and render the write. `read` is the sheet as the host read it (earlier
 * tag columns included): the renderer finds and replaces them.
 */
export function planWrite(prepared: PreparedSheet, read: SheetRead, view: WorkbookView, settings: Settings, targets: PlanTargets = {}): PlannedWrite {
  const result = planPrepared(prepared, settings, targets);
  const used: Settings = { ...settings, targets: { ...settings.targets, ...targets } };
  const write = renderPlan(result, used, { ...namesOf(view), customerSheet: read });
  return { result, settings: used, write, sheets: generatedSheets(write) };
}

/**
 * The write that saves settings alone: the settings sheet replaced (or added) with its names,
 * nothing else touched. The tag formulas read the settings through the names, so a saved
 * change shows in the workbook's classes at once. Only a settings sheet and names proven ours
 * are replaced (render/ownership.ts); a person's names in the way are kept, ours go beside them.
 */
export function settingsWrite(settings: Settings, lang: Lang, view: WorkbookView): { write: WorkbookWrite; sheet: string } {
  const own = proveOwnership(namesOf(view));
  const existing = provenSheet(own, 'settings');
  const others = sheetNamesOf(view).filter((s) => s.toLowerCase() !== existing?.toLowerCase());
  const sheet = existing ?? freeSheetName(SHEET_NAMES[lang].settings, others);
  // The settings sheet's own names: its marker and the formula names (not the other sheets' markers).
  const replaced = own.ours.filter((n) => {
    const role = familyOf(n.name);
    return role?.kind === 'formula' || (role?.kind === 'sheet' && role.sheet === 'settings');
  });
  const removing = new Set(replaced.map((n) => n.name.toLowerCase()));
  const chosen = chooseNames(view.names.filter((n) => !removing.has(n.name.toLowerCase())).map((n) => n.name));
  const part = settingsSheet(settings, lang, sheet, chosen);
  return {
    sheet,
    write: {
      removeSheets: existing ? [existing] : [],
      addSheets: [part.sheet],
      columns: [],
      removeNames: replaced.map((n) => n.name),
      addNames: part.names,
    },
  };
}
