/** Shared helpers for the xlsx host tests. */
import zlib from 'node:zlib';
import { unzipSync } from 'fflate';
import { XlsxError } from '../../../src/hosts/xlsx';
import { zlibCodec } from '../../../src/hosts/xlsx/zlibCodec';
import type { WorkbookWrite } from '../../../src/spec/write';

/** The XlsxError `f` throws (any other error, or none, fails the test). */
export function errorOf(f: () => unknown): XlsxError {
  try {
    f();
  } catch (e) {
    if (e instanceof XlsxError) return e;
    throw e;
  }
  throw new Error('expected an XlsxError');
}

/** The XlsxError the promise `f` makes rejects with (any other error, or none, fails the test). */
export async function rejectionOf(f: () => Promise<unknown>): Promise<XlsxError> {
  try {
    await f();
  } catch (e) {
    if (e instanceof XlsxError) return e;
    throw e;
  }
  throw new Error('expected an XlsxError');
}

/** Both codecs, for describe.each: fflate (the browser's) and Node's zlib (useNativeCodec(codec)). */
export const CODECS = [
  ['fflate', undefined],
  ['zlib', zlibCodec(zlib)],
] as const;

export function parts(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

export function text(bytes: Uint8Array, part: string): string {
  const p = parts(bytes)[part];
  if (!p) throw new Error(`no part ${part}`);
  return new TextDecoder().decode(p);
}

export function emptyWrite(overrides: Partial<WorkbookWrite> = {}): WorkbookWrite {
  return { removeSheets: [], addSheets: [], columns: [], removeNames: [], addNames: [], ...overrides };
}

/** Names of parts whose bytes differ between two packages, and parts only in one. */
export function diffParts(before: Uint8Array, after: Uint8Array): { changed: string[]; removed: string[]; added: string[] } {
  const a = parts(before);
  const b = parts(after);
  const changed: string[] = [];
  const removed: string[] = [];
  for (const [name, bytes] of Object.entries(a)) {
    const other = b[name];
    if (!other) removed.push(name);
    else if (Buffer.compare(Buffer.from(bytes), Buffer.from(other)) !== 0) changed.push(name);
  }
  const added = Object.keys(b).filter((n) => !(n in a));
  return { changed: changed.sort(), removed: removed.sort(), added: added.sort() };
}
