/** How the Excel host draws the renderer's CellStyleIds: the looks every host shares. */
import { CELL_LOOKS } from '../../spec/looks';
import type { CellLook } from '../../spec/looks';
import type { CellStyleId, SpecCell } from '../../spec/write';

export type ExcelLook = CellLook;
export const LOOKS: Record<CellStyleId, ExcelLook> = CELL_LOOKS;

/** Text is always "@": a value written to a text cell is never parsed (no formula injection). */
export const TEXT_FORMAT = '@';
export const GENERAL_FORMAT = 'General';

/** The number format a cell needs; undefined when General will do. */
export function numberFormatOf(cell: SpecCell): string | undefined {
  if (!cell) return undefined;
  if (cell.kind === 'text') return TEXT_FORMAT;
  return cell.style ? LOOKS[cell.style].numberFormat : undefined;
}

/** True when the style sets more than a number format (font, fill, wrapping). */
export function hasFontLook(style: CellStyleId | undefined): style is CellStyleId {
  if (!style) return false;
  const l = LOOKS[style];
  return l.bold !== undefined || l.italic !== undefined || l.size !== undefined || l.color !== undefined || l.fill !== undefined || l.wrap !== undefined;
}

/**
 * Office.js column widths are in points; the spec's are in characters of the default font
 * (Calibri 11: 7 px per digit plus 5 px of padding, 96 px = 72 pt).
 */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}
