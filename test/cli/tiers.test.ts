/**
 * The command with tiers a company set: the sample planned with five tiers from a settings file,
 * the JSON document's tiers, the written workbook carrying them, and `settings` listing them;
 * and a settings file of version 1 (the fixed three tiers) still plans.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { PlanDocument } from '../../src/cli/document';
import type { Settings } from '../../src/engine/settings';
import { defaultSettings } from '../../src/engine/settings';
import { tierIdCell } from '../../src/engine/tiers';
import { TAG_COLUMNS } from '../../src/i18n/render';
import { parseRef } from '../../src/render';
import { FIVE_TIERS, fiveTierSettings } from '../fixtures/fiveTiers';
import { SAMPLE_PATH } from '../fixtures/sampleWorkbook';
import { allValues, removeDir, run, tempDir } from './helpers';

let dir: string;
let doc: PlanDocument;
const file = (name: string) => path.join(dir, name);
const five = fiveTierSettings();

beforeAll(async () => {
  dir = await tempDir();
  await fs.copyFile(SAMPLE_PATH, file('sample.xlsx'));
  await fs.writeFile(file('five.json'), JSON.stringify(five, null, 2));
  const r = await run(['plan', 'sample.xlsx', '--settings', 'five.json', '--target', '12000', '--json'], { cwd: dir });
  expect(r.code).toBe(0);
  doc = r.json<PlanDocument>();
});
afterAll(() => removeDir(dir));

test('plan --json: tiers are the settings’ ids, counted per tier', () => {
  expect(doc.documentVersion).toBe(2);
  expect(doc.settings.tiers).toEqual(FIVE_TIERS);
  const ids = FIVE_TIERS.map((t) => t.id);
  for (const c of doc.customers) expect(ids).toContain(c.tier);
  expect(Object.keys(doc.counts.byTier).sort()).toEqual([...ids].sort());
  for (const id of ids) expect([id, doc.counts.byTier[id]]).toEqual([id, doc.customers.filter((c) => c.tier === id).length]);
  // The sample's cities reach every tier; the cities not listed, the fallback "4".
  for (const id of ids) expect(doc.counts.byTier[id]).toBeGreaterThan(0);
  expect(doc.customers.find((c) => c.city === '西安')?.tier).toBe('new1');
  expect(doc.tables.summary.lines.map((l) => l.tier)).toEqual(ids.flatMap((id) => [id, id, id]));
});

test('the planned workbook’s tag column holds each customer’s tier id as the settings sheet writes it', async () => {
  const values = await allValues(file('sample-planned.xlsx'));
  const tags = parseRef(doc.sheets.tagColumns!)!;
  const rows = values.get(tags.sheet)!;
  const at = tags.firstColumn - 1 + TAG_COLUMNS.indexOf('tier');
  for (const c of doc.customers) expect([c.row, rows[c.row - 1][at]]).toEqual([c.row, tierIdCell(c.tier)]);
});

test('`settings` lists the five tiers with their cities, the fallback, and a threshold row per tier', async () => {
  const zh = await run(['settings', 'sample-planned.xlsx'], { cwd: dir });
  expect(zh.code).toBe(0);
  const lines = zh.stdout.split('\n');
  expect(lines).toEqual(
    expect.arrayContaining([
      '  城市级别（5 个，从高到低；未列出的城市归入“四线及以下”）：',
      '    一线城市（代码 1，英文名 Tier 1）：4 个城市：北京、上海、广州、深圳',
      '    新一线城市（代码 new1，英文名 New tier 1）：15 个城市：成都、杭州、重庆、武汉、西安、苏州、天津、南京 等（另有 7 个）',
      '    四线及以下（代码 4，英文名 Tier 4 and below）：所有未列出的城市',
      '    新一线城市  400 | 150 | 80 | 25',
      '    四线及以下  80 | 30 | 10 | 3',
    ]),
  );
  const en = await run(['settings', 'sample-planned.xlsx', '--lang', 'en'], { cwd: dir });
  expect(en.stdout.split('\n')).toEqual(
    expect.arrayContaining([
      '  City tiers (5, highest first; cities not listed fall to Tier 4 and below):',
      '    New tier 1 (ID new1, Chinese name 新一线城市): 15 cities: 成都, 杭州, 重庆, 武汉, 西安, 苏州, 天津, 南京 and 7 more',
      '    Tier 4 and below (ID 4, Chinese name 四线及以下): every city not listed',
    ]),
  );
  const json = await run(['settings', 'sample-planned.xlsx', '--json'], { cwd: dir });
  expect(json.json<Settings>()).toEqual({ ...five, targets: { ...five.targets, companyTarget: 12000 } });
});

test('a settings file of version 1 (three tiers, city tiers as numbers) plans with the three tiers', async () => {
  const { tiers: _tiers, fallbackTier: _fallback, ...rest } = defaultSettings();
  const v1 = { ...rest, version: 1, cities: [{ city: '淄博', tier: 1 }] };
  await fs.writeFile(file('v1.json'), JSON.stringify(v1));
  const r = await run(['plan', 'sample.xlsx', '--settings', 'v1.json', '--out', 'v1.xlsx', '--json'], { cwd: dir });
  expect(r.code).toBe(0);
  const d = r.json<PlanDocument>();
  expect(d.settings.tiers).toEqual(defaultSettings().tiers);
  expect(d.settings.cities).toEqual([{ city: '淄博', tier: '1' }]);
  expect(d.customers.filter((c) => c.city === '淄博').every((c) => c.tier === '1')).toBe(true);
  expect(d.customers.filter((c) => c.city === '北京').every((c) => c.tier === '3')).toBe(true);
});
