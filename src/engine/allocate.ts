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

// Scratch space for small allocations (a few items: no buckets to set up).
const smallRemainders = new Float64Array(SMALL);
const smallOrder = new Int32Array(SMALL);

/**
 * allocateUnits, written into result[0 … weights.length - 1] instead of a new array (the plan
 * writes the customers' targets straight into their column). Same answer as allocateUnits.
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
  // collection).
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
    // A few items: an insertion sort (largest remainder first, ties to the earlier item) in
    // scratch space beats setting up the buckets.
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
