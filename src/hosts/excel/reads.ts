/**
 * Reading a large rectangle in row blocks: each block stays under the read budget (bytes) and
 * Excel's cell cap. The first block is sized from a guess; later ones from the bytes per row
 * actually seen (the largest so far, plus a margin). A block Excel refuses as too large is
 * read again in halves (reads change nothing, so retrying is safe).
 */
import type { CellValue } from '../../engine/types';
import type { Limits } from './payload';
import { jsonGridBytes } from './payload';
import { isOfficeError, unwrapError } from './platform';

export type ReadProp = 'values' | 'formulas' | 'numberFormat';

export interface Rect {
  /** 0-based. */
  row: number;
  column: number;
  rows: number;
  columns: number;
}

const SIZE_CODES = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded', 'RangeExceedsLimit']);

/** True for Excel's "too much in one request" errors. */
export function isSizeError(e: unknown): boolean {
  const inner = unwrapError(e);
  return isOfficeError(inner) && SIZE_CODES.has(inner.code);
}

/** A first guess of the bytes a cell adds to a read, before anything was measured. */
export const FIRST_GUESS_BYTES_PER_CELL = 40;

export async function readRows(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  rect: Rect,
  props: readonly ReadProp[],
  limits: Pick<Limits, 'readBudget' | 'readCells'>,
  onBlock: (offset: number, data: Record<ReadProp, CellValue[][]>) => void,
  options: { guessBytesPerRow?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<number> {
  let perRow = options.guessBytesPerRow ?? rect.columns * FIRST_GUESS_BYTES_PER_CELL * props.length;
  let measured = false;
  let done = 0;
  let syncs = 0;
  const maxRows = Math.max(1, Math.floor(limits.readCells / rect.columns));
  while (done < rect.rows) {
    const n = Math.max(1, Math.min(rect.rows - done, maxRows, Math.floor(limits.readBudget / perRow)));
    const range = sheet.getRangeByIndexes(rect.row + done, rect.column, n, rect.columns);
    range.load(props.join(','));
    try {
      syncs++;
      await context.sync();
    } catch (e) {
      if (isSizeError(e) && n > 1) {
        // Excel refused the block: halve it and measure again.
        perRow = Math.max(perRow * 2, limits.readBudget / Math.floor(n / 2));
        continue;
      }
      throw e;
    }
    const data = {} as Record<ReadProp, CellValue[][]>;
    let bytes = 0;
    for (const p of props) {
      const grid = range[p] as CellValue[][];
      data[p] = grid;
      bytes += jsonGridBytes(grid);
    }
    const seen = (bytes / n) * 1.1 + 1;
    perRow = measured ? Math.max(perRow, seen) : seen;
    measured = true;
    onBlock(done, data);
    done += n;
    options.onProgress?.(done, rect.rows);
  }
  return syncs;
}
