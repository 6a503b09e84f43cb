/**
 * Any error the pane meets, as plain words: what failed and what to do, with the technical
 * details kept apart for a collapsible section. Office errors (through the Excel host), the
 * .xlsx host's errors (which carry both languages) and anything else.
 */
import { ExcelHostError, isOfficeError, officeErrorText, unwrapError } from '../../hosts/excel';
import type { Lang } from '../../i18n';
import { paneText } from '../../i18n/taskpane';

export interface PaneError {
  title: string;
  message: string;
  whatToDo?: string;
  details?: string;
}

/** An XlsxError, known by its shape (the .xlsx host is its own chunk: no instanceof across it). */
interface XlsxLike {
  name: string;
  code: string;
  messageZh: string;
  messageEn: string;
  part?: string;
}

export function isXlsxLike(e: unknown): e is XlsxLike {
  const x = e as Partial<XlsxLike> | null;
  return !!x && typeof x === 'object' && x.name === 'XlsxError' && typeof x.messageZh === 'string' && typeof x.messageEn === 'string';
}

/** A problem the pane itself found, already in words. */
export class PaneProblem extends Error {
  constructor(
    readonly title: string,
    readonly lines: string[],
  ) {
    super(lines.join('\n'));
    this.name = 'PaneProblem';
  }
}

function technical(e: unknown): string | undefined {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  if (e === undefined || e === null) return undefined;
  try {
    return JSON.stringify(e);
  } catch {
    return String(e);
  }
}

export function paneError(e: unknown, lang: Lang, context: { file?: string } = {}): PaneError {
  if (e instanceof PaneProblem) return { title: e.title, message: e.lines.join('\n') };
  if (isXlsxLike(e)) {
    return {
      title: context.file ? paneText(lang, 'error-file-title', { file: context.file }) : paneText(lang, 'error-title'),
      message: lang === 'zh' ? e.messageZh : e.messageEn,
      details: JSON.stringify({ code: e.code, ...(e.part ? { part: e.part } : {}) }, null, 2),
    };
  }
  if (e instanceof ExcelHostError || isOfficeError(unwrapError(e)) || (e instanceof ReferenceError && /\b(Excel|Office)\b/.test(e.message))) {
    const t = officeErrorText(e, lang);
    return { title: paneText(lang, 'error-title'), message: t.message, whatToDo: t.whatToDo, details: t.details };
  }
  const details = technical(e);
  return {
    title: paneText(lang, 'error-title'),
    message: paneText(lang, 'error-unknown'),
    whatToDo: paneText(lang, 'error-todo-unknown'),
    ...(details ? { details } : {}),
  };
}
