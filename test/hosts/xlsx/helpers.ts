/** Shared helpers for the xlsx host tests. */
import { unzipSync } from 'fflate';
import type { WorkbookWrite } from '../../../src/render/spec';

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
