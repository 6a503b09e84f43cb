/**
 * Reads `xl/sharedStrings.xml` as a stream: one string per `<si>`, rich-text runs joined,
 * phonetic runs (`<rPh>`) left out, `_xHHHH_` escapes decoded.
 */
import { SaxesParser } from 'saxes';
import { streamPartText } from './partText';
import { decodeOoxmlEscapes, localName, xmlFailure } from './xml';
import type { ZipArchive, ZipEntry } from './zip';

export function readSharedStrings(archive: ZipArchive, entry: ZipEntry): string[] {
  const strings: string[] = [];
  const parser = new SaxesParser({ position: false });
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  let current = '';
  parser.on('opentag', (tag) => {
    const n = localName(tag.name);
    if (n === 'si') {
      inSi = true;
      current = '';
    } else if (n === 't') inT = inSi && phonetic === 0 && !tag.isSelfClosing;
    else if (n === 'rPh') phonetic++;
  });
  parser.on('closetag', (tag) => {
    const n = localName(tag.name);
    if (n === 'si') {
      strings.push(decodeOoxmlEscapes(current));
      inSi = false;
    } else if (n === 't') inT = false;
    else if (n === 'rPh') phonetic--;
  });
  parser.on('text', (t) => {
    if (inT) current += t;
  });
  parser.on('cdata', (t) => {
    if (inT) current += t;
  });
  try {
    streamPartText(archive, entry, (text) => parser.write(text));
    parser.close();
  } catch (e) {
    throw xmlFailure(entry.name, e);
  }
  return strings;
}
