/**
 * The target tables, built from customers whose targets are already allocated in whole units.
 * Sums are taken in units (integers, exact in floating point) and turned into 万元 once per
 * cell, so every row, column and grand total ties out exactly to the company target.
 */
import { fromUnits } from './allocate';
import { INDUSTRY_GROUPS } from './settings';
import type { IndustryGroup, Settings } from './settings';
import type { CustomerClass, MatrixMode, Tier } from './types';
import { CLASSES, TIERS } from './types';

/** What the tables need of a classified customer (a PlannedCustomer with a class is one). */
export interface ClassifiedCustomer {
  row: number;
  name: string;
  city: string;
  tier: Tier;
  class: CustomerClass;
  mode: MatrixMode;
  industry: IndustryGroup;
  region: string;
  owner: string;
  potential: number;
  ourSales: number;
}

/**
 * The targets of the classified customers, in allocation units, in flat arrays (one allocation
 * for all customers rather than one per customer): customer i's target is targetUnits[i], its
 * share of product p is productUnits[i * productCount + p].
 */
export interface Allocation {
  productCount: number;
  targetUnits: Float64Array;
  productUnits: Float64Array;
}

export const emptyAllocation = (productCount: number): Allocation => ({
  productCount,
  targetUnits: new Float64Array(0),
  productUnits: new Float64Array(0),
});

/** One line of a target table: its target and the target per product, in 万元. */
export interface TargetLine {
  customers: number;
  target: number;
  products: number[];
}

export interface CustomerLine extends TargetLine {
  row: number;
  name: string;
  city: string;
  tier: Tier;
  industry: IndustryGroup;
  owner: string;
  mode: MatrixMode;
  potential: number;
  ourSales: number;
}
export interface IndustryLine extends TargetLine {
  group: IndustryGroup;
}
export interface RegionLine extends TargetLine {
  region: string;
}
export type LoadCheck = 'ok' | 'under' | 'over';
export interface SalespersonLine extends TargetLine {
  /** "" for customers with no owner. */
  owner: string;
  /** Names of the A customers they own: their named accounts. */
  accounts: string[];
  industries: IndustryGroup[];
  regions: string[];
  check: { accounts: LoadCheck; industries: LoadCheck; regions: LoadCheck };
}
export interface SummaryLine {
  tier: Tier;
  class: CustomerClass;
  customers: number;
  potential: number;
  ourSales: number;
  target: number;
}

export interface Table<L> {
  lines: L[];
  total: TargetLine;
}

export interface Breakdown {
  /** Target by customer × product: the A customers, named accounts. */
  byCustomer: Table<CustomerLine>;
  /** Target by industry group × product: the B customers, planned together per industry. */
  byIndustry: Table<IndustryLine>;
  /** Target by region × product: the C customers, planned together per region. */
  byRegion: Table<RegionLine>;
  bySalesperson: Table<SalespersonLine>;
  /** Customers, potential, our sales and target by tier × class. */
  summary: { lines: SummaryLine[]; total: Omit<SummaryLine, 'tier' | 'class'> };
}

/** Running sums in units for one line. */
class Sums {
  customers = 0;
  target = 0;
  readonly products: Float64Array;
  constructor(productCount: number) {
    this.products = new Float64Array(productCount);
  }
  /** Adds customer i of the allocation. */
  add(a: Allocation, i: number): void {
    this.customers += 1;
    this.target += a.targetUnits[i];
    const k = a.productCount;
    for (let p = 0; p < k; p++) this.products[p] += a.productUnits[i * k + p];
  }
  toLine(unit: number): TargetLine {
    return { customers: this.customers, target: fromUnits(this.target, unit), products: Array.from(this.products, (u) => fromUnits(u, unit)) };
  }
}

const check = (have: number, want: number): LoadCheck => (have === want ? 'ok' : have < want ? 'under' : 'over');

function totalOf(groups: Iterable<Sums>, productCount: number, unit: number): TargetLine {
  const all = new Sums(productCount);
  for (const g of groups) {
    all.customers += g.customers;
    all.target += g.target;
    for (let p = 0; p < productCount; p++) all.products[p] += g.products[p];
  }
  return all.toLine(unit);
}

// The same order as a.localeCompare(b, 'zh-CN'), without building a collator for each comparison.
const byText = new Intl.Collator('zh-CN').compare;

/** customers[i] is allocated allocation.targetUnits[i] (see Allocation). */
export function buildBreakdown(customers: readonly ClassifiedCustomer[], allocation: Allocation, settings: Settings): Breakdown {
  const unit = settings.targets.unit;
  const productCount = allocation.productCount;

  // Lines are built as whole literals, not { ...sums.toLine(unit), … }: V8 gave every object made
  // by that spread a shape of its own (hundreds of bytes each, per owner and per A customer).
  const aIndexes: number[] = [];
  for (let i = 0; i < customers.length; i++) if (customers[i].class === 'A') aIndexes.push(i);
  const aSums = aIndexes.map((i) => {
    const s = new Sums(productCount);
    s.add(allocation, i);
    return s;
  });
  const customerLines = aIndexes.map((ci, i) => {
    const c = customers[ci];
    const { customers: count, target, products } = aSums[i].toLine(unit);
    return {
      customers: count,
      target,
      products,
      row: c.row,
      name: c.name,
      city: c.city,
      tier: c.tier,
      industry: c.industry,
      owner: c.owner,
      mode: c.mode,
      potential: c.potential,
      ourSales: c.ourSales,
    };
  });
  customerLines.sort((a, b) => b.target - a.target || a.row - b.row);

  const industrySums = new Map<IndustryGroup, Sums>(INDUSTRY_GROUPS.map((g) => [g, new Sums(productCount)]));
  const regionSums = new Map<string, Sums>();
  const people = new Map<string, { sums: Sums; accounts: string[]; industries: Set<IndustryGroup>; regions: Set<string> }>();
  // Tier × class cells, in TIERS × CLASSES order.
  const summary = TIERS.flatMap(() => CLASSES.map(() => ({ customers: 0, potential: 0, ourSales: 0, target: 0 })));
  const cellOf = (tier: Tier, cls: CustomerClass) => (tier - 1) * CLASSES.length + CLASSES.indexOf(cls);

  for (let i = 0; i < customers.length; i++) {
    const c = customers[i];
    if (c.class === 'B') industrySums.get(c.industry)!.add(allocation, i);
    if (c.class === 'C') {
      let r = regionSums.get(c.region);
      if (!r) regionSums.set(c.region, (r = new Sums(productCount)));
      r.add(allocation, i);
    }
    let person = people.get(c.owner);
    if (!person) people.set(c.owner, (person = { sums: new Sums(productCount), accounts: [], industries: new Set(), regions: new Set() }));
    person.sums.add(allocation, i);
    if (c.class === 'A') person.accounts.push(c.name);
    person.industries.add(c.industry);
    if (c.region) person.regions.add(c.region);
    const s = summary[cellOf(c.tier, c.class)];
    s.customers += 1;
    s.potential += c.potential;
    s.ourSales += c.ourSales;
    s.target += allocation.targetUnits[i];
  }

  const regionLines = [...regionSums.entries()]
    .map(([region, sums]) => ({ region, sums }))
    .sort((a, b) => b.sums.target - a.sums.target || byText(a.region, b.region));

  const owners = [...people.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : byText(a, b)));
  const load = settings.load;
  const salespersonLines = owners.map((owner) => {
    const p = people.get(owner)!;
    const { customers: count, target, products } = p.sums.toLine(unit);
    return {
      customers: count,
      target,
      products,
      owner,
      accounts: p.accounts,
      industries: INDUSTRY_GROUPS.filter((g) => p.industries.has(g)),
      regions: [...p.regions].sort(byText),
      check: {
        accounts: check(p.accounts.length, load.accounts),
        industries: check(p.industries.size, load.industries),
        regions: check(p.regions.size, load.regions),
      },
    };
  });

  const summaryLines: SummaryLine[] = [];
  let sumCustomers = 0;
  let sumPotential = 0;
  let sumSales = 0;
  let sumTarget = 0;
  for (const tier of TIERS) {
    for (const cls of CLASSES) {
      const s = summary[cellOf(tier, cls)];
      summaryLines.push({ tier, class: cls, customers: s.customers, potential: round(s.potential), ourSales: round(s.ourSales), target: fromUnits(s.target, unit) });
      sumCustomers += s.customers;
      sumPotential += s.potential;
      sumSales += s.ourSales;
      sumTarget += s.target;
    }
  }

  return {
    byCustomer: { lines: customerLines, total: totalOf(aSums, productCount, unit) },
    byIndustry: {
      lines: INDUSTRY_GROUPS.map((group) => {
        const { customers: count, target, products } = industrySums.get(group)!.toLine(unit);
        return { group, customers: count, target, products };
      }),
      total: totalOf(industrySums.values(), productCount, unit),
    },
    byRegion: {
      lines: regionLines.map(({ region, sums }) => {
        const { customers: count, target, products } = sums.toLine(unit);
        return { region, customers: count, target, products };
      }),
      total: totalOf(regionSums.values(), productCount, unit),
    },
    bySalesperson: { lines: salespersonLines, total: totalOf(owners.map((o) => people.get(o)!.sums), productCount, unit) },
    summary: {
      lines: summaryLines,
      total: { customers: sumCustomers, potential: round(sumPotential), ourSales: round(sumSales), target: fromUnits(sumTarget, unit) },
    },
  };
}

/** Sums of amounts typed with decimals pick up binary noise; planners read 万元 to 6 places at most. */
const round = (x: number) => Math.round(x * 1e6) / 1e6;
