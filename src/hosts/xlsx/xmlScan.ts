/**
 * A fast streaming XML tokenizer for the big parts (sheet data, shared strings). saxes reads
 * about 15 MB/s here, which alone takes longer than the whole read may; this scanner uses
 * indexOf over decoded chunks and builds no attribute objects (callers ask for the one or two
 * attributes they need). It still checks what matters for "does this part parse": tags nest
 * and match, attributes are quoted, entities are known, the document has one root and ends.
 * Not a validating parser; DOCTYPE is refused (OOXML has none). What it holds between chunks
 * (a tag, comment or text cut by a chunk's end) is a HeldToken: capped at LIMITS.tokenChars.
 */
import { HeldToken } from './heldToken';

export interface ScanHandler {
  /**
   * The tag's raw attribute text is `src.slice(from, to)`; read one attribute with
   * `attrValue(src, from, to, name)` (no substring is made unless asked).
   */
  open(name: string, src: string, from: number, to: number, selfClosing: boolean): void;
  close(name: string): void;
  /** Text between tags, entities decoded. Only called while `wantText()` is true. */
  text(text: string): void;
  wantText(): boolean;
}

export class XmlScanError extends Error {}

export class XmlScanner {
  /** A tag, comment or wanted text the last chunk's end cut. */
  private readonly held = new HeldToken();
  private stack: string[] = [];
  private sawRoot = false;
  private first = true;

  constructor(private readonly h: ScanHandler) {}

  write(chunk: string): void {
    let s = chunk;
    if (this.held.chars) {
      if (!this.held.arrives(chunk)) return this.held.add(chunk);
      s = this.held.take(chunk);
    }
    if (this.first) {
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
      this.first = false;
    }
    const h = this.h;
    const n = s.length;
    let i = 0;
    for (;;) {
      const lt = s.indexOf('<', i);
      if (lt < 0) {
        // Text up to the end: keep it for the next chunk if it is wanted (it may continue).
        if (i < n) {
          if (h.wantText()) this.keep(s, i, '<');
          else this.checkOutside(s, i, n);
        }
        return;
      }
      if (lt > i) {
        if (h.wantText()) h.text(decodeEntities(s.slice(i, lt)));
        else this.checkOutside(s, i, lt);
      }
      const c = s.charCodeAt(lt + 1);
      if (c === 47) {
        // </name>: compared in place with the open element, no substring made
        const gt = s.indexOf('>', lt + 2);
        if (gt < 0) return this.keep(s, lt, '>');
        const top = this.stack.pop();
        if (top === undefined || !closes(s, lt + 2, gt, top)) {
          const name = s.slice(lt + 2, gt).trimEnd();
          throw new XmlScanError(top === undefined ? `unexpected </${name}>` : `</${name}> does not close <${top}>`);
        }
        h.close(top);
        i = gt + 1;
      } else if (c === 33) {
        // <!-- -->, <![CDATA[ ]]>, <!DOCTYPE
        if (s.startsWith('<!--', lt)) {
          const e = s.indexOf('-->', lt + 4);
          if (e < 0) return this.keep(s, lt, '-->');
          i = e + 3;
        } else if (s.startsWith('<![CDATA[', lt)) {
          const e = s.indexOf(']]>', lt + 9);
          if (e < 0) return this.keep(s, lt, ']]>');
          if (h.wantText()) h.text(s.slice(lt + 9, e));
          i = e + 3;
        } else if (n - lt < 9) {
          return this.keep(s, lt, '>');
        } else {
          throw new XmlScanError('DOCTYPE or unknown markup is not allowed');
        }
      } else if (c === 63) {
        const e = s.indexOf('?>', lt + 2);
        if (e < 0) return this.keep(s, lt, '?>');
        i = e + 2;
      } else if (c !== c) {
        // '<' is the last character of the chunk
        return this.keep(s, lt, '>');
      } else {
        const gt = tagEnd(s, lt + 1);
        if (gt < 0) return this.keep(s, lt, tagWaitsFor(s, lt + 1));
        const selfClosing = s.charCodeAt(gt - 1) === 47;
        const end = selfClosing ? gt - 1 : gt;
        let ne = lt + 1;
        while (ne < end) {
          const ch = s.charCodeAt(ne);
          if (ch === 32 || ch === 9 || ch === 10 || ch === 13) break;
          ne++;
        }
        const name = this.nameAt(s, lt + 1, ne);
        if (name.length === 0 || !isNameStart(name.charCodeAt(0))) throw new XmlScanError(`bad tag <${s.slice(lt + 1, Math.min(gt, lt + 20))}`);
        if (this.stack.length === 0) {
          if (this.sawRoot) throw new XmlScanError('content after the root element');
          this.sawRoot = true;
        }
        if (selfClosing) {
          h.open(name, s, ne, end, true);
          h.close(name);
          i = gt + 1;
          continue;
        }
        // A leaf with only text (`<v>12</v>`, most of a sheet): open, text and close in one go.
        const next = s.indexOf('<', gt + 1);
        if (next > 0 && s.charCodeAt(next + 1) === 47) {
          const gt2 = s.indexOf('>', next + 2);
          if (gt2 > 0 && closes(s, next + 2, gt2, name)) {
            h.open(name, s, ne, end, false);
            if (next > gt + 1 && h.wantText()) h.text(decodeEntities(s.slice(gt + 1, next)));
            h.close(name);
            i = gt2 + 1;
            continue;
          }
        }
        this.stack.push(name);
        h.open(name, s, ne, end, false);
        i = gt + 1;
      }
    }
  }

  end(): void {
    if (this.held.chars) {
      const rest = this.held.take();
      if (rest.includes('<')) throw new XmlScanError('the part ends inside a tag');
      if (this.h.wantText()) this.h.text(decodeEntities(rest));
    }
    if (!this.sawRoot) throw new XmlScanError('no root element');
    if (this.stack.length) throw new XmlScanError(`the part ends before </${this.stack[this.stack.length - 1]}>`);
  }

  // Element names repeat (row, c, v): reuse the same string objects instead of new substrings.
  private names: string[] = [];

  private nameAt(s: string, from: number, to: number): string {
    const len = to - from;
    const names = this.names;
    for (let k = 0; k < names.length; k++) {
      const n = names[k]!;
      if (n.length === len && s.startsWith(n, from)) return n;
    }
    const n = s.slice(from, to);
    if (names.length < 16) names.push(n);
    return n;
  }

  /** Holds `s` from `from` until `marker` arrives (what the token needs before it can be read). */
  private keep(s: string, from: number, marker: string): void {
    this.held.start(from === 0 ? s : s.slice(from), marker, 'tag');
  }

  /** Outside wanted text only whitespace is expected at top level; inside elements anything goes. */
  private checkOutside(s: string, from: number, to: number): void {
    if (this.stack.length === 0) {
      for (let k = from; k < to; k++) {
        const ch = s.charCodeAt(k);
        if (ch !== 32 && ch !== 9 && ch !== 10 && ch !== 13) throw new XmlScanError('text outside the root element');
      }
    }
  }
}

/** Whether `s[from, gt)` is `name` followed only by whitespace. */
function closes(s: string, from: number, gt: number, name: string): boolean {
  if (!s.startsWith(name, from)) return false;
  for (let k = from + name.length; k < gt; k++) {
    const ch = s.charCodeAt(k);
    if (ch !== 32 && ch !== 9 && ch !== 10 && ch !== 13) return false;
  }
  return true;
}

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58 || c > 127;
}

/** Index of the '>' ending a tag whose name starts at `from`, skipping quoted values; -1 if not here yet. */
export function tagEnd(s: string, from: number): number {
  const n = s.length;
  let quote = 0;
  for (let i = from; i < n; i++) {
    const c = s.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 62) return i;
    else if (c === 34 || c === 39) quote = c;
  }
  return -1;
}

/**
 * What a tag cut by a chunk's end (tagEnd found no '>') waits for: the quote left open in it,
 * or '>'. Text held for it is joined and read again only once that arrives.
 */
export function tagWaitsFor(s: string, from: number): string {
  const n = s.length;
  let quote = 0;
  for (let i = from; i < n; i++) {
    const c = s.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
  }
  return quote ? String.fromCharCode(quote) : '>';
}

/** Where nextAttr found its attribute: key start, key end, value start, value end (raw value, quotes excluded). */
const found = new Int32Array(4);

/**
 * Reads the attribute that starts at or after `i` in `src.slice(from, to)` (raw attribute text)
 * into `found`, and returns where the next one may start; -1 when there is none. The one parser
 * of attributes: eachAttr and attrValue both walk a tag with it.
 */
function nextAttr(src: string, i: number, from: number, to: number): number {
  let c = src.charCodeAt(i);
  while (c === 32 || c === 9 || c === 10 || c === 13) c = src.charCodeAt(++i);
  if (i >= to) return -1;
  const eq = src.indexOf('=', i);
  if (eq < 0 || eq >= to) throw new XmlScanError(`attribute without value in "${src.slice(from, Math.min(to, from + 40))}"`);
  let keyEnd = eq;
  while (keyEnd > i && src.charCodeAt(keyEnd - 1) <= 32) keyEnd--;
  let j = eq + 1;
  c = src.charCodeAt(j);
  while (c === 32 || c === 9 || c === 10 || c === 13) c = src.charCodeAt(++j);
  if (c !== 34 && c !== 39) throw new XmlScanError(`unquoted attribute ${src.slice(i, keyEnd)}`);
  const close = src.indexOf(c === 34 ? '"' : "'", j + 1);
  if (close < 0 || close >= to) throw new XmlScanError(`unterminated attribute ${src.slice(i, keyEnd)}`);
  found[0] = i;
  found[1] = keyEnd;
  found[2] = j + 1;
  found[3] = close;
  return close + 1;
}

/**
 * Calls `each(keyStart, keyEnd, valueStart, valueEnd)` for every attribute in
 * `src.slice(from, to)` (raw values, entities not decoded): one pass for callers that want
 * several attributes of a tag.
 */
export function eachAttr(src: string, from: number, to: number, each: (k0: number, k1: number, v0: number, v1: number) => void): void {
  for (let i = from; i < to; ) {
    i = nextAttr(src, i, from, to);
    if (i < 0) return;
    each(found[0], found[1], found[2], found[3]);
  }
}

/** The value of attribute `name` in `src.slice(from, to)` (raw attribute text), entities decoded; undefined if absent. */
export function attrValue(src: string, from: number, to: number, name: string): string | undefined {
  for (let i = from; i < to; ) {
    i = nextAttr(src, i, from, to);
    if (i < 0) return undefined;
    // Read before anything else can call nextAttr and overwrite `found`.
    const k0 = found[0];
    if (found[1] - k0 === name.length && src.startsWith(name, k0)) {
      const v = src.slice(found[2], found[3]);
      return v.indexOf('&') < 0 ? v : decodeEntities(v);
    }
  }
  return undefined;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  if (/&(?![^;&\s]{1,10};)/.test(s)) throw new XmlScanError('bare & in text');
  return s.replace(/&([^;&\s]{1,10});/g, (m, e: string) => {
    const named = NAMED[e];
    if (named !== undefined) return named;
    if (e.charCodeAt(0) === 35) {
      const code = e.charCodeAt(1) === 120 || e.charCodeAt(1) === 88 ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      if (Number.isFinite(code) && code >= 0 && code <= 0x10ffff) return String.fromCodePoint(code);
    }
    throw new XmlScanError(`unknown entity ${m}`);
  });
}
