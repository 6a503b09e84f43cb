/**
 * The Excel host at Excel's row limit: a customer sheet of 1,048,575 customers under one header
 * row is read and planned through Office.js calls on the strict fake (which refuses any request
 * over 5 MB and any read over 5,000,000 cells, as Excel does), in a child process with room for
 * the fake's copy of the workbook. Every request stays within Excel's limits and the class
 * formulas reach the sheet's last row. A minute or two.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';

jest.setTimeout(1_800_000);

const FIVE_MB = 5 * 1024 * 1024;

interface ChildReport {
  rowsRead: number;
  firstRow: number;
  readSyncs: number;
  syncs: number;
  largestRequest: number;
  largestResponse: number;
  mostCellsRead: number;
  classColumn: number;
  sample: { row: number; formula: string | undefined; engine: unknown }[];
}

test("reads and writes a sheet at Excel's row limit within the 5 MB and 5,000,000-cell limits", async () => {
  const child = path.join(__dirname, 'rowLimitChild.ts');
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(
      process.execPath,
      ['--max-old-space-size=16384', '--import', 'tsx', child],
      { cwd: path.resolve(__dirname, '..', '..', '..'), maxBuffer: 16 << 20 },
      (error, out, err) => (error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out)),
    );
  });
  const report = JSON.parse(stdout.trim().split('\n').pop()!) as ChildReport;
  expect(report.firstRow).toBe(1);
  expect(report.rowsRead).toBe(1_048_576);
  expect(report.largestRequest).toBeLessThanOrEqual(FIVE_MB);
  expect(report.largestResponse).toBeLessThanOrEqual(FIVE_MB);
  expect(report.mostCellsRead).toBeLessThanOrEqual(5_000_000);
  expect(report.readSyncs).toBeGreaterThan(1); // read in row blocks, not one call
  expect(report.classColumn).toBeGreaterThan(0);
  // Every sampled customer, down to the sheet's last row, has its class formula, on its own row.
  for (const s of report.sample) {
    expect(s.engine).not.toBeNull();
    expect({ row: s.row, formula: s.formula }).toEqual({ row: s.row, formula: expect.stringMatching(new RegExp(`^=.*\\D${s.row}(\\D|$)`)) });
  }
});
