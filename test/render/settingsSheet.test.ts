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
import { LIST_ROWS, settingsSheet } from '../../src/render/settingsSheet';
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
