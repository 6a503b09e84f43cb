/** Runs the command in-process with captured streams, and helpers for its files. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CellValue } from '../../src/engine/types';
import { main } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';
import type { PlanDocument } from '../../src/cli/document';
import { openXlsx } from '../../src/hosts/xlsx/node';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** The JSON document, when stdout holds one. */
  json<T = PlanDocument>(): T;
}

export interface RunOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  tty?: boolean;
  progressMinBytes?: number;
  maxInputBytes?: number;
  hooks?: CliIo['hooks'];
}

export async function run(argv: string[], options: RunOptions): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t), isTTY: options.tty ?? false, columns: 80 },
    env: options.env ?? { LANG: 'zh_CN.UTF-8' },
    cwd: options.cwd,
    ...(options.progressMinBytes !== undefined ? { progressMinBytes: options.progressMinBytes } : {}),
    ...(options.maxInputBytes !== undefined ? { maxInputBytes: options.maxInputBytes } : {}),
    ...(options.hooks ? { hooks: options.hooks } : {}),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr, json: <T>() => JSON.parse(stdout) as T };
}

export async function tempDir(prefix = 'abc-cli-'): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

export async function removeDir(dir: string): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true });
}

export async function readWorkbook(file: string) {
  return openXlsx(new Uint8Array(await fs.readFile(file)), path.basename(file));
}

/** Every sheet's values, in sheet order. */
export async function allValues(file: string): Promise<Map<string, CellValue[][]>> {
  return allValuesOf(new Uint8Array(await fs.readFile(file)));
}

export async function allValuesOf(bytes: Uint8Array): Promise<Map<string, CellValue[][]>> {
  const wb = openXlsx(bytes);
  const out = new Map<string, CellValue[][]>();
  for (const s of await wb.listSheets()) out.set(s.name, (await wb.readSheet(s.name)).values);
  return out;
}
