/** Workbooks and writes for the Excel host's tests and bench (no jest here: the bench imports it). */
import { namesOf, viewWorkbook } from '../../../src/app/workbook';
import { plan } from '../../../src/engine/plan';
import { defaultSettings } from '../../../src/engine/settings';
import type { CellValue } from '../../../src/engine/types';
import { ExcelHost, type Limits } from '../../../src/hosts/excel';
import { renderPlan } from '../../../src/render';
import { formula, num, text } from '../../../src/render/cells';
import type { ColumnBlock, FillDown, SheetSpec, SpecCell, WorkbookWrite } from '../../../src/spec/write';
import { makeCustomerSheet } from '../../fixtures/customers';
import { FakeWorkbook, fakeRun } from '../../support/fakeExcel';

export const CUSTOMER_SHEET = '客户';

/**
 * A planner's workbook: a notes sheet, the customer sheet (title, blank row, header, messy
 * rows, a total row) and a name of the user's own, which a write must never touch.
 */
/** Customers a sheet holds under one header row at Excel's limit of 1,048,576 rows. */
export const ROW_LIMIT_CUSTOMERS = 1_048_575;

/** The customer sheet (with a title row and messy values; at the row limit, header on row 1 and clean rows, so it fits). */
export function customerWorkbook(count: number, seed = 11): FakeWorkbook {
  const atLimit = count >= ROW_LIMIT_CUSTOMERS;
  const data = makeCustomerSheet({ count, seed, language: 'zh', products: 2, messy: !atLimit, title: !atLimit });
  const wb = FakeWorkbook.create(['说明', CUSTOMER_SHEET]);
  wb.setValues('说明', 'A1', [['本表由销售运营维护'], ['=不是公式']]);
  wb.setValues(CUSTOMER_SHEET, 'A1', data.values as (string | number | boolean | null)[][]);
  wb.sheet(CUSTOMER_SHEET).widths.set(0, 90);
  wb.addName('MyCustomers', `='${CUSTOMER_SHEET}'!$A$3:$I$10`);
  return wb;
}

export function hostFor(wb: FakeWorkbook, limits: Partial<Limits> = {}): ExcelHost {
  return new ExcelHost(fakeRun(wb), { limits });
}

/** What the task pane does on Run: read the sheet, plan, render (the renderer of src/render). */
export async function plannedWrite(host: ExcelHost, sheet = CUSTOMER_SHEET): Promise<WorkbookWrite> {
  const read = await host.readSheet(sheet);
  const settings = defaultSettings();
  const result = plan(read, settings);
  return renderPlan(result, settings, { ...namesOf(await viewWorkbook(host)), customerSheet: read });
}

/** The strings that Excel would turn into formulas, numbers or booleans if written as values. */
export const INJECTIONS = ['=1+1', '=HYPERLINK("http://x","点我")', '+1', '-x', '-1', '00123', 'TRUE', '@SUM(A1)', "'quoted", '=cmd|\' /C calc\'!A0'];

/**
 * A synthetic write of `rows` customers without the engine: one breakdown-like sheet with text,
 * amounts and a total formula, and a tag-column block of live formulas on the customer sheet.
 */
export function syntheticWrite(rows: number, customerSheet: string, firstColumn: number): WorkbookWrite {
  const cities = ['北京', '上海', '西安', '成都', '=1+1', 'Zhengzhou'];
  const body: SpecCell[][] = [];
  for (let i = 0; i < rows; i++) {
    body.push([
      text(`客户${i} 有限公司`),
      text(cities[i % cities.length]),
      num(Math.round(i * 37.7) / 10, 'wan'),
      num(i % 97, 'wanInt'),
      text(i % 3 === 0 ? 'A' : i % 3 === 1 ? 'B' : 'C'),
      num((i % 100) / 100, 'percent'),
      formula(`C${i + 3}*F${i + 3}`, 0, 'wan'),
    ]);
  }
  const sheet: SheetSpec = {
    name: 'ABC 按客户',
    rows: [[text('按客户分解', 'title')], [text('客户', 'header'), text('城市', 'header'), text('潜力', 'header'), text('数量', 'header'), text('级别', 'header'), text('份额', 'header'), text('目标', 'header')], ...body, [text('合计', 'totalLabel'), null, formula(`SUM(C3:C${rows + 2})`, 0, 'total')]],
    columnWidths: [24, 10, 12, 8, 6, 8, 12],
    freeze: { rows: 2, columns: 1 },
    tabColor: '2F75B5',
  };
  const tagRows: SpecCell[][] = [[text('城市级别', 'header'), text('客户级别', 'header'), text('标准城市', 'header')]];
  // The class column is one fill-down, with a formula of its own every 5,000th row.
  const classFill: FillDown = { formula: 'IF(D4>=100,"A",IF(D4>=10,"B","C"))', row: 4 };
  for (let i = 0; i < rows; i++) {
    const r = i + 4;
    const cls: SpecCell = i % 5000 === 4999 ? formula(`IF(D${r}>=50,"A","C")`, 'C') : { kind: 'fill', fill: classFill, cached: 'C' };
    tagRows.push([formula(`IFERROR(INDEX(ABC_CityTiers,MATCH(B${r},ABC_Cities,0)),3)`, 3), cls, text(cities[i % cities.length])]);
  }
  const block: ColumnBlock = { sheet: customerSheet, firstRow: 3, firstColumn, cells: tagRows, columnWidths: [8, 8, 10] };
  return {
    removeSheets: [],
    addSheets: [sheet],
    columns: [block],
    removeNames: [],
    addNames: [{ name: 'ABC_Sheet_Customers', ref: "'ABC 按客户'!$A$1", hidden: true }],
  };
}

/** A plain customer sheet of `rows` rows for the synthetic write (header on row 3). */
export function plainCustomerWorkbook(rows: number): FakeWorkbook {
  const wb = FakeWorkbook.create([CUSTOMER_SHEET]);
  const values: CellValue[][] = [['客户表'], [], ['客户名称', '城市', '行业', '潜力', '销售额']];
  for (let i = 0; i < rows; i++) values.push([`客户${i}`, ['北京', '西安', '成都'][i % 3], '金融', (i * 13) % 500, (i * 7) % 300]);
  wb.setValues(CUSTOMER_SHEET, 'A1', values as (string | number | null)[][]);
  return wb;
}
