#!/usr/bin/env node
// The `abc-planner` command (package.json "bin"). It runs the compiled command,
// dist-cli/abc-planner.cjs, which `npm install` and `npm ci` build (the "prepare" script; by hand:
// `npm run build:cli`). When that file is missing, or a source file changed since it was built,
// it says so and stops: running an old build would hide the change, and compiling TypeScript at
// every start (as tsx did) costs more than half a second. Both languages: the message comes
// before the command's own language handling is loaded.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports */
const path = require('node:path');
const { BUNDLE, REPO, staleInput } = require('./build/bundle.cjs');

const stale = staleInput();
if (stale) {
  const bundle = path.relative(REPO, BUNDLE);
  const zh = stale.missing ? `找不到编译好的命令 ${bundle}` : `编译好的命令 ${bundle} 比源文件 ${stale.changed} 旧`;
  const en = stale.missing ? `the compiled command ${bundle} is missing` : `the compiled command ${bundle} is older than the source file ${stale.changed}`;
  process.stderr.write(
    `错误：${zh}。请在 ${REPO} 中运行 npm run build:cli（或 npm install），然后再试。\n` +
      `Error: ${en}. Run npm run build:cli (or npm install) in ${REPO}, then try again.\n`,
  );
  process.exitCode = 1;
} else {
  // Stack traces name the TypeScript sources only when asked for (--debug): source maps cost start-up.
  if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);
  require(BUNDLE).cli();
}
