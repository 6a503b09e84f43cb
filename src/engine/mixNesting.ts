/**
 * Product roundings with every margin held, over a nesting of rows (customers within regions
 * within class C within the company; or just the rows of one table).
 *
 * What holds, for each node of the nesting (the company, a class, an industry group, a region,
 * or the one node of a flat table) and each product:
 *  - each row's products add up to its target exactly;
 *  - each cell is its exact share (target × mix) rounded down or up, so within one unit of it;
 *  - each node's product total is the sum of its rows' cells (so the tables agree) and is its
 *    exact total rounded down or up;
 *  - the root's product totals are the wanted ones (the company target's largest-remainder
 *    split) whenever rows rounded so can reach them, else the reachable ones nearest to them.
 *
 * Why: split row by row on its own, a million small targets each give their odd unit to the
 * first product, and the product totals drift by tens of thousands of units from the mix.
 *
 * How: a cell is the floor of its exact share plus 0 or 1, a "round-up". A row needs as many
 * round-ups as its floors leave over; a node's product p needs its exact total's floor minus its
 * rows' floors, or one more. That is a flow: round-ups of p run from the root down the nesting
 * to the rows, within [low, high] on each node, and each row takes exactly its number. Rows are
 * many (a million customers) and products few (at most 200), so:
 *  1. the first pass (mixPass.ts) gives every row its round-ups, block by block, aimed at totals
 *     the caller worked out from the top down (company → classes → regions → customers);
 *  2. whatever node is then out of its range is repaired by an augmenting path (a breadth-first
 *     search over node × product states; a row links two products of its node when it rounds up
 *     one and could round up the other instead). Each path mends one unit; there are a handful.
 * Only the root's wanted totals can be out of reach (every other range holds the exact, fractional
 * solution, so a whole one exists: flows with integer bounds have whole solutions). They can be:
 * two customers of 1 unit and one of 10 under a 30/30/30/3⅓/3⅓/3⅓ mix cannot give the first three
 * products 4 each. The root totals reachable within one unit of exact are then the bases of a
 * matroid, so the greedy choice is the nearest: the extra units are offered in order of preference
 * (first the products the wanted totals round up, largest remainder first, ties to the earlier
 * product; then the others likewise), and a product keeps one when an augmenting path makes room.
 * Every step is in a fixed order over exact whole numbers: the same sheet gives the same cells.
 */
import { AllocationError } from './allocate';
import type { Mix } from './mix';
import { byRemainder, exactShares } from './mix';
import { FirstPass } from './mixPass';
import { RoundedTable } from './mixTable';

/** How rows nest: nodes (0 the root) with parents, and blocks of rows hung on leaf nodes. */
export interface Nesting {
  /** Each node's parent; node 0 is the root (−1), and a parent comes before its children. */
  readonly parent: Int32Array;
  /** Rows by block (null: the rows 0 … n − 1 themselves, in one block). */
  readonly rows: ArrayLike<number> | null;
  /** Block b is rows[start[b] … start[b + 1] − 1]; start has one entry more than there are blocks. */
  readonly start: Int32Array;
  /** The leaf node block b hangs on (a leaf holds one block and no children). */
  readonly leaf: Int32Array;
  /** Product totals (k per block) for the first pass to aim at: each the block's exact total rounded down or up. */
  readonly aim: Float64Array;
}

export interface NestedRounding {
  /** Units per node and product: cells[node × k + p], each the sum of its rows' cells. */
  readonly cells: Float64Array;
  /** Whether the root's totals are the wanted ones (else the nearest reachable). */
  readonly reached: boolean;
}

/** Rounds `table`'s rows as nested by `nesting`, the root's product totals to `wanted`. */
export function roundNested(table: RoundedTable, nesting: Nesting, wanted: ArrayLike<number>): NestedRounding {
  return new NestedRounder(table, nesting).round(wanted);
}

/** A flat table (one node, all rows) rounded to `wanted` product totals. */
export function roundTable(mix: Mix, targets: ArrayLike<number>, wanted: ArrayLike<number>): { table: RoundedTable; totals: Float64Array; reached: boolean } {
  const table = new RoundedTable(mix, targets);
  const nesting: Nesting = { parent: Int32Array.of(-1), rows: null, start: Int32Array.of(0, targets.length), leaf: Int32Array.of(0), aim: Float64Array.from(wanted) };
  const { cells, reached } = roundNested(table, nesting, wanted);
  return { table, totals: cells, reached };
}

// One first pass (and its scratch space) per mix: a plan rounds several tables with one mix.
const passes = new WeakMap<Mix, FirstPass>();
function firstPassOf(mix: Mix): FirstPass {
  let pass = passes.get(mix);
  if (!pass) passes.set(mix, (pass = new FirstPass(mix)));
  return pass;
}

class NestedRounder {
  private readonly k: number;
  private readonly nodes: number;
  /** State S: the source above the root. States n × k + p: node n, product p. */
  private readonly S: number;
  /** Round-ups of product p under node n (the flow into node n), and its range. */
  private readonly ups: Float64Array;
  private readonly low: Float64Array;
  private readonly high: Float64Array;
  private readonly floorSum: Float64Array;
  private readonly nodeRest: Float64Array;
  /** The root's round-ups with its exact totals rounded down (its range before the wanted totals fixed it). */
  private readonly rootLowest: Float64Array;
  private readonly childStart: Int32Array;
  private readonly children: Int32Array;
  private readonly blockOf: Int32Array;
  // Breadth-first search.
  private readonly seen: Uint8Array;
  private readonly via: Int32Array;
  private readonly viaRow: Float64Array;
  private readonly queue: Int32Array;

  constructor(
    private readonly table: RoundedTable,
    private readonly nesting: Nesting,
  ) {
    const k = (this.k = table.mix.k);
    const nodes = (this.nodes = nesting.parent.length);
    const states = nodes * k + 1;
    this.S = nodes * k;
    this.ups = new Float64Array(nodes * k);
    this.low = new Float64Array(nodes * k);
    this.high = new Float64Array(nodes * k);
    this.floorSum = new Float64Array(nodes * k);
    this.nodeRest = new Float64Array(nodes * k);
    this.rootLowest = new Float64Array(k);
    this.seen = new Uint8Array(states);
    this.via = new Int32Array(states);
    this.viaRow = new Float64Array(states);
    this.queue = new Int32Array(states);
    // Children of each node, in node order.
    const { parent } = nesting;
    this.childStart = new Int32Array(nodes + 1);
    for (let n = 1; n < nodes; n++) this.childStart[parent[n] + 1]++;
    for (let n = 0; n < nodes; n++) this.childStart[n + 1] += this.childStart[n];
    this.children = new Int32Array(Math.max(0, nodes - 1));
    const next = this.childStart.slice(0, nodes);
    for (let n = 1; n < nodes; n++) this.children[next[parent[n]]++] = n;
    this.blockOf = new Int32Array(nodes).fill(-1);
    nesting.leaf.forEach((node, b) => (this.blockOf[node] = b));
  }

  round(wanted: ArrayLike<number>): NestedRounding {
    const { k, nodes, table, nesting, ups, low, high, floorSum, nodeRest } = this;
    const { parent, rows, start, aim } = nesting;
    const mix = table.mix;
    // Each node's target, its rows' floors and round-ups after the first pass, summed upwards.
    const nodeTarget = new Float64Array(nodes);
    const pass = firstPassOf(mix);
    for (let b = 0; b < nesting.leaf.length; b++) {
      const node = nesting.leaf[b];
      nodeTarget[node] += pass.run(table, rows, start[b], start[b + 1], aim.subarray(b * k, (b + 1) * k), floorSum, ups, node * k);
    }
    for (let n = nodes - 1; n > 0; n--) {
      nodeTarget[parent[n]] += nodeTarget[n];
      for (let p = 0; p < k; p++) {
        floorSum[parent[n] * k + p] += floorSum[n * k + p];
        ups[parent[n] * k + p] += ups[n * k + p];
      }
    }
    // Each node's range: its exact totals' floors less its rows' floors, and one more where the
    // exact total is not whole. The root's: the wanted totals.
    const exactFloor = new Float64Array(k);
    const exactRest = new Float64Array(k);
    for (let n = 0; n < nodes; n++) {
      exactShares(mix, nodeTarget[n], exactFloor, exactRest);
      for (let p = 0; p < k; p++) {
        const s = n * k + p;
        low[s] = exactFloor[p] - floorSum[s];
        high[s] = low[s] + (exactRest[p] > 0 ? 1 : 0);
        nodeRest[s] = exactRest[p];
      }
    }
    let wantedSum = 0;
    this.rootLowest.set(low.subarray(0, k));
    for (let p = 0; p < k; p++) {
      const extra = wanted[p] - (low[p] + floorSum[p]);
      if (!(extra === 0 || (extra === 1 && high[p] > low[p]))) throw new AllocationError(`product ${p}: ${wanted[p]} units is not ${nodeTarget[0]} × mix rounded down or up`);
      wantedSum += wanted[p];
      low[p] = high[p] = wanted[p] - floorSum[p];
    }
    if (wantedSum !== nodeTarget[0]) throw new AllocationError(`the wanted product totals add up to ${wantedSum}, not ${nodeTarget[0]}`);

    const reached = this.repair();
    if (!reached) this.nearest();
    const cells = new Float64Array(nodes * k);
    for (let s = 0; s < nodes * k; s++) cells[s] = floorSum[s] + ups[s];
    return { cells, reached };
  }

  /** Moves round-ups until every node's are within range; false when no path is left. */
  private repair(): boolean {
    const { ups, low, high } = this;
    const states = this.nodes * this.k;
    for (let s = 0; s < states; ) {
      if (ups[s] > high[s]) {
        // Fewer into s: a path from its parent round to s, then one less down the edge.
        if (!this.augment(this.above(s), s)) return false;
        ups[s] -= 1;
      } else if (ups[s] < low[s]) {
        if (!this.augment(s, this.above(s))) return false;
        ups[s] += 1;
      } else s++;
    }
    return true;
  }

  /** The state above s: its node's parent's, or S above the root. */
  private above(s: number): number {
    const n = Math.floor(s / this.k);
    return n === 0 ? this.S : this.nesting.parent[n] * this.k + (s - n * this.k);
  }

  /**
   * The wanted root totals are out of reach: take the nearest reachable ones (see the top of
   * this file). Each product may end with its exact total rounded down or up; the extra units
   * are offered in order of preference and kept where an augmenting path makes room.
   */
  private nearest(): void {
    const { k, ups, low, high, nodeRest, rootLowest } = this;
    const rests = nodeRest.subarray(0, k);
    // The root's range was [wanted, wanted]; it becomes its exact one, [floor, floor + 1].
    const wantedUp: boolean[] = [];
    let extra = 0;
    for (let p = 0; p < k; p++) {
      wantedUp.push(low[p] > rootLowest[p]);
      extra += low[p] - rootLowest[p];
      low[p] = rootLowest[p];
      high[p] = rootLowest[p] + (rests[p] > 0 ? 1 : 0);
    }
    if (!this.repair()) throw new AllocationError('no rounding within one unit of the exact totals: a bug');
    const order = byRemainder(rests).filter((p) => rests[p] > 0);
    const preference = [...order.filter((p) => wantedUp[p]), ...order.filter((p) => !wantedUp[p])];
    let given = 0;
    for (const p of preference) {
      if (given === extra) {
        high[p] = low[p]; // the others are at their lower end already: the units add up
        continue;
      }
      low[p] = high[p];
      if (ups[p] === high[p]) given++;
      else if (this.augment(p, this.S)) {
        ups[p] += 1;
        given++;
      } else low[p] = high[p] = rootLowest[p];
    }
    for (let p = 0; p < k; p++) if (ups[p] < low[p] || ups[p] > high[p]) throw new AllocationError('nearest totals left a product out of range: a bug');
  }

  /**
   * Pushes one round-up from state `from` to state `to` along a path of the residual graph and
   * says whether there was one. Arcs: S → (root, p) and (root, p) → S while the root's p may
   * rise or fall; (n, p) → (child, p) while the child's p may rise, (child, p) → (n, p) while it
   * may fall; (leaf, p) → (leaf, q) through a row of the leaf that rounds q up and could round p
   * up instead (its share of p is not whole). A breadth-first search, rows scanned only for the
   * leaves it reaches, and only until every product of the leaf is reached.
   */
  private augment(from: number, to: number): boolean {
    const { k, S, ups, low, high, seen, via, viaRow, queue, childStart, children, blockOf, nesting, table } = this;
    const { parent, rows, start } = nesting;
    const { up, words, targets } = table;
    const { total: W, periods } = table.mix;
    seen.fill(0);
    seen[from] = 1;
    via[from] = -1;
    queue[0] = from;
    let head = 0;
    let tail = 1;
    const reach = (s: number, prev: number, row: number): boolean => {
      seen[s] = 1;
      via[s] = prev;
      viaRow[s] = row;
      queue[tail++] = s;
      return s === to;
    };
    while (head < tail) {
      const s = queue[head++];
      if (s === S) {
        for (let p = 0; p < k; p++) if (!seen[p] && ups[p] < high[p] && reach(p, s, -1)) return this.apply(to);
        continue;
      }
      const n = Math.floor(s / k);
      const p = s - n * k;
      const up1 = n === 0 ? S : parent[n] * k + p;
      if (!seen[up1] && ups[s] > low[s] && reach(up1, s, -1)) return this.apply(to);
      for (let c = childStart[n]; c < childStart[n + 1]; c++) {
        const cs = children[c] * k + p;
        if (!seen[cs] && ups[cs] < high[cs] && reach(cs, s, -1)) return this.apply(to);
      }
      const b = blockOf[n];
      if (b < 0) continue;
      const word = p >> 5;
      const bit = 1 << (p & 31);
      const period = periods[p];
      const base0 = n * k;
      let unseen = 0;
      for (let q = 0; q < k; q++) if (!seen[base0 + q]) unseen++;
      for (let j = start[b]; j < start[b + 1] && unseen > 0; j++) {
        const i = rows ? rows[j] : j;
        const base = i * words;
        if (up[base + word] & bit) continue;
        if ((targets[i] % W) % period === 0) continue; // its share of p is whole: no round-up
        for (let w = 0; w < words; w++) {
          let bits = up[base + w];
          while (bits !== 0) {
            const q = w * 32 + 31 - Math.clz32(bits & -bits);
            bits &= bits - 1;
            if (seen[base0 + q]) continue;
            unseen--;
            if (reach(base0 + q, s, i)) return this.apply(to);
          }
        }
      }
    }
    return false;
  }

  /** Applies the path found to `to`: round-ups moved along tree edges and swapped in rows. */
  private apply(to: number): boolean {
    const { k, S, ups, via, viaRow, nesting, table } = this;
    const { up, words } = table;
    for (let s = to; via[s] >= 0; s = via[s]) {
      const prev = via[s];
      if (viaRow[s] >= 0) {
        // The row rounds prev's product up instead of s's.
        const base = viaRow[s] * words;
        const p = prev % k;
        const q = s % k;
        up[base + (p >> 5)] |= 1 << (p & 31);
        up[base + (q >> 5)] &= ~(1 << (q & 31));
      } else if (prev === S) ups[s] += 1;
      else if (s === S) ups[prev] -= 1;
      else if (nesting.parent[Math.floor(prev / k)] === Math.floor(s / k)) ups[prev] -= 1;
      else ups[s] += 1;
    }
    return true;
  }
}
