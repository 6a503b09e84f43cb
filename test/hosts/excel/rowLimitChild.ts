/**
 * Run by rowLimit.test.ts in its own process (a bigger heap than a jest worker has: the strict
 * fake keeps every cell of a 1,048,576-row workbook as objects). Reads, plans and writes a
 * customer sheet at Excel's row limit through the Excel host on the fake, then prints one JSON
 * line: the requests' largest sizes and cells, and each sampled row's class formula (Excel, not
 * the fake, computes it) next to the engine's class.
 */
import { plan } from '../../../src/engine/plan';
import { defaultSettings } from '../../../src/engine/settings';
import { TAG_HEADERS } from '../../../src/i18n/render';
import { CUSTOMER_SHEET, customerWorkbook, hostFor, plannedWrite, ROW_LIMIT_CUSTOMERS } from './helpers';

async function main(): Promise<void> {
  const wb = customerWorkbook(ROW_LIMIT_CUSTOMERS, 20261203);
  const host = hostFor(wb);
  const read = await host.readSheet(CUSTOMER_SHEET);
  const readRequests = wb.requests.length;
  const write = await plannedWrite(host);
  await host.apply(write);
  let largestRequest = 0;
  let largestResponse = 0;
  let mostCellsRead = 0;
  for (const r of wb.requests) {
    largestRequest = Math.max(largestRequest, r.requestBytes);
    largestResponse = Math.max(largestResponse, r.responseBytes);
    mostCellsRead = Math.max(mostCellsRead, r.cellsRead);
  }
  const engine = plan(read, defaultSettings());
  const sheet = wb.sheet(CUSTOMER_SHEET);
  let classColumn = -1;
  for (let c = 0; c < 64 && classColumn < 0; c++) if (wb.cellAt(sheet, 0, c).value === TAG_HEADERS.zh.class) classColumn = c;
  const classes = new Map(engine.customers.map((c) => [c.row, c.class]));
  const sample: { row: number; formula: string | undefined; engine: unknown }[] = [];
  for (const row of [2, 3, 1000, 524_288, 1_000_000, 1_048_575, 1_048_576]) {
    sample.push({ row, formula: classColumn < 0 ? undefined : wb.cellAt(sheet, row - 1, classColumn).formula, engine: classes.get(row) ?? null });
  }
  const out = {
    rowsRead: read.values.length,
    firstRow: read.firstRow,
    readSyncs: readRequests,
    syncs: wb.requests.length,
    largestRequest,
    largestResponse,
    mostCellsRead,
    classColumn,
    sample,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
