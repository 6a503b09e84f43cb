/**
 * Request sizes. Excel on the web refuses a request or a response over 5 MB and a read of more
 * than 5,000,000 cells; the host keeps each request under a budget well below that, counted in
 * the UTF-8 bytes of the JSON that Office.js sends (values, formulas, number formats).
 */
import type { CellValue } from '../../engine/types';

export interface Limits {
  /** Bytes a write request may carry (payload written plus read back in the same sync). */
  writeBudget: number;
  /** Bytes a read block may bring back. */
  readBudget: number;
  /** Cells one read may ask for (Excel's cap is 5,000,000). */
  readCells: number;
  /** Bytes counted for each queued operation besides its data (object path, method). */
  opBytes: number;
}

export const DEFAULT_LIMITS: Limits = {
  writeBudget: 3_500_000,
  readBudget: 3_000_000,
  readCells: 4_000_000,
  opBytes: 256,
};

/** UTF-8 bytes of a JSON string literal for `s`, quotes and escapes included. */
const PLAIN_ASCII = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

export function jsonStringBytes(s: string): number {
  if (PLAIN_ASCII.test(s)) return s.length + 2;
  let n = 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (c === 0x22 || c === 0x5c || c === 0x08 || c === 0x0c || c === 0x0a || c === 0x0d || c === 0x09) n += 2;
      else if (c < 0x20) n += 6;
      else n += 1;
    } else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/** UTF-8 bytes of JSON.stringify(v) for one cell's value (number, string, boolean, null). */
export function jsonValueBytes(v: CellValue | undefined): number {
  if (v === null || v === undefined) return 4;
  if (typeof v === 'string') return jsonStringBytes(v);
  if (typeof v === 'boolean') return v ? 4 : 5;
  return Number.isFinite(v) ? String(v).length : 4;
}

/** UTF-8 bytes of JSON.stringify(rows) for a 2-D array of cell values. */
export function jsonGridBytes(rows: readonly (readonly (CellValue | undefined)[])[]): number {
  let n = 2 + Math.max(0, rows.length - 1);
  for (const row of rows) {
    n += 2 + Math.max(0, row.length - 1);
    for (const v of row) n += jsonValueBytes(v);
  }
  return n;
}
