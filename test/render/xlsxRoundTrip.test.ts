/**
 * The whole way through the .xlsx host, without a spreadsheet engine: plan a workbook, write
 * it, read it back. The user's sheets and cells are unchanged, the settings read back equal the
 * settings used, and planning the planned workbook again gives the same workbook.
 */
import { planCustomerSheet, renderWrite } from '../../src/app/plan';
import { openWorkbook } from '../../src/app/workbook';
import { writeAll } from '../../src/app/write';
import type { Settings } from '../../src/engine/settings';
import { defaultSettings } from '../../src/engine/settings';
import type { CellValue } from '../../src/engine/types';
import { openXlsx } from '../../src/hosts/xlsx';
import { allValuesOf } from '../cli/helpers';
import { makeCustomerSheet } from '../fixtures/customers';
import { valuesWorkbook } from '../fixtures/xlsxBuilder';

type Workbook = ReturnType<typeof openXlsx>;

/** One plan of `sheet` in the workbook, the way both front ends run it (src/app/), with `given` settings or the workbook's. */
async function planOnce(workbook: Workbook, sheet: string, given?: Settings): Promise<{ settings: Settings; tagColumn: number }> {
  const { view, saved } = await openWorkbook(workbook);
  if (saved.kind === 'problems') throw new Error(JSON.stringify(saved.problems));
  const settings = given ?? saved.settings;
  const read = await workbook.readSheet(sheet);
  const { write } = renderWrite(planCustomerSheet(read, view.names, settings).result, read, view);
  await writeAll(workbook, write);
  return { settings, tagColumn: write.columns[0].firstColumn };
}

const allValues = (workbook: Workbook) => allValuesOf(workbook.toBytes());

test('plan, read back, plan again: user cells unchanged, settings read back, idempotent', async () => {
  const sheet = makeCustomerSheet({ count: 300, seed: 5, language: 'zh', messy: true, products: 3 });
  const notes: CellValue[][] = [['这是用户自己的说明表'], ['=1+1 不是公式', 42]];
  const bytes = valuesWorkbook([
    { name: '说明', values: notes },
    { name: sheet.name, values: sheet.values },
  ]);
  const settings: Settings = { ...defaultSettings(), targets: { ...defaultSettings().targets, companyTarget: 50_000, unit: 10 } };
  const workbook = openXlsx(bytes);
  const original = await allValuesOf(bytes);

  const first = await planOnce(workbook, sheet.name, settings);
  const once = await allValues(workbook);
  // The user's sheets: the notes sheet as it was; the customer sheet as it was left of the tags.
  expect(once.get('说明')).toEqual(original.get('说明'));
  const before = original.get(sheet.name)!;
  const after = once.get(sheet.name)!;
  before.forEach((row, r) => row.forEach((v, c) => expect([r, c, after[r][c]]).toEqual([r, c, v])));
  for (const row of after) for (let c = row.length; c < first.tagColumn - 1; c++) expect(row[c] ?? null).toBeNull();
  expect([...once.keys()]).toEqual(['说明', sheet.name, 'ABC 汇总', 'ABC 按客户', 'ABC 按行业', 'ABC 按地区', 'ABC 按销售', 'ABC 问题', 'ABC 设置']);

  // The settings read back are the settings used.
  const second = await planOnce(workbook, sheet.name);
  expect(second.settings).toEqual(settings);
  expect(second.tagColumn).toBe(first.tagColumn);
  // Planning the planned workbook again changes nothing.
  expect(await allValues(workbook)).toEqual(once);
  const names = (await workbook.listNames()).map((n) => n.name).sort();
  expect(names.filter((n) => n.startsWith('ABC_'))).toHaveLength(names.length);
  expect(new Set(names).size).toBe(names.length);
});
