/**
 * One SpecCell as SpreadsheetML: text as an inline string (never a formula), numbers,
 * booleans, and formulas with an optional cached result.
 */
import type { CellValue } from '../../engine/types';
import type { SpecCell } from '../../render/spec';
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

/**
 * The `<c>` element for a cell, or '' for null. `where` names the cell for error messages
 * (e.g. `ABC 汇总!B7`); `s` is the cellXfs index (0 = default, not written).
 */
export function cellXml(ref: string, cell: SpecCell, s: number, where: string): string {
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
