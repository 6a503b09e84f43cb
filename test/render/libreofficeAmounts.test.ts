/**
 * Issue 9, item 2: the engine and the tag formulas read every odd amount cell alike, proved in
 * LibreOffice. A sheet with truth values, hex/octal/binary text, exponents, "Infinity", "NaN",
 * leading "+", dates (as numbers and as text), 18-digit IDs and numbers past the bound is
 * planned, written without cached results, recalculated by LibreOffice, and every row's tags
 * compared with the engine's. Then a teammate types TRUE and an ID into rows that were fine,
 * LibreOffice recalculates, and the tags equal the engine run on the edited sheet.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tierIdCell } from '../../src/engine/tiers';
import { MAX_AMOUNT_WAN } from '../../src/engine/amounts';
import type { PlanResult } from '../../src/engine/plan';
import { plan } from '../../src/engine/plan';
import { defaultSettings } from '../../src/engine/settings';
import type { CellValue, SheetData } from '../../src/engine/types';
import { openXlsx } from '../../src/hosts/xlsx';
import { COVERAGE_LABELS, MODE_LABELS } from '../../src/i18n/engine';
import { TAG_COLUMNS } from '../../src/i18n/render';
import type { TagColumn } from '../../src/i18n/render';
import { renderPlan, withoutTagColumns } from '../../src/render';
import type { ColumnBlock, SpecCell, WorkbookWrite } from '../../src/spec/write';
import { valuesWorkbook } from '../fixtures/xlsxBuilder';
import { recalcWithLibreOffice } from '../support/libreoffice';
import { describeWhen, hasLibreOffice } from '../support/requirements';

jest.setTimeout(300_000);

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'abc-lo-amounts-'));
});
afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

const HEAD = ['客户名称', '城市', '行业', '客户年市场销售额', '公司销售额'];

/** The odd cells, each as potential (with sales 300) and as our sales (with potential 900). */
const ODD: CellValue[] = [
  true,
  false,
  'TRUE',
  '0x1F',
  '0X1f',
  '0o17',
  '0b11',
  '1e3',
  '1E3',
  '1e-2',
  'Infinity',
  '-Infinity',
  'NaN',
  '1e400',
  '9'.repeat(309),
  '+500',
  '+ 500',
  ' 500 ',
  '1_000',
  '2024-01-05',
  '2024/1/5',
  45_292, // 2024-01-01 as a date serial: a number to both
  110101199001011234, // an 18-digit ID, as a number
  '110101199001011234', // … and as text
  1e16,
  MAX_AMOUNT_WAN, // the bound itself is an amount
  MAX_AMOUNT_WAN + 1,
  -5,
  '(5)',
  0,
  '',
  '#N/A',
];

function oddSheet(): SheetData {
  const values: CellValue[][] = [HEAD];
  ODD.forEach((v, i) => {
    values.push([`潜力${i}`, '北京', '银行', v, 300]);
    values.push([`销售${i}`, '上海', '银行', 900, v]);
  });
  // Ordinary rows, so every class occurs.
  for (let i = 0; i < 12; i++) values.push([`客户${i}`, ['北京', '西安', '淄博'][i % 3], '企业', [800, 120, 10][i % 3], [300, 40, 1][i % 3]]);
  return { name: '客户', values, firstRow: 1, firstColumn: 1 };
}

function withoutCache(write: WorkbookWrite): WorkbookWrite {
  const noCache = (c: SpecCell): SpecCell => (c && (c.kind === 'formula' || c.kind === 'fill') ? { ...c, cached: undefined } : c);
  return {
    ...write,
    columns: write.columns.map((b) => ({ ...b, cells: b.cells.map((r) => r.map(noCache)) })),
    addSheets: write.addSheets.map((s) => ({ ...s, rows: s.rows.map((r) => r.map(noCache)) })),
  };
}

async function recalc(bytes: Uint8Array, name: string): Promise<SheetData> {
  const input = path.join(dir, `${name}.xlsx`);
  await fs.writeFile(input, bytes);
  const out = await recalcWithLibreOffice(input, path.join(dir, `${name}-out`));
  return await openXlsx(new Uint8Array(await fs.readFile(out))).readSheet('客户');
}

const blankToNull = (v: CellValue | undefined): CellValue => (v === undefined || v === '' ? null : v);

/** Every row's helper amounts and tags, spreadsheet against engine; returns the mismatches. */
function mismatches(recalculated: SheetData, result: PlanResult, block: ColumnBlock): string[] {
  const out: string[] = [];
  for (const c of result.customers) {
    const at = (t: TagColumn) => blankToNull(recalculated.values[c.row - recalculated.firstRow]?.[block.firstColumn + TAG_COLUMNS.indexOf(t) - recalculated.firstColumn]);
    const want: Record<TagColumn, CellValue> = {
      city: c.city,
      potential: c.potential,
      ourSales: c.ourSales,
      tier: tierIdCell(c.tier), // the id as the settings sheet writes it: 1, not \"1\"
      class: c.class,
      coverage: c.coverage && COVERAGE_LABELS.zh[c.coverage],
      mode: c.mode && MODE_LABELS.zh[c.mode],
    };
    for (const t of TAG_COLUMNS) {
      const got = at(t);
      const w = want[t];
      const same = typeof got === 'number' && typeof w === 'number' ? Math.abs(got - w) <= 1e-9 * Math.max(1, Math.abs(w)) : got === w;
      if (!same) out.push(`row ${c.row} (${JSON.stringify(recalculated.values[c.row - 1]?.slice(3, 5))}) ${t}: spreadsheet ${JSON.stringify(got)}, engine ${JSON.stringify(w)}`);
    }
  }
  return out;
}

describeWhen('LibreOffice and the engine read odd amount cells alike', hasLibreOffice(), 'soffice; apt-get install -y --no-install-recommends libreoffice-calc-nogui', () => {
  it('as written, and after a teammate types TRUE and an ID into amount cells', async () => {
    const sheet = oddSheet();
    const bytes = valuesWorkbook([{ name: sheet.name, values: sheet.values }]);
    const workbook = openXlsx(bytes);
    const read = await workbook.readSheet(sheet.name);
    const settings = defaultSettings();
    const result = plan(read, settings);
    // What the engine decided, so the comparison is not vacuous: odd cells are no amounts, the bound is one.
    const classOf = (name: string) => result.customers.find((c) => c.name === name)!.class;
    expect(classOf(`潜力${ODD.indexOf(true)}`)).toBeNull();
    expect(classOf(`潜力${ODD.indexOf('0x1F')}`)).toBeNull();
    expect(classOf(`潜力${ODD.indexOf(110101199001011234)}`)).toBeNull();
    expect(classOf(`潜力${ODD.indexOf('1e3')}`)).toBe('A');
    expect(classOf(`潜力${ODD.indexOf('+500')}`)).toBe('A');
    expect(classOf(`潜力${ODD.indexOf(45_292)}`)).toBe('A');
    expect(classOf(`潜力${ODD.indexOf(MAX_AMOUNT_WAN)}`)).toBe('A');
    expect(result.issues.filter((i) => i.key === 'amount-too-large').length).toBeGreaterThanOrEqual(10);

    const write = renderPlan(result, settings, { sheetNames: [sheet.name], names: (await workbook.listNames()), proof: [], customerSheet: read });
    await workbook.apply(withoutCache(write));
    const block = write.columns.at(-1)!;
    const once = await recalc(workbook.toBytes(), 'odd-1');
    expect(mismatches(once, result, block)).toEqual([]);

    // A teammate edits amounts that were fine: TRUE, an ID, a number past the bound in 万元.
    const ordinary = result.customers.filter((c) => c.name.startsWith('客户')).map((c) => c.row);
    const typed: [number, number, CellValue][] = [
      [ordinary[0], 4, true],
      [ordinary[1], 5, true],
      [ordinary[2], 4, 110101199001011234],
      [ordinary[3], 5, MAX_AMOUNT_WAN * 10],
    ];
    const cell = (v: CellValue): SpecCell => (typeof v === 'boolean' ? { kind: 'bool', value: v } : { kind: 'number', value: v as number });
    await workbook.apply({ removeSheets: [], addSheets: [], removeNames: [], addNames: [], columns: typed.map(([row, column, v]) => ({ sheet: sheet.name, firstRow: row, firstColumn: column, cells: [[cell(v)]] })) });
    // As a re-plan reads it: our earlier tag cells blanked, so no tag column is taken for a field.
    const edited = withoutTagColumns(await workbook.readSheet(sheet.name), await workbook.listNames(), result.headerRow);
    const replanned = plan(edited, settings);
    for (const [row] of typed) expect(replanned.customers.find((c) => c.row === row)!.class).toBeNull();
    const twice = await recalc(workbook.toBytes(), 'odd-2');
    expect(mismatches(twice, replanned, block)).toEqual([]);
  });
});
