/**
 * Rows and cells Excel would refuse or repair (issues 9 and 15): out of order, twice, row 0,
 * past row 1,048,576 or column XFD. `abc-planner plan` refuses each plainly, in Chinese and
 * English, naming the sheet and the row or cell (today some are left out silently, others
 * end in an out-of-memory abort); the host refuses them too when asked to write columns
 * without a read first, and leaves the workbook as it was. The last cell, XFD1048576, is legal
 * and reads without a dense grid.
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { openXlsx, XlsxError } from '../../../src/hosts/xlsx';
import { REPO_ROOT } from '../../support/requirements';
import { removeDir, run, tempDir } from '../../cli/helpers';
import { emptyWrite } from './helpers';
import { customerSheetXml, PLAIN_HEAD, PLAIN_TAIL, workbookWithRepeatedSheet, workbookWithSheet } from './oddSheets';

jest.setTimeout(120_000);

let dir: string;
beforeAll(async () => {
  dir = await tempDir('abc-limits-');
});
afterAll(() => removeDir(dir));

const zh = { LANG: 'zh_CN.UTF-8' };
const en = { LANG: 'en_US.UTF-8' };

/** The customer sheet (A1:D5) with extra raw rows after it. */
const withRows = (extraRows: string): Uint8Array => workbookWithSheet(customerSheetXml({ dimension: 'self', extraRows }));

/** The customers with a row put before the ones above it. */
const outOfOrder = (): Uint8Array =>
  workbookWithSheet(
    customerSheetXml({ dimension: 'self' }).replace('<row r="2"', '<row r="9" spans="1:4"><c r="A9"><v>1</v></c></row><row r="2"'),
  );

async function refusal(name: string, bytes: Uint8Array): Promise<{ zh: string; en: string }> {
  const file = path.join(dir, `${name}.xlsx`);
  await fs.writeFile(file, bytes);
  const out = { zh: '', en: '' };
  for (const [lang, env] of [['zh', zh], ['en', en]] as const) {
    const res = await run(['plan', file, '--out', path.join(dir, `${name}-${lang}-out.xlsx`)], { cwd: dir, env });
    expect(res.code).toBe(1);
    expect(res.stderr).not.toMatch(/\n\s+at |RangeError|heap|Unexpected error|意外错误/);
    out[lang] = res.stderr;
  }
  // Nothing was written.
  expect((await fs.readdir(dir)).filter((f) => f.startsWith(`${name}-`))).toEqual([]);
  return out;
}

describe('the plan refuses rows and cells Excel would refuse, naming sheet and row or cell', () => {
  test.each([
    ['rows out of order', outOfOrder, '第 2 行写在第 9 行之后', 'row 2 is stored after row 9'],
    ['row 0', () => withRows('<row r="0"><c r="A0"><v>1</v></c></row>'), '第 5 行之后的一行的行号“0”无效', 'the row after row 5 has the invalid row number "0"'],
    ['a row twice', () => withRows('<row r="5"><c r="F5"><v>1</v></c></row>'), '第 5 行出现了两次', 'row 5 appears twice'],
    ['a cell twice', () => withRows('<row r="6"><c r="B6"><v>1</v></c><c r="B6"><v>2</v></c></row>'), '单元格 B6 出现了两次', 'cell B6 appears twice'],
    ['cells out of order', () => withRows('<row r="6"><c r="C6"><v>1</v></c><c r="B6"><v>2</v></c></row>'), '单元格 B6 写在同一行的 C6 之后', 'cell B6 is stored after C6 in its row'],
    ['a column past XFD', () => withRows('<row r="200"><c r="AAAAAA200"><v>7</v></c></row>'), '单元格 AAAAAA200 超出 Excel 的上限', 'cell AAAAAA200 lies past Excel\'s last column XFD'],
    ['a cell without r past XFD', () => withRows(`<row r="6"><c r="XFD6"><v>1</v></c><c><v>2</v></c></row>`), '单元格 XFE6 超出 Excel 的上限', 'cell XFE6 lies past Excel\'s last column XFD'],
    ['row 99,999,999,999', () => withRows('<row r="99999999999"><c r="A99999999999"><v>7</v></c></row>'), '第 99,999,999,999 行超出 Excel 的上限 1,048,576 行', "row 99,999,999,999 lies past Excel's limit of 1,048,576 rows"],
    ['a cell in row 1,048,577', () => withRows('<row r="1048577"><c r="A1048577"><v>7</v></c></row>'), '第 1,048,577 行超出 Excel 的上限', "row 1,048,577 lies past Excel's limit"],
  ])('%s', async (name, bytes, zhText, enText) => {
    const msg = await refusal(name.replace(/\W+/g, '-'), bytes());
    expect(msg.zh).toContain('工作表“客户”');
    expect(msg.zh).toContain(zhText);
    expect(msg.zh).toMatch(/再试|重新导出/);
    expect(msg.en).toContain('Sheet "客户"');
    expect(msg.en).toContain(enText);
    expect(msg.en).toMatch(/try again|export the file again/);
  });

  test('rows without r counted past 1,048,576 are refused at the first row past the limit', async () => {
    // 1,100,000 rows, each with a value, none with r (the file had 16.7 million).
    const bytes = workbookWithRepeatedSheet(PLAIN_HEAD.replace('<sheetData>', '<sheetData><row><c t="inlineStr"><is><t>客户名称</t></is></c></row>'), '<row><c><v>1</v></c></row>', 1_100_000, PLAIN_TAIL, { stored: true });
    const msg = await refusal('no-r', bytes);
    expect(msg.zh).toContain('第 1,048,577 行超出 Excel 的上限 1,048,576 行');
    expect(msg.en).toContain("row 1,048,577 lies past Excel's limit of 1,048,576 rows");
  });
});

describe('the host refuses the same when it writes columns without reading first', () => {
  test.each([
    ['rows out of order', outOfOrder(), 'row 2 is stored after row 9'],
    ['a row twice', withRows('<row r="5"><c r="F5"><v>1</v></c></row>'), 'row 5 appears twice'],
    ['row 0', withRows('<row r="0"/>'), 'invalid row number "0"'],
    ['cells out of order in a row we write into', withRows('<row r="6"><c r="C6"><v>1</v></c><c r="B6"><v>2</v></c></row>'), 'cell B6 is stored after C6'],
  ])('%s', async (_name, bytes, enText) => {
    const wb = openXlsx(bytes);
    const write = emptyWrite({ columns: [{ sheet: '客户', firstRow: 1, firstColumn: 2, cells: Array.from({ length: 7 }, () => [{ kind: 'number' as const, value: 1 }]) }] });
    let error: unknown;
    try {
      await wb.apply(write);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(XlsxError);
    expect((error as XlsxError).messageEn).toContain('Sheet "客户"');
    expect((error as XlsxError).messageEn).toContain(enText);
    expect(wb.toBytes()).toBe(bytes);
  });
});

describe('the last cell, XFD1048576, is legal', () => {
  const bytes = withRows('<row r="1048576"><c r="XFD1048576"><v>7</v></c></row>');

  test('it reads, with the customers, and the empty rows between share one empty row', async () => {
    const read = await openXlsx(bytes).readSheet('客户');
    expect(read.firstRow).toBe(1);
    expect(read.firstColumn).toBe(1);
    expect(read.values).toHaveLength(1_048_576);
    expect(read.values[3]!.slice(0, 4)).toEqual(['成都网吧', '成都', 40, 10]);
    const last = read.values[1_048_575]!;
    expect(last).toHaveLength(16_384);
    expect(last[16_383]).toBe(7);
    // No dense grid: the customers' rows end at their last value, the million empty rows are one array.
    expect(read.values[0]).toHaveLength(4);
    expect(read.values[10]).toHaveLength(0);
    expect(read.values[10]).toBe(read.values[900_000]);
  });

  test('alone it reads as one cell', async () => {
    const read = await openXlsx(workbookWithSheet(customerSheetXml({ dimension: 'self' }, []).replace('</sheetData>', '<row r="1048576"><c r="XFD1048576"><v>7</v></c></row></sheetData>'))).readSheet('客户');
    expect(read).toMatchObject({ firstRow: 1_048_576, firstColumn: 16_384, values: [[7]] });
  });

  test('reading it takes little memory (a child process with a 160 MB heap)', async () => {
    const file = path.join(dir, 'xfd.xlsx');
    await fs.writeFile(file, bytes);
    const script = `require('tsx/cjs/api').register();
      const { readXlsxFile } = require(${JSON.stringify(path.join(REPO_ROOT, 'src/hosts/xlsx/node.ts'))});
      readXlsxFile(${JSON.stringify(file)}).then(async (wb) => { const r = await wb.readSheet('客户'); console.log(r.values.length, r.values[1048575][16383]); });`;
    const out = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, ['--max-old-space-size=160', '-e', script], { cwd: REPO_ROOT }, (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout))),
    );
    expect(out.trim()).toBe('1048576 7');
  });
});
