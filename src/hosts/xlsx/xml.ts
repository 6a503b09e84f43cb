/**
 * XML helpers: escaping for what we write, decoding of part bytes, and a small element tree for
 * the package's small parts (content types, relationships, workbook.xml, styles.xml) that we
 * change and write back. Sheet data is never put in a tree: see sheetReader / columnPatcher.
 */
import { SaxesParser } from 'saxes';
import { errors, XlsxError } from './errors';
import { LIMITS } from './limits';

// ---------------------------------------------------------------------------------- escaping

// Characters XML 1.0 does not allow, and lone surrogates.
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const NEEDS_TEXT_ESCAPE = /[&<>\r]/;
const NEEDS_ATTR_ESCAPE = /[&<>"\r\n\t]/;

/** Removes characters that XML 1.0 cannot hold. */
export function stripIllegal(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13) || (c >= 0xd800 && c <= 0xdfff) || c >= 0xfffe) return s.replace(ILLEGAL, '');
  }
  return s;
}

/** Escapes element text. Does not strip illegal characters (see `cleanText`). */
export function escapeText(s: string): string {
  if (!NEEDS_TEXT_ESCAPE.test(s)) return s;
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

export function escapeAttr(s: string): string {
  if (!NEEDS_ATTR_ESCAPE.test(s)) return s;
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

/**
 * Cell text as SpreadsheetML wants it: illegal characters stripped, and a literal `_xHHHH_` in
 * the user's text protected (Excel would otherwise decode it as an escaped character).
 */
export function cellText(s: string): string {
  let t = stripIllegal(s);
  if (t.includes('_x')) t = t.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
  return escapeText(t);
}

/** Decodes SpreadsheetML's `_xHHHH_` escapes in strings read from a sheet. */
export function decodeOoxmlEscapes(s: string): string {
  if (!s.includes('_x')) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

// ---------------------------------------------------------------------------------- decoding

/** A text decoder for a part, chosen by its byte-order mark (UTF-8 unless UTF-16 BOM). */
export function decoderFor(firstBytes: Uint8Array): TextDecoder {
  if (firstBytes[0] === 0xff && firstBytes[1] === 0xfe) return new TextDecoder('utf-16le');
  if (firstBytes[0] === 0xfe && firstBytes[1] === 0xff) return new TextDecoder('utf-16be');
  return new TextDecoder('utf-8');
}

export function decodePart(bytes: Uint8Array): string {
  return decoderFor(bytes).decode(bytes);
}

// ---------------------------------------------------------------------------------- tree

export interface XmlElement {
  type: 'element';
  /** Qualified name as written, e.g. `definedName` or `x:sheet`. */
  name: string;
  /** Attributes in document order, names as written, values unescaped. */
  attrs: [string, string][];
  children: XmlNode[];
}
export type XmlNode =
  | XmlElement
  | { type: 'text'; text: string }
  | { type: 'comment'; text: string }
  | { type: 'pi'; target: string; body: string };

export interface XmlDocument {
  root: XmlElement;
  /** Whether the source had `standalone="yes"`. */
  standalone: boolean;
  /** Comments and processing instructions before the root. */
  prolog: XmlNode[];
}

/** Local name without prefix. */
export function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** The prefix with colon (`"x:"`) or `""`. */
export function prefixOf(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? '' : name.slice(0, i + 1);
}

/** Wraps a saxes error as the host's bad-xml error for this part. */
export function xmlFailure(part: string, e: unknown): XlsxError {
  if (e instanceof XlsxError) return e;
  const msg = e instanceof Error ? e.message : String(e);
  return errors.badXml(part, msg.length > 200 ? msg.slice(0, 200) + '…' : msg);
}

/** Parses a small part into a tree. Throws XlsxError('bad-xml') naming the part. */
export function parseXml(text: string, part: string): XmlDocument {
  const parser = new SaxesParser({ position: true, fileName: part });
  let root: XmlElement | undefined;
  let standalone = false;
  const prolog: XmlNode[] = [];
  const stack: XmlElement[] = [];
  const add = (n: XmlNode): void => {
    const top = stack[stack.length - 1];
    if (top) top.children.push(n);
    else if (n.type === 'comment' || n.type === 'pi') prolog.push(n);
  };
  parser.on('xmldecl', (d) => {
    standalone = d.standalone === 'yes';
  });
  parser.on('doctype', () => {
    throw errors.badXml(part, 'DOCTYPE is not allowed');
  });
  parser.on('opentag', (tag) => {
    // saxes itself does not recurse, but everything that walks the tree would: refuse XML
    // nested deeper than any real part (see LIMITS.xmlDepth) at the first element past it.
    if (stack.length >= LIMITS.xmlDepth) throw errors.tooDeep(part);
    const el: XmlElement = { type: 'element', name: tag.name, attrs: Object.entries(tag.attributes as Record<string, string>), children: [] };
    if (stack.length === 0) {
      if (root) throw errors.badXml(part, 'more than one root element');
      root = el;
    } else add(el);
    stack.push(el);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', (t) => {
    if (stack.length) add({ type: 'text', text: t });
  });
  parser.on('cdata', (t) => {
    if (stack.length) add({ type: 'text', text: t });
  });
  parser.on('comment', (t) => add({ type: 'comment', text: t }));
  parser.on('processinginstruction', (pi) => add({ type: 'pi', target: pi.target, body: pi.body }));
  try {
    parser.write(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).close();
  } catch (e) {
    throw xmlFailure(part, e);
  }
  if (!root) throw errors.badXml(part, 'no root element');
  return { root, standalone, prolog };
}

/** Serialises a tree with a UTF-8 declaration. */
export function serializeXml(doc: XmlDocument): string {
  const out: string[] = [`<?xml version="1.0" encoding="UTF-8"${doc.standalone ? ' standalone="yes"' : ''}?>\r\n`];
  for (const n of doc.prolog) writeNode(n, out);
  writeNode(doc.root, out);
  return out.join('');
}

export function serializeElement(el: XmlElement): string {
  const out: string[] = [];
  writeNode(el, out);
  return out.join('');
}

/**
 * Writes a node and its subtree; walks with its own stack (a tree built in code has no depth
 * limit). Pieces are joined every few thousand into one string: millions of tiny entries in
 * `out` would make a 30 MB styles.xml cost some 600 MB on the way out.
 */
function writeNode(root: XmlNode, out: string[]): void {
  // Each frame is an element whose children are being written, and the index of the next one.
  const open: { el: XmlElement; next: number }[] = [];
  const p: string[] = [];
  let n: XmlNode | undefined = root;
  for (;;) {
    if (n) {
      switch (n.type) {
        case 'text':
          p.push(escapeText(n.text));
          break;
        case 'comment':
          p.push(`<!--${n.text}-->`);
          break;
        case 'pi':
          p.push(`<?${n.target}${n.body ? ' ' + n.body : ''}?>`);
          break;
        case 'element':
          p.push('<', n.name);
          for (const [k, v] of n.attrs) p.push(' ', k, '="', escapeAttr(v), '"');
          if (n.children.length === 0) p.push('/>');
          else {
            p.push('>');
            open.push({ el: n, next: 0 });
          }
      }
      if (p.length > 8192) {
        out.push(p.join(''));
        p.length = 0;
      }
    }
    const top = open[open.length - 1];
    if (!top) break;
    if (top.next < top.el.children.length) n = top.el.children[top.next++];
    else {
      p.push('</', top.el.name, '>');
      open.pop();
      n = undefined;
    }
  }
  if (p.length) out.push(p.join(''));
}

// ---------------------------------------------------------------------------------- tree helpers

export function el(name: string, attrs: Record<string, string> | [string, string][] = [], children: XmlNode[] = []): XmlElement {
  return { type: 'element', name, attrs: Array.isArray(attrs) ? attrs : Object.entries(attrs), children };
}

export function attr(e: XmlElement, name: string): string | undefined {
  for (const [k, v] of e.attrs) if (k === name) return v;
  return undefined;
}

/** Attribute by local name (ignores the prefix: `r:id` matches `id` only when asked for `r:id`'s local part). */
export function attrLocal(e: XmlElement, local: string): string | undefined {
  for (const [k, v] of e.attrs) if (localName(k) === local) return v;
  return undefined;
}

export function setAttr(e: XmlElement, name: string, value: string): void {
  for (const a of e.attrs) {
    if (a[0] === name) {
      a[1] = value;
      return;
    }
  }
  e.attrs.push([name, value]);
}

export function removeAttr(e: XmlElement, name: string): void {
  e.attrs = e.attrs.filter(([k]) => k !== name);
}

export function childElements(e: XmlElement, local?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of e.children) if (c.type === 'element' && (local === undefined || localName(c.name) === local)) out.push(c);
  return out;
}

export function firstChild(e: XmlElement, local: string): XmlElement | undefined {
  for (const c of e.children) if (c.type === 'element' && localName(c.name) === local) return c;
  return undefined;
}

/** Concatenated text content. */
export function textOf(e: XmlElement): string {
  let s = '';
  // Depth-first, in document order, without recursion.
  const pending: XmlNode[] = [];
  for (let i = e.children.length - 1; i >= 0; i--) pending.push(e.children[i]!);
  for (let c = pending.pop(); c; c = pending.pop()) {
    if (c.type === 'text') s += c.text;
    else if (c.type === 'element') for (let i = c.children.length - 1; i >= 0; i--) pending.push(c.children[i]!);
  }
  return s;
}

/**
 * Inserts `child` into `parent` after the last child whose local name is in `after`
 * (the schema's sequence before it), or first if none is there.
 */
export function insertInSequence(parent: XmlElement, child: XmlElement, after: readonly string[]): void {
  let index = -1;
  parent.children.forEach((c, i) => {
    if (c.type === 'element' && after.includes(localName(c.name))) index = i;
  });
  parent.children.splice(index + 1, 0, child);
}
