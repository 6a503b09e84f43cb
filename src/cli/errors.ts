/**
 * The input cannot be planned (exit code 1): a message already in the planner's language that
 * says what is wrong, where (file, sheet, row, column or cell) and what to do, one line each.
 */
import type { Lang } from '../i18n';
import { XlsxError } from '../hosts/xlsx/errors';
import { cliText } from '../i18n/cli';

export class CliError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
    this.name = 'CliError';
  }
}

/** An XlsxError's message in the chosen language, with the file it concerns. */
export function xlsxMessage(e: XlsxError, lang: Lang, file: string): string {
  return cliText(lang, 'in-file', { file, message: lang === 'zh' ? e.messageZh : e.messageEn });
}

export function isXlsxError(e: unknown): e is XlsxError {
  return e instanceof XlsxError;
}

/** A file-system error's code (ENOENT, EACCES…), if it is one. */
export function fsCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : undefined;
}

/**
 * An unexpected error in a few plain words for the message: its kind and text, with any file
 * path cut to its last name (the machine's folders are nobody's business), on one line, short.
 */
export function plainError(e: unknown): string {
  const raw = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  const firstLine = raw.split('\n')[0];
  const cut = firstLine
    .replace(/file:\/\/\S+/g, (url) => url.slice(url.lastIndexOf('/') + 1))
    .replace(/(?:[A-Za-z]:)?[\\/](?:[^\s'"`:,()\\/]+[\\/])+([^\s'"`:,()\\/]*)/g, (_all, last: string) => last || '…');
  return cut.length > 200 ? `${cut.slice(0, 200)}…` : cut;
}
