/**
 * Node-only file helpers for the .xlsx host (the rest of the host runs in a browser too).
 *
 * Reading takes regular files only, up to a size cap, and notes what was read (a stamp) so an
 * in-place write can tell that another program saved the file meanwhile. Writing goes to a
 * temporary file beside the real target (through symlinks), keeps the replaced file's mode and
 * owner, and then commits: a new file by link() (which fails when the name exists, so two runs
 * never replace each other's result), a replacement by rename(). A failure never leaves a
 * half-written workbook, and the input is never overwritten unless asked.
 */
import { createHash, randomBytes } from 'node:crypto';
import { constants as fsc, promises as fs, type BigIntStats, unlinkSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { useNativeCodec } from './codec';
import { XlsxError } from './errors';
import { openXlsx, type XlsxWorkbook } from './index';
import { zlibCodec } from './zlibCodec';

// zlib instead of fflate for (de)compression in Node.
useNativeCodec(zlibCodec(zlib));

export { openXlsx, XlsxWorkbook } from './index';
export { XlsxError } from './errors';

/** What a path is, for messages: only `file` is read or written. */
export type FileKind = 'file' | 'directory' | 'fifo' | 'socket' | 'character-device' | 'block-device' | 'other';

export type FileErrorCode =
  /** Not a regular file (params.kind). */
  | 'not-a-file'
  /** Larger than the cap (params.size, params.limit in bytes). */
  | 'too-large'
  /** In place: the file changed between the read and the write; nothing was written. */
  | 'input-changed'
  /** The target has other names (params.links): replacing it would split them. */
  | 'hard-linked'
  /** A symlink to nothing (params.target). */
  | 'dangling-link';

/** A refusal about a file; the caller words it (src/i18n/cli.ts) with its own name for the file. */
export class FileError extends Error {
  constructor(
    readonly code: FileErrorCode,
    readonly file: string,
    readonly params: { kind?: FileKind; size?: number; limit?: number; links?: number; target?: string } = {},
  ) {
    super(`${code}: ${path.basename(file)} ${JSON.stringify(params)}`);
    this.name = 'FileError';
  }
}

export function kindOf(st: { isFile(): boolean; isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): FileKind {
  if (st.isFile()) return 'file';
  if (st.isDirectory()) return 'directory';
  if (st.isFIFO()) return 'fifo';
  if (st.isSocket()) return 'socket';
  if (st.isCharacterDevice()) return 'character-device';
  if (st.isBlockDevice()) return 'block-device';
  return 'other';
}

/**
 * The largest workbook read: 512 MB. The whole file stays in memory with the new copy and the
 * customer rows, so a file this size already needs several GB; workbooks planners send are
 * a few MB (100,000 customers ≈ 13 MB).
 */
export const MAX_INPUT_BYTES = 512 * 1024 * 1024;

/** What a read saw, to check before an in-place write that the file is still the same. */
export interface FileStamp {
  /** The real path (symlinks resolved). */
  realPath: string;
  dev: bigint;
  ino: bigint;
  size: bigint;
  mtimeNs: bigint;
  nlink: number;
  /** SHA-256 of the bytes read (only when asked: in-place writes). */
  sha256?: string;
}

export interface ReadResult {
  bytes: Uint8Array;
  stamp: FileStamp;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Reads a regular file, at most `maxBytes` (default MAX_INPUT_BYTES). Opened non-blocking so a
 * FIFO does not wait for a writer, then fstat'ed: anything but a regular file (folder, FIFO,
 * device such as /dev/zero, socket) is refused before a byte is read. The read stops at the
 * first byte past the cap even if the file grows while being read.
 */
export async function readRegularFile(file: string, options: { maxBytes?: number; hash?: boolean } = {}): Promise<ReadResult> {
  const maxBytes = options.maxBytes ?? MAX_INPUT_BYTES;
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, fsc.O_RDONLY | (fsc.O_NONBLOCK ?? 0));
  } catch (e) {
    // A socket cannot be opened at all (ENXIO): say what it is.
    if (codeOf(e) === 'ENXIO') {
      const st = await fs.stat(file).catch(() => undefined);
      if (st) throw new FileError('not-a-file', file, { kind: kindOf(st) });
    }
    throw e;
  }
  try {
    const st = await handle.stat({ bigint: true });
    const kind = kindOf(st);
    if (kind !== 'file') throw new FileError('not-a-file', file, { kind });
    if (st.size > BigInt(maxBytes)) throw new FileError('too-large', file, { size: Number(st.size), limit: maxBytes });
    let buf = Buffer.allocUnsafe(Math.min(Number(st.size), maxBytes) + 1);
    let total = 0;
    for (;;) {
      if (total === buf.length) {
        // The file grew while we read it: grow the buffer, never past the cap + 1.
        const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, maxBytes + 1));
        buf.copy(bigger, 0, 0, total);
        buf = bigger;
      }
      const { bytesRead } = await handle.read(buf, total, buf.length - total, total);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw new FileError('too-large', file, { size: total, limit: maxBytes });
    }
    const bytes = new Uint8Array(buf.buffer, buf.byteOffset, total);
    const stamp: FileStamp = {
      realPath: await fs.realpath(file),
      dev: st.dev,
      ino: st.ino,
      size: st.size,
      mtimeNs: st.mtimeNs,
      nlink: Number(st.nlink),
      ...(options.hash ? { sha256: sha256(bytes) } : {}),
    };
    return { bytes, stamp };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Reads and opens a workbook file. */
export async function readXlsxFile(file: string): Promise<XlsxWorkbook> {
  const { bytes } = await readRegularFile(file);
  return openXlsx(bytes, path.basename(file));
}

// ---------------------------------------------------------------------------------------------
// Temporary files: named so a person sees whose they are, removed on signals, and removed on a
// later run when the run that made them is gone (SIGKILL, power loss).

const TEMP_PREFIX = '.~abc-planner-';
/** This machine, so that a temp on a shared folder is judged by its pid only on the machine that made it. */
const HOST_TAG = createHash('sha256').update(os.hostname()).digest('hex').slice(0, 4);
const TEMP_PATTERN = /^\.~abc-planner-.*\.([0-9a-f]{4})\.(\d+)\.[0-9a-f]{6}\.tmp$/su;
/** Temps of earlier versions: `.<name>.xlsx.<pid>.<8 hex>.tmp`, removed only when their pid is gone and they are old. */
const LEGACY_TEMP_PATTERN = /^\..+\.xls[xm]\.(\d+)\.[0-9a-f]{8}\.tmp$/isu;
/** A temp of ours this old is stale whoever made it: a write takes seconds. */
export const STALE_TEMP_MS = 60 * 60 * 1000;

/** The longest UTF-8 prefix of `s` within `max` bytes (names are capped at 255 bytes). */
function utf8Prefix(s: string, max: number): string {
  if (Buffer.byteLength(s) <= max) return s;
  let out = '';
  let bytes = 0;
  for (const ch of s) {
    bytes += Buffer.byteLength(ch);
    if (bytes > max) break;
    out += ch;
  }
  return out;
}

/** `.~abc-planner-<name>.<host>.<pid>.<random>.tmp` beside `real`. */
export function tempPathFor(real: string): string {
  const name = utf8Prefix(path.basename(real), 180);
  return path.join(path.dirname(real), `${TEMP_PREFIX}${name}.${HOST_TAG}.${process.pid}.${randomBytes(3).toString('hex')}.tmp`);
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return codeOf(e) === 'EPERM'; // alive, another user's
  }
}

/**
 * Removes our temporary files in `dir` that no run is writing any more: made on this machine by
 * a process that is gone, or older than STALE_TEMP_MS. Only names of our pattern that are
 * regular files; another program's files are never touched. Returns the names removed.
 */
export async function removeStaleTemps(dir: string, now = Date.now()): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = name.startsWith(TEMP_PREFIX) ? TEMP_PATTERN.exec(name) : undefined;
    const legacy = m ? undefined : LEGACY_TEMP_PATTERN.exec(name);
    if (!m && !legacy) continue;
    const full = path.join(dir, name);
    if (liveTemps.has(full)) continue;
    const st = await fs.lstat(full).catch(() => undefined);
    if (!st || !st.isFile()) continue;
    const old = now - st.mtimeMs > STALE_TEMP_MS;
    const pid = Number(m ? m[2] : legacy![1]);
    const gone = pid > 0 && pid !== process.pid && !pidAlive(pid);
    if (m ? (m[1] === HOST_TAG && gone) || old : gone && old) {
      await fs.unlink(full).then(
        () => removed.push(name),
        () => undefined,
      );
    }
  }
  return removed;
}

/** Temps being written now: removed if the process is told to stop (Ctrl+C, SIGTERM, SIGHUP). */
const liveTemps = new Set<string>();
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function onSignal(signal: NodeJS.Signals): void {
  for (const t of liveTemps) {
    try {
      unlinkSync(t);
    } catch {
      // already gone
    }
  }
  liveTemps.clear();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  process.kill(process.pid, signal); // again, now with the default action
}

function track(temp: string): void {
  if (liveTemps.size === 0 && process.platform !== 'win32') for (const s of SIGNALS) process.on(s, onSignal);
  liveTemps.add(temp);
}

function untrack(temp: string): void {
  liveTemps.delete(temp);
  if (liveTemps.size === 0) for (const s of SIGNALS) process.removeListener(s, onSignal);
}

// ---------------------------------------------------------------------------------------------
// Writing

function codeOf(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : undefined;
}

export interface TargetInfo {
  /** Where the bytes go: the target, or the file its symlink points to. */
  realPath: string;
  /** The file there now (undefined: none yet). */
  existing?: BigIntStats;
  viaLink: boolean;
}

/**
 * Where a write to `target` would land, refusing what we never replace: anything but a regular
 * file (a device such as /dev/null, a FIFO, a socket, a folder); without `replace`, any file
 * there (XlsxError file-exists); with it, a symlink to nothing and a file with other names (hard
 * links). Replacing a hard-linked file by rename would leave its other names with the old
 * workbook, and writing into the shared file cannot be made all or nothing: a crash or a full
 * disk halfway would break the workbook under every name.
 */
export async function inspectTarget(target: string, replace: boolean): Promise<TargetInfo> {
  const abs = path.resolve(target);
  let realPath = abs;
  let viaLink = false;
  const l = await fs.lstat(abs, { bigint: true }).catch((e: unknown) => {
    if (codeOf(e) === 'ENOENT') return undefined;
    throw e;
  });
  if (!l) return { realPath, viaLink };
  if (l.isSymbolicLink()) {
    viaLink = true;
    try {
      realPath = await fs.realpath(abs);
    } catch (e) {
      if (codeOf(e) !== 'ENOENT') throw e;
      if (!replace) throw existsError(target);
      throw new FileError('dangling-link', abs, { target: await fs.readlink(abs).catch(() => '?') });
    }
  }
  const existing = viaLink ? await fs.stat(realPath, { bigint: true }) : l;
  const kind = kindOf(existing);
  if (kind !== 'file') throw new FileError('not-a-file', abs, { kind });
  if (!replace) throw existsError(target);
  if (existing.nlink > 1n) throw new FileError('hard-linked', abs, { links: Number(existing.nlink) });
  return { realPath, existing, viaLink };
}

/** True while `real` is still the file the stamp describes: same file, size, time and bytes. */
async function stillAsRead(real: string, stamp: FileStamp): Promise<boolean> {
  const now = await fs.stat(real, { bigint: true }).catch(() => undefined);
  if (!now || now.dev !== stamp.dev || now.ino !== stamp.ino || now.size !== stamp.size || now.mtimeNs !== stamp.mtimeNs) return false;
  if (stamp.sha256 === undefined) return true;
  // Same size and time can hide a save (coarse timestamps, a program that restores them).
  const again = await readRegularFile(real, { maxBytes: Number(stamp.size) + 1 }).catch(() => undefined);
  return again !== undefined && sha256(again.bytes) === stamp.sha256;
}

export interface WriteFileOptions {
  /** The file the workbook was read from: refused as the target unless `overwriteInput`. */
  inputPath?: string;
  overwriteInput?: boolean;
  /** Replace an existing file that is not the input (default false). */
  overwrite?: boolean;
  /** For an in-place write: the input as read. If the file changed since, nothing is written (FileError input-changed). */
  unchangedSince?: FileStamp;
  /** Runs when the temporary file is complete, before the checks and the commit: a seam for tests. */
  beforeCommit?: () => unknown;
}

export interface WriteResult {
  /** The file written (the symlink's target when the name was a symlink). */
  realPath: string;
  /** False when the replaced file belonged to another user or group that we could not give the new file. */
  ownerKept: boolean;
  owner?: { uid: number; gid: number };
  /** Stale temporary files of earlier runs removed from the folder. */
  removedTemps: string[];
}

async function sameFile(a: string, b: string): Promise<boolean> {
  try {
    const [sa, sb] = await Promise.all([fs.stat(a), fs.stat(b)]);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
}

/** The replaced file's owner and mode on the new one (chown first: it may clear mode bits). */
async function keepOwnerAndMode(handle: fs.FileHandle, existing: BigIntStats): Promise<boolean> {
  let ownerKept = true;
  if (process.platform !== 'win32') {
    const uid = Number(existing.uid);
    const gid = Number(existing.gid);
    if (uid !== process.getuid?.() || gid !== process.getgid?.()) {
      try {
        await handle.chown(uid, gid);
      } catch {
        // Not root: at least the group, when we are in it.
        ownerKept = false;
        await handle.chown(-1, gid).catch(() => undefined);
      }
    }
  }
  await handle.chmod(Number(existing.mode) & 0o777);
  return ownerKept;
}

/** A new file under `real` from `temp`, failing if the name exists (EEXIST) even if it appeared a moment ago. */
async function createExclusive(temp: string, real: string): Promise<void> {
  try {
    await fs.link(temp, real);
  } catch (e) {
    const code = codeOf(e);
    if (code === 'EEXIST') throw e;
    // No hard links here (FAT/exFAT drives, some network shares): an exclusive copy instead.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS' && code !== 'EXDEV') throw e;
    try {
      await fs.copyFile(temp, real, fsc.COPYFILE_EXCL);
    } catch (c) {
      if (codeOf(c) !== 'EEXIST') await fs.rm(real, { force: true }).catch(() => undefined);
      throw c;
    }
  }
  await fs.unlink(temp).catch(() => undefined); // the new file is there; a leftover temp is cleaned up later
}

async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const d = await fs.open(dir, 'r').catch(() => undefined);
  await d?.sync().catch(() => undefined);
  await d?.close().catch(() => undefined);
}

function existsError(target: string): XlsxError {
  return new XlsxError(
    'file-exists',
    `文件 ${path.basename(target)} 已存在：请换一个文件名，或明确要求覆盖`,
    `The file ${path.basename(target)} already exists: choose another name, or ask explicitly to overwrite it`,
  );
}

/**
 * Writes `bytes` to `target` all or nothing (see the file comment). Throws XlsxError
 * `overwrite-input` / `file-exists`, FileError for refused targets and a changed input, or the
 * file system's error; in every case the target is as it was and no temporary file is left.
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array, options: WriteFileOptions = {}): Promise<WriteResult> {
  const isInput = options.inputPath !== undefined && (await sameFile(target, options.inputPath));
  if (isInput && !options.overwriteInput) {
    throw new XlsxError(
      'overwrite-input',
      `不会覆盖原文件 ${path.basename(target)}：请指定另一个输出文件，或明确要求覆盖原文件`,
      `Will not overwrite the input file ${path.basename(target)}: name another output file, or ask explicitly to overwrite it`,
    );
  }
  const replace = isInput || options.overwrite === true;
  const info = await inspectTarget(target, replace);
  const removedTemps = await removeStaleTemps(path.dirname(info.realPath));

  const temp = tempPathFor(info.realPath);
  let handle: fs.FileHandle | undefined;
  let committed = false;
  track(temp);
  try {
    // Private until its mode is set: the file it replaces may be readable by its owner only.
    handle = await fs.open(temp, 'wx', info.existing ? 0o600 : 0o666);
    await handle.writeFile(bytes);
    const ownerKept = info.existing ? await keepOwnerAndMode(handle, info.existing) : true;
    await handle.sync();
    await handle.close();
    handle = undefined;
    await options.beforeCommit?.();
    if (options.unchangedSince && !(await stillAsRead(info.realPath, options.unchangedSince))) {
      throw new FileError('input-changed', target);
    }
    if (replace) await fs.rename(temp, info.realPath);
    else {
      try {
        await createExclusive(temp, info.realPath);
      } catch (e) {
        if (codeOf(e) === 'EEXIST') throw existsError(target);
        throw e;
      }
    }
    committed = true;
    await syncDir(path.dirname(info.realPath));
    return {
      realPath: info.realPath,
      ownerKept,
      ...(info.existing ? { owner: { uid: Number(info.existing.uid), gid: Number(info.existing.gid) } } : {}),
      removedTemps,
    };
  } finally {
    await handle?.close().catch(() => undefined);
    if (!committed) await fs.rm(temp, { force: true }).catch(() => undefined);
    untrack(temp);
  }
}
