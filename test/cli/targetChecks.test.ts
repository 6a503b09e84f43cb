/**
 * The target's sanity checks reach the planner through the CLI: the summary on stderr, the JSON
 * document's issues and the issues sheet of the written workbook.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { SAMPLE_PATH } from '../fixtures/sampleWorkbook';
import { allValues, removeDir, run, tempDir } from './helpers';

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
  await fs.copyFile(SAMPLE_PATH, path.join(dir, 'sample.xlsx'));
});
afterAll(() => removeDir(dir));

test('a target typed in 元: the summary asks “did you mean”, the JSON and the issues sheet carry it', async () => {
  const r = await run(['plan', 'sample.xlsx', '--target', '120000000', '--json', '--lang', 'en'], { cwd: dir });
  expect(r.code).toBe(0);
  const summary = r.stderr.split('\n');
  const line = summary.find((l) => l.includes('looks typed in CNY'));
  expect(line).toContain('Did you mean ¥120,000,000 = 1.2亿 = 12,000 万元? If so, type 12000 as the company target');
  const doc = r.json();
  const issue = doc.issues.find((i) => i.key === 'target-in-yuan');
  expect(issue).toMatchObject({ severity: 'warning', row: null, params: { target: 120000000, current: doc.target.currentSales } });
  expect(issue!.todo).toContain('Did you mean ¥120,000,000 = 1.2亿 = 12,000 万元?');
  // The issues sheet speaks the customer sheet's language (Chinese headers), with no row: the target is a setting.
  const issuesSheet = (await allValues(path.join(dir, 'sample-planned.xlsx'))).get('ABC 问题')!;
  expect(issuesSheet).toContainEqual(['客户清单', null, null, '提醒', expect.stringContaining('像是按元填写的'), '您是想填 ¥120,000,000 = 1.2亿 = 12,000 万元 吗？如是，请在公司目标中填 12000（单位为万元）']);
});

test('growth beyond 300 %: the Chinese summary warns with the target it would give', async () => {
  const r = await run(['plan', 'sample.xlsx', '--growth', '400', '--out', 'growth.xlsx'], { cwd: dir });
  expect(r.code).toBe(0);
  expect(r.stderr).toMatch(/增长率 400% 超出常见范围（-90% 至 300%），公司目标将为 [\d,.]+ 万元（今年 [\d,.]+ 万元）/);
});
