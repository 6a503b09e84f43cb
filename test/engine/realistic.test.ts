/**
 * A planner's hand check of one realistic, messy customer sheet: 250 customers in Chinese, a
 * title above the header, a few percent of rows typed the way people type them, blank rows and a
 * 合计 row. What the sheet should say is known row by row from the generator (its own city list,
 * tiers and amounts, not the engine's); the class rule is written out again here by hand.
 */
import fc from 'fast-check';
import { plan } from '../../src/engine/plan';
import type { PlannedCustomer, PlanResult } from '../../src/engine/plan';
import { TOTAL_WORDS, isTotalWord, nameKey } from '../../src/engine/rows';
import { defaultSettings } from '../../src/engine/settings';
import type { Issue, IssueKey } from '../../src/engine/types';
import type { CustomerTruth, MessyKind, SheetTruth } from '../fixtures/customers';
import { MESSY_KINDS, makeCustomerSheet, makeCustomerSheetWithTruth } from '../fixtures/customers';

const COMPANY_TARGET = 36_000; // 万元
const PRODUCTS = 4;

/** The deck's rule, by tier, in 万元: A needs both A minimums, B both B minimums, else C. */
const RULE: Record<1 | 2 | 3, { aPotential: number; aSales: number; bPotential: number; bSales: number }> = {
  1: { aPotential: 500, aSales: 200, bPotential: 100, bSales: 30 },
  2: { aPotential: 300, aSales: 100, bPotential: 50, bSales: 15 },
  3: { aPotential: 150, aSales: 50, bPotential: 20, bSales: 5 },
};

function handClass(t: CustomerTruth): 'A' | 'B' | 'C' {
  const r = RULE[t.tier];
  const [p, s] = [t.potential!, t.ourSales!];
  if (p >= r.aPotential && s >= r.aSales) return 'A';
  if (p >= r.bPotential && s >= r.bSales) return 'B';
  return 'C';
}

/** The issue each kind of mess should raise on its row (none for readable values). */
const EXPECTED_ISSUE: Record<MessyKind, IssueKey | null> = {
  'wan-text': null,
  'yi-text': null,
  'yuan-sign': null,
  'yuan-unit': null,
  'full-width': null,
  'city-suffix': null,
  'city-pinyin': null,
  'city-province': null,
  'city-lower': null,
  dash: 'marked-missing-amount',
  na: 'marked-missing-amount',
  'error-na': 'marked-missing-amount',
  'blank-potential': 'missing-amount',
  'invalid-text': 'invalid-amount',
  negative: 'negative-amount',
  duplicate: 'duplicate-customer',
  'sales-above': 'sales-above-potential',
};
const COLUMN = { name: 'A', city: 'B', potential: 'D', ourSales: 'E' } as const;


/** How a planner reads the readable messy amounts, written out independently of the generator. */
function plannerReads(written: string): number {
  const ascii = written.replace(/[\uff10-\uff19\uff0e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).trim();
  let m: RegExpExecArray | null;
  if ((m = /^([\d.]+)万$/.exec(ascii))) return Number(m[1]);
  if ((m = /^([\d.]+)亿$/.exec(ascii))) return Math.round(Number(m[1]) * 1e4 * 1e6) / 1e6;
  if ((m = /^¥?([\d,]+)元?$/.exec(ascii)) && (ascii.startsWith('¥') || ascii.endsWith('元'))) return Number(m[1].replace(/,/g, '')) / 1e4;
  if ((m = /^([\d.]+)$/.exec(ascii))) return Number(m[1]);
  throw new Error(`no planner reading for ${written}`);
}

const U = (wan: number, unit: number) => Math.round(wan / unit);

let sheetTruth: SheetTruth;
let result: PlanResult;
let byRow: Map<number, PlannedCustomer>;
let issuesByRow: Map<number, Issue[]>;
let checked: CustomerTruth[];

beforeAll(() => {
  const { sheet, truth } = makeCustomerSheetWithTruth({ count: 250, seed: 2025, language: 'zh', messy: true, title: true, products: PRODUCTS });
  sheetTruth = truth;
  result = plan(sheet, defaultSettings(), { companyTarget: COMPANY_TARGET });
  byRow = new Map(result.customers.map((c) => [c.row, c]));
  issuesByRow = new Map();
  for (const issue of result.issues) {
    expect(issue.row).toBeDefined();
    issuesByRow.set(issue.row!, [...(issuesByRow.get(issue.row!) ?? []), issue]);
  }
  checked = truth.customers;
});

describe('a realistic messy Chinese customer sheet, planned with the default settings', () => {
  it('is the sheet the test means: every kind of mess, blank rows, a totals row, A/B/C in every tier', () => {
    const kinds = new Set([...sheetTruth.messyRows.values()].map((m) => m.kind));
    expect([...kinds].sort()).toEqual([...MESSY_KINDS].sort());
    expect(sheetTruth.blankRows.length).toBeGreaterThanOrEqual(2);
    expect(sheetTruth.totalsRow).not.toBeNull();
    // Round figures put customers right on a threshold, where ≥ and > part ways.
    const onThreshold = checked.filter((t) => {
      const r = RULE[t.tier];
      return [r.aPotential, r.bPotential].includes(t.potential!) || [r.aSales, r.bSales].includes(t.ourSales!);
    });
    expect(onThreshold.length).toBeGreaterThanOrEqual(5);
    for (const tier of [1, 2, 3] as const) {
      const classes = new Set(checked.filter((t) => t.tier === tier && t.potential !== null && t.ourSales !== null).map(handClass));
      expect({ tier, classes: [...classes].sort() }).toEqual({ tier, classes: ['A', 'B', 'C'] });
    }
  });

  it('finds the header below the title and the blank row, and maps every column', () => {
    expect(result.ok).toBe(true);
    expect(sheetTruth.headerRow).toBe(3);
    expect(result.headerRow).toBe(3);
    expect(result.language).toBe('zh');
    expect(result.missingFields).toEqual([]);
    expect(result.columns.map((c) => `${c.field}:${c.column}`)).toEqual(
      expect.arrayContaining(['name:A', 'city:B', 'industry:C', 'potential:D', 'ourSales:E', 'owner:F', 'region:G']),
    );
    expect(result.products.map((p) => p.name)).toEqual(['产品1', '产品2', '产品3', '产品4']);
  });

  it('reads every customer row, and skips the blank rows and the 合计 row', () => {
    expect(result.customers.map((c) => c.row)).toEqual(sheetTruth.customers.map((t) => t.row));
    for (const row of [...sheetTruth.blankRows, sheetTruth.totalsRow!]) {
      expect(byRow.has(row)).toBe(false);
      expect(issuesByRow.has(row)).toBe(false);
    }
  });

  it('raises the right issue on every messy row, and none on clean rows', () => {
    for (const t of checked) {
      const got = (issuesByRow.get(t.row) ?? []).map((i) => ({ key: i.key, column: i.column }));
      const key = t.messy ? EXPECTED_ISSUE[t.messy.kind] : null;
      const want = key ? [{ key, column: COLUMN[t.messy!.field] }] : [];
      expect({ row: t.row, kind: t.messy?.kind, issues: got }).toEqual({ row: t.row, kind: t.messy?.kind, issues: want });
    }
    for (const [row, m] of sheetTruth.messyRows) {
      if (m.kind !== 'duplicate') continue;
      const dup = issuesByRow.get(row)!.find((i) => i.key === 'duplicate-customer')!;
      expect(dup.params.firstRow).toBe(m.firstRow);
      expect(byRow.get(m.firstRow!)!.name).toBe(byRow.get(row)!.name);
    }
  });

  it('converts readable messy amounts: 350万 → 350, 1.2亿 → 12000, 1,500,000元 → 150, ３５０ → 350', () => {
    const amountKinds = new Set<MessyKind>(['wan-text', 'yi-text', 'yuan-unit', 'full-width']);
    let seen = 0;
    for (const [row, m] of sheetTruth.messyRows) {
      if (!amountKinds.has(m.kind)) continue;
      const c = byRow.get(row)!;
      const read = plannerReads(String(m.written));
      expect({ row, written: m.written, wan: c[m.field as 'potential' | 'ourSales'] }).toEqual({ row, written: m.written, wan: read });
      seen++;
    }
    expect(seen).toBeGreaterThanOrEqual(amountKinds.size);
  });

  it('reads every amount, city, tier, industry and region as the planner does', () => {
    for (const t of checked) {
      const c = byRow.get(t.row)!;
      expect({ row: t.row, city: c.city, tier: c.tier, potential: c.potential, ourSales: c.ourSales, industry: c.industry, region: c.region, owner: c.owner }).toEqual({
        row: t.row,
        city: t.city,
        tier: String(t.tier), // the default tiers' ids are their numbers
        potential: t.potential,
        ourSales: t.ourSales,
        industry: t.industryGroup,
        region: t.province,
        owner: t.owner,
      });
    }
  });

  it('maps "北京市", "Beijing", "陕西省西安市", "xian " style cities to the canonical name and its tier', () => {
    const cityRows = [...sheetTruth.messyRows].filter(([, m]) => m.field === 'city');
    expect(cityRows.length).toBeGreaterThanOrEqual(4);
    for (const [row, m] of cityRows) {
      const t = sheetTruth.customers.find((x) => x.row === row)!;
      const c = byRow.get(row)!;
      expect({ written: m.written, city: c.city, tier: c.tier }).toEqual({ written: m.written, city: t.city, tier: String(t.tier) });
    }
  });

  it('classifies every readable customer by the tier thresholds (checked by hand), and leaves the rest unclassified', () => {
    for (const t of checked) {
      const c = byRow.get(t.row)!;
      if (t.potential === null || t.ourSales === null) {
        expect({ row: t.row, class: c.class, target: c.target, products: c.productTargets }).toEqual({ row: t.row, class: null, target: null, products: null });
      } else {
        expect({ row: t.row, tier: t.tier, potential: t.potential, ourSales: t.ourSales, class: c.class }).toEqual({
          row: t.row,
          tier: t.tier,
          potential: t.potential,
          ourSales: t.ourSales,
          class: handClass(t),
        });
        expect(c.target).not.toBeNull();
      }
    }
  });

  describe('the tables tie out to the company target', () => {
    const unit = () => result.target.unit;
    const classified = () => result.customers.filter((c) => c.class !== null);
    const total = () => U(result.target.company, unit());
    /** Company target per product: the sum of every customer's product targets. */
    const companyProducts = () => {
      const sums = new Array<number>(PRODUCTS).fill(0);
      for (const c of classified()) c.productTargets!.forEach((v, p) => (sums[p] += U(v, unit())));
      return sums;
    };

    it('allocates exactly the company target over the classified customers, split over the products', () => {
      expect(result.target.source).toBe('target');
      expect(total()).toBe(U(COMPANY_TARGET, unit()));
      let sum = 0;
      for (const c of classified()) {
        sum += U(c.target!, unit());
        expect(c.productTargets!.reduce((a, v) => a + U(v, unit()), 0)).toBe(U(c.target!, unit()));
      }
      expect(sum).toBe(total());
      expect(companyProducts().reduce((a, b) => a + b, 0)).toBe(total());
    });

    it('gives each customer its share of potential, within one unit (the default basis)', () => {
      const pot = classified().reduce((a, c) => a + c.potential!, 0);
      for (const c of classified()) {
        const exact = (COMPANY_TARGET * c.potential!) / pot;
        expect(Math.abs(c.target! - exact)).toBeLessThan(unit());
      }
    });

    it('A + B + C tables = company target, overall and per product', () => {
      const { byCustomer, byIndustry, byRegion } = result.tables;
      const abc = [byCustomer.total, byIndustry.total, byRegion.total];
      expect(abc.reduce((a, t) => a + U(t.target, unit()), 0)).toBe(total());
      const perProduct = companyProducts();
      for (let p = 0; p < PRODUCTS; p++) expect(abc.reduce((a, t) => a + U(t.products[p], unit()), 0)).toBe(perProduct[p]);
      expect(abc.reduce((a, t) => a + t.customers, 0)).toBe(classified().length);
    });

    it('salesperson table and summary = company target', () => {
      const { bySalesperson, summary } = result.tables;
      expect(U(bySalesperson.total.target, unit())).toBe(total());
      const perProduct = companyProducts();
      for (let p = 0; p < PRODUCTS; p++) expect(U(bySalesperson.total.products[p], unit())).toBe(perProduct[p]);
      expect(U(summary.total.target, unit())).toBe(total());
      expect(summary.total.customers).toBe(classified().length);
    });

    it("each table's lines add up to its total, overall and per product, and each line's products to its target", () => {
      const { byCustomer, byIndustry, byRegion, bySalesperson } = result.tables;
      for (const table of [byCustomer, byIndustry, byRegion, bySalesperson]) {
        const lines = table.lines as { target: number; products: number[]; customers: number }[];
        expect(lines.reduce((a, l) => a + U(l.target, unit()), 0)).toBe(U(table.total.target, unit()));
        expect(lines.reduce((a, l) => a + l.customers, 0)).toBe(table.total.customers);
        for (let p = 0; p < PRODUCTS; p++) expect(lines.reduce((a, l) => a + U(l.products[p], unit()), 0)).toBe(U(table.total.products[p], unit()));
        for (const l of lines) expect(l.products.reduce((a, v) => a + U(v, unit()), 0)).toBe(U(l.target, unit()));
      }
      const { summary } = result.tables;
      expect(summary.lines.reduce((a, l) => a + U(l.target, unit()), 0)).toBe(U(summary.total.target, unit()));
    });

    it('puts A customers by name, B by industry group, C by region, everyone under their owner (summed by hand)', () => {
      const truthOf = new Map(sheetTruth.customers.map((t) => [t.row, t]));
      const sumBy = (cls: string | null, key: (t: CustomerTruth) => string) => {
        const sums = new Map<string, number>();
        for (const c of classified()) {
          if (cls !== null && c.class !== cls) continue;
          const k = key(truthOf.get(c.row)!);
          sums.set(k, (sums.get(k) ?? 0) + U(c.target!, unit()));
        }
        return sums;
      };
      const { byCustomer, byIndustry, byRegion, bySalesperson, summary } = result.tables;

      const aRows = classified().filter((c) => c.class === 'A');
      expect(byCustomer.lines.map((l) => l.row).sort((a, b) => a - b)).toEqual(aRows.map((c) => c.row));
      for (const l of byCustomer.lines) expect(U(l.target, unit())).toBe(U(byRow.get(l.row)!.target!, unit()));

      const b = sumBy('B', (t) => t.industryGroup);
      for (const l of byIndustry.lines) expect({ group: l.group, target: U(l.target, unit()) }).toEqual({ group: l.group, target: b.get(l.group) ?? 0 });

      const c = sumBy('C', (t) => t.province);
      expect(new Set(byRegion.lines.map((l) => l.region))).toEqual(new Set(c.keys()));
      for (const l of byRegion.lines) expect({ region: l.region, target: U(l.target, unit()) }).toEqual({ region: l.region, target: c.get(l.region) });

      const owners = sumBy(null, (t) => t.owner);
      expect(new Set(bySalesperson.lines.map((l) => l.owner))).toEqual(new Set(owners.keys()));
      for (const l of bySalesperson.lines) expect({ owner: l.owner, target: U(l.target, unit()) }).toEqual({ owner: l.owner, target: owners.get(l.owner) });

      for (const l of summary.lines) {
        const mine = classified().filter((x) => x.tier === l.tier && x.class === l.class);
        expect({ tier: l.tier, class: l.class, customers: l.customers, target: U(l.target, unit()) }).toEqual({
          tier: l.tier,
          class: l.class,
          customers: mine.length,
          target: mine.reduce((a, x) => a + U(x.target!, unit()), 0),
        });
      }
    });
  });

  test('reads "¥1,200,000" in a 万元 column as 元 (120 万元), with no issue', () => {
    const rows = [...sheetTruth.messyRows].filter(([, m]) => m.kind === 'yuan-sign');
    expect(rows.length).toBeGreaterThan(0);
    for (const [row, m] of rows) {
      const t = sheetTruth.customers.find((x) => x.row === row)!;
      expect(byRow.get(row)!.ourSales).toBe(plannerReads(String(m.written)));
      expect(byRow.get(row)!.ourSales).toBe(t.ourSales);
      expect(issuesByRow.get(row) ?? []).toEqual([]);
    }
  });
});

describe('the same generator in English', () => {
  it('plans a messy English sheet: header, cities, tiers and amounts as written, totals tie out', () => {
    const { sheet, truth } = makeCustomerSheetWithTruth({ count: 150, seed: 7, language: 'en', messy: true, products: 3 });
    const r = plan(sheet, defaultSettings(), { companyTarget: 9_000 });
    expect(r.ok).toBe(true);
    expect(r.headerRow).toBe(truth.headerRow);
    expect(r.language).toBe('en');
    expect(r.products.map((p) => p.name)).toEqual(['Product A', 'Product B', 'Product C']);
    const rows = new Map(r.customers.map((c) => [c.row, c]));
    for (const t of truth.customers) {
      const c = rows.get(t.row)!;
      expect({ row: t.row, city: c.city, tier: c.tier, potential: c.potential, ourSales: c.ourSales, industry: c.industry }).toEqual({
        row: t.row,
        city: t.city,
        tier: String(t.tier),
        potential: t.potential,
        ourSales: t.ourSales,
        industry: t.industryGroup,
      });
    }
    const { byCustomer, byIndustry, byRegion, bySalesperson } = r.tables;
    expect(byCustomer.total.target + byIndustry.total.target + byRegion.total.target).toBe(9_000);
    expect(bySalesperson.total.target).toBe(9_000);
  });
});

describe('the generator', () => {
  it('is deterministic from its seed', () => {
    const a = makeCustomerSheet({ count: 300, seed: 42, language: 'zh', messy: true, products: 2 });
    const b = makeCustomerSheet({ count: 300, seed: 42, language: 'zh', messy: true, products: 2 });
    const c = makeCustomerSheet({ count: 300, seed: 43, language: 'zh', messy: true, products: 2 });
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('gives about one owner per 12 customers, with unique customer names', () => {
    const { truth } = makeCustomerSheetWithTruth({ count: 1200, seed: 3, language: 'zh' });
    expect(truth.owners.length).toBe(100);
    expect(new Set(truth.customers.map((t) => t.owner)).size).toBeGreaterThan(80);
    expect(new Set(truth.customers.map((t) => t.name)).size).toBe(1200);
    expect(truth.messyRows.size).toBe(0);
  });
});

describe('a larger messy sheet', () => {
  it('flags exactly the duplicate rows, each pointing at its first row (the duplicate index grows past its first size)', () => {
    const { sheet, truth } = makeCustomerSheetWithTruth({ count: 3000, seed: 99, language: 'zh', messy: true, products: 2 });
    const r = plan(sheet, defaultSettings(), { companyTarget: 100_000 });
    const got = r.issues.filter((i) => i.key === 'duplicate-customer').map((i) => [i.row, i.params.firstRow]);
    const want = [...truth.messyRows].filter(([, m]) => m.kind === 'duplicate').map(([row, m]) => [row, m.firstRow]);
    expect(want.length).toBeGreaterThan(5);
    expect(got).toEqual(want);
  });
});

describe('the row reader’s fast paths give the general answers', () => {
  // Characters that matter: ideographs (some in totals words), ASCII of both cases, full-width
  // ASCII, spaces of several kinds, combining marks, compatibility characters NFKC rewrites.
  const chars = fc.constantFrom(
    ...'合计小总累汇额中国银行北京公司aAbBsStTlLoOuUmMgGrRnNdDcCxX09-:：()（）ＡａＴｏｔａｌ１ \u3000\u00a0\t\u0301\u030a\ufb01\u2160㈱'.split(''),
  );
  const text = fc.array(chars, { maxLength: 12 }).map((cs) => cs.join(''));

  it('nameKey is NFKC, lower case, no white space', () => {
    fc.assert(fc.property(text, (s) => nameKey(s) === s.normalize('NFKC').toLowerCase().replace(/\s+/g, '')), { numRuns: 5000 });
  });

  it('isTotalWord is the totals-word test on the normalised text', () => {
    const WORDS = new Set(TOTAL_WORDS);
    expect(WORDS).toEqual(new Set(['合计', '小计', '总计', '总合计', '累计', '汇总', '总额', 'total', 'subtotal', 'sub-total', 'grandtotal', 'totals', 'sum']));
    const words = fc.constantFrom(...WORDS, 'Total', 'ＴＯＴＡＬ', '合 计', '汇 总', '总额：', 'Grand Total:', 'Sub-Total：');
    const maybeTotal = fc.oneof(text, words, fc.tuple(words, text).map(([w, t]) => w + t));
    fc.assert(fc.property(maybeTotal, (s) => isTotalWord(s) === WORDS.has(s.normalize('NFKC').toLowerCase().replace(/[\s:：]/g, ''))), { numRuns: 5000 });
  });
});
