/**
 * Issue 15: Strict Open XML workbooks (ISO/IEC 29500 Strict, as Excel's "Strict Open XML
 * Spreadsheet" and Apache POI's sample.strict.xlsx / SimpleStrict.xlsx, SheetJS's
 * sheet_visibility_strict.xlsx are written). We read them, and everything a plan writes into one
 * (new sheets, workbook.xml edits, relationships, styles, the customer sheet's new cells and
 * shared formulas) is in Strict's namespaces: no Transitional SpreadsheetML namespace or
 * relationship type mixed in. The package layer ([Content_Types].xml, `_rels` parts) is the
 * same in both classes.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CellValue } from '../../../src/engine/types';
import { openXlsx } from '../../../src/hosts/xlsx';
import { STRICT, TRANSITIONAL } from '../../../src/hosts/xlsx/conformance';
import { openPackage } from '../../../src/hosts/xlsx/package';
import { customerRows } from '../../fixtures/xlsxBuilder';
import { recalcWithLibreOffice } from '../../support/libreoffice';
import { describeWhen, hasLibreOffice } from '../../support/requirements';
import { removeDir, run, tempDir } from '../../cli/helpers';
import { emptyWrite, parts } from './helpers';
import { namespaceWorkbook, STRICT_NS, type NamespaceVariant } from './namespaceFixtures';
import { checkWrittenParts } from './wellFormed';

jest.setTimeout(180_000);

const CUSTOMERS = customerRows(40, 3);
const OPC = ['http://schemas.openxmlformats.org/package/2006/content-types', 'http://schemas.openxmlformats.org/package/2006/relationships'];
const TRANSITIONAL_URI = /schemas\.openxmlformats\.org\/(spreadsheetml|officeDocument)[^"<]*/g;

/** Plans `bytes` with the command (`abc-planner plan in.xlsx --out out.xlsx`); returns the output. */
async function plan(dir: string, bytes: Uint8Array, name: string): Promise<Uint8Array> {
  await fs.writeFile(path.join(dir, `${name}.xlsx`), bytes);
  const r = await run(['plan', `${name}.xlsx`, '--out', `${name}-out.xlsx`], { cwd: dir });
  expect([r.code, r.stderr]).toEqual([0, expect.any(String)]);
  return new Uint8Array(await fs.readFile(path.join(dir, `${name}-out.xlsx`)));
}

/** Checks that every part `after` adds or changes is namespace-well-formed and Strict only. */
function expectStrictOnly(before: Uint8Array, after: Uint8Array): void {
  const checked = checkWrittenParts(before, after);
  expect(checked.size).toBeGreaterThan(3);
  const all = parts(after);
  for (const [name, found] of checked) {
    const allowed = name.endsWith('.rels') || name === '[Content_Types].xml' ? OPC : [STRICT.spreadsheetml];
    expect([name, [...found.elements].filter((u) => !allowed.includes(u))]).toEqual([name, []]);
    expect([name, [...found.attributes].filter((u) => u !== STRICT.relationships)]).toEqual([name, []]);
    const xml = new TextDecoder().decode(all[name]!);
    expect([name, xml.match(TRANSITIONAL_URI)]).toEqual([name, null]);
  }
  // Every relationship of the workbook, ours too, has a Strict type.
  const pkg = openPackage(after);
  for (const rel of pkg.workbookRels.list()) expect(rel.type).toBe(`${STRICT.relationships}/${rel.kind}`);
}

describe.each<[string, NamespaceVariant]>([
  ['a Strict workbook', { strict: true }],
  ['a Strict workbook with prefixed elements and the relationships namespace on each <sheet>', { strict: true, mainPrefix: 'x', relDecl: 'per-sheet' }],
  ['a Strict workbook without a styles part', { strict: true, noStyles: true }],
])('%s', (_label, variant) => {
  const input = namespaceWorkbook(variant, CUSTOMERS);
  let dir: string;
  let out: Uint8Array;
  beforeAll(async () => {
    dir = await tempDir('abc-strict-');
    out = await plan(dir, input.bytes, 'strict');
  });
  afterAll(() => removeDir(dir));

  test('opens as Strict and reads: the sheet list, shared strings, numbers', async () => {
    const pkg = openPackage(input.bytes);
    expect(pkg.namespaces).toBe(STRICT);
    expect(pkg.sheets.map((s) => [s.name, s.kind])).toEqual([['客户', 'worksheet'], ['说明', 'worksheet']]);
    expect(pkg.sharedStringsPart).toBe('xl/sharedStrings.xml');
    const wb = openXlsx(input.bytes);
    expect((await wb.readSheet('客户')).values).toEqual(CUSTOMERS);
    expect((await wb.readSheet('说明')).values).toEqual([['这是说明']]);
  });

  test('plans: our sheets, names and tag columns are there and read back', async () => {
    const wb = openXlsx(out);
    const names = (await wb.listSheets()).map((s) => s.name);
    expect(names.slice(0, 2)).toEqual(['客户', '说明']);
    expect(names).toContain('ABC 设置');
    expect((await wb.listNames()).map((n) => n.name)).toContain('ABC_Thresholds');
    const customers = (await wb.readSheet('客户')).values;
    expect(customers[0]).toEqual(expect.arrayContaining(['城市级别', '客户级别', '覆盖方式', '管理模式']));
    expect(customers.slice(1).map((r) => r[CUSTOMERS[0]!.length + 4])).toEqual(CUSTOMERS.slice(1).map(() => expect.stringMatching(/^[ABC]$/)));
    // The customers' own cells are as they were.
    expect(customers.map((r) => r.slice(0, CUSTOMERS[0]!.length))).toEqual(CUSTOMERS);
  });

  test('every part the plan wrote is namespace-well-formed and uses only Strict namespaces and relationship types', () => {
    expectStrictOnly(input.bytes, out);
    const checked = checkWrittenParts(input.bytes, out);
    // The customer sheet's new cells and shared formulas are Strict SpreadsheetML elements.
    expect([...checked.get('xl/worksheets/sheet1.xml')!.names]).toEqual(expect.arrayContaining([`{${STRICT_NS.main}}c`, `{${STRICT_NS.main}}f`, `{${STRICT_NS.main}}is`]));
    expect(openPackage(out).namespaces).toBe(STRICT);
    expect(new TextDecoder().decode(parts(out)['xl/workbook.xml']!)).toContain('conformance="strict"');
  });

  test('a re-plan of the output replaces our sheets and stays Strict', async () => {
    const again = await plan(dir, out, 'again');
    checkWrittenParts(out, again);
    expectStrictOnly(input.bytes, again);
    const wb = openXlsx(again);
    expect((await wb.listSheets()).map((s) => s.name)).toEqual((await openXlsx(out).listSheets()).map((s) => s.name));
  });
});

test('a Transitional workbook still gets Transitional parts (the class follows the workbook)', async () => {
  const input = namespaceWorkbook({ noStyles: true }, CUSTOMERS);
  const wb = openXlsx(input.bytes);
  await wb.apply(emptyWrite({ addSheets: [{ name: 'ABC 设置', rows: [[{ kind: 'text', text: '阈值', style: 'header' }]] }] }));
  const pkg = openPackage(wb.toBytes());
  expect(pkg.namespaces).toBe(TRANSITIONAL);
  for (const rel of pkg.workbookRels.list()) expect(rel.type).toBe(`${TRANSITIONAL.relationships}/${rel.kind}`);
  for (const [name, found] of checkWrittenParts(input.bytes, wb.toBytes())) {
    if (!name.endsWith('.rels') && name !== '[Content_Types].xml') expect([name, [...found.elements]]).toEqual([name, [TRANSITIONAL.spreadsheetml]]);
  }
});

describeWhen('LibreOffice (soffice)', hasLibreOffice(), 'apt-get install --no-install-recommends libreoffice-calc-nogui', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir('abc-strict-lo-');
  });
  afterAll(() => removeDir(dir));

  test('opens a planned Strict workbook, shows our sheets and computes our formulas as the engine did', async () => {
    const out = await plan(dir, namespaceWorkbook({ strict: true, mainPrefix: 'x', relDecl: 'per-sheet' }, CUSTOMERS).bytes, 'lo');
    const ours = openXlsx(out);
    const back = openXlsx(new Uint8Array(await fs.readFile(await recalcWithLibreOffice(path.join(dir, 'lo-out.xlsx'), path.join(dir, 'recalc')))));
    expect((await back.listSheets()).map((s) => s.name)).toEqual((await ours.listSheets()).map((s) => s.name));
    const rounded = (rows: CellValue[][]): CellValue[][] => rows.map((r) => r.map((v) => (typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v)));
    // The tag columns are live formulas over the settings sheet's names: LibreOffice's results
    // (recalculated on load) are the engine's cached ones.
    expect(rounded((await back.readSheet('客户')).values)).toEqual(rounded((await ours.readSheet('客户')).values));
    expect(rounded((await back.readSheet('ABC 设置')).values)).toEqual(rounded((await ours.readSheet('ABC 设置')).values));
  });
});
