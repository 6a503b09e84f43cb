/**
 * Splits a streaming part into what comes before a container element (`<sheetData>`, `<sst>`),
 * each item element in it (`<row>`, `<si>`), and what follows, without parsing items it is not
 * asked to. The sheet and shared-strings readers use it for their fast paths: items in the
 * usual spelling are read with a few string searches, everything else (and any item the fast
 * path does not understand) goes through the full XML scanner.
 *
 * Text is passed on as it comes. The only text held back is what a chunk's end cut: a tag, a
 * comment or an item, held (HeldToken) until what ends it arrives, and never longer than
 * LIMITS.tokenChars: past that the part is refused, whatever its declared size.
 */
import { HeldToken } from './heldToken';
import { tagEnd, tagWaitsFor } from './xmlScan';

export interface RowSink {
  /** Text outside rows (head, tail, whitespace and comments between rows). */
  other(text: string): void;
  /** One whole row element: its start tag and its content (empty for `<row …/>`). */
  row(startTag: string, inner: string, selfClosing: boolean, whole: string): void;
}

export class RowSplitter {
  private state: 'head' | 'rows' | 'tail' = 'head';
  /** A tag, comment or item the last chunk's end cut. */
  private readonly held = new HeldToken();
  private prefix = '';
  private rowOpen = '<row';
  private rowClose = '</row>';
  private dataClose = '</sheetData';

  private readonly containerRe: RegExp;

  constructor(
    private readonly sink: RowSink,
    private readonly container = 'sheetData',
    private readonly item = 'row',
  ) {
    this.containerRe = new RegExp(`<([A-Za-z_][\\w.-]*:)?${container}(?:\\s[^>]*?)?(\\/?)>`);
  }

  /** Where the text so far ends: before the container, among its items, or after it. */
  get where(): 'head' | 'rows' | 'tail' {
    return this.state;
  }

  write(chunk: string): void {
    if (this.held.chars) {
      if (!this.held.arrives(chunk)) return this.held.add(chunk);
      chunk = this.held.take(chunk);
    }
    this.split(chunk);
  }

  end(): void {
    if (this.held.chars) this.sink.other(this.held.take());
  }

  private split(s: string): void {
    let i = 0;
    const n = s.length;
    const sink = this.sink;
    if (this.state === 'head') {
      const m = this.containerRe.exec(s);
      if (!m) {
        // Pass everything on but a tag the chunk's end cut (it may be the container's).
        const lt = s.lastIndexOf('<');
        if (lt < 0 || s.indexOf('>', lt) >= 0) sink.other(s);
        else {
          if (lt > 0) sink.other(s.slice(0, lt));
          this.held.start(s.slice(lt), '>', 'tag');
        }
        return;
      }
      this.prefix = m[1] ?? '';
      this.rowOpen = `<${this.prefix}${this.item}`;
      this.rowClose = `</${this.prefix}${this.item}>`;
      this.dataClose = `</${this.prefix}${this.container}`;
      i = m.index + m[0].length;
      sink.other(s.slice(0, i));
      this.state = m[2] === '/' ? 'tail' : 'rows';
    }
    if (this.state === 'rows') {
      const rowOpen = this.rowOpen;
      const rowClose = this.rowClose;
      for (;;) {
        const lt = s.indexOf('<', i);
        if (lt < 0) {
          if (i < n) sink.other(s.slice(i));
          return;
        }
        if (lt > i) sink.other(s.slice(i, lt));
        i = lt;
        if (s.startsWith(rowOpen, lt) && isDelimiter(s.charCodeAt(lt + rowOpen.length))) {
          const te = tagEnd(s, lt + rowOpen.length);
          if (te < 0) return this.held.start(s.slice(lt), tagWaitsFor(s, lt + rowOpen.length), 'item');
          if (s.charCodeAt(te - 1) === 47) {
            const tag = s.slice(lt, te + 1);
            sink.row(tag, '', true, tag);
            i = te + 1;
            continue;
          }
          const ce = s.indexOf(rowClose, te);
          if (ce < 0) return this.held.start(s.slice(lt), rowClose, 'item');
          const end = ce + rowClose.length;
          sink.row(s.slice(lt, te + 1), s.slice(te + 1, ce), false, s.slice(lt, end));
          i = end;
          continue;
        }
        if (s.startsWith(this.dataClose, lt)) {
          this.state = 'tail';
          break;
        }
        // A comment or anything else between rows: hand it on whole.
        const marker = s.startsWith('<!--', lt) ? '-->' : '>';
        const e = s.indexOf(marker, lt);
        if (e < 0) return this.held.start(s.slice(lt), marker, 'tag');
        sink.other(s.slice(lt, e + marker.length));
        i = e + marker.length;
      }
    }
    // The tail: the scanner holds (and caps) what a chunk cut.
    if (i < n) sink.other(i === 0 ? s : s.slice(i));
  }
}

function isDelimiter(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 62 || code === 47;
}
