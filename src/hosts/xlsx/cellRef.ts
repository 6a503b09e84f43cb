/** A1 references in the package's XML: cell and range parsing (column letters: engine/a1.ts). */
import { columnLetter } from '../../engine/a1';
import type { CellArea } from '../host';

export type { CellArea };

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
  const tl = columnLetter(a.firstColumn) + a.firstRow;
  const br = columnLetter(a.lastColumn) + a.lastRow;
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
