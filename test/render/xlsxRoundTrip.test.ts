/**
 * The whole way through the .xlsx host, without a spreadsheet engine: plan a workbook, write
 * it, read it back. The user's sheets and cells are unchanged, the settings read back equal the
 * settings used, and planning the planned workbook again gives the same workbook.
 */
import { plan } from '../../src/engine/plan';
import type { Settings } from '../../src/engine/settings';
import { defaultSettings } from '../../src/engine/settings';
import type { CellValue } from '../../src/engine/types';
import { openXlsx } from '../../src/hosts/xlsx';
import { viewWorkbookSync } from '../../src/hosts/workflow';
import { ourSheetName, renderPlan, settingsFromSheet, withoutTagColumns } from '../../src/render';
import { makeCustomerSheet } from '../fixtures/customers';
import { valuesWorkbook } from '../fixtures/xlsxBuilder';

type Workbook = ReturnType<typeof openXlsx>;

/** One plan of `sheet` in the workbook, as a host-side caller would run it. */
function planOnce(workbook: Workbook, sheet: string, given?: Settings): { settings: Settings; tagColumn: number } {
  const sheetNames = workbook.listSheetsSync().map((s) => s.name);
  const names = workbook.listNamesSync();
  const proof = viewWorkbookSync(workbook).proof;
  const settingsSheet = ourSheetName({ sheetNames, names, proof }, 'settings');
  let settings = given ?? defaultSettings();
  if (!given && settingsSheet) {
    const read = workbook.readSheetSync(settingsSheet);
    const parsed = settingsFromSheet(read.values, { firstRow: read.firstRow, firstColumn: read.firstColumn, sheet: settingsSheet });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    settings = parsed.settings;
  }
  const read = workbook.readSheetSync(sheet);
  const result = plan(withoutTagColumns(read, names, null), settings);
  const write = renderPlan(result, settings, { sheetNames, names, proof, customerSheet: read });
  workbook.applySync(write);
  return { settings, tagColumn: write.columns[0].firstColumn };
}

function allValues(workbook: Workbook): Map<string, CellValue[][]> {
  return new Map(workbook.listSheetsSync().map((s) => [s.name, workbook.readSheetSync(s.name).values]));
}

test('plan, read back, plan again: user cells unchanged, settings read back, idempotent', () => {
  const sheet = makeCustomerSheet({ count: 300, seed: 5, language: 'zh', messy: true, products: 3 });
  const notes: CellValue[][] = [['这是用户自己的说明表'], ['=1+1 不是公式', 42]];
  const bytes = valuesWorkbook([
    { name: '说明', values: notes },
    { name: sheet.name, values: sheet.values },
  ]);
  const settings: Settings = { ...defaultSettings(), targets: { ...defaultSettings().targets, companyTarget: 50_000, unit: 10 } };
  const workbook = openXlsx(bytes);
  const original = allValues(openXlsx(bytes));

  const first = planOnce(workbook, sheet.name, settings);
  const once = allValues(workbook);
  // The user's sheets: the notes sheet as it was; the customer sheet as it was left of the tags.
  expect(once.get('说明')).toEqual(original.get('说明'));
  const before = original.get(sheet.name)!;
  const after = once.get(sheet.name)!;
  before.forEach((row, r) => row.forEach((v, c) => expect([r, c, after[r][c]]).toEqual([r, c, v])));
  for (const row of after) for (let c = row.length; c < first.tagColumn - 1; c++) expect(row[c] ?? null).toBeNull();
  expect([...once.keys()]).toEqual(['说明', sheet.name, 'ABC 汇总', 'ABC 按客户', 'ABC 按行业', 'ABC 按地区', 'ABC 按销售', 'ABC 问题', 'ABC 设置']);

  // The settings read back are the settings used.
  const second = planOnce(workbook, sheet.name);
  expect(second.settings).toEqual(settings);
  expect(second.tagColumn).toBe(first.tagColumn);
  // Planning the planned workbook again changes nothing.
  expect(allValues(workbook)).toEqual(once);
  const names = workbook.listNamesSync().map((n) => n.name).sort();
  expect(names.filter((n) => n.startsWith('ABC_'))).toHaveLength(names.length);
  expect(new Set(names).size).toBe(names.length);
});
