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

describe('settings version 2: tiers a company sets', () => {
  const five = [
    { id: '1', zh: '一线城市', en: 'Tier 1' },
    { id: 'new1', zh: '新一线城市', en: 'New tier 1' },
    { id: '2', zh: '二线城市', en: 'Tier 2' },
    { id: '3', zh: '三线城市', en: 'Tier 3' },
    { id: '4', zh: '四线及以下', en: 'Tier 4 and below' },
  ];
  const problemsOf = (raw: unknown) => {
    const r = parseSettings(raw);
    if (r.ok) throw new Error('expected problems');
    return r.problems;
  };
  const words = (raw: unknown, lang: 'zh' | 'en') => problemsOf(raw).map((p) => formatSettingsProblem(p, lang));

  it('default to the administrative three, ids 1–3, cities not listed in Tier 3', () => {
    const s = defaultSettings();
    expect(SETTINGS_VERSION).toBe(2);
    expect(s.tiers).toEqual([
      { id: '1', zh: '一级城市', en: 'Tier 1' },
      { id: '2', zh: '二级城市', en: 'Tier 2' },
      { id: '3', zh: '三级城市', en: 'Tier 3' },
    ]);
    expect(s.fallbackTier).toBe('3');
  });

  it('migrate version 1 (the fixed three tiers, city tiers as numbers) to version 2', () => {
    const v1 = {
      version: 1,
      cities: [
        { city: '北京', tier: 1 },
        { city: '苏州', tier: 2 },
      ],
      thresholds: { '2': { aPotential: 280, aSales: 100, bPotential: 50, bSales: 15 } },
    };
    const r = parseSettings(v1);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.settings).toEqual({
      ...defaultSettings(),
      cities: [
        { city: '北京', tier: '1' },
        { city: '苏州', tier: '2' },
      ],
      thresholds: { ...defaultSettings().thresholds, '2': { aPotential: 280, aSales: 100, bPotential: 50, bSales: 15 } },
    });
    // A complete version-1 object reads as today's defaults.
    const { tiers: _tiers, fallbackTier: _fallback, ...rest } = defaultSettings();
    const fullV1 = { ...rest, version: 1, cities: rest.cities.map((c) => ({ ...c, tier: Number(c.tier) })) };
    expect(parseSettings(fullV1)).toEqual({ ok: true, settings: defaultSettings() });
  });

  it('say plainly when a version-1 city has a tier that is none of 1, 2, 3', () => {
    expect(words({ version: 1, cities: [{ city: '苏州', tier: 4 }] }, 'en')).toEqual([
      'city list, entry 1, its tier: there is no tier with the ID “4” (the tier IDs are 1, 2, 3). Use one of them, or add that tier first.',
    ]);
    expect(words({ version: 1, cities: [{ city: '苏州', tier: 4 }] }, 'zh')).toEqual(['城市列表第 1 项的级别：没有代码为“4”的城市级别（现有级别的代码：1, 2, 3）。请填写其中之一，或先添加这个级别。']);
  });

  it('read five tiers: a tier left out of the thresholds gets its default, the fallback is the last tier, the default cities keep their tiers', () => {
    const r = parseSettings({ tiers: five, thresholds: { new1: { aPotential: 400, aSales: 150, bPotential: 80, bSales: 25 } } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.settings.tiers).toEqual(five);
    expect(r.settings.fallbackTier).toBe('4');
    expect(Object.keys(r.settings.thresholds).sort()).toEqual(['1', '2', '3', '4', 'new1']);
    expect(r.settings.thresholds.new1.aPotential).toBe(400);
    // Ids of the default tiers keep their defaults; another id gets those of the default's lowest tier.
    expect(r.settings.thresholds['1']).toEqual(defaultSettings().thresholds['1']);
    expect(r.settings.thresholds['4']).toEqual(defaultSettings().thresholds['3']);
    expect(r.settings.matrix['4']).toEqual(defaultSettings().matrix['3']);
    expect(r.settings.cities).toEqual(defaultSettings().cities);
    // With ids the default city list does not use, it keeps none of its cities.
    const other = parseSettings({ tiers: [{ id: 'A', zh: '甲', en: 'A' }, { id: 'B', zh: '乙', en: 'B' }] });
    expect(other.ok && other.settings.cities).toEqual([]);
  });

  it('check every reference to a tier, naming the field', () => {
    expect(words({ tiers: five, cities: [{ city: '苏州', tier: 'new2' }] }, 'en')).toEqual([
      'city list, entry 1, its tier: there is no tier with the ID “new2” (the tier IDs are 1, new1, 2, 3, 4). Use one of them, or add that tier first.',
    ]);
    expect(words({ tiers: five, fallbackTier: '5' }, 'en')).toEqual([
      'the tier for cities not listed (fallbackTier): there is no tier with the ID “5” (the tier IDs are 1, new1, 2, 3, 4). Use one of them, or add that tier first.',
    ]);
    expect(words({ tiers: five, fallbackTier: '5' }, 'zh')).toEqual(['未列出城市的级别（fallbackTier）：没有代码为“5”的城市级别（现有级别的代码：1, new1, 2, 3, 4）。请填写其中之一，或先添加这个级别。']);
    expect(words({ tiers: five, thresholds: { '5': { aPotential: 1, aSales: 1, bPotential: 1, bSales: 1 } } }, 'en')).toEqual([
      'Tier “5”: the class thresholds: there is no tier with the ID “5” (the tier IDs are 1, new1, 2, 3, 4). Use one of them, or add that tier first.',
    ]);
    expect(words({ tiers: five, matrix: { 'Tier 1': { potential: 1, share: 0.1 } } }, 'en')).toEqual([
      'Tier “Tier 1”: the matrix splits: there is no tier with the ID “Tier 1” (the tier IDs are 1, new1, 2, 3, 4). Use one of them, or add that tier first.',
    ]);
    // A key that would be an object's prototype is refused like any other that is no tier.
    expect(problemsOf(JSON.parse('{"thresholds":{"__proto__":{"aPotential":1}}}'))).toEqual([expect.objectContaining({ key: 'settings-unknown-tier', path: ['thresholds', '__proto__'] })]);
  });

  it('name the tier by its name in messages about its values', () => {
    const raw = { tiers: five, thresholds: { new1: { aPotential: 40, bPotential: 50 } } };
    expect(words(raw, 'en')).toEqual(['New tier 1: the A minimum for potential (40) is below the B minimum (50). Make the A minimum at least the B minimum.']);
    expect(words(raw, 'zh')).toEqual(['新一线城市：A类客户年市场销售额下限（40）低于B类下限（50）。A类下限应不低于B类。']);
    expect(words({ tiers: five, thresholds: { new1: { aSales: 'x' } } }, 'en')).toEqual(['New tier 1: the A minimum for our sales: expected a number. Correct it.']);
  });

  it('refuse ids twice (ignoring case, as the formulas’ MATCH does), ids that cannot be one, names twice or blank', () => {
    const twice = [...five.slice(0, 4), { id: 'NEW1', zh: '四线', en: 'Tier 4' }];
    expect(words({ tiers: twice }, 'en')).toEqual(['The tier ID “NEW1” is used twice (tiers 2 and 5; IDs ignore case). Give each tier its own ID.']);
    const spaced = [{ id: 'Tier 1', zh: '一', en: 'One' }, ...five.slice(1)];
    expect(words({ tiers: spaced }, 'en')).toEqual(['tier 1, its ID: “Tier 1” cannot be a tier ID. Use 1–16 letters, digits, - or _, starting with a letter or digit, e.g. 1 or T2.']);
    expect(words({ tiers: spaced }, 'zh')).toEqual(['城市级别第 1 项的代码：“Tier 1”不能作为级别代码。请用 1–16 个英文字母、数字、- 或 _，以字母或数字开头，如 1、T2。']);
    const sameName = five.map((t) => (t.id === '3' ? { ...t, zh: '二线城市' } : t));
    expect(words({ tiers: sameName }, 'en')).toEqual(['tier 4, its Chinese name: “二线城市” is also the name of tier 3. Give each tier its own name.']);
    const blank = five.map((t) => (t.id === '2' ? { ...t, en: ' ' } : t));
    expect(words({ tiers: blank }, 'en')).toEqual(['tier 3, its English name: must not be blank. Type a name.']);
  });

  it('hold from 2 to 10 tiers', () => {
    const tiers = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `T${i + 1}`, zh: `级别${i + 1}`, en: `Level ${i + 1}` }));
    expect(words({ tiers: tiers(1) }, 'en')).toEqual(['the tier list (tiers): needs at least 2 entries.']);
    expect(words({ tiers: tiers(11) }, 'en')).toEqual(['the tier list (tiers): at most 10 entries. Remove the extra ones.']);
    for (const n of [2, 6, 10]) {
      const r = parseSettings({ tiers: tiers(n) });
      expect(r.ok && [r.settings.tiers.length, r.settings.fallbackTier]).toEqual([n, `T${n}`]);
    }
  });
});
