/**
 * Packs queued Office.js operations into as few requests as the size budget allows: callers
 * say how many bytes an operation adds; when the next one would not fit, the batch syncs first.
 * Write batches start with suspendApiCalculationUntilNextSync, so Excel does not recalculate
 * between our own steps.
 */
import type { Limits } from './payload';

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
}
