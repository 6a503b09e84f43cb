/**
 * Writing into the workbook: one write, all or nothing. Every host promises that on any
 * failure the workbook is as it was (the .xlsx host builds the whole new package before taking
 * it; the Excel host writes under temporary names, then swaps, and rolls back on failure).
 */
import type { ProgressFn, WorkbookHost } from '../hosts/host';
import type { WorkbookWrite } from '../spec/write';

export async function writeAll(host: Pick<WorkbookHost, 'apply'>, write: WorkbookWrite, onProgress?: ProgressFn): Promise<void> {
  await host.apply(write, onProgress);
}
