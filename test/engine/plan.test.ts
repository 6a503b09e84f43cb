import fc from 'fast-check';
import { plan, planPrepared, prepareSheet } from '../../src/engine/plan';
import type { PlanResult } from '../../src/engine/plan';
import { defaultSettings, validSettings } from '../../src/engine/settings';
import type { CellValue, SheetData } from '../../src/engine/types';
import { formatIssue } from '../../src/i18n/engine';

const HEAD = ['客户名称', '城市', '行业', '客户年市场销售额(万元)', '公司销售额(万元)', '销售人员', '省份'];
const sheetOf = (rows: CellValue[][], name = '客户'): SheetData => ({ name, values: rows, firstRow: 1, firstColumn: 1 });
const units = (x: number, unit: number) => Math.round(x / unit);

/** The tie-out a planner checks: each table's lines add up to its total, and the totals to the company target. */
function expectTiesOut(r: PlanResult) {
  const u = r.target.unit;
  const company = units(r.target.company, u);
  const { byCustomer, byIndustry, byRegion, bySalesperson, summary } = r.tables;
  for (const table of [byCustomer, byIndustry, byRegion, bySalesperson]) {
    const lineSum = table.lines.reduce((a, l) => a + units(l.target, u), 0);
    expect(lineSum).toBe(units(table.total.target, u));
    table.total.products.forEach((p, i) => expect(table.lines.reduce((a, l) => a + units(l.products[i], u), 0)).toBe(units(p, u)));
    for (const l of table.lines) expect(l.products.reduce((a, p) => a + units(p, u), 0)).toBe(units(l.target, u));
  }
  expect(units(byCustomer.total.target, u) + units(byIndustry.total.target, u) + units(byRegion.total.target, u)).toBe(company);
  expect(units(bySalesperson.total.target, u)).toBe(company);
  expect(units(summary.total.target, u)).toBe(company);
  expect(r.customers.reduce((a, c) => a + (c.target === null ? 0 : units(c.target, u)), 0)).toBe(company);
}

describe('plan', () => {
  const rows: CellValue[][] = [
    ['华东区 2025 年客户清单', null, null, null, null, null, null],
    [null, null, null, null, null, null, null],
    HEAD,
    ['工商银行北京分行', '北京市', '银行', 620, 240, '张三', '北京'],
    ['西安交通大学', "Xi'an", '高校', '350万', '120万', '李四', '陕西省'],
    [null, null, null, null, null, null, null],
    ['淄博石化', '淄博', '石化', 30, 8, '李四', null],
    ['小网吧', '淄博', '网吧', 10, 2, '李四', null],
    ['无名', '上海', '政府', 'abc', 10, '王五', null],
    ['空潜力', '广州', '企业', null, 10, '王五', null],
    ['负数', '深圳', '企业', -3, 1, '王五', null],
    ['工商银行北京分行', '北京', '银行', 100, 50, '张三', null],
    ['合计', null, null, 1120, 428, null, null],
  ];
  const r = plan(sheetOf(rows), defaultSettings(), { companyTarget: 1000 });

  it('finds the header below a title and a blank row, and reports its mapping in sheet terms', () => {
    expect(r.ok).toBe(true);
    expect(r.headerRow).toBe(3);
    expect(r.language).toBe('zh');
    expect(r.columns.find((c) => c.field === 'potential')).toEqual({ field: 'potential', column: 'D', header: '客户年市场销售额(万元)' });
    expect(r.missingFields).toEqual([]);
  });

  it('skips blank and totals rows and keeps every customer row, with its sheet row number', () => {
    expect(r.customers.map((c) => c.row)).toEqual([4, 5, 7, 8, 9, 10, 11, 12]);
  });

  it('skips 汇总 and 总额 rows as totals, while a customer whose name only contains them is a customer', () => {
    const sheet = sheetOf([
      HEAD,
      ['汇总科技有限公司', '北京', '企业', 620, 240, '张三', null],
      ['北京总额贸易', '上海', '企业', 100, 50, '张三', null],
      ['汇 总', null, null, 720, 290, null, null],
      ['总额：', null, null, 720, 290, null, null],
      [null, '汇总', null, 720, 290, null, null],
    ]);
    const t = plan(sheet, defaultSettings(), { companyTarget: 100 });
    expect(t.customers.map((c) => [c.row, c.name])).toEqual([
      [2, '汇总科技有限公司'],
      [3, '北京总额贸易'],
    ]);
    expect(t.issues.filter((i) => i.row !== undefined && i.row > 3)).toEqual([]);
  });

  it('reads units in cell text and normalises cities to find their tier', () => {
    const xian = r.customers.find((c) => c.row === 5)!;
    expect([xian.city, xian.tier, xian.potential, xian.ourSales, xian.class]).toEqual(['西安', '2', 350, 120, 'A']);
    expect(r.customers.find((c) => c.row === 7)!.tier).toBe('3');
    expect(r.customers.find((c) => c.row === 7)!.region).toBe('山东');
    expect(xian.region).toBe('陕西');
  });

  it('gives unreadable, missing and negative amounts an error, no class and no target', () => {
    for (const row of [9, 10, 11]) {
      const c = r.customers.find((x) => x.row === row)!;
      expect([c.class, c.target, c.mode]).toEqual([null, null, null]);
    }
    const keys = r.issues.filter((i) => i.severity === 'error').map((i) => [i.row, i.column, i.key]);
    expect(keys).toEqual([
      [9, 'D', 'invalid-amount'],
      [10, 'D', 'missing-amount'],
      [11, 'D', 'negative-amount'],
    ]);
    const msg = formatIssue(r.issues.find((i) => i.row === 9)!, 'en');
    expect(msg).toBe('Sheet “客户”, row 9, column D: “abc” is not an amount: the customer gets no class and no target. Type a number, e.g. 350, 350万 or ¥3,500,000.');
  });

  it('flags a likely duplicate, pointing at the first row', () => {
    const dup = r.issues.find((i) => i.key === 'duplicate-customer')!;
    expect([dup.row, dup.params.firstRow]).toEqual([12, 4]);
  });

  it('allocates the whole company target to the classified customers and ties out', () => {
    expect(r.target.company).toBe(1000);
    expectTiesOut(r);
    // potential basis: 620 / (620 + 350 + 30 + 10 + 100) of 1000 = 558.56…
    expect(r.customers[0].target).toBe(559);
  });

  it('puts A customers in the customer table, B by industry and C by region', () => {
    expect(r.tables.byCustomer.lines.map((l) => l.name)).toEqual(['工商银行北京分行', '西安交通大学']);
    const petro = r.tables.byIndustry.lines.find((l) => l.group === 'petrochemical')!;
    expect(petro.customers).toBe(1);
    expect(r.tables.byIndustry.lines.map((l) => l.group)).toEqual(['government', 'finance-telecom', 'education', 'petrochemical', 'enterprise', 'other']);
    expect(r.tables.byRegion.lines.map((l) => [l.region, l.customers])).toEqual([['山东', 1]]);
  });

  it('checks each salesperson against 10 named accounts, 2 industries, 1 region', () => {
    const li = r.tables.bySalesperson.lines.find((l) => l.owner === '李四')!;
    expect(li.accounts).toEqual(['西安交通大学']);
    expect(li.industries).toEqual(['education', 'petrochemical', 'enterprise']);
    expect(li.regions).toEqual(['山东', '陕西']);
    expect(li.check).toEqual({ accounts: 'under', industries: 'over', regions: 'over' });
    const zhang = r.tables.bySalesperson.lines.find((l) => l.owner === '张三')!;
    expect(zhang.check).toEqual({ accounts: 'under', industries: 'under', regions: 'ok' });
  });

  it('derives the target from growth over current sales when no target is given', () => {
    const g = plan(sheetOf(rows), defaultSettings(), { growthPct: 10 });
    expect(g.target.currentSales).toBe(240 + 120 + 8 + 2 + 50);
    expect(g.target.company).toBe(Math.round(420 * 1.1));
    expect(g.target.source).toBe('growth');
    expectTiesOut(g);
  });

  it('splits by the product columns history when the sheet has them', () => {
    const p = plan(
      sheetOf([
        // Product columns write no unit: they take the sales column's (k CNY = 0.1 万元).
        ['Customer', 'City', 'Potential (k CNY)', 'Our sales (k CNY)', 'Product A sales', 'Product B sales'],
        ['Acme', 'Beijing', 6000, 2500, 30, 10],
        ['Bolt', 'Suzhou', 2000, 600, 30, 10],
      ]),
      defaultSettings(),
      { companyTarget: 400 },
    );
    expect(p.language).toBe('en');
    expect(p.customers.map((c) => [c.city, c.potential, c.class])).toEqual([['北京', 600, 'A'], ['苏州', 200, 'A']]);
    expect(p.products.map((x) => [x.name, x.mixPct, x.history])).toEqual([['Product A', 75, 6], ['Product B', 25, 2]]);
    expect(p.customers[0].productTargets).toEqual([225, 75]);
    expectTiesOut(p);
  });

  it('uses four equal products 产品1–产品4 when the sheet has none', () => {
    expect(r.products.map((p) => [p.name, p.mixPct])).toEqual([['产品1', 25], ['产品2', 25], ['产品3', 25], ['产品4', 25]]);
  });

  it('allocates in the chosen unit', () => {
    const t = plan(sheetOf(rows), defaultSettings(), { companyTarget: 1000.05, unit: 0.1 });
    expect(t.target.company).toBe(1000.1);
    expect(t.target.rounded).toBe(true);
    for (const c of t.customers) if (c.target !== null) expect(Math.abs(c.target * 10 - Math.round(c.target * 10))).toBeLessThan(1e-9);
    expectTiesOut(t);
  });

  it('honours the basis: even shares the target equally', () => {
    const e = plan(sheetOf(rows), defaultSettings(), { companyTarget: 1000, basis: 'even' });
    expect(e.customers.filter((c) => c.target !== null).map((c) => c.target)).toEqual([200, 200, 200, 200, 200]);
    const s = plan(sheetOf(rows), defaultSettings(), { companyTarget: 420, basis: 'ourSales' });
    expect(s.customers.filter((c) => c.target !== null).map((c) => c.target)).toEqual([240, 120, 8, 2, 50]);
  });

  it('refuses a basis it has no rule for instead of computing another one', () => {
    // Settings the schema refused are never planned; this one is forced past the types.
    const odd = defaultSettings();
    odd.targets.basis = 'weighted' as unknown as typeof odd.targets.basis;
    expect(() => plan(sheetOf(rows), odd, { companyTarget: 1000 })).toThrow('No allocation rule for the basis weighted');
    const blend = plan(sheetOf(rows), defaultSettings(), { companyTarget: 1000, basis: 'blend' });
    expect(blend.customers.filter((c) => c.target !== null).length).toBe(5);
    expectTiesOut(blend);
  });

  it('uses the header row and columns the planner chose', () => {
    const chosen = plan(
      sheetOf([
        ['名称', '地点', '潜', '销'],
        ['甲公司', '北京', 600, 250],
      ]),
      validSettings({ columns: { name: '名称', city: '地点', potential: '潜', ourSales: '销' } }),
      { companyTarget: 10 },
      { headerRow: 1 },
    );
    expect(chosen.ok).toBe(true);
    expect(chosen.customers[0].class).toBe('A');
  });
});

describe('plan on sheets it cannot plan', () => {
  it('says there is no header on a sheet of numbers', () => {
    const r = plan(sheetOf([[1, 2, 3], [4, 5, 6]]), defaultSettings());
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => i.key)).toEqual(['no-header']);
    expect(formatIssue(r.issues[0], 'zh')).toMatch(/找不到表头行/);
  });

  it('says which required column is missing, where the header is', () => {
    const r = plan(sheetOf([['客户名称', '城市', '公司销售额'], ['甲', '北京', 5]]), defaultSettings());
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => [i.key, i.row, i.params.field])).toEqual([['missing-column', 1, 'potential']]);
    expect(formatIssue(r.issues[0], 'en')).toBe('Sheet “客户”, row 1: The “Potential” column is missing. Add the column, or choose which column holds it in the column mapping.');
  });

  it('handles an empty sheet and a header with no rows', () => {
    expect(plan(sheetOf([]), defaultSettings()).issues[0].key).toBe('no-header');
    const r = plan(sheetOf([HEAD]), defaultSettings(), { companyTarget: 100 });
    expect(r.ok).toBe(true);
    expect(r.customers).toEqual([]);
    expect(r.target.company).toBe(0);
  });

  it('counts rows from where the used range starts on the sheet', () => {
    const r = plan({ name: 'S', values: [HEAD, ['甲', '北京', '银行', '坏', 5, null, null]], firstRow: 5, firstColumn: 3 }, defaultSettings());
    expect([r.headerRow, r.issues[0].row, r.issues[0].column]).toEqual([5, 6, 'F']);
  });
});

describe('plan on random sheets', () => {
  const amount = fc.oneof(fc.double({ min: 0, max: 5000, noNaN: true }), fc.constant(0), fc.constantFrom('-', 'N/A', '#N/A', 'x', '350万', -1, null));
  const row = fc.tuple(
    fc.string({ maxLength: 6 }),
    fc.constantFrom('北京', '上海', '西安', '苏州', '淄博', 'Beijing', '', '深圳市'),
    fc.constantFrom('银行', '政府', '教育', '石化', '企业', '网吧', '', '农业'),
    amount,
    amount,
    fc.constantFrom('张三', '李四', '', '王五'),
    fc.constantFrom('', '华北', '华东'),
  );

  it('ties out every table exactly, for any rows, target, unit and basis', () => {
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 60 }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.constantFrom(0.1, 1, 10),
        fc.constantFrom('potential', 'ourSales', 'blend', 'even'),
        (rows, target, unit, basis) => {
          const r = plan(sheetOf([HEAD, ...(rows as CellValue[][])]), defaultSettings(), { companyTarget: target, unit: unit as 0.1 | 1 | 10, basis: basis as 'even' });
          expect(r.ok).toBe(true);
          expectTiesOut(r);
          for (const c of r.customers) {
            expect(c.class === null).toBe(c.potential === null || c.ourSales === null);
            expect(c.target === null).toBe(c.class === null);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), (rows) => {
        const sheet = sheetOf([HEAD, ...(rows as CellValue[][])]);
        expect(JSON.stringify(plan(sheet, defaultSettings(), { companyTarget: 999 }))).toBe(JSON.stringify(plan(sheet, defaultSettings(), { companyTarget: 999 })));
      }),
      { numRuns: 50 },
    );
  });
});

describe('plan on large and tied targets', () => {
  it('keeps whole units exact when the target is beyond 32-bit units, and ties out', () => {
    // 3 billion 万元 at a unit of 0.1 is 30 billion units: the plan falls back to 64-bit sums.
    const rows: CellValue[][] = [HEAD, ['甲', '北京', '银行', 620, 240, '张三', null], ['乙', '西安', '教育', 350, 120, '李四', null], ['丙', '苏州', '企业', 160, 60, '李四', null], ['丁', '淄博', '网吧', 10, 2, '王五', null]];
    const r = plan(sheetOf(rows), validSettings({ targets: { unit: 0.1 } }), { companyTarget: 3_000_000_000.3 });
    expect(r.target.company).toBe(3_000_000_000.3);
    expectTiesOut(r);
    // Largest remainder worked out in exact integer arithmetic (BigInt), in units of 0.1 万元.
    const total = 30_000_000_003n;
    const weights = [620n, 350n, 160n, 10n];
    const sum = weights.reduce((a, w) => a + w, 0n);
    const shares = weights.map((w) => (total * w) / sum);
    const rests = weights.map((w, i) => [(total * w) % sum, i] as const).sort((a, b) => (a[0] === b[0] ? a[1] - b[1] : a[0] > b[0] ? -1 : 1));
    const left = Number(total - shares.reduce((a, x) => a + x, 0n));
    for (let k = 0; k < left; k++) shares[rests[k][1]] += 1n;
    expect(r.customers.map((c) => Math.round(c.target! * 10))).toEqual(shares.map(Number));
  });

  it('orders salespeople by target, equal targets in the order they first appear in the sheet', () => {
    const rows: CellValue[][] = [HEAD, ...['赵六', '钱七', '孙八', '李九'].map((owner, i): CellValue[] => [`客户${i}`, '苏州', '企业', 100, 10, owner, null]), ['大客户', '苏州', '企业', 400, 40, '李九', null]];
    const r = plan(sheetOf(rows), defaultSettings(), { companyTarget: 800 });
    expect(r.tables.bySalesperson.lines.map((l) => [l.owner, l.target])).toEqual([
      ['李九', 500],
      ['赵六', 100],
      ['钱七', 100],
      ['孙八', 100],
    ]);
  });
});

describe('prepareSheet + planPrepared', () => {
  const rows: CellValue[][] = [HEAD, ['甲', '北京', '银行', 620, 240, '张三', null], ['乙', '西安', '教育', 350, 120, '李四', null], ['丙', '苏州', '企业', 160, 60, '李四', null]];

  it('plans a sheet read once again and again, each plan with its own classes and targets', () => {
    const prepared = prepareSheet(sheetOf(rows), defaultSettings());
    const saved = planPrepared(prepared, defaultSettings(), { companyTarget: 100 });
    const stricter = planPrepared(prepared, validSettings({ thresholds: { '2': { aPotential: 400, aSales: 150 } } }), { companyTarget: 200 });
    // Read after the second plan: the first is untouched by it.
    expect(saved.customers.map((c) => c.class)).toEqual(['A', 'A', 'A']);
    expect(stricter.customers.map((c) => c.class)).toEqual(['A', 'B', 'A']);
    expect(saved.target.company).toBe(100);
    expect(JSON.stringify(stricter)).toBe(JSON.stringify(plan(sheetOf(rows), validSettings({ thresholds: { '2': { aPotential: 400, aSales: 150 } } }), { companyTarget: 200 })));
  });
});

describe('a cell that says there is no figure', () => {
  it('is quoted in the message, not called blank', () => {
    const values = [
      ['客户名称', '城市', '行业', '客户年市场销售额', '公司销售额'],
      ['甲公司', '北京', '政府', '-', 30],
      ['乙公司', '北京', '政府', null, 30],
      ['丙公司', '北京', '政府', ' N/A ', 30],
    ];
    const r = plan({ name: '客户', values, firstRow: 1, firstColumn: 1 }, defaultSettings(), {});
    const errors = r.issues.filter((i) => i.severity === 'error');
    expect(errors.map((i) => [i.row, i.column, i.key])).toEqual([
      [2, 'D', 'marked-missing-amount'],
      [3, 'D', 'missing-amount'],
      [4, 'D', 'marked-missing-amount'],
    ]);
    expect(formatIssue(errors[0], 'zh')).toContain('“客户年市场销售额”填的是“-”（没有数据）');
    expect(formatIssue(errors[2], 'en')).toContain('says “N/A” (no figure)');
    expect(formatIssue(errors[1], 'en')).toContain('is blank');
  });
});
