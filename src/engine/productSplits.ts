/**
 * The plan's product splits, table by table, nested so that the tables agree with each other:
 *
 *   company: the target split by the mix, largest remainder (exact)
 *   ├─ class A ── the A customers
 *   ├─ class B ── industry groups ── the B customers of each
 *   └─ class C ── regions ── the C customers of each
 *
 * All of it is one rounding of the customers (mixNesting.ts): every line above a customer is the
 * sum of its customers' cells, so the By-customer, By-industry and By-region sheets add up,
 * product by product, to the company's split, an industry group's line is the sum of its B
 * customers, and every cell and every line is its exact share rounded down or up. The tables
 * drawn from the top down only tell the first pass where to aim. The salesperson table cuts
 * across classes: it is rounded on its own to the company's split (breakdown.ts).
 */
import type { CustomerColumns } from './customers';
import type { Mix } from './mix';
import { mixOf, splitByMix } from './mix';
import { roundNested, roundTable } from './mixNesting';
import { RoundedTable } from './mixTable';
import { INDUSTRY_GROUPS } from './settings';

export interface ProductSplits {
  readonly mix: Mix;
  /** Units per product: the company target's split, which every table's product totals come back to. */
  readonly company: Float64Array;
  /** Whether that is the largest-remainder split (false only where the customers cannot reach it). */
  readonly exact: boolean;
  /** Units per class (A, B, C) and product: classes[(class − 1) × k + p]. */
  readonly classes: Float64Array;
  /** Units per industry group and product, for the B customers: industries[group × k + p]. */
  readonly industries: Float64Array;
  /** Units per region and product, for the C customers: regions[regionId × k + p]. */
  readonly regions: Float64Array;
  /** Every customer's split (the unclassified have no target, so nothing to split). */
  readonly customers: RoundedTable;
}

const CLASS_A = 1;
const CLASS_B = 2;
const CLASS_C = 3;

// Kept per plan (its columns), made on first use.
const splitsOf = new WeakMap<CustomerColumns, ProductSplits>();

/** Every product split of a planned sheet: company, classes, industry groups, regions and customers. */
export function productSplits(c: CustomerColumns): ProductSplits {
  let splits = splitsOf.get(c);
  if (!splits) splitsOf.set(c, (splits = makeSplits(c)));
  return splits;
}

function makeSplits(c: CustomerColumns): ProductSplits {
  const mix = mixOf(c.productMix);
  const k = mix.k;
  const groups = INDUSTRY_GROUPS.length;
  const regionCount = c.regions.length;
  const { classCode, targetUnits, industry, regionId } = c;

  // The nesting: 0 the company; 1, 2, 3 the classes; then the industry groups (under B) and the
  // regions (under C). Blocks of customers hang on the leaves: the A customers on class A, the B
  // customers of a group on the group, the C customers of a region on the region.
  const firstGroup = 4;
  const firstRegion = firstGroup + groups;
  const nodes = firstRegion + regionCount;
  const parent = new Int32Array(nodes);
  parent[0] = -1;
  for (let n = 1; n < nodes; n++) parent[n] = n < firstGroup ? 0 : n < firstRegion ? CLASS_B : CLASS_C;
  const blocks = 1 + groups + regionCount;
  const leaf = Int32Array.from({ length: blocks }, (_, b) => (b === 0 ? CLASS_A : firstGroup - 1 + b));
  // Each customer's block and each block's target, in one pass; then the customers by block
  // (a counting sort, sheet order kept within a block).
  const blockOfRow = new Int32Array(c.count);
  const blockTarget = new Float64Array(blocks);
  const start = new Int32Array(blocks + 1);
  for (let i = 0; i < c.count; i++) {
    const cls = classCode[i];
    const b = cls === CLASS_A ? 0 : cls === CLASS_B ? 1 + industry[i] : cls === CLASS_C ? 1 + groups + regionId[i] : -1;
    blockOfRow[i] = b;
    if (b < 0) continue;
    blockTarget[b] += targetUnits[i];
    start[b + 1]++;
  }
  for (let b = 0; b < blocks; b++) start[b + 1] += start[b];
  const rows = new Int32Array(start[blocks]);
  const next = start.slice(0, blocks);
  for (let i = 0; i < c.count; i++) if (blockOfRow[i] >= 0) rows[next[blockOfRow[i]]++] = i;
  const industryTargets = blockTarget.slice(1, 1 + groups);
  const regionTargets = blockTarget.slice(1 + groups);
  const sum = (a: Float64Array) => a.reduce((x, y) => x + y, 0);
  const classTargets = Float64Array.of(blockTarget[0], sum(industryTargets), sum(regionTargets));

  // Where the first pass aims each block: the tables worked out from the top down (classes to
  // the company's split, industry groups and regions to their class's cells).
  const company = splitByMix(mix, classTargets[0] + classTargets[1] + classTargets[2]);
  const classAim = roundTable(mix, classTargets, company).table.allCells();
  const row = (cells: Float64Array, r: number) => cells.subarray(r * k, (r + 1) * k);
  const groupAim = roundTable(mix, industryTargets, row(classAim, CLASS_B - 1)).table.allCells();
  const regionAim = roundTable(mix, regionTargets, row(classAim, CLASS_C - 1)).table.allCells();
  const aim = new Float64Array(blocks * k);
  aim.set(row(classAim, CLASS_A - 1), 0);
  aim.set(groupAim, k);
  aim.set(regionAim, (1 + groups) * k);

  const customers = new RoundedTable(mix, targetUnits);
  const { cells, reached } = roundNested(customers, { parent, rows, start, leaf, aim }, company);
  return {
    mix,
    company: cells.slice(0, k),
    exact: reached,
    classes: cells.slice(k, firstGroup * k),
    industries: cells.slice(firstGroup * k, firstRegion * k),
    regions: cells.slice(firstRegion * k),
    customers,
  };
}
