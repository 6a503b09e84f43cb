/**
 * The plan's product splits, table by table, nested so that the tables agree with each other:
 *
 *   company target ─ split by the mix, largest remainder (exact) ─┐
 *   classes A, B, C × products ◀──────────────────────────────────┘ (product totals = that split)
 *   ├─ A: the A customers × products                  (product totals = class A's cells)
 *   ├─ B: industry groups × products                  (= class B's cells)
 *   │     └─ the B customers of each group × products (= that group's cells)
 *   └─ C: regions × products                          (= class C's cells)
 *         └─ the C customers of each region × products (= that region's cells)
 *
 * Each is rounded with both margins held (mixTable.ts): a row's products add up to its target,
 * a cell is its exact share rounded down or up, and the product totals are those of the row
 * above. So the By-customer, By-industry and By-region sheets add up, product by product, to the
 * company's split, and an industry's B customers add up to the industry's line. Only where a
 * few customers cannot reach their line's cells (it takes small, odd targets; see mixTable.ts)
 * do they take the nearest totals they can reach, each still within one unit of exact, and then
 * differ from their line by a unit in two products. The salesperson table cuts across classes:
 * it is rounded on its own to the company's split (breakdown.ts).
 */
import type { CustomerColumns } from './customers';
import type { Mix } from './mix';
import { mixOf, splitByMix } from './mix';
import { RoundedTable, roundTable, TableRounder } from './mixTable';
import { INDUSTRY_GROUPS } from './settings';

/** The company's split and the classes' (cheap: the task pane's preview shows them on every change). */
export interface ProductTotals {
  readonly mix: Mix;
  /** Units per product: what every table's product totals come back to. */
  readonly company: Float64Array;
  /** Units per class (A, B, C) and product: classes[(class − 1) × k + p]. */
  readonly classes: Float64Array;
  /** Whether the company's split is the largest-remainder one (false only when the classes cannot reach it). */
  readonly exact: boolean;
}

export interface ProductSplits extends ProductTotals {
  /** Units per industry group and product, for the B customers: industries[group × k + p]. */
  readonly industries: Float64Array;
  /** Units per region and product, for the C customers: regions[regionId × k + p]. */
  readonly regions: Float64Array;
  /** Every customer's split (the unclassified have no target, so nothing to split). */
  readonly customers: RoundedTable;
  /** Whether every nested table reached the cells of the one above. */
  readonly nested: boolean;
}

const CLASS_A = 1;
const CLASS_B = 2;
const CLASS_C = 3;

// Kept per plan (its columns), made on first use: the pane's preview asks for the totals on
// every change; the customers' splits are asked for by the tables and the customer list.
const totalsOf = new WeakMap<CustomerColumns, ProductTotals>();
const splitsOf = new WeakMap<CustomerColumns, ProductSplits>();

/** The company's and the classes' product totals of a planned sheet. */
export function productTotals(c: CustomerColumns): ProductTotals {
  let totals = totalsOf.get(c);
  if (!totals) totalsOf.set(c, (totals = makeTotals(c)));
  return totals;
}

/** Every product split of a planned sheet: classes, industry groups, regions and customers. */
export function productSplits(c: CustomerColumns): ProductSplits {
  let splits = splitsOf.get(c);
  if (!splits) splitsOf.set(c, (splits = makeSplits(c, productTotals(c))));
  return splits;
}

function makeTotals(c: CustomerColumns): ProductTotals {
  const mix = mixOf(c.productMix);
  const classTargets = new Float64Array(3);
  for (let i = 0; i < c.count; i++) if (c.classCode[i] !== 0) classTargets[c.classCode[i] - 1] += c.targetUnits[i];
  const company = classTargets[0] + classTargets[1] + classTargets[2];
  const { cells, totals, reached } = roundToCells(mix, classTargets, splitByMix(mix, company));
  return { mix, company: totals, classes: cells, exact: reached };
}

function makeSplits(c: CustomerColumns, totals: ProductTotals): ProductSplits {
  const { mix, classes } = totals;
  const k = mix.k;
  const groups = INDUSTRY_GROUPS.length;
  const regionCount = c.regions.length;
  const industryTargets = new Float64Array(groups);
  const regionTargets = new Float64Array(regionCount);
  // Blocks of customers rounded together: 0 the A customers, 1 + group the B customers of an
  // industry group, 1 + groups + region the C customers of a region.
  const blocks = 1 + groups + regionCount;
  const blockStart = new Int32Array(blocks + 1);
  const { classCode, targetUnits, industry, regionId } = c;
  const blockOf = (i: number) => (classCode[i] === CLASS_A ? 0 : classCode[i] === CLASS_B ? 1 + industry[i] : 1 + groups + regionId[i]);
  let classified = 0;
  for (let i = 0; i < c.count; i++) {
    const cls = classCode[i];
    if (cls === 0) continue;
    if (cls === CLASS_B) industryTargets[industry[i]] += targetUnits[i];
    else if (cls === CLASS_C) regionTargets[regionId[i]] += targetUnits[i];
    blockStart[blockOf(i) + 1]++;
    classified++;
  }
  for (let b = 0; b < blocks; b++) blockStart[b + 1] += blockStart[b];
  const rows = new Int32Array(classified);
  const next = blockStart.slice(0, blocks);
  for (let i = 0; i < c.count; i++) if (classCode[i] !== 0) rows[next[blockOf(i)]++] = i;

  const row = (cells: Float64Array, r: number) => cells.subarray(r * k, (r + 1) * k);
  const industries = roundToCells(mix, industryTargets, row(classes, CLASS_B - 1));
  const regions = roundToCells(mix, regionTargets, row(classes, CLASS_C - 1));
  const customers = new RoundedTable(mix, targetUnits);
  const rounder = new TableRounder(mix);
  const reached = new Float64Array(k);
  let nested = industries.reached && regions.reached;
  for (let b = 0; b < blocks; b++) {
    const wanted = b === 0 ? row(classes, CLASS_A - 1) : b <= groups ? row(industries.cells, b - 1) : row(regions.cells, b - 1 - groups);
    if (blockStart[b] === blockStart[b + 1]) continue; // no customers: every wanted total is 0
    if (!rounder.round(customers, rows, blockStart[b], blockStart[b + 1], wanted, reached)) nested = false;
  }
  return { ...totals, industries: industries.cells, regions: regions.cells, customers, nested };
}

/** A small table (classes, industry groups, regions) rounded to `wanted` totals, as cells: row r's at [r × k, (r + 1) × k). */
function roundToCells(mix: Mix, targets: Float64Array, wanted: ArrayLike<number>): { cells: Float64Array; totals: Float64Array; reached: boolean } {
  const { table, totals, reached } = roundTable(mix, targets, wanted);
  return { cells: table.allCells(), totals, reached };
}
