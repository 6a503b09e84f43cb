/** Shared helpers for renderer tests: turn specs into the values a host would read back. */
import type { CellValue } from '../../src/engine/types';
import { fillFormulaAt } from '../../src/spec/fillDown';
import type { SpecCell } from '../../src/spec/write';

/** What a host reads from a written cell: text, number, bool, or a formula's cached value. */
export function cellValue(cell: SpecCell | undefined): CellValue {
  if (!cell) return null;
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'number':
    case 'bool':
      return cell.value;
    case 'formula':
    case 'fill':
      return cell.cached ?? null;
  }
}

export function specValues(rows: readonly (readonly SpecCell[])[]): CellValue[][] {
  return rows.map((r) => r.map(cellValue));
}

/** The formula a cell in sheet row `row` holds (a fill-down cell's, shifted to its row); undefined for constants. */
export function formulaText(cell: SpecCell | undefined, row: number): string | undefined {
  if (!cell) return undefined;
  if (cell.kind === 'formula') return cell.formula;
  if (cell.kind === 'fill') return fillFormulaAt(cell.fill, row);
  return undefined;
}
