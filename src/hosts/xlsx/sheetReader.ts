/**
 * Streams a worksheet part and keeps only values: no DOM, no per-cell objects (cells are kept
 * in flat typed arrays until the rows are built at the end). Formulas give their cached
 * results; shared strings are looked up; errors arrive as their text; dates as the serial
 * numbers Excel stores. Rows in the usual spelling take a fast path; any other row goes
 * through the full XML scanner (the two agree: see sheetReader.property.test.ts). Rows and
 * cells out of order, twice, or past Excel's limits are refused as they stream by, naming the
 * sheet and the row or cell (SheetChecks): the read stops there, before memory is spent.
 * So is a row (or tag) longer than LIMITS.tokenChars, before it is held whole.
 */
import type { CellValue } from '../../engine/types';
import { parseArea, type CellArea } from './cellRef';
import { streamPartText } from './partText';
import { decodeOoxmlEscapes, xmlFailure } from './xml';
import { RowSplitter } from './rowSplitter';
import { SheetChecks } from './sheetChecks';
import { sheetErrors } from './errors';
import { attrValue, decodeEntities, eachAttr, XmlScanner } from './xmlScan';
import { TokenTooLongError } from './heldToken';
import type { ZipArchive, ZipEntry } from './zip';

export interface SheetValues {
  /**
   * The used range's rows. A full grid (nulls between values) unless it would pass 8 M cells
   * (a stray value far away): then each row ends at its last value, empty rows are [].
   */
  values: CellValue[][];
  /** 1-based; for an empty sheet 1. */
  firstRow: number;
  firstColumn: number;
  merges: CellArea[];
  /** The `<dimension ref>` the file claims, if any (not trusted for the range). */
  dimension?: string;
}

export interface ReadOptions {
  sharedStrings: () => string[];
  date1904?: boolean;
  onProgress?: (done: number, total: number) => void;
  /** Use the fast row path (default true); tests turn it off to compare with the scanner alone. */
  fastPath?: boolean;
  /** The sheet's name, for messages (default: the part's name). */
  sheetName?: string;
  /**
   * Stop at the first row past this one (1-based): the rest of the part is not decompressed.
   * For reads of a few cells at the top of a sheet (the cells that prove a sheet is ours);
   * merges and rows below are then not read.
   */
  lastRow?: number;
}

/** Thrown inside the stream to stop it once options.lastRow is passed; never leaves readSheetValues. */
const STOP = Symbol('stop');

// What text we are collecting.
const NONE = 0;
const V = 1;
const T = 2;

export function readSheetValues(archive: ZipArchive, entry: ZipEntry, options: ReadOptions): SheetValues {
  let prefix: string | undefined;
  let nRow = 'row';
  let nC = 'c';
  let nV = 'v';
  let nT = 't';
  let nIs = 'is';
  let nRPh = 'rPh';
  let nMerge = 'mergeCell';
  let nDim = 'dimension';

  // Cells as they come, flat: no per-row or per-cell objects until the final rows are built.
  let cellRow = new Int32Array(1 << 16);
  let cellCol = new Int32Array(1 << 16);
  const cellVal: CellValue[] = [];
  let count = 0;
  let rowNum = 0;
  let col = 0;
  let type: string | undefined;
  let capture = NONE;
  let text = '';
  let inIs = false;
  let phonetic = 0;
  let hasV = false;
  let minCol = Infinity;
  let maxCol = 0;
  const merges: CellArea[] = [];
  let dimension: string | undefined;
  let shared: string[] | undefined;
  const checks = new SheetChecks(options.sheetName ?? entry.name, entry.name);

  const endCell = (): void => {
    if (!hasV) return;
    let value: CellValue;
    switch (type) {
      case undefined:
      case 'n': {
        if (text === '') return;
        const n = +text;
        value = Number.isNaN(n) ? text : n;
        break;
      }
      case 's': {
        if (text === '') return;
        if (!shared) shared = options.sharedStrings();
        value = shared[+text] ?? null;
        break;
      }
      case 'str':
      case 'inlineStr':
        value = decodeOoxmlEscapes(text);
        break;
      case 'b':
        value = text === '1' || text === 'true';
        break;
      case 'e':
        value = text;
        break;
      case 'd':
        value = isoToSerial(text, options.date1904 ?? false) ?? text;
        break;
      default:
        value = text;
    }
    if (value === null) return;
    if (count === cellRow.length) {
      const r2 = new Int32Array(count * 2);
      r2.set(cellRow);
      cellRow = r2;
      const c2 = new Int32Array(count * 2);
      c2.set(cellCol);
      cellCol = c2;
    }
    cellRow[count] = rowNum;
    cellCol[count] = col;
    cellVal.push(value);
    count++;
    if (col < minCol) minCol = col;
    if (col > maxCol) maxCol = col;
  };

  const scanner = new XmlScanner({
    open(name, src, from, to) {
      if (prefix === undefined) {
        const i = name.indexOf(':');
        prefix = i < 0 ? '' : name.slice(0, i + 1);
        if (prefix) {
          nRow = prefix + nRow; nC = prefix + nC; nV = prefix + nV; nT = prefix + nT; nIs = prefix + nIs;
          nRPh = prefix + nRPh; nMerge = prefix + nMerge; nDim = prefix + nDim;
        }
        return;
      }
      if (name === nC) {
        // One pass over the attributes for r (its column letters) and t.
        let c = 0;
        let r0 = -1;
        let r1 = -1;
        type = undefined;
        if (from < to) {
          eachAttr(src, from, to, (k0, k1, v0, v1) => {
            if (k1 - k0 !== 1) return;
            const k = src.charCodeAt(k0);
            if (k === 114) {
              // r
              c = columnAt(src, v0, v1);
              r0 = v0;
              r1 = v1;
            } else if (k === 116) type = src.slice(v0, v1); // t
          });
        }
        const next = c || col + 1;
        if (!SheetChecks.cellFits(next, col)) throw checks.cellError(next, col, rowNum, r0 >= 0 ? src.slice(r0, r1) : undefined);
        col = next;
        text = '';
        hasV = false;
      } else if (name === nV) {
        capture = V;
        hasV = true;
      } else if (name === nT) {
        if (inIs && phonetic === 0) {
          capture = T;
          hasV = true;
        }
      } else if (name === nRow) {
        let r0 = -1;
        let r1 = -1;
        eachAttr(src, from, to, (k0, k1, v0, v1) => {
          if (k1 - k0 === 1 && src.charCodeAt(k0) === 114) {
            r0 = v0;
            r1 = v1;
          }
        });
        rowNum = checks.row(rowNum, src, r0, r1);
        col = 0;
      } else if (name === nIs) {
        inIs = true;
      } else if (name === nRPh) {
        phonetic++;
      } else if (name === nMerge) {
        const area = parseArea(attrValue(src, from, to, 'ref') ?? '');
        if (area) merges.push(area);
      } else if (name === nDim) {
        dimension = attrValue(src, from, to, 'ref');
      }
    },
    close(name) {
      if (name === nV || name === nT) capture = NONE;
      else if (name === nC) endCell();
      else if (name === nIs) inIs = false;
      else if (name === nRPh) phonetic--;
    },
    text(t) {
      text += t;
    },
    wantText: () => capture !== NONE,
  });

  // Fast path for canonical rows (what Excel, LibreOffice and most libraries write): a tight
  // character loop per row instead of an event per tag. Anything it does not recognise sends
  // the whole row to the scanner (cells already stored are stored again with the same values),
  // so the result is the same either way.
  const fastRow = (startTag: string, inner: string, selfClosing: boolean): boolean => {
    const p = prefix ?? '';
    const rm = ROW_R.exec(startTag);
    if (rm) {
      const v0 = rm.index + rm[0].length - 1 - rm[1]!.length;
      rowNum = checks.row(rowNum, startTag, v0, v0 + rm[1]!.length);
    } else if (startTag.indexOf(' r') < 0 && startTag.indexOf('\tr') < 0 && startTag.indexOf('\nr') < 0 && startTag.indexOf('\rr') < 0) {
      rowNum = checks.row(rowNum, startTag, -1, -1);
    } else return false; // an r the pattern does not take (r="0x1", r = ' 2'): the scanner says what is wrong
    col = 0;
    if (selfClosing) return true;
    const cOpen = `<${p}c`;
    const cClose = `</${p}c>`;
    const vOpen = `<${p}v>`;
    const vClose = `</${p}v>`;
    const n = inner.length;
    let i = 0;
    for (;;) {
      let ch = inner.charCodeAt(i);
      while (ch === 32 || ch === 10 || ch === 13 || ch === 9) ch = inner.charCodeAt(++i);
      if (i >= n) return true;
      if (!inner.startsWith(cOpen, i)) return false;
      i += cOpen.length;
      // Attributes: ` name="value"` pairs only.
      let c = 0;
      let r0 = -1;
      let r1 = -1;
      let t: string | undefined;
      for (;;) {
        ch = inner.charCodeAt(i);
        if (ch === 62) {
          i++;
          break;
        }
        if (ch === 47) {
          if (inner.charCodeAt(i + 1) !== 62) return false;
          i += 2;
          t = SELF_CLOSED;
          break;
        }
        if (ch !== 32) return false;
        const eq = inner.indexOf('="', i + 1);
        if (eq < 0) return false;
        const close = inner.indexOf('"', eq + 2);
        if (close < 0) return false;
        const klen = eq - i - 1;
        if (klen !== 1 && inner.indexOf(' ', i + 1) < eq) return false; // not `name="`
        if (klen === 1) {
          const k = inner.charCodeAt(i + 1);
          if (k === 114) {
            c = columnAt(inner, eq + 2, close);
            r0 = eq + 2;
            r1 = close;
          } else if (k === 116) t = inner.slice(eq + 2, close);
        } else if (klen === 0) return false;
        i = close + 1;
      }
      const next = c || col + 1;
      if (!SheetChecks.cellFits(next, col)) throw checks.cellError(next, col, rowNum, r0 >= 0 ? inner.slice(r0, r1) : undefined);
      col = next;
      if (t === SELF_CLOSED) continue;
      let v: string;
      if (inner.startsWith(vOpen, i)) {
        const e = inner.indexOf('<', i + vOpen.length);
        if (e < 0 || !inner.startsWith(vClose, e)) return false;
        v = inner.slice(i + vOpen.length, e);
        i = e + vClose.length;
      } else if (inner.startsWith(cClose, i)) {
        i += cClose.length;
        continue;
      } else {
        // Formulas, inline strings, anything else: the careful way.
        const e = inner.indexOf(cClose, i);
        if (e < 0) return false;
        const b = cellBody(inner.slice(i, e), p, t);
        if (b === undefined) return false;
        i = e + cClose.length;
        if (b === null) continue;
        type = t;
        text = b.indexOf('&') < 0 ? b : decodeEntities(b);
        hasV = true;
        endCell();
        continue;
      }
      if (!inner.startsWith(cClose, i)) return false;
      i += cClose.length;
      type = t;
      text = v.indexOf('&') < 0 ? v : decodeEntities(v);
      hasV = true;
      endCell();
    }
  };

  const splitter = new RowSplitter({
    other: (t) => scanner.write(t),
    row: (startTag, inner, selfClosing, whole) => {
      const saved = rowNum;
      if (options.fastPath === false || !fastRow(startTag, inner, selfClosing)) {
        rowNum = saved;
        scanner.write(whole);
      }
      if (stopAfter !== undefined && rowNum > stopAfter) throw STOP;
    },
  });
  const stopAfter = options.lastRow;

  try {
    streamPartText(archive, entry, (t) => splitter.write(t), options.onProgress);
    splitter.end();
    scanner.end();
  } catch (e) {
    if (e === STOP) {
      // read up to options.lastRow
    } else if (e instanceof TokenTooLongError) {
      const where = splitter.where === 'rows' ? (e.what === 'item' ? 'row' : 'between') : splitter.where;
      throw sheetErrors.tokenTooLong(options.sheetName ?? entry.name, entry.name, where, rowNum);
    } else throw xmlFailure(entry.name, e);
  }

  const result: SheetValues = { values: [], firstRow: 1, firstColumn: 1, merges };
  if (dimension !== undefined) result.dimension = dimension;
  if (count === 0) return result;

  // Rows and their cells came in order (checked as they streamed by): cellRow never decreases.
  const firstRow = cellRow[0]!;
  const lastRow = cellRow[count - 1]!;
  const width = maxCol - minCol + 1;
  const span = lastRow - firstRow + 1;
  // A full grid (every row `width` long, nulls between), as Office.js gives a used range,
  // unless a far-away cell makes it huge (a table at A1 and one value at XFD1048576: 17 billion
  // cells). Then each row ends at its last value and rows without any share one empty array,
  // so memory follows the cells, not the area.
  const dense = span * width <= DENSE_CELLS;
  const values: CellValue[][] = new Array(span);
  let k = 0;
  for (let r = firstRow; r <= lastRow; r++) {
    if (k >= count || cellRow[k] !== r) {
      values[r - firstRow] = dense ? new Array<CellValue>(width).fill(null) : EMPTY_ROW;
      continue;
    }
    let end = k;
    while (end < count && cellRow[end] === r) end++;
    const out = new Array<CellValue>(dense ? width : cellCol[end - 1]! - minCol + 1).fill(null);
    for (; k < end; k++) out[cellCol[k]! - minCol] = cellVal[k]!;
    values[r - firstRow] = out;
  }
  result.values = values;
  result.firstRow = firstRow;
  result.firstColumn = minCol;
  return result;
}

/** Cells in a full grid at most (8 M: 64 MB of nulls); past it rows end at their last value. */
const DENSE_CELLS = 1 << 23;
/** The row of a sparse sheet's empty rows (frozen: nobody may write into the one shared row). */
const EMPTY_ROW: CellValue[] = Object.freeze([]) as unknown as CellValue[];
const SELF_CLOSED = '\u0000self-closed';
const FORMULA_ONLY = /^<[\w:]*f(?:\s[^>]*?)?(?:\/>|>[^<]*<\/[\w:]*f>)\s*$/;
const ROW_R = /\sr="(\d*)"/;
/**
 * The raw value text of a canonical cell body: `<v>…</v>`, `<f …>…</f><v>…</v>`,
 * `<f …/><v>…</v>`, or a plain inline string `<is><t>…</t></is>`; null for a formula without a
 * cached value; undefined if the body needs the scanner.
 */
function cellBody(body: string, p: string, type: string | undefined): string | null | undefined {
  const vOpen = `<${p}v>`;
  const vClose = `</${p}v>`;
  if (body.startsWith(vOpen)) {
    const e = body.indexOf(vClose, vOpen.length);
    if (e < 0 || e + vClose.length !== body.length || body.indexOf('<', vOpen.length) !== e) return undefined;
    return body.slice(vOpen.length, e);
  }
  if (body.startsWith(`<${p}f`)) {
    const vs = body.indexOf(vOpen);
    if (vs < 0) {
      // A formula without a cached value: only if nothing else is there.
      return FORMULA_ONLY.test(body) ? null : undefined;
    }
    const head = body.slice(0, vs);
    if (!FORMULA_ONLY.test(head)) return undefined;
    const e = body.indexOf(vClose, vs + vOpen.length);
    if (e < 0 || e + vClose.length !== body.length || body.indexOf('<', vs + vOpen.length) !== e) return undefined;
    return body.slice(vs + vOpen.length, e);
  }
  if (type === 'inlineStr') {
    const m = new RegExp(`^<${p}is><${p}t(?:\\s+xml:space="preserve")?>([^<]*)</${p}t></${p}is>$`).exec(body);
    return m ? m[1] : undefined;
  }
  return undefined;
}

/** Column number of the letters at the start of `s[from, to)` ("AB12" → 28). */
function columnAt(s: string, from: number, to: number): number {
  let col = 0;
  for (let i = from; i < to; i++) {
    const ch = s.charCodeAt(i);
    if (ch >= 65 && ch <= 90) col = col * 26 + (ch - 64);
    else if (ch >= 97 && ch <= 122) col = col * 26 + (ch - 96);
    else if (ch !== 36) break;
  }
  return col;
}

/** ISO 8601 date/time (a `t="d"` cell) → Excel serial number. */
export function isoToSerial(iso: string, date1904: boolean): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(iso);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0)) + Number(m[6] ?? 0) * 1000;
  if (date1904) return (ms - Date.UTC(1904, 0, 1)) / 86_400_000;
  let serial = (ms - Date.UTC(1899, 11, 30)) / 86_400_000;
  if (serial < 61) serial -= 1; // Excel's 1900 leap-year bug: serials before 1 March 1900 are one less
  return serial;
}
