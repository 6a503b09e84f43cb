/**
 * The input workbook on the command line: the file opened as an .xlsx host, and what a plan
 * needs from it through the use cases the task pane shares (src/app/): the settings (the
 * workbook's settings sheet, a settings file, or the defaults) and the customer sheet. What is
 * left here is the file, the messages and the exits.
 */
import * as path from 'node:path';
import { customerSheetCandidates, findCustomerSheet, type FoundSheet, readCustomerSheet } from '../app/customerSheet';
import type { WorkbookSettings, WorkbookView } from '../app/workbook';
import type { Settings } from '../engine/settings';
import { parseSettings } from '../engine/settings';
import type { ProgressFn } from '../hosts/host';
import { type FileStamp, openXlsx, type XlsxWorkbook } from '../hosts/xlsx/node';
import type { Lang } from '../i18n';
import { cliText } from '../i18n/cli';
import { formatSettingsProblem } from '../i18n/engine';
import { formatSettingsSheetProblem } from '../i18n/render';
import { CliError, isXlsxError, xlsxMessage } from './errors';
import { readInputFile } from './files';

export interface InputWorkbook {
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
export async function openInput(input: string, cwd: string, lang: Lang, options: { maxBytes?: number; hash?: boolean } = {}): Promise<InputWorkbook> {
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

/** Runs a host call (or a use case over the host), turning its XlsxErrors into messages about `shown`. */
export async function hostCall<T>(shown: string, lang: Lang, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
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

/** The settings the workbook carries (its settings sheet, else the defaults); a settings sheet that cannot be read stops the command. */
export function workbookSettings(saved: WorkbookSettings, shown: string, lang: Lang): LoadedSettings {
  if (saved.kind === 'defaults') return { settings: saved.settings, source: { kind: 'defaults' } };
  if (saved.kind === 'workbook') return { settings: saved.settings, source: { kind: 'workbook', sheet: saved.sheet } };
  throw new CliError([
    cliText(lang, 'settings-sheet-problems', { file: shown, sheet: saved.sheet }),
    ...saved.problems.map((p) => `  - ${formatSettingsSheetProblem(p, lang)}`),
  ]);
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

/**
 * The customer sheet: the one named, else the first visible sheet (not one of ours) that looks
 * like customer rows. When none does, the sheet with a header that lacks columns (its plan then
 * says which), else a message listing the sheets checked.
 */
export async function customerSheet(
  input: InputWorkbook,
  view: WorkbookView,
  settings: Settings,
  options: { sheet?: string; headerRow?: number },
  lang: Lang,
  onProgress?: ProgressFn,
): Promise<FoundSheet> {
  const { workbook, shown } = input;
  const quote = (n: string) => (lang === 'zh' ? `“${n}”` : `"${n}"`);
  const list = (names: string[]) => names.map(quote).join(lang === 'zh' ? '、' : ', ');
  const read = { ...(options.headerRow !== undefined ? { headerRow: options.headerRow } : {}), ...(onProgress ? { onProgress } : {}) };
  if (options.sheet !== undefined) {
    const wanted = options.sheet;
    const found = await hostCall(shown, lang, () => readCustomerSheet(workbook, view, wanted, settings, read));
    if (!found) throw new CliError([cliText(lang, 'sheet-not-found', { file: shown, sheet: wanted, sheets: list(view.sheets.map((s) => s.name)) })]);
    return found;
  }
  const found = await hostCall(shown, lang, () => findCustomerSheet(workbook, view, settings, read));
  if (found && (found.look.kind === 'customers' || found.look.kind === 'missing-columns')) return found;
  const hidden = view.sheets.some((s) => !s.visible);
  throw new CliError([
    cliText(lang, 'no-customer-sheet', { file: shown, sheets: list(customerSheetCandidates(view)) || '—' }) + (hidden ? cliText(lang, 'sheet-hidden-note') : ''),
  ]);
}
