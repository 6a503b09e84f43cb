/**
 * The first pass of a product rounding (mixNesting.ts): every row of a block gets its round-ups
 * by error diffusion, aimed at product totals the block should reach.
 *
 * Rows with one target have the same exact shares, so the pass goes target by target: the m rows
 * of a target need m × left round-ups (left: the units their floors leave over); each product is
 * given m × its remainder plus the error carried so far, rounded (never more than m, none where
 * the share is whole; the few units the rounding misses go to the largest shortfall, ties to the
 * earlier product), and the round-ups are dealt out to the m rows in turn, so each row gets
 * exactly its `left` and no product twice. A million customers hold a few thousand different
 * targets: a few thousand decisions and a million cheap deals, not a million sorts. The carry
 * starts at aim − exact, so the pass lands on the aimed totals or a unit or two beside them.
 */
import { AllocationError } from './allocate';
import type { Mix } from './mix';
import { exactShares } from './mix';
import type { RoundedTable } from './mixTable';

/** Targets below this find their group through an array; larger ones through a map. */
const SMALL_TARGETS = 1 << 16;

export class FirstPass {
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

  constructor(readonly mix: Mix) {
    const k = (this.k = mix.k);
    this.floors = new Float64Array(k);
    this.rests = new Float64Array(k);
    this.blockFloor = new Float64Array(k);
    this.blockRest = new Float64Array(k);
    this.carry = new Float64Array(k);
    this.dealt = new Float64Array(k);
  }

  /**
   * Gives the rows rows[from … to − 1] of `table` (rows null: rows from … to − 1) their
   * round-ups, aimed at `aim` (units per product: the block's exact totals rounded down or up,
   * adding up to its target). Adds the block's floors and round-ups per product to `floorSum`
   * and `ups` at `at` (k each); returns the block's target.
   */
  run(table: RoundedTable, rows: ArrayLike<number> | null, from: number, to: number, aim: ArrayLike<number>, floorSum: Float64Array, ups: Float64Array, at: number): number {
    const { k, mix, floors, rests, blockFloor, blockRest, carry, dealt } = this;
    const W = mix.total;
    const { targets, up, words } = table;

    let blockTarget = 0;
    for (let j = from; j < to; j++) blockTarget += targets[rows ? rows[j] : j];
    exactShares(mix, blockTarget, blockFloor, blockRest);
    let aimSum = 0;
    for (let p = 0; p < k; p++) {
      const extra = aim[p] - blockFloor[p];
      if (!(extra === 0 || (extra === 1 && blockRest[p] > 0))) throw new AllocationError(`product ${p}: ${aim[p]} units is not ${blockTarget} × mix rounded down or up`);
      aimSum += aim[p];
      // The pass owes each product the difference between the aimed and the exact total.
      carry[p] = extra - blockRest[p] / W;
    }
    if (aimSum !== blockTarget) throw new AllocationError(`the product totals aimed at add up to ${aimSum}, not ${blockTarget}`);

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
      for (let p = 0; p < k; p++) floorSum[at + p] += m * floors[p];
      if (left === 0) continue;
      this.decideGroup(m, left);
      // Dealt in turn: product p's round-ups go to the rows after the previous product's, round
      // the group's m rows, so each row gets `left` of them and none twice (each product ≤ m).
      let next = 0;
      for (let p = 0; p < k; p++) {
        const bit = 1 << (p & 31);
        const word = p >> 5;
        for (let y = dealt[p]; y > 0; y--) {
          up[byGroup[first + next] * words + word] |= bit;
          if (++next === m) next = 0;
        }
        ups[at + p] += dealt[p];
        carry[p] += (m * rests[p]) / W - dealt[p];
      }
    }
    return blockTarget;
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
    // The few units the rounding misses (or overshoots), one at a time: to the largest
    // shortfall, from the smallest; ties to the earlier product.
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
}
