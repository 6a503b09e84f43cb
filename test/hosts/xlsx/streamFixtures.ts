/**
 * Parts of hundreds of MB built in milliseconds, for the streaming-memory tests: a part is a
 * list of pieces, each a text repeated some number of times. Each distinct text is deflated
 * once, on its own (no back-references outside itself) and byte-aligned (Z_SYNC_FLUSH), so
 * copies of it follow each other as one valid raw-deflate stream (as rawZip.zeroBomb does for
 * zeros). Size and CRC are computed, so the part is honest unless the caller lies.
 */
import * as zlib from 'node:zlib';
import { entriesOf, plannableParts, rawZip, type RawEntry } from './rawZip';

export interface Piece {
  text: string;
  times?: number;
}

export interface BuiltPart {
  deflated: Uint8Array;
  size: number;
  crc: number;
}

/** At most this much text per deflated block (a repeated text is grouped into blocks this big). */
const BLOCK = 4 << 20;

export function repeatedPart(pieces: Piece[]): BuiltPart {
  const out: Buffer[] = [];
  let size = 0;
  let crc = 0;
  for (const { text, times = 1 } of pieces) {
    const one = Buffer.from(text);
    if (!one.length || !times) continue;
    // Group copies into a block of up to 4 MB so that 16 million tiny rows are a few hundred blocks.
    const per = Math.max(1, Math.min(times, Math.floor(BLOCK / one.length)));
    const block = per === 1 ? one : Buffer.from(text.repeat(per));
    const packed = zlib.deflateRawSync(block, { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH });
    const blockCrc = (prev: number): number => zlib.crc32(block, prev);
    let left = times;
    for (; left >= per; left -= per) {
      out.push(packed);
      size += block.length;
      crc = blockCrc(crc);
    }
    if (left > 0) {
      const rest = Buffer.from(text.repeat(left));
      out.push(zlib.deflateRawSync(rest, { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH }));
      size += rest.length;
      crc = zlib.crc32(rest, crc);
    }
  }
  out.push(zlib.deflateRawSync(Buffer.alloc(0)));
  return { deflated: new Uint8Array(Buffer.concat(out)), size, crc };
}

/**
 * A comment of `chars` characters that deflate cannot shrink much (base64 of a fixed
 * pseudo-random sequence, about 4:3): placed where a read never gets to, it keeps a hostile
 * part under the pack-ratio limit, as an attacker would.
 */
export function incompressibleComment(chars: number): string {
  const bytes = Buffer.alloc(Math.ceil((chars * 3) / 4));
  let x = 0x9e3779b9;
  for (let i = 0; i < bytes.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return `<!--${bytes.toString('base64').slice(0, chars)}-->`;
}

export const SHEET = 'xl/worksheets/sheet1.xml';
export const SHARED_STRINGS = 'xl/sharedStrings.xml';
export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** The plannable workbook (40 customers on 客户清单) with one part replaced by a built one. */
export function plannableWith(part: string, built: BuiltPart & { declaredSize?: number }): Uint8Array {
  const entry: RawEntry = { name: part, deflated: built.deflated, size: built.declaredSize ?? built.size, crc: built.crc };
  const entries = entriesOf(plannableParts()).map((e) => (e.name === part ? entry : e));
  if (!entries.some((e) => e.name === part)) entries.push(entry);
  return rawZip(entries);
}

/** The plannable workbook's sheet text split around its rows: [head with `<sheetData>`, rows, tail]. */
export function plannableSheet(): { head: string; rows: string; tail: string } {
  const xml = new TextDecoder().decode(plannableParts()[SHEET]);
  const a = xml.indexOf('>', xml.indexOf('<sheetData')) + 1;
  const b = xml.indexOf('</sheetData>');
  return { head: xml.slice(0, a), rows: xml.slice(a, b), tail: xml.slice(b) };
}

/** The plannable workbook's shared strings split around their items: [head with `<sst …>`, items, tail]. */
export function plannableSharedStrings(): { head: string; items: string; tail: string } {
  const xml = new TextDecoder().decode(plannableParts()[SHARED_STRINGS]);
  const a = xml.indexOf('>', xml.indexOf('<sst')) + 1;
  const b = xml.indexOf('</sst>');
  return { head: xml.slice(0, a), items: xml.slice(a, b), tail: xml.slice(b) };
}
