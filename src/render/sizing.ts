/**
 * Column widths sized to content, in characters as spreadsheets count them: a CJK character
 * (or any East Asian wide/full-width one) takes two.
 */
import type { CellValue } from '../engine/types';
import type { CellStyleId, SpecCell } from '../spec/write';

const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Display width of a text: wide characters count 2, others 1. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

/** Width of a number as the 万元 formats show it (#,##0.00). */
function numberWidth(n: number, decimals: number): number {
  const whole = Math.trunc(Math.abs(n)).toString();
  const groups = Math.floor((whole.length - 1) / 3);
  return whole.length + groups + (decimals ? decimals + 1 : 0) + (n < 0 ? 1 : 0);
}

function valueWidth(v: CellValue | undefined, style: CellStyleId | undefined): number {
  if (v === null || v === undefined) return 0;
  if (typeof v === 'number') {
    if (style === 'percent') return 6;
    if (style === 'wan' || style === 'total') return numberWidth(v, 2);
    if (style === 'wanInt') return numberWidth(v, 0);
    return String(v).length;
  }
  if (typeof v === 'boolean') return 5;
  return textWidth(v);
}

/** What a cell shows, for sizing: the text, the number, or a formula's cached value. */
export function cellWidth(cell: SpecCell | undefined): number {
  if (!cell) return 0;
  switch (cell.kind) {
    case 'text':
      return textWidth(cell.text);
    case 'number':
      return valueWidth(cell.value, cell.style);
    case 'bool':
      return 5;
    case 'formula':
    case 'fill':
      return valueWidth(cell.cached, cell.style);
  }
}

export interface SizingOptions {
  /** Rows (0-based) whose cells wrap (headers): they count up to `wrapAt` only. */
  wrapRows?: ReadonlySet<number>;
  /** Rows (0-based) that span many columns (titles, notes): not counted at all. */
  skipRows?: ReadonlySet<number>;
  /** Single cells that spill over their neighbours (a note beside a table): not counted. */
  skipCell?: (row: number, column: number) => boolean;
  wrapAt?: number;
  min?: number;
  max?: number;
}

/**
 * Widths in characters for every column of `rows`: the widest cell plus padding, between min
 * and max. Large sheets are sampled (the first 2,000 rows and every tenth after) so sizing a
 * 100,000-row sheet stays cheap; amounts and names are alike enough for that.
 */
export function columnWidths(rows: readonly (readonly SpecCell[])[], options: SizingOptions = {}): number[] {
  const { wrapRows, skipRows, skipCell, wrapAt = 16, min = 6, max = 50 } = options;
  const widths: number[] = [];
  for (let r = 0; r < rows.length; r++) {
    if (r >= 2000 && r % 10 !== 0 && r !== rows.length - 1) continue;
    if (skipRows?.has(r)) continue;
    const row = rows[r];
    for (let c = 0; c < row.length; c++) {
      if (skipCell?.(r, c)) continue;
      let w = cellWidth(row[c]);
      if (wrapRows?.has(r)) w = Math.min(w, wrapAt);
      if (w > (widths[c] ?? 0)) widths[c] = w;
    }
  }
  const out: number[] = [];
  for (let c = 0; c < widths.length; c++) out.push(Math.max(min, Math.min(max, (widths[c] ?? 0) + 2)));
  return out;
}
