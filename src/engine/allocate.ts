/**
 * Largest-remainder (Hamilton) allocation of a whole number of units over weights.
 *
 * Every share is its exact proportional value rounded down or up (so within one unit of it),
 * the shares add up to the total exactly, and ties go to the earlier item, so the same input
 * always gives the same answer. Runs in linear time: the remainders are bucketed rather than
 * sorted, which matters when a million customers share a company target.
 */

const BUCKETS = 1 << 16;
const SMALL = 256;

/** Thrown for weights or totals the allocator cannot honour; a caller's bug, not a user's. */
export class AllocationError extends Error {}

/**
 * Splits `totalUnits` (a non-negative integer) over `weights` (non-negative, finite).
 * With no weight at all (every weight zero) the total is split evenly. With no items the
 * result is empty and nothing is allocated; the caller reports that.
 */
export function allocateUnits(totalUnits: number, weights: ArrayLike<number>): Float64Array {
  const result = new Float64Array(weights.length);
  allocateInto(totalUnits, weights, result);
  return result;
}

/** Where allocateInto writes: a plain array or a typed one, at least as long as the weights. */
export interface UnitsOut {
  [index: number]: number;
  readonly length: number;
}

// Scratch space for small allocations (a customer's product split runs once per customer).
const smallRemainders = new Float64Array(SMALL);
const smallOrder = new Int32Array(SMALL);

/**
 * allocateUnits, written into result[0 … weights.length - 1] instead of a new array: for callers
 * that split many small totals (each customer's target over the products) and should not
 * allocate for each. Same answer as allocateUnits.
 */
export function allocateInto(totalUnits: number, weights: ArrayLike<number>, result: UnitsOut): void {
  if (!Number.isSafeInteger(totalUnits) || totalUnits < 0) throw new AllocationError(`total must be a whole number of units ≥ 0, got ${totalUnits}`);
  const n = weights.length;
  if (result.length < n) throw new AllocationError(`result has room for ${result.length} shares, not ${n}`);
  if (result instanceof Int32Array && totalUnits > 0x7fffffff) throw new AllocationError(`${totalUnits} units do not fit 32-bit shares`);
  for (let i = 0; i < n; i++) result[i] = 0;
  if (n === 0 || totalUnits === 0) return;

  let maxWeight = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (!(w >= 0) || !Number.isFinite(w)) throw new AllocationError(`weight ${i} must be finite and ≥ 0, got ${w}`);
    if (w > maxWeight) maxWeight = w;
  }
  const even = maxWeight === 0;
  // Weights relative to the largest, so tiny or huge weights cannot overflow the scale.
  let weightSum = 0;
  if (!even) for (let i = 0; i < n; i++) weightSum += weights[i] / maxWeight;
  const scale = even ? totalUnits / n : totalUnits / weightSum;

  // Each share's exact value is worked out again wherever it is needed (exactShare): a million
  // customers' remainders would otherwise need an array of their own (8 MB, and a garbage
  // collection). No closures here: this runs once per customer for the product split.
  let given = 0;
  for (let i = 0; i < n; i++) {
    const exact = exactShare(weights[i], maxWeight, scale);
    let whole = Math.floor(exact);
    // 2.9999999999999996 is 3 that floating point lost; do not make it 2 + a remainder.
    if (exact - whole > 1 - 1e-9) whole += 1;
    result[i] = whole;
    given += whole;
  }

  let left = totalUnits - given;
  if (left < 0) {
    // Only possible through the rounding-up guard above; take back from the smallest remainders.
    takeBack(result, n, weights, maxWeight, scale, -left);
    return;
  }
  if (left === 0) return;
  if (n <= SMALL) {
    // A customer's product split: an insertion sort (largest remainder first, ties to the
    // earlier item) in scratch space beats setting up the buckets.
    for (let i = 0; i < n; i++) smallRemainders[i] = restOf(weights[i], maxWeight, scale, result[i]);
    toLargestRemainders(result, n, left, smallRemainders, smallOrder);
    return;
  }

  // Count remainders per bucket, find the bucket where the last extra unit falls.
  const counts = new Uint32Array(BUCKETS);
  for (let i = 0; i < n; i++) counts[bucketOf(restOf(weights[i], maxWeight, scale, result[i]))]++;
  let threshold = BUCKETS - 1;
  let above = 0;
  while (threshold > 0 && above + counts[threshold] < left) {
    above += counts[threshold];
    threshold--;
  }
  // Everything in a higher bucket gets a unit; the threshold bucket is ordered exactly.
  const tied: number[] = [];
  const tiedRest: number[] = [];
  for (let i = 0; i < n; i++) {
    const rest = restOf(weights[i], maxWeight, scale, result[i]);
    const b = bucketOf(rest);
    if (b > threshold) {
      result[i] += 1;
      left--;
    } else if (b === threshold) {
      tied.push(i);
      tiedRest.push(rest);
    }
  }
  const order = tied.map((_, t) => t);
  order.sort((a, b) => tiedRest[b] - tiedRest[a] || a - b);
  if (tied.length < left) throw new AllocationError(`cannot place ${left} units over ${tied.length} remainders`);
  for (let k = 0; k < left; k++) result[tied[order[k]]] += 1;
}

/**
 * allocateInto for many totals over the same few weights (every customer's target over the
 * product mix): the weights are checked and scaled once, not once per customer, and the split of
 * each small total is kept (most customers' targets are a few thousand units or less, and a
 * million customers repeat them): a kept split is copied in a tenth of the time a split takes.
 * The same arithmetic in the same order as allocateInto, so the same answer, share for share.
 */
export class Splitter {
  /** Each weight relative to the largest (1 each for an even split). */
  private readonly relative: Float64Array;
  private readonly weightSum: number;
  private readonly even: boolean;
  private readonly remainders: Float64Array;
  private readonly order: Int32Array;
  /** The splits of totals below KEPT_TOTALS (n shares each), and which of them are worked out. */
  private readonly kept: Float64Array;
  private readonly isKept: Uint8Array;

  constructor(readonly weights: ArrayLike<number>) {
    const n = weights.length;
    let maxWeight = 0;
    for (let i = 0; i < n; i++) {
      const w = weights[i];
      if (!(w >= 0) || !Number.isFinite(w)) throw new AllocationError(`weight ${i} must be finite and ≥ 0, got ${w}`);
      if (w > maxWeight) maxWeight = w;
    }
    this.even = maxWeight === 0;
    this.relative = new Float64Array(n);
    let weightSum = 0;
    for (let i = 0; i < n; i++) {
      this.relative[i] = this.even ? 1 : weights[i] / maxWeight;
      if (!this.even) weightSum += this.relative[i];
    }
    this.weightSum = weightSum;
    this.remainders = new Float64Array(n);
    this.order = new Int32Array(n);
    const keep = n <= KEPT_SHARES;
    this.kept = new Float64Array(keep ? KEPT_TOTALS * n : 0);
    this.isKept = new Uint8Array(keep ? KEPT_TOTALS : 0);
  }

  /** Splits `totalUnits` into result[0 … weights.length - 1], as allocateInto(totalUnits, weights, result) would. */
  into(totalUnits: number, result: UnitsOut): void {
    const n = this.relative.length;
    if (totalUnits < this.isKept.length && totalUnits >= 0 && result.length >= n) {
      const t = Math.floor(totalUnits);
      if (t === totalUnits) {
        const kept = this.kept;
        const at = t * n;
        if (this.isKept[t] === 0) {
          this.split(t, result);
          for (let i = 0; i < n; i++) kept[at + i] = result[i];
          this.isKept[t] = 1;
        } else for (let i = 0; i < n; i++) result[i] = kept[at + i];
        return;
      }
    }
    this.split(totalUnits, result);
  }

  private split(totalUnits: number, result: UnitsOut): void {
    const n = this.relative.length;
    if (n > SMALL || !Number.isSafeInteger(totalUnits) || totalUnits <= 0 || result.length < n) {
      allocateInto(totalUnits, this.weights, result); // the unusual cases, checked and answered there
      return;
    }
    const relative = this.relative;
    const scale = this.even ? totalUnits / n : totalUnits / this.weightSum;
    let given = 0;
    for (let i = 0; i < n; i++) {
      const exact = relative[i] * scale;
      let whole = Math.floor(exact);
      if (exact - whole > 1 - 1e-9) whole += 1; // as allocateInto: floating point's lost units
      result[i] = whole;
      given += whole;
    }
    const left = totalUnits - given;
    if (left === 0) return;
    if (left < 0) {
      allocateInto(totalUnits, this.weights, result);
      return;
    }
    const remainders = this.remainders;
    for (let i = 0; i < n; i++) remainders[i] = Math.max(0, relative[i] * scale - result[i]);
    toLargestRemainders(result, n, left, remainders, this.order);
  }
}
/** Splits kept per Splitter: totals below 4096 units, for mixes of up to 16 products (≤ 512 KB). */
const KEPT_TOTALS = 4096;
const KEPT_SHARES = 16;

/**
 * One more unit each to the `left` items with the largest remainders (ties to the earlier item),
 * by an insertion sort into `order`: for a few items, cheaper than setting up buckets.
 */
function toLargestRemainders(result: UnitsOut, n: number, left: number, remainders: Float64Array, order: Int32Array): void {
  for (let i = 0; i < n; i++) {
    let j = i;
    while (j > 0 && remainders[order[j - 1]] < remainders[i]) {
      order[j] = order[j - 1];
      j--;
    }
    order[j] = i;
  }
  for (let k = 0; k < left; k++) result[order[k]] += 1;
}

/** An item's exact share: its weight relative to the largest, times the scale (maxWeight 0: an even split). */
function exactShare(weight: number, maxWeight: number, scale: number): number {
  return (maxWeight === 0 ? 1 : weight / maxWeight) * scale;
}

/** What is left of a share once `whole` units are given (0 where the guard rounded it up). */
function restOf(weight: number, maxWeight: number, scale: number, whole: number): number {
  return Math.max(0, exactShare(weight, maxWeight, scale) - whole);
}

function bucketOf(rest: number): number {
  return Math.min(BUCKETS - 1, Math.floor(rest * BUCKETS));
}

function takeBack(result: UnitsOut, n: number, weights: ArrayLike<number>, maxWeight: number, scale: number, count: number): void {
  const order: number[] = [];
  const rests = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    rests[i] = restOf(weights[i], maxWeight, scale, result[i]);
    if (result[i] > 0) order.push(i);
  }
  order.sort((a, b) => rests[a] - rests[b] || b - a);
  for (let k = 0; k < count; k++) result[order[k]] -= 1;
}

/** The number of whole units in an amount, for a target given in 万元 and an allocation unit. */
export function toUnits(amountWan: number, unit: number): number {
  // 1000.05 / 0.1 is 10000.499999999998 in binary; the planner typed a half, so round it up.
  return Math.round(Number((amountWan / unit).toFixed(6)));
}

/** Units back to 万元, without binary noise: 3 × 0.1 is 0.3, not 0.30000000000000004. */
export function fromUnits(units: number, unit: number): number {
  const decimals = unit >= 1 ? 0 : Math.ceil(-Math.log10(unit));
  return decimals === 0 ? units * unit : Number((units * unit).toFixed(decimals));
}
