/**
 * Excel host benchmark (issue 5): on the strict fake of Excel, a customer sheet of 25,000,
 * 50,000 and 100,000 rows is read, planned, rendered and written, then planned and written
 * again (a re-run replaces the earlier plan and backs up the earlier tag columns first).
 * For each: the number of context.sync() calls, the largest request in bytes (UTF-8 JSON of
 * what is written plus what is read back), the bytes in all, and the time.
 *
 * Goal: no request over 4 MB, and syncs growing only with the number of row blocks: a fixed few
 * (sizes, prepare, snapshot probe, the swap) plus about one per 3.5 MB of data.
 *
 * "host ms" is the time outside the fake's sync (what the add-in itself spends: cutting blocks,
 * measuring payloads, checking cells); the fake's own work is left out.
 *
 *   npm run bench -- excel          (via run.ts)
 *   npx tsx test/bench/excel-host.bench.ts [rows…]
 */
import { DEFAULT_LIMITS } from '../../src/hosts/excel';
import { FakeRequestContext, type FakeWorkbook, type RequestStat } from '../support/fakeExcel';
import { CUSTOMER_SHEET, customerWorkbook, hostFor, plannedWrite } from '../hosts/excel/helpers';

const ROWS = [25_000, 50_000, 100_000];
const FOUR_MB = 4 * 1024 * 1024;
const MB = 1024 * 1024;

interface Row {
  rows: number;
  what: string;
  syncs: number;
  largest: number;
  total: number;
  ms: number;
  hostMs: number;
}

let inSync = 0;
function timeSyncs(): () => void {
  const proto = FakeRequestContext.prototype;
  const original = proto.sync;
  proto.sync = async function (this: FakeRequestContext): Promise<void> {
    const t = performance.now();
    try {
      await original.call(this);
    } finally {
      inSync += performance.now() - t;
    }
  };
  return () => {
    proto.sync = original;
  };
}

async function measure(wb: FakeWorkbook, rows: number, what: string, work: () => Promise<unknown>): Promise<Row> {
  const from = wb.requests.length;
  inSync = 0;
  const t = performance.now();
  await work();
  const ms = performance.now() - t;
  const requests: RequestStat[] = wb.requests.slice(from);
  return {
    rows,
    what,
    syncs: requests.length,
    largest: Math.max(0, ...requests.map((r) => r.bytes)),
    total: requests.reduce((s, r) => s + r.bytes, 0),
    ms,
    hostMs: ms - inSync,
  };
}

function pad(s: string | number, n: number, right = false): string {
  const t = String(s);
  return right ? t.padEnd(n) : t.padStart(n);
}

export async function run(sizes: number[] = ROWS): Promise<void> {
  const restore = timeSyncs();
  const table: Row[] = [];
  try {
    for (const rows of sizes) {
      const wb = customerWorkbook(rows, 20250101);
      const host = hostFor(wb);
      table.push(await measure(wb, rows, 'read', () => host.readSheet(CUSTOMER_SHEET)));
      const first = await plannedWrite(host);
      table.push(await measure(wb, rows, 'write (first plan)', () => host.apply(first)));
      const second = await plannedWrite(host);
      table.push(await measure(wb, rows, 'write (re-plan)', () => host.apply(second)));
    }
  } finally {
    restore();
  }

  const budget = DEFAULT_LIMITS.writeBudget;
  console.log(`request budget: writes ${(DEFAULT_LIMITS.writeBudget / MB).toFixed(2)} MB, reads ${(DEFAULT_LIMITS.readBudget / MB).toFixed(2)} MB; Excel's cap 5 MB; goal: none over 4 MB`);
  console.log(`${pad('rows', 8)}  ${pad('what', 20, true)} ${pad('syncs', 6)} ${pad('largest MB', 11)} ${pad('total MB', 9)} ${pad('MB/sync', 8)} ${pad('ms', 7)} ${pad('host ms', 8)}`);
  for (const r of table) {
    console.log(
      `${pad(r.rows.toLocaleString('en'), 8)}  ${pad(r.what, 20, true)} ${pad(r.syncs, 6)} ${pad((r.largest / MB).toFixed(2), 11)} ${pad((r.total / MB).toFixed(1), 9)} ${pad((r.total / MB / r.syncs).toFixed(2), 8)} ${pad(Math.round(r.ms), 7)} ${pad(Math.round(r.hostMs), 8)}`,
    );
  }
  const over = table.filter((r) => r.largest > FOUR_MB);
  console.log(over.length ? `GOAL MISSED: ${over.length} case(s) with a request over 4 MB` : 'goal met: no request over 4 MB');
  // Syncs per case against the bytes: fixed steps plus one per full request.
  const worst = Math.max(...table.map((r) => r.syncs - Math.ceil(r.total / budget)));
  console.log(`syncs beyond one per ${(budget / MB).toFixed(2)} MB of data: at most ${worst} (the fixed steps), at every size`);
}

if (require.main === module) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  run(sizes.length ? sizes : ROWS).catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
