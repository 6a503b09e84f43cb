/**
 * A one-line progress bar on stderr for large files: the steps of a plan (read, plan, lay out,
 * write, save) each take a share of the bar, and the .xlsx host's ProgressFn moves it within a
 * step. Drawn only on a terminal; redrawn only when the whole percent changes; erased at the end.
 */
import type { ProgressFn } from '../hosts/host';
import type { CliStream } from './io';

export interface Step {
  label: string;
  /** Share of the whole bar (any unit; shares are summed). */
  weight: number;
}

export class Progress {
  private readonly total: number;
  private readonly starts: number[] = [];
  private current = -1;
  private shown = -1;
  private drawn = false;

  constructor(
    private readonly stream: CliStream | undefined,
    private readonly steps: readonly Step[],
  ) {
    let sum = 0;
    for (const s of steps) {
      this.starts.push(sum);
      sum += s.weight;
    }
    this.total = sum || 1;
  }

  /** Starts step `index`; the returned ProgressFn moves the bar within it. */
  step(index: number): ProgressFn {
    this.current = index;
    this.draw(0);
    return (done, total) => this.draw(total > 0 ? Math.min(1, Math.max(0, done / total)) : 0);
  }

  private draw(fraction: number): void {
    if (!this.stream) return;
    const step = this.steps[this.current];
    const pct = Math.floor(((this.starts[this.current] + fraction * step.weight) / this.total) * 100);
    if (pct === this.shown) return;
    this.shown = pct;
    const width = Math.max(10, Math.min(30, (this.stream.columns ?? 80) - 30));
    const filled = Math.round((pct / 100) * width);
    this.stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(pct).padStart(3)}% ${step.label}\x1b[K`);
    this.drawn = true;
  }

  /** Erases the bar, so that messages start on a clean line. */
  done(): void {
    if (this.stream && this.drawn) this.stream.write('\r\x1b[K');
    this.drawn = false;
    this.shown = -1;
  }
}
