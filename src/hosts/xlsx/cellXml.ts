/**
 * One SpecCell as SpreadsheetML: text as an inline string (never a formula), numbers,
 * booleans, and formulas with an optional cached result.
 */
import type { CellValue } from '../../engine/types';
import { compileFill, fitsSheet, formulaAtShift, lengthAtShift, type FillTemplate } from '../../spec/fillDown';
import type { FillDown, SpecCell } from '../../spec/write';
import { XlsxError } from './errors';
import { cellText, escapeText, stripIllegal } from './xml';

export const MAX_TEXT = 32_767;
export const MAX_FORMULA = 8_192;

const ERROR_VALUES = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA']);

function badCell(where: string, zh: string, en: string): XlsxError {
  return new XlsxError('bad-cell', `${where}：${zh}`, `${where}: ${en}`);
}

function textXml(text: string): string {
  const t = cellText(text);
  const space = /^[\s]|[\s]$|\n/.test(t) ? ' xml:space="preserve"' : '';
  return `<is><t${space}>${t}</t></is>`;
}

function numberText(n: number): string | undefined {
  return Number.isFinite(n) ? String(n) : undefined;
}

/** Where a fill cell stands in its run of shared formulas (see sharedFormulas.ts). */
export interface SharedPlace {
  /** Shared-formula index. */
  si: number;
  /** On the run's first cell (the master) only: the run's range, e.g. "H5:H9". */
  ref?: string;
}

// A fill's formula as this host writes it (illegal characters out, no leading "="), compiled once.
const templates = new WeakMap<FillDown, FillTemplate>();

function templateOf(fill: FillDown): FillTemplate {
  let t = templates.get(fill);
  if (!t) {
    let f = stripIllegal(fill.formula);
    if (f.startsWith('=')) f = f.slice(1);
    t = compileFill(f);
    templates.set(fill, t);
  }
  return t;
}

/**
 * Checks that a fill can be written in rows first..last of a column: its formula fits Excel's
 * limit and its references stay on the sheet at both ends (so at every row between).
 */
export function checkFill(fill: FillDown, first: number, last: number, where: (row: number) => string): void {
  const t = templateOf(fill);
  for (const row of first === last ? [first] : [first, last]) {
    const delta = row - fill.row;
    if (!fitsSheet(t, delta)) {
      throw badCell(where(row), '向下填充的公式引用了工作表以外的行', 'the filled-down formula refers to a row outside the sheet');
    }
    const n = lengthAtShift(t, delta);
    if (n === 0) throw badCell(where(row), '公式为空', 'the formula is empty');
    if (n > MAX_FORMULA) {
      throw badCell(where(row), `公式超过 Excel 上限 ${MAX_FORMULA} 个字符`, `the formula is longer than Excel's ${MAX_FORMULA}-character limit`);
    }
  }
}

/**
 * The `<c>` element for a cell, or '' for null. `where` names the cell for error messages
 * (e.g. `ABC 汇总!B7`); `s` is the cellXfs index (0 = default, not written). A fill cell needs
 * its sheet `row`, and `shared` when it is part of a run (checked there: see SharedRuns);
 * without `shared` it is checked and written as a plain formula.
 */
export function cellXml(ref: string, cell: SpecCell, s: number, where: string, row = 0, shared?: SharedPlace): string {
  if (cell === null) return '';
  const sa = s ? ` s="${s}"` : '';
  switch (cell.kind) {
    case 'text': {
      if (cell.text.length > MAX_TEXT) {
        throw badCell(where, `文字超过 Excel 单元格上限 ${MAX_TEXT} 个字符`, `the text is longer than Excel's ${MAX_TEXT}-character cell limit`);
      }
      return `<c r="${ref}"${sa} t="inlineStr">${textXml(cell.text)}</c>`;
    }
    case 'number': {
      const v = numberText(cell.value);
      if (v === undefined) return `<c r="${ref}"${sa} t="e"><v>#NUM!</v></c>`;
      return `<c r="${ref}"${sa}><v>${v}</v></c>`;
    }
    case 'bool':
      return `<c r="${ref}"${sa} t="b"><v>${cell.value ? 1 : 0}</v></c>`;
    case 'formula': {
      let f = stripIllegal(cell.formula);
      if (f.startsWith('=')) f = f.slice(1);
      if (f.length === 0) throw badCell(where, '公式为空', 'the formula is empty');
      if (f.length > MAX_FORMULA) {
        throw badCell(where, `公式超过 Excel 上限 ${MAX_FORMULA} 个字符`, `the formula is longer than Excel's ${MAX_FORMULA}-character limit`);
      }
      const fx = `<f>${escapeText(f)}</f>`;
      return `<c r="${ref}"${sa}${cachedXml(fx, cell.cached)}</c>`;
    }
    case 'fill': {
      let fx: string;
      if (shared && shared.ref === undefined) fx = `<f t="shared" si="${shared.si}"/>`;
      else {
        if (!shared) checkFill(cell.fill, row, row, () => where);
        const text = escapeText(formulaAtShift(templateOf(cell.fill), row - cell.fill.row));
        fx = shared ? `<f t="shared" ref="${shared.ref}" si="${shared.si}">${text}</f>` : `<f>${text}</f>`;
      }
      return `<c r="${ref}"${sa}${cachedXml(fx, cell.cached)}</c>`;
    }
  }
}

/** The type attribute and content for a formula with its cached value. */
function cachedXml(fx: string, cached: CellValue | undefined): string {
  if (cached === undefined || cached === null) return `>${fx}`;
  if (typeof cached === 'number') {
    const v = numberText(cached);
    return v === undefined ? ` t="e">${fx}<v>#NUM!</v>` : `>${fx}<v>${v}</v>`;
  }
  if (typeof cached === 'boolean') return ` t="b">${fx}<v>${cached ? 1 : 0}</v>`;
  if (ERROR_VALUES.has(cached)) return ` t="e">${fx}<v>${cached}</v>`;
  return ` t="str">${fx}<v>${cellText(cached.slice(0, MAX_TEXT))}</v>`;
}
