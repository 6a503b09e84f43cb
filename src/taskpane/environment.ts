/**
 * Where the task pane runs: inside Excel (office.js loaded and Office.onReady names Excel, or an
 * `Excel` object with `run` already on the page, as the browser tests install their fake), in
 * another Office application, or in a plain browser (office.js missing, e.g. the CDN
 * unreachable, or loaded outside Office, where onReady reports no host): then file mode.
 */
import { REQUIRED_EXCEL_API, supportsExcelApi } from '../hosts/excel';

export type Environment =
  | {
      kind: 'excel';
      /** False when Excel lacks the ExcelApi requirement set the host needs (REQUIRED_EXCEL_API). */
      apiSupported: boolean;
      /** Office's display language ("zh-CN"), when Office said it. */
      displayLanguage?: string;
    }
  | { kind: 'office'; host: string; displayLanguage?: string }
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
 */
export async function detectEnvironment(
  office: OfficeLike | undefined = globalOffice(),
  timeoutMs = 5000,
  scope: object = globalThis,
): Promise<Environment> {
  const pageExcel = (): Environment => (globalExcelRun(scope) ? { kind: 'excel', apiSupported: true } : { kind: 'browser' });
  if (!office) return pageExcel();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    const info = await Promise.race([office.onReady(), timeout]);
    const host = info?.host ?? null;
    const lang = displayLanguage(office);
    if (host === 'Excel') {
      const apiSupported = office.context?.requirements ? supportsRequirement(office) : supportsExcelApi(REQUIRED_EXCEL_API);
      return { kind: 'excel', apiSupported, ...(lang ? { displayLanguage: lang } : {}) };
    }
    return host ? { kind: 'office', host, ...(lang ? { displayLanguage: lang } : {}) } : pageExcel();
  } catch {
    return pageExcel();
  } finally {
    clearTimeout(timer);
  }
}

function supportsRequirement(office: OfficeLike): boolean {
  try {
    return !!office.context?.requirements?.isSetSupported('ExcelApi', REQUIRED_EXCEL_API);
  } catch {
    return false;
  }
}
