/**
 * A rectangle of SpecCells to write (a new sheet, or a tag-column block on a user's sheet),
 * turned into what Office.js takes, pass by pass:
 *
 * - "values": number formats first ("@" on every text cell, so a customer called `=1+1` stays
 *   text; the style's format on numbers), then the constants (text, numbers, booleans).
 * - "formulas": the live formulas, once the sheets they may refer to carry their final names.
 *
 * Cells a pass does not touch are null in its arrays (Office.js leaves those cells alone). On an
 * existing sheet every cell of the block is set (null cells are cleared, formats reset to
 * General), so nothing of an earlier run is left behind.
 *
 * Each row knows how many bytes it adds to a request, so writers can cut row blocks that fit.
 */
import { columnLetter } from '../../engine/a1';
import type { CellValue } from '../../engine/types';
import { digits, fillFormulaAt, fillTemplate, fitsSheet, lengthAtShift } from '../../spec/fillDown';
import type { CellStyleId, FillDown, SpecCell } from '../../spec/write';
import { ExcelHostError } from './errors';
import { jsonStringBytes } from './payload';
import { GENERAL_FORMAT, hasFontLook, numberFormatOf } from './styles';

/** Excel's limits on what one cell holds. */
export const MAX_TEXT = 32_767;
export const MAX_FORMULA = 8_192;

export type Pass = 'values' | 'formulas';

/** A block of rows cut for one request: what to queue, and where. */
export interface PassBlock {
  /** 0-based sheet row and column of the arrays' top-left cell. */
  row: number;
  column: number;
  /** Number formats to set first (values pass only), or undefined when none. */
  numberFormat?: (string | null)[][];
  numberFormatAt?: { row: number; column: number };
  /** Values or formulas; undefined when the block has none. */
  data?: (CellValue | null)[][];
  dataAt?: { row: number; column: number };
  /** UTF-8 JSON bytes of the arrays. */
  bytes: number;
  cells: number;
}

/** Horizontal runs of one look (merged down over identical rows): one set of font calls each. */
export interface LookRun {
  /** 0-based, relative to the grid. */
  row: number;
  column: number;
  rows: number;
  columns: number;
  style: CellStyleId;
}

export class Grid {
  readonly width: number;
  private readonly valueBytes: Float64Array;
  private readonly formulaBytes: Float64Array;
  /** 1 where a row has nothing for the pass. */
  private readonly noValues: Uint8Array;
  private readonly noFormulas: Uint8Array;
  readonly formulaCount: number;

  /**
   * @param row0 0-based sheet row of rows[0]
   * @param column0 0-based sheet column of rows[r][0]
   * @param existing true for cells on a user's sheet (every cell is set; null clears)
   */
  constructor(
    readonly sheet: string,
    readonly row0: number,
    readonly column0: number,
    readonly rows: readonly (readonly SpecCell[])[],
    readonly existing: boolean,
    width?: number,
  ) {
    let w = width ?? 0;
    if (width === undefined) for (const r of rows) if (r.length > w) w = r.length;
    this.width = w;
    const n = rows.length;
    this.valueBytes = new Float64Array(n);
    this.formulaBytes = new Float64Array(n);
    this.noValues = new Uint8Array(n);
    this.noFormulas = new Uint8Array(n);
    // Which columns each pass touches at all: a block is cut to them, so rows are sized on them.
    let v0 = w;
    let v1 = -1;
    let n0 = w;
    let n1 = -1;
    let f0 = w;
    let f1 = -1;
    for (let i = 0; i < n; i++) {
      const r = rows[i];
      for (let j = 0; j < w; j++) {
        const cell = r[j] ?? null;
        const hasFormula = cell?.kind === 'formula' || cell?.kind === 'fill';
        const hasValue = existing || (cell !== null && !hasFormula);
        const hasFormat = existing || numberFormatOf(cell) !== undefined;
        if (hasValue) {
          if (j < v0) v0 = j;
          if (j > v1) v1 = j;
        }
        if (hasFormat) {
          if (j < n0) n0 = j;
          if (j > n1) n1 = j;
        }
        if (hasFormula) {
          if (j < f0) f0 = j;
          if (j > f1) f1 = j;
        }
      }
    }
    const inV = (j: number) => j >= v0 && j <= v1;
    const inN = (j: number) => j >= n0 && j <= n1;
    const inF = (j: number) => j >= f0 && j <= f1;
    // JSON bytes of a cell a pass leaves alone (null and its comma).
    const skip = 5;
    let formulas = 0;
    for (let i = 0; i < n; i++) {
      const r = rows[i];
      let vb = 0;
      let fb = 0;
      let anyValue = false;
      let anyFormula = false;
      for (let j = 0; j < w; j++) {
        const cell = r[j] ?? null;
        const nf = cell ? numberFormatOf(cell) : undefined;
        const format = nf ?? (existing ? GENERAL_FORMAT : undefined);
        if (inN(j)) vb += format === undefined ? skip : jsonStringBytes(format) + 1;
        if (format !== undefined) anyValue = true;
        if (!cell) {
          if (inV(j)) vb += existing ? 3 : skip;
          if (existing) anyValue = true;
          if (inF(j)) fb += skip;
          continue;
        }
        switch (cell.kind) {
          case 'text':
            if (cell.text.length > MAX_TEXT) this.bad(i, j, `text longer than ${MAX_TEXT} characters`);
            vb += jsonStringBytes(cell.text) + 1;
            if (inF(j)) fb += skip;
            anyValue = true;
            break;
          case 'number':
            if (!Number.isFinite(cell.value)) this.bad(i, j, `not a finite number (${cell.value})`);
            vb += String(cell.value).length + 1;
            if (inF(j)) fb += skip;
            anyValue = true;
            break;
          case 'bool':
            vb += 6;
            if (inF(j)) fb += skip;
            anyValue = true;
            break;
          case 'formula':
            if (cell.formula.length + 1 > MAX_FORMULA) this.bad(i, j, `formula longer than ${MAX_FORMULA} characters`);
            if (cell.formula.startsWith('=')) this.bad(i, j, 'formula starts with "=" (the spec leaves it out)');
            if (inV(j)) vb += skip;
            fb += jsonStringBytes(cell.formula) + 2;
            anyFormula = true;
            formulas++;
            break;
          case 'fill': {
            // Written as the formula for this row (Excel shares it again on its side).
            const t = fillTemplate(cell.fill);
            const delta = this.row0 + i + 1 - cell.fill.row;
            if (cell.fill.formula.startsWith('=')) this.bad(i, j, 'formula starts with "=" (the spec leaves it out)');
            if (!fitsSheet(t, delta)) this.bad(i, j, 'filled-down formula refers to a row outside the sheet');
            if (lengthAtShift(t, delta) + 1 > MAX_FORMULA) this.bad(i, j, `formula longer than ${MAX_FORMULA} characters`);
            if (inV(j)) vb += skip;
            fb += fillJsonBytes(cell.fill, delta) + 2;
            anyFormula = true;
            formulas++;
            break;
          }
        }
      }
      // Each row is a JSON array in each array of its pass: brackets and the comma after it.
      this.valueBytes[i] = vb + 6;
      this.formulaBytes[i] = fb + 3;
      this.noValues[i] = anyValue ? 0 : 1;
      this.noFormulas[i] = anyFormula ? 0 : 1;
    }
    this.formulaCount = formulas;
  }

  get height(): number {
    return this.rows.length;
  }

  private bad(i: number, j: number, reason: string): never {
    const cellRef = `${columnLetter(this.column0 + j + 1)}${this.row0 + i + 1}`;
    throw new ExcelHostError(`Cell ${this.sheet}!${cellRef}: ${reason}`, {
      step: this.existing ? 'write-columns' : 'write-sheet',
      sheet: this.sheet,
      problem: { key: 'bad-cell', params: { sheet: this.sheet, cell: cellRef, reason } },
      changed: false,
    });
  }

  /** The constant to write, or undefined to leave the cell alone in the values pass. */
  valueAt(i: number, j: number): CellValue | undefined {
    const c = this.rows[i][j] ?? null;
    if (!c) return this.existing ? '' : undefined;
    switch (c.kind) {
      case 'text':
        return c.text;
      case 'number':
      case 'bool':
        return c.value;
      case 'formula':
      case 'fill':
        return undefined;
    }
  }

  /** The number format to set, or undefined to leave it (General on a new sheet). */
  formatAt(i: number, j: number): string | undefined {
    const nf = numberFormatOf(this.rows[i][j] ?? null);
    if (nf !== undefined) return nf;
    return this.existing ? GENERAL_FORMAT : undefined;
  }

  formulaAt(i: number, j: number): string | undefined {
    const c = this.rows[i][j] ?? null;
    if (c?.kind === 'fill') return `=${fillFormulaAt(c.fill, this.row0 + i + 1)}`;
    return c?.kind === 'formula' ? `=${c.formula}` : undefined;
  }

  /** Upper bound of the bytes row i adds to a request in a pass. */
  rowBytes(pass: Pass, i: number): number {
    return pass === 'values' ? this.valueBytes[i] : this.formulaBytes[i];
  }

  /** Upper bound of the bytes of rows [from, to) as one block (the outer brackets included). */
  blockBytes(pass: Pass, from: number, to: number): number {
    let bytes = pass === 'values' ? 4 : 2;
    for (let i = from; i < to; i++) bytes += this.rowBytes(pass, i);
    return bytes;
  }

  /** True when row i has nothing for the pass. */
  rowEmpty(pass: Pass, i: number): boolean {
    return (pass === 'values' ? this.noValues[i] : this.noFormulas[i]) === 1;
  }

  /**
   * The arrays for rows [from, to) of a pass, cut to the rectangle of cells that have
   * something. `bytes` is the rows' upper bound (what the block was sized with).
   */
  block(pass: Pass, from: number, to: number): PassBlock {
    const out: PassBlock = { row: this.row0 + from, column: this.column0, bytes: this.blockBytes(pass, from, to), cells: 0 };
    const w = this.width;
    const data = new Box();
    const nf = new Box();
    for (let i = from; i < to; i++) {
      const r = this.rows[i];
      const dataLine: (CellValue | null)[] = new Array(w);
      const nfLine: (string | null)[] | undefined = pass === 'values' ? new Array(w) : undefined;
      for (let j = 0; j < w; j++) {
        const c = r[j] ?? null;
        let v: CellValue | null = null;
        let f: string | null = null;
        if (!c) {
          if (this.existing && pass === 'values') {
            v = '';
            f = GENERAL_FORMAT;
          }
        } else if (pass === 'formulas') {
          if (c.kind === 'formula') v = `=${c.formula}`;
          else if (c.kind === 'fill') v = `=${fillFormulaAt(c.fill, this.row0 + i + 1)}`;
        } else {
          if (c.kind === 'text') v = c.text;
          else if (c.kind === 'number' || c.kind === 'bool') v = c.value;
          f = numberFormatOf(c) ?? (this.existing ? GENERAL_FORMAT : null);
        }
        dataLine[j] = v;
        if (v !== null) data.mark(i, j);
        if (nfLine) {
          nfLine[j] = f;
          if (f !== null) nf.mark(i, j);
        }
      }
      data.lines.push(dataLine);
      if (nfLine) nf.lines.push(nfLine);
    }
    const d = data.cut(from);
    if (d) {
      out.data = d.data;
      out.dataAt = { row: this.row0 + d.row, column: this.column0 + d.column };
      out.cells += d.cells;
    }
    const n = nf.cut(from);
    if (n) {
      out.numberFormat = n.data as (string | null)[][];
      out.numberFormatAt = { row: this.row0 + n.row, column: this.column0 + n.column };
      out.cells += n.cells;
    }
    return out;
  }

  /** Runs of cells whose style sets a font, fill or wrapping. */
  lookRuns(): LookRun[] {
    const runs: LookRun[] = [];
    let previous: LookRun[] = [];
    for (let i = 0; i < this.rows.length; i++) {
      const row = this.rows[i];
      const here: LookRun[] = [];
      let j = 0;
      while (j < row.length) {
        const style = row[j]?.style;
        if (!hasFontLook(style)) {
          j++;
          continue;
        }
        let k = j + 1;
        while (k < row.length && row[k]?.style === style) k++;
        here.push({ row: i, column: j, rows: 1, columns: k - j, style });
        j = k;
      }
      // Merge with the same runs on the row above.
      const next: LookRun[] = [];
      for (const run of here) {
        const above = previous.find((p) => p.row + p.rows === i && p.column === run.column && p.columns === run.columns && p.style === run.style);
        if (above) {
          above.rows++;
          next.push(above);
        } else {
          runs.push(run);
          next.push(run);
        }
      }
      previous = next;
    }
    return runs;
  }
}

// UTF-8 JSON bytes of a fill's formula text without its row numbers (quotes not counted).
const fillPartBytes = new WeakMap<FillDown, number>();

/** UTF-8 bytes of the JSON string of a fill's formula `delta` rows from where it is written. */
function fillJsonBytes(fill: FillDown, delta: number): number {
  const t = fillTemplate(fill);
  let fixed = fillPartBytes.get(fill);
  if (fixed === undefined) {
    fixed = 0;
    for (const p of t.parts) fixed += jsonStringBytes(p) - 2;
    fillPartBytes.set(fill, fixed);
  }
  let n = fixed + 2;
  for (const r of t.rows) n += digits(r + delta);
  return n;
}

/** Full-width lines of a block and the bounds of their non-null cells. */
class Box {
  lines: (CellValue | null)[][] = [];
  private r0 = -1;
  private r1 = -1;
  private c0 = Infinity;
  private c1 = -1;

  mark(i: number, j: number): void {
    if (this.r0 < 0) this.r0 = i;
    this.r1 = i;
    if (j < this.c0) this.c0 = j;
    if (j > this.c1) this.c1 = j;
  }

  /** The lines cut to the bounds; rows and columns relative to the grid. */
  cut(from: number): { data: (CellValue | null)[][]; row: number; column: number; cells: number } | undefined {
    if (this.r0 < 0) return undefined;
    let lines = this.lines.slice(this.r0 - from, this.r1 - from + 1);
    const width = this.lines[0]?.length ?? 0;
    if (this.c0 > 0 || this.c1 < width - 1) lines = lines.map((l) => l.slice(this.c0, this.c1 + 1));
    return { data: lines, row: this.r0, column: this.c0, cells: lines.length * (this.c1 - this.c0 + 1) };
  }
}

