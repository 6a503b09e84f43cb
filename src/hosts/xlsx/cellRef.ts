/** A1 references: column letters ↔ numbers (1-based), cell and range parsing. */
import type { CellArea } from '../host';

export type { CellArea };

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

const letterCache: string[] = [];

/** 1 → "A", 27 → "AA". */
export function columnLetters(col: number): string {
  const cached = letterCache[col];
  if (cached !== undefined) return cached;
  let n = col;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  if (col < 20000) letterCache[col] = s;
  return s;
}

/** "AB12" → { row: 12, col: 28 }; `$` signs allowed; undefined if it is not a cell reference. */
export function parseCellRef(ref: string): { row: number; col: number } | undefined {
  let i = 0;
  let col = 0;
  const n = ref.length;
  if (ref.charCodeAt(i) === 36) i++;
  while (i < n) {
    const c = ref.charCodeAt(i) | 0x20; // lower-case letters
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
    i++;
  }
  if (col === 0) return undefined;
  if (ref.charCodeAt(i) === 36) i++;
  let row = 0;
  const start = i;
  while (i < n) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    row = row * 10 + (c - 48);
    i++;
  }
  if (i === start || row === 0) return undefined;
  return { row, col };
}

/** Column number of a reference's letters only (fast path for `<c r="...">`). */
export function columnOfRef(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c !== 36) break;
  }
  return col;
}


/** "A1:C3" or "B2" → area; undefined if malformed. */
export function parseArea(ref: string): CellArea | undefined {
  const [a, b] = ref.split(':');
  const p = parseCellRef(a ?? '');
  const q = b === undefined ? p : parseCellRef(b);
  if (!p || !q) return undefined;
  return {
    firstRow: Math.min(p.row, q.row),
    firstColumn: Math.min(p.col, q.col),
    lastRow: Math.max(p.row, q.row),
    lastColumn: Math.max(p.col, q.col),
  };
}

export function formatArea(a: CellArea): string {
  const tl = columnLetters(a.firstColumn) + a.firstRow;
  const br = columnLetters(a.lastColumn) + a.lastRow;
  return tl === br ? tl : `${tl}:${br}`;
}

export function unionArea(a: CellArea | undefined, b: CellArea): CellArea {
  if (!a) return { ...b };
  return {
    firstRow: Math.min(a.firstRow, b.firstRow),
    firstColumn: Math.min(a.firstColumn, b.firstColumn),
    lastRow: Math.max(a.lastRow, b.lastRow),
    lastColumn: Math.max(a.lastColumn, b.lastColumn),
  };
}
