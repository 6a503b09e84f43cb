/**
 * The one place that uses @microsoft/office-js-helpers (archived, but part of the product's
 * stack): which Office application the pane runs in and on which platform (its `Utilities.host`
 * and `Utilities.platform`, which read Office.context and, before Office has answered, the host
 * info Office leaves in the frame's sessionStorage). The environment notice and the details of
 * every Excel error show the answer. Replace this file to drop the library; nothing else imports it.
 *
 * The library reads `window` when its getters run (not at import), and pulls core-js 2 and
 * rxjs 5 (55 KB minified), so it is loaded lazily with import(), as its own chunk
 * ("office-helpers"), and only inside Office: the page in a plain browser never fetches it.
 *
 * Its error helpers are not used: `Utilities.log` writes to the console, `UI.notify` draws its
 * own English banner with a stack trace; the pane's messages (officeErrors.ts) are plain words in
 * two languages with the code and debugInfo kept for the details. Of its errors only the shape
 * is honoured (`innerError`, in unwrapError below).
 */

export interface PlatformInfo {
  /** "EXCEL", "WORD", … or "WEB" when not inside an Office host (office-js-helpers' HostType). */
  host: string;
  /** "PC", "OFFICE_ONLINE", "MAC", "IOS" (or Office's own word for a newer one), null outside Office. */
  platform: string | null;
  /** True inside Excel (desktop, Mac, web, iPad). */
  inExcel: boolean;
}

type Helpers = typeof import('@microsoft/office-js-helpers');
let helpers: Promise<Helpers> | undefined;
let detected: PlatformInfo | undefined;

function loadHelpers(): Promise<Helpers> {
  helpers ??= import(/* webpackChunkName: "office-helpers" */ '@microsoft/office-js-helpers');
  // A chunk that failed to load is asked for again next time (a network hiccup is not final).
  helpers.catch(() => (helpers = undefined));
  return helpers;
}

const OUTSIDE: PlatformInfo = { host: 'WEB', platform: null, inExcel: false };

/**
 * Where the pane runs. Call after Office.onReady. Outside a browser the answer is "WEB" (not
 * in Office) without loading the library; undefined when the library could not be loaded or
 * could not tell. The answer is kept for knownPlatform().
 */
export async function detectPlatform(): Promise<PlatformInfo | undefined> {
  if (typeof window === 'undefined') return OUTSIDE;
  try {
    const { Utilities } = await loadHelpers();
    const host = Utilities.host || 'WEB';
    const platform = host === 'WEB' ? null : Utilities.platform || null;
    detected = { host, platform, inExcel: host === 'EXCEL' };
    return detected;
  } catch {
    return undefined;
  }
}

/** What the last detectPlatform() found, for code that cannot wait (an error's details). */
export function knownPlatform(): PlatformInfo | undefined {
  return detected;
}

/**
 * Whether Excel supports an ExcelApi requirement set ("1.7"); false outside Excel. The Excel
 * host needs REQUIRED_EXCEL_API (1.7, see excelHost.ts).
 */
export function supportsExcelApi(version: string): boolean {
  const office = (globalThis as { Office?: { context?: { requirements?: { isSetSupported(name: string, v?: string): boolean } } } }).Office;
  try {
    return !!office?.context?.requirements?.isSetSupported('ExcelApi', version);
  } catch {
    return false;
  }
}

/** True for an OfficeExtension.Error (or one shaped like it: a string code and debugInfo). */
export function isOfficeError(e: unknown): e is { name: string; message: string; code: string; debugInfo?: unknown } {
  if (!e || typeof e !== 'object') return false;
  const ext = (globalThis as { OfficeExtension?: { Error?: new (...a: never[]) => unknown } }).OfficeExtension;
  if (ext?.Error && e instanceof ext.Error) return true;
  const x = e as { name?: unknown; code?: unknown; debugInfo?: unknown };
  return typeof x.code === 'string' && (x.name === 'RichApi.Error' || x.name === 'OfficeExtension.Error' || (typeof x.debugInfo === 'object' && x.debugInfo !== null));
}

/**
 * The Office error inside a wrapper: office-js-helpers' CustomError subclasses (APIError,
 * Exception, …) keep it as `innerError`; our ExcelHostError and other errors as `cause`.
 * Returns the first Office error found, else the innermost error.
 */
export function unwrapError(e: unknown): unknown {
  let current = e;
  for (let depth = 0; depth < 8; depth++) {
    if (isOfficeError(current)) return current;
    const x = current as { innerError?: unknown; cause?: unknown } | null;
    const next = x && typeof x === 'object' ? (x.innerError ?? x.cause) : undefined;
    if (next === undefined || next === null) return current;
    current = next;
  }
  return current;
}
