/**
 * Zip container access: read the central directory, hand out each entry's bytes (whole or in
 * chunks), and write a new zip that copies untouched entries' compressed bytes as they are.
 * fflate does the (de)compression; this module owns the container so that an entry we do not
 * change is never decompressed, recompressed or altered.
 */
import { Deflate, Inflate } from 'fflate';
import { InflateLimitError, nativeCodec } from './codec';
import { errors, XlsxError } from './errors';
import { formatBytes, LIMITS } from './limits';

const SIG_LOCAL = 0x04034b50;
/** Parts up to this size are inflated natively in one piece (then handed out in chunks). */
const NATIVE_WHOLE_LIMIT = 256 * 1024 * 1024;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
/** The ZIP64 end-of-central-directory record (56 bytes) and its locator (20). */
const ZIP64_END_BYTES = 56 + 20;

function setU64(view: DataView, o: number, n: number): void {
  view.setUint32(o, n >>> 0, true);
  view.setUint32(o + 4, Math.floor(n / 0x100000000), true);
}

// ---------------------------------------------------------------------------------- crc32

const CRC_TABLES: Uint32Array[] = (() => {
  const t0 = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t0[n] = c >>> 0;
  }
  const tables = [t0];
  for (let k = 1; k < 4; k++) {
    const prev = tables[k - 1]!;
    const t = new Uint32Array(256);
    for (let n = 0; n < 256; n++) t[n] = (prev[n]! >>> 8) ^ t0[prev[n]! & 0xff]!;
    tables.push(t);
  }
  return tables;
})();

/** CRC-32 as zip uses it; pass the previous result to continue over several chunks. */
export function crc32(data: Uint8Array, previous = 0): number {
  const native = nativeCodec()?.crc32;
  if (native) return native(data, previous);
  const [t0, t1, t2, t3] = CRC_TABLES as [Uint32Array, Uint32Array, Uint32Array, Uint32Array];
  let c = ~previous >>> 0;
  let i = 0;
  const n = data.length;
  const end4 = n - (n % 4);
  while (i < end4) {
    c ^= data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24);
    c = t3[c & 0xff]! ^ t2[(c >>> 8) & 0xff]! ^ t1[(c >>> 16) & 0xff]! ^ t0[c >>> 24]!;
    i += 4;
  }
  while (i < n) c = t0[(c ^ data[i++]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

// ---------------------------------------------------------------------------------- reading

export interface ZipEntry {
  /** The entry's name as stored (no leading slash), e.g. `xl/workbook.xml`. */
  name: string;
  nameBytes: Uint8Array;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  versionMadeBy: number;
  externalAttributes: number;
}

/**
 * Compressed bytes per fflate push: one push then inflates to at most ~16.5 MB (deflate packs
 * ≤ 1,032:1), which is handed out in CHUNK pieces.
 */
const INFLATE_STEP = 1 << 14;
/**
 * Decompressed bytes per chunk handed to a consumer, whatever the codec or how well the part
 * packs: the text a reader holds at once follows this, not the compressed size.
 */
const CHUNK = 1 << 21;

export class ZipArchive {
  readonly bytes: Uint8Array;
  /** Entries in central-directory order. */
  readonly entries: ZipEntry[];
  /**
   * Bytes inflated so far from this archive (all entries): the bound on work and memory that
   * the limits keep, counted so that tests can see where inflation stopped.
   */
  inflatedBytes = 0;
  private readonly byLowerName = new Map<string, ZipEntry>();
  private readonly dataOffset = new Map<ZipEntry, number>();
  /** Entries whose data has been inflated in full and matched its CRC. */
  private readonly verified = new Set<ZipEntry>();

  private constructor(bytes: Uint8Array, entries: ZipEntry[]) {
    this.bytes = bytes;
    this.entries = entries;
    for (const e of entries) {
      // OPC part names ignore case: two entries equal but for case are two parts with one name,
      // and no reader agrees on which one counts.
      const key = e.name.toLowerCase();
      const earlier = this.byLowerName.get(key);
      if (earlier) throw errors.duplicatePart(earlier.name, e.name);
      this.byLowerName.set(key, e);
    }
    this.checkLayout();
  }

  static open(bytes: Uint8Array): ZipArchive {
    return new ZipArchive(bytes, readCentralDirectory(bytes));
  }

  /** Part names are case-insensitive in a package (OPC). */
  get(name: string): ZipEntry | undefined {
    return this.byLowerName.get(stripSlash(name).toLowerCase());
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  /** The entry's compressed bytes, as stored. */
  raw(entry: ZipEntry): Uint8Array {
    const start = this.dataOffset.get(entry) ?? this.localDataStart(entry);
    return this.bytes.subarray(start, start + entry.compressedSize);
  }

  /**
   * Finds each entry's data behind its local header, and refuses entries whose data overlap:
   * no zip writer does that, while a zip bomb does (many entries inflating one stretch).
   */
  private checkLayout(): void {
    const order = this.entries.slice().sort((a, b) => a.localOffset - b.localOffset);
    let previous: ZipEntry | undefined;
    let previousEnd = 0;
    for (const e of order) {
      if (previous && e.localOffset < previousEnd) throw errors.overlappingParts(previous.name, e.name);
      const start = this.localDataStart(e);
      this.dataOffset.set(e, start);
      previous = e;
      previousEnd = start + e.compressedSize;
    }
  }

  private localDataStart(entry: ZipEntry): number {
    const b = this.bytes;
    const o = entry.localOffset;
    if (o + 30 > b.length || u32(b, o) !== SIG_LOCAL) throw errors.damagedPart(entry.name, '的本地文件头损坏', 'has a damaged local header');
    const start = o + 30 + u16(b, o + 26) + u16(b, o + 28);
    if (start + entry.compressedSize > b.length) throw errors.damagedPart(entry.name, '的数据超出了文件末尾（文件不完整）', 'runs past the end of the file (the file is incomplete)');
    return start;
  }

  /** The entry's content, decompressed and checked against its CRC. For small parts (≤ 32 MB: LIMITS.smallPartBytes). */
  read(entry: ZipEntry): Uint8Array {
    checkDeclaredSize(entry, LIMITS.smallPartBytes);
    const parts: Uint8Array[] = [];
    this.unpack(entry, (chunk) => parts.push(chunk));
    if (parts.length === 1) return parts[0]!;
    const out = new Uint8Array(entry.size);
    let o = 0;
    for (const p of parts) {
      out.set(p, o);
      o += p.length;
    }
    return out;
  }

  /**
   * Streams the entry's content in chunks (for huge sheet parts), checking the CRC at the end.
   * `onChunk` gets each decompressed chunk; `onProgress` the count of compressed bytes consumed.
   */
  stream(entry: ZipEntry, onChunk: (chunk: Uint8Array) => void, onProgress?: (done: number, total: number) => void): void {
    checkDeclaredSize(entry, LIMITS.largePartBytes);
    this.unpack(entry, onChunk, onProgress);
  }

  /**
   * Checks that an entry inflates to its declared size and CRC, once per archive (an entry
   * already read or streamed in full is not inflated again). Called for every entry a write
   * copies untouched, so that a damaged part is refused rather than passed on.
   */
  verify(entry: ZipEntry): void {
    if (this.verified.has(entry)) return;
    checkDeclaredSize(entry, LIMITS.largePartBytes);
    this.unpack(entry, () => undefined);
  }

  /**
   * Inflates the entry and hands out its data in chunks, never more than the size its central
   * directory record declares (the caller has checked that size against the caps): a part that
   * would go on is refused at that point. Checks length and CRC at the end.
   */
  private unpack(entry: ZipEntry, onChunk: (chunk: Uint8Array) => void, onProgress?: (done: number, total: number) => void): void {
    const raw = this.raw(entry);
    const name = entry.name;
    let crc = 0;
    let size = 0;
    let consumerFailure: { error: unknown } | undefined;
    const take = (chunk: Uint8Array): void => {
      size += chunk.length;
      if (size > entry.size) throw overDeclared(entry);
      crc = crc32(chunk, crc);
      try {
        onChunk(chunk);
      } catch (e) {
        consumerFailure = { error: e };
        throw e;
      }
    };
    const native = nativeCodec();
    if (entry.method === 0) {
      for (let i = 0; i < raw.length; i += CHUNK) {
        take(raw.subarray(i, Math.min(raw.length, i + CHUNK)));
        onProgress?.(Math.min(raw.length, i + CHUNK), raw.length);
      }
    } else if (native && entry.size <= NATIVE_WHOLE_LIMIT) {
      let out: Uint8Array;
      try {
        out = native.inflateRaw(raw, entry.size);
      } catch (e) {
        if (e instanceof InflateLimitError) throw overDeclared(entry);
        throw cannotInflate(name, e);
      }
      this.inflatedBytes += out.length;
      onProgress?.(raw.length, raw.length);
      for (let i = 0; i < out.length; i += CHUNK) take(out.subarray(i, Math.min(out.length, i + CHUNK)));
    } else {
      let failure: unknown;
      const inflater = new Inflate((chunk) => {
        this.inflatedBytes += chunk.length;
        // One push may inflate to 1,032 times its size: hand that out in CHUNK pieces.
        for (let i = 0; i < chunk.length; i += CHUNK) take(chunk.length <= CHUNK ? chunk : chunk.subarray(i, Math.min(chunk.length, i + CHUNK)));
      });
      try {
        for (let i = 0; i < raw.length; i += INFLATE_STEP) {
          const end = Math.min(raw.length, i + INFLATE_STEP);
          inflater.push(raw.subarray(i, end), end === raw.length);
          onProgress?.(end, raw.length);
        }
        if (raw.length === 0) inflater.push(new Uint8Array(0), true);
      } catch (e) {
        failure = e;
      }
      if (consumerFailure) throw consumerFailure.error;
      if (failure !== undefined) {
        if (failure instanceof XlsxError) throw failure;
        throw cannotInflate(name, failure);
      }
    }
    if (size !== entry.size) {
      throw errors.damagedPart(name, `解压后只有 ${size} 字节，少于登记的 ${entry.size} 字节`, `unpacks to ${size} bytes, fewer than the ${entry.size} it declares`);
    }
    if (crc !== entry.crc) throw errors.damagedPart(name, '的校验和（CRC）不符，数据已损坏', 'fails its checksum (CRC): the data is corrupted');
    this.verified.add(entry);
  }
}

/** Refuses, before inflating anything, a part whose declared size passes a cap or the ratio. */
function checkDeclaredSize(entry: ZipEntry, cap: number): void {
  if (entry.size > cap) throw errors.partTooLarge(entry.name, cap);
  if (entry.method !== 0 && entry.size > LIMITS.packRatioGraceBytes && entry.size > LIMITS.packRatio * entry.compressedSize) {
    throw errors.partPackRatio(entry.name, entry.size, entry.compressedSize);
  }
  if (entry.method === 0 && entry.size !== entry.compressedSize) {
    throw errors.damagedPart(entry.name, '的登记大小与存储大小不符', 'has a stored size unlike its declared size');
  }
}

function overDeclared(entry: ZipEntry): XlsxError {
  return errors.damagedPart(
    entry.name,
    `解压后超过登记的 ${formatBytes(entry.size, 'zh')}（在第一个多出的字节处已停止）`,
    `unpacks to more than the ${formatBytes(entry.size)} it declares (stopped at the first byte past it)`,
  );
}

function cannotInflate(part: string, e: unknown): XlsxError {
  const msg = e instanceof Error ? e.message : String(e);
  return errors.damagedPart(part, `无法解压（${msg}）`, `cannot be unpacked (${msg})`);
}

function stripSlash(name: string): string {
  return name.startsWith('/') ? name.slice(1) : name;
}

function u16(b: Uint8Array, o: number): number {
  return b[o]! | (b[o + 1]! << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
}
function u64(b: Uint8Array, o: number): number {
  return u32(b, o) + u32(b, o + 4) * 0x100000000;
}

const utf8 = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');

function readCentralDirectory(b: Uint8Array): ZipEntry[] {
  // The end-of-central-directory record sits in the last 22 + 65,535 bytes.
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw errors.corruptZip('no end of central directory: the file is truncated');
  let count = u16(b, eocd + 10);
  let cdSize = u32(b, eocd + 12);
  let cdOffset = u32(b, eocd + 16);
  // A ZIP64 end record (more than 65,535 entries, or offsets past 4 GB) takes precedence.
  let zip64 = false;
  const loc = eocd - 20;
  if (loc >= 0 && u32(b, loc) === SIG_ZIP64_LOCATOR) {
    const z = u64(b, loc + 8);
    if (z + 56 <= b.length && u32(b, z) === SIG_ZIP64_EOCD) {
      zip64 = true;
      count = u64(b, z + 32);
      cdSize = u64(b, z + 40);
      cdOffset = u64(b, z + 48);
    } else if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      throw errors.corruptZip('the ZIP64 end record is missing: the file is truncated');
    }
  }
  if (count > LIMITS.entries) throw errors.tooManyParts(count);
  const cdEnd = cdOffset + cdSize;
  if (cdEnd > b.length) throw errors.corruptZip('central directory runs past the end: the file is truncated');
  const entries: ZipEntry[] = [];
  let o = cdOffset;
  // Walk the whole directory rather than `count` records: writers without ZIP64 store the
  // count of a 70,000-entry zip modulo 65,536.
  while (o < cdEnd) {
    if (entries.length >= LIMITS.entries) throw errors.tooManyParts(entries.length + 1);
    if (o + 46 > cdEnd || u32(b, o) !== SIG_CENTRAL) throw errors.corruptZip('bad central directory');
    const flags = u16(b, o + 8);
    const nameLen = u16(b, o + 28);
    const extraLen = u16(b, o + 30);
    const commentLen = u16(b, o + 32);
    const nameBytes = b.subarray(o + 46, o + 46 + nameLen);
    const name = (flags & 0x800 ? utf8 : latin1).decode(nameBytes);
    let size = u32(b, o + 24);
    let compressedSize = u32(b, o + 20);
    let localOffset = u32(b, o + 42);
    // Zip64 extra field: the 64-bit values of whichever fields are 0xffffffff, in this order.
    let e = o + 46 + nameLen;
    const extraEnd = e + extraLen;
    while (e + 4 <= extraEnd) {
      const id = u16(b, e);
      const len = u16(b, e + 2);
      if (id === 0x0001) {
        let p = e + 4;
        if (size === 0xffffffff) { size = u64(b, p); p += 8; }
        if (compressedSize === 0xffffffff) { compressedSize = u64(b, p); p += 8; }
        if (localOffset === 0xffffffff) { localOffset = u64(b, p); }
      }
      e += 4 + len;
    }
    const method = u16(b, o + 10);
    if (flags & 0x1) throw errors.encrypted();
    if (method !== 0 && method !== 8 && !name.endsWith('/')) {
      throw errors.damagedPart(name, `使用了不支持的压缩方式 ${method}`, `uses an unsupported compression method (${method})`);
    }
    entries.push({
      name,
      nameBytes,
      flags,
      method,
      time: u16(b, o + 12),
      date: u16(b, o + 14),
      crc: u32(b, o + 16),
      compressedSize,
      size,
      localOffset,
      versionMadeBy: u16(b, o + 4),
      externalAttributes: u32(b, o + 38),
    });
    o += 46 + nameLen + extraLen + commentLen;
  }
  // Without ZIP64 the 16-bit count is the true count modulo 65,536, or 0xffff from writers
  // that saturate it.
  const counted = zip64 ? entries.length === count : count === 0xffff || entries.length % 0x10000 === count;
  if (!counted) throw errors.corruptZip(`the central directory lists ${count} entries but holds ${entries.length}`);
  return entries;
}

// ---------------------------------------------------------------------------------- writing

interface Pending {
  nameBytes: Uint8Array;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  size: number;
  chunks: Uint8Array[];
  compressedSize: number;
  versionMadeBy: number;
  externalAttributes: number;
  done: boolean;
}

/** A streaming writer for one new entry: push text or bytes, then end(). */
export interface EntrySink {
  push(chunk: Uint8Array): void;
  end(): void;
}

const encoder = new TextEncoder();

/** Uncompressed bytes a native deflate takes at once (see `deflated`). */
const DEFLATE_PIECE = 4 << 20;

const EMPTY_PENDING: Pending = {
  nameBytes: new Uint8Array(0),
  flags: 0,
  method: 0,
  time: 0,
  date: 0,
  crc: 0,
  size: 0,
  chunks: [],
  compressedSize: 0,
  versionMadeBy: 20,
  externalAttributes: 0,
  done: false,
};

/** Builds a zip in memory; nothing is written anywhere until the caller takes `finish()`. */
export class ZipWriter {
  private readonly pending: Pending[] = [];
  private readonly names = new Set<string>();
  private readonly time: number;
  private readonly date: number;
  private readonly level: number;

  constructor(options: { date?: Date; level?: number } = {}) {
    const d = options.date ?? new Date();
    this.time = (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1);
    this.date = ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate();
    this.level = options.level ?? 6;
  }

  private claim(name: string): void {
    const key = name.toLowerCase();
    if (this.names.has(key)) throw new Error(`zip: duplicate entry ${name}`);
    this.names.add(key);
  }

  /** Copies an entry of another archive without decompressing it. */
  copy(from: ZipArchive, entry: ZipEntry): void {
    this.claim(entry.name);
    this.pending.push(this.copied(from, entry));
  }

  /**
   * Keeps a place for an entry whose content is known later; fill it with `fill` (a copy of an
   * entry, or new content) before `finish`.
   */
  placeholder(name: string): { copy(from: ZipArchive, entry: ZipEntry): void; content(text: string | Uint8Array): void } {
    this.claim(name);
    const index = this.pending.length;
    this.pending.push({ ...EMPTY_PENDING, nameBytes: encoder.encode(name), chunks: [] });
    return {
      copy: (from, entry) => {
        this.pending[index] = this.copied(from, entry);
      },
      content: (content) => {
        const p = this.deflated(name);
        const data = typeof content === 'string' ? encoder.encode(content) : content;
        p.sink.push(data);
        p.sink.end();
        this.pending[index] = p.pending;
      },
    };
  }

  private copied(from: ZipArchive, entry: ZipEntry): Pending {
    // A damaged part is refused here, not passed on into a file that fails to open.
    from.verify(entry);
    const raw = from.raw(entry);
    return {
      nameBytes: entry.nameBytes,
      flags: entry.flags & ~0x8, // sizes are known now: no data descriptor
      method: entry.method,
      time: entry.time,
      date: entry.date,
      crc: entry.crc,
      size: entry.size,
      chunks: [raw],
      compressedSize: raw.length,
      versionMadeBy: entry.versionMadeBy,
      externalAttributes: entry.externalAttributes,
      done: true,
    };
  }

  /** Adds a new entry from its whole content (string or bytes), deflated. */
  add(name: string, content: string | Uint8Array): void {
    const sink = this.open(name);
    sink.push(typeof content === 'string' ? encoder.encode(content) : content);
    sink.end();
  }

  /** Opens a new deflated entry to be written in chunks; it keeps its place in the zip. */
  open(name: string): EntrySink {
    this.claim(name);
    const { pending, sink } = this.deflated(name);
    this.pending.push(pending);
    return sink;
  }

  private deflated(name: string): { pending: Pending; sink: EntrySink } {
    const p: Pending = {
      nameBytes: encoder.encode(name),
      flags: 0x800,
      method: 8,
      time: this.time,
      date: this.date,
      crc: 0,
      size: 0,
      chunks: [],
      compressedSize: 0,
      versionMadeBy: 20,
      externalAttributes: 0,
      done: false,
    };
    const native = nativeCodec();
    const level = this.level;
    let deflater: { push(chunk: Uint8Array, final: boolean): void };
    if (native) {
      // Native deflate, a piece of about 4 MB at a time: zlib is several times faster than
      // fflate, and pieces (each ended by a full flush) keep an 800 MB sheet part from being
      // held whole, twice, before it is deflated. The flushes cost a few bytes a piece.
      const pieces: Uint8Array[] = [];
      let total = 0;
      const deflatePieces = (final: boolean): void => {
        let whole: Uint8Array;
        if (pieces.length === 1) whole = pieces[0]!;
        else {
          whole = new Uint8Array(total);
          let o = 0;
          for (const x of pieces) {
            whole.set(x, o);
            o += x.length;
          }
        }
        pieces.length = 0;
        total = 0;
        const out = native.deflateRaw(whole, level, final);
        p.chunks.push(out);
        p.compressedSize += out.length;
      };
      deflater = {
        push(chunk, final) {
          if (chunk.length) {
            pieces.push(chunk);
            total += chunk.length;
          }
          if (final) deflatePieces(true);
          else if (total >= DEFLATE_PIECE) deflatePieces(false);
        },
      };
    } else {
      deflater = new Deflate({ level: level as 6 }, (chunk) => {
        if (chunk.length) {
          p.chunks.push(chunk);
          p.compressedSize += chunk.length;
        }
      });
    }
    return {
      pending: p,
      sink: {
        push: (chunk) => {
          if (p.done) throw new Error('zip: entry already ended');
          if (!chunk.length) return;
          p.crc = crc32(chunk, p.crc);
          p.size += chunk.length;
          deflater.push(chunk, false);
        },
        end: () => {
          if (p.done) return;
          deflater.push(new Uint8Array(0), true);
          p.done = true;
        },
      },
    };
  }

  /** A text sink over `open`: strings are encoded and pushed in ~256 KB pieces. */
  openText(name: string): { write(text: string): void; end(): void } {
    const sink = this.open(name);
    let parts: string[] = [];
    let size = 0;
    const flush = (): void => {
      if (parts.length) sink.push(encoder.encode(parts.join('')));
      parts = [];
      size = 0;
    };
    return {
      write: (text) => {
        parts.push(text);
        size += text.length;
        if (size > 1 << 18) flush();
      },
      end: () => {
        flush();
        sink.end();
      },
    };
  }

  /** The whole zip as one buffer. */
  finish(): Uint8Array {
    const open = this.pending.find((p) => !p.done);
    if (open) throw new Error(`zip: entry ${new TextDecoder().decode(open.nameBytes)} was not ended`);
    // More than 65,534 entries need the ZIP64 end records (the count no longer fits 16 bits);
    // offsets and sizes still fit 32 bits, as the 4 GB check below keeps them.
    // What we write must open again (a write adds a few sheets to a package near the limit).
    if (this.pending.length > LIMITS.entries) throw errors.tooManyPartsAfterWrite(this.pending.length);
    const zip64 = this.pending.length >= 0xffff;
    let total = 22 + (zip64 ? ZIP64_END_BYTES : 0);
    for (const p of this.pending) total += 30 + p.nameBytes.length + p.compressedSize + 46 + p.nameBytes.length;
    if (total > 0xfffffff0) {
      throw new XlsxError('too-large', '工作簿太大（超过 4 GB），无法保存为 .xlsx', 'The workbook is too large (over 4 GB) to save as .xlsx');
    }
    const out = new Uint8Array(total);
    const view = new DataView(out.buffer);
    let o = 0;
    const offsets: number[] = [];
    for (const p of this.pending) {
      offsets.push(o);
      view.setUint32(o, SIG_LOCAL, true);
      view.setUint16(o + 4, 20, true);
      view.setUint16(o + 6, p.flags, true);
      view.setUint16(o + 8, p.method, true);
      view.setUint16(o + 10, p.time, true);
      view.setUint16(o + 12, p.date, true);
      view.setUint32(o + 14, p.crc, true);
      view.setUint32(o + 18, p.compressedSize, true);
      view.setUint32(o + 22, p.size, true);
      view.setUint16(o + 26, p.nameBytes.length, true);
      view.setUint16(o + 28, 0, true);
      out.set(p.nameBytes, o + 30);
      o += 30 + p.nameBytes.length;
      for (const c of p.chunks) {
        out.set(c, o);
        o += c.length;
      }
    }
    const cdStart = o;
    this.pending.forEach((p, i) => {
      view.setUint32(o, SIG_CENTRAL, true);
      view.setUint16(o + 4, p.versionMadeBy, true);
      view.setUint16(o + 6, 20, true);
      view.setUint16(o + 8, p.flags, true);
      view.setUint16(o + 10, p.method, true);
      view.setUint16(o + 12, p.time, true);
      view.setUint16(o + 14, p.date, true);
      view.setUint32(o + 16, p.crc, true);
      view.setUint32(o + 20, p.compressedSize, true);
      view.setUint32(o + 24, p.size, true);
      view.setUint16(o + 28, p.nameBytes.length, true);
      view.setUint16(o + 30, 0, true);
      view.setUint16(o + 32, 0, true);
      view.setUint16(o + 34, 0, true);
      view.setUint16(o + 36, 0, true);
      view.setUint32(o + 38, p.externalAttributes, true);
      view.setUint32(o + 42, offsets[i]!, true);
      out.set(p.nameBytes, o + 46);
      o += 46 + p.nameBytes.length;
    });
    const cdSize = o - cdStart;
    if (zip64) {
      const z = o;
      view.setUint32(o, SIG_ZIP64_EOCD, true);
      setU64(view, o + 4, 44); // size of the rest of this record
      view.setUint16(o + 12, 45, true); // made by: 4.5 (ZIP64)
      view.setUint16(o + 14, 45, true); // needed to extract
      view.setUint32(o + 16, 0, true); // this disk
      view.setUint32(o + 20, 0, true); // disk with the central directory
      setU64(view, o + 24, this.pending.length);
      setU64(view, o + 32, this.pending.length);
      setU64(view, o + 40, cdSize);
      setU64(view, o + 48, cdStart);
      o += 56;
      view.setUint32(o, SIG_ZIP64_LOCATOR, true);
      view.setUint32(o + 4, 0, true);
      setU64(view, o + 8, z);
      view.setUint32(o + 16, 1, true); // total disks
      o += 20;
    }
    const count16 = Math.min(this.pending.length, 0xffff);
    view.setUint32(o, SIG_EOCD, true);
    view.setUint16(o + 8, count16, true);
    view.setUint16(o + 10, count16, true);
    view.setUint32(o + 12, cdSize, true);
    view.setUint32(o + 16, cdStart, true);
    return out;
  }
}
