/**
 * Options of `plan` on the sample: --settings wins over the workbook's settings sheet, bad
 * settings (file or sheet) stop with where and what to do, --in-place, an existing output
 * (--overwrite), .xlsm stays .xlsm, and the progress bar on a terminal.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import type { PlanDocument } from '../../src/cli/document';
import { defaultSettings, parseSettings, type Settings } from '../../src/engine/settings';
import { columnLetter } from '../../src/engine/a1';
import { SAMPLE_PATH } from '../fixtures/sampleWorkbook';
import { allValues, readWorkbook, removeDir, run, tempDir } from './helpers';

let dir: string;
const file = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = await tempDir();
  await fs.copyFile(SAMPLE_PATH, file('sample.xlsx'));
  const first = await run(['plan', 'sample.xlsx', '--target', '12000'], { cwd: dir });
  expect(first.code).toBe(0);
});
afterAll(() => removeDir(dir));

/** Settings a manager wrote by hand: only what changes; Tier 1 and 2 A lines raised, a target. */
const HAND_WRITTEN = {
  thresholds: { '1': { aPotential: 5000, aSales: 2000 }, '2': { aPotential: 3000, aSales: 1000 } },
  targets: { companyTarget: 8000, unit: 10 },
};

test('--settings wins over the workbook’s settings sheet, and is what the written settings sheet then holds', async () => {
  await fs.writeFile(file('hand.json'), JSON.stringify(HAND_WRITTEN, null, 2));
  const expected = parseSettings(HAND_WRITTEN);
  if (!expected.ok) throw new Error('fixture settings invalid');
  const withSheet = await run(['plan', 'sample-planned.xlsx', '--out', 'by-file.xlsx', '--settings', 'hand.json', '--json'], { cwd: dir });
  expect(withSheet.code).toBe(0);
  const doc = withSheet.json<PlanDocument>();
  expect(doc.settingsSource).toEqual({ kind: 'file', file: 'hand.json' });
  expect(doc.settings).toEqual(expected.settings);
  expect(doc.target).toMatchObject({ company: 8000, unit: 10, source: 'target' });
  // Stricter A lines: fewer A customers than with the workbook's (default) settings.
  const fromSheet = await run(['plan', 'sample-planned.xlsx', '--out', 'by-sheet.xlsx', '--json'], { cwd: dir });
  const sheetDoc = fromSheet.json<PlanDocument>();
  expect(sheetDoc.settingsSource).toEqual({ kind: 'workbook', sheet: 'ABC 设置' });
  expect(sheetDoc.settings).toEqual({ ...defaultSettings(), targets: { ...defaultSettings().targets, companyTarget: 12000 } });
  expect(doc.counts.byClass.A).toBeLessThan(sheetDoc.counts.byClass.A);
  expect(withSheet.stderr).toContain('设置：来自文件 hand.json');
  // The written workbook carries the file's settings from now on.
  const carried = await run(['settings', 'by-file.xlsx', '--json'], { cwd: dir });
  expect(carried.json<Settings>()).toEqual(expected.settings);
  // And a target on the command line wins over both.
  const t = await run(['plan', 'sample-planned.xlsx', '--out', 'by-file-t.xlsx', '--settings', 'hand.json', '--target', '9000', '--json'], { cwd: dir });
  expect(t.json<PlanDocument>().settings.targets).toMatchObject({ companyTarget: 9000, unit: 10 });
});

test('settings files that cannot be used: not there, not JSON, or wrong values (named, with what to do)', async () => {
  const missing = await run(['plan', 'sample.xlsx', '--settings', 'nope.json', '--out', 'x.xlsx'], { cwd: dir });
  expect(missing.code).toBe(1);
  expect(missing.stderr).toContain('找不到设置文件 nope.json');
  await fs.writeFile(file('broken.json'), '{ "thresholds": { "1": ');
  const broken = await run(['plan', 'sample.xlsx', '--settings', 'broken.json', '--out', 'x.xlsx', '--lang', 'en'], { cwd: dir });
  expect(broken.code).toBe(1);
  expect(broken.stderr).toContain('The settings file broken.json is not valid JSON');
  await fs.writeFile(file('wrong.json'), JSON.stringify({ thresholds: { '1': { aPotential: 50 } }, targets: { unit: 5 } }));
  const wrong = await run(['plan', 'sample.xlsx', '--settings', 'wrong.json', '--out', 'x.xlsx'], { cwd: dir });
  expect(wrong.code).toBe(1);
  expect(wrong.stderr).toContain('设置文件 wrong.json 有以下问题');
  expect(wrong.stderr).toContain('targets.unit');
  await expect(fs.access(file('x.xlsx'))).rejects.toThrow();
});

test('a settings sheet a person broke: the cell and what to type', async () => {
  // Type text into the Tier 1 "A minimum for potential" cell of the planned workbook's settings sheet.
  const wb = await readWorkbook(file('sample-planned.xlsx'));
  const s = await wb.readSheet('ABC 设置');
  let address = '';
  s.values.forEach((row, r) => row.forEach((v, c) => {
    if (!address && v === 500 && row[c + 1] === 200) address = `${columnLetter(s.firstColumn + c)}${s.firstRow + r}`;
  }));
  expect(address).not.toBe('');
  const parts = unzipSync(new Uint8Array(await fs.readFile(file('sample-planned.xlsx'))));
  const cell = new RegExp(`<c r="${address}"([^>]*?)(?: t="n")?><v>500</v></c>`);
  const part = Object.keys(parts).find((p) => p.startsWith('xl/worksheets/') && cell.test(new TextDecoder().decode(parts[p])))!;
  parts[part] = new TextEncoder().encode(new TextDecoder().decode(parts[part]).replace(cell, `<c r="${address}"$1 t="inlineStr"><is><t>五百</t></is></c>`));
  await fs.writeFile(file('broken-sheet.xlsx'), zipSync(parts));
  const r = await run(['plan', 'broken-sheet.xlsx'], { cwd: dir });
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('文件 broken-sheet.xlsx 的设置表“ABC 设置”有以下问题');
  expect(r.stderr).toContain(`工作表“ABC 设置” ${address} 单元格：“五百”不是数字。请填写数字。`);
  const settings = await run(['settings', 'broken-sheet.xlsx', '--lang', 'en'], { cwd: dir });
  expect(settings.code).toBe(1);
  expect(settings.stderr).toContain(`Sheet “ABC 设置”, cell ${address}: “五百” is not a number. Type a number.`);
});

test('--in-place updates the input and nothing else; twice is the same as once', async () => {
  await fs.copyFile(SAMPLE_PATH, file('inplace.xlsx'));
  const r = await run(['plan', 'inplace.xlsx', '--in-place', '--target', '1.2亿', '--json'], { cwd: dir });
  expect(r.code).toBe(0);
  expect(r.json<PlanDocument>()).toMatchObject({ output: file('inplace.xlsx'), inPlace: true });
  expect(r.stderr).toContain('已更新 inplace.xlsx（覆盖原文件）');
  await expect(fs.access(file('inplace-planned.xlsx'))).rejects.toThrow();
  const once = await allValues(file('inplace.xlsx'));
  expect([...once.keys()]).toContain('ABC 设置');
  const again = await run(['plan', 'inplace.xlsx', '--in-place'], { cwd: dir });
  expect(again.code).toBe(0);
  expect(await allValues(file('inplace.xlsx'))).toEqual(once);
  expect((await fs.readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
});

test('an existing output is kept unless --overwrite; the input is never the output without --in-place', async () => {
  const before = await fs.readFile(file('sample-planned.xlsx'));
  const r = await run(['plan', 'sample.xlsx', '--target', '5000'], { cwd: dir });
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('错误：输出文件 sample-planned.xlsx 已存在，没有覆盖它');
  expect(r.stderr).toContain('--overwrite');
  expect((await fs.readFile(file('sample-planned.xlsx'))).equals(before)).toBe(true);
  const o = await run(['plan', 'sample.xlsx', '--target', '5000', '--overwrite', '--json'], { cwd: dir });
  expect(o.code).toBe(0);
  expect(o.json<PlanDocument>().target.company).toBe(5000);
  const self = await run(['plan', 'sample.xlsx', '--out', './sample.xlsx', '--lang', 'en'], { cwd: dir });
  expect(self.code).toBe(1);
  expect(self.stderr).toContain('The output file ./sample.xlsx is the input file');
  expect(self.stderr).toContain('--in-place');
});

test('an .xlsm stays an .xlsm', async () => {
  const parts = unzipSync(new Uint8Array(await fs.readFile(SAMPLE_PATH)));
  const ct = new TextDecoder().decode(parts['[Content_Types].xml']);
  parts['[Content_Types].xml'] = new TextEncoder().encode(
    ct.replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml'),
  );
  await fs.writeFile(file('macro.xlsm'), zipSync(parts));
  const r = await run(['plan', 'macro.xlsm', '--json'], { cwd: dir });
  expect(r.code).toBe(0);
  expect(r.json<PlanDocument>().output).toBe(file('macro-planned.xlsm'));
  expect((await readWorkbook(file('macro-planned.xlsm'))).macroEnabled).toBe(true);
  const x = await run(['plan', 'macro.xlsm', '--out', 'macro.xlsx'], { cwd: dir });
  expect(x.code).toBe(1);
  expect(x.stderr).toContain('必须以 .xlsm 结尾');
});

test('a progress bar on a terminal only: drawn on stderr, erased at the end; stdout stays JSON', async () => {
  const r = await run(['plan', 'sample.xlsx', '--out', 'progress.xlsx', '--json'], { cwd: dir, tty: true, progressMinBytes: 0 });
  expect(r.code).toBe(0);
  expect(r.stderr).toMatch(/\r\[#*\.*\] +\d+% 读取/);
  expect(r.stderr).toContain('写入');
  expect(r.stderr).toMatch(/\r\x1b\[K工作表“客户清单”/);
  expect(() => JSON.parse(r.stdout)).not.toThrow();
  const big = await run(['plan', 'sample.xlsx', '--out', 'progress2.xlsx'], { cwd: dir, tty: true });
  expect(big.stderr).not.toContain('\r'); // the sample is below 1 MB
});
