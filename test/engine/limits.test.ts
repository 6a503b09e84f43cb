/**
 * Issue 9, the engine's side: amounts too large to plan exactly, text longer than a cell,
 * strict settings, bounded products and column overrides that point nowhere. Each case ends in a
 * plan or a clear message (zh + en) naming the cell or settings path and what to do.
 */
import { MAX_AMOUNT_WAN, MAX_GROWTH_PCT, MAX_TARGET_WAN } from '../../src/engine/amounts';
import { plan } from '../../src/engine/plan';
import type { Settings } from '../../src/engine/settings';
import { MAX_PRODUCTS, defaultSettings, parseSettings } from '../../src/engine/settings';
import type { CellValue, SheetData } from '../../src/engine/types';
import { formatIssue, formatSettingsProblem } from '../../src/i18n/engine';
import { draftFromSettings, resolveDraft } from '../../src/taskpane/model/draft';

const HEAD = ['客户名称', '城市', '行业', '客户年市场销售额', '公司销售额', '销售人员', '省份'];
const sheetOf = (rows: CellValue[][], name = '客户'): SheetData => ({ name, values: rows, firstRow: 1, firstColumn: 1 });
const settingsWith = (patch: (s: Settings) => void): Settings => {
  const s = defaultSettings();
  patch(s);
  return s;
};

describe('amounts too large to plan exactly', () => {
  const rows: CellValue[][] = [
    HEAD,
    ['工商银行', '北京', '银行', 620, 240, '张三', '北京'],
    ['身份证号误贴', '上海', '企业', 110101199001011234, 100, '张三', '上海'], // an 18-digit ID as a number
    ['文本编号', '上海', '企业', 500, '110101199001011234', '李四', '上海'],
    ['九', '广州', '企业', '9'.repeat(309), 10, '李四', '广东'],
    ['大数', '广州', '企业', 1e16, 10, '李四', '广东'],
    ['上限', '广州', '企业', MAX_AMOUNT_WAN, MAX_AMOUNT_WAN, '李四', '广东'],
  ];

  it('refuse the row, naming the cell, and plan every other row exactly', () => {
    const r = plan(sheetOf(rows), defaultSettings(), { growthPct: 10 });
    expect(r.ok).toBe(true);
    const tooLarge = r.issues.filter((i) => i.key === 'amount-too-large');
    expect(tooLarge.map((i) => `${i.row}${i.column}`)).toEqual(['3D', '4E', '5D', '6D']);
    expect(tooLarge.every((i) => i.severity === 'error')).toBe(true);
    const byRow = new Map(r.customers.map((c) => [c.row, c]));
    for (const row of [3, 4, 5, 6]) expect(byRow.get(row)).toMatchObject({ class: null, target: null });
    // The row at the bound is planned: the target is whole units that add up.
    expect(byRow.get(7)!.class).toBe('A');
    expect(r.target.company).toBe(Math.round((240 + MAX_AMOUNT_WAN) * 1.1));
    expect(r.customers.reduce((a, c) => a + (c.target ?? 0), 0)).toBe(r.target.company);
  });

  it('say so in Chinese and English, with what to do', () => {
    const r = plan(sheetOf(rows), defaultSettings());
    const issue = r.issues.find((i) => i.key === 'amount-too-large' && i.row === 3)!;
    expect(formatIssue(issue, 'zh')).toBe(
      '工作表“客户”第 3 行 D 列：“110101199001011230”超过单个客户金额上限（100,000,000 万元，即 1 万亿元），该客户未分级、不分配目标。请核对该单元格（是否误粘贴了编号？）；若该列金额以元为单位，请在表头注明，如“客户年市场销售额（元）”。',
    );
    expect(formatIssue(issue, 'en')).toBe(
      'Sheet “客户”, row 3, column D: “110101199001011230” is above the largest amount for one customer (100,000,000 万元, i.e. 10^12 CNY): the customer gets no class and no target. Check the cell (an ID pasted by mistake?); if the column is in CNY (元), say so in its header, e.g. “Potential (CNY)”.',
    );
    // A 309-digit text is quoted by its ends, not in full.
    const nines = r.issues.find((i) => i.key === 'amount-too-large' && i.row === 5)!;
    expect(formatIssue(nines, 'en')).toContain('“999999999999999999999999…999999999999”');
  });

  it('hold for a column in 元: 10^12 元 is the bound there', () => {
    const yuan = [['客户名称', '城市', '客户年市场销售额(元)', '公司销售额(元)'], ['甲', '北京', 1e12, 1e12], ['乙', '北京', 1e12 + 10_000, 0]];
    const r = plan(sheetOf(yuan), defaultSettings());
    expect(r.customers.map((c) => c.potential)).toEqual([1e8, null]);
    expect(r.issues.map((i) => [i.key, i.row, i.column])).toEqual([['amount-too-large', 3, 'C']]);
  });

  it('count a too-large product amount as 0, with a warning naming the cell', () => {
    const withProducts = [['客户名称', '城市', '客户年市场销售额', '公司销售额', '产品A销售额', '产品B销售额'], ['甲', '北京', 600, 300, 1e17, 50]];
    const r = plan(sheetOf(withProducts), defaultSettings());
    expect(r.issues.map((i) => [i.key, i.severity, i.row, i.column])).toEqual([['product-amount-too-large', 'warning', 2, 'E']]);
    expect(r.products.map((p) => p.history)).toEqual([0, 50]);
  });

  it('refuse a settings target or growth beyond the bounds, naming the setting', () => {
    const target = parseSettings({ targets: { companyTarget: 1e16 } });
    expect(target.ok).toBe(false);
    if (target.ok) return;
    expect(target.problems[0]).toMatchObject({ path: ['targets', 'companyTarget'], key: 'settings-too-big' });
    expect(formatSettingsProblem(target.problems[0], 'en')).toBe(
      'the company target (万元) (targets.companyTarget): must be at most 100,000,000,000,000 (beyond it the plan cannot be exact). Change it to 100,000,000,000,000 or less.',
    );
    expect(formatSettingsProblem(target.problems[0], 'zh')).toBe(
      '公司目标（万元）（targets.companyTarget）：不能大于 100,000,000,000,000（超出后无法精确规划）。请改为不大于 100,000,000,000,000 的数。',
    );
    const growth = parseSettings({ targets: { growthPct: 1e16 } });
    expect(growth.ok || growth.problems[0]).toMatchObject({ path: ['targets', 'growthPct'], key: 'settings-too-big', params: { maximum: MAX_GROWTH_PCT } });
    expect(parseSettings({ targets: { companyTarget: MAX_TARGET_WAN, growthPct: MAX_GROWTH_PCT } }).ok).toBe(true);
    const threshold = parseSettings({ thresholds: { '1': { aPotential: 1e16 } } });
    expect(threshold.ok || threshold.problems[0]).toMatchObject({ path: ['thresholds', '1', 'aPotential'], key: 'settings-too-big' });
  });

  it('plan the largest target and growth exactly over a full sheet at the cell bound', () => {
    // The bound's arithmetic: every row at the cell bound, the largest growth, the finest unit.
    const full: CellValue[][] = [HEAD];
    for (let i = 0; i < 2000; i++) full.push([`客户${i}`, '北京', '企业', MAX_AMOUNT_WAN, MAX_AMOUNT_WAN, `销售${i % 7}`, '北京']);
    for (const targets of [{ growthPct: MAX_GROWTH_PCT, unit: 0.1 as const }, { companyTarget: MAX_TARGET_WAN, unit: 0.1 as const }]) {
      const r = plan(sheetOf(full), defaultSettings(), targets);
      const units = r.customers.reduce((a, c) => a + Math.round(c.target! * 10), 0);
      expect(units).toBe(Math.round(r.target.company * 10));
      expect(r.tables.summary.total.target).toBe(r.target.company);
    }
  });
});

describe('text longer than an Excel cell', () => {
  const long = '长'.repeat(40_000);
  it('is shortened in the plan, with a warning naming the user’s cell, and the row is planned', () => {
    const rows: CellValue[][] = [HEAD, [long, '北京', long, 620, 240, 'x'.repeat(33_000), long], ['乙', long, '银行', 10, 1, null, null]];
    const r = plan(sheetOf(rows), defaultSettings());
    const warnings = r.issues.filter((i) => i.key === 'text-too-long');
    expect(warnings.map((i) => `${i.row}${i.column}:${i.field}`)).toEqual(['2A:name', '2G:region', '2C:industry', '2F:owner', '3B:city']);
    expect(warnings.every((i) => i.severity === 'warning')).toBe(true);
    const [first, second] = r.customers;
    expect(first.class).toBe('A');
    expect(first.name).toHaveLength(32_767);
    expect(first.name.endsWith('…')).toBe(true);
    expect(first.owner).toHaveLength(32_767);
    expect(second.city).toHaveLength(32_767);
    for (const c of r.customers) for (const t of [c.name, c.city, c.industryRaw, c.owner, c.region]) expect(t.length).toBeLessThanOrEqual(32_767);
    const w = warnings[0];
    expect(formatIssue(w, 'zh')).toBe('工作表“客户”第 2 行 A 列：“客户名称”有 40000 个字符，超过 Excel 单元格上限（32767 个字符），生成的工作表中将截短显示。请缩短该单元格的内容。');
    expect(formatIssue(w, 'en')).toBe('Sheet “客户”, row 2, column A: “Customer” has 40000 characters, more than an Excel cell holds (32767): it is shortened in the sheets ABC Planner writes. Shorten the text in this cell.');
  });

  it('is shortened in a product column’s header (the product’s name in our sheets), with a warning naming the header cell', () => {
    const header = ['客户名称', '城市', '客户年市场销售额', '公司销售额', '产品' + '甲'.repeat(40_000), '产品B'];
    const r = plan(sheetOf([header, ['甲', '北京', 600, 300, 10, 30]]), defaultSettings());
    expect(r.ok).toBe(true);
    expect(r.issues.map((i) => [i.key, i.row, i.column, i.field])).toEqual([['text-too-long', 1, 'E', 'product']]);
    expect(r.products[0].name).toHaveLength(32_767);
    expect(r.products.map((p) => p.history)).toEqual([10, 30]);
  });

  it('never cuts between the halves of a character outside the BMP', () => {
    const emoji = '😀'.repeat(20_000); // 40,000 UTF-16 units
    const r = plan(sheetOf([HEAD, [emoji, '北京', null, 1, 1, null, null]]), defaultSettings());
    const name = r.customers[0].name;
    expect(name.length).toBeLessThanOrEqual(32_767);
    expect(name.slice(0, -1)).toBe('😀'.repeat((name.length - 1) / 2));
  });

  it('is refused in the settings where we copy it (product, city, industry names), naming the path', () => {
    const r = parseSettings({ products: { names: ['x'.repeat(256)], mix: null } });
    expect(r.ok || r.problems[0]).toMatchObject({ path: ['products', 'names', 0], key: 'settings-too-big' });
    if (!r.ok) expect(formatSettingsProblem(r.problems[0], 'en')).toBe('product name 1 (products.names.0): at most 255 characters. Shorten it.');
    const c = parseSettings({ cities: [{ city: '城'.repeat(300), tier: 1 }] });
    expect(c.ok || c.problems[0]).toMatchObject({ path: ['cities', 0, 'city'], key: 'settings-too-big' });
  });
});

describe('strict settings', () => {
  it('refuse a nested __proto__ by name, at every depth', () => {
    for (const json of ['{"__proto__":{"x":1}}', '{"targets":{"__proto__":{"basis":"even"}}}', '{"thresholds":{"1":{"__proto__":{"aPotential":1}}}}', '{"cities":[{"city":"北京","tier":1,"__proto__":{}}]}']) {
      const r = parseSettings(JSON.parse(json));
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.problems[0]).toMatchObject({ key: 'settings-unknown-field', params: { fields: '__proto__' } });
    }
    const r = parseSettings(JSON.parse('{"targets":{"__proto__":{"x":1}}}'));
    if (!r.ok) expect(formatSettingsProblem(r.problems[0], 'en')).toBe('targets: unknown setting (__proto__). Remove or correct it.');
  });

  it('refuse unknown keys and wrong types, with the path', () => {
    const cases: [unknown, (string | number)[], string][] = [
      [{ version: '1' }, ['version'], 'settings-invalid-type'],
      [{ version: 1.5 }, ['version'], 'settings-invalid-type'],
      [{ targets: { basis: 'potential', extra: 1 } }, ['targets'], 'settings-unknown-field'],
      [{ columns: { customer: '客户' } }, ['columns'], 'settings-unknown-field'],
      [{ columns: { name: 3 } }, ['columns', 'name'], 'settings-invalid-type'],
      [{ load: { accounts: '10' } }, ['load', 'accounts'], 'settings-invalid-type'],
      [{ products: { names: ['A', 'B'], mix: [50, '50'] } }, ['products', 'mix', 1], 'settings-invalid-type'],
    ];
    for (const [raw, path, key] of cases) {
      const r = parseSettings(raw);
      expect({ raw, got: r.ok ? 'ok' : r.problems[0] }).toMatchObject({ raw, got: { path, key } });
    }
    const v = parseSettings({ version: '1' });
    if (!v.ok) {
      expect(formatSettingsProblem(v.problems[0], 'en')).toBe('the settings version (version): expected a number. Correct it.');
      expect(formatSettingsProblem(v.problems[0], 'zh')).toBe('设置版本（version）：值的类型不对，应为数字。请更正。');
    }
  });

  it('bound the products at 200 and require each to be named', () => {
    const many = parseSettings({ products: { names: null, mix: new Array(1_000_000).fill(0.0001) } });
    expect(many.ok || many.problems[0]).toMatchObject({ path: ['products', 'mix'], key: 'settings-too-big', params: { maximum: MAX_PRODUCTS } });
    if (!many.ok) expect(formatSettingsProblem(many.problems[0], 'zh')).toBe('产品结构（products.mix）：最多 200 项。请删除多余的项。');
    const names = Array.from({ length: 20_000 }, (_, i) => `P${i}`);
    expect(parseSettings({ products: { names, mix: null } })).toMatchObject({ ok: false, problems: [{ path: ['products', 'names'], key: 'settings-too-big' }] });
    expect(parseSettings({ products: { names: ['A', ''], mix: null } })).toMatchObject({ ok: false, problems: [{ path: ['products', 'names', 1], key: 'settings-too-small' }] });
    const ok = Array.from({ length: MAX_PRODUCTS }, (_, i) => `P${i}`);
    expect(parseSettings({ products: { names: ok, mix: ok.map(() => 100 / MAX_PRODUCTS) } }).ok).toBe(true);
  });
});

describe('column overrides and product columns the sheet cannot honour', () => {
  const rows: CellValue[][] = [['客户', '城市', '潜力', '我司销售额'], ['甲', '北京', 600, 300]];

  it('refuse an override to a header the sheet does not have, naming the header and the sheet', () => {
    const r = plan(sheetOf(rows, '客户清单'), settingsWith((s) => (s.columns = { potential: '年度采购额' })));
    expect(r.ok).toBe(false);
    expect(r.issues).toEqual([expect.objectContaining({ key: 'bad-column-override', severity: 'error', sheet: '客户清单', row: 1, field: 'potential' })]);
    expect(formatIssue(r.issues[0], 'zh')).toBe('工作表“客户清单”第 1 行：设置的列映射把“客户年市场销售额”指定为表头“年度采购额”，但此表头行中没有这一列，未规划。请在列映射中重新选择“客户年市场销售额”对应的列，或删除这项映射以自动识别。');
    expect(formatIssue(r.issues[0], 'en')).toBe('Sheet “客户清单”, row 1: The column mapping puts “Potential” on the header “年度采购额”, which this header row does not have: not planned. Choose the column for “Potential” again in the column mapping, or remove that mapping to let it be detected.');
  });

  it('refuse potential and our sales mapped to one column', () => {
    const r = plan(sheetOf(rows), settingsWith((s) => (s.columns = { potential: '潜力', ourSales: '潜力' })));
    expect(r.ok).toBe(false);
    expect(r.issues).toEqual([expect.objectContaining({ key: 'bad-column-override', row: 1, column: 'C', field: 'ourSales', params: expect.objectContaining({ reason: 'same-column', other: 'potential' }) })]);
    expect(formatIssue(r.issues[0], 'en')).toBe('Sheet “客户”, row 1, column C: The column mapping puts both “Our sales” and “Potential” on the column headed “潜力”; one column can hold one field only: not planned. Choose another column for “Our sales” in the column mapping (the settings sheet\'s column mapping, or step 1 of the pane).');
  });

  it('still plan with overrides that are right', () => {
    const r = plan(sheetOf(rows), settingsWith((s) => (s.columns = { potential: '潜力', ourSales: '我司销售额' })));
    expect(r.ok).toBe(true);
    expect(r.customers[0].class).toBe('A');
  });

  it('say so when the settings’ mix does not fit the sheet’s products, and use the history', () => {
    const header = ['客户', '城市', '潜力', '公司销售额', '产品A销售额', '产品B销售额', '产品C销售额'];
    const r = plan(sheetOf([header, ['甲', '北京', 600, 300, 10, 30, 60]]), settingsWith((s) => (s.products.mix = [50, 50])));
    expect(r.ok).toBe(true);
    expect(r.products.map((p) => p.mixPct)).toEqual([10, 30, 60]);
    expect(r.issues.map((i) => [i.key, i.severity, i.row])).toEqual([['mix-length-mismatch', 'warning', 1]]);
    expect(formatIssue(r.issues[0], 'en')).toBe('Sheet “客户”, row 1: The product mix in the settings has 2 shares, but this sheet has 3 products: the products’ sales history is used instead. Give each product one share in the settings’ product mix (adding up to 100%), or clear the mix.');
  });

  it('refuse more than 200 product columns, naming the first one past the limit', () => {
    const header = ['客户', '城市', '潜力', '公司销售额', ...Array.from({ length: 250 }, (_, i) => `产品${i + 1}销售额`)];
    const r = plan(sheetOf([header, ['甲', '北京', 600, 300, ...new Array(250).fill(1)]]), defaultSettings());
    expect(r.ok).toBe(false);
    expect(r.issues).toEqual([expect.objectContaining({ key: 'too-many-products', row: 1, column: 'GW', params: { count: 250, max: 200 } })]);
    expect(formatIssue(r.issues[0], 'en')).toBe('Sheet “客户”, row 1, column GW: The header has 250 product columns, more than the 200 a plan can hold (the excess starts at this column). Delete the extra product columns, or rename columns that are not products (so they do not start with “Product”).');
  });
});

describe('the task pane’s draft (typed thresholds and targets)', () => {
  it('takes a target above a cell’s bound (2 万亿元 = 2×10^8 万元) and says the bounds where they bind', () => {
    const d = draftFromSettings(defaultSettings());
    d.targetMode = 'target';
    d.texts['targets.companyTarget'] = '200000000';
    expect(resolveDraft(d, 'en', 4).settings?.targets.companyTarget).toBe(2e8);
    d.texts['targets.companyTarget'] = '1e16';
    expect(resolveDraft(d, 'en', 4).errors['targets.companyTarget']).toBe(
      'the company target (万元) (targets.companyTarget): must be at most 100,000,000,000,000 (beyond it the plan cannot be exact). Change it to 100,000,000,000,000 or less.',
    );
    d.texts['targets.companyTarget'] = '12000';
    d.texts['thresholds.1.aPotential'] = '1e16';
    expect(resolveDraft(d, 'zh', 4).errors['thresholds.1.aPotential']).toBe('一级城市：A类客户年市场销售额下限：不能大于 100,000,000（单个客户金额的上限）。请改为不大于 100,000,000 的数。');
  });
});
