/**
 * The .xlsx host against exceljs on a generated 100,000-customer workbook (shared strings as
 * Excel writes them). Each case runs in its own child process so that peak memory is its own:
 *   ours-read          open + read the customer sheet's values
 *   ours-write         open + add a 100,000-row sheet + write the copy to disk
 *   exceljs-read       exceljs readFile + the sheet's values
 *   exceljs-readwrite  exceljs readFile + the same new sheet + writeFile
 * Goals (issue 3): read ≥ 3× faster than exceljs's read; write faster than exceljs read+write;
 * memory below exceljs's.
 *
 *   npx tsx test/bench/xlsx-host.bench.ts            (or run() from test/bench/run.ts)
 *   XLSX_BENCH_ROWS=20000 XLSX_BENCH_REPEAT=3 …      (smaller file, best of 3)
 */
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SheetSpec, SpecCell } from '../../src/spec/write';
import { customerRows, valuesWorkbook } from '../fixtures/xlsxBuilder';

const SHEET = '客户清单';
const CASES = ['ours-read', 'ours-write', 'exceljs-read', 'exceljs-readwrite'] as const;
type Case = (typeof CASES)[number];

interface Measure {
  case: Case;
  ms: number;
  cpuMs: number;
  peakRssMb: number;
  heapUsedMb: number;
  check: string;
}

const REPO = path.resolve(__dirname, '..', '..');

/** The new sheet both writers add: the customers with tag columns (text, numbers, formulas). */
function newSheetRows(count: number): SpecCell[][] {
  const rows = customerRows(count, 7);
  const out: SpecCell[][] = [[
    { kind: 'text', text: '客户名称', style: 'header' },
    { kind: 'text', text: '城市', style: 'header' },
    { kind: 'text', text: '客户年市场销售额（万元）', style: 'header' },
    { kind: 'text', text: '公司销售额（万元）', style: 'header' },
    { kind: 'text', text: '份额', style: 'header' },
    { kind: 'text', text: '等级', style: 'header' },
  ]];
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i]!;
    const potential = r[3] as number;
    const ours = r[4] as number;
    const row = i + 1;
    out.push([
      { kind: 'text', text: r[0] as string },
      { kind: 'text', text: r[1] as string },
      { kind: 'number', value: potential, style: 'wan' },
      { kind: 'number', value: ours, style: 'wan' },
      { kind: 'formula', formula: `IFERROR(D${row}/C${row},0)`, cached: potential ? ours / potential : 0, style: 'percent' },
      { kind: 'formula', formula: `IF(C${row}>=500,"A",IF(C${row}>=100,"B","C"))`, cached: potential >= 500 ? 'A' : potential >= 100 ? 'B' : 'C' },
    ]);
  }
  return out;
}

function toExceljsValue(c: SpecCell): unknown {
  if (c === null) return null;
  switch (c.kind) {
    case 'text':
      return c.text;
    case 'number':
    case 'bool':
      return c.value;
    case 'formula':
      return { formula: c.formula, result: c.cached ?? undefined };
  }
}

async function runCase(which: Case, file: string, count: number): Promise<Measure> {
  const spec: SheetSpec | undefined = which.endsWith('write')
    ? { name: 'ABC 客户分级', rows: newSheetRows(count), columnWidths: [24, 8, 14, 14, 8, 6], freeze: { rows: 1, columns: 1 } }
    : undefined;
  const outFile = path.join(path.dirname(file), `out-${which}.xlsx`);
  await fs.rm(outFile, { force: true });
  // Load the code before the clock starts: the cases measure work, not module loading.
  const ours = await import('../../src/hosts/xlsx/node');
  const ExcelJS = (await import('exceljs')).default;
  if (global.gc) global.gc();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let check = '';
  let keep: unknown;
  if (which === 'ours-read' || which === 'ours-write') {
    const { readXlsxFile, writeFileAtomic } = ours;
    const wb = await readXlsxFile(file);
    if (which === 'ours-read') {
      const s = await wb.readSheet(SHEET);
      keep = s;
      check = `${s.values.length} rows × ${s.values[0]?.length ?? 0}`;
    } else {
      await wb.apply({ removeSheets: [], addSheets: [spec!], columns: [], removeNames: [], addNames: [] });
      await writeFileAtomic(outFile, wb.toBytes(), { inputPath: file });
      keep = wb;
      check = `${(await fs.stat(outFile)).size} bytes`;
    }
  } else {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet(SHEET)!;
    const values = ws.getSheetValues();
    keep = values;
    check = `${values.length - 1} rows`;
    if (which === 'exceljs-readwrite') {
      const nws = wb.addWorksheet(spec!.name, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
      for (const r of spec!.rows) nws.addRow(r.map(toExceljsValue));
      await wb.xlsx.writeFile(outFile);
      check = `${(await fs.stat(outFile)).size} bytes`;
    }
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const heapUsedMb = process.memoryUsage().heapUsed / 1048576;
  void keep;
  return {
    case: which,
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    heapUsedMb,
    check,
  };
}

function spawnCase(which: Case, file: string, count: number): Promise<Measure> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', __filename, '--case', which, file, String(count)], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (code !== 0 || !line) reject(new Error(`${which} failed (exit ${code}): ${out}`));
      else resolve(JSON.parse(line) as Measure);
    });
  });
}

function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export async function run(): Promise<void> {
  const count = Number(process.env.XLSX_BENCH_ROWS ?? 100_000);
  const repeat = Math.max(1, Number(process.env.XLSX_BENCH_REPEAT ?? 1));
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'xlsx-bench-'));
  try {
    const file = path.join(dir, 'customers.xlsx');
    const t = performance.now();
    await fs.writeFile(file, valuesWorkbook([{ name: SHEET, values: customerRows(count) }]));
    const size = (await fs.stat(file)).size;
    console.log(`\n.xlsx host benchmark: ${fmt(count)} customers × 10 columns, ${fmt(size / 1048576, 1)} MB (generated in ${fmt(performance.now() - t)} ms)`);
    console.log(`node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; best of ${repeat}; each case in its own process\n`);

    const results = new Map<Case, Measure>();
    for (let k = 0; k < repeat; k++) {
      for (const c of CASES) {
        const m = await spawnCase(c, file, count);
        const best = results.get(c);
        if (!best || m.ms < best.ms) results.set(c, m);
      }
    }
    const rows = CASES.map((c) => results.get(c)!);
    console.log('| case | time (ms) | CPU (ms) | peak RSS (MB) | heap after (MB) | check |');
    console.log('|---|---:|---:|---:|---:|---|');
    for (const m of rows) console.log(`| ${m.case} | ${fmt(m.ms)} | ${fmt(m.cpuMs)} | ${fmt(m.peakRssMb)} | ${fmt(m.heapUsedMb)} | ${m.check} |`);

    const get = (c: Case): Measure => results.get(c)!;
    const readRatio = get('exceljs-read').ms / get('ours-read').ms;
    const readCpuRatio = get('exceljs-read').cpuMs / get('ours-read').cpuMs;
    const writeRatio = get('exceljs-readwrite').ms / get('ours-write').ms;
    const memRead = get('exceljs-read').peakRssMb / get('ours-read').peakRssMb;
    const memWrite = get('exceljs-readwrite').peakRssMb / get('ours-write').peakRssMb;
    const goal = (ok: boolean): string => (ok ? 'met' : 'MISSED');
    console.log('');
    console.log(`read:  exceljs / ours = ${readRatio.toFixed(1)}× time (${readCpuRatio.toFixed(1)}× CPU)   goal ≥ 3×: ${goal(readRatio >= 3)}`);
    console.log(`write: exceljs read+write / ours read+write = ${writeRatio.toFixed(1)}× time   goal > 1×: ${goal(writeRatio > 1)}`);
    console.log(`peak RSS: exceljs / ours = ${memRead.toFixed(1)}× (read), ${memWrite.toFixed(1)}× (write)   goal > 1×: ${goal(memRead > 1 && memWrite > 1)}`);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const i = process.argv.indexOf('--case');
  if (i >= 0) {
    const which = process.argv[i + 1] as Case;
    const file = process.argv[i + 2]!;
    const count = Number(process.argv[i + 3]);
    runCase(which, file, count)
      .then((m) => {
        process.stdout.write(JSON.stringify(m) + '\n');
        process.exit(0);
      })
      .catch((e: unknown) => {
        console.error(e);
        process.exit(1);
      });
  } else {
    run().catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
  }
}
