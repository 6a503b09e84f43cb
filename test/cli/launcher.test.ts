/**
 * The `bin` launcher (src/cli/abc-planner.js) and the build it runs (src/cli/build/bundle.cjs):
 * in a folder laid out like the repo, with a small command of its own as src/cli/main.ts, the
 * launcher refuses to run a build that is missing or older than a source and says how to make
 * it; after the build it runs it. Then the repo's own build: one file that runs alone, without
 * node_modules (no TypeScript compiler at run time).
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { SAMPLE_PATH } from '../fixtures/sampleWorkbook';
import { removeDir, tempDir } from './helpers';

const REPO = path.resolve(__dirname, '..', '..');

function node(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd, env: { PATH: process.env.PATH ?? '', LANG: 'en_US.UTF-8' } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('launcher in a repo-like folder', () => {
  let root: string;
  const launcher = () => path.join(root, 'src', 'cli', 'abc-planner.js');
  const build = () => node([path.join(root, 'src', 'cli', 'build', 'bundle.cjs')], root);
  const writeWord = async (word: string, secondsAhead = 0) => {
    const file = path.join(root, 'src', 'cli', 'word.ts');
    await fs.writeFile(file, `export const WORD: string = '${word}';\n`);
    // A second ahead of the build, whatever the file system's clock granularity.
    const when = new Date(Date.now() + secondsAhead * 1000);
    await fs.utimes(file, when, when);
  };

  beforeAll(async () => {
    root = await tempDir('abc-launcher-');
    await fs.mkdir(path.join(root, 'src', 'cli', 'build'), { recursive: true });
    await fs.copyFile(path.join(REPO, 'src', 'cli', 'abc-planner.js'), launcher());
    await fs.copyFile(path.join(REPO, 'src', 'cli', 'build', 'bundle.cjs'), path.join(root, 'src', 'cli', 'build', 'bundle.cjs'));
    await fs.symlink(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'));
    await fs.writeFile(
      path.join(root, 'src', 'cli', 'main.ts'),
      "import { WORD } from './word';\nexport function cli(): void {\n  process.stdout.write(`${WORD} ${process.argv.slice(2).join(' ')}\\n`);\n}\n",
    );
    await writeWord('before');
  });
  afterAll(() => removeDir(root));

  test('no build yet: exit 1, says in both languages to run npm run build:cli', async () => {
    const r = await node([launcher(), 'plan', 'x.xlsx'], root);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `错误：找不到编译好的命令 dist-cli/abc-planner.cjs。请在 ${root} 中运行 npm run build:cli（或 npm install），然后再试。\n` +
        `Error: the compiled command dist-cli/abc-planner.cjs is missing. Run npm run build:cli (or npm install) in ${root}, then try again.\n`,
    );
  });

  test('built: runs the build with the arguments; a source changed since: refused until rebuilt', async () => {
    expect((await build()).code).toBe(0);
    await expect(node([launcher(), 'plan', 'x.xlsx'], root)).resolves.toEqual({ code: 0, stdout: 'before plan x.xlsx\n', stderr: '' });

    await writeWord('after', 2);
    const stale = await node([launcher(), 'plan', 'x.xlsx'], root);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toBe('');
    expect(stale.stderr).toContain('错误：编译好的命令 dist-cli/abc-planner.cjs 比源文件 src/cli/word.ts 旧。请在');
    expect(stale.stderr).toContain('Error: the compiled command dist-cli/abc-planner.cjs is older than the source file src/cli/word.ts. Run npm run build:cli');

    await writeWord('after');
    expect((await build()).code).toBe(0);
    await expect(node([launcher(), '--version'], root)).resolves.toEqual({ code: 0, stdout: 'after --version\n', stderr: '' });
  });

  test('a source file the build came from is gone: refused as well', async () => {
    await fs.rename(path.join(root, 'src', 'cli', 'word.ts'), path.join(root, 'src', 'cli', 'word-renamed.ts'));
    try {
      const r = await node([launcher()], root);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('is older than the source file src/cli/word.ts');
    } finally {
      await fs.rename(path.join(root, 'src', 'cli', 'word-renamed.ts'), path.join(root, 'src', 'cli', 'word.ts'));
    }
  });
});

describe("the repo's compiled command", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir('abc-compiled-');
  });
  afterAll(() => removeDir(dir));

  test('is one file that plans the sample on its own, away from node_modules and the sources', async () => {
    const alone = path.join(dir, 'abc-planner.cjs');
    await fs.copyFile(path.join(REPO, 'dist-cli', 'abc-planner.cjs'), alone);
    await fs.copyFile(SAMPLE_PATH, path.join(dir, 'sample.xlsx'));
    const version = JSON.parse(await fs.readFile(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
    await expect(node([alone, '--version'], dir)).resolves.toEqual({ code: 0, stdout: `${version.version}\n`, stderr: '' });
    const r = await node([alone, 'plan', 'sample.xlsx', '--target', '12000', '--json'], dir);
    expect(r.stderr).toContain('Wrote sample-planned.xlsx');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { counts: { customers: number } }).counts.customers).toBe(320);
  });
});
