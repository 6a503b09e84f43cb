/**
 * Node-only file helpers for the .xlsx host (the rest of the host runs in a browser too).
 * Writes go to a temporary file in the same folder, then a rename: a failure never leaves a
 * half-written workbook, and the input is never overwritten unless asked.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
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

export interface WriteFileOptions {
  /** The file the workbook was read from: refused as the target unless `overwriteInput`. */
  inputPath?: string;
  overwriteInput?: boolean;
  /** Replace an existing file that is not the input (default false). */
  overwrite?: boolean;
}

async function sameFile(a: string, b: string): Promise<boolean> {
  try {
    const [sa, sb] = await Promise.all([fs.stat(a), fs.stat(b)]);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.access(p);
    return true;
  } catch {
    return false;
  }
}

export async function writeFileAtomic(target: string, bytes: Uint8Array, options: WriteFileOptions = {}): Promise<void> {
  const isInput = options.inputPath !== undefined && (await sameFile(target, options.inputPath));
  if (isInput && !options.overwriteInput) {
    throw new XlsxError(
      'overwrite-input',
      `不会覆盖原文件 ${target}：请指定另一个输出文件，或明确要求覆盖原文件`,
      `Will not overwrite the input file ${target}: name another output file, or ask explicitly to overwrite the input`,
    );
  }
  if (!isInput && !options.overwrite && (await exists(target))) {
    throw new XlsxError(
      'file-exists',
      `文件 ${target} 已存在：请换一个文件名，或明确要求覆盖`,
      `The file ${target} already exists: choose another name, or ask explicitly to overwrite it`,
    );
  }
  const dir = path.dirname(path.resolve(target));
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(temp, 'wx');
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(temp, target);
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw e;
  }
}

/** Reads and opens a workbook file. */
export async function readXlsxFile(file: string): Promise<XlsxWorkbook> {
  const bytes = await fs.readFile(file);
  return openXlsx(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), path.basename(file));
}
