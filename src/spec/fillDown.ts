/**
 * Formulas filled down a column, as Excel's fill handle fills them: the formula written at one
 * row and copied to the rows below (or above), with every relative row reference shifted by the
 * distance (A5 → A6, $A5 → $A6, A5:B7 → A6:B8, 5:5 → 6:6) and absolute rows ($A$5, A$5) kept.
 * Text inside string constants ("A5"), quoted sheet names ('Q1 A5'!B2), structured references
 * (Table1[A5]), defined names (ABC_Cities, Rate2019), function names (LOG10) and a sheet name
 * before "!" are left alone.
 *
 * The renderer says "this cell is the fill of that formula" with a SpecCell of kind "fill";
 * hosts either write a run of such cells as one shared formula (the .xlsx host) or expand each
 * one with fillFormulaAt (the Excel host). Both hosts import this module, which is pure.
 */
import { columnNumber, MAX_COLUMNS, MAX_ROWS } from '../engine/a1';
import type { FillDown } from './write';

/**
 * A formula cut at its relative row numbers: the formula at a shift of `delta` is
 * parts[0] + (rows[0] + delta) + parts[1] + … + parts[rows.length]. Without relative rows,
 * parts is the formula alone.
 */
export interface FillTemplate {
  readonly parts: readonly string[];
  readonly rows: readonly number[];
  /** Smallest and largest relative row (0 when there are none). */
  readonly minRow: number;
  readonly maxRow: number;
}

// Characters that continue a name, a number or a reference: a reference is a whole run of them.
const NAME_CHAR = /[\p{L}\p{N}_.\\$?]/u;
const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)([0-9]+)$/;
const ROW = /^(\$?)([0-9]+)$/;

const validRow = (digits: string): number | undefined => {
  const n = Number(digits);
  return n >= 1 && n <= MAX_ROWS ? n : undefined;
};

/** The formula (text without the leading "=") cut at its relative row references. */
export function compileFill(formula: string): FillTemplate {
  const parts: string[] = [];
  const rows: number[] = [];
  let from = 0; // start of the text not yet put in parts
  const cut = (at: number, end: number, row: number): void => {
    parts.push(formula.slice(from, at));
    rows.push(row);
    from = end;
  };
  const n = formula.length;
  let i = 0;
  while (i < n) {
    const c = formula[i]!;
    if (c === '"' || c === "'") {
      // A string constant or a quoted sheet name; a doubled quote stays inside.
      let j = i + 1;
      for (;;) {
        if (j >= n) break;
        if (formula[j] === c) {
          if (formula[j + 1] === c) j += 2;
          else break;
        } else j++;
      }
      i = j + 1;
      continue;
    }
    if (c === '[') {
      // A structured or external reference: nothing inside shifts.
      let depth = 0;
      let j = i;
      for (; j < n; j++) {
        if (formula[j] === '[') depth++;
        else if (formula[j] === ']' && --depth === 0) break;
      }
      i = j + 1;
      continue;
    }
    if (!NAME_CHAR.test(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && NAME_CHAR.test(formula[j]!)) j++;
    const token = formula.slice(i, j);
    const next = formula[j];
    // A function name or a sheet name is not a reference.
    if (next === '(' || next === '!' || next === '[') {
      i = j;
      continue;
    }
    const cell = CELL.exec(token);
    if (cell) {
      const row = validRow(cell[4]!);
      if (row !== undefined && columnNumber(cell[2]!) <= MAX_COLUMNS) {
        if (!cell[3]) cut(j - cell[4]!.length, j, row);
      }
      i = j;
      continue;
    }
    // Whole rows: 5:7, $5:7 (a number alone is a number).
    const row = ROW.exec(token);
    if (row && next === ':') {
      let k = j + 1;
      while (k < n && NAME_CHAR.test(formula[k]!)) k++;
      const other = ROW.exec(formula.slice(j + 1, k));
      const a = validRow(row[2]!);
      const b = other ? validRow(other[2]!) : undefined;
      if (other && a !== undefined && b !== undefined && formula[k] !== '(' && formula[k] !== '!') {
        if (!row[1]) cut(i + row[1]!.length, j, a);
        if (!other[1]) cut(j + 1, k, b);
        i = k;
        continue;
      }
    }
    i = j;
  }
  parts.push(formula.slice(from));
  let minRow = rows.length ? Infinity : 0;
  let maxRow = rows.length ? -Infinity : 0;
  for (const r of rows) {
    if (r < minRow) minRow = r;
    if (r > maxRow) maxRow = r;
  }
  return { parts, rows, minRow, maxRow };
}

/** True when every relative row of the template stays on the sheet at this shift. */
export function fitsSheet(t: FillTemplate, delta: number): boolean {
  return !t.rows.length || (t.minRow + delta >= 1 && t.maxRow + delta <= MAX_ROWS);
}

/** The template's formula at a shift of `delta` rows. Throws when a reference would leave the sheet. */
export function formulaAtShift(t: FillTemplate, delta: number): string {
  if (!t.rows.length) return t.parts[0]!;
  if (!fitsSheet(t, delta)) throw new RangeError(`a reference would leave the sheet when filled ${delta} rows`);
  return join(t, delta);
}

function join(t: FillTemplate, delta: number): string {
  let s = t.parts[0]!;
  for (let k = 0; k < t.rows.length; k++) s += t.rows[k]! + delta + t.parts[k + 1]!;
  s.charCodeAt(0); // flatten the concatenation (see cells.ts)
  return s;
}

/** Length of the template's formula at a shift of `delta` rows, without building it. */
export function lengthAtShift(t: FillTemplate, delta: number): number {
  let n = 0;
  for (const p of t.parts) n += p.length;
  for (const r of t.rows) n += digits(r + delta);
  return n;
}

export function digits(n: number): number {
  let d = 1;
  for (let x = Math.abs(n); x >= 10; x = Math.floor(x / 10)) d++;
  return n < 0 ? d + 1 : d;
}

/** `formula` (as written at some row) as it reads `delta` rows further down (negative: up). */
export function shiftFormulaRows(formula: string, delta: number): string {
  if (delta === 0) return formula;
  return formulaAtShift(compileFill(formula), delta);
}

const templates = new WeakMap<FillDown, FillTemplate>();

/** The compiled template of a fill (compiled once per FillDown object). */
export function fillTemplate(fill: FillDown): FillTemplate {
  let t = templates.get(fill);
  if (!t) {
    t = compileFill(fill.formula);
    templates.set(fill, t);
  }
  return t;
}

/** The formula a fill puts in sheet row `row`. */
export function fillFormulaAt(fill: FillDown, row: number): string {
  return row === fill.row ? fill.formula : formulaAtShift(fillTemplate(fill), row - fill.row);
}
