/**
 * The real command in child processes, through the `bin` launcher (src/cli/abc-planner.js, which
 * runs the compiled command dist-cli/abc-planner.cjs; jest's global setup rebuilds it when a source
 * changed), run from another folder: exit codes, stdout and stderr as a shell sees them.
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { PlanDocument } from '../../src/cli/document';
import { SAMPLE_PATH } from '../fixtures/sampleWorkbook';
import { removeDir, tempDir } from './helpers';

const LAUNCHER = path.resolve(__dirname, '..', '..', 'src', 'cli', 'abc-planner.js');

function launch(args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [LAUNCHER, ...args], { cwd, env: { PATH: process.env.PATH ?? '', ...env }, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
  await fs.copyFile(SAMPLE_PATH, path.join(dir, '客户 2025.xlsx'));
});
afterAll(() => removeDir(dir));

test('plans the sample: JSON on stdout, the summary on stderr, exit 0', async () => {
  const r = await launch(['plan', '客户 2025.xlsx', '--target', '1.2亿', '--json'], dir, { LANG: 'zh_CN.UTF-8' });
  expect(r.stderr).toContain('已写入 客户 2025-planned.xlsx');
  expect(r.code).toBe(0);
  const doc = JSON.parse(r.stdout) as PlanDocument;
  expect(doc.counts.customers).toBe(320);
  expect(doc.target.company).toBe(12000);
  await expect(fs.stat(path.join(dir, '客户 2025-planned.xlsx'))).resolves.toBeTruthy();
});

test('exit 2 on wrong usage, exit 1 on a file that is not a workbook; --version', async () => {
  const usage = await launch(['plan', 'x.xlsx', '--target', '1', '--growth', '2'], dir, { LANG: 'en_US.UTF-8' });
  expect(usage.code).toBe(2);
  expect(usage.stderr).toContain('Give --target or --growth, not both');
  await fs.writeFile(path.join(dir, 'notes.xlsx'), 'just text');
  const bad = await launch(['plan', 'notes.xlsx'], dir, { LANG: 'zh_CN.UTF-8' });
  expect(bad.code).toBe(1);
  expect(bad.stderr).toContain('这不是 Excel 工作簿文件');
  const v = await launch(['--version'], dir);
  expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
});
