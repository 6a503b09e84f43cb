/**
 * A product mix as whole numbers, so that every share of a target is worked out exactly.
 *
 * Shares of the mix are percentages with at most 6 decimals (the plan rounds them so), so
 * percent × 10^6 is a whole number; divided by the weights' greatest common divisor, 25/25/25/25
 * becomes 1/1/1/1 and 40/30/20/10 becomes 4/3/2/1. A target of r units then has the exact share
 * r × w_p / W of product p: a whole part and a remainder (r × w_p mod W), both exact in floating
 * point, so that equal remainders compare equal and no binary noise decides a unit.
 */
import { AllocationError } from './allocate';

/** A mix's weights: whole numbers, relatively prime, at least one of them > 0. */
export interface Mix {
  /** How many products. */
  readonly k: number;
  readonly weights: Float64Array;
  /** Their sum, W: product p's exact share of r units is r × weights[p] / W. */
  readonly total: number;
  /** W / gcd(W, w_p): r's share of p is a whole number exactly when r is a multiple of it. */
  readonly periods: Float64Array;
  /** w_p / W, for a first guess at a quotient (exactShares corrects it). */
  readonly ratios: Float64Array;
}

const gcd = (a: number, b: number): number => {
  while (b) [a, b] = [b, a % b];
  return a;
};

/** Weights above this (100 % × 10^6 is 10^8) would not keep the products below exact. */
const MAX_WEIGHT = 2 ** 27;

/** The mix of `percents` (each ≥ 0, at most 6 decimals): all zero (or none given) means an even split. */
export function mixOf(percents: ArrayLike<number>): Mix {
  const k = percents.length;
  const weights = new Float64Array(k);
  let any = false;
  for (let p = 0; p < k; p++) {
    const x = percents[p];
    if (!(x >= 0) || !Number.isFinite(x)) throw new AllocationError(`mix share ${p} must be finite and ≥ 0, got ${x}`);
    weights[p] = Math.round(x * 1e6);
    if (weights[p] >= MAX_WEIGHT) throw new AllocationError(`mix share ${p} is too large: ${x}`);
    if (weights[p] > 0) any = true;
  }
  if (!any) weights.fill(1);
  let g = 0;
  for (let p = 0; p < k; p++) g = gcd(weights[p], g);
  let total = 0;
  for (let p = 0; p < k; p++) total += weights[p] /= g || 1;
  if (k === 0) total = 1; // no products: nothing to split (a plan always has one at least)
  const periods = Float64Array.from(weights, (w) => total / gcd(total, w));
  return { k, weights, total, periods, ratios: Float64Array.from(weights, (w) => w / total) };
}

/**
 * a × b = quotient × m + remainder, exactly, for whole numbers 0 ≤ a < m < 2^35 and 0 ≤ b < 2^27:
 * the remainder is returned and the quotient left in `quotient` (no object per call: this runs
 * once per customer and product). Past 2^52, b is split in two so that no product loses a bit.
 */
let quotient = 0;
function mulDivMod(a: number, b: number, m: number): number {
  const ab = a * b;
  if (ab < 2 ** 52) return divMod(ab, m);
  const high = Math.floor(b / 8192);
  const low = b - high * 8192;
  const r1 = divMod(a * high, m);
  const q1 = quotient;
  const r2 = divMod(r1 * 8192 + a * low, m);
  quotient += q1 * 8192;
  return r2;
}

/** x = quotient × m + remainder for a whole x < 2^53: the division's rounding corrected. */
function divMod(x: number, m: number): number {
  const q = Math.floor(x / m);
  return corrected(q, x - q * m, m);
}

/** A quotient guessed one off at most (its remainder r in [−m, 2m)), corrected: returns the remainder, the quotient in `quotient`. */
function corrected(q: number, r: number, m: number): number {
  if (r < 0) {
    q -= 1;
    r += m;
  } else if (r >= m) {
    q += 1;
    r -= m;
  }
  quotient = q;
  return r;
}

/**
 * Splits a target of `units` over the mix: floors[p] is the whole part of its exact share of
 * product p, rests[p] the remainder (over W). Returns how many units the floors leave over, the
 * sum of the remainders over W: a whole number, the units that must be rounded up somewhere.
 */
export function exactShares(mix: Mix, units: number, floors: Float64Array, rests: Float64Array): number {
  const W = mix.total;
  const w = mix.weights;
  const k = mix.k;
  const s = units % W;
  const q = (units - s) / W;
  let restSum = 0;
  if (W < 2 ** 30) {
    // The usual case (W ≤ 10^8): s × w_p / W guessed in floating point (off by one at most), the
    // remainder s × w_p − guess × W then exact in 32-bit arithmetic (it lies in [−W, 2W)), and
    // the guess corrected. Two multiplications instead of divisions: this runs a million times.
    const ratios = mix.ratios;
    for (let p = 0; p < k; p++) {
      const guess = Math.floor(s * ratios[p]);
      const rest = corrected(guess, (Math.imul(s, w[p]) - Math.imul(guess, W)) | 0, W);
      floors[p] = q * w[p] + quotient;
      rests[p] = rest;
      restSum += rest;
    }
  } else {
    for (let p = 0; p < k; p++) {
      const rest = mulDivMod(s, w[p], W);
      floors[p] = q * w[p] + quotient;
      rests[p] = rest;
      restSum += rest;
    }
  }
  return restSum / W;
}

/**
 * The largest-remainder split of `units` over the mix, exact: every product gets the whole part
 * of its share, and the units left over go to the largest remainders, ties to the earlier
 * product. The company target's split: what every table's product totals come back to.
 */
export function splitByMix(mix: Mix, units: number): Float64Array {
  const floors = new Float64Array(mix.k);
  const rests = new Float64Array(mix.k);
  const left = exactShares(mix, units, floors, rests);
  for (const p of byRemainder(rests).slice(0, left)) floors[p] += 1;
  return floors;
}

/** Product indexes, largest remainder first, ties to the earlier product. */
export function byRemainder(rests: Float64Array): number[] {
  return Array.from(rests.keys()).sort((a, b) => rests[b] - rests[a] || a - b);
}
