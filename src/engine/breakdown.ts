/**
 * The target tables, built from customers whose targets are already allocated in whole units.
 * Sums are taken in units (integers, exact in floating point) and turned into 万元 once per
 * cell, so every row, column and grand total ties out exactly to the company target. The
 * product columns come from the plan's nested product rounding (productSplits.ts): each line's
 * products add up to its target, each product's total is the company's (or its class's) split
 * by the mix, and each cell is within one unit of its exact share.
 */
import { fromUnits } from './allocate';
import type { CustomerColumns } from './customers';
import { MODE_OF_CODE, productUnitsOf } from './customers';
import { roundTable } from './mixNesting';
import { productSplits } from './productSplits';
import { INDUSTRY_GROUPS } from './settings';
import type { IndustryGroup, Settings } from './settings';
import type { TierId } from './tiers';
import type { CustomerClass, MatrixMode } from './types';
import { CLASSES } from './types';

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
  tier: TierId;
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
/**
 * A salesperson's line. Its lists and check are read-only and may be shared between lines (a
 * hundred thousand people mostly hold one region and one of a few industry sets): a line is
 * two objects, not six, which keeps the garbage collector's copying down.
 */
export interface SalespersonLine extends TargetLine {
  /** "" for customers with no owner. */
  owner: string;
  /** Names of the A customers they own: their named accounts. */
  readonly accounts: readonly string[];
  readonly industries: readonly IndustryGroup[];
  readonly regions: readonly string[];
  readonly check: Readonly<{ accounts: LoadCheck; industries: LoadCheck; regions: LoadCheck }>;
}
export interface SummaryLine {
  tier: TierId;
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
 * Customers and target sums in units for many lines at once, in one typed array: line g's
 * customers and target side by side, so adding a customer to a line touches one place in
 * memory, not two. In 32-bit integers when the company target fits them (no line sums more than
 * the whole): half the memory, which matters with a hundred thousand salespeople, whose sums do
 * not fit in the cache. The lines' products are rounded tables of their own (productSplits).
 */
class LineSums {
  private readonly sums: Int32Array | Float64Array;
  constructor(
    readonly lines: number,
    fits32: boolean,
  ) {
    this.sums = fits32 ? new Int32Array(lines * 2) : new Float64Array(lines * 2);
  }
  /** Adds a customer with `target` units to line g. */
  add(g: number, target: number): void {
    this.sums[g * 2] += 1;
    this.sums[g * 2 + 1] += target;
  }
  customers(g: number): number {
    return this.sums[g * 2];
  }
  target(g: number): number {
    return this.sums[g * 2 + 1];
  }
  /** Every line's target, in line order: the rows of the lines' product table. */
  targets(): Float64Array {
    const out = new Float64Array(this.lines);
    for (let g = 0; g < this.lines; g++) out[g] = this.sums[g * 2 + 1];
    return out;
  }
  /** Line g with its products (`cells`: units per product). */
  line(g: number, unit: number, cells: ArrayLike<number>): TargetLine {
    const products: number[] = new Array(cells.length);
    for (let p = 0; p < cells.length; p++) products[p] = fromUnits(cells[p], unit);
    return { customers: this.sums[g * 2], target: fromUnits(this.sums[g * 2 + 1], unit), products };
  }
  /** The lines that have customers, in line order. */
  used(): number[] {
    const out: number[] = [];
    for (let g = 0; g < this.lines; g++) if (this.sums[g * 2] > 0) out.push(g);
    return out;
  }
  /** The total over `lines`, summed in units; cellsOf(g) gives line g's products in units. */
  total(unit: number, lines: Iterable<number>, k: number, cellsOf: (g: number) => ArrayLike<number>): TargetLine {
    let customers = 0;
    let target = 0;
    const products = new Float64Array(k);
    for (const g of lines) {
      customers += this.sums[g * 2];
      target += this.sums[g * 2 + 1];
      const cells = cellsOf(g);
      for (let p = 0; p < k; p++) products[p] += cells[p];
    }
    return { customers, target: fromUnits(target, unit), products: Array.from(products, (u) => fromUnits(u, unit)) };
  }
}

/**
 * The ids ordered by their value, largest first, ties in the order given. Values are whole units
 * (integers ≥ 0), so each id becomes one float, (max − value) × span + position, exact below
 * 2^53 and sorted natively: a hundred thousand salespeople sorted through a comparison callback
 * took a tenth of a second, this a few milliseconds. Values too large to pack take the callback.
 */
export function byValueDesc(ids: readonly number[], value: (id: number) => number): number[] {
  const n = ids.length;
  let max = 0;
  for (let j = 0; j < n; j++) max = Math.max(max, value(ids[j]));
  let span = 1;
  while (span < n) span *= 2;
  if ((max + 1) * span > Number.MAX_SAFE_INTEGER) {
    const order = ids.map((_, j) => j);
    order.sort((a, b) => value(ids[b]) - value(ids[a]) || a - b);
    return order.map((j) => ids[j]);
  }
  const keys = new Float64Array(n);
  for (let j = 0; j < n; j++) keys[j] = (max - value(ids[j])) * span + j;
  keys.sort();
  const out: number[] = new Array(n);
  for (let j = 0; j < n; j++) out[j] = ids[keys[j] % span];
  return out;
}

// The same order as a.localeCompare(b, 'zh-CN'), without building a collator for each comparison.
const byText = new Intl.Collator('zh-CN').compare;

const CLASS_A = 1;
const CLASS_B = 2;
const CLASS_C = 3;

/** The industry groups whose bits are set, for each of the 2^6 sets a salesperson can cover. */
const GROUPS_OF_BITS: readonly (readonly IndustryGroup[])[] = Array.from({ length: 1 << INDUSTRY_GROUPS.length }, (_, bits) =>
  Object.freeze(INDUSTRY_GROUPS.filter((_, g) => bits & (1 << g))),
);
const NO_NAMES: readonly string[] = Object.freeze([]);
const LOAD_CHECKS: readonly LoadCheck[] = ['under', 'ok', 'over'];
/** Every combination of the three checks, made once: CHECKS[accounts][industries][regions] (0 under, 1 ok, 2 over). */
const CHECKS = LOAD_CHECKS.map((accounts) => LOAD_CHECKS.map((industries) => LOAD_CHECKS.map((regions) => Object.freeze({ accounts, industries, regions }))));
const checkIndex = (have: number, want: number) => (have === want ? 1 : have < want ? 0 : 2);

/** The tables of a plan whose classified customers (classCode > 0) have their targets allocated. */
export function buildBreakdown(c: CustomerColumns, settings: Settings): Breakdown {
  const unit = settings.targets.unit;
  const k = c.productCount;
  // The plan keeps targets in 32 bits when the company target fits them, and no sum exceeds that.
  const fits32 = c.targetUnits instanceof Int32Array;
  const industries = new LineSums(INDUSTRY_GROUPS.length, fits32);
  const regions = new LineSums(c.regions.length, fits32);
  const people = new LineSums(c.owners.length, fits32);
  // Names of each person's A customers; most people have none, so no array until they do.
  const accounts: (string[] | undefined)[] = new Array(c.owners.length);
  // Industries a person covers as bits. Regions: most people hold one, so the first is kept in
  // a typed array and only a person with more gets a set (a set entry per customer costs).
  const industryBits = new Uint8Array(c.owners.length);
  const firstRegion = new Int32Array(c.owners.length).fill(-1);
  const moreRegions = new Map<number, Set<number>>();
  // Tier × class cells, in the settings' tier order × CLASSES.
  const tiers = settings.tiers;
  const cells = tiers.length * CLASSES.length;
  const summaryCustomers = new Float64Array(cells);
  const summaryPotential = new Float64Array(cells);
  const summarySales = new Float64Array(cells);
  const summaryTarget = new Float64Array(cells);
  const aRows: number[] = [];
  const aProducts = new Float64Array(k);
  const split = new Float64Array(k);
  const classes = CLASSES.length;
  const splits = productSplits(c);

  const { classCode, targetUnits, ownerId, industry, regionId, tierPos, potential, ourSales } = c;
  // Regions with a name: rows with neither region nor city have the region "", which no one holds.
  const namedRegion = Uint8Array.from(c.regions, (r) => (r ? 1 : 0));
  for (let i = 0; i < c.count; i++) {
    const cls = classCode[i];
    if (cls === 0) continue;
    const target = targetUnits[i];
    const owner = ownerId[i];
    const region = regionId[i];
    if (cls === CLASS_A) aRows.push(i);
    else if (cls === CLASS_B) industries.add(industry[i], target);
    else if (cls === CLASS_C) regions.add(region, target);
    people.add(owner, target);
    industryBits[owner] |= 1 << industry[i];
    if (namedRegion[region] && firstRegion[owner] !== region) {
      if (firstRegion[owner] < 0) firstRegion[owner] = region;
      else {
        let more = moreRegions.get(owner);
        if (!more) moreRegions.set(owner, (more = new Set()));
        more.add(region);
      }
    }
    const cell = tierPos[i] * classes + (cls - 1);
    summaryCustomers[cell] += 1;
    summaryPotential[cell] += potential[i];
    summarySales[cell] += ourSales[i];
    summaryTarget[cell] += target;
  }
  // Each person's named accounts, in sheet order (after the loop: fewer places touched in it).
  for (const i of aRows) (accounts[ownerId[i]] ??= []).push(c.name[i]);

  // Lines made in sheet order (the columns read in order, not at random: a tenth of the time
  // for a hundred thousand A customers), then ordered: largest target first, equal targets in
  // sheet order.
  const aLines: CustomerLine[] = aRows.map((i) => {
    productUnitsOf(c, i, split);
    // Made at its final length: an array grown by push takes room for 16 numbers.
    const products: number[] = new Array(k);
    for (let p = 0; p < k; p++) {
      products[p] = fromUnits(split[p], unit);
      aProducts[p] += split[p];
    }
    return {
      customers: 1,
      target: fromUnits(c.targetUnits[i], unit),
      products,
      row: c.row[i],
      name: c.name[i],
      city: c.city.at(i),
      tier: tiers[c.tierPos[i]].id,
      industry: INDUSTRY_GROUPS[c.industry[i]],
      owner: c.owners[c.ownerId[i]],
      mode: MODE_OF_CODE[c.modeCode[i]]!,
      potential: c.potential[i],
      ourSales: c.ourSales[i],
    };
  });
  const customerLines = byValueDesc([...aLines.keys()], (j) => c.targetUnits[aRows[j]]).map((j) => aLines[j]);
  let aTotalUnits = 0;
  for (const i of aRows) aTotalUnits += c.targetUnits[i];

  const cRegions = regions.used();
  cRegions.sort((a, b) => regions.target(b) - regions.target(a) || byText(c.regions[a], c.regions[b]));

  // Most people hold one region: one shared list per region.
  const oneRegion = c.regions.map((r) => Object.freeze([r]));
  const regionsOf = (g: number): readonly string[] => {
    if (firstRegion[g] < 0) return NO_NAMES;
    const more = moreRegions.get(g);
    if (!more) return oneRegion[firstRegion[g]];
    more.add(firstRegion[g]);
    return [...more].map((id) => c.regions[id]).sort(byText);
  };
  // Lines made in the order people first appear in the sheet (their sums read in order), then
  // ordered: largest target first, equal targets in that order; customers with no owner last.
  const owners = people.used();
  const load = settings.load;
  // The salesperson table cuts across classes, industries and regions: its products are rounded
  // on their own, each person's target over the mix, to the company's product totals. (So a
  // person's line can differ by a unit or so from the sum of their customers' products.)
  const personTable = roundTable(splits.mix, people.targets(), splits.company).table;
  const personCells = (g: number) => {
    personTable.cellsOf(g, split);
    return split;
  };
  const personLines: SalespersonLine[] = owners.map((g) => {
    const { customers, target, products } = people.line(g, unit, personCells(g));
    const groups = GROUPS_OF_BITS[industryBits[g]];
    const regionNames = regionsOf(g);
    const named = accounts[g] ?? NO_NAMES;
    return {
      customers,
      target,
      products,
      owner: c.owners[g],
      accounts: named,
      industries: groups,
      regions: regionNames,
      check: CHECKS[checkIndex(named.length, load.accounts)][checkIndex(groups.length, load.industries)][checkIndex(regionNames.length, load.regions)],
    };
  });
  const named = [...owners.keys()].filter((j) => c.owners[owners[j]] !== '');
  const order = byValueDesc(named, (j) => people.target(owners[j]));
  if (named.length < owners.length) order.push(owners.findIndex((g) => c.owners[g] === ''));
  const salespersonLines = order.map((j) => personLines[j]);

  const summaryLines: SummaryLine[] = [];
  for (const [t, tier] of tiers.entries()) {
    for (const cls of CLASSES) {
      const cell = t * CLASSES.length + CLASSES.indexOf(cls);
      summaryLines.push({
        tier: tier.id,
        class: cls,
        customers: summaryCustomers[cell],
        potential: round(summaryPotential[cell]),
        ourSales: round(summarySales[cell]),
        target: fromUnits(summaryTarget[cell], unit),
      });
    }
  }
  const sum = (a: Float64Array) => a.reduce((x, y) => x + y, 0);
  const industryCells = (g: number) => splits.industries.subarray(g * k, (g + 1) * k);
  const regionCells = (g: number) => splits.regions.subarray(g * k, (g + 1) * k);

  return {
    byCustomer: { lines: customerLines, total: { customers: aRows.length, target: fromUnits(aTotalUnits, unit), products: Array.from(aProducts, (u) => fromUnits(u, unit)) } },
    byIndustry: {
      lines: INDUSTRY_GROUPS.map((group, g) => ({ group, ...industries.line(g, unit, industryCells(g)) })),
      total: industries.total(unit, INDUSTRY_GROUPS.keys(), k, industryCells),
    },
    byRegion: {
      lines: cRegions.map((g) => ({ region: c.regions[g], ...regions.line(g, unit, regionCells(g)) })),
      total: regions.total(unit, cRegions, k, regionCells),
    },
    bySalesperson: { lines: salespersonLines, total: people.total(unit, owners, k, personCells) },
    summary: {
      lines: summaryLines,
      total: { customers: sum(summaryCustomers), potential: round(sum(summaryPotential)), ourSales: round(sum(summarySales)), target: fromUnits(sum(summaryTarget), unit) },
    },
  };
}

/** Sums of amounts typed with decimals pick up binary noise; planners read 万元 to 6 places at most. */
const round = (x: number) => Math.round(x * 1e6) / 1e6;
