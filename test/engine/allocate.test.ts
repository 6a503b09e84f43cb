import fc from 'fast-check';
import { allocateUnits, AllocationError, fromUnits, toUnits } from '../../src/engine/allocate';

const sum = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0);

describe('allocateUnits (largest remainder)', () => {
  it('splits 10 units over 1:1:1 as 4, 3, 3 — the earlier item wins the tie', () => {
    expect(Array.from(allocateUnits(10, [1, 1, 1]))).toEqual([4, 3, 3]);
  });

  it('gives the extra unit to the largest remainder, not the largest weight', () => {
    // exact shares 6.6, 2.2, 1.2 → floors 6, 2, 1 and one unit left for the 0.6 remainder
    expect(Array.from(allocateUnits(10, [66, 22, 12]))).toEqual([7, 2, 1]);
  });

  it('splits evenly when every weight is zero', () => {
    expect(Array.from(allocateUnits(7, [0, 0, 0]))).toEqual([3, 2, 2]);
  });

  it('allocates nothing over no items and zero over any items', () => {
    expect(allocateUnits(5, []).length).toBe(0);
    expect(Array.from(allocateUnits(0, [3, 4]))).toEqual([0, 0]);
  });

  it('rejects negative or fractional totals and negative weights', () => {
    expect(() => allocateUnits(-1, [1])).toThrow(AllocationError);
    expect(() => allocateUnits(1.5, [1])).toThrow(AllocationError);
    expect(() => allocateUnits(3, [1, -1])).toThrow(AllocationError);
    expect(() => allocateUnits(3, [1, NaN])).toThrow(AllocationError);
  });

  it('handles many items through the bucketed path as exactly as the sorted one', () => {
    const weights = Array.from({ length: 5000 }, (_, i) => ((i * 7919) % 101) + 0.5);
    const out = allocateUnits(123457, weights);
    expect(sum(out)).toBe(123457);
    const total = sum(weights);
    out.forEach((u, i) => expect(Math.abs(u - (123457 * weights[i]) / total)).toBeLessThan(1));
  });

  it('ties out exactly and stays within one unit of the exact share, for any input', () => {
    fc.assert(
      fc.property(
        fc.nat(10_000_000),
        fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e9, noNaN: true })), { minLength: 1, maxLength: 600 }),
        (total, weights) => {
          const out = allocateUnits(total, weights);
          expect(sum(out)).toBe(total);
          const w = sum(weights);
          out.forEach((u, i) => {
            expect(Number.isInteger(u)).toBe(true);
            expect(u).toBeGreaterThanOrEqual(0);
            const exact = w === 0 ? total / weights.length : (total * weights[i]) / w;
            expect(Math.abs(u - exact)).toBeLessThan(1 + 1e-6);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is deterministic: the same input gives the same answer', () => {
    fc.assert(
      fc.property(fc.nat(100000), fc.array(fc.nat(1000), { minLength: 1, maxLength: 400 }), (total, weights) => {
        expect(Array.from(allocateUnits(total, weights))).toEqual(Array.from(allocateUnits(total, weights)));
      }),
      { numRuns: 100 },
    );
  });
});

describe('units', () => {
  it('converts 万元 to whole units and back without binary noise', () => {
    expect(toUnits(1234.56, 0.1)).toBe(12346);
    expect(fromUnits(12346, 0.1)).toBe(1234.6);
    expect(fromUnits(3, 0.1)).toBe(0.3);
    expect(toUnits(1234.56, 10)).toBe(123);
    expect(fromUnits(123, 10)).toBe(1230);
  });
});
