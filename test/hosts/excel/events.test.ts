/**
 * What the pane needs besides reads and writes: hearing about a coauthor's edits to the
 * settings sheet, selecting an issue's cell, opening a generated sheet; and the default
 * Excel.run (the global `Excel`, here the fake installed as it will be in the browser test).
 */
import { ExcelHost, ExcelHostError, describeOfficeError, type SheetChange } from '../../../src/hosts/excel';
import { FakeWorkbook, activeOf, fakeRun, handlerCount, installFakeExcel } from '../../support/fakeExcel';

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('ExcelHost.onSheetChanged', () => {
  test('a coauthor\'s edit reaches the handler as "remote"; our writes as "local"; unsubscribe stops it', async () => {
    const wb = FakeWorkbook.create(['客户', 'ABC 设置']);
    const host = new ExcelHost(fakeRun(wb));
    const changes: SheetChange[] = [];
    const stop = await host.onSheetChanged('ABC 设置', (c) => changes.push(c));
    expect(handlerCount(wb, 'ABC 设置')).toBe(1);

    wb.editCell('ABC 设置', 'B7', 600);
    await settle();
    expect(changes).toEqual([{ sheet: 'ABC 设置', address: 'B7', source: 'remote', changeType: 'RangeEdited' }]);

    await host.apply({ removeSheets: [], addSheets: [], columns: [{ sheet: 'ABC 设置', firstRow: 3, firstColumn: 2, cells: [[{ kind: 'number', value: 1 }]] }], removeNames: [], addNames: [] });
    await settle();
    expect(changes.slice(1).every((c) => c.source === 'local')).toBe(true);
    expect(changes.length).toBeGreaterThan(1);

    await stop();
    await stop(); // twice is harmless
    expect(handlerCount(wb, 'ABC 设置')).toBe(0);
    const seen = changes.length;
    wb.editCell('ABC 设置', 'B8', 1);
    await settle();
    expect(changes.length).toBe(seen);
    // Edits on other sheets never reach it.
    wb.editCell('客户', 'A1', 'x');
    await settle();
    expect(changes.length).toBe(seen);
  });

  test('subscribing to a missing sheet is a plain error', async () => {
    const wb = FakeWorkbook.create(['客户']);
    const error = await new ExcelHost(fakeRun(wb)).onSheetChanged('ABC 设置', () => undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelHostError);
    expect(describeOfficeError(error).messageEn).toMatch(/^While watching sheet “ABC 设置” for changes: a sheet or name that was needed is missing/);
  });
});

describe('ExcelHost.selectCell and activateSheet', () => {
  test('the issue list selects the cell; summary links open the sheet', async () => {
    const wb = FakeWorkbook.create(['客户', 'ABC 汇总']);
    const host = new ExcelHost(fakeRun(wb));
    await host.selectCell('客户', 'D7');
    expect(activeOf(wb)).toEqual({ sheet: '客户', selection: { sheet: '客户', address: 'D7' } });
    await host.activateSheet('ABC 汇总');
    expect(activeOf(wb).sheet).toBe('ABC 汇总');
    expect(await host.activeSheetName()).toBe('ABC 汇总');
    await expect(host.selectCell('客户', 'not an address')).rejects.toBeInstanceOf(ExcelHostError);
  });
});

describe('the default Excel.run', () => {
  test('uses the global Excel when one is installed, and says "not in Excel" when none is', async () => {
    const wb = FakeWorkbook.create(['Data']);
    wb.setValues('Data', 'B2', [[1, 2]]);
    const uninstall = installFakeExcel(globalThis as unknown as Record<string, unknown>, wb);
    try {
      const read = await new ExcelHost().readSheet('Data');
      expect(read).toMatchObject({ firstRow: 2, firstColumn: 2, values: [[1, 2]] });
    } finally {
      uninstall();
    }
    const error = await new ExcelHost().readSheet('Data').catch((e: unknown) => e);
    expect(describeOfficeError(error).kind).toBe('not-in-excel');
  });
});
