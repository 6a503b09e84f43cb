/**
 * Writes a new worksheet part for a SheetSpec, in chunks (a 100,000-row sheet never becomes
 * one string): tab colour, frozen panes, column widths, then the rows.
 */
import type { SheetSpec } from '../../spec/write';
import { columnLetter } from '../../engine/a1';
import { formatArea } from './cellRef';
import { cellXml } from './cellXml';
import { SharedRuns } from './sharedFormulas';
import type { StyleBook } from './styles';
import { XlsxError } from './errors';
import { TRANSITIONAL, type OoxmlNamespaces } from './conformance';

/** Column widths as `<cols>`, merging runs of equal widths. Widths are in characters. */
export function colsXml(widths: (number | undefined)[], firstColumn = 1): string {
  const parts: string[] = [];
  let i = 0;
  while (i < widths.length) {
    const w = widths[i];
    if (w === undefined || !Number.isFinite(w) || w <= 0) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < widths.length && widths[j + 1] === w) j++;
    parts.push(`<col min="${firstColumn + i}" max="${firstColumn + j}" width="${colWidth(w)}" customWidth="1"/>`);
    i = j + 1;
  }
  return parts.join('');
}

/** Excel's stored width for a width in characters (adds the cell padding, max 255). */
export function colWidth(chars: number): number {
  return Math.min(255, Math.round((chars + 0.71) * 256) / 256);
}

/** `namespaces`: the workbook's conformance class (the package's `namespaces`), so that a Strict workbook gets a Strict sheet. */
export function writeSheetXml(spec: SheetSpec, styles: StyleBook, emit: (text: string) => void, namespaces: OoxmlNamespaces = TRANSITIONAL): void {
  const rows = spec.rows;
  let width = 0;
  let lastRow = 0;
  rows.forEach((r, i) => {
    if (r.some((c) => c !== null && c !== undefined)) lastRow = i + 1;
    if (r.length > width) width = r.length;
  });
  const dim = lastRow && width ? formatArea({ firstRow: 1, firstColumn: 1, lastRow, lastColumn: width }) : 'A1';

  let head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="${namespaces.spreadsheetml}" xmlns:r="${namespaces.relationships}">`;
  if (spec.tabColor) {
    const rgb = spec.tabColor.replace(/^#/, '').toUpperCase();
    if (!/^[0-9A-F]{6}$/.test(rgb)) {
      throw new XlsxError('bad-write', `工作表“${spec.name}”的标签颜色应为 RRGGBB，而不是 ${spec.tabColor}`, `The tab colour of sheet "${spec.name}" must be RRGGBB, not ${spec.tabColor}`);
    }
    head += `<sheetPr><tabColor rgb="FF${rgb}"/></sheetPr>`;
  }
  head += `<dimension ref="${dim}"/>`;
  head += `<sheetViews><sheetView workbookViewId="0">${paneXml(spec.freeze)}</sheetView></sheetViews>`;
  head += '<sheetFormatPr defaultRowHeight="15"/>';
  const cols = spec.columnWidths ? colsXml(spec.columnWidths) : '';
  if (cols) head += `<cols>${cols}</cols>`;
  head += '<sheetData>';
  emit(head);

  const sheetRef = spec.name;
  // A new sheet has no shared formulas of its own: ours are numbered from 0.
  const shared = new SharedRuns(sheetRef);
  shared.addBlock(rows, 1, 1);
  let buf: string[] = [];
  let size = 0;
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r]!;
    let rowXml = '';
    const rowNum = r + 1;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (cell === null || cell === undefined) continue;
      const ref = columnLetter(c + 1) + rowNum;
      const place = cell.kind === 'fill' ? shared.at(rowNum, c + 1) : undefined;
      rowXml += cellXml(ref, cell, styles.xf(cell.style), `${sheetRef}!${ref}`, rowNum, place);
    }
    if (!rowXml) continue;
    const line = `<row r="${rowNum}">${rowXml}</row>`;
    buf.push(line);
    size += line.length;
    if (size > 1 << 18) {
      emit(buf.join(''));
      buf = [];
      size = 0;
    }
  }
  if (buf.length) emit(buf.join(''));
  emit('</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>');
}

function paneXml(freeze: SheetSpec['freeze']): string {
  const rows = Math.max(0, Math.floor(freeze?.rows ?? 0));
  const cols = Math.max(0, Math.floor(freeze?.columns ?? 0));
  if (!rows && !cols) return '';
  const topLeft = columnLetter(cols + 1) + (rows + 1);
  const pane = rows && cols ? 'bottomRight' : rows ? 'bottomLeft' : 'topRight';
  let x = '<pane';
  if (cols) x += ` xSplit="${cols}"`;
  if (rows) x += ` ySplit="${rows}"`;
  x += ` topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>`;
  if (rows && cols) x += `<selection pane="topRight"/><selection pane="bottomLeft"/>`;
  x += `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/>`;
  return x;
}
