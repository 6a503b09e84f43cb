/**
 * The target tables, built from customers whose targets are already allocated in whole units.
 * Sums are taken in units (integers, exact in floating point) and turned into 万元 once per
 * cell, so every row, column and grand total ties out exactly to the company target.
 */
import { fromUnits } from './allocate';
import type { CustomerColumns } from './customers';
import { MODE_OF_CODE } from './customers';
import { INDUSTRY_GROUPS } from './settings';
import type { IndustryGroup, Settings } from './settings';
import type { CustomerClass, MatrixMode, Tier } from './types';
import { CLASSES, TIERS } from './types';

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

/**
 * Sums in units for many lines at once, one typed array per measure: line g's target is
 * target[g], its product p is products[g * productCount + p].
 */
class LineSums {
  readonly customers: Float64Array;
  readonly target: Float64Array;
  readonly products: Float64Array;
  constructor(
    lines: number,
    private readonly productCount: number,
  ) {
    this.customers = new Float64Array(lines);
    this.target = new Float64Array(lines);
    this.products = new Float64Array(lines * productCount);
  }
  /** Adds customer i of the columns to line g. */
  add(g: number, c: CustomerColumns, i: number): void {
    const k = this.productCount;
    this.customers[g] += 1;
    this.target[g] += c.targetUnits[i];
    for (let p = 0; p < k; p++) this.products[g * k + p] += c.productUnits[i * k + p];
  }
  line(g: number, unit: number): TargetLine {
    const k = this.productCount;
    const products: number[] = new Array(k);
    for (let p = 0; p < k; p++) products[p] = fromUnits(this.products[g * k + p], unit);
    return { customers: this.customers[g], target: fromUnits(this.target[g], unit), products };
  }
  /** The total over lines (all of them by default), summed in units. */
  total(unit: number, lines?: Iterable<number>): TargetLine {
    const k = this.productCount;
    let customers = 0;
    let target = 0;
    const products = new Float64Array(k);
    for (const g of lines ?? this.target.keys()) {
      customers += this.customers[g];
      target += this.target[g];
      for (let p = 0; p < k; p++) products[p] += this.products[g * k + p];
    }
    return { customers, target: fromUnits(target, unit), products: Array.from(products, (u) => fromUnits(u, unit)) };
  }
}

const check = (have: number, want: number): LoadCheck => (have === want ? 'ok' : have < want ? 'under' : 'over');

// The same order as a.localeCompare(b, 'zh-CN'), without building a collator for each comparison.
const byText = new Intl.Collator('zh-CN').compare;

const CLASS_A = 1;
const CLASS_B = 2;
const CLASS_C = 3;

/** The tables of a plan whose classified customers (classCode > 0) have their targets allocated. */
export function buildBreakdown(c: CustomerColumns, settings: Settings): Breakdown {
  const unit = settings.targets.unit;
  const k = c.productCount;
  const industries = new LineSums(INDUSTRY_GROUPS.length, k);
  const regions = new LineSums(c.regions.length, k);
  const people = new LineSums(c.owners.length, k);
  const accounts: string[][] = c.owners.map(() => []);
  // Industries a person covers as bits. Regions: most people hold one, so the first is kept in
  // a typed array and only a person with more gets a set (a set entry per customer costs).
  const industryBits = new Uint8Array(c.owners.length);
  const firstRegion = new Int32Array(c.owners.length).fill(-1);
  const moreRegions = new Map<number, Set<number>>();
  // Tier × class cells, in TIERS × CLASSES order.
  const cells = TIERS.length * CLASSES.length;
  const summaryCustomers = new Float64Array(cells);
  const summaryPotential = new Float64Array(cells);
  const summarySales = new Float64Array(cells);
  const summaryTarget = new Float64Array(cells);
  const aRows: number[] = [];

  for (let i = 0; i < c.count; i++) {
    const cls = c.classCode[i];
    if (cls === 0) continue;
    if (cls === CLASS_A) aRows.push(i);
    else if (cls === CLASS_B) industries.add(c.industry[i], c, i);
    else if (cls === CLASS_C) regions.add(c.regionId[i], c, i);
    const owner = c.ownerId[i];
    people.add(owner, c, i);
    if (cls === CLASS_A) accounts[owner].push(c.name[i]);
    industryBits[owner] |= 1 << c.industry[i];
    const region = c.regionId[i];
    if (c.regions[region] && firstRegion[owner] !== region) {
      if (firstRegion[owner] < 0) firstRegion[owner] = region;
      else {
        let more = moreRegions.get(owner);
        if (!more) moreRegions.set(owner, (more = new Set()));
        more.add(region);
      }
    }
    const cell = (c.tier[i] - 1) * CLASSES.length + (cls - 1);
    summaryCustomers[cell] += 1;
    summaryPotential[cell] += c.potential[i];
    summarySales[cell] += c.ourSales[i];
    summaryTarget[cell] += c.targetUnits[i];
  }

  const customerLines: CustomerLine[] = aRows.map((i) => {
    const products: number[] = new Array(k);
    for (let p = 0; p < k; p++) products[p] = fromUnits(c.productUnits[i * k + p], unit);
    return {
      customers: 1,
      target: fromUnits(c.targetUnits[i], unit),
      products,
      row: c.row[i],
      name: c.name[i],
      city: c.city[i],
      tier: c.tier[i] as Tier,
      industry: INDUSTRY_GROUPS[c.industry[i]],
      owner: c.owners[c.ownerId[i]],
      mode: MODE_OF_CODE[c.modeCode[i]]!,
      potential: c.potential[i],
      ourSales: c.ourSales[i],
    };
  });
  customerLines.sort((a, b) => b.target - a.target || a.row - b.row);
  let aTotalUnits = 0;
  const aProducts = new Float64Array(k);
  for (const i of aRows) {
    aTotalUnits += c.targetUnits[i];
    for (let p = 0; p < k; p++) aProducts[p] += c.productUnits[i * k + p];
  }

  const cRegions = [...regions.customers.keys()].filter((g) => regions.customers[g] > 0);
  cRegions.sort((a, b) => regions.target[b] - regions.target[a] || byText(c.regions[a], c.regions[b]));

  const regionsOf = (g: number): string[] => {
    if (firstRegion[g] < 0) return [];
    const more = moreRegions.get(g);
    if (!more) return [c.regions[firstRegion[g]]];
    more.add(firstRegion[g]);
    return [...more].map((id) => c.regions[id]).sort(byText);
  };
  // Largest target first, as in the other tables; customers with no owner last.
  const owners = [...people.customers.keys()].filter((g) => people.customers[g] > 0);
  owners.sort((a, b) => (c.owners[a] === '' ? 1 : c.owners[b] === '' ? -1 : people.target[b] - people.target[a] || byText(c.owners[a], c.owners[b])));
  const load = settings.load;
  const salespersonLines: SalespersonLine[] = owners.map((g) => {
    const { customers, target, products } = people.line(g, unit);
    const groups = INDUSTRY_GROUPS.filter((_, bit) => industryBits[g] & (1 << bit));
    const regionNames = regionsOf(g);
    return {
      customers,
      target,
      products,
      owner: c.owners[g],
      accounts: accounts[g],
      industries: groups,
      regions: regionNames,
      check: {
        accounts: check(accounts[g].length, load.accounts),
        industries: check(groups.length, load.industries),
        regions: check(regionNames.length, load.regions),
      },
    };
  });

  const summaryLines: SummaryLine[] = [];
  for (const tier of TIERS) {
    for (const cls of CLASSES) {
      const cell = (tier - 1) * CLASSES.length + CLASSES.indexOf(cls);
      summaryLines.push({
        tier,
        class: cls,
        customers: summaryCustomers[cell],
        potential: round(summaryPotential[cell]),
        ourSales: round(summarySales[cell]),
        target: fromUnits(summaryTarget[cell], unit),
      });
    }
  }
  const sum = (a: Float64Array) => a.reduce((x, y) => x + y, 0);

  return {
    byCustomer: { lines: customerLines, total: { customers: aRows.length, target: fromUnits(aTotalUnits, unit), products: Array.from(aProducts, (u) => fromUnits(u, unit)) } },
    byIndustry: {
      lines: INDUSTRY_GROUPS.map((group, g) => ({ group, ...industries.line(g, unit) })),
      total: industries.total(unit),
    },
    byRegion: {
      lines: cRegions.map((g) => ({ region: c.regions[g], ...regions.line(g, unit) })),
      total: regions.total(unit, cRegions),
    },
    bySalesperson: { lines: salespersonLines, total: people.total(unit, owners) },
    summary: {
      lines: summaryLines,
      total: { customers: sum(summaryCustomers), potential: round(sum(summaryPotential)), ourSales: round(sum(summarySales)), target: fromUnits(sum(summaryTarget), unit) },
    },
  };
}

/** Sums of amounts typed with decimals pick up binary noise; planners read 万元 to 6 places at most. */
const round = (x: number) => Math.round(x * 1e6) / 1e6;
