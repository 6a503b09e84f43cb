/**
 * Opening the input workbook and finding what a plan needs in it: the settings (the workbook's
 * settings sheet, a settings file, or the defaults) and the customer sheet.
 */
import * as path from 'node:path';
import type { Settings } from '../engine/settings';
import type { Field } from '../engine/types';
import { defaultSettings, parseSettings } from '../engine/settings';
import type { ProgressFn, SheetRead } from '../hosts/host';
import { type SheetLook, lookAt, namesOf, viewWorkbookSync } from '../hosts/workflow';
import { type FileStamp, openXlsx, type XlsxWorkbook } from '../hosts/xlsx/node';
import type { Lang } from '../i18n';
import { cliText } from '../i18n/cli';
import { formatSettingsProblem } from '../i18n/engine';
import { earlierSheets, formatSettingsSheetProblem, ourSheetName, settingsFromSheet } from '../render';
import { CliError, isXlsxError, xlsxMessage } from './errors';
import { readInputFile } from './files';

export interface OpenedWorkbook {
  path: string;
  /** As the planner wrote it, for messages. */
  shown: string;
  size: number;
  /** What was read, for the in-place write's check that the file did not change meanwhile. */
  stamp: FileStamp;
  workbook: XlsxWorkbook;
}

/**
 * Opens the input workbook: a regular file up to the size cap (`maxBytes`), hashed when an
 * in-place write will have to check that nobody changed it meanwhile.
 */
export async function openWorkbook(input: string, cwd: string, lang: Lang, options: { maxBytes?: number; hash?: boolean } = {}): Promise<OpenedWorkbook> {
  const file = path.resolve(cwd, input);
  const { bytes, stamp } = await readInputFile(file, input, 'input', lang, options);
  try {
    const workbook = openXlsx(bytes, path.basename(file));
    return { path: file, shown: input, size: bytes.byteLength, stamp, workbook };
  } catch (e) {
    if (isXlsxError(e)) throw new CliError([xlsxMessage(e, lang, input)]);
    throw e;
  }
}

/** Runs a host call, turning its XlsxErrors into messages about `shown`. */
export function hostCall<T>(shown: string, lang: Lang, call: () => T): T {
  try {
    return call();
  } catch (e) {
    if (isXlsxError(e)) throw new CliError([xlsxMessage(e, lang, shown)]);
    throw e;
  }
}

export type SettingsSource = { kind: 'workbook'; sheet: string } | { kind: 'file'; file: string } | { kind: 'defaults' };

export interface LoadedSettings {
  settings: Settings;
  source: SettingsSource;
}

/** The settings the workbook carries: its settings sheet, else the defaults. */
export function workbookSettings(opened: OpenedWorkbook, lang: Lang): LoadedSettings {
  const { workbook, shown } = opened;
  const sheet = ourSheetName(namesOf(hostCall(shown, lang, () => viewWorkbookSync(workbook))), 'settings');
  if (!sheet) return { settings: defaultSettings(), source: { kind: 'defaults' } };
  const read = hostCall(shown, lang, () => workbook.readSheetSync(sheet));
  const parsed = settingsFromSheet(read.values, { firstRow: read.firstRow, firstColumn: read.firstColumn, sheet: read.name });
  if (!parsed.ok) {
    throw new CliError([
      cliText(lang, 'settings-sheet-problems', { file: shown, sheet: read.name }),
      ...parsed.problems.map((p) => `  - ${formatSettingsSheetProblem(p, lang)}`),
    ]);
  }
  return { settings: parsed.settings, source: { kind: 'workbook', sheet: read.name } };
}

/** Settings from a JSON file (what `abc-planner settings --json` prints, or only the parts that change). */
export async function fileSettings(file: string, cwd: string, lang: Lang): Promise<LoadedSettings> {
  const { bytes } = await readInputFile(path.resolve(cwd, file), file, 'settings', lang);
  // A workbook (a zip) given where the JSON goes: say so rather than quote a JSON parse error.
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) throw new CliError([cliText(lang, 'settings-file-is-workbook', { file })]);
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new CliError([cliText(lang, 'settings-file-bad-json', { file, detail: e instanceof Error ? e.message : String(e) })]);
  }
  const parsed = parseSettings(raw);
  if (!parsed.ok) {
    throw new CliError([cliText(lang, 'settings-file-problems', { file }), ...parsed.problems.map((p) => `  - ${formatSettingsProblem(p, lang)}`)]);
  }
  return { settings: parsed.settings, source: { kind: 'file', file } };
}

export interface CustomerSheet {
  read: SheetRead;
  look: SheetLook;
}

/**
 * The customer sheet: the one named, else the first visible sheet (not one of ours) that looks
 * like customer rows. When none does, the sheet with a header that lacks columns (its plan then
 * says which), else a message listing the sheets checked.
 */
export function findCustomerSheet(
  opened: OpenedWorkbook,
  settings: Settings,
  options: { sheet?: string; headerRow?: number },
  lang: Lang,
  onProgress?: ProgressFn,
): CustomerSheet {
  const { workbook, shown } = opened;
  const read = (name: string) => hostCall(shown, lang, () => workbook.readSheetSync(name, onProgress));
  if (options.sheet !== undefined) {
    const wanted = options.sheet;
    const sheets = hostCall(shown, lang, () => workbook.listSheetsSync());
    if (!sheets.some((s) => s.name.toLowerCase() === wanted.toLowerCase())) {
      const list = sheets.map((s) => (lang === 'zh' ? `“${s.name}”` : `"${s.name}"`)).join(lang === 'zh' ? '、' : ', ');
      throw new CliError([cliText(lang, 'sheet-not-found', { file: shown, sheet: wanted, sheets: list })]);
    }
    const r = read(wanted);
    return { read: r, look: lookAt(r, settings, options.headerRow) };
  }
  const sheets = hostCall(shown, lang, () => workbook.listSheetsSync());
  const ours = new Set(earlierSheets(namesOf(hostCall(shown, lang, () => viewWorkbookSync(workbook))), '').map((s) => s.toLowerCase()));
  let fallback: CustomerSheet | undefined;
  const checked: string[] = [];
  for (const s of sheets) {
    if (!s.visible || ours.has(s.name.toLowerCase())) continue;
    checked.push(s.name);
    const r = read(s.name);
    const look = lookAt(r, settings, options.headerRow);
    if (look.kind === 'customers') return { read: r, look };
    // The sheet nearest to a customer list (fewest columns missing) explains best what is wrong.
    if (look.kind === 'missing-columns' && (!fallback || look.missing.length < (fallback.look as { missing: Field[] }).missing.length)) fallback = { read: r, look };
  }
  if (fallback) return fallback;
  const hidden = sheets.some((s) => !s.visible);
  const quote = (n: string) => (lang === 'zh' ? `“${n}”` : `"${n}"`);
  throw new CliError([
    cliText(lang, 'no-customer-sheet', { file: shown, sheets: checked.map(quote).join(lang === 'zh' ? '、' : ', ') || '—' }) +
      (hidden ? cliText(lang, 'sheet-hidden-note') : ''),
  ]);
}
