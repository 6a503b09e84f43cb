/**
 * What the command talks to, injected so tests run it in-process: stdout for the JSON
 * document and listings, stderr for people (messages, summary, progress), the environment
 * (for the language) and the working directory (for relative paths).
 */
import type { Lang } from '../i18n';
import { langFromLocale } from '../i18n';

export interface CliStream {
  write(text: string): unknown;
  /** True when a person watches (a terminal): only then is a progress bar drawn. */
  isTTY?: boolean;
  /** Terminal width in characters. */
  columns?: number;
}

export interface CliIo {
  stdout: CliStream;
  stderr: CliStream;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Draw the progress bar only for input files at least this large (default 1 MB). */
  progressMinBytes?: number;
  /** The largest input workbook read (default MAX_INPUT_BYTES, 512 MB): tests set a small one. */
  maxInputBytes?: number;
  /**
   * Seams for tests, never set by the real command: `beforeCommit` runs when the new workbook is
   * complete under its temporary name, just before the checks and the rename (another program
   * saving the input at that moment, a crash there).
   */
  hooks?: { beforeCommit?: () => unknown };
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}

/**
 * The language of messages when --lang is not given: the system's, as POSIX says (LC_ALL, then
 * LC_MESSAGES, then LANG); where none is set (Windows), the locale Node's ICU reports, which is
 * the system's. Chinese when it starts with "zh", else English.
 */
export function langFromEnv(env: Record<string, string | undefined>): Lang {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const v = env[name];
    if (v && v.trim() !== '') return langFromLocale(v);
  }
  try {
    return langFromLocale(Intl.DateTimeFormat().resolvedOptions().locale);
  } catch {
    return 'en';
  }
}
