/**
 * ExcelHost.apply on the strict fake: a full planned write lands as specified; user text stays
 * text; a re-run replaces what the last run generated without duplicates; a failure at any
 * sync (whole or in part) leaves the workbook exactly as it was; problems found up front
 * change nothing; large writes stay under 4 MB a request with recalculation suspended.
 */
import { columnLetter } from '../../../src/engine/a1';
import { ExcelHost, ExcelHostError, describeOfficeError } from '../../../src/hosts/excel';
import { Grid } from '../../../src/hosts/excel/grid';
import { charsToPoints } from '../../../src/hosts/excel/styles';
import { text } from '../../../src/render/cells';
import { fillFormulaAt } from '../../../src/spec/fillDown';
import type { SheetSpec, SpecCell, WorkbookWrite } from '../../../src/spec/write';
import type { FakeWorkbook } from '../../support/fakeExcel';
import { CUSTOMER_SHEET, INJECTIONS, customerWorkbook, hostFor, plainCustomerWorkbook, plannedWrite, syntheticWrite } from './helpers';

const FOUR_MB = 4 * 1024 * 1024;
/** Small budgets so a few hundred customers take many blocks (and many syncs to fail at). */
const SMALL = { writeBudget: 24_000, readBudget: 16_000 };

const LOOK_NUMBER_FORMATS: Record<string, string> = { wan: '#,##0.00', wanInt: '#,##0', percent: '0.0%', total: '#,##0.00' };

function expectCellAsSpec(wb: FakeWorkbook, sheet: string, address: string, cell: SpecCell): void {
  const got = wb.cell(sheet, address);
  if (!cell) {
    expect({ address, value: got.value, formula: got.formula }).toEqual({ address, value: null, formula: undefined });
    return;
  }
  const nf = cell.kind === 'text' ? '@' : (cell.style && LOOK_NUMBER_FORMATS[cell.style]) || 'General';
  switch (cell.kind) {
    case 'text':
      // Excel cannot hold an empty string: writing "" leaves the cell empty.
      expect({ address, value: got.value, formula: got.formula, nf: got.numberFormat }).toEqual({ address, value: cell.text === '' ? null : cell.text, formula: undefined, nf });
      break;
    case 'number':
    case 'bool':
      expect({ address, value: got.value, nf: got.numberFormat }).toEqual({ address, value: cell.value, nf });
      break;
    case 'formula':
      expect({ address, formula: got.formula, nf: got.numberFormat }).toEqual({ address, formula: `=${cell.formula}`, nf });
      break;
    case 'fill':
      // Expanded to this row's formula.
      expect({ address, formula: got.formula, nf: got.numberFormat }).toEqual({ address, formula: `=${fillFormulaAt(cell.fill, Number(/\d+$/.exec(address)![0]))}`, nf });
      break;
  }
}

function a1(row1: number, col1: number): string {
  return `${columnLetter(col1)}${row1}`;
}

function expectSheetAsSpec(wb: FakeWorkbook, spec: SheetSpec): void {
  spec.rows.forEach((row, i) => row.forEach((cell, j) => expectCellAsSpec(wb, spec.name, a1(i + 1, j + 1), cell)));
}

describe('ExcelHost.apply: a planned workbook', () => {
  test('every generated sheet, tag column and name lands as the renderer specified', async () => {
    const wb = customerWorkbook(300);
    const host = hostFor(wb);
    const write = await plannedWrite(host);
    expect(write.addSheets.length).toBeGreaterThanOrEqual(6);
    expect(write.columns.length).toBe(1);

    const progress: [number, number][] = [];
    const before = wb.syncCount;
    await host.apply(write, (done, total) => progress.push([done, total]));
    const syncs = wb.syncCount - before;
    expect(host.lastApply).toEqual({ syncs, rollbackSyncs: 0 });
    // prepare, snapshot of the tag columns, the writes (one request here), the swap and formulas.
    expect(syncs).toBeLessThanOrEqual(5);
    expect(progress[progress.length - 1][0]).toBe(progress[progress.length - 1][1]);

    expect(wb.sheets.map((s) => s.name)).toEqual(['说明', CUSTOMER_SHEET, ...write.addSheets.map((s) => s.name)]);
    for (const spec of write.addSheets) {
      expectSheetAsSpec(wb, spec);
      const sheet = wb.sheet(spec.name);
      expect(sheet.tabColor).toBe(spec.tabColor ? `#${spec.tabColor.toUpperCase()}` : '');
      expect(sheet.freeze).toEqual({ rows: spec.freeze?.rows ?? 0, columns: spec.freeze?.columns ?? 0 });
      (spec.columnWidths ?? []).forEach((w, j) => expect(sheet.widths.get(j) ?? 48).toBeCloseTo(charsToPoints(w), 2));
    }
    const block = write.columns[0];
    block.cells.forEach((row, i) => row.forEach((cell, j) => expectCellAsSpec(wb, CUSTOMER_SHEET, a1(block.firstRow + i, block.firstColumn + j), cell)));
    expect(wb.cell(CUSTOMER_SHEET, a1(block.firstRow, block.firstColumn)).style).toEqual({ bold: true, fill: '#DDEBF7', wrap: true });

    const names = new Map(wb.names.map((n) => [n.name, n]));
    for (const n of write.addNames) {
      expect(names.get(n.name)).toEqual({ name: n.name, formula: `=${n.ref}`, visible: !n.hidden, comment: n.comment ?? '' });
    }
    expect(names.get('MyCustomers')?.formula).toBe(`='${CUSTOMER_SHEET}'!$A$3:$I$10`);
    expect(wb.sheets.some((s) => s.name.startsWith('~'))).toBe(false);
  });

  test('a re-run replaces the generated sheets, names and tag columns in place, without duplicates', async () => {
    const wb = customerWorkbook(200);
    const host = hostFor(wb);
    await host.apply(await plannedWrite(host));
    const first = { sheets: wb.sheets.map((s) => s.name), ids: wb.sheets.map((s) => s.id), names: wb.names.map((n) => n.name).sort() };
    const userSheets = JSON.stringify([wb.snapshot()].map((s) => (s as { sheets: { name: string }[] }).sheets.filter((x) => x.name === '说明')));

    const second = await plannedWrite(host);
    expect(second.removeSheets.length).toBe(first.sheets.length - 2);
    await host.apply(second);
    expect(wb.sheets.map((s) => s.name)).toEqual(first.sheets);
    // The generated sheets are new ones (new ids); the user's keep theirs.
    expect(wb.sheets.slice(0, 2).map((s) => s.id)).toEqual(first.ids.slice(0, 2));
    expect(wb.sheets.slice(2).every((s) => !first.ids.includes(s.id))).toBe(true);
    expect(wb.names.map((n) => n.name).sort()).toEqual(first.names);
    expect(second.columns[0].firstColumn).toBeGreaterThan(0);
    const block = second.columns[0];
    block.cells.forEach((row, i) => row.forEach((cell, j) => expectCellAsSpec(wb, CUSTOMER_SHEET, a1(block.firstRow + i, block.firstColumn + j), cell)));
    // Nothing right of the tag block: no second set.
    const used = wb.usedValues(CUSTOMER_SHEET);
    expect(used.firstColumn + used.values[0].length - 1).toBe(block.firstColumn + block.cells[0].length - 1);
    expect(JSON.stringify([wb.snapshot()].map((s) => (s as { sheets: { name: string }[] }).sheets.filter((x) => x.name === '说明')))).toBe(userSheets);
    // Names still point at the new sheets (none at #REF!).
    expect(wb.names.filter((n) => n.formula.includes('#REF!'))).toEqual([]);
  });
});

describe('ExcelHost.apply: user text stays text', () => {
  test('strings Excel would parse are written as text, on new sheets and in tag columns', async () => {
    const wb = customerWorkbook(20);
    const row: SpecCell[] = INJECTIONS.map((s) => text(s));
    const write: WorkbookWrite = {
      removeSheets: [],
      addSheets: [{ name: 'ABC 问题', rows: [row, INJECTIONS.map((s) => text(s, 'header'))] }],
      columns: [{ sheet: CUSTOMER_SHEET, firstRow: 30, firstColumn: 20, cells: [row] }],
      removeNames: [],
      addNames: [],
    };
    await hostFor(wb).apply(write);
    INJECTIONS.forEach((s, j) => {
      for (const [sheet, address] of [
        ['ABC 问题', a1(1, j + 1)],
        ['ABC 问题', a1(2, j + 1)],
        [CUSTOMER_SHEET, a1(30, 20 + j)],
      ]) {
        const cell = wb.cell(sheet, address);
        expect({ address, value: cell.value, formula: cell.formula, numberFormat: cell.numberFormat }).toEqual({ address, value: s, formula: undefined, numberFormat: '@' });
      }
    });
  });

  test('a formula cell is never left formatted as text (a re-run over text tags)', async () => {
    const wb = customerWorkbook(20);
    wb.setNumberFormat(CUSTOMER_SHEET, 'T3', '@');
    wb.setValues(CUSTOMER_SHEET, 'T3', [['=old text']]);
    await hostFor(wb).apply({ removeSheets: [], addSheets: [], columns: [{ sheet: CUSTOMER_SHEET, firstRow: 3, firstColumn: 20, cells: [[{ kind: 'formula', formula: 'LEN(A3)' }]] }], removeNames: [], addNames: [] });
    expect(wb.cell(CUSTOMER_SHEET, 'T3')).toEqual({ value: null, formula: '=LEN(A3)', numberFormat: 'General' });
  });
});

/** Applies `write` to a copy of `base` failing at sync n; returns the copy and the error. */
async function failAt(base: FakeWorkbook, write: WorkbookWrite, n: number, partial: boolean): Promise<{ wb: FakeWorkbook; error: unknown }> {
  const wb = base.clone();
  wb.failSync(n, { code: 'GeneralException', partial });
  const error = await hostFor(wb, SMALL)
    .apply(write)
    .then(() => undefined, (e: unknown) => e);
  return { wb, error };
}

async function countSyncs(base: FakeWorkbook, write: WorkbookWrite): Promise<number> {
  const wb = base.clone();
  await hostFor(wb, SMALL).apply(write);
  return wb.syncCount;
}

describe('ExcelHost.apply: all or nothing', () => {
  let fresh: FakeWorkbook;
  let firstWrite: WorkbookWrite;
  let planned: FakeWorkbook;
  let secondWrite: WorkbookWrite;

  beforeAll(async () => {
    fresh = customerWorkbook(120);
    firstWrite = await plannedWrite(hostFor(fresh.clone()));
    planned = fresh.clone();
    await hostFor(planned, SMALL).apply(firstWrite);
    planned.requests.length = 0;
    secondWrite = await plannedWrite(hostFor(planned.clone()));
  });

  for (const [label, partial] of [
    ['whole', false],
    ['partly applied', true],
  ] as const) {
    test(`a first run failing at each sync (${label}) leaves the workbook exactly as it was`, async () => {
      const total = await countSyncs(fresh, firstWrite);
      expect(total).toBeGreaterThan(8);
      const before = fresh.snapshot();
      for (let n = 1; n <= total; n++) {
        const { wb, error } = await failAt(fresh, firstWrite, n, partial);
        expect(error).toBeInstanceOf(ExcelHostError);
        expect({ n, snapshot: wb.snapshot() }).toEqual({ n, snapshot: before });
        const e = error as ExcelHostError;
        // The first two syncs only read: nothing to put back.
        if (n <= 2) expect({ n, rolledBack: e.rolledBack, changed: e.changed }).toEqual({ n, rolledBack: undefined, changed: false });
        else expect({ n, rolledBack: e.rolledBack }).toEqual({ n, rolledBack: true });
      }
    });

    test(`a re-run failing at each sync (${label}) leaves the earlier plan exactly as it was`, async () => {
      const done = planned.clone();
      await hostFor(done, SMALL).apply(secondWrite);
      const total = done.syncCount;
      expect(total).toBeGreaterThan(8);
      const before = planned.snapshot();
      const after = done.snapshot();
      let forward = 0;
      for (let n = 1; n <= total; n++) {
        const { wb, error } = await failAt(planned, secondWrite, n, partial);
        if (partial && n === total && error === undefined) {
          // Part of the last batch (deleting the earlier sheets) went through: the write is finished instead.
          expect({ n, snapshot: wb.snapshot() }).toEqual({ n, snapshot: after });
          forward++;
          continue;
        }
        expect(error).toBeInstanceOf(ExcelHostError);
        expect({ n, snapshot: wb.snapshot() }).toEqual({ n, snapshot: before });
      }
      expect(forward).toBe(partial ? 1 : 0);
    });
  }

  test('the error says what failed and that the workbook was put back', async () => {
    const total = await countSyncs(planned, secondWrite);
    const { error } = await failAt(planned, secondWrite, total, false);
    const plain = describeOfficeError(error);
    expect(plain.kind).toBe('general');
    expect(plain.messageEn).toMatch(/^While .*: excel ran into an error .*put back exactly as it was/i);
    expect(plain.messageZh).toMatch(/出错：Excel 在处理请求时出错。工作簿已恢复为写入前的样子/);
    expect(plain.details).toMatchObject({ code: 'GeneralException', rolledBack: true });
  });

  test('when putting back fails too, the error says so and names what may be left over', async () => {
    const total = await countSyncs(planned, secondWrite);
    const wb = planned.clone();
    wb.failSync(total);
    wb.failSync(total + 1, { code: 'AccessDenied' });
    const error = await hostFor(wb, SMALL)
      .apply(secondWrite)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ rolledBack: false });
    const plain = describeOfficeError(error);
    expect(plain.messageEn).toMatch(/could not be fully put back.*~abc-tmp-1/);
    expect(plain.details.rollbackCode).toBe('AccessDenied');
  });
});

describe('ExcelHost.apply: problems found before anything changes', () => {
  async function expectNothingChanged(wb: FakeWorkbook, write: WorkbookWrite, key: string, host?: ExcelHost): Promise<void> {
    const before = wb.snapshot();
    const error = await (host ?? hostFor(wb)).apply(write).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelHostError);
    expect((error as ExcelHostError).problem?.key).toBe(key);
    expect(wb.snapshot()).toEqual(before);
    expect(wb.requests.every((r) => r.cellsWritten === 0)).toBe(true);
    expect(describeOfficeError(error).messageEn).toMatch(/The workbook was not changed\.$/);
  }
  const empty: WorkbookWrite = { removeSheets: [], addSheets: [], columns: [], removeNames: [], addNames: [] };

  test('a sheet of the user\'s with the name of a new sheet', async () => {
    await expectNothingChanged(customerWorkbook(20), { ...empty, addSheets: [{ name: '说明', rows: [[text('x')]] }] }, 'sheet-exists');
  });
  test('a name of the user\'s with the name of a new name', async () => {
    await expectNothingChanged(customerWorkbook(20), { ...empty, addNames: [{ name: 'MyCustomers', ref: "'说明'!$A$1" }] }, 'name-exists');
  });
  test('tag columns for a sheet that is gone', async () => {
    await expectNothingChanged(customerWorkbook(20), { ...empty, columns: [{ sheet: 'Gone', firstRow: 1, firstColumn: 1, cells: [[text('x')]] }] }, 'sheet-not-found');
  });
  test('a protected customer sheet', async () => {
    const wb = customerWorkbook(20);
    wb.sheet(CUSTOMER_SHEET).protected = true;
    await expectNothingChanged(wb, { ...empty, addSheets: [{ name: 'ABC 汇总', rows: [[text('x')]] }], columns: [{ sheet: CUSTOMER_SHEET, firstRow: 3, firstColumn: 12, cells: [[text('x')]] }] }, 'sheet-protected');
  });
  test('a protected workbook structure', async () => {
    const wb = customerWorkbook(20);
    wb.structureProtected = true;
    await expectNothingChanged(wb, { ...empty, addSheets: [{ name: 'ABC 汇总', rows: [[text('x')]] }] }, 'workbook-protected');
  });
  test('a cell no spreadsheet can hold', async () => {
    await expectNothingChanged(customerWorkbook(20), { ...empty, addSheets: [{ name: 'ABC 汇总', rows: [[{ kind: 'number', value: Number.NaN }]] }] }, 'bad-cell');
  });
  test('an impossible sheet name', async () => {
    await expectNothingChanged(customerWorkbook(20), { ...empty, addSheets: [{ name: 'a/b', rows: [] }] }, 'bad-sheet-name');
  });
});

describe('ExcelHost.apply: large writes', () => {
  const runs = new Map<number, { wb: FakeWorkbook; syncs: number; bytes: number }>();

  beforeAll(async () => {
    for (const rows of [25_000, 50_000, 100_000]) {
      const wb = plainCustomerWorkbook(rows);
      await hostFor(wb).apply(syntheticWrite(rows, CUSTOMER_SHEET, 7));
      runs.set(rows, { wb, syncs: wb.syncCount, bytes: wb.requests.reduce((s, r) => s + r.bytes, 0) });
    }
  });

  test('100,000 rows: no request over 4 MB, recalculation suspended for every write', () => {
    const { wb, syncs, bytes } = runs.get(100_000)!;
    const requests = wb.requests;
    expect(Math.max(...requests.map((r) => r.bytes))).toBeLessThanOrEqual(FOUR_MB);
    // Everything after prepare and snapshot writes, and each of those requests suspends calculation.
    expect(requests.slice(2).every((r) => r.calculationSuspended)).toBe(true);
    // Syncs follow the bytes: a fixed few plus one per full request.
    expect(syncs).toBeLessThanOrEqual(4 + Math.ceil(bytes / 3_000_000));
    expect(wb.cell('ABC 按客户', 'A3')).toEqual({ value: '客户0 有限公司', numberFormat: '@' });
    expect(wb.cell('ABC 按客户', 'B7')).toEqual({ value: '=1+1', numberFormat: '@' });
    expect(wb.cell('ABC 按客户', 'C3').numberFormat).toBe('#,##0.00');
    expect(wb.cell('ABC 按客户', 'G100002').formula).toBe('=C100002*F100002');
    expect(wb.cell(CUSTOMER_SHEET, 'G100003').formula).toBe('=IFERROR(INDEX(ABC_CityTiers,MATCH(B100003,ABC_Cities,0)),3)');
    // The fill-down column, row by row, and a row with its own formula.
    expect(wb.cell(CUSTOMER_SHEET, 'H4').formula).toBe('=IF(D4>=100,"A",IF(D4>=10,"B","C"))');
    expect(wb.cell(CUSTOMER_SHEET, 'H100002').formula).toBe('=IF(D100002>=100,"A",IF(D100002>=10,"B","C"))');
    expect(wb.cell(CUSTOMER_SHEET, 'H100003').formula).toBe('=IF(D100003>=50,"A","C")');
    expect(wb.cell(CUSTOMER_SHEET, 'H5003').formula).toBe('=IF(D5003>=50,"A","C")');
    expect(wb.cell(CUSTOMER_SHEET, 'I100003')).toEqual({ value: ['北京', '上海', '西安', '成都', '=1+1', 'Zhengzhou'][99_999 % 6], numberFormat: '@' });
  });

  test('syncs grow with the number of row blocks only (25k, 50k, 100k rows)', () => {
    const all = [...runs.values()];
    for (const r of all) {
      expect(r.syncs).toBeLessThanOrEqual(4 + Math.ceil(r.bytes / 3_000_000));
      expect(Math.max(...r.wb.requests.map((q) => q.bytes))).toBeLessThanOrEqual(FOUR_MB);
    }
    expect(all[2].syncs).toBeGreaterThan(all[0].syncs);
    expect(all[2].syncs / all[0].syncs).toBeLessThan(4.5);
  });
});

describe('Grid: fill-down cells', () => {
  test('are written as each row\'s formula, and sized exactly as Office.js sends them', () => {
    const fill = { formula: 'IF(A9="北京","一线 ""城市""",B9&$C$2)', row: 9 };
    const rows: SpecCell[][] = [];
    for (let i = 0; i < 120; i++) rows.push([{ kind: 'fill', fill, cached: 'x' }, i % 7 ? { kind: 'fill', fill, cached: 1, style: 'wan' } : { kind: 'formula', formula: `A${i + 9}` }]);
    const grid = new Grid('S', 8, 0, rows, true);
    const block = grid.block('formulas', 0, rows.length);
    expect(block.data![0]).toEqual(['=IF(A9="北京","一线 ""城市""",B9&$C$2)', '=A9']);
    expect(block.data![119]![0]).toBe('=IF(A128="北京","一线 ""城市""",B128&$C$2)');
    // Sized as the same formulas written out (an upper bound of the JSON: a comma per cell).
    const explicit = new Grid('S', 8, 0, rows.map((r, i) => r.map((c) => (c?.kind === 'fill' ? { kind: 'formula', formula: fillFormulaAt(c.fill, i + 9) } : c))), true);
    expect(block.bytes).toBe(explicit.blockBytes('formulas', 0, rows.length));
    expect(block.bytes).toBeGreaterThanOrEqual(Buffer.byteLength(JSON.stringify(block.data)));
    expect(grid.formulaAt(100, 1)).toBe('=IF(A109="北京","一线 ""城市""",B109&$C$2)');
  });

  test('a fill that would refer above row 1 is refused before anything is written', () => {
    expect(() => new Grid('S', 0, 0, [[{ kind: 'fill', fill: { formula: 'A2', row: 5 } }]], false)).toThrow(ExcelHostError);
  });
});
