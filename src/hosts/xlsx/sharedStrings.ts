/**
 * Reads `xl/sharedStrings.xml` as a stream: one string per `<si>`, rich-text runs joined,
 * phonetic runs (`<rPh>`) left out, `_xHHHH_` escapes decoded. A string (or tag) longer than
 * LIMITS.tokenChars is refused before it is held whole.
 */
import { streamPartText } from './partText';
import { decodeOoxmlEscapes, localName, xmlFailure } from './xml';
import { RowSplitter } from './rowSplitter';
import { decodeEntities, XmlScanner } from './xmlScan';
import { TokenTooLongError } from './heldToken';
import { errors } from './errors';
import type { ZipArchive, ZipEntry } from './zip';

export function readSharedStrings(archive: ZipArchive, entry: ZipEntry): string[] {
  const strings: string[] = [];
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  let current = '';
  const scanner = new XmlScanner({
    open(name, _src, _from, _to, selfClosing) {
      const n = localName(name);
      if (n === 't') inT = inSi && phonetic === 0 && !selfClosing;
      else if (n === 'si') {
        inSi = true;
        current = '';
      } else if (n === 'rPh') phonetic++;
    },
    close(name) {
      const n = localName(name);
      if (n === 't') inT = false;
      else if (n === 'si') {
        strings.push(decodeOoxmlEscapes(current));
        inSi = false;
      } else if (n === 'rPh') phonetic--;
    },
    text(t) {
      current += t;
    },
    wantText: () => inT,
  });
  // Fast path: `<si><t>text</t></si>` (plain strings, most of a table) without the scanner.
  let tOpen = '<t>';
  let tOpenPreserve = '<t xml:space="preserve">';
  let tClose = '</t>';
  let knownPrefix: string | undefined;
  const fastSi = (startTag: string, inner: string, selfClosing: boolean): boolean => {
    if (knownPrefix === undefined) {
      const m = /^<([A-Za-z_][\w.-]*:)?si[\s>/]/.exec(startTag);
      knownPrefix = m?.[1] ?? '';
      tOpen = `<${knownPrefix}t>`;
      tOpenPreserve = `<${knownPrefix}t xml:space="preserve">`;
      tClose = `</${knownPrefix}t>`;
    }
    if (selfClosing) {
      strings.push('');
      return true;
    }
    const open = inner.startsWith(tOpen) ? tOpen.length : inner.startsWith(tOpenPreserve) ? tOpenPreserve.length : -1;
    if (open < 0) return false;
    const lt = inner.indexOf('<', open);
    if (lt < 0 || lt + tClose.length !== inner.length || !inner.startsWith(tClose, lt)) return false;
    const raw = inner.slice(open, lt);
    strings.push(decodeOoxmlEscapes(raw.indexOf('&') < 0 ? raw : decodeEntities(raw)));
    return true;
  };
  const splitter = new RowSplitter(
    {
      other: (t) => scanner.write(t),
      row: (startTag, inner, selfClosing, whole) => {
        if (!fastSi(startTag, inner, selfClosing)) scanner.write(whole);
      },
    },
    'sst',
    'si',
  );
  try {
    streamPartText(archive, entry, (text) => splitter.write(text));
    splitter.end();
    scanner.end();
  } catch (e) {
    if (e instanceof TokenTooLongError) throw errors.sharedStringTooLong(entry.name, strings.length + 1, e.what);
    throw xmlFailure(entry.name, e);
  }
  return strings;
}
