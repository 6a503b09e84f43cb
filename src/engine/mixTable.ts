/**
 * A rows × products table rounded by mixNesting.ts: a row's cell of product p is the whole part
 * of its exact share (target × mix) plus its round-up, 0 or 1. Only the round-ups are kept, as
 * bits (a million customers × 20 products in 2.5 MB, not 160); cells are worked out when asked.
 */
import type { Mix } from './mix';
import { exactShares } from './mix';

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

