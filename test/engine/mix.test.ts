/**
 * The mix as whole numbers: every share of a target worked out exactly, held to BigInt
 * arithmetic on the percentages themselves (percent × 10^6, the plan's 6 decimals).
 */
import fc from 'fast-check';
import { exactShares, mixOf, splitByMix } from '../../src/engine/mix';

/** Percentages with at most 6 decimals, as the plan rounds them. */
const percent = fc.oneof(fc.constantFrom(0, 25, 12.5, 33.333333, 100), fc.integer({ min: 0, max: 100_000_000 }).map((x) => x / 1e6));
const percents = fc.array(percent, { minLength: 1, maxLength: 24 });
/** Targets in units: small ones (most customers), and up to 2^53 (a company target in 64 bits). */
const units = fc.oneof(fc.nat(5000), fc.nat(2 ** 31 - 1), fc.bigInt({ min: 0n, max: 2n ** 53n - 1n }).map(Number));

/** Percent × 10^6 as BigInt weights (all zero: an even split). */
function weightsOf(pcts: number[]): bigint[] {
  const w = pcts.map((x) => BigInt(Math.round(x * 1e6)));
  return w.every((x) => x === 0n) ? w.map(() => 1n) : w;
}

/** The largest-remainder split by the book: floors, then one more to the largest remainders, ties to the earlier product. */
function referenceSplit(total: bigint, w: bigint[]): bigint[] {
  const W = w.reduce((a, b) => a + b, 0n);
  const floors = w.map((x) => (total * x) / W);
  const rests = w.map((x) => (total * x) % W);
  let left = total - floors.reduce((a, b) => a + b, 0n);
  const order = w.map((_, p) => p).sort((a, b) => (rests[b] > rests[a] ? 1 : rests[b] < rests[a] ? -1 : a - b));
  for (const p of order) if (left-- > 0n) floors[p] += 1n;
  return floors;
}

describe('mixOf', () => {
  it('turns percentages into whole weights without a common divisor', () => {
    expect(Array.from(mixOf([25, 25, 25, 25]).weights)).toEqual([1, 1, 1, 1]);
    expect(Array.from(mixOf([40, 30, 20, 10]).weights)).toEqual([4, 3, 2, 1]);
    expect(mixOf([12.5, 87.5]).total).toBe(8);
    expect(Array.from(mixOf([33.333333, 33.333333, 33.333334]).weights)).toEqual([33333333, 33333333, 33333334]);
  });

  it('splits evenly when every share is zero', () => {
    expect(Array.from(mixOf([0, 0, 0]).weights)).toEqual([1, 1, 1]);
  });

  it('refuses a negative, unreadable or oversized share', () => {
    expect(() => mixOf([50, -1])).toThrow();
    expect(() => mixOf([50, NaN])).toThrow();
    expect(() => mixOf([1000, 0])).toThrow();
  });
});

describe('exactShares', () => {
  it('gives every whole part and remainder exactly, and the units the floors leave over', () => {
    fc.assert(
      fc.property(percents, units, (pcts, total) => {
        const mix = mixOf(pcts);
        const floors = new Float64Array(mix.k);
        const rests = new Float64Array(mix.k);
        const left = exactShares(mix, total, floors, rests);
        const w = weightsOf(pcts);
        const W = w.reduce((a, b) => a + b, 0n);
        // The mix's weights are the percentages' in proportion (reduced by their divisor).
        w.forEach((x, p) => expect(BigInt(mix.weights[p]) * W).toBe(x * BigInt(mix.total)));
        const T = BigInt(total);
        w.forEach((x, p) => {
          expect(BigInt(floors[p])).toBe((T * x) / W);
          expect(BigInt(rests[p]) * W).toBe(((T * x) % W) * BigInt(mix.total));
        });
        expect(BigInt(left)).toBe(T - Array.from(floors).reduce((a, f) => a + BigInt(f), 0n));
      }),
      { numRuns: 500 },
    );
  });
});

describe('splitByMix (the company target over the products)', () => {
  it('is the largest-remainder split by the book, ties to the earlier product', () => {
    fc.assert(
      fc.property(percents, units, (pcts, total) => {
        const got = Array.from(splitByMix(mixOf(pcts), total), (x) => BigInt(x));
        expect(got).toEqual(referenceSplit(BigInt(total), weightsOf(pcts)));
      }),
      { numRuns: 500 },
    );
  });

  it('splits 1,234,567 units over 25/25/25/25 as 308,642 × 3 and 308,641', () => {
    expect(Array.from(splitByMix(mixOf([25, 25, 25, 25]), 1_234_567))).toEqual([308_642, 308_642, 308_642, 308_641]);
  });
});
