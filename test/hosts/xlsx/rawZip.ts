/**
 * A raw zip builder for hostile packages (duplicate names, lying sizes, bad CRCs, overlapping
 * entries, tens of thousands of entries, ZIP64 records), deflate bombs built in milliseconds,
 * and an integrity check of a written zip that does not use the code under test.
 */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as zlib from 'node:zlib';
import { unzipSync } from 'fflate';
import { makeCustomerSheet } from '../../fixtures/customers';
import { valuesWorkbook } from '../../fixtures/xlsxBuilder';
import { findOnPath, requireOrSkip } from '../../support/requirements';

export interface RawEntry {
  name: string;
  /** The content; its size and CRC are what the headers declare unless overridden. */
  data?: Uint8Array | string;
  /** Raw deflate bytes to store as they are (a bomb); give `size` and `crc` with them. */
  deflated?: Uint8Array;
  /** 0 = stored, 8 = deflated (default 8). */
  method?: 0 | 8;
  /** Declared uncompressed size (a lie if it differs from the content's). */
  size?: number;
  /** Declared CRC-32. */
  crc?: number;
  /** Point this entry's central record at the local header and data of the named earlier entry. */
  sameDataAs?: string;
}

export interface RawZipOptions {
  /** The entry count written in the end record (default: the true count, modulo 65,536). */
  count?: number;
  /** Write ZIP64 end records (the count in them: `zip64Count`, default the true count). */
  zip64?: boolean;
  zip64Count?: number;
}

const MAX32 = 0xffffffff;

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}
function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}
function u64(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(n));
  return b;
}

export function rawZip(entries: RawEntry[], options: RawZipOptions = {}): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const placed = new Map<string, { offset: number; compressed: number }>();
  for (const e of entries) {
    const data = typeof e.data === 'string' ? Buffer.from(e.data) : e.data ? Buffer.from(e.data) : undefined;
    const method = e.method ?? 8;
    const stored = e.deflated ? Buffer.from(e.deflated) : method === 8 ? zlib.deflateRawSync(data ?? Buffer.alloc(0)) : (data ?? Buffer.alloc(0));
    const size = e.size ?? data?.length ?? 0;
    const crc = e.crc ?? zlib.crc32(data ?? Buffer.alloc(0));
    const name = Buffer.from(e.name);
    const big = size >= MAX32 || stored.length >= MAX32;
    const extra = big ? Buffer.concat([u16(1), u16(16), u64(size), u64(stored.length)]) : Buffer.alloc(0);
    const sizes = big ? [u32(MAX32), u32(MAX32)] : [u32(stored.length), u32(size)];
    let at = offset;
    let compressed = stored.length;
    const shared = e.sameDataAs === undefined ? undefined : placed.get(e.sameDataAs);
    if (shared) {
      at = shared.offset;
      compressed = shared.compressed;
    } else {
      const local = Buffer.concat([u32(0x04034b50), u16(big ? 45 : 20), u16(0x800), u16(method), u16(0), u16(0x21), u32(crc), ...sizes, u16(name.length), u16(extra.length), name, extra]);
      chunks.push(local, stored);
      placed.set(e.name, { offset, compressed: stored.length });
      offset += local.length + stored.length;
    }
    const csizes = big ? [u32(MAX32), u32(MAX32)] : [u32(compressed), u32(size)];
    central.push(Buffer.concat([
      u32(0x02014b50), u16(20), u16(big ? 45 : 20), u16(0x800), u16(method), u16(0), u16(0x21), u32(crc), ...csizes,
      u16(name.length), u16(extra.length), u16(0), u16(0), u16(0), u32(0), u32(at), name, extra,
    ]));
  }
  const cd = Buffer.concat(central);
  const cdStart = offset;
  const tail: Buffer[] = [cd];
  if (options.zip64) {
    const z = cdStart + cd.length;
    const n = options.zip64Count ?? entries.length;
    tail.push(Buffer.concat([u32(0x06064b50), u64(44), u16(45), u16(45), u32(0), u32(0), u64(n), u64(n), u64(cd.length), u64(cdStart)]));
    tail.push(Buffer.concat([u32(0x07064b50), u32(0), u64(z), u32(1)]));
  }
  const count = options.zip64 ? 0xffff : (options.count ?? entries.length) % 0x10000;
  tail.push(Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(count), u16(count), u32(cd.length), u32(cdStart), u16(0)]));
  return new Uint8Array(Buffer.concat([...chunks, ...tail]));
}

// ---------------------------------------------------------------------------------- bombs

const ZERO_BLOCK = 16 << 20;
let zeroChunk: Buffer | undefined;

/**
 * Raw deflate data that inflates to `bytes` zeros (a multiple of 16 MB; ~1,000:1), built by
 * repeating one byte-aligned block: zlib's blocks of zeros refer back one byte only, so copies
 * of a block follow each other as a valid stream.
 */
export function zeroBomb(bytes: number, prefix = ''): Uint8Array {
  if (bytes % ZERO_BLOCK) throw new Error('zeroBomb: a multiple of 16 MB');
  zeroChunk ??= zlib.deflateRawSync(Buffer.alloc(ZERO_BLOCK), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const head = prefix ? [zlib.deflateRawSync(Buffer.from(prefix), { finishFlush: zlib.constants.Z_SYNC_FLUSH })] : [];
  const blocks: Buffer[] = [];
  for (let i = 0; i < bytes / ZERO_BLOCK; i++) blocks.push(zeroChunk);
  return new Uint8Array(Buffer.concat([...head, ...blocks, zlib.deflateRawSync(Buffer.alloc(0))]));
}

// ---------------------------------------------------------------------------------- packages

/** A plannable workbook (40 customers on 客户清单) as its parts, name → bytes. */
export function plannableParts(): Record<string, Uint8Array> {
  const sheet = makeCustomerSheet({ count: 40, seed: 3, language: 'zh', title: false });
  return unzipSync(valuesWorkbook([{ name: '客户清单', values: sheet.values }]));
}

/** Raw entries for parts, in their order. */
export function entriesOf(parts: Record<string, Uint8Array>): RawEntry[] {
  return Object.entries(parts).map(([name, data]) => ({ name, data }));
}

// ---------------------------------------------------------------------------------- checks

/**
 * Checks a zip independently of the code under test: walks its central directory (with ZIP64
 * end records), inflates every entry with zlib and compares length and CRC with the headers.
 * Returns the number of entries. Throws on the first problem.
 */
export function checkZipIntegrity(bytes: Uint8Array): number {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('no end record');
  let count = b.readUInt16LE(eocd + 10);
  let cdOffset = b.readUInt32LE(eocd + 16);
  if (eocd >= 20 && b.readUInt32LE(eocd - 20) === 0x07064b50) {
    const z = Number(b.readBigUInt64LE(eocd - 12));
    if (b.readUInt32LE(z) !== 0x06064b50) throw new Error('bad ZIP64 end record');
    count = Number(b.readBigUInt64LE(z + 32));
    cdOffset = Number(b.readBigUInt64LE(z + 48));
  }
  let o = cdOffset;
  for (let k = 0; k < count; k++) {
    if (b.readUInt32LE(o) !== 0x02014b50) throw new Error(`bad central record ${k}`);
    const method = b.readUInt16LE(o + 10);
    const crc = b.readUInt32LE(o + 16);
    const csize = b.readUInt32LE(o + 20);
    const size = b.readUInt32LE(o + 24);
    const nameLen = b.readUInt16LE(o + 28);
    const extraLen = b.readUInt16LE(o + 30);
    const commentLen = b.readUInt16LE(o + 32);
    const local = b.readUInt32LE(o + 42);
    const name = b.toString('utf8', o + 46, o + 46 + nameLen);
    if (b.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header: ${name}`);
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    const raw = b.subarray(start, start + csize);
    const data = method === 0 ? raw : zlib.inflateRawSync(raw);
    if (data.length !== size) throw new Error(`size mismatch: ${name}`);
    if (zlib.crc32(data) !== crc) throw new Error(`CRC mismatch: ${name}`);
    o += 46 + nameLen + extraLen + commentLen;
  }
  return count;
}

/** `unzip -t` on the bytes: true if it passed; undefined (skipped locally, failing in CI) without unzip. */
export async function unzipTest(bytes: Uint8Array): Promise<boolean | undefined> {
  if (!requireOrSkip('unzip', findOnPath('unzip') !== undefined, 'apt-get install unzip')) return undefined;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'abc-unzip-'));
  const file = path.join(dir, 'out.xlsx');
  try {
    await fs.writeFile(file, bytes);
    execFileSync('unzip', ['-tqq', file], { stdio: 'pipe' });
    return true;
  } catch (e) {
    throw new Error(`unzip -t failed: ${String((e as { stderr?: Buffer }).stderr ?? e)}`);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
