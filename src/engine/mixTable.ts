/**
 * A table of rows × products rounded with both margins held (controlled rounding): each row's
 * target (customer, industry, region, salesperson) split over the product mix so that
 *  - each row's products add up to its target exactly,
 *  - each cell is its exact share rounded down or up (so within one unit of it),
 *  - each product's total is the one asked for (the company target's largest-remainder split,
 *    or the parent table's cell) whenever rows rounded this way can reach it, and otherwise the
 *    reachable totals nearest to it, each still its exact total rounded down or up.
 *
 * Why: split row by row on its own, a million small targets each give their odd unit to the
 * first product and the product totals drift by tens of thousands of units from the mix.
 *
 * How: a cell is the floor of its exact share plus 0 or 1, the "round-ups". Row i needs exactly
 * as many round-ups as its floors leave over; product p needs `wanted − Σ floors`. Finding such a
 * 0/1 matrix is a transportation problem on the fractional parts. Rows are many (a million
 * customers) and products few (at most 200), so:
 *  1. one pass gives each row its round-ups by error diffusion. Rows with one target have the
 *     same remainders, so the pass goes target by target: the m rows of a target need m × left
 *     round-ups; each product gets its m × remainder plus the error carried so far, rounded
 *     (largest rest first, ties to the earlier product, never more than m), and the round-ups
 *     are dealt out to the m rows in turn, so each row gets exactly its `left`. The carry starts
 *     at wanted − exact, so the pass lands on or next to the wanted totals;
 *  2. what is left is repaired by augmenting paths on the small product graph: product p can
 *     hand a unit to q through a row that rounds p up but not q (and whose share of q is not a
 *     whole number); a breadth-first search finds a chain from a product with too many to one
 *     with too few. Each path mends one unit; after the pass there are a handful.
 * If no path is left, the wanted totals are out of reach (it happens: two customers of 1 unit
 * and one of 10 under a 30/30/30/3⅓/3⅓/3⅓ mix cannot give the first three products 4 each). The
 * reachable totals within one unit of exact form the bases of a matroid, so the greedy choice is
 * the nearest one: the products are offered their extra unit in order of preference (first those
 * the wanted totals round up, largest remainder first, ties to the earlier product; then the
 * others likewise), and a product keeps it when an augmenting path can make room for it.
 * Every step is in a fixed order over exact whole numbers: the same sheet gives the same cells.
 */
import { AllocationError } from './allocate';
import type { Mix } from './mix';
import { exactShares } from './mix';

/** Targets below this find their group through an array; larger ones through a map. */
const SMALL_TARGETS = 1 << 16;

/** The rounded table: each row's round-ups as bits (cells are worked out again when asked for). */
export class RoundedTable {
  /** 32-bit words of round-ups per row. */
  readonly words: number;
  /** Row i's round-ups: bit p of up[i × words + (p >> 5)]. */
  readonly up: Uint32Array;
  private readonly rests: Float64Array;
  /** The floors of targets below KEPT_TARGETS, once worked out (most customers' targets are small and repeat). */
  private kept: Float64Array | undefined;
  private isKept: Uint8Array | undefined;

  constructor(
    readonly mix: Mix,
    /** Each row's target in units (whole numbers ≥ 0). */
    readonly targets: ArrayLike<number>,
  ) {
    this.words = Math.max(1, Math.ceil(mix.k / 32));
    this.up = new Uint32Array(targets.length * this.words);
    this.rests = new Float64Array(mix.k);
  }

  /** Row i's units per product, written into out[0 … k − 1]. */
  cellsOf(i: number, out: Float64Array): void {
    const k = this.mix.k;
    const target = this.targets[i];
    if (target < KEPT_TARGETS && k <= KEPT_PRODUCTS) {
      this.kept ??= new Float64Array(KEPT_TARGETS * k);
      this.isKept ??= new Uint8Array(KEPT_TARGETS);
      const at = target * k;
      if (this.isKept[target] === 0) {
        exactShares(this.mix, target, out, this.rests);
        for (let p = 0; p < k; p++) this.kept[at + p] = out[p];
        this.isKept[target] = 1;
      } else for (let p = 0; p < k; p++) out[p] = this.kept[at + p];
    } else exactShares(this.mix, target, out, this.rests);
    const base = i * this.words;
    for (let w = 0; w < this.words; w++) {
      let bits = this.up[base + w];
      while (bits !== 0) {
        const b = 31 - Math.clz32(bits & -bits);
        out[w * 32 + b] += 1;
        bits &= bits - 1;
      }
    }
  }

  /** Every row's cells, k per row in one array: row r's at [r × k, (r + 1) × k) (for tables of a few thousand rows). */
  allCells(): Float64Array {
    const k = this.mix.k;
    const cells = new Float64Array(this.targets.length * k);
    const row = new Float64Array(k);
    for (let r = 0; r < this.targets.length; r++) {
      this.cellsOf(r, row);
      cells.set(row, r * k);
    }
    return cells;
  }
}
/** Floors kept per table: targets below 4096 units, for up to 32 products (≤ 1 MB). */
const KEPT_TARGETS = 4096;
const KEPT_PRODUCTS = 32;

/**
 * Rounds blocks of rows of one table, each block to product totals of its own (the customers of
 * one industry to that industry's cells). Holds the scratch space, so that thousands of small
 * blocks (the customers of each region) cost no allocation each.
 */
export class TableRounder {
  private readonly k: number;
  private readonly floors: Float64Array;
  private readonly rests: Float64Array;
  private readonly blockFloor: Float64Array;
  private readonly blockRest: Float64Array;
  private readonly carry: Float64Array;
  /** A group's round-ups per product. */
  private readonly dealt: Float64Array;
  // The block's rows grouped by target: group g's target, its rows byGroup[groupStart[g] … groupStart[g + 1] − 1].
  private groupTarget = new Float64Array(0);
  private groupStart = new Int32Array(0);
  private groupOfRow = new Int32Array(0);
  private byGroup = new Int32Array(0);
  /** Small targets find their group through these (stamped per block, so never cleared). */
  private readonly groupOfSmall = new Int32Array(SMALL_TARGETS);
  private readonly stampOfSmall = new Int32Array(SMALL_TARGETS);
  private stamp = 0;
  /** Round-ups per product in the block, and what the floors add up to. */
  private readonly ups: Float64Array;
  private readonly floorSum: Float64Array;
  /** The round-ups each product may end with: [low, high], per product. */
  private readonly low: Float64Array;
  private readonly high: Float64Array;
  // Breadth-first search over the products.
  private readonly visited: Uint32Array;
  private readonly parentProduct: Int32Array;
  private readonly parentRow: Float64Array;
  private readonly isSource: Uint8Array;
  private readonly isTarget: Uint8Array;

  constructor(readonly mix: Mix) {
    const k = (this.k = mix.k);
    const f = () => new Float64Array(k);
    this.floors = f();
    this.rests = f();
    this.blockFloor = f();
    this.blockRest = f();
    this.carry = f();
    this.dealt = f();
    this.ups = f();
    this.floorSum = f();
    this.low = f();
    this.high = f();
    this.parentRow = f();
    this.parentProduct = new Int32Array(k);
    this.visited = new Uint32Array(Math.max(1, Math.ceil(k / 32)));
    this.isSource = new Uint8Array(k);
    this.isTarget = new Uint8Array(k);
  }

  /**
   * Rounds the rows rows[from … to − 1] of `table` (rows null: the rows from … to − 1 themselves)
   * so that their products add up to `wanted` (units per product, each the block's exact total
   * rounded down or up, adding up to the block's target), or as near as they can. Writes the
   * totals reached into `reached` and says whether they are the wanted ones.
   */
  round(table: RoundedTable, rows: ArrayLike<number> | null, from: number, to: number, wanted: ArrayLike<number>, reached: Float64Array): boolean {
    const { k, mix } = this;
    const W = mix.total;
    const { targets, up, words } = table;
    const { floors, rests, blockFloor, blockRest, carry, dealt, ups, floorSum } = this;

    let blockTarget = 0;
    for (let j = from; j < to; j++) blockTarget += targets[rows ? rows[j] : j];
    exactShares(mix, blockTarget, blockFloor, blockRest);
    let wantedSum = 0;
    for (let p = 0; p < k; p++) {
      const extra = wanted[p] - blockFloor[p];
      if (!(extra === 0 || (extra === 1 && blockRest[p] > 0))) throw new AllocationError(`product ${p}: ${wanted[p]} units is not ${blockTarget} × mix rounded down or up`);
      wantedSum += wanted[p];
      // The pass aims at the wanted totals: it starts owing them the difference from exact.
      carry[p] = extra - blockRest[p] / W;
      ups[p] = 0;
      floorSum[p] = 0;
    }
    if (wantedSum !== blockTarget) throw new AllocationError(`the wanted product totals add up to ${wantedSum}, not ${blockTarget}`);

    // Rows with one target have the same exact shares: the pass decides, per target, how many
    // of its rows round each product up, then deals those round-ups out to the rows in turn. A
    // million customers hold a few thousand different targets, so this is a few thousand
    // decisions and a million cheap deals, not a million sorts.
    const groups = this.groupRows(targets, rows, from, to);
    const { groupTarget, groupStart, byGroup } = this;
    for (let j = from; j < to; j++) {
      const base = (rows ? rows[j] : j) * words;
      for (let w = 0; w < words; w++) up[base + w] = 0;
    }
    for (let g = 0; g < groups; g++) {
      const first = groupStart[g];
      const m = groupStart[g + 1] - first;
      const left = exactShares(mix, groupTarget[g], floors, rests);
      for (let p = 0; p < k; p++) floorSum[p] += m * floors[p];
      if (left === 0) continue;
      this.decideGroup(m, left);
      // Dealt in turn: product p's round-ups go to the rows after the previous product's, round
      // the group's m rows, so each row gets `left` of them and none twice (each product ≤ m).
      let at = 0;
      for (let p = 0; p < k; p++) {
        const bit = 1 << (p & 31);
        const word = p >> 5;
        for (let y = dealt[p]; y > 0; y--) {
          up[byGroup[first + at] * words + word] |= bit;
          if (++at === m) at = 0;
        }
      }
      for (let p = 0; p < k; p++) {
        ups[p] += dealt[p];
        carry[p] += (m * rests[p]) / W - dealt[p];
      }
    }

    const { low, high } = this;
    for (let p = 0; p < k; p++) low[p] = high[p] = wanted[p] - floorSum[p];
    const ok = this.repair(table, rows, from, to);
    if (!ok) this.nearest(table, rows, from, to);
    for (let p = 0; p < k; p++) reached[p] = floorSum[p] + ups[p];
    return ok;
  }

  /** Groups rows[from … to − 1] by target, in order of first appearance; returns how many groups. */
  private groupRows(targets: ArrayLike<number>, rows: ArrayLike<number> | null, from: number, to: number): number {
    const n = to - from;
    if (this.groupOfRow.length < n) {
      const size = Math.max(n, 2 * this.groupOfRow.length);
      this.groupTarget = new Float64Array(size);
      this.groupStart = new Int32Array(size + 1);
      this.groupOfRow = new Int32Array(size);
      this.byGroup = new Int32Array(size);
    }
    const { groupTarget, groupStart, groupOfRow, byGroup, groupOfSmall, stampOfSmall } = this;
    const stamp = ++this.stamp;
    let large: Map<number, number> | undefined;
    let groups = 0;
    for (let j = 0; j < n; j++) {
      const v = targets[rows ? rows[from + j] : from + j];
      let g: number;
      if (v < SMALL_TARGETS) {
        if (stampOfSmall[v] !== stamp) {
          stampOfSmall[v] = stamp;
          groupOfSmall[v] = groups;
          groupTarget[groups] = v;
          groupStart[groups++] = 0;
        }
        g = groupOfSmall[v];
      } else {
        large ??= new Map();
        let found = large.get(v);
        if (found === undefined) {
          large.set(v, (found = groups));
          groupTarget[groups] = v;
          groupStart[groups++] = 0;
        }
        g = found;
      }
      groupOfRow[j] = g;
      groupStart[g]++;
    }
    // Sizes to starts, then each row placed after the earlier rows of its group (sheet order kept).
    let at = 0;
    for (let g = 0; g < groups; g++) {
      const size = groupStart[g];
      groupStart[g] = at;
      at += size;
    }
    groupStart[groups] = at;
    for (let j = 0; j < n; j++) byGroup[groupStart[groupOfRow[j]]++] = rows ? rows[from + j] : from + j;
    for (let g = groups; g > 0; g--) groupStart[g] = groupStart[g - 1];
    groupStart[0] = 0;
    return groups;
  }

  /**
   * How many of a group's m rows round each product up (into `dealt`): m × left in all, at most
   * m per product and none where the share is whole; each product as near as can be to m × its
   * remainder plus the carried error.
   */
  private decideGroup(m: number, left: number): void {
    const { k, rests, carry, dealt } = this;
    const W = this.mix.total;
    let sum = 0;
    for (let p = 0; p < k; p++) {
      dealt[p] = rests[p] === 0 ? 0 : Math.min(m, Math.max(0, Math.floor((m * rests[p]) / W + carry[p])));
      sum += dealt[p];
    }
    const need = m * left;
    // The few units the floors miss (or overshoot), one at a time: to the largest shortfall,
    // from the smallest; ties to the earlier product.
    while (sum < need) {
      let best = -1;
      let bestGap = -Infinity;
      for (let p = 0; p < k; p++) {
        if (rests[p] === 0 || dealt[p] >= m) continue;
        const gap = (m * rests[p]) / W + carry[p] - dealt[p];
        if (gap > bestGap) {
          best = p;
          bestGap = gap;
        }
      }
      dealt[best] += 1;
      sum++;
    }
    while (sum > need) {
      let best = -1;
      let bestGap = Infinity;
      for (let p = k - 1; p >= 0; p--) {
        if (dealt[p] === 0) continue;
        const gap = (m * rests[p]) / W + carry[p] - dealt[p];
        if (gap < bestGap) {
          best = p;
          bestGap = gap;
        }
      }
      dealt[best] -= 1;
      sum--;
    }
  }

  /**
   * The wanted totals are out of reach: take the nearest reachable ones (see the top of this
   * file). Each product may end with its exact total rounded down or up; the extra units are
   * offered in order of preference and kept where an augmenting path makes room.
   */
  private nearest(table: RoundedTable, rows: ArrayLike<number> | null, from: number, to: number): void {
    const { k, low, high, ups, floorSum, blockFloor, blockRest } = this;
    // Round-ups of each product's exact total rounded down; which the wanted totals round up.
    const lowest = Float64Array.from(blockFloor, (f, p) => f - floorSum[p]);
    const wantedUp = Array.from(lowest, (l, p) => low[p] === l + 1);
    let extra = 0;
    for (let p = 0; p < k; p++) {
      extra += low[p] - lowest[p];
      low[p] = lowest[p];
      high[p] = lowest[p] + (blockRest[p] > 0 ? 1 : 0);
    }
    // The exact totals lie within these ranges (a fractional rounding), so a whole one does too.
    if (!this.repair(table, rows, from, to)) throw new AllocationError('no rounding within one unit of the exact totals: a bug');
    const byRest = (a: number, b: number) => blockRest[b] - blockRest[a] || a - b;
    const fractional = Array.from(lowest.keys()).filter((p) => blockRest[p] > 0);
    const preference = [...fractional.filter((p) => wantedUp[p]).sort(byRest), ...fractional.filter((p) => !wantedUp[p]).sort(byRest)];
    let given = 0;
    for (const p of preference) {
      if (given === extra) {
        high[p] = low[p]; // the rest are at their lower end already: the units add up
        continue;
      }
      low[p] = high[p];
      if (ups[p] === high[p] || this.augmentInto(table, rows, from, to, p)) given++;
      else high[p] = low[p] = lowest[p];
    }
    for (let p = 0; p < k; p++) if (ups[p] < low[p] || ups[p] > high[p]) throw new AllocationError('nearest totals left a product out of range: a bug');
  }

  /** Moves units until every product's round-ups are within [low, high]; false when no path is left. */
  private repair(table: RoundedTable, rows: ArrayLike<number> | null, from: number, to: number): boolean {
    const { k, low, high, ups, isSource, isTarget } = this;
    for (;;) {
      let p = 0;
      while (p < k && ups[p] >= low[p] && ups[p] <= high[p]) p++;
      if (p === k) return true;
      if (ups[p] > high[p]) {
        for (let q = 0; q < k; q++) {
          isSource[q] = q === p ? 1 : 0;
          isTarget[q] = q !== p && ups[q] < high[q] ? 1 : 0;
        }
        if (!this.augment(table, rows, from, to)) return false;
      } else if (!this.augmentInto(table, rows, from, to, p)) return false;
    }
  }

  /** One unit more for product p, from any product that can spare one. */
  private augmentInto(table: RoundedTable, rows: ArrayLike<number> | null, from: number, to: number, p: number): boolean {
    const { k, low, ups, isSource, isTarget } = this;
    for (let q = 0; q < k; q++) {
      isSource[q] = q !== p && ups[q] > low[q] ? 1 : 0;
      isTarget[q] = q === p ? 1 : 0;
    }
    return this.augment(table, rows, from, to);
  }

  /**
   * Moves one unit from a source product to a target product through a chain of rows, each of
   * which rounds down the product before it in the chain and rounds up the one after. A
   * breadth-first search over the products: each pass over the rows reaches the products one
   * row away from those reached so far; at most k passes, mostly one.
   */
  private augment(table: RoundedTable, rows: ArrayLike<number> | null, from: number, to: number): boolean {
    const { k, visited, parentProduct, parentRow, isSource, isTarget, ups } = this;
    const { up, words, targets } = table;
    const W = this.mix.total;
    const periods = this.mix.periods;
    visited.fill(0);
    let any = false;
    for (let p = 0; p < k; p++) {
      if (!isSource[p]) continue;
      visited[p >> 5] |= 1 << (p & 31);
      parentProduct[p] = -1;
      any = true;
    }
    if (!any) return false;
    for (let progress = true; progress; ) {
      progress = false;
      for (let j = from; j < to; j++) {
        const i = rows ? rows[j] : j;
        const base = i * words;
        // A product reached so far that this row rounds up: it can give here.
        let giver = -1;
        for (let w = 0; w < words && giver < 0; w++) {
          const m = up[base + w] & visited[w];
          if (m !== 0) giver = w * 32 + 31 - Math.clz32(m & -m);
        }
        if (giver < 0) continue;
        const s = targets[i] % W;
        for (let w = 0; w < words; w++) {
          let free = ~(up[base + w] | visited[w]);
          while (free !== 0) {
            const b = 31 - Math.clz32(free & -free);
            free &= free - 1;
            const q = w * 32 + b;
            if (q >= k) break;
            // The row's share of q is a whole number: it cannot round q up.
            if (s % periods[q] === 0) continue;
            visited[w] |= 1 << b;
            parentProduct[q] = giver;
            parentRow[q] = i;
            progress = true;
            if (isTarget[q]) {
              ups[q] += 1;
              let at = q;
              while (parentProduct[at] >= 0) {
                const g = parentProduct[at];
                const row = parentRow[at] * words;
                up[row + (g >> 5)] &= ~(1 << (g & 31));
                up[row + (at >> 5)] |= 1 << (at & 31);
                at = g;
              }
              ups[at] -= 1;
              return true;
            }
          }
        }
      }
    }
    return false;
  }
}

/** A whole table rounded to `wanted` product totals: the rounding and the totals it reached. */
export function roundTable(mix: Mix, targets: ArrayLike<number>, wanted: ArrayLike<number>): { table: RoundedTable; totals: Float64Array; reached: boolean } {
  const table = new RoundedTable(mix, targets);
  const totals = new Float64Array(mix.k);
  const reached = new TableRounder(mix).round(table, null, 0, targets.length, wanted, totals);
  return { table, totals, reached };
}
