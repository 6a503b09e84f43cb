/**
 * Opening a workbook: its sheets and names listed once, the few cells that prove which of them
 * are ours, and the settings it carries (its settings sheet read back). Every use case starts
 * from this view.
 *
 * Pure apart from the host calls (any WorkbookHost: Excel, the .xlsx package); no words here
 * (problems are data, i18n says them).
 */
import type { Settings } from '../engine/settings';
import { defaultSettings } from '../engine/settings';
import type { SheetData } from '../engine/types';
import type { SheetInfo, SheetRead, WorkbookHost } from '../hosts/host';
import { ourSheetName, settingsFromSheet, type SettingsSheetProblem } from '../render';
import { proofAreas, type WorkbookNames } from '../render/ownership';
import type { DefinedNameSpec } from '../spec/write';

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

/** The view as the renderer's ownership check wants it. */
export const namesOf = (view: WorkbookView): WorkbookNames => ({ sheetNames: view.sheets.map((s) => s.name), names: view.names, proof: view.proof });

/** The name of our settings sheet in the workbook, if there is one. */
export function settingsSheetName(view: WorkbookView): string | undefined {
  return ourSheetName(namesOf(view), 'settings');
}

/** The settings a workbook carries: its settings sheet, else the defaults; or why the sheet cannot be read. */
export type WorkbookSettings =
  | { kind: 'workbook'; sheet: string; settings: Settings }
  | { kind: 'defaults'; settings: Settings }
  | { kind: 'problems'; sheet: string; problems: SettingsSheetProblem[]; settings: Settings };

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

/** A workbook as opened: what is in it, and the settings it carries. */
export interface OpenedWorkbook {
  view: WorkbookView;
  saved: WorkbookSettings;
}

/** Views the workbook and reads its settings sheet (the defaults when it has none). */
export async function openWorkbook(host: Pick<WorkbookHost, 'listSheets' | 'listNames' | 'readAreas' | 'readSheet'>): Promise<OpenedWorkbook> {
  const view = await viewWorkbook(host);
  return { view, saved: await readWorkbookSettings(host, view) };
}
