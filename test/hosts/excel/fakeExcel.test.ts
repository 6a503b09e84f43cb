/**
 * The strict fake behaves like Excel where the host depends on it: unloaded reads throw,
 * operations wait for sync, requests are counted and capped, failing syncs change nothing,
 * text written through values is parsed unless the cell is "@", renames follow references.
 */
import { FakeOfficeError, FakeWorkbook, fakeRun, installFakeExcel, mapSheetRefs, type FakeBatch } from '../../support/fakeExcel';

async function run<T>(wb: FakeWorkbook, batch: FakeBatch<T>): Promise<T> {
  return fakeRun(wb)(batch);
}

describe('fake Excel', () => {
  test('reading an unloaded property throws PropertyNotLoaded, also before the sync', async () => {
    const wb = FakeWorkbook.create(['Data']);
    wb.setValues('Data', 'A1', [[1, 'x']]);
    await run(wb, async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRange('A1:B1');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('values');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(range.values).toEqual([[1, 'x']]);
      expect(() => range.formulas).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  test('writes wait for sync; Excel.run sends what is left; syncs are counted', async () => {
    const wb = FakeWorkbook.create(['Data']);
    await run(wb, async (context) => {
      context.workbook.worksheets.getItem('Data').getRange('A1').values = [[5]];
      expect(wb.cell('Data', 'A1').value).toBeNull();
      await context.sync();
      expect(wb.cell('Data', 'A1').value).toBe(5);
      context.workbook.worksheets.getItem('Data').getRange('A2').values = [[6]];
    });
    expect(wb.cell('Data', 'A2').value).toBe(6);
    expect(wb.syncCount).toBe(2);
  });

  test('isNullObject is readable only after a sync', async () => {
    const wb = FakeWorkbook.create(['Data']);
    await run(wb, async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Nope');
      const there = context.workbook.worksheets.getItemOrNullObject('data');
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(there.isNullObject).toBe(false);
    });
  });

  test('strings become formulas, numbers and booleans unless the cell is text ("@")', async () => {
    const wb = FakeWorkbook.create(['Data']);
    await run(wb, async (context) => {
      const ws = context.workbook.worksheets.getItem('Data');
      ws.getRange('A1:F1').values = [['=1+1', '+A9', '-x', '00123', 'TRUE', 'plain']];
      ws.getRange('A2:F2').numberFormat = [['@', '@', '@', '@', '@', '@']];
      ws.getRange('A2:F2').values = [['=1+1', '+A9', '-x', '00123', 'TRUE', 'plain']];
      ws.getRange('G2').numberFormat = [['@']];
      ws.getRange('G2').formulas = [['=SUM(1)']];
      await context.sync();
    });
    expect(wb.cell('Data', 'A1').formula).toBe('=1+1');
    expect(wb.cell('Data', 'B1').formula).toBe('=+A9');
    expect(wb.cell('Data', 'C1').formula).toBe('=-x');
    expect(wb.cell('Data', 'D1').value).toBe(123);
    expect(wb.cell('Data', 'E1').value).toBe(true);
    expect(wb.cell('Data', 'F1').value).toBe('plain');
    for (const [col, text] of [['A', '=1+1'], ['B', '+A9'], ['C', '-x'], ['D', '00123'], ['E', 'TRUE'], ['G', '=SUM(1)']]) {
      expect(wb.cell('Data', `${col}2`)).toEqual({ value: text, numberFormat: '@' });
    }
  });

  test('a failing sync changes nothing; the syncs before it stay applied', async () => {
    const wb = FakeWorkbook.create(['Data']);
    wb.failSync(2, { code: 'GeneralException' });
    await expect(
      run(wb, async (context) => {
        const ws = context.workbook.worksheets.getItem('Data');
        ws.getRange('A1').values = [[1]];
        await context.sync();
        ws.getRange('A2').values = [[2]];
        context.workbook.worksheets.add('New');
        context.workbook.names.add('N', '=Data!$A$1');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'GeneralException', name: 'RichApi.Error' });
    expect(wb.cell('Data', 'A1').value).toBe(1);
    expect(wb.cell('Data', 'A2').value).toBeNull();
    expect(wb.sheets.map((s) => s.name)).toEqual(['Data']);
    expect(wb.names).toEqual([]);
    expect(wb.requests.map((r) => r.failed)).toEqual([undefined, 'GeneralException']);
  });

  test('a partial failure keeps the first half of the batch', async () => {
    const wb = FakeWorkbook.create(['Data']);
    wb.failSync(1, { partial: true });
    await expect(
      run(wb, async (context) => {
        const ws = context.workbook.worksheets.getItem('Data');
        for (let i = 1; i <= 4; i++) ws.getRange(`A${i}`).values = [[i]];
        await context.sync();
      }),
    ).rejects.toBeInstanceOf(FakeOfficeError);
    expect([1, 2, 3, 4].map((i) => wb.cell('Data', `A${i}`).value)).toEqual([1, 2, null, null]);
  });

  test('an operation Excel refuses fails its whole sync (ItemNotFound, ItemAlreadyExists, InvalidArgument)', async () => {
    const wb = FakeWorkbook.create(['Data']);
    const attempt = (batch: FakeBatch<void>) => run(wb, batch);
    await expect(attempt(async (c) => void (c.workbook.worksheets.getItem('Nope').getRange('A1').values = [[1]]))).rejects.toMatchObject({ code: 'ItemNotFound' });
    await expect(attempt(async (c) => void c.workbook.worksheets.add('data'))).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    await expect(attempt(async (c) => void (c.workbook.worksheets.getItem('Data').getRange('A1:B1').values = [[1]]))).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(attempt(async (c) => void (c.workbook.worksheets.getItem('Data').getRange('A1').formulas = [['=Nope!A1']]))).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(wb.snapshot()).toEqual(FakeWorkbook.create(['Data']).snapshot());
  });

  test('requests over 5 MB and reads over 5,000,000 cells are refused with Excel\'s codes', async () => {
    const wb = FakeWorkbook.create(['Data']);
    const big = Array.from({ length: 60_000 }, () => ['x'.repeat(90)]);
    await expect(
      run(wb, async (c) => {
        c.workbook.worksheets.getItem('Data').getRange('A1:A60000').values = big;
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(wb.requests[0].requestBytes).toBeGreaterThan(5 * 1024 * 1024);
    await expect(
      run(wb, async (c) => {
        const r = c.workbook.worksheets.getItem('Data').getRangeByIndexes(0, 0, 5001, 1000);
        r.load('values');
      }),
    ).rejects.toMatchObject({ code: 'RangeExceedsLimit' });
  });

  test('bytes are counted in UTF-8 JSON, both ways', async () => {
    const wb = FakeWorkbook.create(['Data']);
    await run(wb, async (c) => {
      const r = c.workbook.worksheets.getItem('Data').getRange('A1:B1');
      r.values = [['北京', 1]];
      await c.sync();
      r.load('values');
      await c.sync();
    });
    // [["北京",1]] is 2 + 1 + 8 + 1 + 1 + 1 = 14 bytes; plus the operation overhead.
    expect(wb.requests[0].requestBytes - 64).toBe(14);
    expect(wb.requests[1].responseBytes).toBe(14);
  });

  test('renaming a sheet rewrites references; deleting it makes them #REF!', async () => {
    const wb = FakeWorkbook.create(['Data', 'Other']);
    wb.setFormula('Other', 'A1', "=Data!A1+'Data'!$B$2&\"Data!A1\"");
    wb.addName('N', '=Data!$A$1:$B$2');
    await run(wb, async (c) => {
      c.workbook.worksheets.getItem('Data').name = 'My data';
    });
    expect(wb.cell('Other', 'A1').formula).toBe("='My data'!A1+'My data'!$B$2&\"Data!A1\"");
    expect(wb.names[0].formula).toBe("='My data'!$A$1:$B$2");
    await run(wb, async (c) => {
      c.workbook.worksheets.getItem('My data').delete();
    });
    expect(wb.cell('Other', 'A1').formula).toBe('=#REF!+#REF!&"Data!A1"');
    expect(wb.names[0].formula).toBe('=#REF!');
    expect(mapSheetRefs("=SUM('a''b'!A:A)", () => 'c d')).toBe("=SUM('c d'!A:A)");
  });

  test('installFakeExcel puts Excel and OfficeExtension on a global object and takes them away', async () => {
    const g: Record<string, unknown> = {};
    const wb = FakeWorkbook.create(['S']);
    const uninstall = installFakeExcel(g, wb);
    const excel = g.Excel as { run: (b: FakeBatch<string>) => Promise<string> };
    const name = await excel.run(async (c) => {
      const ws = c.workbook.worksheets.getItem('S');
      ws.load('name');
      await c.sync();
      return ws.name;
    });
    expect(name).toBe('S');
    expect(new (g.OfficeExtension as { Error: typeof FakeOfficeError }).Error('X', 'y')).toBeInstanceOf(FakeOfficeError);
    uninstall();
    expect(g).toEqual({});
  });
});
