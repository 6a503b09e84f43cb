/**
 * Engine benchmark (issue 2): plan() on synthetic customer sheets of 100,000 and 1,000,000
 * rows with 4 products, and 1,000,000 rows with 20 (issue 11: every table's products rounded
 * with both margins held), beside a plain loop over the same rows (read the two amounts, parse
 * them, compare with Tier 1's A minimums: the floor of what any engine must do). Goal: a million
 * customers planned in under 2 s and under 1 GB.
 *
 * The engine is timed as it ships: bundled by esbuild (as the command line and, through webpack,
 * the pane run it), not as TypeScript compiled on the fly by tsx, whose CommonJS output turns
 * every use of an imported function into a getter call. With ENGINE_BENCH_BASELINE=<another
 * checkout of this repo> that checkout's engine is bundled and timed in the same run.
 *
 * Each case runs in its own child process, so heap and RSS peaks do not mix. The child builds
 * the sheet, collects garbage, records memory, warms the subject up on a small sheet, then
 * times it with process.hrtime.bigint(). The peak RSS during the timed run comes from the
 * kernel: writing 5 to /proc/self/clear_refs resets the high-water mark (VmHWM, which
 * process.resourceUsage().maxRSS reports), so the peak read afterwards belongs to the run.
 *
 *   npm run bench              (all bench modules, see run.ts)
 *   npx tsx test/bench/engine.bench.ts [rows[xproducts]…]   (this one alone, e.g. 1000000x20)
 *   ENGINE_BENCH_BASELINE=/work/base npm run bench -- engine   (also the engine of that checkout)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import type { plan as planFn } from '../../src/engine/plan';
import type { defaultSettings as defaultSettingsFn } from '../../src/engine/settings';
import type { SheetData } from '../../src/engine/types';
import { makeCustomerSheet } from '../fixtures/customers';

/** Rows × product columns; on the command line as 1000000 or 1000000x20. */
interface Size {
  rows: number;
  products: number;
}
const SIZES: Size[] = [
  { rows: 100_000, products: 4 },
  { rows: 1_000_000, products: 4 },
  { rows: 1_000_000, products: 20 },
];
const GOAL = { rows: 1_000_000, ms: 2000, mb: 1024 };
const SEED = 20250101;
const REPO = path.resolve(__dirname, '..', '..');
const BASELINE = process.env.ENGINE_BENCH_BASELINE ? path.resolve(process.env.ENGINE_BENCH_BASELINE) : null;

type Subject = 'loop' | 'plan' | 'plan (baseline)';
interface EngineBundle {
  plan: typeof planFn;
  defaultSettings: typeof defaultSettingsFn;
}

/** The engine of a checkout, bundled into one CommonJS file as the CLI's build does it. */
function bundleEngine(repo: string, label: string): string {
  const outfile = path.join(os.tmpdir(), `abc-engine-bench-${process.pid}-${label}.cjs`);
  esbuild.buildSync({
    stdin: { contents: "export { plan } from './src/engine/plan';\nexport { defaultSettings } from './src/engine/settings';\n", resolveDir: repo, loader: 'ts' },
    outfile,
    // Packages (zod) from this checkout, so that a baseline checkout needs no install of its own.
    nodePaths: [path.join(REPO, 'node_modules')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
  });
  return outfile;
}

interface CaseResult {
  subject: Subject;
  rows: number;
  products: number;
  runs: number[];
  /** CPU time (user + system, all threads: GC helpers included) of each timed run, ms. */
  cpu: number[];
  /** ms to build the sheet in the child (generator, not the engine). */
  buildMs: number;
  /** Process-wide peak RSS (MB) over the child's life: building, warm-up and the timed runs. */
  processPeakMb: number;
  /** RSS (MB) after building the input and collecting garbage: the baseline. */
  baselineMb: number;
  /** Peak RSS (MB) during the timed runs, and its increase over the baseline. */
  runPeakMb: number;
  addedMb: number;
  /** Heap still held by the first run's result (MB), measured after a full GC. */
  resultHeapMb: number;
  note: string;
}

// ---------------------------------------------------------------------------------------------
// Child

const MB = 1024 * 1024;
const gc = (): void => {
  const g = (globalThis as { gc?: () => void }).gc;
  if (!g) throw new Error('run the child with --expose-gc');
  g();
  g();
};

function resetPeak(): boolean {
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

const maxRssMb = () => process.resourceUsage().maxRSS / 1024;

/** The floor: read both amounts of every row, make numbers of them, compare with Tier 1's A line. */
function plainLoop(sheet: SheetData): number {
  const values = sheet.values;
  let a = 0;
  for (let r = 3; r < values.length; r++) {
    const row = values[r];
    const p = row[3];
    const s = row[4];
    const potential = typeof p === 'number' ? p : Number(p);
    const sales = typeof s === 'number' ? s : Number(s);
    if (potential >= 500 && sales >= 200) a++;
  }
  return a;
}

/** The bundled engine the parent handed this child (ABC_ENGINE_BUNDLE). */
function engine(): EngineBundle {
  const file = process.env.ABC_ENGINE_BUNDLE;
  if (!file) throw new Error('ABC_ENGINE_BUNDLE is not set: run the child through run()');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(file) as EngineBundle;
}

function subjectOf(subject: Subject): (sheet: SheetData) => string {
  if (subject === 'loop') return (sheet) => `${plainLoop(sheet)} A`;
  const { plan, defaultSettings } = engine();
  const settings = defaultSettings();
  return (sheet) => {
    const r = plan(sheet, settings, { companyTarget: null, growthPct: 10 });
    if (!r.ok) throw new Error(`plan failed: ${JSON.stringify(r.issues.slice(0, 3))}`);
    // Every table, read through its total (reading r.customers would build a million objects
    // inside the timing, which no host does): the tables are part of what plan() delivers.
    const t = r.tables;
    const classified = t.summary.total.customers;
    const lines = t.byCustomer.lines.length + t.byIndustry.lines.length + t.byRegion.lines.length + t.bySalesperson.lines.length;
    return `${classified} classified, ${lines} table lines, target ${r.target.company} 万元, ${r.issues.length} issues`;
  };
}

function child(subject: Subject, rows: number, products: number): CaseResult {
  const run = subjectOf(subject);
  const t0 = process.hrtime.bigint();
  let sheet: SheetData | null = makeCustomerSheet({ count: rows, seed: SEED, language: 'zh', products });
  const buildMs = Number(process.hrtime.bigint() - t0) / 1e6;

  const warm = makeCustomerSheet({ count: 2000, seed: SEED + 1, language: 'zh', products });
  for (let i = 0; i < 5; i++) run(warm);

  gc();
  let processPeakMb = maxRssMb();
  const baselineMb = process.memoryUsage().rss / MB;
  const reset = resetPeak();

  const runCount = rows <= 100_000 ? 5 : 3;
  const runs: number[] = [];
  const cpu: number[] = [];
  let runPeakMb = 0;
  let resultHeapMb = 0;
  let note = '';
  for (let i = 0; i < runCount; i++) {
    if (i > 0) {
      gc();
      if (reset) resetPeak();
    }
    const before = process.hrtime.bigint();
    const cpuBefore = process.cpuUsage();
    let out: string | null = run(sheet);
    runs.push(Number(process.hrtime.bigint() - before) / 1e6);
    const used = process.cpuUsage(cpuBefore);
    cpu.push((used.user + used.system) / 1000);
    runPeakMb = Math.max(runPeakMb, maxRssMb());
    processPeakMb = Math.max(processPeakMb, maxRssMb());
    if (i === 0) note = out;
    out = null;
  }
  if (subject !== 'loop') {
    // What a result holds on to, measured apart from the timed runs.
    const { plan, defaultSettings } = engine();
    gc();
    const heap = process.memoryUsage().heapUsed;
    const kept = plan(sheet, defaultSettings(), { companyTarget: null, growthPct: 10 });
    gc();
    resultHeapMb = (process.memoryUsage().heapUsed - heap) / MB;
    if (!kept.ok) throw new Error('unreachable');
  }
  sheet = null;
  if (!reset) note += ' (peak RSS could not be reset: run peak includes building the input)';
  return { subject, rows, products, runs, cpu, buildMs, processPeakMb, baselineMb, runPeakMb, addedMb: runPeakMb - baselineMb, resultHeapMb, note };
}

// ---------------------------------------------------------------------------------------------
// Parent

function runChild(subject: Subject, size: Size, bundle: string): CaseResult {
  const out = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', __filename, '--child', subject, String(size.rows), String(size.products)], {
    cwd: REPO,
    env: { ...process.env, ABC_ENGINE_BUNDLE: bundle },
    encoding: 'utf8',
    maxBuffer: 16 * MB,
  });
  const line = out.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (out.status !== 0 || !line) throw new Error(`bench child ${subject} ${size.rows}×${size.products} failed (${out.status ?? out.signal}):\n${out.stderr}\n${out.stdout}`);
  return JSON.parse(line.slice('RESULT '.length)) as CaseResult;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x: number, digits = 0) => x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function table(results: CaseResult[]): string {
  const head = ['rows', 'products', 'subject', 'ms (median)', 'ms (min)', 'CPU ms', 'µs/row', 'peak RSS MB', 'RSS added MB', 'result heap MB', '× loop'];
  const body = results.map((r) => {
    const ms = median(r.runs);
    const loop = results.find((x) => x.subject === 'loop' && x.rows === r.rows && x.products === r.products);
    const ratio = loop ? ms / median(loop.runs) : NaN;
    return [
      fmt(r.rows),
      String(r.products),
      r.subject === 'loop' ? 'plain loop' : r.subject === 'plan' ? 'plan()' : 'plan() baseline',
      fmt(ms, 1),
      fmt(Math.min(...r.runs), 1),
      fmt(median(r.cpu), 1),
      fmt((ms * 1000) / r.rows, 3),
      fmt(r.runPeakMb),
      fmt(r.addedMb),
      // Below a megabyte the difference of two heap readings is noise (it can even come out negative).
      r.subject !== 'loop' ? (r.resultHeapMb < 1 ? '< 1' : fmt(r.resultHeapMb)) : '',
      r.subject !== 'loop' ? `${fmt(ratio, 0)}×` : '1×',
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(line)].join('\n');
}

export async function run(sizes: Size[] = SIZES): Promise<void> {
  console.log(`Engine bench: plan() with default settings, growth 10 %, the mix from the products' history; synthetic zh sheets (seed ${SEED}), one child process per case.`);
  console.log(`Node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} (other work on the machine slows the figures)`);
  const bundles: Partial<Record<Subject, string>> = { loop: '', plan: bundleEngine(REPO, 'current') };
  if (BASELINE) bundles['plan (baseline)'] = bundleEngine(BASELINE, 'baseline');
  console.log(`Engine bundled by esbuild as the command line ships it${BASELINE ? `; baseline: the engine of ${BASELINE}` : ''}.`);
  const results: CaseResult[] = [];
  try {
    for (const size of sizes) {
      for (const [subject, bundle] of Object.entries(bundles) as [Subject, string][]) {
        const r = runChild(subject, size, bundle);
        results.push(r);
        console.log(`  ${subject.padEnd(15)} ${fmt(size.rows).padStart(9)} rows × ${String(size.products).padStart(2)} products: runs ${r.runs.map((x) => fmt(x, 0)).join(', ')} ms; sheet built in ${fmt(r.buildMs)} ms, RSS ${fmt(r.baselineMb)} MB after building; ${r.note}`);
      }
    }
  } finally {
    for (const file of Object.values(bundles)) if (file) fs.rmSync(file, { force: true });
  }
  console.log('');
  console.log(table(results));
  console.log('ms: wall time of the timed runs; CPU ms: their CPU time, all threads (GC helpers included); µs/row from the median wall time.');
  console.log('peak RSS: the process peak during the timed runs (input sheet included); RSS added: that peak minus RSS after building the input;');
  console.log('result heap: what one plan() result keeps alive, measured after a full GC.');
  for (const goal of results.filter((r) => r.subject === 'plan' && r.rows === GOAL.rows)) {
    const ms = median(goal.runs);
    const ok = ms < GOAL.ms && goal.runPeakMb < GOAL.mb;
    console.log(
      `Goal (issue 2): ${fmt(GOAL.rows)} customers × ${goal.products} products in < ${fmt(GOAL.ms)} ms and < ${fmt(GOAL.mb)} MB: ${fmt(ms)} ms, peak ${fmt(goal.runPeakMb)} MB → ${ok ? 'MET' : 'MISSED'}`,
    );
  }
}

/** "1000000" (4 products) or "1000000x20". */
function sizeOf(arg: string): Size {
  const [rows, products = '4'] = arg.split('x');
  return { rows: Number(rows), products: Number(products) };
}

if (require.main === module) {
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    const result = child(args[1] as Subject, Number(args[2]), Number(args[3]));
    process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
  } else {
    run(args.length ? args.map(sizeOf) : undefined).catch((e) => {
      console.error(e);
      process.exitCode = 1;
    });
  }
}
