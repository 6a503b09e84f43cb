/**
 * The start of a token (a tag, comment, row or text) that a chunk's end cut, held by a
 * streaming reader until what ends it arrives. The pieces are joined once, when the marker is
 * seen in new text (searched for in the new text only, and across the cut), so a long token
 * costs linear time; and a token longer than LIMITS.tokenChars is refused
 * (TokenTooLongError), whatever the part's declared size.
 */
import { LIMITS } from './limits';

/**
 * Thrown when one token a reader must hold whole (a row or shared string: `item`; a tag,
 * comment or text: `tag`) passes LIMITS.tokenChars. The readers turn it into a message that
 * names the sheet and row, or the string.
 */
export class TokenTooLongError extends Error {
  constructor(readonly what: 'item' | 'tag') {
    super(`a single ${what === 'item' ? 'row or string' : 'tag or text'} is longer than ${LIMITS.tokenChars} characters`);
    this.name = 'TokenTooLongError';
  }
}

export class HeldToken {
  private pieces: string[] = [];
  /** Characters held; 0 when nothing is. */
  chars = 0;
  /** What must arrive before the held text can be read: `>`, `-->`, `<`, an end tag… */
  private marker = '';
  /** The last `marker.length - 1` characters held, for a marker cut between two chunks. */
  private tail = '';
  private what: 'item' | 'tag' = 'tag';

  /** Holds `text`, the start of a token that cannot be read before `marker` arrives. */
  start(text: string, marker: string, what: 'item' | 'tag'): void {
    this.pieces = [];
    this.chars = 0;
    this.marker = marker;
    this.what = what;
    this.tail = '';
    this.add(text);
  }

  /** Holds more of the token (text in which the marker is not). */
  add(text: string): void {
    this.pieces.push(text);
    this.chars += text.length;
    if (this.chars > LIMITS.tokenChars) throw new TokenTooLongError(this.what);
    const keep = this.marker.length - 1;
    if (keep > 0) this.tail = (this.tail + text.slice(-keep)).slice(-keep);
  }

  /** True when the marker is in `chunk` or across the cut before it. */
  arrives(chunk: string): boolean {
    const m = this.marker;
    if (chunk.indexOf(m) >= 0) return true;
    return m.length > 1 && (this.tail + chunk.slice(0, m.length - 1)).indexOf(m) >= 0;
  }

  /** The held text followed by `chunk` (or alone), and nothing held any more. */
  take(chunk = ''): string {
    if (chunk) this.pieces.push(chunk);
    const all = this.pieces.length === 1 ? this.pieces[0]! : this.pieces.join('');
    this.pieces = [];
    this.chars = 0;
    this.tail = '';
    return all;
  }
}
