import { plan } from '../../src/engine/plan';
import type { PlanResult, PlanTargets } from '../../src/engine/plan';
import { defaultSettings } from '../../src/engine/settings';
import type { CellValue, IssueKey, SheetData } from '../../src/engine/types';
import { formatIssue } from '../../src/i18n/engine';
import { makeCustomerSheet } from '../fixtures/customers';

const HEAD = ['客户名称', '城市', '行业', '客户年市场销售额(万元)', '公司销售额(万元)', '销售人员', '省份'];
// Two classified customers; this year's sales 600 + 400 = 1,000 万元. The third row has no class.
const rows: CellValue[][] = [HEAD, ['工商银行北京分行', '北京', '银行', 800, 600, '张三', '北京'], ['上海市财政局', '上海', '政府', 500, 400, '李四', '上海'], ['无名', '上海', '政府', 'abc', 10, '王五', null]];
const sheet: SheetData = { name: '客户', values: rows, firstRow: 1, firstColumn: 1 };

const planWith = (targets: PlanTargets, s: SheetData = sheet) => plan(s, defaultSettings(), targets);
const issuesOf = (r: PlanResult, key: IssueKey) => r.issues.filter((i) => i.key === key);
const only = (r: PlanResult, key: IssueKey) => {
  const found = issuesOf(r, key);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('a company target far from this year’s sales', () => {
  test('exactly 50 % and exactly 300 % pass; just beyond either warns', () => {
    expect(planWith({ companyTarget: 500 }).target.currentSales).toBe(1000);
    expect(issuesOf(planWith({ companyTarget: 500 }), 'target-far-from-sales')).toEqual([]);
    expect(issuesOf(planWith({ companyTarget: 3000 }), 'target-far-from-sales')).toEqual([]);
    expect(only(planWith({ companyTarget: 499 }), 'target-far-from-sales')).toMatchObject({ severity: 'warning', sheet: '客户', params: { target: 499, current: 1000, ratioPct: 49.9 } });
    expect(only(planWith({ companyTarget: 3001 }), 'target-far-from-sales').params).toEqual({ target: 3001, current: 1000, ratioPct: 300.1 });
  });

  test('the message gives both numbers and the ratio, in both languages', () => {
    const low = only(planWith({ companyTarget: 200 }), 'target-far-from-sales');
    expect(formatIssue(low, 'en')).toBe(
      'Sheet “客户”: The company target 200 万元 is 20% of this year’s sales of the classified customers (1,000 万元), below 50%. Check the company target (it is in 万元), or set growth instead.',
    );
    expect(formatIssue(low, 'zh')).toBe('工作表“客户”：公司目标 200 万元是今年已分级客户销售额（1,000 万元）的 20%，低于 50%。请核对公司目标（单位为万元），或改按增长率设定。');
    expect(formatIssue(only(planWith({ companyTarget: 4500 }), 'target-far-from-sales'), 'en')).toContain('4,500 万元 is 450% of this year’s sales of the classified customers (1,000 万元), above 300%');
  });

  test('a growth plan is judged by its growth, not by this check; no sales this year, nothing to compare', () => {
    expect(issuesOf(planWith({ companyTarget: null, growthPct: 250 }), 'target-far-from-sales')).toEqual([]);
    const noSales: SheetData = { ...sheet, values: [HEAD, ['甲', '北京', '银行', 800, 0, '张三', null]] };
    expect(planWith({ companyTarget: 5 }, noSales).issues).toEqual([]);
  });
});

describe('a target that looks typed in 元', () => {
  test('120000000 where the field is 万元: did you mean ¥120,000,000 = 1.2亿 = 12,000 万元?', () => {
    const r = planWith({ companyTarget: 120000000 });
    const issue = only(r, 'target-in-yuan');
    // It stands in for the "far from sales" warning: one message, not two.
    expect(issuesOf(r, 'target-far-from-sales')).toEqual([]);
    expect(issue.params).toMatchObject({ target: 120000000, current: 1000, ratio: 120000 });
    expect(formatIssue(issue, 'en')).toBe(
      'Sheet “客户”: The company target 120,000,000 万元 is 120,000× this year’s sales of the classified customers (1,000 万元): it looks typed in CNY (元). Did you mean ¥120,000,000 = 1.2亿 = 12,000 万元? If so, type 12000 as the company target (it is in 万元).',
    );
    expect(formatIssue(issue, 'zh')).toBe(
      '工作表“客户”：公司目标 120,000,000 万元是今年已分级客户销售额（1,000 万元）的 120,000 倍，像是按元填写的。您是想填 ¥120,000,000 = 1.2亿 = 12,000 万元 吗？如是，请在公司目标中填 12000（单位为万元）。',
    );
  });

  test('exactly 100× is far from sales, not 元; just above is 元', () => {
    expect(issuesOf(planWith({ companyTarget: 100000 }), 'target-in-yuan')).toEqual([]);
    expect(only(planWith({ companyTarget: 100000 }), 'target-far-from-sales').params.ratioPct).toBe(10000);
    expect(only(planWith({ companyTarget: 100001 }), 'target-in-yuan').params.ratio).toBe(100);
    expect(issuesOf(planWith({ companyTarget: 100001 }), 'target-far-from-sales')).toEqual([]);
  });
});

describe('growth out of range', () => {
  test('exactly 300 % and −90 % pass; beyond either warns with the target it gives', () => {
    expect(issuesOf(planWith({ companyTarget: null, growthPct: 300 }), 'growth-out-of-range')).toEqual([]);
    expect(issuesOf(planWith({ companyTarget: null, growthPct: -90 }), 'growth-out-of-range')).toEqual([]);
    const high = only(planWith({ companyTarget: null, growthPct: 301 }), 'growth-out-of-range');
    expect(high.params).toMatchObject({ growth: 301, target: 4010, current: 1000 });
    expect(formatIssue(high, 'en')).toBe(
      'Sheet “客户”: Growth of 301% is outside the usual range (-90% to 300%): the company target would be 4,010 万元 (this year 1,000 万元). Check the growth (a digit too many or too few?), or type the company target instead.',
    );
    const low = only(planWith({ companyTarget: null, growthPct: -91 }), 'growth-out-of-range');
    expect(formatIssue(low, 'zh')).toBe('工作表“客户”：增长率 -91% 超出常见范围（-90% 至 300%），公司目标将为 90 万元（今年 1,000 万元）。请核对增长率（是否多输或少输了一位？），或直接填写公司目标。');
  });

  test('a typed company target is not judged by the growth setting', () => {
    expect(issuesOf(planWith({ companyTarget: 1000, growthPct: 450 }), 'growth-out-of-range')).toEqual([]);
  });
});

describe('a target too small for one unit per classified customer', () => {
  test('one unit per customer passes; one fewer warns and names the finer unit that avoids it', () => {
    // 1,000 万元 of sales: a target of 2 万元 is far from it as well; only this check is looked at here.
    expect(issuesOf(planWith({ companyTarget: 2 }), 'target-too-small')).toEqual([]);
    const issue = only(planWith({ companyTarget: 1 }), 'target-too-small');
    expect(issue.params).toMatchObject({ units: 1, customers: 2, unit: 1, betterUnit: 0.1 });
    expect(formatIssue(issue, 'en')).toBe(
      'Sheet “客户”: The company target 1 万元 is only 1 unit of 1 万元, fewer than the 2 classified customers: most customers will get a target of 0. Choose the allocation unit 0.1 万元 (then every customer can get one), or raise the company target.',
    );
    expect(formatIssue(issue, 'zh')).toBe('工作表“客户”：公司目标 1 万元按 1 万元为单位只有 1 份，少于已分级客户数（2 个），多数客户的目标将为 0。请把分配单位改为 0.1 万元（每个客户至少 1 份），或提高公司目标。');
  });

  test('with no finer unit that helps, it says how high the target must go', () => {
    const settings = defaultSettings();
    settings.targets.unit = 0.1;
    const issue = only(plan(sheet, settings, { companyTarget: 0.1 }), 'target-too-small');
    expect(issue.params.betterUnit).toBeUndefined();
    expect(formatIssue(issue, 'en')).toContain('Raise the company target to at least 0.2 万元 (one unit per customer)');
  });

  test('12,000 万元 over 100,000 customers on the blend basis: most get 0, the plan says so and that 0.1 万元 would do', () => {
    const big = makeCustomerSheet({ count: 100_000, seed: 11, language: 'zh' });
    const settings = defaultSettings();
    settings.targets.basis = 'blend';
    const r = plan(big, settings, { companyTarget: 12000 });
    const classified = r.customers.filter((c) => c.class !== null);
    const zero = classified.filter((c) => c.target === 0).length;
    expect(zero).toBeGreaterThan(classified.length / 2);
    const issue = only(r, 'target-too-small');
    expect(issue.params).toMatchObject({ units: 12000, customers: classified.length, unit: 1, betterUnit: 0.1 });
    expect(formatIssue(issue, 'en')).toContain(`fewer than the ${classified.length.toLocaleString('en-US')} classified customers: most customers will get a target of 0`);
    // The plan-level warnings come first, where the CLI's summary shows them.
    expect(r.issues.findIndex((i) => i.key === 'target-too-small')).toBeLessThan(3);
    settings.targets.unit = 0.1;
    expect(issuesOf(plan(big, settings, { companyTarget: 12000 }), 'target-too-small')).toEqual([]);
  });
});
