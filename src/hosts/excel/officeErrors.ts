/**
 * Plain messages for what went wrong in Excel: what failed, what to do, and the technical
 * details (OfficeExtension.Error code and debugInfo, and where the pane ran: host and platform
 * as office-js-helpers detected them) for a details section.
 */
import type { Lang } from '../../i18n';
import { fill } from '../../i18n';
import type { ExcelStep, OfficeErrorKind } from '../../i18n/excel';
import { ENVIRONMENT_TEXT, OFFICE_ERROR_TEXT, ROLLBACK_TEXT, STEP_TEXT, WRITE_PROBLEM_TEXT, whereText } from '../../i18n/excel';
import { definedNameRule, sheetNameRule } from '../../i18n/names';
import type { NameProblem } from '../../spec/names';
import { ExcelHostError } from './errors';
import { isOfficeError, knownPlatform, unwrapError } from './platform';

export interface PlainErrorDetails {
  /** The Office error code ("AccessDenied"), when Excel raised it. */
  code?: string;
  message?: string;
  /** OfficeExtension.Error debugInfo (errorLocation, statement, …). */
  debugInfo?: unknown;
  step?: ExcelStep;
  sheet?: string;
  /** For a failed write: whether the workbook was put back. */
  rolledBack?: boolean;
  /** The code of the error that stopped the rollback, if it failed. */
  rollbackCode?: string;
  leftovers?: string[];
  /** Where the pane ran ("EXCEL"), as detected when it started; absent when it was not detected. */
  host?: string;
  /** The platform ("OFFICE_ONLINE", "PC", "MAC", "IOS"), null outside Office. */
  platform?: string | null;
}

export interface PlainError {
  kind: OfficeErrorKind;
  messageZh: string;
  messageEn: string;
  whatToDo: Record<Lang, string>;
  details: PlainErrorDetails;
}

const CODE_KINDS: Record<string, OfficeErrorKind> = {
  RequestPayloadSizeLimitExceeded: 'too-large',
  ResponsePayloadSizeLimitExceeded: 'too-large',
  RangeExceedsLimit: 'too-large',
  OperationCellsExceedLimit: 'too-large',
  ItemNotFound: 'not-found',
  InvalidReference: 'not-found',
  ItemAlreadyExists: 'already-exists',
  InvalidArgument: 'invalid-argument',
  FormulaLengthExceedsLimit: 'invalid-argument',
  AccessDenied: 'protected',
  InvalidOperationInCellEditMode: 'cell-edit-mode',
  Conflict: 'conflict',
  InsertDeleteConflict: 'conflict',
  ApiNotFound: 'api-missing',
  NotImplemented: 'api-missing',
  UnsupportedFeature: 'api-missing',
  Timeout: 'connection',
  ConnectionFailure: 'connection',
  InvalidOrTimedOutSession: 'connection',
  RequestAborted: 'connection',
  GeneralException: 'general',
  ActivityLimitReached: 'general',
  InvalidOperation: 'general',
  UnsupportedOperation: 'general',
};

/** The kind of an Office error code; unknown codes are "general" (Excel said no), other errors "unknown". */
export function kindOfCode(code: string | undefined): OfficeErrorKind {
  if (!code) return 'unknown';
  return CODE_KINDS[code] ?? 'general';
}

function sentence(lang: Lang, text: string): string {
  if (!text) return '';
  return /[。.!！？?]$/.test(text) ? text : text + (lang === 'zh' ? '。' : '.');
}

/** Turns any error from the Excel host (or from Office.js directly) into plain words. */
export function describeOfficeError(error: unknown): PlainError {
  const host = error instanceof ExcelHostError ? error : undefined;
  const inner = unwrapError(error);
  const office = isOfficeError(inner) ? inner : undefined;
  const notInExcel = !office && inner instanceof ReferenceError && /\b(Excel|Office)\b/.test(inner.message);

  let kind: OfficeErrorKind;
  let what: Record<Lang, string>;
  if (host?.problem) {
    const p = host.problem;
    kind =
      p.key === 'sheet-exists' || p.key === 'name-exists'
        ? 'already-exists'
        : p.key === 'sheet-not-found'
          ? 'not-found'
          : p.key === 'sheet-protected' || p.key === 'workbook-protected'
            ? 'protected'
            : 'invalid-write';
    // A name the shared validator refused carries its rule (spec/names.ts): said in each language.
    const rule = p.params.rule as NameProblem | undefined;
    const params = (lang: Lang): Record<string, string> =>
      rule === undefined ? p.params : { ...p.params, reason: p.key === 'bad-sheet-name' ? sheetNameRule(rule, lang) : definedNameRule(rule, lang) };
    what = { zh: fill(WRITE_PROBLEM_TEXT.zh[p.key], params('zh')), en: fill(WRITE_PROBLEM_TEXT.en[p.key], params('en')) };
  } else {
    kind = office ? kindOfCode(office.code) : notInExcel ? 'not-in-excel' : 'unknown';
    what = { zh: OFFICE_ERROR_TEXT.zh[kind].what, en: OFFICE_ERROR_TEXT.en[kind].what };
  }

  const compose = (lang: Lang): string => {
    const parts: string[] = [];
    const step = host ? fill(STEP_TEXT[lang][host.step], { sheet: host.sheet ?? '' }) : '';
    const core = sentence(lang, what[lang]);
    parts.push(step ? (lang === 'zh' ? `${step}出错：${core}` : `${step}: ${core.charAt(0).toLowerCase()}${core.slice(1)}`) : core);
    if (host) {
      if (host.rolledBack === true) parts.push(ROLLBACK_TEXT[lang].restored);
      else if (host.rolledBack === false) {
        parts.push(ROLLBACK_TEXT[lang].notRestored);
        if (host.leftovers?.length) parts.push(fill(ROLLBACK_TEXT[lang].leftovers, { sheets: host.leftovers.map((s) => `“${s}”`).join(lang === 'zh' ? '、' : ', ') }));
      } else if (!host.changed && host.step !== 'read' && host.step !== 'list' && host.step !== 'select') parts.push(ROLLBACK_TEXT[lang].nothingChanged);
    }
    return parts.join(lang === 'zh' ? '' : ' ');
  };

  const details: PlainErrorDetails = {};
  if (office) {
    details.code = office.code;
    details.message = office.message;
    if (office.debugInfo !== undefined) details.debugInfo = office.debugInfo;
  } else if (inner instanceof Error) {
    details.message = `${inner.name}: ${inner.message}`;
  } else if (inner !== undefined && !host?.problem) {
    details.message = String(inner);
  }
  if (host) {
    details.step = host.step;
    if (host.sheet !== undefined) details.sheet = host.sheet;
    if (host.rolledBack !== undefined) details.rolledBack = host.rolledBack;
    const rb = host.rollbackError === undefined ? undefined : unwrapError(host.rollbackError);
    if (rb !== undefined) details.rollbackCode = isOfficeError(rb) ? rb.code : rb instanceof Error ? rb.message : String(rb);
    if (host.leftovers?.length) details.leftovers = host.leftovers;
  }
  const where = knownPlatform();
  if (where) {
    details.host = where.host;
    details.platform = where.platform;
  }

  return {
    kind,
    messageZh: compose('zh'),
    messageEn: compose('en'),
    whatToDo: { zh: OFFICE_ERROR_TEXT.zh[kind].todo, en: OFFICE_ERROR_TEXT.en[kind].todo },
    details,
  };
}

/** The details' first line: where the pane ran, in words, with the names a support person searches for. */
export function environmentLine(details: PlainErrorDetails, lang: Lang): string {
  const { host, platform = null } = details;
  if (host === undefined) return ENVIRONMENT_TEXT[lang].unknown;
  return fill(ENVIRONMENT_TEXT[lang].where, { where: whereText(lang, host, platform), host, platform: platform ?? '-' });
}

/** The message, what to do, and the details as text, in one language (for the pane). */
export function officeErrorText(error: unknown, lang: Lang): { message: string; whatToDo: string; details: string } {
  const p = describeOfficeError(error);
  return {
    message: lang === 'zh' ? p.messageZh : p.messageEn,
    whatToDo: p.whatToDo[lang],
    details: `${environmentLine(p.details, lang)}\n${JSON.stringify(p.details, null, 2)}`,
  };
}
