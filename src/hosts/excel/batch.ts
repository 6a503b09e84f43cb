/**
 * Packs queued Office.js operations into as few requests as the size budget allows: callers
 * say how many bytes an operation adds; when the next one would not fit, the batch syncs first.
 * Write batches start with suspendApiCalculationUntilNextSync, so Excel does not recalculate
 * between our own steps.
 */
import type { Limits } from './payload';

/** Rows to be written in blocks (a grid's pass, a snapshot's formulas). */
export interface PackedRows {
  count: number;
  /** What row i adds to a block's JSON. */
  rowBytes(i: number): number;
  /** Rows with nothing to write are skipped; a run of them inside a block is bridged only when that is cheaper than a new block. */
  rowEmpty?(i: number): boolean;
}

export class Batcher {
  private bytes = 0;
  private queued = 0;
  private after: (() => void)[] = [];
  /** Syncs this batcher made. */
  syncs = 0;
  /** Data bytes sent so far (for progress). */
  sent = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly limits: Pick<Limits, 'writeBudget' | 'opBytes'>,
    private readonly options: { suspendCalculation: boolean; onSync?: (sent: number) => void } = { suspendCalculation: true },
  ) {}

  get empty(): boolean {
    return this.queued === 0;
  }

  /** Bytes the current request may still take. */
  get room(): number {
    return Math.max(0, this.limits.writeBudget - this.bytes);
  }

  get opBytes(): number {
    return this.limits.opBytes;
  }

  /** Syncs first when `bytes` more would not fit (an empty batch takes anything). */
  async fit(bytes: number): Promise<void> {
    if (!this.empty && this.bytes + bytes > this.limits.writeBudget) await this.flush();
  }

  /**
   * Queues `ops` operations carrying `dataBytes` of data. `queue` makes the Office.js calls;
   * `after` runs once they have been synced (to read what they loaded).
   */
  add(ops: number, dataBytes: number, queue: () => void, after?: () => void): void {
    if (this.empty && this.options.suspendCalculation) {
      this.context.workbook.application.suspendApiCalculationUntilNextSync();
      this.bytes += this.limits.opBytes;
    }
    queue();
    this.queued += ops;
    this.bytes += dataBytes + ops * this.limits.opBytes;
    this.sent += dataBytes;
    if (after) this.after.push(after);
  }

  /** Sends what is queued. */
  async flush(): Promise<void> {
    if (this.empty) return;
    const after = this.after;
    this.after = [];
    this.bytes = 0;
    this.queued = 0;
    await this.context.sync();
    this.syncs++;
    for (const a of after) a();
    this.options.onSync?.(this.sent);
  }

  /**
   * Cuts rows into blocks, each as large as what the current request still has room for (a
   * block of one row that does not fit goes into a request of its own), and queues each with
   * `queueBlock(from, to, bytes)`. `ops`: the operations one block takes; `frame`: the bytes of
   * a block's brackets.
   */
  async packRows(rows: PackedRows, ops: number, frame: number, queueBlock: (from: number, to: number, bytes: number) => Promise<void>): Promise<void> {
    const n = rows.count;
    const empty = rows.rowEmpty ?? (() => false);
    let i = 0;
    while (i < n) {
      if (empty(i)) {
        i++;
        continue;
      }
      const room = this.room - ops * this.opBytes;
      let j = i;
      let bytes = frame;
      while (j < n) {
        if (j > i && empty(j)) {
          // A run of rows with nothing to write: bridge it only when that is cheaper than a new block.
          let k = j;
          let gap = 0;
          while (k < n && empty(k)) gap += rows.rowBytes(k++);
          if (k >= n || gap > ops * this.opBytes || bytes + gap > room) break;
          bytes += gap;
          j = k;
          continue;
        }
        const b = rows.rowBytes(j);
        if (j > i && bytes + b > room) break;
        bytes += b;
        j++;
      }
      if (bytes > room && !this.empty) {
        await this.flush();
        continue;
      }
      await queueBlock(i, j, bytes);
      i = j;
    }
  }
}
