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
import type { SpecCell } from '../../spec/write';
import { columnLetter } from '../../engine/a1';
import { columnOfRef } from './cellRef';
import { checkFill, type SharedPlace } from './cellXml';
import { streamPartText } from './partText';
import type { ZipArchive, ZipEntry } from './zip';

export type { SharedPlace };

interface Run {
  column: number;
  first: number;
  last: number;
  /** The places handed out (made on first use, once firstSi is set): one object per run, not per cell. */
  master?: SharedPlace;
  other?: SharedPlace;
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
  /** Added to every run number: the sheet's first free shared-formula index (set before the first `at`). */
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
        checkFill(fill, firstRow + i, firstRow + k - 1, (row) => `${this.sheetName}!${columnLetter(column)}${row}`);
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
      if (row !== run.first) return (run.other ??= { si: this.firstSi + id });
      const letters = columnLetter(run.column);
      return (run.master ??= { si: this.firstSi + id, ref: `${letters}${run.first}:${letters}${run.last}` });
    }
    return undefined;
  }
}

/**
 * Finds the largest shared-formula index (si) in a worksheet part's text, pushed in chunks,
 * not counting cells for which `replaced(row, column)` is true (those go); -1 when there is
 * none. A shared formula whose cell cannot be placed counts. Every shared formula says
 * t="shared", so a part without the word costs one indexOf per chunk.
 */
export class SharedIndexScan {
  max = -1;
  /** The end of the last chunk, kept for tags (and their cells) cut by the chunk's end. */
  private carry = '';
  /** Where in carry + next chunk to look for the next hit (hits before it were seen). */
  private resume = 0;

  constructor(private readonly replaced: (row: number, column: number) => boolean) {}

  push(text: string): void {
    const s = this.carry ? this.carry + text : text;
    let pending = -1;
    for (let p = s.indexOf('shared', this.resume); p >= 0; p = s.indexOf('shared', p + 6)) {
      const lt = s.lastIndexOf('<', p);
      if (lt < 0) continue;
      const gt = s.indexOf('>', p);
      if (gt < 0) {
        pending = p; // cut by the chunk's end: seen again with the next chunk
        break;
      }
      // <f …> (or <x:f …>)
      if (s.charCodeAt(lt + 1) !== 102 || !isNameEnd(s.charCodeAt(lt + 2))) {
        if (!F_TAG.test(s.slice(lt, lt + 64))) continue;
      }
      const si = attrNumber(s, lt, gt);
      if (si === undefined || si <= this.max) continue;
      // The cell's start tag comes right before its <f>; a cell we cannot place counts.
      const cs = s.lastIndexOf('<', lt - 1);
      const at = cs >= 0 ? cellRefIn(s, cs, lt) : undefined;
      if (at && this.replaced(at.row, at.column)) continue;
      this.max = si;
    }
    // Keep enough before the next hit for its tag and its cell's start tag.
    const next = pending >= 0 ? pending : Math.max(0, s.length - 5);
    const from = Math.max(0, next - 4096);
    this.carry = s.slice(from);
    this.resume = next - from;
  }
}

const F_TAG = /^<(?:[A-Za-z_][\w.-]*:)?f[\s/>]/;
const C_TAG = /^<(?:[A-Za-z_][\w.-]*:)?c\s[^<>]*>\s*$/;
const R = /\sr\s*=\s*["']\$?([A-Za-z]+)\$?(\d+)["']/;
const SI = /\ssi\s*=\s*["'](\d+)["']/;

function isNameEnd(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 62 || code === 47;
}

/** The number in the `si` attribute of the tag s[lt..gt]; undefined when there is none. */
function attrNumber(s: string, lt: number, gt: number): number | undefined {
  // The common form: ` si="123"`.
  const i = s.indexOf(' si="', lt);
  if (i >= 0 && i < gt) {
    let n = 0;
    let k = i + 5;
    const start = k;
    for (let c = s.charCodeAt(k); c >= 48 && c <= 57; c = s.charCodeAt(++k)) n = n * 10 + (c - 48);
    if (k > start && s.charCodeAt(k) === 34) return n;
  }
  const m = SI.exec(s.slice(lt, gt + 1));
  return m ? Number(m[1]) : undefined;
}

/** Row and column of the cell whose start tag is s[cs..end), if it is one and says where it is. */
function cellRefIn(s: string, cs: number, end: number): { row: number; column: number } | undefined {
  // The common form: <c r="H123" …>
  if (s.charCodeAt(cs + 1) === 99 && s.startsWith(' r="', cs + 2)) {
    let k = cs + 6;
    let column = 0;
    for (let c = s.charCodeAt(k) | 32; c >= 97 && c <= 122; c = s.charCodeAt(++k) | 32) column = column * 26 + (c - 96);
    let row = 0;
    const digits = k;
    for (let c = s.charCodeAt(k); c >= 48 && c <= 57; c = s.charCodeAt(++k)) row = row * 10 + (c - 48);
    if (column > 0 && k > digits && s.charCodeAt(k) === 34) return { row, column };
  }
  const tag = C_TAG.exec(s.slice(cs, end));
  const r = tag ? R.exec(tag[0]) : null;
  return r ? { row: Number(r[2]), column: columnOfRef(r[1]!) } : undefined;
}

/** SharedIndexScan over a whole part (one more pass over it). */
export function maxSharedIndex(archive: ZipArchive, entry: ZipEntry, replaced: (row: number, column: number) => boolean): number {
  const scan = new SharedIndexScan(replaced);
  streamPartText(archive, entry, (t) => scan.push(t));
  return scan.max;
}
