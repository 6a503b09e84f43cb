/**
 * What the command says when it cannot plan (exit 1: what, where, what to do) and when it is
 * used wrongly (exit 2), in both languages; --help and --version.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { SAMPLE_PATH } from '../fixtures/sampleWorkbook';
import { compoundFile, valuesWorkbook } from '../fixtures/xlsxBuilder';
import { removeDir, run, tempDir } from './helpers';

let dir: string;
const file = (name: string) => path.join(dir, name);
const zh = { LANG: 'zh_CN.UTF-8' };
const en = { LANG: 'en_US.UTF-8' };

/** valuesWorkbook with some sheets hidden. */
function withHidden(bytes: Uint8Array, hidden: string[]): Uint8Array {
  const parts = unzipSync(bytes);
  let wb = new TextDecoder().decode(parts['xl/workbook.xml']);
  for (const name of hidden) wb = wb.replace(`<sheet name="${name}"`, `<sheet name="${name}" state="hidden"`);
  parts['xl/workbook.xml'] = new TextEncoder().encode(wb);
  return zipSync(parts);
}

const customers = [
  ['客户名称', '城市', '客户年市场销售额', '公司销售额'],
  ['西安交通大学', '西安', 600, 150],
  ['北京银行', '北京', 900, 400],
];

beforeAll(async () => {
  dir = await tempDir();
  await fs.writeFile(file('text.xlsx'), 'name,city\nA,B\n');
  await fs.writeFile(file('list.csv'), 'name,city\nA,B\n');
  await fs.writeFile(file('notes.txt'), '客户名单见附件\n');
  const sample = await fs.readFile(SAMPLE_PATH);
  await fs.writeFile(file('truncated.xlsx'), sample.subarray(0, Math.floor(sample.length / 2)));
  await fs.writeFile(file('old.xls'), compoundFile(['Workbook', 'SummaryInformation']));
  await fs.writeFile(file('locked.xlsx'), compoundFile(['EncryptionInfo', 'EncryptedPackage']));
  await fs.mkdir(file('folder.xlsx'));
  await fs.writeFile(file('no-header.xlsx'), valuesWorkbook([{ name: '备忘', values: [['随便写点什么'], [1, 2, 3], ['说明', '没有表头']] }]));
  await fs.writeFile(file('empty.xlsx'), valuesWorkbook([{ name: '空表', values: [] }, { name: '说明', values: [['这里没有客户']] }]));
  await fs.writeFile(
    file('no-sales.xlsx'),
    valuesWorkbook([{ name: '客户', values: [['2025 客户'], [null], ['客户名称', '城市', '客户年市场销售额', '行业'], ['西安交通大学', '西安', 600, '教育']] }]),
  );
  await fs.writeFile(file('hidden.xlsx'), withHidden(valuesWorkbook([{ name: '说明', values: [['见隐藏表']] }, { name: '数据', values: customers }]), ['数据']));
});
afterAll(() => removeDir(dir));

describe('the input cannot be planned: exit 1 with what, where and what to do', () => {
  test.each([
    ['text.xlsx', '这不是 Excel 工作簿文件', 'This is not an Excel workbook'],
    ['list.csv', '这是文本（CSV）文件', 'This is a text (CSV) file'],
    ['notes.txt', '这是文本文件，不是 Excel 工作簿', 'This is a text file, not an Excel workbook'],
    ['truncated.xlsx', '文件已损坏或不完整', 'The file is damaged or incomplete'],
    ['old.xls', '这是旧版 .xls 文件，请在 Excel 中另存为 .xlsx', 'This is an old .xls file: save it as .xlsx'],
    ['locked.xlsx', '设置了打开密码', 'password-protected (encrypted)'],
  ])('%s: the host’s message, with the file', async (name, zhText, enText) => {
    const a = await run(['plan', name], { cwd: dir, env: zh });
    expect(a.code).toBe(1);
    expect(a.stderr).toContain(`错误：文件 ${name}：`);
    expect(a.stderr).toContain(zhText);
    expect(a.stdout).toBe('');
    const b = await run(['plan', name, '--json'], { cwd: dir, env: en });
    expect(b.code).toBe(1);
    expect(b.stderr).toContain(`Error: File ${name}: `);
    expect(b.stderr).toContain(enText);
    expect(b.stdout).toBe('');
    await expect(fs.readdir(dir)).resolves.not.toContain(name.replace(/\.\w+$/, '-planned.xlsx'));
  });

  test('a file that is not there, and a folder', async () => {
    const a = await run(['plan', 'nowhere.xlsx'], { cwd: dir, env: zh });
    expect([a.code, a.stderr.trim()]).toEqual([1, '错误：找不到文件 nowhere.xlsx：请检查路径和文件名']);
    const b = await run(['plan', 'folder.xlsx', '--lang', 'en'], { cwd: dir, env: zh });
    expect([b.code, b.stderr.trim()]).toEqual([1, 'Error: folder.xlsx is a folder, not a workbook: give the path of an .xlsx file']);
  });

  test('no sheet with a header: names the sheets checked and what to do', async () => {
    const r = await run(['plan', 'no-header.xlsx'], { cwd: dir, env: zh });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('文件 no-header.xlsx 中没有像客户清单的工作表');
    expect(r.stderr).toContain('已检查：“备忘”');
    expect(r.stderr).toContain('--sheet');
    expect(r.stderr).toContain('--header-row');
    const e = await run(['plan', 'no-header.xlsx', '--sheet', '备忘'], { cwd: dir, env: en });
    expect(e.code).toBe(1);
    expect(e.stderr).toContain('No header row found');
    expect(e.stderr).toContain('Sheet “备忘”');
  });

  test('an empty sheet', async () => {
    const r = await run(['plan', 'empty.xlsx'], { cwd: dir, env: zh });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('已检查：“空表”、“说明”');
    const named = await run(['plan', 'empty.xlsx', '--sheet', '空表'], { cwd: dir, env: zh });
    expect([named.code, named.stderr.trim()]).toEqual([1, '错误：文件 empty.xlsx 的工作表“空表”是空的：请用 --sheet 指定含客户数据的工作表']);
  });

  test('a required column missing: which, where, and the header as found', async () => {
    const r = await run(['plan', 'no-sales.xlsx'], { cwd: dir, env: zh });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('错误：文件 no-sales.xlsx 无法计划：');
    expect(r.stderr).toContain('工作表“客户”第 3 行：缺少“公司销售额”列');
    expect(r.stderr).toContain('第 3 行的表头为：“客户名称”、“城市”、“客户年市场销售额”、“行业”');
  });

  test('a sheet named with --sheet that is not there lists the sheets', async () => {
    const r = await run(['plan', 'no-sales.xlsx', '--sheet', 'Customers', '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('There is no sheet named "Customers" in no-sales.xlsx');
    expect(r.stderr).toContain('"客户"');
  });

  test('hidden sheets are not picked on their own, but can be named', async () => {
    const r = await run(['plan', 'hidden.xlsx'], { cwd: dir, env: zh });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('隐藏的工作表不会被自动选用');
    const named = await run(['plan', 'hidden.xlsx', '--sheet', '数据', '--json'], { cwd: dir, env: zh });
    expect(named.code).toBe(0);
    expect(named.json()).toMatchObject({ sheet: '数据', counts: { customers: 2 } });
  });
});

describe('wrong usage: exit 2, the mistake named, a pointer to --help', () => {
  test.each([
    [[], '缺少命令'],
    [['plna', 'a.xlsx'], '“plna”不是 abc-planner 的命令'],
    [['plan'], '缺少工作簿文件：abc-planner plan <工作簿.xlsx>'],
    [['plan', 'a.xlsx', 'b.xlsx'], '多余的参数“b.xlsx”'],
    [['plan', 'a.xlsx', '--targte', '5'], '无法识别的选项 --targte（是不是 --target？）'],
    [['plan', 'a.xlsx', '-x'], '无法识别的选项 -x'],
    [['plan', 'a.xlsx', '--target'], '选项 --target 需要一个值，例如 --target 12000'],
    [['plan', 'a.xlsx', '--out', '--json'], '选项 --out 需要一个值'],
    [['plan', 'a.xlsx', '--json=yes'], '选项 --json 不带值'],
    [['plan', 'a.xlsx', '--target', '一些钱'], '“一些钱”不是有效金额'],
    [['plan', 'a.xlsx', '--target', '-5'], '公司目标不能为负数'],
    [['plan', 'a.xlsx', '--growth', 'abc'], '“abc”不是有效的增长率'],
    [['plan', 'a.xlsx', '--growth=-150'], '“-150”不是有效的增长率'],
    [['plan', 'a.xlsx', '--target', '100', '--growth', '5'], '--target 和 --growth 只能给一个'],
    [['plan', 'a.xlsx', '--out', 'b.xlsx', '--in-place'], '--out 和 --in-place 只能给一个'],
    [['plan', 'a.xlsx', '--header-row', '0'], '“0”不是有效的行号'],
    [['plan', 'a.xlsx', '--lang', 'fr'], '“fr”不是支持的语言'],
    [['settings', 'a.xlsx', '--target', '100'], '选项 --target 不能用于 settings 命令'],
  ])('%j', async (argv, message) => {
    const r = await run(argv, { cwd: dir, env: zh });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`错误：${message}`);
    expect(r.stderr).toContain('运行 “abc-planner --help” 查看用法。');
    expect(r.stdout).toBe('');
  });

  test('in English with --lang or the environment', async () => {
    const a = await run(['plan', 'a.xlsx', '--targte', '5', '--lang', 'en'], { cwd: dir, env: zh });
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('Error: Unknown option --targte (did you mean --target?)');
    const b = await run(['plan', 'a.xlsx', '--target', '1', '--growth', '2'], { cwd: dir, env: { LANG: 'C.UTF-8' } });
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('Give --target or --growth, not both');
    expect(b.stderr).toContain('Run "abc-planner --help" for usage.');
  });
});

test('amounts for --target: 12000, 1.2亿, 12,000万; growth with a sign; a negative growth with =', async () => {
  for (const [argv, company] of [
    [['--target', '12000'], 12000],
    [['--target', '1.2亿'], 12000],
    [['--target', '12,000万'], 12000],
    [['--target', '¥120,000,000'], 12000],
  ] as const) {
    const r = await run(['plan', 'hidden.xlsx', '--sheet', '数据', '--overwrite', '--json', ...argv], { cwd: dir });
    expect([argv, r.code, r.json().target.company]).toEqual([argv, 0, company]);
  }
  const g = await run(['plan', 'hidden.xlsx', '--sheet', '数据', '--overwrite', '--json', '--growth=-50'], { cwd: dir });
  expect(g.json().target).toMatchObject({ source: 'growth', growthPct: -50, currentSales: 550, company: 275 });
  const p = await run(['plan', 'hidden.xlsx', '--sheet', '数据', '--overwrite', '--json', '--growth', '+10%'], { cwd: dir });
  expect(p.json().target).toMatchObject({ growthPct: 10, company: 605 });
});

test('--help in either language, for the command or a subcommand; --version', async () => {
  const z = await run(['--help'], { cwd: dir, env: zh });
  expect(z.code).toBe(0);
  expect(z.stdout).toContain('用法：');
  expect(z.stdout).toContain('abc-planner plan <客户表.xlsx>');
  expect(z.stdout).toContain('退出码');
  const e = await run(['plan', '-h', '--lang', 'en'], { cwd: dir, env: zh });
  expect(e.code).toBe(0);
  expect(e.stdout).toContain('Usage:');
  expect(e.stdout).toContain('--growth PCT');
  expect((await run(['help'], { cwd: dir, env: en })).stdout).toContain('Exit codes');
  const v = await run(['--version'], { cwd: dir });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  expect([v.code, v.stdout]).toEqual([0, `${(require('../../package.json') as { version: string }).version}\n`]);
});
