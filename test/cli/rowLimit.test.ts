/**
 * The command at Excel's row limit, as a planner runs it: a sheet of 1,048,575 customers under
 * one header row (the last on row 1,048,576), planned by the real command in its own process.
 * The planned workbook is then read back: every customer row carries the class the engine gives
 * it, down to the sheet's last row, and every breakdown sheet is there.
 * About two minutes; the file is made once per machine (test/fixtures/rowLimitWorkbook.ts).
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { plan } from '../../src/engine/plan';
import { defaultSettings } from '../../src/engine/settings';
import { openXlsx } from '../../src/hosts/xlsx';
import { SHEET_NAMES, TAG_HEADERS } from '../../src/i18n/render';
import { ROW_LIMIT_CUSTOMERS, ROW_LIMIT_SHEET, rowLimitValues, rowLimitWorkbookPath } from '../fixtures/rowLimitWorkbook';
import { removeDir, tempDir } from './helpers';

jest.setTimeout(900_000);

const LAUNCHER = path.resolve(__dirname, '..', '..', 'src', 'cli', 'abc-planner.js');
const EXCEL_LAST_ROW = 1_048_576;

function launch(args: string[], cwd: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [LAUNCHER, ...args], { cwd, env: { PATH: process.env.PATH ?? '', LANG: 'en_US.UTF-8' }, maxBuffer: 64 << 20 }, (error, _stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stderr });
    });
  });
}

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(() => removeDir(dir));

test("plans 1,048,575 customers (Excel's row limit) end to end: tags down to row 1,048,576 equal the engine's", async () => {
  const input = rowLimitWorkbookPath();
  const out = path.join(dir, 'planned.xlsx');
  const run = await launch(['plan', input, '--out', out], dir);
  expect(run.stderr).not.toMatch(/unexpected|RangeError|heap/i);
  expect(run.code).toBe(0);
  expect(run.stderr).toContain(`${ROW_LIMIT_CUSTOMERS} customers`);

  // What the engine makes of the same rows.
  const engine = plan({ name: ROW_LIMIT_SHEET, values: rowLimitValues(), firstRow: 1, firstColumn: 1 }, defaultSettings());
  const classes = new Map<number, string | null>();
  const counts = { A: 0, B: 0, C: 0 };
  for (const c of engine.customers) {
    classes.set(c.row, c.class);
    if (c.class) counts[c.class]++;
  }
  expect(classes.size).toBe(ROW_LIMIT_CUSTOMERS);
  expect(run.stderr).toContain(`Classes: A ${counts.A}, B ${counts.B}, C ${counts.C}`);

  const planned = openXlsx(new Uint8Array(await fs.readFile(out)));
  const names = (await planned.listSheets()).map((s) => s.name);
  for (const kind of ['settings', 'summary', 'customers', 'industries', 'regions', 'salespeople'] as const) expect(names).toContain(SHEET_NAMES.zh[kind]);

  const sheet = await planned.readSheet(ROW_LIMIT_SHEET);
  expect(sheet.firstRow).toBe(1);
  expect(sheet.firstRow + sheet.values.length - 1).toBe(EXCEL_LAST_ROW);
  const classColumn = sheet.values[0]!.indexOf(TAG_HEADERS.zh.class);
  expect(classColumn).toBeGreaterThan(0);
  const wrong: string[] = [];
  for (let i = 1; i < sheet.values.length; i++) {
    const row = sheet.firstRow + i;
    const got = sheet.values[i]![classColumn] ?? null;
    const want = classes.get(row) ?? null;
    if (got !== want && wrong.length < 10) wrong.push(`row ${row}: sheet ${JSON.stringify(got)}, engine ${JSON.stringify(want)}`);
  }
  expect(wrong).toEqual([]);
});
