/**
 * Where the task pane runs: inside Excel (office.js loaded and Office.onReady names Excel), in
 * another Office application, or in a plain browser (office.js missing, e.g. the CDN unreachable,
 * or loaded outside Office, where onReady reports no host).
 */
export type Environment = { kind: 'excel' } | { kind: 'office'; host: string } | { kind: 'browser' };

/** The part of office.js this module uses; the global `Office` when office.js has loaded. */
export interface OfficeLike {
  onReady(): Promise<{ host: string | null; platform?: unknown }>;
}

function globalOffice(): OfficeLike | undefined {
  return typeof Office === 'undefined' ? undefined : (Office as unknown as OfficeLike);
}

/**
 * Resolves once office.js has said where it runs; browser mode when Office is undefined, when
 * onReady fails, or when it has not answered within `timeoutMs`.
 */
export async function detectEnvironment(
  office: OfficeLike | undefined = globalOffice(),
  timeoutMs = 5000,
): Promise<Environment> {
  if (!office) return { kind: 'browser' };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    const info = await Promise.race([office.onReady(), timeout]);
    const host = info?.host ?? null;
    if (host === 'Excel') return { kind: 'excel' };
    return host ? { kind: 'office', host } : { kind: 'browser' };
  } catch {
    return { kind: 'browser' };
  } finally {
    clearTimeout(timer);
  }
}
