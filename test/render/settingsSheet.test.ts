import fc from 'fast-check';
import { MAX_GROWTH_PCT } from '../../src/engine/amounts';
import { CITIES, normaliseCity } from '../../src/engine/cities';
import type { Settings } from '../../src/engine/settings';
import { ALLOCATION_BASES, INDUSTRY_GROUPS, defaultSettings, parseSettings } from '../../src/engine/settings';
import type { CellValue, Field } from '../../src/engine/types';
import { FIELDS } from '../../src/engine/types';
import { formatSettingsSheetProblem } from '../../src/i18n/render';
import { parseRef } from '../../src/render/names';
import { settingsFromSheet } from '../../src/render/settingsRead';
import { LIST_ROWS, SETTINGS_COLUMNS, settingsSheet } from '../../src/render/settingsSheet';
import { FIVE_TIERS, fiveTierSettings } from '../fixtures/fiveTiers';
import { specValues } from './helpers';

const CHARS = [...'客户城市北京上海产品行业银行甲乙丙abcXYZ019 =+-@"\'()%.,_'];
const word = fc
  .string({ unit: fc.constantFrom(...CHARS), minLength: 1, maxLength: 12 })
  .map((s) => s.trim())
  .filter((s) => s.length > 0);
const amount = fc.double({ min: 0, max: 1e7, noNaN: true, noDefaultInfinity: true }).map((x) => x + 0);
const fraction = fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x + 0);

const tierThresholds = fc.tuple(amount, amount, amount, amount).map(([a, b, c, d]) => ({
  aPotential: Math.max(a, c),
  aSales: Math.max(b, d),
  bPotential: Math.min(a, c),
  bSales: Math.min(b, d),
}));
const split = fc.record({ potential: amount, share: fraction });
const coverage = fc.constantFrom('direct' as const, 'joint' as const, 'partner' as const);

/** Canonical city names (the sheet stores those): known cities and some unknown ones. */
const cityName = fc.oneof(
  fc.constantFrom(...CITIES.map((c) => c.name)),
  word.filter((w) => normaliseCity(w) === w && w !== ''),
);
const cities = fc.uniqueArray(fc.record({ city: cityName, tier: fc.constantFrom(1 as const, 2 as const, 3 as const) }), { selector: (c) => c.city, maxLength: 40 });

const mixFor = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 100 }), { minLength: n - 1, maxLength: n - 1 }).map((cuts) => {
    const sorted = [0, ...cuts.sort((a, b) => a - b), 100];
    return sorted.slice(1).map((v, i) => v - sorted[i]);
  });

const products = fc.oneof(
  fc.constant({ names: null, mix: null }),
  fc.uniqueArray(word, { minLength: 1, maxLength: 6 }).chain((names) => fc.oneof(fc.constant(null), mixFor(names.length)).map((mix) => ({ names, mix }))),
  fc.integer({ min: 1, max: 5 }).chain((n) => mixFor(n)).map((mix) => ({ names: null, mix })),
);

const columns = fc
  .subarray([...FIELDS])
  .chain((fields) => fc.tuple(...fields.map(() => word)).map((hs) => Object.fromEntries(fields.map((f, i) => [f, hs[i]])) as Partial<Record<Field, string>>));

export const settingsArb: fc.Arbitrary<Settings> = fc
  .record({
    cities,
    thresholds: fc.record({ '1': tierThresholds, '2': tierThresholds, '3': tierThresholds }),
    matrix: fc.record({ '1': split, '2': split, '3': split }),
    coverage: fc.record({ A: coverage, B: coverage, C: coverage }),
    industries: fc.array(fc.record({ text: word, group: fc.constantFrom(...INDUSTRY_GROUPS) }), { maxLength: 30 }),
    products,
    targets: fc.record({
      companyTarget: fc.oneof(fc.constant(null), amount),
      growthPct: fc.double({ min: -100, max: MAX_GROWTH_PCT, noNaN: true }).map((x) => x + 0),
      basis: fc.constantFrom(...ALLOCATION_BASES),
      blendPotentialWeight: fraction,
      unit: fc.constantFrom(0.1 as const, 1 as const, 10 as const),
    }),
    load: fc.record({ accounts: fc.nat(50), industries: fc.nat(10), regions: fc.nat(10) }),
    columns,
  })
  .map((s) => {
    const parsed = parseSettings({ version: 1, ...s });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    return parsed.settings;
  });

/** Settings with 2–10 tiers of their own: ids whole numbers or text, names in both languages. */
const tierId = fc.oneof(fc.integer({ min: 0, max: 99 }).map(String), fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,5}$/));
const tierName = fc.stringMatching(/^[一二三四五六线城市新级甲乙丙A-Za-z0-9 ]{1,12}$/).map((n) => n.trim()).filter((n) => n !== '');
export const tieredSettingsArb: fc.Arbitrary<Settings> = fc
  .uniqueArray(fc.record({ id: tierId, zh: tierName, en: tierName }), { minLength: 2, maxLength: 10, selector: (t) => t.id.toLowerCase() })
  .filter((tiers) => new Set(tiers.map((t) => t.zh)).size === tiers.length && new Set(tiers.map((t) => t.en)).size === tiers.length)
  .chain((tiers) =>
    fc.record({
      tiers: fc.constant(tiers),
      fallbackTier: fc.constantFrom(...tiers.map((t) => t.id)),
      cities: fc.uniqueArray(fc.record({ city: cityName, tier: fc.constantFrom(...tiers.map((t) => t.id)) }), { selector: (c) => c.city, maxLength: 20 }),
      thresholds: fc.tuple(...tiers.map(() => tierThresholds)).map((ts) => Object.fromEntries(tiers.map((t, i) => [t.id, ts[i]]))),
      matrix: fc.tuple(...tiers.map(() => split)).map((ms) => Object.fromEntries(tiers.map((t, i) => [t.id, ms[i]]))),
    }),
  )
  .map((s) => {
    const parsed = parseSettings(s);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    return parsed.settings;
  });

function roundTrip(settings: Settings, lang: 'zh' | 'en'): ReturnType<typeof settingsFromSheet> {
  const { sheet } = settingsSheet(settings, lang, lang === 'zh' ? 'ABC 设置' : 'ABC Settings');
  return settingsFromSheet(specValues(sheet.rows));
}

/** A1 → [row, column] indexes into values. */
function at(a1: string): [number, number] {
  const ref = parseRef(`S!${a1}`)!;
  return [ref.firstRow - 1, ref.firstColumn - 1];
}

function edit(values: CellValue[][], a1: string, v: CellValue): CellValue[][] {
  const [r, c] = at(a1);
  const out = values.map((row) => [...row]);
  while (out.length <= r) out.push([]);
  while (out[r].length <= c) out[r].push(null);
  out[r][c] = v;
  return out;
}

describe('settings sheet', () => {
  test('defaults read back equal, in both languages', () => {
    for (const lang of ['zh', 'en'] as const) {
      const back = roundTrip(defaultSettings(), lang);
      expect(back).toEqual({ ok: true, settings: defaultSettings() });
    }
  });

  test('random valid settings read back equal (property)', () => {
    fc.assert(
      fc.property(settingsArb, fc.constantFrom('zh' as const, 'en' as const), (settings, lang) => {
        expect(roundTrip(settings, lang)).toEqual({ ok: true, settings });
      }),
      { numRuns: 150 },
    );
  });

  test('random tiers of a company’s own read back equal (property)', () => {
    fc.assert(
      fc.property(tieredSettingsArb, fc.constantFrom('zh' as const, 'en' as const), (settings, lang) => {
        expect(roundTrip(settings, lang)).toEqual({ ok: true, settings });
      }),
      { numRuns: 100 },
    );
  });

  test('defined names point at the tables, and the city list covers spare rows', () => {
    const { sheet, names } = settingsSheet(defaultSettings(), 'zh', 'ABC 设置');
    const byName = new Map(names.map((n) => [n.name, parseRef(n.ref)!]));
    const values = specValues(sheet.rows);
    const cell = (r: number, c: number) => values[r - 1]?.[c - 1] ?? null;
    const th = byName.get('ABC_Thresholds')!;
    expect(th.lastRow - th.firstRow).toBe(2);
    expect(th.lastColumn - th.firstColumn).toBe(3);
    expect(cell(th.firstRow, th.firstColumn)).toBe(500);
    expect(cell(th.lastRow, th.lastColumn)).toBe(5);
    const cities = byName.get('ABC_Cities')!;
    expect(cities.lastRow - cities.firstRow + 1).toBeGreaterThanOrEqual(LIST_ROWS);
    expect(cell(cities.firstRow, cities.firstColumn)).toBe('北京');
    expect(cell(cities.firstRow, byName.get('ABC_CityTiers')!.firstColumn)).toBe(1);
    const cov = byName.get('ABC_Coverage')!;
    expect(cell(cov.firstRow, cov.firstColumn)).toBe('A');
    expect(names.find((n) => n.name === 'ABC_Sheet_Settings')).toMatchObject({ hidden: true });
    expect(names.every((n) => n.ref.startsWith("'ABC 设置'!"))).toBe(true);
  });

  test('city names are written canonical and deduplicated, the later tier winning as in the engine', () => {
    const s = { ...defaultSettings(), cities: [{ city: '西安市', tier: '1' }, { city: 'Beijing', tier: '2' }, { city: '陕西省西安市', tier: '3' }] };
    const back = roundTrip(s, 'zh');
    expect(back).toEqual({ ok: true, settings: { ...s, cities: [{ city: '西安', tier: '3' }, { city: '北京', tier: '2' }] } });
  });

  test('a city added at the end of the list, in any form, is read (canonical)', () => {
    const { sheet, names } = settingsSheet(defaultSettings(), 'zh', 'ABC 设置');
    const cities = parseRef(names.find((n) => n.name === 'ABC_Cities')!.ref)!;
    const n = defaultSettings().cities.length;
    let values = specValues(sheet.rows);
    const row = cities.firstRow + n + 3; // after a gap of blank rows
    values = edit(values, `G${row}`, '江苏省苏州市');
    values = edit(values, `H${row}`, 2);
    const back = settingsFromSheet(values);
    expect(back.ok && back.settings.cities.at(-1)).toEqual({ city: '苏州', tier: '2' });
  });

  test('rows inserted between tables do not matter', () => {
    const { sheet } = settingsSheet(defaultSettings(), 'en', 'ABC Settings');
    const values = specValues(sheet.rows);
    const shifted = [...values.slice(0, 4), [], ['a note a person typed'], ...values.slice(4)];
    expect(settingsFromSheet(shifted)).toEqual({ ok: true, settings: defaultSettings() });
  });

  test('edited values are read: thresholds, coverage by label, basis, share as a fraction', () => {
    const { sheet } = settingsSheet(defaultSettings(), 'zh', 'ABC 设置');
    let values = specValues(sheet.rows);
    values = edit(values, 'B8', 400); // tier 2 A potential
    values = edit(values, 'C14', 0.25); // tier 1 share (row 14: first matrix row)
    values = edit(values, 'B22', 'Us with partners'); // coverage C, English label in a Chinese sheet
    const back = settingsFromSheet(values);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.settings.thresholds['2'].aPotential).toBe(400);
    expect(back.settings.matrix['1'].share).toBe(0.25);
    expect(back.settings.coverage.C).toBe('joint');
  });

  test('mistakes name the cell and say what to type', () => {
    const { sheet } = settingsSheet(defaultSettings(), 'zh', 'ABC 设置');
    const base = specValues(sheet.rows);
    const problems = (values: CellValue[][]) => {
      const r = settingsFromSheet(values, { sheet: 'ABC 设置' });
      if (r.ok) throw new Error('expected problems');
      return r.problems;
    };
    // Text where a number belongs: the formulas could not compare it.
    let p = problems(edit(base, 'C7', '200万'));
    expect(p).toEqual([expect.objectContaining({ key: 'sheet-not-number', cell: 'C7' })]);
    expect(formatSettingsSheetProblem(p[0], 'zh')).toBe('工作表“ABC 设置” C7 单元格：“200万”不是数字。请填写数字。');
    // A tier that is not one of the tiers' ids (1, 2 or 3 here), or the id typed as text.
    p = problems(edit(base, 'H9', '一级'));
    expect(p).toEqual([expect.objectContaining({ key: 'sheet-unknown-tier', cell: 'H9' })]);
    expect(formatSettingsSheetProblem(p[0], 'zh')).toBe('工作表“ABC 设置” H9 单元格：“一级”不是城市级别。请填写级别代码之一：1, 2, 3。');
    p = problems(edit(base, 'H9', 4));
    expect(p[0]).toMatchObject({ key: 'sheet-unknown-tier', cell: 'H9' });
    expect(formatSettingsSheetProblem(p[0], 'en')).toBe('Sheet “ABC 设置”, cell H9: “4” is not a tier. Type one of the tier IDs: 1, 2, 3.');
    p = problems(edit(base, 'H9', '2'));
    expect(p[0]).toMatchObject({ key: 'sheet-unknown-tier', cell: 'H9' });
    // A blank threshold.
    p = problems(edit(base, 'E9', null));
    expect(p[0]).toMatchObject({ key: 'sheet-missing-value', cell: 'E9' });
    // Engine rules, mapped back to the cell: A below B.
    p = problems(edit(base, 'B7', 50));
    expect(p[0]).toMatchObject({ key: 'settings-a-below-b', cell: 'B7' });
    expect(formatSettingsSheetProblem(p[0], 'en')).toContain('cell B7');
    // A share typed as 40 rather than 40%.
    p = problems(edit(base, 'C14', 40));
    expect(p[0]).toMatchObject({ key: 'settings-too-big', cell: 'C14' });
    // An unknown coverage.
    p = problems(edit(base, 'B20', '直销'));
    expect(p[0]).toMatchObject({ key: 'sheet-unknown-choice', cell: 'B20' });
    expect(formatSettingsSheetProblem(p[0], 'zh')).toContain('公司直接覆盖');
    // A duplicate city (after canonicalising).
    p = problems(edit(edit(base, 'G100', '北京市'), 'H100', 2));
    expect(p[0]).toMatchObject({ key: 'settings-duplicate-city', cell: 'G100' });
    // A deleted table.
    p = problems(base.map((row) => row.map((v) => (v === '客户分级标准（万元）' ? null : v))));
    expect(p[0]).toMatchObject({ key: 'sheet-missing-table' });
  });
});

describe('the settings sheet with tiers a company set', () => {
  const five = fiveTierSettings();
  const sheetOf = (settings: Settings, lang: 'zh' | 'en' = 'zh') => settingsSheet(settings, lang, lang === 'zh' ? 'ABC 设置' : 'ABC Settings');

  test('lays out one row per tier, in order, named in the sheet’s language; the tier definitions and the fallback in M:O', () => {
    const { sheet, names } = sheetOf(five);
    const values = specValues(sheet.rows);
    const cell = (a1: string) => {
      const [r, c] = at(a1);
      return values[r]?.[c] ?? null;
    };
    const ref = (name: string) => parseRef(names.find((n) => n.name === name)!.ref)!;
    // Thresholds: rows 7–11, labelled by the tiers' Chinese names.
    expect([7, 8, 9, 10, 11].map((r) => cell(`A${r}`))).toEqual(FIVE_TIERS.map((t) => t.zh));
    expect(ref('ABC_Thresholds')).toMatchObject({ firstRow: 7, lastRow: 11, firstColumn: 2, lastColumn: 5 });
    expect(cell('B8')).toBe(400); // 新一线: A potential
    // The matrix follows, one row per tier too.
    const mx = ref('ABC_Matrix');
    expect(mx.lastRow - mx.firstRow).toBe(4);
    expect(values[mx.firstRow - 1][0]).toBe('一线城市');
    // The tier definitions: ids as the formulas match them (whole numbers as numbers), names, the fallback.
    expect(cell('M5')).toBe('城市级别的定义');
    expect(ref('ABC_FallbackTier')).toMatchObject({ firstRow: 7, firstColumn: 14, lastRow: 7, lastColumn: 14 });
    expect(cell('N7')).toBe(4);
    expect(ref('ABC_TierIds')).toMatchObject({ firstRow: 9, lastRow: 13, firstColumn: 13, lastColumn: 13 });
    expect([9, 10, 11, 12, 13].map((r) => [cell(`M${r}`), cell(`N${r}`), cell(`O${r}`)])).toEqual(FIVE_TIERS.map((t) => [/^\d+$/.test(t.id) ? Number(t.id) : t.id, t.zh, t.en]));
    // The city list names tiers by id, in the same forms.
    const cities = ref('ABC_Cities');
    const listed = new Map<CellValue, CellValue>();
    for (let r = cities.firstRow; r < cities.firstRow + five.cities.length; r++) listed.set(values[r - 1][6], values[r - 1][7]);
    expect(listed.get('北京')).toBe(1);
    expect(listed.get('成都')).toBe('new1');
  });

  test('reads back equal, in both languages', () => {
    for (const lang of ['zh', 'en'] as const) expect(settingsFromSheet(specValues(sheetOf(five, lang).sheet.rows))).toEqual({ ok: true, settings: five });
  });

  test('a workbook’s settings sheet of version 1 (the fixed three tiers, no tier definitions) reads as version 2', () => {
    // Version 1 wrote today's layout without the tier definitions (M:O), with version 1.
    const { sheet } = sheetOf(defaultSettings());
    const v1 = specValues(sheet.rows).map((row) => row.slice(0, SETTINGS_COLUMNS.tiers - 1));
    const [r, c] = at('B3');
    expect(v1[r][c - 1]).toBe('设置版本');
    let values = edit(v1, 'B3', 1);
    values = edit(values, 'H7', '级别（1、2 或 3）');
    values = edit(values, 'H8', 2); // 北京 moved to tier 2 by a person, as a number
    const back = settingsFromSheet(values);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.settings).toEqual({ ...defaultSettings(), cities: defaultSettings().cities.map((x) => (x.city === '北京' ? { ...x, tier: '2' } : x)) });
    // A sheet of version 2 must have them.
    const v2 = settingsFromSheet(specValues(sheet.rows).map((row) => row.slice(0, SETTINGS_COLUMNS.tiers - 1)), { sheet: 'ABC 设置' });
    expect(v2.ok).toBe(false);
    if (!v2.ok) expect(v2.problems.map((p) => formatSettingsSheetProblem(p, 'zh'))).toEqual(['工作表“ABC 设置”：找不到“城市级别的定义”表。请勿删除或改写各表的标题；或删除本表，重新计划以生成新的设置表。']);
  });

  test('edits a person makes in the tier definitions are read: the fallback, a name, a city’s tier by id', () => {
    let values = specValues(sheetOf(five).sheet.rows);
    values = edit(values, 'N7', 'new1');
    values = edit(values, 'N12', '三线');
    const cityRow = values.findIndex((row) => row[6] === '淄博') + 1;
    values = edit(values, `H${cityRow}`, 'new1');
    const back = settingsFromSheet(values);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.settings.fallbackTier).toBe('new1');
    expect(back.settings.tiers[3]).toEqual({ id: '3', zh: '三线', en: 'Tier 3' });
    expect(back.settings.cities.find((x) => x.city === '淄博')).toEqual({ city: '淄博', tier: 'new1' });
  });

  test('mistakes in the tiers name the cell and say what to type', () => {
    const base = specValues(sheetOf(five).sheet.rows);
    const problems = (values: CellValue[][]) => {
      const r = settingsFromSheet(values, { sheet: 'ABC 设置' });
      if (r.ok) throw new Error('expected problems');
      return r.problems.map((p) => formatSettingsSheetProblem(p, 'en'));
    };
    expect(problems(edit(base, 'N7', 5))).toEqual([
      'Sheet “ABC 设置”, cell N7: the tier for cities not listed (fallbackTier): there is no tier with the ID “5” (the tier IDs are 1, new1, 2, 3, 4). Use one of them, or add that tier first.',
    ]);
    const cityRow = base.findIndex((row) => row[6] === '淄博') + 1;
    expect(problems(edit(base, `H${cityRow}`, 'new2'))).toEqual([`Sheet “ABC 设置”, cell H${cityRow}: “new2” is not a tier. Type one of the tier IDs: 1, new1, 2, 3, 4.`]);
    // The thresholds' rows must follow the tiers' order.
    expect(problems(edit(base, 'A8', '二线城市'))).toEqual(['Sheet “ABC 设置”, cell A8: This row should be “新一线城市”. Keep one row per tier, in the order of the tier definitions.']);
    expect(problems(edit(base, 'M10', 'new 1'))[0]).toBe('Sheet “ABC 设置”, cell M10: tier 2, its ID: “new 1” cannot be a tier ID. Use 1–16 letters, digits, - or _, starting with a letter or digit, e.g. 1 or T2.');
    expect(problems(edit(base, 'N9', null))).toEqual(['Sheet “ABC 设置”, cell N9: tier 1, its Chinese name: must not be blank. Type a name.']);
  });
});
