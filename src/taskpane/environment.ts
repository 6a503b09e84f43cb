/**
 * Where the task pane runs: inside Excel (office.js loaded and Office.onReady names Excel, or an
 * `Excel` object with `run` already on the page, as the browser tests install their fake), in
 * another Office application, or in a plain browser (office.js missing, e.g. the CDN
 * unreachable, or loaded outside Office, where onReady reports no host): then file mode.
 * Inside Office it also asks office-js-helpers (src/hosts/excel/platform.ts, loaded only then)
 * for the host and platform, which the environment notice and every Excel error's details show.
 */
import { type PlatformInfo, REQUIRED_EXCEL_API, detectPlatform, supportsExcelApi } from '../hosts/excel';
import type { Lang } from '../i18n';
import { whereText } from '../i18n/excel';

export type Environment =
  | {
      kind: 'excel';
      /** False when Excel lacks the ExcelApi requirement set the host needs (REQUIRED_EXCEL_API). */
      apiSupported: boolean;
      /** Office's display language ("zh-CN"), when Office said it. */
      displayLanguage?: string;
      /** Host and platform (office-js-helpers), when it answered in time. */
      platform?: PlatformInfo;
    }
  | { kind: 'office'; host: string; displayLanguage?: string; platform?: PlatformInfo }
  | { kind: 'browser' };

/** The part of office.js this module uses; the global `Office` when office.js has loaded. */
export interface OfficeLike {
  onReady(): Promise<{ host: string | null; platform?: unknown }>;
  context?: { displayLanguage?: string; requirements?: { isSetSupported(name: string, version?: string): boolean } };
}

function globalOffice(): OfficeLike | undefined {
  return typeof Office === 'undefined' ? undefined : (Office as unknown as OfficeLike);
}

/** An `Excel` global with `run`: office.js inside Excel, or a fake a test put on the page before the pane started. */
export function globalExcelRun(scope: object = globalThis): boolean {
  const excel = (scope as { Excel?: { run?: unknown } }).Excel;
  return typeof excel?.run === 'function';
}

function displayLanguage(office: OfficeLike): string | undefined {
  try {
    return office.context?.displayLanguage || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Resolves once office.js has said where it runs; browser mode when Office is undefined, when
 * onReady fails, or when it has not answered within `timeoutMs` (unless an Excel is on the page).
 * Once Office named a host, the platform detection gets what is left of `timeoutMs` (at least a
 * second); without an answer the pane starts all the same, without the platform.
 */
export async function detectEnvironment(
  office: OfficeLike | undefined = globalOffice(),
  timeoutMs = 5000,
  scope: object = globalThis,
  platformOf: () => Promise<PlatformInfo | undefined> = detectPlatform,
): Promise<Environment> {
  const pageExcel = (): Environment => (globalExcelRun(scope) ? { kind: 'excel', apiSupported: true } : { kind: 'browser' });
  if (!office) return pageExcel();
  const started = Date.now();
  let info: Awaited<ReturnType<OfficeLike['onReady']>> | null;
  try {
    info = await within(office.onReady(), timeoutMs);
  } catch {
    return pageExcel();
  }
  const host = info?.host ?? null;
  if (!host) return pageExcel();
  const lang = displayLanguage(office);
  const answer = await within(platformOf(), Math.max(1000, timeoutMs - (Date.now() - started))).catch(() => null);
  // Office named a host: an answer of "not in Office" (the library reading no window) is no answer.
  const platform = answer && answer.host !== 'WEB' ? answer : undefined;
  const extra = { ...(lang ? { displayLanguage: lang } : {}), ...(platform ? { platform } : {}) };
  if (host === 'Excel') {
    const apiSupported = office.context?.requirements ? supportsRequirement(office) : supportsExcelApi(REQUIRED_EXCEL_API);
    return { kind: 'excel', apiSupported, ...extra };
  }
  return { kind: 'office', host, ...extra };
}

/** The promise's answer, or null when it has not settled within `ms`. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Where the pane runs, in words, for the environment notice: "Excel（网页版）", "Word on Mac".
 * Undefined in a plain browser (file mode says so itself) and when the page's Excel is a test's.
 */
export function environmentWhere(env: Environment, lang: Lang): string | undefined {
  if (env.kind === 'browser') return undefined;
  if (env.platform) return whereText(lang, env.platform.host, env.platform.platform);
  return env.kind === 'office' ? env.host : undefined;
}

function supportsRequirement(office: OfficeLike): boolean {
  try {
    return !!office.context?.requirements?.isSetSupported('ExcelApi', REQUIRED_EXCEL_API);
  } catch {
    return false;
  }
}
