/**
 * The command's files: reading the input and the settings file (regular files only, capped),
 * checking the output before any work (kind, extension, an existing file, a signed workbook),
 * and saving (src/hosts/xlsx/node.ts does the safe write), each refusal worded for the planner.
 */
import * as path from 'node:path';
import { FileError, type FileKind, type ReadResult, inspectTarget, MAX_INPUT_BYTES, readRegularFile, writeFileAtomic, type XlsxWorkbook } from '../hosts/xlsx/node';
import type { Lang } from '../i18n';
import { cliText, FILE_KIND_LABELS } from '../i18n/cli';
import { CliError, fsCode, isXlsxError, xlsxMessage } from './errors';

/** A settings file is a few kB; this is far beyond any real one. */
export const MAX_SETTINGS_BYTES = 16 * 1024 * 1024;

export type FileRole = 'input' | 'settings' | 'output';

const mb = (bytes: number) => (bytes / (1024 * 1024)).toLocaleString('en-US', { maximumFractionDigits: bytes < 10 * 1024 * 1024 ? 1 : 0 });

/** A FileError about `shown` as one message line. */
export function fileErrorMessage(e: FileError, shown: string, role: FileRole, lang: Lang): string {
  const kind = (k: FileKind | undefined) => FILE_KIND_LABELS[lang][k ?? 'other'];
  switch (e.code) {
    case 'not-a-file':
      if (e.params.kind === 'directory' && role === 'input') return cliText(lang, 'file-is-directory', { file: shown });
      if (e.params.kind === 'directory' && role === 'settings') return cliText(lang, 'settings-file-is-directory', { file: shown });
      return cliText(lang, `${role}-not-a-file`, { file: shown, kind: kind(e.params.kind) });
    case 'too-large':
      return cliText(lang, role === 'settings' ? 'settings-too-large' : 'input-too-large', { file: shown, size: mb(e.params.size ?? 0), limit: mb(e.params.limit ?? 0) });
    case 'input-changed':
      return cliText(lang, 'input-changed', { file: shown });
    case 'hard-linked':
      return cliText(lang, 'output-hard-linked', { file: shown, links: e.params.links ?? 2 });
    case 'dangling-link':
      return cliText(lang, 'output-dangling-link', { file: shown, target: e.params.target ?? '?' });
  }
}

/** Reads the input workbook or the settings file, turning refusals and the file system's errors into messages. */
export async function readInputFile(file: string, shown: string, role: 'input' | 'settings', lang: Lang, options: { maxBytes?: number; hash?: boolean } = {}): Promise<ReadResult> {
  try {
    return await readRegularFile(file, { maxBytes: options.maxBytes ?? (role === 'settings' ? MAX_SETTINGS_BYTES : MAX_INPUT_BYTES), ...(options.hash ? { hash: true } : {}) });
  } catch (e) {
    if (e instanceof FileError) throw new CliError([fileErrorMessage(e, shown, role, lang)]);
    const code = fsCode(e);
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new CliError([cliText(lang, role === 'settings' ? 'settings-file-not-found' : 'file-not-found', { file: shown })]);
    if (code === 'EISDIR') throw new CliError([cliText(lang, role === 'settings' ? 'settings-file-is-directory' : 'file-is-directory', { file: shown })]);
    if (code !== undefined) throw new CliError([cliText(lang, 'file-unreadable', { file: shown, detail: code })]);
    throw e;
  }
}

/**
 * The extension Excel expects for the content: it refuses to open an .xlsx workbook named .xlsm
 * and the other way round ("the file format or extension is not valid").
 */
export function checkExtension(output: string, shownOutput: string, macroEnabled: boolean, lang: Lang): void {
  const ext = path.extname(output).toLowerCase();
  if (macroEnabled && ext === '.xlsx') throw new CliError([cliText(lang, 'xlsm-extension', { file: shownOutput, name: path.basename(output, path.extname(output)) + '.xlsm' })]);
  if (!macroEnabled && ext === '.xlsm') throw new CliError([cliText(lang, 'xlsx-extension', { file: shownOutput, name: path.basename(output, path.extname(output)) + '.xlsx' })]);
}

/** A signed workbook is planned only when the planner agrees that its signature breaks. */
export function checkSignature(workbook: XlsxWorkbook, shown: string, breakSignature: boolean, lang: Lang): void {
  if (!workbook.signed || breakSignature) return;
  throw new CliError([cliText(lang, 'signed-workbook', { file: shown, parts: workbook.signatureParts.join(lang === 'zh' ? '、' : ', ') })]);
}

/** Refuses, before any work, an output that the write would refuse after it. */
export async function checkOutputEarly(
  target: { output: string; shownOutput: string; inputPath: string; inPlace: boolean; overwrite: boolean },
  lang: Lang,
): Promise<void> {
  const { output, shownOutput } = target;
  if (!target.inPlace && path.resolve(output) === path.resolve(target.inputPath)) throw new CliError([cliText(lang, 'output-is-input', { file: shownOutput })]);
  try {
    await inspectTarget(output, target.inPlace || target.overwrite);
  } catch (e) {
    throw saveError(e, shownOutput, lang);
  }
}

/** A failed save as a message; a bug (no file-system code) stays unexpected. */
function saveError(e: unknown, shownOutput: string, lang: Lang): unknown {
  if (e instanceof FileError) return new CliError([fileErrorMessage(e, shownOutput, e.code === 'input-changed' ? 'input' : 'output', lang)]);
  if (isXlsxError(e) && e.code === 'file-exists') return new CliError([cliText(lang, 'output-exists', { file: shownOutput })]);
  if (isXlsxError(e) && e.code === 'overwrite-input') return new CliError([cliText(lang, 'output-is-input', { file: shownOutput })]);
  if (isXlsxError(e)) return new CliError([xlsxMessage(e, lang, shownOutput)]);
  const code = fsCode(e);
  if (code !== undefined) return new CliError([cliText(lang, 'write-failed', { file: shownOutput, detail: code })]);
  return e;
}

export interface SaveRequest {
  output: string;
  shownOutput: string;
  bytes: Uint8Array;
  input: { path: string; stamp: ReadResult['stamp'] };
  inPlace: boolean;
  overwrite: boolean;
  /** The workbook was signed and the planner said --break-signature. */
  signatureBroken: boolean;
  beforeCommit?: () => unknown;
}

/** Saves the planned workbook; returns notes for the summary (temps cleaned up, owner not kept, signature broken). */
export async function saveWorkbook(req: SaveRequest, lang: Lang): Promise<string[]> {
  let result;
  try {
    result = await writeFileAtomic(req.output, req.bytes, {
      inputPath: req.input.path,
      overwriteInput: req.inPlace,
      overwrite: req.overwrite,
      ...(req.inPlace ? { unchangedSince: req.input.stamp } : {}),
      ...(req.beforeCommit ? { beforeCommit: req.beforeCommit } : {}),
    });
  } catch (e) {
    throw saveError(e, req.shownOutput, lang);
  }
  const notes: string[] = [];
  if (result.removedTemps.length > 0) {
    notes.push(cliText(lang, 'stale-temps-removed', { count: result.removedTemps.length, names: result.removedTemps.join(lang === 'zh' ? '、' : ', ') }));
  }
  if (!result.ownerKept && result.owner) notes.push(cliText(lang, 'owner-not-kept', { file: req.shownOutput, uid: result.owner.uid, gid: result.owner.gid }));
  if (req.signatureBroken) notes.push(cliText(lang, 'signature-broken', { file: req.shownOutput }));
  return notes;
}
