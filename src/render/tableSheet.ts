/**
 * One generated table sheet: a title, a note, a header row (frozen), body rows and an optional
 * total row whose amounts are SUM formulas over the cells above (cached with the engine's
 * totals), so a planner's edit in the body re-totals. Columns are sized to content.
 */
import { columnLetter } from '../engine/a1';
import { formula, num, text } from './cells';
import { TAB_COLOR } from './settingsSheet';
import { columnWidths } from './sizing';
import type { CellStyleId, SheetSpec, SpecCell } from '../spec/write';

/** Excel's limit for text in a cell; joined lists are cut to it. */
const MAX_CELL_TEXT = 32_767;

export const clip = (s: string): string => (s.length > MAX_CELL_TEXT ? s.slice(0, MAX_CELL_TEXT - 1) + '…' : s);

export interface TotalRow {
  label: string;
  /** Per column: the engine's total to cache under a SUM formula, or undefined for no total. */
  totals: (number | undefined)[];
  /** Per column: the style of the total (default 'total'). */
  styles?: (CellStyleId | undefined)[];
}

export interface TableSheetInput {
  name: string;
  title: string;
  notes: string[];
  headers: string[];
  body: SpecCell[][];
  total?: TotalRow;
  /** Rows after the table (a legend, key figures): not part of the SUMs. */
  after?: SpecCell[][];
  /** Columns frozen at the left (default 1). */
  freezeColumns?: number;
}

export function tableSheet(input: TableSheetInput): SheetSpec {
  const rows: SpecCell[][] = [[text(input.title, 'title')]];
  for (const n of input.notes) rows.push([text(n, 'note')]);
  const headerIndex = rows.length;
  rows.push(input.headers.map((h) => text(h, 'header')));
  const firstBody = rows.length + 1; // 1-based sheet row of the first body row
  // A loop, not rows.push(...body): a body of a million rows would overflow the stack.
  for (const row of input.body) rows.push(row);
  const lastBody = rows.length;
  if (input.total) {
    const t = input.total;
    const row: SpecCell[] = [text(t.label, 'totalLabel')];
    for (let c = 1; c < input.headers.length; c++) {
      const cached = t.totals[c];
      if (cached === undefined) {
        row.push(null);
        continue;
      }
      const style = t.styles?.[c] ?? 'total';
      const letter = columnLetter(c + 1);
      // An empty body has nothing to sum (and "C4:C3" would take in the header).
      row.push(lastBody >= firstBody ? formula(`SUM(${letter}${firstBody}:${letter}${lastBody})`, cached, style) : num(cached, style));
    }
    rows.push(row);
  }
  if (input.after?.length) {
    rows.push([]);
    for (const row of input.after) rows.push(row);
  }

  const skip = new Set<number>([0]);
  for (let i = 1; i < headerIndex; i++) skip.add(i);
  const widths = columnWidths(rows, { wrapRows: new Set([headerIndex]), skipRows: skip, wrapAt: 14, min: 6, max: 40 });
  return {
    name: input.name,
    rows,
    columnWidths: widths,
    freeze: { rows: headerIndex + 1, columns: input.freezeColumns ?? 1 },
    tabColor: TAB_COLOR,
  };
}
