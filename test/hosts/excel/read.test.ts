/**
 * ExcelHost reads: the used range (values only) with its offset, empty sheets, error values,
 * and large sheets in row blocks that stay under the request budget and Excel's caps.
 */
import { ExcelHost, ExcelHostError } from '../../../src/hosts/excel';
import { FakeWorkbook, fakeRun } from '../../support/fakeExcel';
import { makeCustomerSheet } from '../../fixtures/customers';

const FOUR_MB = 4 * 1024 * 1024;

function hostFor(wb: FakeWorkbook, limits = {}): ExcelHost {
  return new ExcelHost(fakeRun(wb), { limits });
}

let customers: ReturnType<typeof makeCustomerSheet> | undefined;

/** A sheet of about `rows` customers (title and header above), as a planner keeps it. Built once, sliced. */
function customerWorkbook(rows: number): FakeWorkbook {
  customers ??= makeCustomerSheet({ count: 100_000, seed: 7, language: 'zh', products: 2, messy: true });
  const wb = FakeWorkbook.create(['客户']);
  wb.setValues('客户', 'A1', customers.values.slice(0, rows + 3));
  return wb;
}

describe('ExcelHost.readSheet', () => {
  test('returns the used range with where it starts (C5), errors as their text', async () => {
    const wb = FakeWorkbook.create(['Sheet1', 'Data']);
    wb.setValues('Data', 'C5', [
      ['客户名称', '城市', '潜力'],
      ['工行西安分行', '西安', 350],
      ['=1+1', null, '#N/A'],
      [true, '', 0],
    ]);
    wb.setFormula('Data', 'E8', '=SUM(E6:E7)', 350);
    const read = await hostFor(wb).readSheet('data');
    expect(read).toEqual({
      name: 'data',
      firstRow: 5,
      firstColumn: 3,
      values: [
        ['客户名称', '城市', '潜力'],
        ['工行西安分行', '西安', 350],
        ['=1+1', '', '#N/A'],
        [true, '', 350],
      ],
    });
    // One sync for the address and size, one for the only block.
    expect(wb.syncCount).toBe(2);
    expect(wb.requests[0].responseBytes).toBeLessThan(200);
  });

  test('an empty sheet reads as no rows, in one sync', async () => {
    const wb = FakeWorkbook.create(['Empty']);
    wb.setNumberFormat('Empty', 'B2:C3', '@'); // formats alone do not make cells "used" for values
    const read = await hostFor(wb).readSheet('Empty');
    expect(read).toEqual({ name: 'Empty', values: [], firstRow: 1, firstColumn: 1 });
    expect(wb.syncCount).toBe(1);
  });

  test('a missing sheet is a plain ExcelHostError that keeps Excel\'s code', async () => {
    const wb = FakeWorkbook.create(['A']);
    const err = await hostFor(wb).readSheet('Nope').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExcelHostError);
    expect(err).toMatchObject({ step: 'read', sheet: 'Nope', cause: { code: 'ItemNotFound' } });
  });

  test('100,000 rows: row blocks under 4 MB, syncs only per block; 25k and 50k for comparison', async () => {
    const syncs: number[] = [];
    for (const rows of [25_000, 50_000, 100_000]) {
      const wb = customerWorkbook(rows);
      const progress: number[] = [];
      const read = await hostFor(wb).readSheet('客户', (done) => progress.push(done));
      const expected = wb.usedValues('客户');
      expect(read.values.length).toBe(expected.values.length);
      // JSON comparison: jest's deep equality takes seconds on a million cells.
      expect(JSON.stringify(read.values) === JSON.stringify(expected.values)).toBe(true);
      expect(read.firstRow).toBe(1);
      expect(Math.max(...wb.requests.map((r) => r.bytes))).toBeLessThanOrEqual(FOUR_MB);
      const totalBytes = wb.requests.reduce((s, r) => s + r.responseBytes, 0);
      // First sync: the size; then as many blocks as the bytes need (the first one sized by a guess).
      expect(wb.syncCount).toBeLessThanOrEqual(2 + Math.ceil(totalBytes / 2_600_000));
      expect(progress[progress.length - 1]).toBe(expected.values.length);
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
      syncs.push(wb.syncCount);
    }
    // Syncs grow with the blocks, never per row.
    expect(syncs[2]).toBeGreaterThan(syncs[0]);
    expect(syncs[2]).toBeLessThan(12);
  });

  test('wide sheets: a block never asks for more cells than the cap', async () => {
    const wb = FakeWorkbook.create(['Wide']);
    const row = Array.from({ length: 300 }, (_, j) => j);
    wb.setValues('Wide', 'A1', Array.from({ length: 2_000 }, () => row));
    await hostFor(wb, { readCells: 100_000 }).readSheet('Wide');
    expect(Math.max(...wb.requests.map((r) => r.cellsRead))).toBeLessThanOrEqual(100_000);
    expect(wb.syncCount).toBe(1 + Math.ceil(2_000 / Math.floor(100_000 / 300)));
  });

  test('a block Excel refuses as too large is read again in smaller blocks', async () => {
    const wb = FakeWorkbook.create(['Long']);
    // Long texts make the guessed first block far too large for this (lowered) response cap.
    wb.setValues('Long', 'A1', Array.from({ length: 3_000 }, (_, i) => [`${i} ${'长文本'.repeat(200)}`]));
    wb.limits.responseBytes = 1_000_000;
    const read = await hostFor(wb, { readBudget: 900_000 }).readSheet('Long');
    expect(read.values.length).toBe(3_000);
    expect(read.values[2_999][0]).toMatch(/^2999 /);
    const failed = wb.requests.filter((r) => r.failed);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((r) => r.failed === 'ResponsePayloadSizeLimitExceeded')).toBe(true);
  });
});

describe('ExcelHost.listSheets and listNames', () => {
  test('sheets with visibility, names with refs and hidden flags', async () => {
    const wb = FakeWorkbook.create(['客户', 'Hidden']);
    wb.sheet('Hidden').visibility = 'VeryHidden';
    wb.addName('ABC_Cities', "='ABC 设置'!$B$3:$B$40");
    wb.addName('ABC_Sheet_Summary', "='ABC 汇总'!$A$1", { visible: false });
    const host = hostFor(wb);
    expect(await host.listSheets()).toEqual([
      { name: '客户', visible: true },
      { name: 'Hidden', visible: false },
    ]);
    expect(await host.listNames()).toEqual([
      { name: 'ABC_Cities', ref: "'ABC 设置'!$B$3:$B$40" },
      { name: 'ABC_Sheet_Summary', ref: "'ABC 汇总'!$A$1", hidden: true },
    ]);
    expect(await host.activeSheetName()).toBe('客户');
  });
});
