/**
 * The order and limits of a worksheet's rows and cells, checked while it streams by (the sheet
 * reader and the column patcher share them): row numbers 1 to 1,048,576, increasing, each once;
 * columns A to XFD, increasing within their row, each once. Excel refuses or repairs a part
 * that breaks these; we refuse it plainly, naming the sheet, row or cell, before any work or
 * memory is spent on it (a row counted past the limit stops the read at that row).
 */
import { columnLetter, MAX_COLUMNS, MAX_ROWS } from '../../engine/a1';
import { sheetErrors, type XlsxError } from './errors';

export class SheetChecks {
  constructor(
    readonly sheet: string,
    readonly part: string,
  ) {}

  /**
   * The number of the row after row `prev` whose `r` is `src.slice(v0, v1)` (raw, digits
   * expected), or the next number when it has none (v0 < 0).
   */
  row(prev: number, src: string, v0: number, v1: number): number {
    if (v0 < 0) {
      if (prev >= MAX_ROWS) throw sheetErrors.rowPastLimit(this.sheet, this.part, prev + 1);
      return prev + 1;
    }
    let n = 0;
    for (let i = v0; i < v1; i++) {
      const c = src.charCodeAt(i);
      if (c < 48 || c > 57) throw sheetErrors.badRowNumber(this.sheet, this.part, src.slice(v0, Math.min(v1, v0 + 24)), prev);
      n = n * 10 + (c - 48);
    }
    if (v1 === v0 || n === 0) throw sheetErrors.badRowNumber(this.sheet, this.part, src.slice(v0, v1), prev);
    if (n > MAX_ROWS) throw sheetErrors.rowPastLimit(this.sheet, this.part, v1 - v0 > 15 ? src.slice(v0, v0 + 15) + '…' : n);
    if (n <= prev) throw n === prev ? sheetErrors.duplicateRow(this.sheet, this.part, n) : sheetErrors.rowOutOfOrder(this.sheet, this.part, n, prev);
    return n;
  }

  /** True when column `col` may follow column `prev` (0 at the row's start) in a row. */
  static cellFits(col: number, prev: number): boolean {
    return col > prev && col <= MAX_COLUMNS;
  }

  /**
   * Why a cell at column `col` cannot follow column `prev` in row `row`; `raw` is its `r` as
   * written, when it has one (a column past XFD is named as written).
   */
  cellError(col: number, prev: number, row: number, raw?: string): XlsxError {
    const name = col > MAX_COLUMNS ? (raw ?? (col <= 2 * MAX_COLUMNS ? `${columnLetter(col)}${row}` : `?${row}`)) : `${columnLetter(col)}${row}`;
    if (col > MAX_COLUMNS) return sheetErrors.columnPastLimit(this.sheet, this.part, name.length > 24 ? name.slice(0, 24) + '…' : name);
    if (col === prev) return sheetErrors.duplicateCell(this.sheet, this.part, name);
    return sheetErrors.cellOutOfOrder(this.sheet, this.part, name, `${columnLetter(prev)}${row}`);
  }
}
