/**
 * `npm run bench`: runs each bench module in turn. A module exports `run(): Promise<void>`;
 * one not written yet is skipped with a note, so this script works whichever exist.
 *   npm run bench                 all of them
 *   npm run bench -- engine       only those whose file name contains "engine"
 */
import fs from 'node:fs';
import path from 'node:path';

const MODULES = ['engine.bench.ts', 'xlsx-host.bench.ts', 'excel-host.bench.ts', 'taskpane.bench.ts', 'cli.bench.ts'];

interface BenchModule {
  run?: () => Promise<void>;
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  for (const file of MODULES) {
    if (only.length && !only.some((o) => file.includes(o))) continue;
    const full = path.join(__dirname, file);
    if (!fs.existsSync(full)) {
      console.log(`\n== ${file}: not there yet, skipped`);
      continue;
    }
    console.log(`\n== ${file}`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(full) as BenchModule;
    if (typeof mod.run !== 'function') throw new Error(`${file} does not export run()`);
    const started = Date.now();
    await mod.run();
    console.log(`== ${file} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
