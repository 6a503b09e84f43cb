/**
 * Reads `xl/sharedStrings.xml` as a stream: one string per `<si>`, rich-text runs joined,
 * phonetic runs (`<rPh>`) left out, `_xHHHH_` escapes decoded.
 */
import { streamPartText } from './partText';
import { decodeOoxmlEscapes, localName, xmlFailure } from './xml';
import { XmlScanner } from './xmlScan';
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
  try {
    streamPartText(archive, entry, (text) => scanner.write(text));
    scanner.end();
  } catch (e) {
    throw xmlFailure(entry.name, e);
  }
  return strings;
}
