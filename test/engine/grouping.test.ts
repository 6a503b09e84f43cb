/**
 * The engine's two grouping helpers for big sheets, held to the plain answers they replace:
 * findDuplicates (a counting sort by hash) and byValueDesc (a native sort of packed keys).
 */
import fc from 'fast-check';
import { byValueDesc } from '../../src/engine/breakdown';
import { findDuplicates } from '../../src/engine/rows';

/** Each row whose key appeared on an earlier row → the first such row that is not itself a duplicate. */
function plainDuplicates(keys: string[]): Map<number, number> {
  const first = new Map<string, number>();
  const out = new Map<number, number>();
  keys.forEach((k, i) => {
    if (first.has(k)) out.set(i, first.get(k)!);
    else first.set(k, i);
  });
  return out;
}

describe('findDuplicates', () => {
  it('finds every row that repeats an earlier key, pointing at the first, even when different keys share a hash', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(40), { maxLength: 3000 }), fc.nat(7), (raw, hashBits) => {
        const keys = raw.map((k) => `k${k}`);
        // A hash of few bits: most different keys collide, so the key comparison decides.
        const hashes = Uint32Array.from(raw, (k) => ((k % (1 << hashBits)) * 0x9e3779b1) >>> 0);
        const got = findDuplicates(hashes, keys.length, (a, b) => keys[a] === keys[b]);
        expect([...got].sort((a, b) => a[0] - b[0])).toEqual([...plainDuplicates(keys)].sort((a, b) => a[0] - b[0]));
      }),
      { numRuns: 200 },
    );
  });

  it('finds none in an empty or one-row sheet', () => {
    expect(findDuplicates(new Uint32Array(0), 0, () => true).size).toBe(0);
    expect(findDuplicates(new Uint32Array(1), 1, () => true).size).toBe(0);
  });
});

describe('byValueDesc', () => {
  const plain = (ids: number[], value: (id: number) => number) =>
    ids.map((id, j) => [id, j]).sort((a, b) => value(b[0]) - value(a[0]) || a[1] - b[1]).map(([id]) => id);

  it('orders ids by value, largest first, equal values in the order given', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(50), { maxLength: 2000 }), (values) => {
        const ids = values.map((_, i) => values.length - 1 - i); // not simply 0, 1, 2…
        const value = (id: number) => values[id];
        expect(byValueDesc(ids, value)).toEqual(plain(ids, value));
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same order for values too large to pack into one number', () => {
    const values = [2 ** 52, 5, 2 ** 52, 2 ** 40, 0];
    const ids = [0, 1, 2, 3, 4];
    expect(byValueDesc(ids, (id) => values[id])).toEqual([0, 2, 3, 1, 4]);
  });
});
