import fc from 'fast-check';
import { allocateInto, allocateUnits, AllocationError, fromUnits, toUnits } from '../../src/engine/allocate';

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

/** Hamilton by the book: floors, then one more unit to the largest remainders (ties to the earlier item). */
function referenceHamilton(total: number, weights: number[]): number[] {
  const max = Math.max(0, ...weights);
  const rel = weights.map((w) => (max === 0 ? 1 : w / max));
  const sumRel = max === 0 ? weights.length : rel.reduce((a, b) => a + b, 0);
  const scale = total / sumRel;
  const exact = rel.map((r) => r * scale);
  const whole = exact.map((e) => (e - Math.floor(e) > 1 - 1e-9 ? Math.floor(e) + 1 : Math.floor(e)));
  const left = total - whole.reduce((a, b) => a + b, 0);
  const order = exact.map((_, i) => i).sort((a, b) => Math.max(0, exact[b] - whole[b]) - Math.max(0, exact[a] - whole[a]) || a - b);
  for (let k = 0; k < left; k++) whole[order[k]] += 1;
  return whole;
}

describe('allocateInto on many items (the bucketed path)', () => {
  it('gives exactly the shares of largest remainder by the book, ties to the earlier item', () => {
    fc.assert(
      fc.property(
        fc.nat(5_000_000),
        // Few distinct weights: many equal remainders, so ties are decided by order.
        fc.array(fc.oneof(fc.constantFrom(1, 2, 3, 7, 0), fc.double({ min: 0, max: 1e6, noNaN: true })), { minLength: 257, maxLength: 3000 }),
        (total, weights) => {
          expect(Array.from(allocateUnits(total, weights))).toEqual(referenceHamilton(total, weights));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('writes into 32-bit integers only when the total fits them', () => {
    const out = new Int32Array(3);
    allocateInto(2 ** 31 - 1, [1, 1, 1], out);
    expect(out[0] + out[1] + out[2]).toBe(2 ** 31 - 1);
    expect(() => allocateInto(2 ** 31, [1, 1, 1], new Int32Array(3))).toThrow(AllocationError);
  });
});
