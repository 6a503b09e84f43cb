/**
 * The command on a workbook a planner keeps in English: a notes sheet first (not customer rows),
 * then the customer sheet with English headers and product columns;
 * messages in English; the target as growth over current sales.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { PlanDocument } from '../../src/cli/document';
import { defaultSettings } from '../../src/engine/settings';
import { plan } from '../../src/engine/plan';
import { TAG_COLUMNS, TAG_HEADERS } from '../../src/i18n/render';
import { parseRef } from '../../src/render';
import { makeCustomerSheetWithTruth } from '../fixtures/customers';
import { valuesWorkbook } from '../fixtures/xlsxBuilder';
import { allValues, removeDir, run, tempDir } from './helpers';

const { sheet, truth } = makeCustomerSheetWithTruth({ count: 150, seed: 7, language: 'en', messy: true, products: 3 });
const notes = [['How to fill in the customer list'], ['Amounts in 10k CNY'], ['Customer', 'City']];
let dir: string;

beforeAll(async () => {
  dir = await tempDir();
  // The notes sheet's last row names two fields: not enough for a customer header (four required columns).
  await fs.writeFile(
    path.join(dir, 'Accounts 2025.xlsx'),
    valuesWorkbook([
      { name: 'Read me', values: notes },
      { name: sheet.name, values: sheet.values },
    ]),
  );
});
afterAll(() => removeDir(dir));

test('finds the customer sheet past the notes, maps English headers and product columns, grows the target', async () => {
  const r = await run(['plan', 'Accounts 2025.xlsx', '--growth', '10%', '--json'], { cwd: dir, env: { LC_ALL: 'en_GB.UTF-8', LANG: 'zh_CN.UTF-8' } });
  expect(r.code).toBe(0);
  const doc = r.json<PlanDocument>();
  expect(doc.lang).toBe('en');
  expect(doc.sheet).toBe('Customers');
  expect(doc.language).toBe('en');
  expect(doc.headerRow).toBe(truth.headerRow);
  expect(doc.output).toBe(path.join(dir, 'Accounts 2025-planned.xlsx'));
  expect(Object.fromEntries(Object.entries(doc.columns).map(([f, c]) => [f, c!.header]))).toEqual({
    name: 'Customer',
    city: 'City',
    industry: 'Industry',
    potential: 'Potential (10k CNY)',
    ourSales: 'Our sales (10k CNY)',
    owner: 'Owner',
    region: 'Region',
  });
  expect(doc.productColumns.map((p) => [p.name, p.column])).toEqual([['Product A', 'H'], ['Product B', 'I'], ['Product C', 'J']]);
  expect(doc.products.map((p) => p.name)).toEqual(['Product A', 'Product B', 'Product C']);
  expect(doc.products.reduce((a, p) => a + p.mixPct, 0)).toBeCloseTo(100, 6);

  // The same as the engine on the same sheet with the same growth.
  const engine = plan(sheet, defaultSettings(), { companyTarget: null, growthPct: 10 });
  expect(doc.target).toEqual(engine.target);
  expect(doc.target).toMatchObject({ source: 'growth', growthPct: 10 });
  expect(doc.target.company).toBe(Math.round(engine.target.currentSales * 1.1));
  expect(doc.customers.map((c) => [c.row, c.class, c.target, c.productTargets])).toEqual(engine.customers.map((c) => [c.row, c.class, c.target, c.productTargets]));
  // Each product's part of the company target, which the tables' product totals add up to.
  expect(doc.products.map((p) => p.target)).toEqual(engine.products.map((p) => p.target));
  expect(doc.products.reduce((a, p) => a + p.target, 0)).toBe(doc.target.company);
  expect(doc.tables.bySalesperson.total.products).toEqual(doc.products.map((p) => p.target));
  expect(doc.counts.customers).toBe(truth.customers.length);
  expect(doc.issues.every((i) => i.where.startsWith('Sheet “Customers”, row '))).toBe(true);
  expect(r.stderr).toContain('Sheet "Customers" (header on row 3): 150 customers');
  expect(r.stderr).toContain('plus 10%');

  // English sheets and tag headers; the user's sheets as they were.
  const before = await allValues(path.join(dir, 'Accounts 2025.xlsx'));
  const after = await allValues(doc.output);
  expect([...after.keys()]).toEqual(['Read me', 'Customers', 'ABC Summary', 'ABC By customer', 'ABC By industry', 'ABC By region', 'ABC By salesperson', 'ABC Issues', 'ABC Settings']);
  expect(after.get('Read me')).toEqual(before.get('Read me'));
  const tags = parseRef(doc.sheets.tagColumns!)!;
  expect(after.get('Customers')![truth.headerRow - 1].slice(tags.firstColumn - 1, tags.lastColumn)).toEqual(TAG_COLUMNS.map((t) => TAG_HEADERS.en[t]));
  before.get('Customers')!.forEach((row, i) => row.forEach((v, c) => expect([i, c, after.get('Customers')![i][c]]).toEqual([i, c, v])));
});

test('--sheet and --header-row name the sheet and its header', async () => {
  const r = await run(['plan', 'Accounts 2025.xlsx', '--sheet', 'customers', '--header-row', '3', '--out', 'named.xlsx', '--json', '--lang', 'en'], { cwd: dir });
  expect(r.code).toBe(0);
  expect(r.json<PlanDocument>()).toMatchObject({ sheet: 'Customers', headerRow: 3 });
  // A header row that is not the header: the message shows what that row holds.
  const wrong = await run(['plan', 'Accounts 2025.xlsx', '--header-row', '1', '--out', 'wrong.xlsx', '--lang', 'en'], { cwd: dir });
  expect(wrong.code).toBe(1);
  expect(wrong.stderr).toContain('cannot be planned');
  await expect(fs.access(path.join(dir, 'wrong.xlsx'))).rejects.toThrow();
});
