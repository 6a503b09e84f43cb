/**
 * readAreas, the few cells that prove a sheet ours, in both hosts: the values asked for, from
 * one read; the .xlsx host reads a sheet's part only down to the last row asked for.
 */
import { ExcelHost } from '../../src/hosts/excel';
import { openXlsx } from '../../src/hosts/xlsx';
import { openPackage } from '../../src/hosts/xlsx/package';
import { readSharedStrings } from '../../src/hosts/xlsx/sharedStrings';
import { readSheetValues } from '../../src/hosts/xlsx/sheetReader';
import { customerRows, valuesWorkbook } from '../fixtures/xlsxBuilder';
import { FakeWorkbook, fakeRun } from '../support/fakeExcel';

const rows = customerRows(2000);
const cellAt = (values: unknown[][], firstRow: number, firstColumn: number, row: number, column: number) => values[row - firstRow]?.[column - firstColumn] ?? null;

test('.xlsx: the cells asked for, each sheet read once down to the last row asked for', async () => {
  const wb = openXlsx(valuesWorkbook([{ name: 'Big', values: rows }, { name: 'Small', values: [['t'], ['n']] }]));
  const areas = [
    { sheet: 'Big', firstRow: 1, firstColumn: 1, lastRow: 2, lastColumn: 1 },
    { sheet: 'big', firstRow: 3, firstColumn: 2, lastRow: 3, lastColumn: 4 },
    { sheet: 'Small', firstRow: 1, firstColumn: 1, lastRow: 2, lastColumn: 1 },
    { sheet: 'Gone', firstRow: 1, firstColumn: 1, lastRow: 2, lastColumn: 1 },
  ];
  const got = await wb.readAreas(areas);
  expect(got.map((g) => g.name)).toEqual(['Big', 'Big', 'Small']);
  for (const [i, a] of areas.slice(0, 2).entries()) {
    const g = got[i]!;
    for (let r = a.firstRow; r <= a.lastRow; r++) {
      for (let c = a.firstColumn; c <= a.lastColumn; c++) expect(cellAt(g.values, g.firstRow, g.firstColumn, r, c)).toEqual(rows[r - 1]![c - 1]);
    }
    expect(g.values.length).toBeLessThanOrEqual(3);
  }
  expect(got[2]!.values).toEqual([['t'], ['n']]);
});

test('the sheet reader stops at the first row past lastRow, with the same values above it', () => {
  const pkg = openPackage(valuesWorkbook([{ name: 'Big', values: rows }]));
  const entry = pkg.archive.get(pkg.sheets[0]!.part)!;
  const sst = () => readSharedStrings(pkg.archive, pkg.archive.get(pkg.sharedStringsPart!)!);
  const whole = readSheetValues(pkg.archive, entry, { sharedStrings: sst });
  const top = readSheetValues(pkg.archive, entry, { sharedStrings: sst, lastRow: 5 });
  expect(whole.values.length).toBe(2001);
  expect(top.values.length).toBe(6); // rows 1–5, and row 6 where it stopped
  expect(top.values.slice(0, 5)).toEqual(whole.values.slice(0, 5));
});

test('Excel host: every area in one sync', async () => {
  const fake = FakeWorkbook.create(['Big', 'Small']);
  fake.setValues('Big', 'A1', rows.slice(0, 50) as (string | number | boolean | null)[][]);
  fake.setValues('Small', 'A1', [['t'], ['n']]);
  const host = new ExcelHost(fakeRun(fake));
  const before = fake.requests.length;
  const got = await host.readAreas([
    { sheet: 'Big', firstRow: 3, firstColumn: 2, lastRow: 3, lastColumn: 4 },
    { sheet: 'Small', firstRow: 1, firstColumn: 1, lastRow: 2, lastColumn: 1 },
  ]);
  expect(fake.requests.length - before).toBe(1);
  expect(got).toEqual([
    { name: 'Big', values: [rows[2]!.slice(1, 4)], firstRow: 3, firstColumn: 2 },
    { name: 'Small', values: [['t'], ['n']], firstRow: 1, firstColumn: 1 },
  ]);
});
