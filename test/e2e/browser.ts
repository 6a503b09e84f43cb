/**
 * The browser tests' machinery (playwright-core with Debian's Chromium): build the pane with
 * webpack (production, the repo's own config) plus the Excel fake's page script, serve the
 * build on 127.0.0.1, and open it with the flags of DESIGN.md.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { CHROMIUM_PATH, REPO_ROOT } from '../support/requirements';

export const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts', 'e2e');

/** Webpack the pane (as `npm run build` does) and the fake into `outDir`. */
export async function buildPane(outDir: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require('webpack') as typeof import('webpack');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(path.join(REPO_ROOT, 'webpack.config.js')) as (env: unknown, argv: { mode: string }) => import('webpack').Configuration;
  const app = makeConfig({}, { mode: 'production' });
  app.context = REPO_ROOT;
  // Two compilers write here: cleaning would let the app remove the fake's script.
  app.output = { ...app.output, path: outDir, clean: false };
  app.performance = { hints: false };
  app.devtool = false;
  const fake: import('webpack').Configuration = {
    name: 'fake-excel',
    context: REPO_ROOT,
    mode: 'development',
    devtool: false,
    entry: { 'e2e-fake-excel': './test/e2e/fakeExcelPage.ts' },
    output: { path: outDir, filename: '[name].js', library: { name: 'AbcFakeExcel', type: 'window' } },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext' } } } }],
    },
  };
  await new Promise<void>((resolve, reject) => {
    webpack([app, fake], (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** A static server over `dir` on 127.0.0.1 (a free port); it records every path asked for. */
export async function serve(dir: string): Promise<{ url: string; requests: string[]; close: () => Promise<void> }> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname);
    const file = path.join(dir, decodeURIComponent(url.pathname));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export async function launch(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export type Server = Awaited<ReturnType<typeof serve>>;

/**
 * One suite's pane in Chromium: built before the suite (or the build in ABC_E2E_DIST reused),
 * served on 127.0.0.1 and opened in a browser; all of it closed and removed after. Call inside a
 * describe block; read the fields from tests (they are set once beforeAll has run).
 */
export function paneSuite(prefix: string): { readonly dist: string; readonly server: Server; readonly browser: Browser } {
  const suite: { dist?: string; server?: Server; browser?: Browser } = {};
  beforeAll(async () => {
    suite.dist = process.env.ABC_E2E_DIST ?? tempDir(prefix);
    if (!fs.existsSync(path.join(suite.dist, 'e2e-fake-excel.js'))) await buildPane(suite.dist);
    suite.server = await serve(suite.dist);
    suite.browser = await launch();
    fs.mkdirSync(ARTIFACTS, { recursive: true });
  }, 240_000);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
    if (!process.env.ABC_E2E_DIST && suite.dist) fs.rmSync(suite.dist, { recursive: true, force: true });
  });
  return {
    get dist() {
      return suite.dist!;
    },
    get server() {
      return suite.server!;
    },
    get browser() {
      return suite.browser!;
    },
  };
}
