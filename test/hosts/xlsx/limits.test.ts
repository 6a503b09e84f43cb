/**
 * Excel's grid is A1:XFD1048576. A write with a cell, a column width or a frozen pane past it
 * (20,000 products laid out across a settings sheet did that) is refused before a byte is
 * written, with a message that names the sheet and says what to do; a write that reaches the
 * very last row or column goes through. Sizes near the limit go through loops, not through
 * spreads of an array as call arguments (those overflow the stack past ~125,000 items).
 */
import { unzipSync } from 'fflate';
import type { SheetSpec, SpecCell, WorkbookWrite } from '../../../src/spec/write';
import { openXlsx, XlsxError } from '../../../src/hosts/xlsx';
import { MAX_COLUMNS, MAX_ROWS } from '../../../src/engine/a1';
import { openPackage } from '../../../src/hosts/xlsx/package';
import { blockWidth, checkBlockFits, checkSheetFits } from '../../../src/hosts/xlsx/validate';
import { buildPackage } from '../../../src/hosts/xlsx/writer';
import { emptyWrite } from './helpers';
import { CUSTOMERS, namespaceWorkbook } from './namespaceFixtures';

const one: SpecCell = { kind: 'number', value: 1 };

/** A settings-like sheet whose second row lays out `products` items across the columns. */
function productsSheet(products: number): SheetSpec {
  const header: SpecCell[] = [{ kind: 'text', text: '产品' }];
  for (let i = 0; i < products; i++) header.push({ kind: 'text', text: `产品${i + 1}` });
  return { name: 'ABC 设置', rows: [[{ kind: 'text', text: 'ABC 设置', style: 'title' }], header] };
}

/** Applies the write and expects a refusal: the workbook unchanged, no progress reported (nothing built). */
async function refused(write: WorkbookWrite): Promise<XlsxError> {
  const input = namespaceWorkbook();
  const wb = openXlsx(input.bytes);
  let progressed = 0;
  let error: unknown;
  try {
    buildPackage(openPackage(input.bytes), write, { onProgress: () => progressed++ });
  } catch (e) {
    error = e;
  }
  await expect(wb.apply(write)).rejects.toThrow(XlsxError);
  expect(Buffer.from(wb.toBytes()).equals(Buffer.from(input.bytes))).toBe(true);
  expect(progressed).toBe(0);
  expect(error).toBeInstanceOf(XlsxError);
  return error as XlsxError;
}

describe('refusing cells Excel would refuse', () => {
  test('20,000 products across a new sheet: refused, naming the sheet and saying to use fewer products', async () => {
    const e = await refused(emptyWrite({ addSheets: [productsSheet(20_000)] }));
    expect(e.code).toBe('too-large');
    expect(e.messageZh).toBe(
      '工作表“ABC 设置”需要 20,001 列（写到 ACOG 列），超过 Excel 每个工作表最多 16,384 列（最后一列是 XFD）的上限：请减少产品（或其他按列排开的项目）的数量后重试',
    );
    expect(e.messageEn).toBe(
      'The sheet "ABC 设置" would need 20,001 columns (up to column ACOG), more than Excel\'s limit of 16,384 columns per sheet (the last is XFD): use fewer products (or other items laid out across columns) and try again',
    );
  });

  test('one column past XFD is refused; exactly XFD is written and reads back', async () => {
    expect((await refused(emptyWrite({ addSheets: [productsSheet(MAX_COLUMNS)] }))).messageEn).toContain('16,385 columns (up to column XFE)');
    const wb = openXlsx(namespaceWorkbook().bytes);
    await wb.apply(emptyWrite({ addSheets: [productsSheet(MAX_COLUMNS - 1)] }));
    const row = (await wb.readSheet('ABC 设置')).values[1]!;
    expect([row.length, row[MAX_COLUMNS - 1]]).toEqual([MAX_COLUMNS, `产品${MAX_COLUMNS - 1}`]);
  });

  test('a new sheet with more rows than 1,048,576 is refused, naming the sheet', async () => {
    const rows: SpecCell[][] = new Array<SpecCell[]>(MAX_ROWS + 1).fill([one]);
    const e = await refused(emptyWrite({ addSheets: [{ name: 'ABC 按客户', rows }] }));
    expect(e.messageZh).toContain('工作表“ABC 按客户”需要 1,048,577 行，超过 Excel 每个工作表最多 1,048,576 行的上限');
    expect(e.messageEn).toContain('The sheet "ABC 按客户" would need 1,048,577 rows, more than Excel\'s limit of 1,048,576 rows per sheet: use fewer customers');
  });

  test('column widths or a frozen pane past XFD are refused too', async () => {
    const widths = new Array<number>(MAX_COLUMNS + 1).fill(10);
    expect((await refused(emptyWrite({ addSheets: [{ name: 'ABC 汇总', rows: [[one]], columnWidths: widths }] }))).messageEn).toContain('"ABC 汇总" would need 16,385 columns');
    expect((await refused(emptyWrite({ addSheets: [{ name: 'ABC 汇总', rows: [[one]], freeze: { rows: 0, columns: MAX_COLUMNS } }] }))).messageEn).toContain('16,385 columns');
    expect((await refused(emptyWrite({ addSheets: [{ name: 'ABC 汇总', rows: [[one]], freeze: { rows: MAX_ROWS, columns: 0 } }] }))).messageEn).toContain('1,048,577 rows');
  });

  test('tag columns that would run past XFD of the customer sheet are refused, naming it', async () => {
    const block = { sheet: '客户', firstRow: 1, firstColumn: MAX_COLUMNS - 2, cells: [[one, one, one, one]] };
    const e = await refused(emptyWrite({ columns: [block] }));
    expect(e.messageZh).toContain('工作表“客户”右侧放不下 ABC Planner 的 4 个标签列：XFB 列起需写到第 16385 列');
    expect(e.messageEn).toContain('Delete the columns right of your data that look empty');
    // Up to XFD exactly is fine.
    const wb = openXlsx(namespaceWorkbook().bytes);
    await wb.apply(emptyWrite({ columns: [{ ...block, cells: [[one, one, one]] }] }));
    expect((await wb.readSheet('客户')).values[0]!.slice(MAX_COLUMNS - 3)).toEqual([1, 1, 1]);
  });

  test('tag columns past row 1,048,576 are refused; a block start that is no cell is a bad write', async () => {
    const rows: SpecCell[][] = new Array<SpecCell[]>(MAX_ROWS).fill([one]);
    expect((await refused(emptyWrite({ columns: [{ sheet: '客户', firstRow: 2, firstColumn: 4, cells: rows }] }))).messageEn).toContain(
      'The sheet "客户" would need 1,048,577 rows',
    );
    expect((await refused(emptyWrite({ columns: [{ sheet: '客户', firstRow: 0, firstColumn: 4, cells: [[one]] }] }))).code).toBe('bad-write');
    expect(() => checkBlockFits({ sheet: '客户', firstRow: 1, firstColumn: 1.5, cells: [] })).toThrow(/invalid place/);
  });
});

describe('sizes near the limits go through loops (no spread of an unbounded array)', () => {
  test('a block of 300,000 rows: its width is measured without overflowing the stack', () => {
    const cells: SpecCell[][] = new Array<SpecCell[]>(300_000).fill([one]);
    cells[123_456] = [one, one, one];
    expect(blockWidth({ sheet: '客户', firstRow: 1, firstColumn: 4, cells })).toBe(3);
    expect(checkBlockFits({ sheet: '客户', firstRow: 1, firstColumn: 4, cells })).toBe(3);
    expect(() => checkSheetFits({ name: 'ABC 按客户', rows: cells })).not.toThrow();
  });

  test('tag columns down to the last row, 1,048,575 rows of them, are written through the writer', () => {
    const cells: SpecCell[][] = new Array<SpecCell[]>(MAX_ROWS - 1).fill([one]);
    cells[0] = [{ kind: 'text', text: '倍数' }];
    const input = namespaceWorkbook();
    const bytes = buildPackage(openPackage(input.bytes), emptyWrite({ columns: [{ sheet: '客户', firstRow: 2, firstColumn: 4, cells }] }), { level: 1 });
    const sheet = new TextDecoder().decode(unzipSync(bytes, { filter: (f) => f.name === 'xl/worksheets/sheet1.xml' })['xl/worksheets/sheet1.xml']);
    expect(sheet).toContain(`<dimension ref="A1:D${MAX_ROWS}"/>`);
    expect(sheet).toContain('<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>4</v></c><c r="C2"><v>120</v></c><c r="D2" t="inlineStr"><is><t>倍数</t></is></c></row>');
    expect(sheet.slice(sheet.indexOf('</sheetData>') - 60, sheet.indexOf('</sheetData>'))).toContain(`<row r="${MAX_ROWS}"><c r="D${MAX_ROWS}"><v>1</v></c></row>`);
    expect(sheet.match(/<row /g)).toHaveLength(MAX_ROWS);
    expect(CUSTOMERS).toHaveLength(4);
  });
});
