/**
 * The command end to end on the committed sample workbook (assets/sample-customers.xlsx): the
 * JSON document, the written workbook (settings sheet, tag columns, breakdown sheets, user
 * cells unchanged), re-planning the output, and the `settings` subcommand.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { PlanDocument } from '../../src/cli/document';
import type { Settings } from '../../src/engine/settings';
import { TAG_COLUMNS, TAG_HEADERS } from '../../src/i18n/render';
import { parseRef, settingsFromSheet } from '../../src/render';
import { SAMPLE_PATH, SAMPLE_SHEET, NOTES_SHEET, makeSample, type Sample } from '../fixtures/sampleWorkbook';
import { allValues, allValuesOf, readWorkbook, removeDir, run, tempDir } from './helpers';

let dir: string;
let doc: PlanDocument;
let stderr: string;
const input = () => path.join(dir, 'sample-customers.xlsx');
const output = () => path.join(dir, 'sample-customers-planned.xlsx');
let sample: Sample;

beforeAll(async () => {
  sample = await makeSample();
  dir = await tempDir();
  await fs.copyFile(SAMPLE_PATH, input());
  const r = await run(['plan', 'sample-customers.xlsx', '--target', '1.2亿', '--json'], { cwd: dir });
  expect([r.code, r.stderr]).toEqual([0, expect.any(String)]);
  doc = r.json();
  stderr = r.stderr;
});
afterAll(() => removeDir(dir));

test('the committed sample is what its generator makes (320 customers, Chinese headers, a title row)', async () => {
  // Same cells in the same sheets (bytes may differ when the .xlsx host lays out parts differently:
  // run `npx tsx test/fixtures/sampleWorkbook.ts` to refresh the file).
  expect(await allValues(SAMPLE_PATH)).toEqual(await allValuesOf(sample.bytes));
  expect(Buffer.from((await makeSample()).bytes).equals(Buffer.from(sample.bytes))).toBe(true); // deterministic
  expect(sample.truth.customers).toHaveLength(320);
  expect(sample.truth.headerRow).toBe(3);
  expect(sample.truth.messyRows.size).toBeGreaterThan(10);
});

test('JSON: sheet, header, mapping, counts by class, customers as a planner reads them', () => {
  expect(doc.sheet).toBe(SAMPLE_SHEET);
  expect(doc.headerRow).toBe(3);
  expect(doc.language).toBe('zh');
  expect(doc.output).toBe(output());
  expect(doc.settingsSource).toEqual({ kind: 'defaults' });
  expect(doc.columns).toMatchObject({
    name: { column: 'A', header: '客户名称' },
    city: { column: 'B', header: '城市' },
    industry: { column: 'C' },
    potential: { column: 'D', header: '客户年市场销售额（万元）' },
    ourSales: { column: 'E' },
    owner: { column: 'F' },
    region: { column: 'G' },
  });
  expect(doc.productColumns).toEqual([
    { name: '产品1', column: 'H', header: '产品1销售额' },
    { name: '产品2', column: 'I', header: '产品2销售额' },
    { name: '产品3', column: 'J', header: '产品3销售额' },
  ]);
  // Fixed by the committed sample (and the default settings).
  expect(doc.counts).toEqual({
    customers: 320,
    classified: 314,
    unclassified: 6,
    byClass: { A: 29, B: 106, C: 179 },
    byTier: { '1': 65, '2': 123, '3': 132 },
    issues: 8,
    errors: 6,
    warnings: 2,
  });
  // Row by row against the generator's own reading of its rows.
  expect(doc.customers.map((c) => c.row)).toEqual(sample.truth.customers.map((t) => t.row));
  sample.truth.customers.forEach((t, i) => {
    const c = doc.customers[i];
    expect([t.row, c.name, c.city, c.tier]).toEqual([t.row, t.name, t.city, String(t.tier)]); // the default tiers' ids
    const readable = t.potential !== null && t.ourSales !== null;
    expect([t.row, c.class !== null]).toEqual([t.row, readable]);
    if (c.class === null) {
      expect([c.coverage, c.mode, c.target, c.productTargets]).toEqual([null, null, null, null]);
      expect(c.issues.length).toBeGreaterThan(0);
    }
  });
  // Issues carry where / what / todo in the chosen language, and sit on their rows.
  for (const issue of doc.issues) {
    expect(issue.where).toMatch(/^工作表“客户清单”第 \d+ 行/);
    expect(issue.what.length).toBeGreaterThan(3);
    expect(issue.todo.length).toBeGreaterThan(3);
    const c = doc.customers.find((x) => x.row === issue.row)!;
    expect(c.issues.map((x) => x.key)).toContain(issue.key);
  }
});

test('JSON: the tables tie out to the company target', () => {
  expect(doc.target).toMatchObject({ company: 12000, source: 'target', basis: 'potential', unit: 1, rounded: false });
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const classified = doc.customers.filter((c) => c.class !== null);
  expect(sum(classified.map((c) => c.target!))).toBe(12000);
  for (const c of classified) expect(sum(c.productTargets!)).toBe(c.target);
  const t = doc.tables;
  expect(t.byCustomer.total.target + t.byIndustry.total.target + t.byRegion.total.target).toBe(12000);
  expect(t.bySalesperson.total.target).toBe(12000);
  expect(t.summary.total.target).toBe(12000);
  expect(t.byCustomer.lines).toHaveLength(29);
  expect(sum(t.byIndustry.lines.map((l) => l.customers))).toBe(106);
  expect(sum(t.byRegion.lines.map((l) => l.customers))).toBe(179);
  for (const table of [t.byCustomer, t.byIndustry, t.byRegion, t.bySalesperson]) {
    expect(sum(table.lines.map((l) => l.target))).toBe(table.total.target);
    table.total.products.forEach((p, k) => expect(sum(table.lines.map((l) => l.products[k]))).toBe(p));
  }
});

test('stderr: a summary in Chinese that names the sheet, classes, target, issues and the output', () => {
  expect(stderr).toContain('工作表“客户清单”（表头在第 3 行）：320 个客户');
  expect(stderr).toContain('客户分级：A类 29 个，B类 106 个，C类 179 个，未分级 6 个');
  expect(stderr).toContain('公司目标 12,000 万元');
  expect(stderr).toContain('“ABC 问题”');
  expect(stderr).toContain('已写入 sample-customers-planned.xlsx');
  expect(stderr).not.toContain('\r'); // no progress bar off a terminal
});

test('the written workbook: user cells unchanged, settings sheet, tag columns, breakdown sheets; the input untouched', async () => {
  expect(Buffer.from(await fs.readFile(input())).equals(Buffer.from(sample.bytes))).toBe(true);
  const before = await allValues(input());
  const after = await allValues(output());
  expect([...after.keys()]).toEqual([SAMPLE_SHEET, NOTES_SHEET, 'ABC 汇总', 'ABC 按客户', 'ABC 按行业', 'ABC 按地区', 'ABC 按销售', 'ABC 问题', 'ABC 设置']);
  expect(doc.sheets).toMatchObject({ summary: 'ABC 汇总', customers: 'ABC 按客户', settings: 'ABC 设置', issues: 'ABC 问题' });
  expect(after.get(NOTES_SHEET)).toEqual(before.get(NOTES_SHEET));
  const userRows = before.get(SAMPLE_SHEET)!;
  const plannedRows = after.get(SAMPLE_SHEET)!;
  userRows.forEach((row, r) => row.forEach((v, c) => expect([r, c, plannedRows[r][c]]).toEqual([r, c, v])));

  // Tag columns right of the data, with their headers on the header row and the engine's tags cached.
  const tags = parseRef(doc.sheets.tagColumns!)!;
  expect(tags.sheet).toBe(SAMPLE_SHEET);
  expect(tags.firstColumn).toBe(11); // K: right of J, the last product column
  expect(tags.firstRow).toBe(3);
  const header = plannedRows[2].slice(tags.firstColumn - 1, tags.lastColumn);
  expect(header).toEqual(TAG_COLUMNS.map((t) => TAG_HEADERS.zh[t]));
  const at = (t: (typeof TAG_COLUMNS)[number]) => tags.firstColumn - 1 + TAG_COLUMNS.indexOf(t);
  for (const c of doc.customers) {
    const row = plannedRows[c.row - 1];
    expect([c.row, row[at('class')]]).toEqual([c.row, c.class ?? '']);
    expect([c.row, row[at('tier')]]).toEqual([c.row, Number(c.tier)]); // a whole-number id is written as the number
  }

  // The settings sheet reads back as the settings used.
  const wb = await readWorkbook(output());
  const s = await wb.readSheet('ABC 设置');
  const parsed = settingsFromSheet(s.values, { firstRow: s.firstRow, firstColumn: s.firstColumn, sheet: s.name });
  expect(parsed.ok && parsed.settings).toEqual(doc.settings);
  expect(doc.settings.targets.companyTarget).toBe(12000);
  // Breakdown sheets hold their tables.
  expect(after.get('ABC 按客户')!.length).toBeGreaterThan(29);
  expect(after.get('ABC 问题')!.flat()).toContain('客户清单');
});

test('planning the planned workbook again changes nothing, and keeps the target in its settings sheet', async () => {
  const r = await run(['plan', 'sample-customers-planned.xlsx', '--out', 'again.xlsx', '--json'], { cwd: dir });
  expect(r.code).toBe(0);
  const again = r.json<PlanDocument>();
  expect(again.settingsSource).toEqual({ kind: 'workbook', sheet: 'ABC 设置' });
  expect(again.settings).toEqual(doc.settings);
  expect(again.customers).toEqual(doc.customers);
  expect(again.tables).toEqual(doc.tables);
  expect(again.sheets).toEqual(doc.sheets);
  expect(await allValues(path.join(dir, 'again.xlsx'))).toEqual(await allValues(output()));
  const wb = await readWorkbook(path.join(dir, 'again.xlsx'));
  expect((await wb.listNames()).map((n) => n.name).sort()).toEqual((await (await readWorkbook(output())).listNames()).map((n) => n.name).sort());
});

test('`settings --json` prints the settings the workbook carries: those the plan used', async () => {
  const r = await run(['settings', 'sample-customers-planned.xlsx', '--json'], { cwd: dir });
  expect(r.code).toBe(0);
  expect(r.json<Settings>()).toEqual(doc.settings);
  expect(r.stderr).toContain('“ABC 设置”');
  // Without a settings sheet: the defaults, said so.
  const d = await run(['settings', 'sample-customers.xlsx', '--json', '--lang', 'en'], { cwd: dir });
  expect(d.code).toBe(0);
  expect(d.json<Settings>()).toEqual({ ...doc.settings, targets: { ...doc.settings.targets, companyTarget: null } });
  expect(d.stderr).toContain('has no ABC settings sheet');
});

test('`settings` without --json lists the settings for people', async () => {
  const r = await run(['settings', 'sample-customers-planned.xlsx'], { cwd: dir });
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('来自“ABC 设置”表');
  expect(r.stdout).toContain('一级城市');
  expect(r.stdout).toContain('500 | 200 | 100 | 30');
  expect(r.stdout).toContain('公司目标：12,000 万元');
  const en = await run(['settings', 'sample-customers-planned.xlsx', '--lang', 'en'], { cwd: dir });
  expect(en.stdout).toContain('Company target: 12,000 万元');
  expect(en.stdout).toContain('Tier 1');
});
