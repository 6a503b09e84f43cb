/**
 * The part of a worksheet before `<sheetData>`, as the column patcher needs it: the root's
 * start tag and its child elements (sheetPr, dimension, sheetViews, sheetFormatPr, cols), each
 * with where it starts and ends. Found with a quote-aware scan (attribute values may hold `>`
 * and either quote; any namespace prefix; comments and processing instructions skipped), so
 * that a patch can replace an element in whatever spelling it came and insert new ones in
 * the order the schema (CT_Worksheet) requires.
 */
import { tagEnd, XmlScanError } from './xmlScan';

export interface HeadElement {
  /** The qualified name as written (`x:dimension`). */
  name: string;
  /** Its prefix with the colon (`x:`), or ''. */
  prefix: string;
  local: string;
  /** Where its start tag begins, and one past the end of the whole element. */
  start: number;
  end: number;
  /** Its start tag's raw attribute text is `text.slice(attrFrom, attrTo)`. */
  attrFrom: number;
  attrTo: number;
}

export interface SheetHead {
  root: HeadElement;
  /** The root's children before `<sheetData>`, in order (their `end` is set). */
  children: HeadElement[];
  /** `<sheetData …>` itself: `start` is where the head ends, `end` one past its start tag. */
  sheetData: HeadElement;
  sheetDataSelfClosing: boolean;
}

/** Scans a growing head text until `<sheetData>` (a child of the root) has been seen. */
export class HeadScanner {
  private i = 0;
  private depth = 0;
  private root: HeadElement | undefined;
  private open: HeadElement | undefined;
  private readonly children: HeadElement[] = [];

  /** `text` is everything so far (earlier text unchanged); the head once sheetData's start tag is in it. */
  scan(text: string): SheetHead | undefined {
    const n = text.length;
    for (;;) {
      const lt = text.indexOf('<', this.i);
      if (lt < 0 || lt + 1 >= n) return undefined;
      const c = text.charCodeAt(lt + 1);
      if (c === 33) {
        // <!-- --> or <![CDATA[ ]]>; a DOCTYPE has no place in a worksheet
        const close = text.startsWith('<!--', lt) ? '-->' : text.startsWith('<![CDATA[', lt) ? ']]>' : undefined;
        if (close === undefined) {
          if (n - lt < 9) return undefined;
          throw new XmlScanError('DOCTYPE or unknown markup is not allowed');
        }
        const e = text.indexOf(close, lt + 4);
        if (e < 0) return undefined;
        this.i = e + close.length;
        continue;
      }
      if (c === 63) {
        const e = text.indexOf('?>', lt + 2);
        if (e < 0) return undefined;
        this.i = e + 2;
        continue;
      }
      if (c === 47) {
        const gt = text.indexOf('>', lt + 2);
        if (gt < 0) return undefined;
        this.i = gt + 1;
        this.depth--;
        if (this.depth === 0) throw new XmlScanError('no <sheetData> element');
        if (this.depth === 1 && this.open) {
          this.open.end = gt + 1;
          this.children.push(this.open);
          this.open = undefined;
        }
        continue;
      }
      const gt = tagEnd(text, lt + 1);
      if (gt < 0) return undefined;
      this.i = gt + 1;
      const selfClosing = text.charCodeAt(gt - 1) === 47;
      let ne = lt + 1;
      while (ne < gt) {
        const ch = text.charCodeAt(ne);
        if (ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 47 || ch === 62) break;
        ne++;
      }
      const name = text.slice(lt + 1, ne);
      const colon = name.indexOf(':');
      const el: HeadElement = {
        name,
        prefix: colon < 0 ? '' : name.slice(0, colon + 1),
        local: colon < 0 ? name : name.slice(colon + 1),
        start: lt,
        end: gt + 1,
        attrFrom: ne,
        attrTo: selfClosing ? gt - 1 : gt,
      };
      if (this.depth === 0) {
        if (selfClosing) throw new XmlScanError('no <sheetData> element');
        this.root = el;
        this.depth = 1;
      } else if (this.depth === 1) {
        if (el.local === 'sheetData') return { root: this.root!, children: this.children, sheetData: el, sheetDataSelfClosing: selfClosing };
        if (selfClosing) this.children.push(el);
        else {
          this.open = el;
          this.depth = 2;
        }
      } else if (!selfClosing) this.depth++;
    }
  }
}
