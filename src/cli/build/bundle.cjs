/**
 * The compiled `abc-planner` command: src/cli/main.ts and everything it imports (engine,
 * renderer, .xlsx host, fflate, saxes, zod) bundled by esbuild into one CommonJS file for
 * Node 20, dist-cli/abc-planner.cjs, so that the command starts without compiling TypeScript.
 *
 *   node src/cli/build/bundle.cjs     (npm run build:cli; npm install and npm ci run it as "prepare")
 *
 * Beside the bundle it writes the list of source files it was built from (dist-cli/inputs.json):
 * staleInput() compares them with the bundle, so that the launcher (../abc-planner.js) and the
 * tests never run a bundle older than the sources. Plain CommonJS (no TypeScript) because it
 * runs before anything is compiled; esbuild is loaded only to build.
 */
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports */
const fs = require('node:fs');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..', '..', '..');
const OUT_DIR = path.join(REPO, 'dist-cli');
const BUNDLE = path.join(OUT_DIR, 'abc-planner.cjs');
const INPUTS = path.join(OUT_DIR, 'inputs.json');
const ENTRY = 'src/cli/main.ts';

/**
 * Why the bundle cannot be run as it is: `{ missing: true }` when it (or its list of inputs) is
 * not there, `{ changed: 'src/…' }` for the first source file changed (or gone) since it was
 * built; null when it is up to date. Packages under node_modules are not checked: npm install
 * rebuilds the bundle whenever they change.
 */
function staleInput() {
  let built;
  let inputs;
  try {
    built = fs.statSync(BUNDLE).mtimeMs;
    inputs = JSON.parse(fs.readFileSync(INPUTS, 'utf8'));
  } catch {
    return { missing: true };
  }
  if (!Array.isArray(inputs)) return { missing: true };
  for (const rel of inputs) {
    let changed;
    try {
      changed = fs.statSync(path.join(REPO, rel)).mtimeMs;
    } catch {
      return { changed: rel };
    }
    if (changed > built) return { changed: rel };
  }
  return null;
}

/** Builds the bundle (with a source map, used under --debug) and its list of inputs. */
async function buildCli() {
  const esbuild = require('esbuild');
  const started = new Date();
  const result = await esbuild.build({
    absWorkingDir: REPO,
    entryPoints: [ENTRY],
    outfile: BUNDLE,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
    write: false,
  });
  // Each file written under a temporary name and renamed: a command started meanwhile (another
  // test run, a planner) runs the old build or the new one, never half of one. The bundle is
  // dated when the build began, so that a source saved while esbuild was reading counts as newer.
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const out of result.outputFiles) {
    const temp = `${out.path}.${process.pid}.tmp`;
    fs.writeFileSync(temp, out.contents);
    if (out.path === BUNDLE) fs.utimesSync(temp, started, started);
    fs.renameSync(temp, out.path);
  }
  const inputs = Object.keys(result.metafile.inputs)
    .filter((p) => !p.split('/').includes('node_modules'))
    .sort();
  const temp = `${INPUTS}.${process.pid}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(inputs, null, 1) + '\n');
  fs.renameSync(temp, INPUTS);
  return { bundle: BUNDLE, inputs: inputs.length, bytes: fs.statSync(BUNDLE).size };
}

/** Builds only when staleInput() says so (the tests' global setup, the bench). */
async function ensureCli() {
  const stale = staleInput();
  if (stale) await buildCli();
  return stale;
}

module.exports = { BUNDLE, REPO, staleInput, buildCli, ensureCli };

if (require.main === module) {
  const t0 = Date.now();
  buildCli().then(
    (r) => console.log(`abc-planner: built ${path.relative(REPO, r.bundle)} (${(r.bytes / 1024).toFixed(0)} KB from ${r.inputs} source files) in ${Date.now() - t0} ms`),
    (e) => {
      console.error(`abc-planner: could not build the command (${path.relative(REPO, BUNDLE)}): ${e && e.message ? e.message : e}`);
      process.exitCode = 1;
    },
  );
}
