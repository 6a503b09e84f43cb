#!/usr/bin/env node
// The `abc-planner` command (package.json "bin"). It runs the TypeScript sources through tsx's
// require hook, so a clean clone works after `npm install` with no build step.
'use strict';
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('tsx/cjs/api').register();
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('./main.ts').cli();
