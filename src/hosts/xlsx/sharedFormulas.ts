/**
 * Fill-down cells (SpecCell kind "fill") as SpreadsheetML shared formulas. A run is a maximal
 * stretch of rows, down one column of one block, whose cells all fill the same FillDown: its
 * top cell (the master) carries the formula for its own row and the run's range,
 * `<f t="shared" ref="H5:H9" si="0">…</f>`, the others only `<f t="shared" si="0"/>`. Anything
 * else in the column (a null, another kind, another FillDown) ends the run; a run of one cell
 * is a plain formula. The master is always the run's first cell, inside its range, as Excel
 * requires.
 *
 * Shared-formula indexes (si) are per sheet: ours are numbered after the largest index of the
 * shared formulas the sheet keeps (those in cells we replace go with them), so nothing clashes
 * and a re-run numbers its runs as the first run did.
 */
import type { SpecCell } from '../../render/spec';
import { columnLetters, columnOfRef } from './cellRef';
import { checkFill, type SharedPlace } from './cellXml';
import { streamPartText } from './partText';
import type { ZipArchive, ZipEntry } from './zip';

export type { SharedPlace };

interface Run {
  column: number;
  first: number;
  last: number;
}

/** The runs of one column of one block: run number per row (-1: not in a run). */
interface ColumnRuns {
  column: number;
  firstRow: number;
  ids: Int32Array;
}

/**
 * The shared-formula runs of a set of blocks on one sheet (cells[0][0] at firstRow,
 * firstColumn). Checks every run's formula at both ends (so at every row between).
 */
export class SharedRuns {
  private readonly runs: Run[] = [];
  private readonly columns = new Map<number, ColumnRuns[]>();
  /** Added to every run number: the sheet's first free shared-formula index. */
  firstSi = 0;

  constructor(private readonly sheetName: string) {}

  get count(): number {
    return this.runs.length;
  }

  addBlock(cells: readonly (readonly SpecCell[] | undefined)[], firstRow: number, firstColumn: number): void {
    let width = 0;
    for (const r of cells) if (r && r.length > width) width = r.length;
    for (let j = 0; j < width; j++) {
      let ids: Int32Array | undefined;
      let i = 0;
      const n = cells.length;
      while (i < n) {
        const cell = cells[i]?.[j];
        if (!cell || cell.kind !== 'fill') {
          i++;
          continue;
        }
        const fill = cell.fill;
        let k = i + 1;
        while (k < n) {
          const next = cells[k]?.[j];
          if (!next || next.kind !== 'fill' || next.fill !== fill) break;
          k++;
        }
        const column = firstColumn + j;
        checkFill(fill, firstRow + i, firstRow + k - 1, (row) => `${this.sheetName}!${columnLetters(column)}${row}`);
        if (k - i > 1) {
          if (!ids) ids = new Int32Array(n).fill(-1);
          const id = this.runs.length;
          this.runs.push({ column, first: firstRow + i, last: firstRow + k - 1 });
          ids.fill(id, i, k);
        }
        i = k;
      }
      if (ids) {
        const column = firstColumn + j;
        const list = this.columns.get(column) ?? [];
        list.push({ column, firstRow, ids });
        this.columns.set(column, list);
      }
    }
  }

  /** The place of the cell at (row, column) in its run; undefined when it is in none. */
  at(row: number, column: number): SharedPlace | undefined {
    const list = this.columns.get(column);
    if (!list) return undefined;
    for (const c of list) {
      const id = c.ids[row - c.firstRow];
      if (id === undefined || id < 0) continue;
      const run = this.runs[id]!;
      const si = this.firstSi + id;
      if (row !== run.first) return { si };
      const letters = columnLetters(run.column);
      return { si, ref: `${letters}${run.first}:${letters}${run.last}` };
    }
    return undefined;
  }
}

/**
 * The largest shared-formula index (si) in a worksheet part, not counting cells for which
 * `replaced(row, column)` is true (those go); -1 when there is none. A formula whose cell
 * cannot be placed counts.
 */
export function maxSharedIndex(archive: ZipArchive, entry: ZipEntry, replaced: (row: number, column: number) => boolean): number {
  let max = -1;
  let carry = '';
  const SI = /\ssi\s*=\s*["'](\d+)["']/g;
  const CELL = /<(?:[A-Za-z_][\w.-]*:)?c\s[^<>]*>\s*$/;
  const R = /\sr\s*=\s*["']\$?([A-Za-z]+)\$?(\d+)["']/;
  streamPartText(archive, entry, (text) => {
    const s = carry + text;
    SI.lastIndex = 0;
    for (let m = SI.exec(s); m; m = SI.exec(s)) {
      const lt = s.lastIndexOf('<', m.index);
      if (lt < 0 || !/^<(?:[A-Za-z_][\w.-]*:)?f[\s/>]/.test(s.slice(lt, lt + 64))) continue;
      const si = Number(m[1]);
      if (si <= max) continue;
      // The cell's start tag comes right before its <f>.
      const cell = CELL.exec(s.slice(Math.max(0, lt - 512), lt));
      const r = cell ? R.exec(cell[0]) : null;
      if (r && replaced(Number(r[2]), columnOfRef(r[1]!))) continue;
      max = si;
    }
    carry = s.length > 4096 ? s.slice(s.length - 4096) : s;
  });
  return max;
}
