/**
 * Issue 9 on the workbook side: a settings sheet whose target cell was edited to 10^16 names
 * that cell; tag columns that would pass column XFD say what to do; --target 1e16 is a usage
 * error that names the option.
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { plan } from '../../src/engine/plan';
import { defaultSettings } from '../../src/engine/settings';
import type { CellValue } from '../../src/engine/types';
import { openXlsx } from '../../src/hosts/xlsx';
import { XlsxError } from '../../src/hosts/xlsx/errors';
import { SETTINGS_LABELS, formatSettingsSheetProblem } from '../../src/i18n/render';
import { renderPlan } from '../../src/render';
import { settingsFromSheet } from '../../src/render/settingsRead';
import { settingsSheet } from '../../src/render/settingsSheet';
import { valuesWorkbook } from '../fixtures/xlsxBuilder';
import { specValues } from './helpers';

jest.setTimeout(120_000);

describe('the settings sheet with a target or growth too large', () => {
  it.each([
    ['zh', 'companyTarget', 1e16, '工作表“ABC 设置” B{row} 单元格：公司目标（万元）（targets.companyTarget）：不能大于 100,000,000,000,000（超出后无法精确规划）。请改为不大于 100,000,000,000,000 的数。'],
    ['en', 'companyTarget', 1e16, 'Sheet “ABC Settings”, cell B{row}: the company target (万元) (targets.companyTarget): must be at most 100,000,000,000,000 (beyond it the plan cannot be exact). Change it to 100,000,000,000,000 or less.'],
    ['en', 'growthPct', 1e16, 'Sheet “ABC Settings”, cell B{row}: the growth (%) (targets.growthPct): must be at most 500 (beyond it the plan cannot be exact). Change it to 500 or less.'],
  ] as const)('%s: %s of %p names the cell', (lang, key, value, message) => {
    const values = specValues(settingsSheet(defaultSettings(), lang, lang === 'zh' ? 'ABC 设置' : 'ABC Settings').sheet.rows);
    const label = SETTINGS_LABELS[lang][key];
    const r = values.findIndex((row) => row[0] === label);
    expect(r).toBeGreaterThan(0);
    values[r] = [label, value];
    const back = settingsFromSheet(values, { sheet: lang === 'zh' ? 'ABC 设置' : 'ABC Settings' });
    expect(back.ok).toBe(false);
    if (back.ok) return;
    expect(back.problems).toHaveLength(1);
    expect(back.problems[0].cell).toBe(`B${r + 1}`);
    expect(formatSettingsSheetProblem(back.problems[0], lang)).toBe(message.replace('{row}', String(r + 1)));
  });
});

describe('a customer name of 40,000 characters', () => {
  it('is written shortened into our sheets, and the issue names the user’s cell', async () => {
    const long = '名'.repeat(40_000);
    const workbook = openXlsx(valuesWorkbook([{ name: '客户', values: [['客户名称', '城市', '客户年市场销售额', '公司销售额'], ['甲', '北京', 600, 300], [long, '上海', 600, 300]] }]));
    const read = await workbook.readSheet('客户');
    const result = plan(read, defaultSettings());
    const write = renderPlan(result, defaultSettings(), { sheetNames: ['客户'], names: [], proof: [], customerSheet: read });
    await workbook.apply(write); // before: “ABC 按客户!A5” was refused as too long
    const byCustomer = (await workbook.readSheet('ABC 按客户')).values.flat();
    const written = byCustomer.find((v) => typeof v === 'string' && v.startsWith('名名名'));
    expect(written).toBe('名'.repeat(32_766) + '…');
    const issue = result.issues.find((i) => i.key === 'text-too-long')!;
    expect([issue.sheet, issue.row, issue.column]).toEqual(['客户', 3, 'A']);
    const issues = (await workbook.readSheet('ABC 问题')).values;
    expect(issues.some((r) => r[0] === '客户' && r[1] === 3 && r[2] === 'A')).toBe(true);
  });
});

describe('tag columns with no room left of column XFD', () => {
  it('are refused with the sheet, the columns and what to do', async () => {
    // A header row and two customers; something was left in column XFA (16,381) far right.
    const far = (cells: CellValue[], note: CellValue) => [...cells, ...new Array<CellValue>(16_381 - 1 - cells.length).fill(null), note];
    const rows: CellValue[][] = [far(['客户名称', '城市', '客户年市场销售额', '公司销售额'], '备注'), ['甲', '北京', 600, 300], ['乙', '上海', 50, 10]];
    const workbook = openXlsx(valuesWorkbook([{ name: '客户', values: rows }]));
    const read = await workbook.readSheet('客户');
    const result = plan(read, defaultSettings());
    expect(result.ok).toBe(true);
    const write = renderPlan(result, defaultSettings(), { sheetNames: ['客户'], names: [], proof: [], customerSheet: read });
    let error: unknown;
    try {
      await workbook.apply(write);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(XlsxError);
    const e = error as XlsxError;
    expect(e.messageZh).toBe(
      '工作表“客户”右侧放不下 ABC Planner 的 7 个标签列：XFB 列起需写到第 16388 列，超出 Excel 的最后一列 XFD（第 16384 列）。请删除数据右侧看似空白但有内容或格式的列（选中最后一列数据右侧的所有列 › 删除），或把数据移到靠左的列，然后再运行',
    );
    expect(e.messageEn).toBe(
      'There is no room on sheet "客户" for ABC Planner\'s 7 tag columns: written from column XFB, they would end at column 16388, past Excel\'s last column XFD (column 16384). Delete the columns right of your data that look empty but hold something (select every column right of the last data column › Delete), or move the data further left, then plan again',
    );
  });
});

describe('abc-planner plan --target beyond the largest target', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'abc-limits-'));
  });
  afterAll(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  const run = (args: string[]) =>
    new Promise<{ code: number; stderr: string }>((resolve) => {
      execFile(process.execPath, [path.join(__dirname, '../../src/cli/abc-planner.js'), ...args], { env: { ...process.env, LC_ALL: '', LANG: '' } }, (error, _out, stderr) =>
        resolve({ code: error ? Number(error.code) : 0, stderr }),
      );
    });

  it.each([
    [['--target', '1e16', '--lang', 'en'], '--target "1e16" is above the largest company target, 100,000,000,000,000 万元'],
    [['--target', '1e16', '--lang', 'zh'], '--target “1e16”超过公司目标上限 100,000,000,000,000 万元'],
    [['--growth', '1e16', '--lang', 'en'], '"1e16" is not a growth rate'],
    [['--growth', '501', '--lang', 'en'], '--growth "501" is above the largest growth, 500%'],
  ])('%p is a usage error (exit 2) naming the option', async (args, message) => {
    const input = path.join(dir, 'in.xlsx');
    await fs.writeFile(input, valuesWorkbook([{ name: '客户', values: [['客户名称', '城市', '客户年市场销售额', '公司销售额'], ['甲', '北京', 600, 300]] }]));
    const { code, stderr } = await run(['plan', input, ...args]);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    await expect(fs.access(path.join(dir, 'in-planned.xlsx'))).rejects.toThrow();
  });
});
