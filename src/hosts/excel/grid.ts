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
import type { CellValue } from '../../engine/types';
import type { CellStyleId, SpecCell } from '../../render/spec';
import { ExcelHostError } from './errors';
import { jsonStringBytes, jsonValueBytes } from './payload';
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
    this.valueBytes = new Float64Array(rows.length);
    this.formulaBytes = new Float64Array(rows.length);
    let formulas = 0;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      let vb = 0;
      let fb = 0;
      for (let j = 0; j < w; j++) {
        const cell = r[j] ?? null;
        this.check(cell, i, j);
        const v = this.valueAt(i, j);
        const nf = this.formatAt(i, j);
        vb += (v === undefined ? 4 : jsonValueBytes(v)) + 1 + (nf === undefined ? 4 : jsonStringBytes(nf)) + 1;
        if (cell?.kind === 'formula') {
          fb += jsonStringBytes(cell.formula) + 2;
          formulas++;
        } else fb += 5;
      }
      this.valueBytes[i] = vb + 4;
      this.formulaBytes[i] = fb + 2;
    }
    this.formulaCount = formulas;
  }

  get height(): number {
    return this.rows.length;
  }

  private check(cell: SpecCell, i: number, j: number): void {
    const bad = (reason: string): never => {
      const cellRef = `${columnName(this.column0 + j + 1)}${this.row0 + i + 1}`;
      throw new ExcelHostError(`Cell ${this.sheet}!${cellRef}: ${reason}`, {
        step: this.existing ? 'write-columns' : 'write-sheet',
        sheet: this.sheet,
        problem: { key: 'bad-cell', params: { sheet: this.sheet, cell: cellRef, reason } },
        changed: false,
      });
    };
    if (!cell) return;
    if (cell.kind === 'number' && !Number.isFinite(cell.value)) bad(`not a finite number (${cell.value})`);
    if (cell.kind === 'text' && cell.text.length > MAX_TEXT) bad(`text longer than ${MAX_TEXT} characters`);
    if (cell.kind === 'formula') {
      if (cell.formula.length + 1 > MAX_FORMULA) bad(`formula longer than ${MAX_FORMULA} characters`);
      if (cell.formula.startsWith('=')) bad('formula starts with "=" (the spec leaves it out)');
    }
  }

  private cell(i: number, j: number): SpecCell {
    return this.rows[i][j] ?? null;
  }

  /** The constant to write, or undefined to leave the cell alone in the values pass. */
  valueAt(i: number, j: number): CellValue | undefined {
    const c = this.cell(i, j);
    if (!c) return this.existing ? '' : undefined;
    switch (c.kind) {
      case 'text':
        return c.text;
      case 'number':
      case 'bool':
        return c.value;
      case 'formula':
        return undefined;
    }
  }

  /** The number format to set, or undefined to leave it (General on a new sheet). */
  formatAt(i: number, j: number): string | undefined {
    const c = this.cell(i, j);
    const nf = numberFormatOf(c);
    if (nf !== undefined) return nf;
    return this.existing ? GENERAL_FORMAT : undefined;
  }

  formulaAt(i: number, j: number): string | undefined {
    const c = this.cell(i, j);
    return c?.kind === 'formula' ? `=${c.formula}` : undefined;
  }

  /** Upper bound of the bytes row i adds to a request in a pass. */
  rowBytes(pass: Pass, i: number): number {
    return pass === 'values' ? this.valueBytes[i] : this.formulaBytes[i];
  }

  /** True when row i has nothing for the pass. */
  rowEmpty(pass: Pass, i: number): boolean {
    for (let j = 0; j < this.width; j++) {
      if (pass === 'values' ? this.valueAt(i, j) !== undefined || this.formatAt(i, j) !== undefined : this.formulaAt(i, j) !== undefined) return false;
    }
    return true;
  }

  /** The arrays for rows [from, to) of a pass, cut to the cells that have something. */
  block(pass: Pass, from: number, to: number): PassBlock {
    const out: PassBlock = { row: this.row0 + from, column: this.column0, bytes: 0, cells: 0 };
    if (pass === 'values') {
      const nf = this.cut(from, to, (i, j) => this.formatAt(i, j));
      if (nf) {
        out.numberFormat = nf.data as (string | null)[][];
        out.numberFormatAt = nf.at;
        out.bytes += nf.bytes;
        out.cells += nf.cells;
      }
      const v = this.cut(from, to, (i, j) => this.valueAt(i, j));
      if (v) {
        out.data = v.data;
        out.dataAt = v.at;
        out.bytes += v.bytes;
        out.cells += v.cells;
      }
    } else {
      const f = this.cut(from, to, (i, j) => this.formulaAt(i, j));
      if (f) {
        out.data = f.data;
        out.dataAt = f.at;
        out.bytes += f.bytes;
        out.cells += f.cells;
      }
    }
    return out;
  }

  private cut(
    from: number,
    to: number,
    get: (i: number, j: number) => CellValue | undefined,
  ): { data: (CellValue | null)[][]; at: { row: number; column: number }; bytes: number; cells: number } | undefined {
    let r0 = -1;
    let r1 = -1;
    let c0 = Infinity;
    let c1 = -1;
    for (let i = from; i < to; i++) {
      for (let j = 0; j < this.width; j++) {
        if (get(i, j) === undefined) continue;
        if (r0 < 0) r0 = i;
        r1 = i;
        if (j < c0) c0 = j;
        if (j > c1) c1 = j;
      }
    }
    if (r0 < 0) return undefined;
    const data: (CellValue | null)[][] = [];
    let bytes = 2;
    for (let i = r0; i <= r1; i++) {
      const line: (CellValue | null)[] = new Array(c1 - c0 + 1);
      bytes += 2 + (i > r0 ? 1 : 0) + (c1 - c0);
      for (let j = c0; j <= c1; j++) {
        const v = get(i, j);
        line[j - c0] = v === undefined ? null : v;
        bytes += jsonValueBytes(v);
      }
      data.push(line);
    }
    return { data, at: { row: this.row0 + r0, column: this.column0 + c0 }, bytes, cells: (r1 - r0 + 1) * (c1 - c0 + 1) };
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

function columnName(n1: number): string {
  let n = n1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = (n - 1 - r) / 26;
  }
  return out;
}
