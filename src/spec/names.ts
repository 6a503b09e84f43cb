/**
 * The one check of sheet names and defined names that both hosts run before they write
 * anything: the .xlsx host (CLI, web page) and the Excel host must refuse the same names, or a
 * plan that works in one fails half-way in the other. What Excel accepts:
 * - a sheet name: 1–31 characters, none of [ ] : * ? / \ and no control characters, not
 *   beginning or ending with an apostrophe, not "History" (any case);
 * - a defined name: 1–255 characters, a letter, underscore or backslash first, then letters,
 *   digits, underscores, periods or backslashes (Excel documents no more); not a cell reference in A1 or
 *   R1C1 style ("A1", "XFD100", "R", "C", "R2C3"), and it must refer to something.
 * Pure: the words are in i18n/names.ts.
 */

export type NameProblem =
  | 'empty'
  | 'too-long'
  | 'bad-chars'
  | 'control-chars'
  | 'apostrophe'
  | 'reserved'
  | 'bad-first-char'
  | 'cell-like'
  | 'empty-ref';

export const MAX_SHEET_NAME = 31;
export const MAX_DEFINED_NAME = 255;

const BAD_SHEET_CHARS = /[[\]:*?/\\]/;
// C0 controls and DEL..C1 controls: Excel refuses them, and XML 1.0 cannot hold most of them.
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;

/** Why Excel would refuse `name` as a sheet name, or undefined when it accepts it. */
export function sheetNameProblem(name: string): NameProblem | undefined {
  if (name.length === 0) return 'empty';
  if (name.length > MAX_SHEET_NAME) return 'too-long';
  if (BAD_SHEET_CHARS.test(name)) return 'bad-chars';
  if (CONTROL.test(name)) return 'control-chars';
  if (name.startsWith("'") || name.endsWith("'")) return 'apostrophe';
  if (name.toLowerCase() === 'history') return 'reserved';
  return undefined;
}

const NAME_FIRST = /^[\p{L}_\\]/u;
const NAME_CHARS = /^[\p{L}_\\][\p{L}\p{M}\p{N}_.\\]*$/u;
/** A1 style: up to three letters then a row number (XFD is the last column, but Excel refuses any). */
const A1_LIKE = /^[A-Za-z]{1,3}[0-9]+$/;
/** R1C1 style: R, C, R2, C3, RC, R2C3 (any case). */
const R1C1_LIKE = /^(?:[Rr][0-9]*[Cc]?[0-9]*|[Cc][0-9]*)$/;

/** True when a name would read as a cell reference in A1 or R1C1 style. */
export function looksLikeCellRef(name: string): boolean {
  return A1_LIKE.test(name) || R1C1_LIKE.test(name);
}

/** Why Excel would refuse `name` as a defined name (referring to `ref`), or undefined. */
export function definedNameProblem(name: string, ref?: string): NameProblem | undefined {
  if (name.length === 0) return 'empty';
  if (name.length > MAX_DEFINED_NAME) return 'too-long';
  if (CONTROL.test(name)) return 'control-chars';
  if (!NAME_FIRST.test(name)) return 'bad-first-char';
  if (!NAME_CHARS.test(name)) return 'bad-chars';
  if (looksLikeCellRef(name)) return 'cell-like';
  if (ref !== undefined && ref.replace(/^=/, '').trim().length === 0) return 'empty-ref';
  return undefined;
}
