/**
 * One validator for sheet names and defined names (src/spec/names.ts): the .xlsx host and the
 * Excel host refuse exactly the same names, before anything is written, and say why in both
 * languages. Before, only the .xlsx host refused control characters in sheet names.
 */
import { ExcelHostError, describeOfficeError } from '../../src/hosts/excel';
import { XlsxError, openXlsx } from '../../src/hosts/xlsx';
import { text } from '../../src/render/cells';
import type { WorkbookWrite } from '../../src/spec/write';
import { definedNameProblem, sheetNameProblem } from '../../src/spec/names';
import { valuesWorkbook } from '../fixtures/xlsxBuilder';
import { FakeWorkbook, fakeRun } from '../support/fakeExcel';
import { ExcelHost } from '../../src/hosts/excel';

const empty: WorkbookWrite = { removeSheets: [], addSheets: [], columns: [], removeNames: [], addNames: [] };

const GOOD_SHEETS = ['ABC 设置', 'a'.repeat(31), "It's", '客户-2024 (副本)', 'TRUE', 'R1C1', '2024'];
const BAD_SHEETS = ['', 'a'.repeat(32), 'a[b', 'a]b', 'a:b', 'a*b', 'a?b', 'a/b', 'a\\b', "'lead", "trail'", 'History', 'HISTORY', 'tab\there', 'line\nbreak', 'nul\u0000', 'del\u007F'];
const GOOD_NAMES = ['ABC_阈值', '_x', '\\name', 'a.b', 'Tier1x', 'ABCD1', 'ABC_Cities_2', '客户名单'];
const BAD_NAMES = ['', 'n'.repeat(256), '1abc', 'a b', 'A1', 'xfd100', 'R1C1', 'R', 'C', 'r', 'c', 'RC', 'r2c', 'C3', 'a-b', 'tab\tname', '.x', 'x?'];

async function xlsxError(write: WorkbookWrite): Promise<unknown> {
  const wb = openXlsx(valuesWorkbook([{ name: 'Data', values: [['x']] }]));
  try {
    await wb.apply(write);
    return undefined;
  } catch (e) {
    return e;
  }
}

async function excelError(write: WorkbookWrite): Promise<unknown> {
  const fake = FakeWorkbook.create(['Data']);
  fake.setValues('Data', 'A1', [['x']]);
  const before = fake.snapshot();
  const error = await new ExcelHost(fakeRun(fake)).apply(write).then(() => undefined, (e: unknown) => e);
  if (error) expect(fake.snapshot()).toEqual(before);
  return error;
}

const sheetWrite = (name: string): WorkbookWrite => ({ ...empty, addSheets: [{ name, rows: [[text('x')]] }] });
const nameWrite = (name: string): WorkbookWrite => ({ ...empty, addNames: [{ name, ref: "'Data'!$A$1" }] });

describe('sheet names', () => {
  test.each(GOOD_SHEETS)('%j is accepted by both hosts', async (name) => {
    expect(sheetNameProblem(name)).toBeUndefined();
    expect(await xlsxError(sheetWrite(name))).toBeUndefined();
    expect(await excelError(sheetWrite(name))).toBeUndefined();
  });
  test.each(BAD_SHEETS)('%j is refused by both hosts, nothing written', async (name) => {
    const rule = sheetNameProblem(name);
    expect(rule).toBeDefined();
    const x = await xlsxError(sheetWrite(name));
    expect(x).toBeInstanceOf(XlsxError);
    expect((x as XlsxError).code).toBe('bad-sheet-name');
    const e = await excelError(sheetWrite(name));
    expect(e).toBeInstanceOf(ExcelHostError);
    expect((e as ExcelHostError).problem).toEqual({ key: 'bad-sheet-name', params: { sheet: name, rule } });
  });
  test('the reason is said in both languages, with what to do', async () => {
    const e = describeOfficeError(await excelError(sheetWrite('tab\there')));
    expect(e.messageZh).toContain('不能包含控制字符');
    expect(e.messageZh).toContain('请换一个名称');
    expect(e.messageEn).toContain('must not contain control characters');
    expect(e.messageEn).toContain('choose another name');
    const x = (await xlsxError(sheetWrite('tab\there'))) as XlsxError;
    expect(x.messageZh).toContain('不能包含控制字符');
    expect(x.messageEn).toContain('must not contain control characters');
  });
});

describe('defined names', () => {
  test.each(GOOD_NAMES)('%j is accepted by both hosts', async (name) => {
    expect(definedNameProblem(name, "'Data'!$A$1")).toBeUndefined();
    expect(await xlsxError(nameWrite(name))).toBeUndefined();
    expect(await excelError(nameWrite(name))).toBeUndefined();
  });
  test.each(BAD_NAMES)('%j is refused by both hosts, nothing written', async (name) => {
    const rule = definedNameProblem(name, "'Data'!$A$1");
    expect(rule).toBeDefined();
    const x = await xlsxError(nameWrite(name));
    expect((x as XlsxError).code).toBe('bad-defined-name');
    const e = await excelError(nameWrite(name));
    expect((e as ExcelHostError).problem).toEqual({ key: 'bad-name', params: { name, rule } });
  });
  test('a name that refers to nothing is refused by both', async () => {
    const write: WorkbookWrite = { ...empty, addNames: [{ name: 'Empty', ref: ' ' }] };
    expect(((await xlsxError(write)) as XlsxError).code).toBe('bad-defined-name');
    const e = describeOfficeError(await excelError(write));
    expect(e.messageEn).toContain('its reference is empty');
    expect(e.messageZh).toContain('引用为空');
  });
});
