/**
 * Jest's global setup: builds the compiled command (dist-cli/abc-planner.cjs) when it is missing
 * or older than a source file, before any test starts it through its launcher as a user does
 * (test/cli/process.test.ts, test/cli/fileProcesses.test.ts). One build for the whole run, so
 * test files running side by side never build it at once.
 */
'use strict';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureCli } = require('../../src/cli/build/bundle.cjs');

module.exports = async function buildCompiledCommand() {
  await ensureCli();
};
