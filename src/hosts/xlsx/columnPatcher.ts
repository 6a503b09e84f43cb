/**
 * Puts ColumnBlock cells into an existing worksheet part as it streams by: rows the blocks do
 * not touch pass through as text; touched rows get our cells inserted in column order (cells
 * already in those positions, ours from an earlier run, are replaced; null clears); rows that
 * do not exist yet are created in order. `<dimension>` and `<cols>` are updated in the head,
 * in the element order CT_Worksheet requires. Every tag is read quote-aware and with any
 * namespace prefix (one reading of attributes: xmlScan's); rows and cells out of order, twice
 * or past Excel's limits are refused (SheetChecks), as the reader refuses them.
 */
import type { ColumnBlock, SpecCell } from '../../spec/write';
import { columnLetter } from '../../engine/a1';
import { columnOfRef, formatArea, parseArea, unionArea, type CellArea } from './cellRef';
import { cellXml } from './cellXml';
import { SharedRuns } from './sharedFormulas';
import { colWidth } from './sheetWriter';
import type { StyleBook } from './styles';
import { attr, childElements, el, parseXml, prefixOf, serializeElement, setAttr, type XmlElement } from './xml';
import { errors, sheetErrors, XlsxError } from './errors';
import { LIMITS } from './limits';
import { HeadScanner, type SheetHead } from './sheetHead';
import { SheetChecks } from './sheetChecks';
import { attrValue, eachAttr, tagEnd, tagWaitsFor } from './xmlScan';
import { HeldToken, TokenTooLongError } from './heldToken';

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
  /** What the row or tag at the start of buf waits for (set when rows() stops inside one). */
  private waitFor: string | undefined;
  /** That row or tag while it waits, so that a long one is not copied again with every chunk. */
  private readonly cut = new HeldToken();
  private state: 'head' | 'rows' | 'tail' = 'head';
  private prefix = '';
  private lastRow = 0;
  private readonly headScan = new HeadScanner();
  private readonly checks: SheetChecks;
  /**
   * When the sheet's own `<dimension>` cannot be trusted (none, unreadable, or "A1"), the
   * patched part is held until its end, when the used range (user's cells and ours) is known:
   * the head before the dimension's place, the text after it, and the used range so far.
   */
  private held: { before: string; after: string[]; p: string } | undefined;
  private used: CellArea | undefined;
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
    this.checks = new SheetChecks(target.sheetName, part);
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
    if (this.cut.chars) {
      // A row (or tag) the last chunk cut: more of it is held until what ends it arrives.
      if (!this.cut.arrives(text)) {
        try {
          this.cut.add(text);
        } catch (e) {
          if (e instanceof TokenTooLongError) throw sheetErrors.tokenTooLong(this.target.sheetName, this.part, 'row', this.lastRow);
          throw e;
        }
        return;
      }
      this.buf = this.cut.take(text);
    } else this.buf += text;
    this.run(false);
    // What is still held is the head (before <sheetData>) or one row the chunk's end cut: as
    // the reader does, refuse it past LIMITS.tokenChars rather than hold it whole.
    if (this.buf.length > LIMITS.tokenChars && this.state !== 'tail') {
      throw sheetErrors.tokenTooLong(this.target.sheetName, this.part, this.state === 'head' ? 'head' : 'row', this.lastRow);
    }
    if (this.state === 'rows' && this.waitFor !== undefined && this.buf.length) {
      this.cut.start(this.buf, this.waitFor, 'item');
      this.buf = '';
    }
  }

  end(): void {
    if (this.cut.chars) this.buf = this.cut.take();
    this.run(true);
    if (this.state !== 'tail') throw errors.badXml(this.part, 'no <sheetData> element');
    const held = this.held;
    if (held) {
      this.held = undefined;
      const area = this.index.area ? unionArea(this.used, this.index.area) : this.used;
      this.emit(held.before + (area ? `<${held.p}dimension ref="${formatArea(area)}"/>` : ''));
      for (let i = 0; i < held.after.length; i++) {
        this.emit(held.after[i]!);
        held.after[i] = '';
      }
    }
    this.ended = true;
  }

  /** Passes text on, or holds it while the dimension waits for the used range. */
  private out(text: string): void {
    if (this.held) this.held.after.push(text);
    else this.emit(text);
  }

  private run(final: boolean): void {
    for (;;) {
      let progressed: boolean;
      try {
        progressed = this.state === 'head' ? this.head() : this.state === 'rows' ? this.rows() : this.tail();
      } catch (e) {
        if (e instanceof XlsxError) throw e;
        throw errors.badXml(this.part, e instanceof Error ? e.message : String(e));
      }
      if (!progressed) break;
    }
    if (this.pos > 0) {
      this.buf = this.buf.slice(this.pos);
      this.pos = 0;
    }
    if (final && this.state === 'tail' && this.buf.length) {
      this.out(this.buf);
      this.buf = '';
    }
  }

  // ---- head: everything up to and including <sheetData>
  private head(): boolean {
    const head = this.headScan.scan(this.buf);
    if (!head) return false;
    this.prefix = head.sheetData.prefix;
    const start = head.sheetData.start;
    const tagEnd_ = head.sheetData.end;
    this.patchHead(this.buf.slice(0, start), head);
    const dataTag = this.buf.slice(start, tagEnd_);
    if (head.sheetDataSelfClosing) {
      this.out(dataTag.slice(0, dataTag.lastIndexOf('/')).trimEnd() + '>');
      this.flushBlockRowsBefore(Infinity);
      this.out(`</${head.sheetData.name}>`);
      this.state = 'tail';
    } else {
      this.out(dataTag);
      this.state = 'rows';
    }
    this.pos = tagEnd_;
    return true;
  }

  /**
   * Emits the head with `<dimension>` and `<cols>` set. Each goes where CT_Worksheet puts it
   * (sheetPr, dimension, sheetViews, sheetFormatPr, cols, sheetData): an existing element is
   * replaced in place, in whatever spelling; a new dimension goes after sheetPr (or first), new
   * cols last (right before sheetData).
   */
  private patchHead(text: string, head: SheetHead): void {
    const p = head.root.prefix;
    const edits: { from: number; to: number; text: string }[] = [];
    // We write UTF-8 whatever the part was decoded from.
    const decl = /^(<\?xml[^>]*?encoding\s*=\s*["'])[^"']*(["'])/.exec(text);
    if (decl) edits.push({ from: decl[1]!.length, to: decl[0].length - 1, text: 'UTF-8' });
    // <dimension ref="…"/>
    const area = this.index.area;
    let holdAt = -1;
    if (area) {
      const dim = head.children.find((c) => c.local === 'dimension');
      const ref = dim ? attrValue(text, dim.attrFrom, dim.attrTo, 'ref') : undefined;
      const old = ref !== undefined && ref !== 'A1' ? parseArea(ref) : undefined;
      if (dim && old) edits.push({ from: dim.start, to: dim.end, text: `<${dim.prefix}dimension ref="${formatArea(unionArea(old, area))}"/>` });
      else {
        // The sheet's own range is unknown (an empty sheet says "A1"): hold the part to learn it.
        if (dim) edits.push({ from: dim.start, to: dim.end, text: '' });
        const sheetPr = head.children.find((c) => c.local === 'sheetPr');
        holdAt = dim ? dim.start : sheetPr ? sheetPr.end : head.root.end;
      }
    }
    // <cols>: all of them become one, where the first was (or right before sheetData)
    if (this.widths.size) {
      const cols = head.children.filter((c) => c.local === 'cols');
      const xml = this.colsXml(cols.map((c) => text.slice(c.start, c.end)), p);
      if (xml !== undefined) {
        if (cols.length) {
          edits.push({ from: cols[0]!.start, to: cols[0]!.end, text: xml });
          for (let i = 1; i < cols.length; i++) edits.push({ from: cols[i]!.start, to: cols[i]!.end, text: '' });
        } else edits.push({ from: text.length, to: text.length, text: xml });
      }
    }
    edits.sort((a, b) => a.from - b.from);
    let out = '';
    let at = 0;
    let before: string | undefined;
    for (const e of edits) {
      if (holdAt >= 0 && before === undefined && holdAt <= e.from) {
        before = out + text.slice(at, holdAt);
        out = '';
        at = holdAt;
      }
      out += text.slice(at, e.from) + e.text;
      at = e.to;
    }
    if (holdAt >= 0 && before === undefined) {
      before = out + text.slice(at, holdAt);
      out = '';
      at = holdAt;
    }
    out += text.slice(at);
    if (before !== undefined) {
      this.held = { before, after: [out], p };
      this.used = undefined;
    } else this.emit(out);
  }

  /**
   * The sheet's `<cols>` elements (as written) merged into one with our columns' widths set:
   * a user's range over our columns is split around them and lends them its style, but a
   * column the user sized (customWidth) keeps its width. Undefined when nothing changes.
   */
  private colsXml(existing: string[], rootPrefix: string): string | undefined {
    const roots = existing.map((x) => parseXml(x, this.part).root);
    const userCols = roots.flatMap((r) => childElements(r, 'col'));
    const sized = (c: XmlElement): boolean => {
      const v = attr(c, 'customWidth');
      return v === '1' || v === 'true';
    };
    const range = (c: XmlElement): [number, number] => [Number(attr(c, 'min')), Number(attr(c, 'max'))];
    const ours = [...this.widths.keys()]
      .filter((col) => !userCols.some((c) => sized(c) && range(c)[0] <= col && col <= range(c)[1]))
      .sort((a, b) => a - b);
    if (!ours.length) return undefined;
    const root = roots[0] ?? el(`${rootPrefix}cols`);
    const p = prefixOf(root.name);
    const result: XmlElement[] = [];
    const styleOf = new Map<number, string>();
    for (const c of userCols) {
      const [min, max] = range(c);
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
    this.waitFor = undefined;
    const b = this.buf;
    const lt = b.indexOf('<', this.pos);
    if (lt < 0) {
      if (this.pos < b.length) {
        this.out(b.slice(this.pos));
        this.pos = b.length;
      }
      return false;
    }
    if (lt > this.pos) {
      this.out(b.slice(this.pos, lt));
      this.pos = lt;
    }
    const p = this.prefix;
    const rowOpen = `<${p}row`;
    if (b.startsWith(rowOpen, lt) && isNameEnd(b.charCodeAt(lt + rowOpen.length))) {
      const gt = tagEnd(b, lt + 1);
      if (gt < 0) {
        this.waitFor = tagWaitsFor(b, lt + 1);
        return false;
      }
      let end: number;
      const selfClosing = b.charCodeAt(gt - 1) === 47; // '/'
      if (selfClosing) end = gt + 1;
      else {
        const close = `</${p}row>`;
        const ci = b.indexOf(close, gt);
        if (ci < 0) {
          this.waitFor = close;
          return false;
        }
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
    if (e < 0) {
      this.waitFor = endMarker;
      return false;
    }
    this.out(b.slice(lt, e + endMarker.length));
    this.pos = e + endMarker.length;
    return true;
  }

  private tail(): boolean {
    if (this.pos < this.buf.length) {
      this.out(this.buf.slice(this.pos));
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
        this.out(out);
        out = '';
      }
    }
    if (out) this.out(out);
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
    const ref = columnLetter(col) + r;
    const place = cell.kind === 'fill' ? this.index.shared.at(r, col) : undefined;
    const xml = cellXml(ref, cell, this.target.styles.xf(cell.style), `${this.target.sheetName}!${ref}`, r, place);
    return this.prefix ? xml.replace(/<(\/?)(c|f|v|is|t)([\s>/])/g, `<$1${this.prefix}$2$3`) : xml;
  }

  private row(startTag: string, inner: string, selfClosing: boolean): void {
    const p = this.prefix;
    const rowOpen = `<${p}row`;
    const attrTo = selfClosing ? startTag.length - 2 : startTag.length - 1;
    let r0 = -1;
    let r1 = -1;
    eachAttr(startTag, rowOpen.length, attrTo, (k0, k1, v0, v1) => {
      if (k1 - k0 === 1 && startTag.charCodeAt(k0) === 114) {
        r0 = v0;
        r1 = v1;
      }
    });
    const r = this.checks.row(this.lastRow, startTag, r0, r1);
    this.flushBlockRowsBefore(r);
    this.lastRow = r;
    let tag = r0 < 0 ? `${rowOpen} r="${r}"${startTag.slice(rowOpen.length)}` : startTag;
    const assignments = this.index.row(r);
    if (r >= this.nextBlockRow) this.nextBlockRow = r + 1;
    const cOpen = `<${p}c`;
    const cClose = `</${p}c>`;
    if (this.held && !selfClosing) this.noteUsed(r, inner, cOpen, cClose);
    if (!assignments.length) {
      this.out(selfClosing ? tag : tag + inner + `</${p}row>`);
      return;
    }
    // spans is only a hint; drop it on rows whose cells change.
    tag = withoutAttr(tag, rowOpen.length, 'spans');
    if (tag.endsWith('/>')) tag = tag.slice(0, -2).trimEnd() + '>';
    // Fast path (tag columns to the right of the data): the row's last cell has an r left of
    // our first column and nothing follows it, so our cells simply go after it.
    const fast = appendPosition(inner, cOpen, cClose);
    if (fast !== undefined && fast < assignments[0]!.col) {
      let ours = '';
      for (const a of assignments) ours += this.cellToXml(r, a.col, a.cell);
      this.out(`${tag}${inner}${ours}</${p}row>`);
      return;
    }
    // Split the row's content into cells (with their columns; whitespace and comments go
    // with the cell after them) and what follows the cells (extLst).
    const existing: { col: number; xml: string }[] = [];
    let i = 0;
    let col = 0;
    let lead = '';
    let rest = '';
    while (i < inner.length) {
      const lt = inner.indexOf('<', i);
      if (lt < 0) {
        lead += inner.slice(i);
        break;
      }
      lead += inner.slice(i, lt);
      if (inner.startsWith(cOpen, lt) && isNameEnd(inner.charCodeAt(lt + cOpen.length))) {
        const te = tagEnd(inner, lt + 1);
        if (te < 0) throw errors.badXml(this.part, `unterminated cell in row ${r}`);
        const cellSelfClosing = inner.charCodeAt(te - 1) === 47;
        let end: number;
        if (cellSelfClosing) end = te + 1;
        else {
          const ce = inner.indexOf(cClose, te);
          if (ce < 0) throw errors.badXml(this.part, `unterminated cell in row ${r}`);
          end = ce + cClose.length;
        }
        let xml = inner.slice(lt, end);
        const ref = attrValue(inner, lt + cOpen.length, cellSelfClosing ? te - 1 : te, 'r');
        const next = (ref !== undefined && columnOfRef(ref)) || col + 1;
        if (!SheetChecks.cellFits(next, col)) throw this.checks.cellError(next, col, r, ref);
        col = next;
        if (ref === undefined) xml = cOpen + ` r="${columnLetter(col)}${r}"` + xml.slice(cOpen.length);
        existing.push({ col, xml: lead + xml });
        lead = '';
        i = end;
      } else if (inner.startsWith('<!--', lt) || inner.startsWith('<?', lt)) {
        const close = inner.charCodeAt(lt + 1) === 33 ? '-->' : '?>';
        const e = inner.indexOf(close, lt + 2);
        if (e < 0) throw errors.badXml(this.part, `unterminated comment in row ${r}`);
        lead += inner.slice(lt, e + close.length);
        i = e + close.length;
      } else {
        rest = inner.slice(lt);
        break;
      }
    }
    rest = lead + rest;
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
    this.out(`${tag}${out}${rest}</${p}row>`);
  }

  /** Adds a row's cells (those with a value or not) to the used range, for a held dimension. */
  private noteUsed(r: number, inner: string, cOpen: string, cClose: string): void {
    let first = 0;
    let last = 0;
    let col = 0;
    for (let i = inner.indexOf(cOpen); i >= 0; i = inner.indexOf(cOpen, i + 1)) {
      if (!isNameEnd(inner.charCodeAt(i + cOpen.length))) continue;
      const te = tagEnd(inner, i + 1);
      if (te < 0) break;
      const ref = attrValue(inner, i + cOpen.length, inner.charCodeAt(te - 1) === 47 ? te - 1 : te, 'r');
      col = (ref !== undefined && columnOfRef(ref)) || col + 1;
      if (!first) first = col;
      last = col;
      if (inner.charCodeAt(te - 1) !== 47) {
        const ce = inner.indexOf(cClose, te);
        if (ce < 0) break;
        i = ce;
      } else i = te;
    }
    if (first) this.used = unionArea(this.used, { firstRow: r, lastRow: r, firstColumn: first, lastColumn: last });
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
  const ref = attrValue(inner, last + cOpen.length, inner.charCodeAt(te - 1) === 47 ? te - 1 : te, 'r');
  const col = ref === undefined ? 0 : columnOfRef(ref);
  return col > 0 ? col : undefined;
}

/** The start tag `tag` (attributes from `from`) without attribute `name`, in either quoting. */
function withoutAttr(tag: string, from: number, name: string): string {
  let cut: [number, number] | undefined;
  eachAttr(tag, from, tag.length - (tag.endsWith('/>') ? 2 : 1), (k0, k1, _v0, v1) => {
    if (k1 - k0 === name.length && tag.startsWith(name, k0)) cut = [k0, v1 + 1];
  });
  if (!cut) return tag;
  let a = cut[0];
  while (a > from && tag.charCodeAt(a - 1) <= 32) a--;
  return tag.slice(0, a) + tag.slice(cut[1]);
}

function withRange(c: XmlElement, min: number, max: number): XmlElement {
  const copy = el(c.name, c.attrs.map(([k, v]) => [k, v] as [string, string]), c.children);
  setAttr(copy, 'min', String(min));
  setAttr(copy, 'max', String(max));
  return copy;
}

function isNameEnd(code: number): boolean {
  // whitespace, '>', '/'
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 62 || code === 47;
}

