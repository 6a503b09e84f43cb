/**
 * `xl/styles.xml`: adds the few number formats, fonts, fills and cell formats that the
 * SpecCell styles need, reusing identical ones already there (so re-runs do not pile up
 * formats). The rest of the part is kept as it was; untouched if nothing is needed.
 */
import { CELL_LOOKS, type CellLook } from '../../spec/looks';
import type { CellStyleId } from '../../spec/write';
import { TRANSITIONAL, type OoxmlNamespaces } from './conformance';
import {
  attr,
  childElements,
  el,
  firstChild,
  localName,
  parseXml,
  prefixOf,
  serializeElement,
  serializeXml,
  setAttr,
  type XmlDocument,
  type XmlElement,
} from './xml';

/** A look as SpreadsheetML spells it: the number format's code, colours as ARGB. */
type StyleDef = Omit<CellLook, 'numberFormat'> & { numFmt?: string };

/** The shared looks (src/spec/looks.ts) in SpreadsheetML terms: colours as ARGB. */
const argb = (hex: string | undefined) => (hex === undefined ? undefined : `FF${hex.replace('#', '').toUpperCase()}`);
export const STYLE_DEFS = Object.fromEntries(
  Object.entries(CELL_LOOKS).map(([id, look]) => [
    id,
    { numFmt: look.numberFormat, bold: look.bold, italic: look.italic, size: look.size, color: argb(look.color), fill: argb(look.fill), wrap: look.wrap },
  ]),
) as Record<CellStyleId, StyleDef>;

const BUILTIN_FORMATS: Record<string, number> = { '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '@': 49 };

/** The styles part of a workbook that had none, in the workbook's main namespace. */
const minimalStyles = (spreadsheetml: string): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<styleSheet xmlns="${spreadsheetml}">` +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

export class StyleBook {
  /** True once something was added: the part must be written. */
  changed = false;
  private readonly cache = new Map<CellStyleId, number>();

  private constructor(private readonly doc: XmlDocument, readonly part: string, readonly created: boolean) {}

  static parse(text: string, part: string): StyleBook {
    return new StyleBook(parseXml(text, part), part, false);
  }

  /** For a package without a styles part, in its conformance class. */
  static create(part: string, namespaces: OoxmlNamespaces = TRANSITIONAL): StyleBook {
    const book = new StyleBook(parseXml(minimalStyles(namespaces.spreadsheetml), part), part, true);
    book.changed = true;
    return book;
  }

  private get prefix(): string {
    return prefixOf(this.doc.root.name);
  }

  /** The container element (`fonts`, `cellXfs`, …), created in schema order if missing. */
  private section(local: string): XmlElement {
    const found = firstChild(this.doc.root, local);
    if (found) return found;
    const created = el(this.prefix + local, { count: '0' });
    const before = ORDER.slice(0, ORDER.indexOf(local));
    let index = -1;
    this.doc.root.children.forEach((c, i) => {
      if (c.type === 'element' && before.includes(localName(c.name))) index = i;
    });
    this.doc.root.children.splice(index + 1, 0, created);
    return created;
  }

  /** Adds `item` to the section unless an identical one is there; returns its index. */
  private intern(local: string, item: XmlElement): number {
    const section = this.section(local);
    const items = childElements(section).filter((c) => localName(c.name) !== 'extLst');
    const wanted = serializeElement(item);
    const found = items.findIndex((c) => serializeElement(c) === wanted);
    if (found >= 0) return found;
    section.children.push(item);
    setAttr(section, 'count', String(items.length + 1));
    this.changed = true;
    return items.length;
  }

  private numFmtId(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    const section = firstChild(this.doc.root, 'numFmts');
    let max = 163;
    for (const f of section ? childElements(section, 'numFmt') : []) {
      const id = Number(attr(f, 'numFmtId'));
      if (attr(f, 'formatCode') === code) return id;
      if (id > max) max = id;
    }
    const s = this.section('numFmts');
    s.children.push(el(this.prefix + 'numFmt', { numFmtId: String(max + 1), formatCode: code }));
    setAttr(s, 'count', String(childElements(s, 'numFmt').length));
    this.changed = true;
    return max + 1;
  }

  private fontId(def: StyleDef): number {
    if (!def.bold && !def.italic && def.size === undefined && def.color === undefined) return 0;
    const fonts = this.section('fonts');
    const base = childElements(fonts, 'font')[0];
    const p = this.prefix;
    const font: XmlElement = base ? (JSON.parse(JSON.stringify(base)) as XmlElement) : el(p + 'font', [], [el(p + 'sz', { val: '11' }), el(p + 'name', { val: 'Calibri' })]);
    const drop = new Set<string>(['b', 'i']);
    if (def.color !== undefined) drop.add('color');
    font.children = font.children.filter((c) => c.type === 'element' && !drop.has(localName(c.name)));
    const lead: XmlElement[] = [];
    if (def.bold) lead.push(el(p + 'b'));
    if (def.italic) lead.push(el(p + 'i'));
    // eslint-disable-next-line no-restricted-syntax -- lead holds at most <b/> and <i/>
    font.children.unshift(...lead);
    if (def.size !== undefined) {
      const sz = firstChild(font, 'sz');
      if (sz) setAttr(sz, 'val', String(def.size));
      else font.children.push(el(p + 'sz', { val: String(def.size) }));
    }
    if (def.color !== undefined) {
      const szIndex = font.children.findIndex((c) => c.type === 'element' && localName(c.name) === 'sz');
      font.children.splice(szIndex + 1, 0, el(p + 'color', { rgb: def.color }));
    }
    return this.intern('fonts', font);
  }

  private fillId(rgb: string | undefined): number {
    if (rgb === undefined) return 0;
    const p = this.prefix;
    const fill = el(p + 'fill', [], [
      el(p + 'patternFill', { patternType: 'solid' }, [el(p + 'fgColor', { rgb }), el(p + 'bgColor', { indexed: '64' })]),
    ]);
    return this.intern('fills', fill);
  }

  /** The cellXfs index for a style (0, the default, for none). */
  xf(style: CellStyleId | undefined): number {
    if (style === undefined) return 0;
    const cached = this.cache.get(style);
    if (cached !== undefined) return cached;
    const def = STYLE_DEFS[style];
    const numFmtId = def.numFmt === undefined ? 0 : this.numFmtId(def.numFmt);
    const fontId = this.fontId(def);
    const fillId = this.fillId(def.fill);
    if (!firstChild(this.doc.root, 'borders')) {
      const b = this.section('borders');
      const p = this.prefix;
      b.children.push(el(p + 'border', [], ['left', 'right', 'top', 'bottom', 'diagonal'].map((n) => el(p + n))));
      setAttr(b, 'count', '1');
    }
    const attrs: [string, string][] = [
      ['numFmtId', String(numFmtId)],
      ['fontId', String(fontId)],
      ['fillId', String(fillId)],
      ['borderId', '0'],
      ['xfId', '0'],
    ];
    if (numFmtId) attrs.push(['applyNumberFormat', '1']);
    if (fontId) attrs.push(['applyFont', '1']);
    if (fillId) attrs.push(['applyFill', '1']);
    const children: XmlElement[] = [];
    if (def.wrap) {
      attrs.push(['applyAlignment', '1']);
      children.push(el(this.prefix + 'alignment', { vertical: 'center', wrapText: '1' }));
    }
    const id = this.intern('cellXfs', el(this.prefix + 'xf', attrs, children));
    this.cache.set(style, id);
    return id;
  }

  serialize(): string {
    return serializeXml(this.doc);
  }
}
