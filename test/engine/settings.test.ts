import { defaultSettings, parseSettings, SETTINGS_VERSION, settingsSchema } from '../../src/engine/settings';
import { formatSettingsProblem } from '../../src/i18n/engine';

describe('default settings', () => {
  const s = defaultSettings();

  it('follow the planning method: thresholds per tier as the brief gives them', () => {
    expect(s.thresholds).toEqual({
      '1': { aPotential: 500, aSales: 200, bPotential: 100, bSales: 30 },
      '2': { aPotential: 300, aSales: 100, bPotential: 50, bSales: 15 },
      '3': { aPotential: 150, aSales: 50, bPotential: 20, bSales: 5 },
    });
  });

  it('list 北京 上海 广州 as Tier 1 and the other capitals plus 天津 重庆 青岛 大连 厦门 深圳 as Tier 2', () => {
    const tier = (t: string) => s.cities.filter((c) => c.tier === t).map((c) => c.city);
    expect(tier('1').sort()).toEqual(['上海', '北京', '广州'].sort());
    const two = tier('2');
    expect(two).toHaveLength(32);
    for (const c of ['石家庄', '乌鲁木齐', '拉萨', '海口', '天津', '重庆', '青岛', '大连', '厦门', '深圳']) expect(two).toContain(c);
    expect(two).not.toContain('广州');
    expect(tier('3')).toEqual([]);
  });

  it('split the matrix at the tier A potential minimum and a 40 % share, and cover A/B/C direct/joint/partner', () => {
    expect(s.matrix['1']).toEqual({ potential: 500, share: 0.4 });
    expect(s.matrix['3']).toEqual({ potential: 150, share: 0.4 });
    expect(s.coverage).toEqual({ A: 'direct', B: 'joint', C: 'partner' });
  });

  it('are valid against their own schema and carry the version', () => {
    expect(settingsSchema.safeParse(s).success).toBe(true);
    expect(s.version).toBe(SETTINGS_VERSION);
    expect(parseSettings(s)).toEqual({ ok: true, settings: s });
  });
});

describe('parseSettings', () => {
  it('fills what a file leaves out with the defaults', () => {
    const r = parseSettings({ thresholds: { '2': { aPotential: 400 } } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.settings.thresholds['2']).toEqual({ aPotential: 400, aSales: 100, bPotential: 50, bSales: 15 });
    expect(r.settings.thresholds['1'].aPotential).toBe(500);
    expect(r.settings.cities.length).toBe(35);
  });

  it('says which tier and which minimum is wrong, in both languages', () => {
    const r = parseSettings({ thresholds: { '2': { aPotential: 40, bPotential: 50 } } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(1);
    expect(formatSettingsProblem(r.problems[0], 'en')).toContain('Tier 2: the A minimum for potential (40) is below the B minimum (50)');
    expect(formatSettingsProblem(r.problems[0], 'zh')).toContain('二级城市：A类客户年市场销售额下限（40）低于B类下限（50）');
  });

  it('rejects text where a number belongs, naming the field', () => {
    const r = parseSettings({ thresholds: { '1': { aSales: '二百' } } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0].path).toEqual(['thresholds', '1', 'aSales']);
    expect(formatSettingsProblem(r.problems[0], 'en')).toBe('Tier 1: the A minimum for our sales: expected a number. Correct it.');
  });

  it('rejects a negative minimum, a share above 100 %, an unknown unit and an unknown field', () => {
    const bad = [
      { thresholds: { '3': { bSales: -5 } } },
      { matrix: { '1': { share: 1.5 } } },
      { targets: { unit: 5 } },
      { thresholds: { '1': { cPotential: 3 } } },
    ];
    for (const raw of bad) expect(parseSettings(raw).ok).toBe(false);
  });

  it('checks the product mix sums to 100 and has one share per product', () => {
    const sum = parseSettings({ products: { names: ['甲', '乙'], mix: [60, 30] } });
    expect(sum.ok).toBe(false);
    if (!sum.ok) expect(formatSettingsProblem(sum.problems[0], 'en')).toBe('The product mix adds up to 90%; it must add up to 100%.');
    const len = parseSettings({ products: { names: ['甲', '乙'], mix: [100] } });
    expect(len.ok).toBe(false);
    expect(parseSettings({ products: { names: ['甲', '乙'], mix: [60, 40] } }).ok).toBe(true);
  });

  it('rejects a city listed twice', () => {
    const cities = [...defaultSettings().cities, { city: '北京', tier: '2' }];
    const r = parseSettings({ cities });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].key).toBe('settings-duplicate-city');
  });

  it('lets a workbook move a city to another tier or add one', () => {
    const cities = defaultSettings().cities.map((c) => (c.city === '深圳' ? { ...c, tier: '1' } : c));
    cities.push({ city: '苏州', tier: '2' });
    const r = parseSettings({ cities });
    expect(r.ok).toBe(true);
  });

  it('refuses settings from a newer version with a clear message, and non-objects', () => {
    const r = parseSettings({ version: SETTINGS_VERSION + 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatSettingsProblem(r.problems[0], 'en')).toMatch(/newer ABC Planner/);
    expect(parseSettings('thresholds').ok).toBe(false);
    expect(parseSettings(null).ok).toBe(false);
  });
});
