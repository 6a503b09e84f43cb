/**
 * The command's files with real processes (src/cli/abc-planner.js and the compiled command it
 * runs, as a shell starts them): runs racing for one output, a process killed just after its
 * temporary file appears, a FIFO as input. Few processes each, with a time limit, on a small
 * workbook.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { valuesWorkbook } from '../fixtures/xlsxBuilder';
import { removeDir, run, tempDir } from './helpers';

const LAUNCHER = path.resolve(__dirname, '..', '..', 'src', 'cli', 'abc-planner.js');
const KILL_AT_TEMP = path.resolve(__dirname, 'support', 'killAtTemp.cjs');

interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** One real run; killed (and failed by the test) after `timeoutMs`. */
function launch(args: string[], cwd: string, options: { preload?: string; timeoutMs?: number; env?: Record<string, string> } = {}): Promise<Ran> {
  const nodeArgs = [...(options.preload ? ['-r', options.preload] : []), LAUNCHER, ...args];
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      nodeArgs,
      { cwd, env: { PATH: process.env.PATH ?? '', LANG: 'zh_CN.UTF-8', ...options.env }, timeout: options.timeoutMs ?? 60_000, killSignal: 'SIGKILL' },
      (_error, stdout, stderr) => resolve({ code: child.exitCode, signal: child.signalCode, stdout, stderr }),
    );
  });
}

let dir: string;
const file = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = await tempDir('abc-procs-');
  await fs.writeFile(
    file('plan.xlsx'),
    valuesWorkbook([
      {
        name: '客户',
        values: [
          ['客户名称', '城市', '客户年市场销售额', '公司销售额'],
          ['西安交通大学', '西安', 600, 150],
          ['北京银行', '北京', 900, 400],
        ],
      },
    ]),
  );
});
afterAll(() => removeDir(dir));

test('four processes writing the same --out at once: one exit 0, three exit 1 "exists", the winner’s file kept', async () => {
  const targets = [1100, 2200, 3300, 4400];
  const runs = await Promise.all(targets.map((t) => launch(['plan', 'plan.xlsx', '--out', 'race.xlsx', '--target', String(t)], dir)));
  expect(runs.map((r) => r.signal)).toEqual([null, null, null, null]);
  const winners = targets.filter((_, i) => runs[i].code === 0);
  expect(winners).toHaveLength(1);
  for (const r of runs.filter((x) => x.code !== 0)) {
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('错误：输出文件 race.xlsx 已存在，没有覆盖它');
  }
  const settings = await run(['settings', 'race.xlsx', '--json'], { cwd: dir });
  expect((JSON.parse(settings.stdout) as { targets: { companyTarget: number } }).targets.companyTarget).toBe(winners[0]);
  expect((await fs.readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
});

test('SIGKILL just after the temporary file appears: the output untouched; the next run removes the leftover', async () => {
  await fs.writeFile(file('kept.xlsx'), 'the planner’s earlier file');
  const killed = await launch(['plan', 'plan.xlsx', '--out', 'kept.xlsx', '--overwrite'], dir, { preload: KILL_AT_TEMP });
  expect(killed.signal).toBe('SIGKILL');
  const left = (await fs.readdir(dir)).filter((n) => n.startsWith('.~abc-planner-'));
  expect(left).toHaveLength(1);
  expect(left[0]).toMatch(/^\.~abc-planner-kept\.xlsx\.[0-9a-f]{4}\.\d+\.[0-9a-f]{6}\.tmp$/);
  expect(await fs.readFile(file('kept.xlsx'), 'utf8')).toBe('the planner’s earlier file');

  const next = await launch(['plan', 'plan.xlsx', '--out', 'next.xlsx'], dir);
  expect(next.code).toBe(0);
  expect(next.stderr).toContain(`已删除以前中断的运行留下的 1 个临时文件：${left[0]}`);
  expect((await fs.readdir(dir)).filter((n) => n.startsWith('.~abc-planner-'))).toEqual([]);
});

test('SIGTERM while the temporary file is written: the process removes it and ends by the signal', async () => {
  const r = await launch(['plan', 'plan.xlsx', '--out', 'term.xlsx'], dir, { preload: KILL_AT_TEMP, env: { KILL_AT_TEMP_SIGNAL: 'SIGTERM' } });
  expect(r.signal).toBe('SIGTERM');
  expect((await fs.readdir(dir)).filter((n) => n.startsWith('.~abc-planner-') || n === 'term.xlsx')).toEqual([]);
});

// Needs root to start a process as another user; as any other user there is no second user to be.
const asRoot = process.getuid?.() === 0 ? test : test.skip;
if (process.getuid?.() !== 0) console.log('not root: the test of a file owned by another user is skipped (it starts a process as uid 65534)');
asRoot('another user updates a file it may write but does not own: the mode is kept, and it is told the owner could not be', async () => {
  const shared = await tempDir('abc-shared-');
  try {
    await fs.chmod(shared, 0o777);
    await fs.copyFile(file('plan.xlsx'), path.join(shared, 'team.xlsx'));
    await fs.chmod(path.join(shared, 'team.xlsx'), 0o664);
    const r = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = execFile(
        process.execPath,
        [LAUNCHER, 'plan', 'team.xlsx', '--in-place'],
        { cwd: shared, uid: 65534, gid: 65534, env: { PATH: process.env.PATH ?? '', LANG: 'en_US.UTF-8', HOME: shared }, timeout: 60_000, killSignal: 'SIGKILL' },
        (_e, _out, stderr) => resolve({ code: child.exitCode, stderr }),
      );
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Note: could not keep the owner of team.xlsx (user id 0, group id 0): the new file belongs to the user who ran abc-planner');
    const st = await fs.stat(path.join(shared, 'team.xlsx'));
    expect([st.uid, st.mode & 0o777]).toEqual([65534, 0o664]);
  } finally {
    await removeDir(shared);
  }
});

test('a FIFO as input: refused at once, no wait for a writer', async () => {
  execFileSync('mkfifo', [file('pipe.xlsx')]);
  const r = await launch(['plan', 'pipe.xlsx'], dir, { timeoutMs: 30_000 });
  expect(r.signal).toBeNull();
  expect([r.code, r.stderr.trim()]).toEqual([1, '错误：pipe.xlsx 是命名管道（FIFO），不是普通文件：ABC Planner 只读取普通文件。请给出 .xlsx 或 .xlsm 工作簿文件的路径']);
});
