/**
 * Property: writing a ColumnBlock into any sparse sheet gives exactly the old values with the
 * block laid over them (null clears), and every other cell keeps its value.
 */
import fc from 'fast-check';
import type { CellValue } from '../../../src/engine/types';
import type { FillDown, SpecCell } from '../../../src/spec/write';
import { openXlsx } from '../../../src/hosts/xlsx';
import { valuesWorkbook } from '../../fixtures/xlsxBuilder';
import { emptyWrite } from './helpers';

const value = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -1000, max: 1000 }),
  fc.string({ maxLength: 6 }).filter((s) => s.length > 0 && !s.startsWith('#') && s.trim() === s),
  fc.boolean(),
);
const FILL_A: FillDown = { formula: 'A1*2', row: 1 };
const FILL_B: FillDown = { formula: 'SUM($A5:B$1)&"C3"', row: 3 };
const specCell: fc.Arbitrary<SpecCell> = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -1000, max: 1000 }).map((v) => ({ kind: 'number' as const, value: v })),
  fc.string({ maxLength: 6 }).map((t) => ({ kind: 'text' as const, text: t })),
  fc.boolean().map((v) => ({ kind: 'bool' as const, value: v })),
  // Fill-down cells of two formulas: runs of them become shared formulas, cut by anything else.
  fc.tuple(fc.constantFrom(FILL_A, FILL_B), fc.integer({ min: -50, max: 50 })).map(([fill, cached]) => ({ kind: 'fill' as const, fill, cached })),
  fc.tuple(fc.constantFrom(FILL_A, FILL_B), fc.integer({ min: -50, max: 50 })).map(([fill, cached]) => ({ kind: 'fill' as const, fill, cached })),
);

function specValue(c: SpecCell): CellValue {
  if (c === null) return null;
  if (c.kind === 'text') return c.text;
  if (c.kind === 'formula' || c.kind === 'fill') return c.cached ?? null;
  return c.value;
}

test('a column block lands exactly where it says, whatever the sheet holds', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.array(value, { maxLength: 8 }), { minLength: 1, maxLength: 12 }),
      fc.integer({ min: 1, max: 14 }),
      fc.integer({ min: 1, max: 10 }),
      fc.array(fc.array(specCell, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 14 }),
      async (grid, firstRow, firstColumn, cells) => {
        // Make sure the sheet is not empty (a workbook writer would not write a blank sheet).
        const rows = grid.map((r) => r.slice());
        rows[0]![0] = 'h';
        const wb = openXlsx(valuesWorkbook([{ name: 'S', values: rows }]));
        await wb.apply(emptyWrite({ columns: [{ sheet: 'S', firstRow, firstColumn, cells }] }));

        // Expected model: a map of "row,col" → value.
        const model = new Map<string, CellValue>();
        rows.forEach((r, i) => r.forEach((v, j) => v !== null && model.set(`${i + 1},${j + 1}`, v)));
        cells.forEach((r, i) =>
          r.forEach((c, j) => {
            const key = `${firstRow + i},${firstColumn + j}`;
            const v = specValue(c);
            if (v === null) model.delete(key);
            else model.set(key, v);
          }),
        );
        const s = await wb.readSheet('S');
        const got = new Map<string, CellValue>();
        s.values.forEach((r, i) => r.forEach((v, j) => v !== null && got.set(`${s.firstRow + i},${s.firstColumn + j}`, v)));
        expect(got).toEqual(model);
      },
    ),
    { numRuns: 150 },
  );
});
