/**
 * The customers of a plan, held column by column: a typed array or a string array per field.
 *
 * A million customers as objects cost about 800 bytes and a dozen heap objects each, and the
 * garbage collector's time with them; as columns they cost about 150 bytes and no objects.
 * Per-customer objects (PlannedCustomer) are built on demand, for what a person looks at.
 */
import { fromUnits } from './allocate';
import { productSplits } from './productSplits';
import { TextColumn } from './textColumn';
import type { ClassReason } from './classify';
import { CLASS_OF_CODE, classify, MODE_OF_CODE } from './classify';

export { CLASS_OF_CODE, MODE_OF_CODE };
import type { IndustryGroup, Settings } from './settings';
import { INDUSTRY_GROUPS } from './settings';
import type { TierId } from './tiers';
import type { Coverage, CustomerClass, MatrixMode } from './types';


export interface CustomerColumns {
  count: number;
  /** Sheet row numbers (1-based). */
  row: Int32Array;
  name: string[];
  /** As typed, trimmed. */
  cityRaw: TextColumn;
  /** Canonical city ("北京"), "" when none was given. */
  city: TextColumn;
  industryRaw: TextColumn;
  /** Index into INDUSTRY_GROUPS. */
  industry: Uint8Array;
  /** Index into `owners` ("" is the owner of rows with none). */
  ownerId: Int32Array;
  owners: string[];
  /** Index into `regions`: the region column, else the city's province, else the city. */
  regionId: Int32Array;
  regions: string[];
  branch: TextColumn;
  /** 万元; NaN when missing or unreadable (the row then gets no class). */
  potential: Float64Array;
  ourSales: Float64Array;
  /** Historic sales per mapped product column, summed over the rows (万元): the default product mix. */
  historyTotals: Float64Array;
  /** The tier's position in settings.tiers (0: the first, highest); its id is settings.tiers[tierPos[i]].id. */
  tierPos: Uint8Array;
  /** See CLASS_OF_CODE and MODE_OF_CODE. */
  classCode: Uint8Array;
  modeCode: Uint8Array;
  /**
   * Target in allocation units; 0 for unclassified rows (classCode 0). 32-bit integers while the
   * company target is under 2^31 units (21 billion 万元 at a unit of 1), else 64-bit floats.
   */
  targetUnits: Int32Array | Float64Array;
  /**
   * The product mix (percent per product) that splits the targets: productSplits rounds every
   * table's products with it on first use, keeping a customer's round-ups as bits, not its cells.
   */
  productCount: number;
  productMix: Float64Array;
}

/** Columns for up to `capacity` rows read from a sheet; the plan's own arrays stay empty until planned. */
export function newCustomerColumns(capacity: number, historyCount: number): CustomerColumns {
  return {
    count: 0,
    row: new Int32Array(capacity),
    name: new Array(capacity),
    cityRaw: new TextColumn(capacity),
    city: new TextColumn(capacity),
    industryRaw: new TextColumn(capacity),
    industry: new Uint8Array(capacity),
    ownerId: new Int32Array(capacity),
    owners: [],
    regionId: new Int32Array(capacity),
    regions: [],
    branch: new TextColumn(capacity),
    potential: new Float64Array(capacity),
    ourSales: new Float64Array(capacity),
    historyTotals: new Float64Array(historyCount),
    tierPos: new Uint8Array(0),
    classCode: new Uint8Array(0),
    modeCode: new Uint8Array(0),
    targetUnits: new Int32Array(0),
    productCount: 0,
    productMix: new Float64Array(0),
  };
}

/** Room for `count` customers' targets of at most `totalUnits` units each. */
export function targetUnitsArray(count: number, totalUnits: number): Int32Array | Float64Array {
  return totalUnits <= 0x7fffffff ? new Int32Array(count) : new Float64Array(count);
}

/**
 * Customer i's target per product, in units, written into out[0 … productCount − 1]: its row of
 * the plan's nested product rounding (productSplits.ts), so its products add up to its target,
 * each within one unit of its exact share, and the customers of a table's line add up to that
 * line's products. Every table and view that shows a customer's products reads them here.
 */
export function productUnitsOf(c: CustomerColumns, i: number, out: Float64Array): void {
  productSplits(c).customers.cellsOf(i, out);
}

/** The first n rows of columns made with room for more (blank and totals rows were skipped). */
export function trimColumns(c: CustomerColumns, n: number): CustomerColumns {
  const cut = <T extends { subarray(a: number, b: number): T }>(a: T, width = 1) => a.subarray(0, n * width);
  c.name.length = n;
  for (const column of [c.cityRaw, c.city, c.industryRaw, c.branch]) column.keep(n);
  return {
    ...c,
    count: n,
    row: cut(c.row),
    industry: cut(c.industry),
    ownerId: cut(c.ownerId),
    regionId: cut(c.regionId),
    potential: cut(c.potential),
    ourSales: cut(c.ourSales),
  };
}

/** One customer as a person (the task pane, the JSON document, a test) reads it. */
export interface PlannedCustomer {
  /** Sheet row number (1-based). */
  row: number;
  name: string;
  cityRaw: string;
  city: string;
  industryRaw: string;
  industry: IndustryGroup;
  owner: string;
  region: string;
  branch: string;
  /** 万元; null when missing or unreadable. */
  potential: number | null;
  ourSales: number | null;
  /** The id of its tier (settings.tiers). */
  tier: TierId;
  /** null when the row's amounts are missing or invalid: it gets no class and no target. */
  class: CustomerClass | null;
  coverage: Coverage | null;
  mode: MatrixMode | null;
  reason: ClassReason | null;
  /** 万元, a whole number of allocation units; null for unclassified rows. */
  target: number | null;
  productTargets: number[] | null;
}

const orNull = (x: number) => (Number.isNaN(x) ? null : x);

/** Customer i of the columns, with its reason worked out again from the settings it was planned with. */
export function customerAt(c: CustomerColumns, i: number, settings: Settings): PlannedCustomer {
  const cls = CLASS_OF_CODE[c.classCode[i]];
  const tier = settings.tiers[c.tierPos[i]].id;
  const unit = settings.targets.unit;
  const classified = cls !== null;
  const productTargets: number[] = [];
  if (classified) {
    const split = new Float64Array(c.productCount);
    productUnitsOf(c, i, split);
    for (let p = 0; p < c.productCount; p++) productTargets.push(fromUnits(split[p], unit));
  }
  return {
    row: c.row[i],
    name: c.name[i],
    cityRaw: c.cityRaw.at(i),
    city: c.city.at(i),
    industryRaw: c.industryRaw.at(i),
    industry: INDUSTRY_GROUPS[c.industry[i]],
    owner: c.owners[c.ownerId[i]],
    region: c.regions[c.regionId[i]],
    branch: c.branch.at(i),
    potential: orNull(c.potential[i]),
    ourSales: orNull(c.ourSales[i]),
    tier,
    class: cls,
    coverage: classified ? settings.coverage[cls] : null,
    mode: MODE_OF_CODE[c.modeCode[i]],
    reason: classified ? classify(tier, c.potential[i], c.ourSales[i], settings).reason : null,
    target: classified ? fromUnits(c.targetUnits[i], unit) : null,
    productTargets: classified ? productTargets : null,
  };
}

/** Every customer as an object: for consumers that want them all (a JSON document, small sheets). */
export function allCustomers(c: CustomerColumns, settings: Settings): PlannedCustomer[] {
  const out: PlannedCustomer[] = new Array(c.count);
  for (let i = 0; i < c.count; i++) out[i] = customerAt(c, i, settings);
  return out;
}
