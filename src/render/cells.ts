/**
 * Small builders for SpecCells and for constants inside formulas. Every piece of user text that
 * reaches a workbook goes through text() (a text cell, never parsed) or strLit() (a quoted
 * formula string, never evaluated): that is the whole defence against formula injection.
 */
import type { CellValue } from '../engine/types';
import type { CellStyleId, FillDown, SpecCell } from '../spec/write';

export const text = (t: string, style?: CellStyleId): SpecCell => (style ? { kind: 'text', text: t, style } : { kind: 'text', text: t });

export const num = (value: number, style?: CellStyleId): SpecCell => (style ? { kind: 'number', value, style } : { kind: 'number', value });

export function formula(f: string, cached: CellValue | undefined, style?: CellStyleId): SpecCell {
  // Formulas are built by concatenation, which V8 keeps as a tree of pieces; reading a
  // character flattens it into one string. On 100,000 rows of tags that halves the memory
  // the write holds and makes rendering 3× faster (less for the garbage collector to copy).
  f.charCodeAt(0);
  const cell: SpecCell = { kind: 'formula', formula: f, cached };
  if (style) cell.style = style;
  return cell;
}

/** A text cell, or nothing for blank text (a null cell). */
export const textOrBlank = (t: string, style?: CellStyleId): SpecCell => (t === '' ? null : text(t, style));

/**
 * Excel refuses string constants longer than 255 characters inside a formula; callers fall
 * back to plain values for longer text.
 */
export const MAX_FORMULA_STRING = 255;

// Control characters other than tab do not survive a round trip through a formula's text.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

/** Whether strLit can carry this text exactly. */
export function fitsStrLit(s: string): boolean {
  return s.length <= MAX_FORMULA_STRING && !CONTROL.test(s) && !/[\r\n]/.test(s);
}

/** A formula string constant: "…" with quotes doubled. The caller checks fitsStrLit first. */
export function strLit(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/**
 * A number constant in a formula, exact for every finite double: JavaScript's shortest
 * round-trip form, with the exponent in the E±n form spreadsheets parse.
 */
export function numLit(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const s = String(x);
  return s.includes('e') ? s.replace('e', 'E') : s;
}

/** A cell value (as a host reads it) as a formula constant, for "is the cell still what we read" checks. */
export function valueLit(v: CellValue): string | undefined {
  if (v === null) return '""';
  if (typeof v === 'number') return Number.isFinite(v) ? numLit(v) : undefined;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return fitsStrLit(v) ? strLit(v) : undefined;
}

/** A cell of a fill-down (see spec.ts); `fill` is shared by every cell of the column. */
export function filled(fill: FillDown, cached: CellValue | undefined, style?: CellStyleId): SpecCell {
  const cell: SpecCell = { kind: 'fill', fill, cached };
  if (style) cell.style = style;
  return cell;
}

/** A FillDown for `formula` as written at sheet row `row`. */
export function fillDown(formula: string, row: number): FillDown {
  formula.charCodeAt(0);
  return { formula, row };
}
