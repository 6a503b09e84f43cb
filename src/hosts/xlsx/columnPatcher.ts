/**
 * Puts ColumnBlock cells into an existing worksheet part as it streams by: rows the blocks do
 * not touch pass through as text; touched rows get our cells inserted in column order (cells
 * already in those positions, ours from an earlier run, are replaced; null clears); rows that
 * do not exist yet are created in order. `<dimension>` and `<cols>` are updated in the head.
 */
import type { ColumnBlock, SpecCell } from '../../render/spec';
import { columnLetters, columnOfRef, formatArea, parseArea, unionArea, type CellArea } from './cellRef';
import { cellXml } from './cellXml';
import { SharedRuns } from './sharedFormulas';
import { colWidth } from './sheetWriter';
import type { StyleBook } from './styles';
import { attr, childElements, el, parseXml, serializeElement, setAttr, type XmlElement } from './xml';
import { errors } from './errors';
import { tagEnd } from './xmlScan';

interface Assignment {
  col: number;
  cell: SpecCell;
}

/** Cells by row for the blocks of one sheet. */
class BlockIndex {
  readonly firstRow: number;
  readonly lastRow: number;
  /** Area of the non-null cells, for the dimension. */
  readonly area: CellArea | undefined;
  /** Fill-down runs, written as shared formulas. */
  readonly shared: SharedRuns;

  constructor(private readonly blocks: ColumnBlock[], sheetName: string) {
    this.shared = new SharedRuns(sheetName);
    let first = Infinity;
    let last = 0;
    let area: CellArea | undefined;
    for (const b of blocks) {
      if (!b.cells.length) continue;
      this.shared.addBlock(b.cells, b.firstRow, b.firstColumn);
      first = Math.min(first, b.firstRow);
      last = Math.max(last, b.firstRow + b.cells.length - 1);
      // The block's non-null cells' bounds (no object per cell: blocks run to 100,000s of rows).
      let r0 = -1;
      let r1 = -1;
      let c0 = Infinity;
      let c1 = -1;
      for (let i = 0; i < b.cells.length; i++) {
        const row = b.cells[i]!;
        for (let j = 0; j < row.length; j++) {
          if (row[j] === null || row[j] === undefined) continue;
          if (r0 < 0) r0 = i;
          r1 = i;
          if (j < c0) c0 = j;
          if (j > c1) c1 = j;
        }
      }
      if (r0 >= 0) area = unionArea(area, { firstRow: b.firstRow + r0, lastRow: b.firstRow + r1, firstColumn: b.firstColumn + c0, lastColumn: b.firstColumn + c1 });
    }
    this.firstRow = first;
    this.lastRow = last;
    this.area = area;
  }

  /** True when a block sets (or clears) the cell at row r, column col. */
  covers(r: number, col: number): boolean {
    for (const b of this.blocks) {
      const cells = b.cells[r - b.firstRow];
      if (cells && col >= b.firstColumn && col < b.firstColumn + cells.length) return true;
    }
    return false;
  }

  /** Assignments for a row, sorted by column; empty if none. */
  row(r: number): Assignment[] {
    if (r < this.firstRow || r > this.lastRow) return [];
    const out: Assignment[] = [];
    for (const b of this.blocks) {
      const cells = b.cells[r - b.firstRow];
      if (!cells) continue;
      for (let j = 0; j < cells.length; j++) {
        const cell = cells[j];
        out.push({ col: b.firstColumn + j, cell: cell === undefined ? null : cell });
      }
    }
    if (this.blocks.length > 1) out.sort((a, b) => a.col - b.col);
    return out;
  }
}

export interface PatchTarget {
  sheetName: string;
  blocks: ColumnBlock[];
  styles: StyleBook;
}

/** A streaming transform: push the part's text, take the patched text from `emit`. */
export class ColumnPatcher {
  private buf = '';
  private pos = 0;
  private state: 'head' | 'rows' | 'tail' = 'head';
  private prefix = '';
  private lastRow = 0;
  /** Next block row not yet written. */
  private nextBlockRow: number;
  private readonly index: BlockIndex;
  private readonly widths: Map<number, number>;
  private ended = false;

  constructor(
    private readonly target: PatchTarget,
    private readonly part: string,
    private readonly emit: (text: string) => void,
  ) {
    this.index = new BlockIndex(target.blocks, target.sheetName);
    this.nextBlockRow = this.index.firstRow;
    this.widths = new Map();
    for (const b of target.blocks) {
      b.columnWidths?.forEach((w, j) => {
        if (Number.isFinite(w) && w > 0) this.widths.set(b.firstColumn + j, w);
      });
    }
  }

  /** Runs of fill-down cells this patch writes as shared formulas. */
  get sharedRuns(): number {
    return this.index.shared.count;
  }

  /**
   * The first shared-formula index ours may take: one past the largest the sheet keeps (see
   * maxSharedIndex, with `replaces`). Set before the first push.
   */
  set firstSharedIndex(si: number) {
    this.index.shared.firstSi = si;
  }

  /** True when the patch sets or clears the cell at (row, column). */
  replaces(row: number, column: number): boolean {
    return this.index.covers(row, column);
  }

  push(text: string): void {
    this.buf += text;
    this.run(false);
  }

  end(): void {
    this.run(true);
    if (this.state !== 'tail') throw errors.badXml(this.part, 'no <sheetData> element');
    this.ended = true;
  }

  private run(final: boolean): void {
    for (;;) {
      const progressed = this.state === 'head' ? this.head() : this.state === 'rows' ? this.rows() : this.tail();
      if (!progressed) break;
    }
    if (this.pos > 0) {
      this.buf = this.buf.slice(this.pos);
      this.pos = 0;
    }
    if (final && this.state === 'tail' && this.buf.length) {
      this.emit(this.buf);
      this.buf = '';
    }
  }

  // ---- head: everything up to and including <sheetData>
  private head(): boolean {
    const m = /<([A-Za-z_][\w.-]*:)?sheetData(\s[^>]*?)?(\/?)>/.exec(this.buf);
    if (!m) return false;
    const rootMatch = /<([A-Za-z_][\w.-]*:)?worksheet[\s>]/.exec(this.buf);
    this.prefix = m[1] ?? rootMatch?.[1] ?? '';
    const start = m.index;
    const headText = this.patchHead(this.buf.slice(0, start));
    const selfClosing = m[3] === '/';
    if (selfClosing) {
      this.emit(headText + `<${this.prefix}sheetData${m[2] ?? ''}>`);
      this.flushBlockRowsBefore(Infinity);
      this.emit(`</${this.prefix}sheetData>`);
      this.pos = start + m[0].length;
      this.state = 'tail';
    } else {
      this.emit(headText + m[0]);
      this.pos = start + m[0].length;
      this.state = 'rows';
    }
    return true;
  }

  private patchHead(head: string): string {
    const p = this.prefix;
    // We write UTF-8 whatever the part was decoded from.
    let out = head.replace(/^(<\?xml[^>]*?encoding=["'])[^"']*(["'])/, '$1UTF-8$2');
    // <dimension ref="…"/>
    const area = this.index.area;
    if (area) {
      const dimRe = new RegExp(`<${escapeRe(p)}dimension\\s+ref="([^"]*)"\\s*/>`);
      const dm = dimRe.exec(out);
      if (dm) {
        const old = parseArea(dm[1] ?? '');
        // An empty sheet says "A1": then our area alone.
        const merged = old && !(dm[1] === 'A1') ? unionArea(old, area) : area;
        out = out.slice(0, dm.index) + `<${p}dimension ref="${formatArea(merged)}"/>` + out.slice(dm.index + dm[0].length);
      } else {
        const after = new RegExp(`<${escapeRe(p)}sheetPr[\\s\\S]*?(</${escapeRe(p)}sheetPr>|/>)`).exec(out) ?? new RegExp(`<${escapeRe(p)}worksheet[^>]*>`).exec(out);
        if (after) {
          const at = after.index + after[0].length;
          out = out.slice(0, at) + `<${p}dimension ref="${formatArea(area)}"/>` + out.slice(at);
        }
      }
    }
    // <cols>
    if (this.widths.size) {
      const colsRe = new RegExp(`<${escapeRe(p)}cols(\\s[^>]*)?>[\\s\\S]*?</${escapeRe(p)}cols>|<${escapeRe(p)}cols(\\s[^>]*)?/>`);
      const cm = colsRe.exec(out);
      const xml = this.colsXml(cm ? cm[0] : undefined);
      out = cm ? out.slice(0, cm.index) + xml + out.slice(cm.index + cm[0].length) : out + xml;
    }
    return out;
  }

  /** Existing <cols> with our columns' widths set (ranges split around them). */
  private colsXml(existing: string | undefined): string {
    const p = this.prefix;
    const ours = [...this.widths.keys()].sort((a, b) => a - b);
    let root: XmlElement;
    if (existing) root = parseXml(existing, this.part).root;
    else root = el(`${p}cols`);
    const result: XmlElement[] = [];
    const styleOf = new Map<number, string>();
    for (const c of childElements(root, 'col')) {
      const min = Number(attr(c, 'min'));
      const max = Number(attr(c, 'max'));
      let runStart = min;
      for (const col of ours) {
        if (col < min || col > max) continue;
        const s = attr(c, 'style');
        if (s !== undefined) styleOf.set(col, s);
        if (col > runStart) result.push(withRange(c, runStart, col - 1));
        runStart = col + 1;
      }
      if (runStart === min) result.push(c);
      else if (runStart <= max) result.push(withRange(c, runStart, max));
    }
    for (const col of ours) {
      const attrs: [string, string][] = [['min', String(col)], ['max', String(col)], ['width', String(colWidth(this.widths.get(col)!))]];
      const s = styleOf.get(col);
      if (s !== undefined) attrs.push(['style', s]);
      attrs.push(['customWidth', '1']);
      result.push(el(`${p}col`, attrs));
    }
    result.sort((a, b) => Number(attr(a, 'min')) - Number(attr(b, 'min')));
    root.children = result;
    return serializeElement(root);
  }

  // ---- rows: <row> elements inside <sheetData>
  private rows(): boolean {
    const b = this.buf;
    const lt = b.indexOf('<', this.pos);
    if (lt < 0) {
      if (this.pos < b.length) {
        this.emit(b.slice(this.pos));
        this.pos = b.length;
      }
      return false;
    }
    if (lt > this.pos) {
      this.emit(b.slice(this.pos, lt));
      this.pos = lt;
    }
    const p = this.prefix;
    const rowOpen = `<${p}row`;
    if (b.startsWith(rowOpen, lt) && isNameEnd(b.charCodeAt(lt + rowOpen.length))) {
      const gt = tagEnd(b, lt + 1);
      if (gt < 0) return false;
      let end: number;
      const selfClosing = b.charCodeAt(gt - 1) === 47; // '/'
      if (selfClosing) end = gt + 1;
      else {
        const close = `</${p}row>`;
        const ci = b.indexOf(close, gt);
        if (ci < 0) return false;
        end = ci + close.length;
      }
      this.row(b.slice(lt, gt + 1), selfClosing ? '' : b.slice(gt + 1, end - `</${p}row>`.length), selfClosing);
      this.pos = end;
      return true;
    }
    const close = `</${p}sheetData`;
    if (b.startsWith(close, lt)) {
      this.flushBlockRowsBefore(Infinity);
      this.state = 'tail';
      return true;
    }
    // Anything else (comment, processing instruction): pass it through.
    const endMarker = b.startsWith('<!--', lt) ? '-->' : '>';
    const e = b.indexOf(endMarker, lt);
    if (e < 0) return false;
    this.emit(b.slice(lt, e + endMarker.length));
    this.pos = e + endMarker.length;
    return true;
  }

  private tail(): boolean {
    if (this.pos < this.buf.length) {
      this.emit(this.buf.slice(this.pos));
      this.pos = this.buf.length;
    }
    return false;
  }

  /** Writes our rows that do not exist in the sheet, up to (not including) row `before`. */
  private flushBlockRowsBefore(before: number): void {
    const last = Math.min(before - 1, this.index.lastRow);
    let out = '';
    for (let r = Math.max(this.nextBlockRow, this.lastRow + 1); r <= last; r++) {
      const cells = this.cellsXml(r, this.index.row(r));
      if (cells) out += `<${this.prefix}row r="${r}">${cells}</${this.prefix}row>`;
      if (out.length > 1 << 18) {
        this.emit(out);
        out = '';
      }
    }
    if (out) this.emit(out);
    if (last + 1 > this.nextBlockRow) this.nextBlockRow = last + 1;
  }

  private cellsXml(r: number, assignments: Assignment[]): string {
    let s = '';
    for (const a of assignments) {
      if (a.cell === null) continue;
      s += this.cellToXml(r, a.col, a.cell);
    }
    return s;
  }

  private cellToXml(r: number, col: number, cell: SpecCell): string {
    if (cell === null) return '';
    const ref = columnLetters(col) + r;
    const place = cell.kind === 'fill' ? this.index.shared.at(r, col) : undefined;
    const xml = cellXml(ref, cell, this.target.styles.xf(cell.style), `${this.target.sheetName}!${ref}`, r, place);
    return this.prefix ? xml.replace(/<(\/?)(c|f|v|is|t)([\s>/])/g, `<$1${this.prefix}$2$3`) : xml;
  }

  private row(startTag: string, inner: string, selfClosing: boolean): void {
    const p = this.prefix;
    const rm = /\sr="(\d+)"/.exec(startTag);
    const r = rm ? Number(rm[1]) : this.lastRow + 1;
    this.flushBlockRowsBefore(r);
    this.lastRow = r;
    let tag = startTag;
    if (!rm) tag = tag.replace(new RegExp(`^<${escapeRe(p)}row`), `<${p}row r="${r}"`);
    const assignments = this.index.row(r);
    if (r >= this.nextBlockRow) this.nextBlockRow = r + 1;
    if (!assignments.length) {
      this.emit(rm ? (selfClosing ? startTag : startTag + inner + `</${p}row>`) : selfClosing ? tag : tag + inner + `</${p}row>`);
      return;
    }
    const cOpen = `<${p}c`;
    const cClose = `</${p}c>`;
    // spans is only a hint; drop it on rows whose cells change.
    tag = tag.replace(/\sspans="[^"]*"/, '');
    if (tag.endsWith('/>')) tag = tag.slice(0, -2).trimEnd() + '>';
    // Fast path (tag columns to the right of the data): the row's last cell has an r left of
    // our first column and nothing follows it, so our cells simply go after it.
    const fast = appendPosition(inner, cOpen, cClose);
    if (fast !== undefined && fast < assignments[0]!.col) {
      let ours = '';
      for (const a of assignments) ours += this.cellToXml(r, a.col, a.cell);
      this.emit(`${tag}${inner}${ours}</${p}row>`);
      return;
    }
    // Split the row's content into cells (with their columns) and anything after them.
    const existing: { col: number; xml: string }[] = [];
    let i = 0;
    let col = 0;
    let rest = '';
    while (i < inner.length) {
      const lt = inner.indexOf('<', i);
      if (lt < 0) break;
      if (inner.startsWith(cOpen, lt) && isNameEnd(inner.charCodeAt(lt + cOpen.length))) {
        const te = tagEnd(inner, lt + 1);
        if (te < 0) throw errors.badXml(this.part, `unterminated cell in row ${r}`);
        let end: number;
        if (inner.charCodeAt(te - 1) === 47) end = te + 1;
        else {
          const ce = inner.indexOf(cClose, te);
          if (ce < 0) throw errors.badXml(this.part, `unterminated cell in row ${r}`);
          end = ce + cClose.length;
        }
        let xml = inner.slice(lt, end);
        const refm = /^<[^>]*?\sr="([A-Za-z$]+)\$?\d*"/.exec(xml);
        if (refm) col = columnOfRef(refm[1]!);
        else {
          col++;
          xml = cOpen + ` r="${columnLetters(col)}${r}"` + xml.slice(cOpen.length);
        }
        existing.push({ col, xml });
        i = end;
      } else {
        rest = inner.slice(lt);
        break;
      }
    }
    const assigned = new Set(assignments.map((a) => a.col));
    let out = '';
    let k = 0;
    for (const e of existing) {
      while (k < assignments.length && assignments[k]!.col < e.col) {
        const a = assignments[k++]!;
        out += this.cellToXml(r, a.col, a.cell);
      }
      if (!assigned.has(e.col)) out += e.xml;
    }
    while (k < assignments.length) {
      const a = assignments[k++]!;
      out += this.cellToXml(r, a.col, a.cell);
    }
    this.emit(`${tag}${out}${rest}</${p}row>`);
  }

  get done(): boolean {
    return this.ended;
  }
}

/**
 * For a row whose content is only cells and whose last cell has an `r`: that cell's column
 * (0 for an empty row). Undefined when the row needs the careful path.
 */
function appendPosition(inner: string, cOpen: string, cClose: string): number | undefined {
  let end = inner.length;
  while (end > 0 && inner.charCodeAt(end - 1) <= 32) end--;
  if (end === 0) return 0;
  const last = inner.lastIndexOf(cOpen, end);
  if (last < 0 || !isNameEnd(inner.charCodeAt(last + cOpen.length))) return undefined;
  const te = tagEnd(inner, last + 1);
  if (te < 0) return undefined;
  const cellEnd = inner.charCodeAt(te - 1) === 47 ? te + 1 : inner.indexOf(cClose, te) + cClose.length;
  if (cellEnd !== end) return undefined;
  const m = /\sr="([A-Za-z]+)\d+"/.exec(inner.slice(last, te));
  return m ? columnOfRef(m[1]!) : undefined;
}

function withRange(c: XmlElement, min: number, max: number): XmlElement {
  const copy = el(c.name, c.attrs.map(([k, v]) => [k, v] as [string, string]), c.children);
  setAttr(copy, 'min', String(min));
  setAttr(copy, 'max', String(max));
  return copy;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function isNameEnd(code: number): boolean {
  // whitespace, '>', '/'
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 62 || code === 47;
}

