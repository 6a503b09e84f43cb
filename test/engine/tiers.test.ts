/**
 * Planning with tiers a company set: five commercial tiers (test/fixtures/fiveTiers.ts), each
 * customer's tier and class worked out by hand from the fixture's own tables, not the engine's.
 */
import { classify } from '../../src/engine/classify';
import { plan } from '../../src/engine/plan';
import { TierIndex, tierIdCell, tierIdFromCell } from '../../src/engine/tiers';
import type { CellValue, SheetData } from '../../src/engine/types';
import { describeReason } from '../../src/i18n/engine';
import { FIVE_TIERS, FIVE_TIER_THRESHOLDS, fiveTierSettings } from '../fixtures/fiveTiers';

const HEAD = ['客户名称', '城市', '行业', '客户年市场销售额(万元)', '公司销售额(万元)', '销售人员'];
const sheetOf = (rows: CellValue[][]): SheetData => ({ name: '客户', values: [HEAD, ...rows], firstRow: 1, firstColumn: 1 });

/** [name, city as typed, the tier it is by the fixture's list, potential, our sales] */
const CUSTOMERS: [string, string | null, string, number, number][] = [
  ['北京银行', '北京市', '1', 700, 300],
  ['上海证券', 'Shanghai', '1', 500, 200],
  ['成都电信', '四川省成都市', 'new1', 420, 160],
  ['苏州制造', '苏州', 'new1', 390, 160],
  ['东莞电子', '东莞', 'new1', 90, 30],
  ['合肥大学', '合肥', '2', 320, 110],
  ['厦门港务', 'Xiamen', '2', 60, 10],
  ['淄博石化', '淄博', '3', 160, 55],
  ['洛阳轴承', '洛阳', '3', 25, 6],
  ['喀什贸易', '喀什', '4', 85, 31], // not listed: the fallback tier
  ['无名城市', null, '4', 12, 4], // blank city: the fallback tier too
  ['小县网吧', '某某县', '4', 9, 2],
];

function handClass(tier: string, potential: number, sales: number): 'A' | 'B' | 'C' {
  const t = FIVE_TIER_THRESHOLDS[tier];
  if (potential >= t.aPotential && sales >= t.aSales) return 'A';
  return potential >= t.bPotential && sales >= t.bSales ? 'B' : 'C';
}

describe('a plan with five tiers a company set', () => {
  const settings = fiveTierSettings();
  const r = plan(
    sheetOf(CUSTOMERS.map(([name, city, , p, s]) => [name, city, '企业', p, s, '张三'])),
    settings,
    { companyTarget: 1000 },
  );

  it('puts each customer in its tier by the list, cities not listed and blank ones in the fallback tier', () => {
    expect(r.ok).toBe(true);
    expect(r.customers.map((c) => [c.name, c.tier])).toEqual(CUSTOMERS.map(([name, , tier]) => [name, tier]));
  });

  it('classifies each customer by its own tier’s minimums', () => {
    expect(r.customers.map((c) => [c.name, c.class])).toEqual(CUSTOMERS.map(([name, , tier, p, s]) => [name, handClass(tier, p, s)]));
    // The same amounts are another class in another tier: the tiers' minimums are really used.
    expect(handClass('1', 390, 160)).toBe('B');
    expect(handClass('new1', 390, 160)).toBe('B');
    expect(handClass('2', 390, 160)).toBe('A');
    expect(r.customers.find((c) => c.name === '上海证券')!.class).toBe('B');
  });

  it('names the tier in the reason, in both languages', () => {
    const chengdu = r.customers.find((c) => c.name === '成都电信')!;
    expect(describeReason(chengdu.reason!, 'zh')).toBe('A类：客户年市场销售额 420 ≥ 400，且公司销售额 160 ≥ 150（新一线城市）');
    expect(describeReason(chengdu.reason!, 'en')).toBe('A: potential 420 ≥ 400 and our sales 160 ≥ 150, New tier 1');
  });

  it('places customers on each tier’s matrix split (tier 4 splits share at 30 %)', () => {
    expect(classify('4', 200, 62, settings).mode).toBe('direct'); // 200 ≥ 80, 31 % ≥ 30 %
    expect(classify('3', 200, 62, settings).mode).toBe('problem'); // 200 ≥ 150, 31 % < 40 %
    expect(r.customers.find((c) => c.name === '喀什贸易')!.mode).toBe('direct');
  });

  it('sums the summary tier by tier, in the tiers’ order, and ties out', () => {
    const lines = r.tables.summary.lines;
    expect(lines.map((l) => `${l.tier}${l.class}`)).toEqual(FIVE_TIERS.flatMap((t) => ['A', 'B', 'C'].map((c) => `${t.id}${c}`)));
    for (const l of lines) {
      const mine = CUSTOMERS.filter(([, , tier, p, s]) => tier === l.tier && handClass(tier, p, s) === l.class);
      expect([l.tier, l.class, l.customers]).toEqual([l.tier, l.class, mine.length]);
    }
    expect(lines.reduce((a, l) => a + l.target, 0)).toBe(1000);
    expect(r.tables.byCustomer.lines.map((l) => l.tier)).toEqual(expect.arrayContaining(['1', 'new1']));
  });
});

describe('tier ids in cells', () => {
  it('writes a whole-number id as the number and reads it back; other ids stay text', () => {
    expect(tierIdCell('1')).toBe(1);
    expect(tierIdCell('new1')).toBe('new1');
    expect(tierIdCell('01')).toBe('01');
    expect(tierIdFromCell(1)).toBe('1');
    expect(tierIdFromCell(' new1 ')).toBe('new1');
    // Text "2" would not match the number 2 in the formulas, and 1.5 is no id.
    expect(tierIdFromCell('2')).toBeUndefined();
    expect(tierIdFromCell(1.5)).toBeUndefined();
    expect(tierIdFromCell(null)).toBeUndefined();
  });

  it('finds tiers by id, with their names and places', () => {
    const index = new TierIndex(FIVE_TIERS);
    expect(index.position('new1')).toBe(1);
    expect(index.position('5')).toBe(-1);
    expect(index.name('new1', 'zh')).toBe('新一线城市');
    expect(index.name('5', 'en')).toBe('5');
  });
});
