/**
 * Tells what a file is from its first bytes, before anything tries to unzip it: a zip (maybe
 * a workbook), an OLE compound file (an old .xls, or an encrypted .xlsx: Office wraps an
 * encrypted package in a compound file with `EncryptionInfo` and `EncryptedPackage` streams),
 * or something else.
 */
import { errors } from './errors';

export type Sniffed = 'zip' | 'encrypted' | 'xls' | 'unknown';

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function sniff(bytes: Uint8Array): Sniffed {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const b2 = bytes[2];
    const b3 = bytes[3];
    // Local file header, empty archive, or spanned-archive marker.
    if ((b2 === 3 && b3 === 4) || (b2 === 5 && b3 === 6) || (b2 === 7 && b3 === 8)) return 'zip';
  }
  if (bytes.length >= 8 && CFB_MAGIC.every((v, i) => bytes[i] === v)) {
    return cfbHasStream(bytes, ['EncryptionInfo', 'EncryptedPackage']) ? 'encrypted' : 'xls';
  }
  return 'unknown';
}

/** Throws the right XlsxError unless the bytes are a zip. */
export function requireZip(bytes: Uint8Array, fileName?: string): void {
  switch (sniff(bytes)) {
    case 'zip':
      return;
    case 'encrypted':
      throw errors.encrypted();
    case 'xls':
      throw errors.xls();
    default:
      throw errors.notAWorkbook(fileName);
  }
}

/**
 * Looks for directory entries with these names in a compound file. Walks the directory sector
 * chain through the FAT (with a fallback scan of the whole file if the FAT is unreadable).
 */
function cfbHasStream(b: Uint8Array, names: string[]): boolean {
  const wanted = new Set(names);
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const found = (entryOffset: number): boolean => {
    if (entryOffset + 128 > b.length) return false;
    const nameLen = dv.getUint16(entryOffset + 64, true);
    if (nameLen < 2 || nameLen > 64) return false;
    let s = '';
    for (let i = 0; i < nameLen - 2; i += 2) s += String.fromCharCode(dv.getUint16(entryOffset + i, true));
    return wanted.has(s);
  };
  try {
    const sectorShift = dv.getUint16(30, true);
    const sectorSize = 1 << sectorShift;
    if (sectorSize !== 512 && sectorSize !== 4096) throw new Error('odd sector size');
    const numFatSectors = dv.getUint32(44, true);
    const firstDirSector = dv.getUint32(48, true);
    const sectorOffset = (s: number): number => (s + 1) * sectorSize;
    // The first 109 FAT sector numbers are in the header (enough for files up to ~7 MB with
    // 512-byte sectors; the fallback scan covers bigger ones).
    const fatSectors: number[] = [];
    for (let i = 0; i < Math.min(numFatSectors, 109); i++) fatSectors.push(dv.getUint32(76 + i * 4, true));
    const perSector = sectorSize / 4;
    const next = (s: number): number => {
      const fs = fatSectors[Math.floor(s / perSector)];
      if (fs === undefined) throw new Error('FAT beyond header');
      return dv.getUint32(sectorOffset(fs) + (s % perSector) * 4, true);
    };
    let s = firstDirSector;
    for (let guard = 0; s < 0xfffffffa && guard < 10000; guard++) {
      const base = sectorOffset(s);
      for (let e = 0; e < sectorSize / 128; e++) if (found(base + e * 128)) return true;
      s = next(s);
    }
    return false;
  } catch {
    // Fallback: look for the UTF-16LE names anywhere.
    for (const name of names) {
      const pattern = new Uint8Array(name.length * 2);
      for (let i = 0; i < name.length; i++) pattern[i * 2] = name.charCodeAt(i);
      outer: for (let i = 0; i + pattern.length <= b.length; i++) {
        for (let j = 0; j < pattern.length; j++) if (b[i + j] !== pattern[j]) continue outer;
        return true;
      }
    }
    return false;
  }
}
