/**
 * What each CellStyleId looks like, once for every host: the Excel host sets these through
 * Office.js, the .xlsx host writes them as cellXfs. Colours are #RRGGBB.
 */
import type { CellStyleId } from './write';

export interface CellLook {
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  /** Font colour, #RRGGBB. */
  color?: string;
  /** Fill colour, #RRGGBB. */
  fill?: string;
  wrap?: boolean;
}

export const CELL_LOOKS: Record<CellStyleId, CellLook> = {
  header: { bold: true, fill: '#DDEBF7', wrap: true },
  title: { bold: true, size: 14 },
  wan: { numberFormat: '#,##0.00' },
  wanInt: { numberFormat: '#,##0' },
  percent: { numberFormat: '0.0%' },
  total: { bold: true, numberFormat: '#,##0.00' },
  totalLabel: { bold: true },
  note: { italic: true, color: '#808080' },
};
