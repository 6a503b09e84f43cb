/**
 * Task pane benchmark (issue 5): the live preview on 100,000 customers. The pane reads the
 * customer sheet once (prepareSheet); every change a planner types then costs what is timed
 * here: the draft resolved into settings, planPrepared, and the counts the Thresholds step
 * shows (customers per tier × class, and how many change class against the saved settings),
 * plus the Targets step's totals. Goal: under 100 ms per change, so the preview follows typing.
 *
 * The changes are what a planner does: typing a Tier 1 minimum digit by digit, moving a Tier 2
 * share split, switching the allocation basis, a company target.
 *
 *   npm run bench -- taskpane      (via run.ts)
 *   npx tsx test/bench/taskpane.bench.ts [rows]
 */
import { planPrepared, prepareSheet } from '../../src/engine/plan';
import type { PlanResult } from '../../src/engine/plan';
import { defaultSettings } from '../../src/engine/settings';
import { draftFromSettings, resolveDraft, withText } from '../../src/taskpane/model/draft';
import type { Draft } from '../../src/taskpane/model/draft';
import { classChanges, targetTotals, tierClassCounts } from '../../src/taskpane/model/preview';
import { makeCustomerSheet } from '../fixtures/customers';

const ROWS = 100_000;
const GOAL_MS = 100;

const cpuMs = (start: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
};

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { median: at(0.5), p95: at(0.95), max: s[s.length - 1] };
}

/** The edits, each applied to the draft before it. */
const EDITS: ((d: Draft) => Draft)[] = [
  ...['6', '60', '600', '60', '6', ''].map((t) => (d: Draft) => withText(d, 'thresholds.1.aPotential', t)),
  (d) => withText(d, 'thresholds.1.aPotential', '500'),
  ...['3', '35', '45', '40'].map((t) => (d: Draft) => withText(d, 'matrix.2.share', t)),
  ...['1', '10', '0', '5'].map((t) => (d: Draft) => withText(d, 'thresholds.3.bSales', t)),
  (d) => ({ ...d, base: { ...d.base, targets: { ...d.base.targets, basis: 'blend' } } }),
  (d) => ({ ...d, targetMode: 'target' as const, texts: { ...d.texts, 'targets.companyTarget': '1.2亿' } }),
  (d) => ({ ...d, base: { ...d.base, targets: { ...d.base.targets, unit: 10 } } }),
  ...['2', '20', '200', '2000'].map((t) => (d: Draft) => withText(d, 'thresholds.2.aSales', t)),
];

export async function run(rows = ROWS): Promise<void> {
  const t0 = performance.now();
  const sheet = makeCustomerSheet({ count: rows, seed: 5150, language: 'zh', products: 4, messy: true });
  const buildMs = performance.now() - t0;
  const saved = defaultSettings();

  let cpu = process.cpuUsage();
  let t = performance.now();
  const prepared = prepareSheet(sheet, saved);
  const prepareMs = performance.now() - t;
  const prepareCpu = cpuMs(cpu);
  const baseline = planPrepared(prepared, saved);
  const productCount = baseline.products.length;

  // Warm-up: a few changes, not timed.
  let draft = draftFromSettings(saved);
  for (let i = 0; i < 3; i++) planPrepared(prepared, resolveDraft(withText(draft, 'thresholds.1.aSales', String(100 + i)), 'zh', productCount).settings!);

  const wall: number[] = [];
  const cpuTimes: number[] = [];
  const parts = { resolve: [] as number[], plan: [] as number[], counts: [] as number[] };
  let last: PlanResult = baseline;
  let shown = '';
  for (const edit of EDITS) {
    draft = edit(draft);
    cpu = process.cpuUsage();
    t = performance.now();
    const resolved = resolveDraft(draft, 'zh', productCount);
    const t1 = performance.now();
    // Invalid input (a field left blank while typing) keeps the last valid preview, as the pane does.
    if (resolved.settings) last = planPrepared(prepared, resolved.settings);
    const t2 = performance.now();
    const counts = tierClassCounts(last);
    const changes = classChanges(last, baseline);
    const totals = targetTotals(last);
    const t3 = performance.now();
    wall.push(t3 - t);
    cpuTimes.push(cpuMs(cpu));
    parts.resolve.push(t1 - t);
    parts.plan.push(t2 - t1);
    parts.counts.push(t3 - t2);
    shown = `A ${counts.byClass.A} · B ${counts.byClass.B} · C ${counts.byClass.C} · none ${counts.byClass.none}; ${changes} change class; target ${totals.company}`;
  }

  const w = stats(wall);
  const c = stats(cpuTimes);
  const r = (x: number) => x.toFixed(1);
  console.log(`customers: ${prepared.columns.count.toLocaleString('en-US')} (sheet of ${rows.toLocaleString('en-US')} rows built in ${Math.round(buildMs)} ms)`);
  console.log(`read once (prepareSheet): ${Math.round(prepareMs)} ms wall, ${Math.round(prepareCpu)} ms CPU`);
  console.log(`preview per change over ${EDITS.length} changes (resolve + planPrepared + counts + totals):`);
  console.log(`  wall ms  median ${r(w.median)}  p95 ${r(w.p95)}  max ${r(w.max)}`);
  console.log(`  CPU ms   median ${r(c.median)}  p95 ${r(c.p95)}  max ${r(c.max)}`);
  console.log(
    `  parts (median ms): resolve ${r(stats(parts.resolve).median)}, planPrepared ${r(stats(parts.plan).median)}, counts + totals ${r(stats(parts.counts).median)}`,
  );
  console.log(`  last preview: ${shown}`);
  console.log(`goal: under ${GOAL_MS} ms per change: ${w.p95 < GOAL_MS ? 'met' : 'NOT met'} (p95 ${r(w.p95)} ms)`);
}

if (require.main === module) {
  const rows = Number(process.argv[2] ?? ROWS);
  run(rows).catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
