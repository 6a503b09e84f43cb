/**
 * The key test: the tag formulas compute what the engine computes, in a real spreadsheet.
 * A realistic messy customer sheet is planned, written with the .xlsx host (with the cached
 * results stripped, so every value read back was computed by LibreOffice), recalculated in
 * LibreOffice headless, and its tag columns compared with the engine row by row. Then a
 * threshold, a matrix split and cities' tiers are changed in the settings sheet's cells, the
 * workbook recalculated again, and the tags compared with the engine run on the settings read
 * back from that sheet.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import { unzipSync } from 'fflate';
import path from 'node:path';
import { tierIdCell } from '../../src/engine/tiers';
import { planCustomerSheet, renderWrite } from '../../src/app/plan';
import { viewWorkbook } from '../../src/app/workbook';
import { writeAll } from '../../src/app/write';
import type { PlanResult } from '../../src/engine/plan';
import { plan } from '../../src/engine/plan';
import type { Settings } from '../../src/engine/settings';
import { defaultSettings } from '../../src/engine/settings';
import type { CellValue, SheetData } from '../../src/engine/types';
import { openXlsx } from '../../src/hosts/xlsx';
import { COVERAGE_LABELS, MODE_LABELS } from '../../src/i18n/engine';
import type { TagColumn } from '../../src/i18n/render';
import { SHEET_NAMES, TAG_COLUMNS } from '../../src/i18n/render';
import { FORMULA_NAMES, parseRef, settingsFromSheet } from '../../src/render';
import type { ColumnBlock, SpecCell, WorkbookWrite } from '../../src/spec/write';
import { makeCustomerSheet } from '../fixtures/customers';
import { FIVE_TIERS, fiveTierSettings } from '../fixtures/fiveTiers';
import { valuesWorkbook } from '../fixtures/xlsxBuilder';
import { recalcWithLibreOffice } from '../support/libreoffice';
import { describeWhen, hasLibreOffice } from '../support/requirements';

jest.setTimeout(300_000);

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'abc-render-lo-'));
});
afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

/** The write with every formula's cached result removed: what we read back, LibreOffice computed. */
function withoutCache(write: WorkbookWrite): WorkbookWrite {
  const noCache = (c: SpecCell): SpecCell => (c && (c.kind === 'formula' || c.kind === 'fill') ? { ...c, cached: undefined } : c);
  const strip = (b: ColumnBlock): ColumnBlock => ({ ...b, cells: b.cells.map((r) => r.map(noCache)) });
  return {
    ...write,
    columns: write.columns.map(strip),
    addSheets: write.addSheets.map((s) => ({ ...s, rows: s.rows.map((r) => r.map(noCache)) })),
  };
}

async function recalc(bytes: Uint8Array, name: string): Promise<ReturnType<typeof openXlsx>> {
  const input = path.join(dir, `${name}.xlsx`);
  await fs.writeFile(input, bytes);
  const out = await recalcWithLibreOffice(input, path.join(dir, `${name}-out`));
  return openXlsx(new Uint8Array(await fs.readFile(out)));
}

const blankToNull = (v: CellValue | undefined): CellValue => (v === undefined || v === '' ? null : v);

interface Planned {
  workbook: ReturnType<typeof openXlsx>;
  read: SheetData;
  result: PlanResult;
  write: WorkbookWrite;
}

/** Plans the sheet the way both front ends do (src/app/), writing the tags without their cached values. */
async function planWorkbook(bytes: Uint8Array, sheet: string, settings: Settings): Promise<Planned> {
  const workbook = openXlsx(bytes);
  const view = await viewWorkbook(workbook);
  const read = await workbook.readSheet(sheet);
  const { result } = planCustomerSheet(read, view.names, settings);
  const { write } = renderWrite(result, read, view);
  await writeAll(workbook, withoutCache(write));
  return { workbook, read, result, write };
}

/** Compares the recalculated tag columns with the engine's tags, row by row; returns the rows compared. */
function expectTagsAgree(recalculated: SheetData, result: PlanResult, block: ColumnBlock, lang: 'zh' | 'en'): number {
  const at = (row: number, t: TagColumn) => blankToNull(recalculated.values[row - recalculated.firstRow]?.[block.firstColumn + TAG_COLUMNS.indexOf(t) - recalculated.firstColumn]);
  const mismatches: string[] = [];
  const customers = new Map(result.customers.map((c) => [c.row, c]));
  const lastRow = block.firstRow + block.cells.length - 1;
  for (let row = block.firstRow + 1; row <= lastRow; row++) {
    const c = customers.get(row);
    const want: Record<TagColumn, CellValue> = c
      ? {
          city: c.city === '' ? null : c.city,
          potential: c.potential,
          ourSales: c.ourSales,
          tier: tierIdCell(c.tier), // the id as the settings sheet writes it: 1, not \"1\"
          class: c.class,
          coverage: c.coverage && COVERAGE_LABELS[lang][c.coverage],
          mode: c.mode && MODE_LABELS[lang][c.mode],
        }
      : { city: null, potential: null, ourSales: null, tier: null, class: null, coverage: null, mode: null };
    for (const t of TAG_COLUMNS) {
      const got = at(row, t);
      const w = want[t];
      const same = typeof got === 'number' && typeof w === 'number' ? Math.abs(got - w) <= 1e-9 * Math.max(1, Math.abs(w)) : got === w;
      if (!same) mismatches.push(`row ${row} ${t}: spreadsheet ${JSON.stringify(got)}, engine ${JSON.stringify(w)}`);
    }
  }
  expect(mismatches.slice(0, 20)).toEqual([]);
  return customers.size;
}

/** Where a defined name of the write points. */
function nameRef(write: WorkbookWrite, name: string) {
  return parseRef(write.addNames.find((n) => n.name === name)!.ref)!;
}

/** The settings sheet row of a city in the write's city list. */
function cityRowIn(write: WorkbookWrite, settingsName: string, city: string): number {
  const cities = nameRef(write, FORMULA_NAMES.cities);
  const rows = write.addSheets.find((s) => s.name === settingsName)!.rows;
  return cities.firstRow + rows.slice(cities.firstRow - 1).findIndex((r) => r[cities.firstColumn - 1]?.kind === 'text' && (r[cities.firstColumn - 1] as { text: string }).text === city);
}

/** Cells of the settings sheet typed over as a person would: [row, column, value]. */
async function typeIntoSettings(workbook: Planned['workbook'], settingsName: string, cells: [number, number, number | string][]): Promise<void> {
  await workbook.apply({
    removeSheets: [],
    addSheets: [],
    removeNames: [],
    addNames: [],
    columns: cells.map(([row, column, value]) => ({
      sheet: settingsName,
      firstRow: row,
      firstColumn: column,
      cells: [[typeof value === 'number' ? { kind: 'number', value } : { kind: 'text', text: value }]],
    })),
  });
}

/** A sheet in 元 and 亿元 columns: the same customers, written the way a finance export writes them. */
function inYuanAndYi(sheet: SheetData): SheetData {
  const header = sheet.values.findIndex((r) => r.includes('Customer'));
  const values = sheet.values.map((row, i) => {
    if (i < header) return row;
    if (i === header) return row.map((h) => (h === 'Potential (10k CNY)' ? 'Potential (CNY)' : h === 'Our sales (10k CNY)' ? 'Our sales (100m)' : h));
    return row.map((v, c) => (typeof v !== 'number' ? v : c === 3 ? Math.round(v * 10_000) : c === 4 ? v / 10_000 : v));
  });
  return { ...sheet, values };
}

/** Rows a planner might type: formula look-alikes, a city in pinyin, text amounts. */
function withTrickyRows(sheet: SheetData): SheetData {
  const width = sheet.values[sheet.values.length - 1].length;
  const row = (cells: CellValue[]) => [...cells, ...new Array<CellValue>(Math.max(0, width - cells.length)).fill(null)];
  const extra = [
    // Amounts with their unit in the text read alike in 万元, 元 and 亿元 columns.
    row(['=1+1', '北京', '银行', '900万', '400万', '=HYPERLINK("http://x","y")', '北京']),
    row(['+x', 'Beijing', 'Bank', '900万', '4,000,000元', '-x', 'Beijing']),
    row(['@x', ' 陕西省西安市 ', '大学', '=1+1', 10, '@x', '陕西']),
    row(['零潜力', '上海', '企业', 0, 0, '张三', '上海']),
    row(['零潜力有销售', '上海', '企业', 0, 5, '张三', '上海']),
    // No city: Tier 3. Wildcards and case: MATCH would find 北京 for "*"; EXACT says no.
    row(['无城市', null, '企业', '200万', '80万', '王五', null]),
    row(['星号城市', '*', '企业', '600万', '300万', '王五', null]),
    row(['问号城市', '??', '企业', '600万', '300万', '王五', null]),
    row(['大写城市', 'SHANGHAI', '企业', '600万', '300万', '王五', null]),
  ];
  return { ...sheet, values: [...sheet.values, ...extra] };
}

describeWhen('LibreOffice recalculation of the tag formulas', hasLibreOffice(), 'soffice; apt-get install -y --no-install-recommends libreoffice-calc-nogui', () => {
  test.each([
    ['zh', false],
    ['en', true],
  ] as const)('%s sheet: tags agree with the engine, then again after the settings sheet is edited', async (lang, yuan) => {
    let sheet = makeCustomerSheet({ count: 600, seed: lang === 'zh' ? 4 : 9, language: lang, messy: true, products: 2 });
    if (yuan) sheet = inYuanAndYi(sheet);
    sheet = withTrickyRows(sheet);
    const bytes = valuesWorkbook([{ name: sheet.name, values: sheet.values }, { name: SHEET_NAMES[lang].settings, values: [['a user sheet that has our name']] }]);
    const settings = defaultSettings();
    const first = await planWorkbook(bytes, sheet.name, settings);
    const block = first.write.columns.at(-1)!;
    expect(first.result.ok).toBe(true);
    // Not a vacuous comparison: every class, unclassified rows, and the units read as intended.
    for (const cls of ['A', 'B', 'C', null]) expect(first.result.customers.filter((c) => c.class === cls).length).toBeGreaterThan(5);

    // Written as shared formulas (what LibreOffice recalculates below): masters with their
    // range, the other cells only the index.
    const sheetXml = new TextDecoder().decode(unzipSync(first.workbook.toBytes())['xl/worksheets/sheet1.xml']!);
    expect((sheetXml.match(/<f t="shared" ref="[A-Z]+\d+:[A-Z]+\d+" si="\d+">/g) ?? []).length).toBeGreaterThanOrEqual(7);
    expect((sheetXml.match(/<f t="shared" si="\d+"\/>/g) ?? []).length).toBeGreaterThan(550 * 4);

    // 1. As written.
    const once = await recalc(first.workbook.toBytes(), `${lang}-1`);
    const compared = expectTagsAgree(await once.readSheet(sheet.name), first.result, block, lang);
    expect(compared).toBeGreaterThan(550);

    // The SUM totals equal the engine's totals.
    const industries = first.write.addSheets.find((s) => s.name === SHEET_NAMES[lang].industries)!;
    const totalRow = industries.rows.findIndex((r) => r[0]?.kind === 'text' && r[0].style === 'totalLabel');
    const recalculatedIndustries = await once.readSheet(industries.name);
    const total = recalculatedIndustries.values[totalRow + 1 - recalculatedIndustries.firstRow];
    expect(total.slice(1, 3)).toEqual([first.result.tables.byIndustry.total.customers, first.result.tables.byIndustry.total.target]);

    // Fill-downs on the generated sheets (the salespeople's load checks) compute their cached values.
    let fills = 0;
    for (const spec of first.write.addSheets) {
      const got = await once.readSheet(spec.name);
      spec.rows.forEach((row, i) =>
        row.forEach((c, j) => {
          if (c?.kind !== 'fill') return;
          fills++;
          expect({ at: `${spec.name}!${i + 1},${j + 1}`, v: got.values[i + 1 - got.firstRow]?.[j + 1 - got.firstColumn] }).toEqual({ at: `${spec.name}!${i + 1},${j + 1}`, v: c.cached });
        }),
      );
    }
    expect(fills).toBeGreaterThan(3);

    // Text from the user's cells stayed text.
    const byCustomer = await once.readSheet(SHEET_NAMES[lang].customers);
    const names = byCustomer.values.map((r) => r[0]);
    expect(names).toEqual(expect.arrayContaining(['=1+1', '+x']));

    // 2. A planner edits the settings sheet: a threshold, a matrix split, a city's tier, a new city.
    const settingsName = first.write.addSheets.find((s) => s.rows[0]?.[0]?.kind === 'text' && /ABC Planner/.test((s.rows[0][0] as { text: string }).text))!.name;
    expect(settingsName).toBe(`${SHEET_NAMES[lang].settings} (2)`);
    const th = nameRef(first.write, FORMULA_NAMES.thresholds);
    const mx = nameRef(first.write, FORMULA_NAMES.matrix);
    const cities = nameRef(first.write, FORMULA_NAMES.cities);
    const settingsRows = first.write.addSheets.find((s) => s.name === settingsName)!.rows;
    const cityRow = (city: string) => cityRowIn(first.write, settingsName, city);
    const listed = settingsRows.slice(cities.firstRow - 1).filter((r) => r[cities.firstColumn - 1]).length;
    await typeIntoSettings(first.workbook, settingsName, [
      [th.firstRow + 2, th.firstColumn, 60], // Tier 3: A potential 150 → 60
      [th.firstRow + 2, th.firstColumn + 1, 20], // Tier 3: A sales 50 → 20
      [th.firstRow, th.firstColumn + 2, 300], // Tier 1: B potential 100 → 300
      [mx.firstRow + 1, mx.firstColumn + 1, 0.25], // Tier 2: share split 40% → 25%
      [cityRow('西安'), cities.firstColumn + 1, 1], // 西安 Tier 2 → 1
      [cityRow('上海'), cities.firstColumn + 1, 3], // 上海 Tier 1 → 3
      [cities.firstRow + listed + 2, cities.firstColumn, '苏州'], // a new city, after a gap
      [cities.firstRow + listed + 2, cities.firstColumn + 1, 2],
    ]);
    const twice = await recalc(first.workbook.toBytes(), `${lang}-2`);

    // The settings read back from the edited sheet are the edits…
    const changed = settingsFromSheet((await twice.readSheet(settingsName)).values);
    if (!changed.ok) throw new Error(JSON.stringify(changed.problems));
    expect(changed.settings.thresholds['3']).toEqual({ aPotential: 60, aSales: 20, bPotential: 20, bSales: 5 });
    expect(changed.settings.thresholds['1'].bPotential).toBe(300);
    expect(changed.settings.matrix['2'].share).toBe(0.25);
    expect(changed.settings.cities).toEqual(expect.arrayContaining([{ city: '西安', tier: '1' }, { city: '上海', tier: '3' }, { city: '苏州', tier: '2' }]));

    // …and the recalculated tags are what the engine says with them.
    const replanned = plan(first.read, changed.settings);
    const tiersChanged = replanned.customers.filter((c, i) => c.tier !== first.result.customers[i].tier).length;
    const classesChanged = replanned.customers.filter((c, i) => c.class !== first.result.customers[i].class).length;
    expect(tiersChanged).toBeGreaterThan(10);
    expect(classesChanged).toBeGreaterThan(10);
    expectTagsAgree(await twice.readSheet(sheet.name), replanned, block, lang);
  });
});

describeWhen('LibreOffice recalculation with five tiers a company set', hasLibreOffice(), 'soffice; apt-get install -y --no-install-recommends libreoffice-calc-nogui', () => {
  test('tags agree with the engine, then again after the fallback tier, a tier’s minimum and a city’s tier are edited', async () => {
    const sheet = withTrickyRows(makeCustomerSheet({ count: 600, seed: 11, language: 'zh', messy: true, products: 2 }));
    const bytes = valuesWorkbook([{ name: sheet.name, values: sheet.values }]);
    const settings = fiveTierSettings();
    const first = await planWorkbook(bytes, sheet.name, settings);
    const block = first.write.columns.at(-1)!;
    expect(first.result.ok).toBe(true);
    // Not vacuous: customers in every one of the five tiers, and every class.
    for (const t of FIVE_TIERS) expect(first.result.customers.filter((c) => c.tier === t.id).length).toBeGreaterThan(5);
    for (const cls of ['A', 'B', 'C', null]) expect(first.result.customers.filter((c) => c.class === cls).length).toBeGreaterThan(5);

    const once = await recalc(first.workbook.toBytes(), 'five-1');
    expect(expectTagsAgree(await once.readSheet(sheet.name), first.result, block, 'zh')).toBeGreaterThan(550);

    // A planner edits the settings sheet: the tier for cities not listed, a minimum of 新一线, a city to 新一线 (a text id).
    const settingsName = SHEET_NAMES.zh.settings;
    const th = nameRef(first.write, FORMULA_NAMES.thresholds);
    const fallback = nameRef(first.write, FORMULA_NAMES.fallbackTier);
    const cities = nameRef(first.write, FORMULA_NAMES.cities);
    typeIntoSettings(first.workbook, settingsName, [
      [fallback.firstRow, fallback.firstColumn, 3], // cities not listed: 四线 → 三线
      [th.firstRow + 1, th.firstColumn, 250], // 新一线: A potential 400 → 250
      [cityRowIn(first.write, settingsName, '合肥'), cities.firstColumn + 1, 'new1'], // 合肥: 二线 → 新一线
    ]);
    const twice = await recalc(first.workbook.toBytes(), 'five-2');
    const changed = settingsFromSheet((await twice.readSheet(settingsName)).values);
    if (!changed.ok) throw new Error(JSON.stringify(changed.problems));
    expect(changed.settings.fallbackTier).toBe('3');
    expect(changed.settings.thresholds.new1.aPotential).toBe(250);
    expect(changed.settings.cities).toContainEqual({ city: '合肥', tier: 'new1' });

    const replanned = plan(first.read, changed.settings);
    const tiersChanged = replanned.customers.filter((c, i) => c.tier !== first.result.customers[i].tier).length;
    const classesChanged = replanned.customers.filter((c, i) => c.class !== first.result.customers[i].class).length;
    expect(tiersChanged).toBeGreaterThan(10);
    expect(classesChanged).toBeGreaterThan(10);
    expectTagsAgree(await twice.readSheet(sheet.name), replanned, block, 'zh');
  });
});
