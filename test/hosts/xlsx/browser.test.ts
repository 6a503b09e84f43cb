/**
 * The host (all but node.ts) must run in a browser: bundle it for the browser platform and run
 * it in a bare VM context that has no Node APIs (no require, process, Buffer, fs, zlib).
 */
import vm from 'node:vm';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { richWorkbook } from '../../fixtures/xlsxBuilder';

test('bundles for the browser and reads and writes without Node APIs', async () => {
  const result = buildSync({
    entryPoints: [path.resolve(__dirname, '../../../src/hosts/xlsx/index.ts')],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    globalName: 'xlsxHost',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.text;
  expect(code).not.toMatch(/require\(["'](node:)?(fs|path|zlib|crypto)["']\)/);
  const context = vm.createContext({ TextDecoder, TextEncoder, console });
  vm.runInContext(code, context);
  const run = vm.runInContext(
    `async (bytes) => {
      const wb = xlsxHost.openXlsx(bytes, 'plan.xlsx');
      const before = (await wb.readSheet('客户')).values[1];
      await wb.apply({ removeSheets: [], addSheets: [{ name: 'ABC', rows: [[{ kind: 'text', text: '=1+1' }]] }], columns: [], removeNames: [], addNames: [] });
      return { before, after: (await wb.readSheet('ABC')).values, size: wb.toBytes().length, hasProcess: typeof process, hasRequire: typeof require };
    }`,
    context,
  ) as (bytes: Uint8Array) => Promise<{ before: unknown[]; after: unknown[][]; size: number; hasProcess: string; hasRequire: string }>;
  const bytes = richWorkbook().bytes;
  const out = await run(new (vm.runInContext('Uint8Array', context) as typeof Uint8Array)(bytes));
  expect(out.hasProcess).toBe('undefined');
  expect(out.hasRequire).toBe('undefined');
  expect(out.before).toEqual(['北京银行', '北京', 123.5, 45000, true, 247, null, null]);
  expect(out.after).toEqual([['=1+1']]);
  expect(out.size).toBeGreaterThan(1000);
});
