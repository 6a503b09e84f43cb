/**
 * Sheet names that a formula would read as something else (TRUE, R1C1, XFD1, a name starting
 * with a digit, spaces, punctuation, non-ASCII) are quoted in every reference we write. The
 * customer sheet itself is named each of them: planned, recalculated in LibreOffice, its tags
 * equal the engine's, the tag columns' name still points at them after LibreOffice saved the
 * file, and a re-plan of that file finds them in place (no second set).
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tierIdCell } from '../../src/engine/tiers';
import { planCustomerSheet, renderWrite } from '../../src/app/plan';
import { viewWorkbook } from '../../src/app/workbook';
import { writeAll } from '../../src/app/write';
import type { PlanResult } from '../../src/engine/plan';
import { defaultSettings } from '../../src/engine/settings';
import type { CellValue } from '../../src/engine/types';
import { ExcelHost } from '../../src/hosts/excel';
import { openXlsx } from '../../src/hosts/xlsx';
import { COVERAGE_LABELS, MODE_LABELS } from '../../src/i18n/engine';
import { TAG_COLUMNS, type TagColumn } from '../../src/i18n/render';
import { areaRef, parseRef } from '../../src/render';
import { isPlainSheetName, sheetPrefix } from '../../src/render/names';
import type { ColumnBlock, SpecCell, WorkbookWrite } from '../../src/spec/write';
import { makeCustomerSheet } from '../fixtures/customers';
import { valuesWorkbook } from '../fixtures/xlsxBuilder';
import { FakeWorkbook, fakeRun } from '../support/fakeExcel';
import { recalcManyWithLibreOffice } from '../support/libreoffice';
import { describeWhen, hasLibreOffice } from '../support/requirements';

jest.setTimeout(300_000);

/** Names Excel and LibreOffice must see quoted, and a few plain ones for contrast. */
const MUST_QUOTE = ['TRUE', 'FALSE', 'true', 'R1C1', 'A1', 'RC', 'R', 'C', 'r', 'XFD1', 'R2C3', 'rc10', 'C12', '2024', '1Q客户', 'Customers 2024', "O'Brien", '客户', 'Sales-East', 'a.b', 'Tab(1)', 'Ü'];
const PLAIN = ['Customers', 'Sales_2024', 'ABCD1', 'XFDA1', 'R1C1X', '_x'];

describe('sheet names in references', () => {
  test.each(MUST_QUOTE)('%j is quoted, and reads back', (sheet) => {
    expect(isPlainSheetName(sheet)).toBe(false);
    expect(sheetPrefix(sheet)).toBe(`'${sheet.replace(/'/g, "''")}'!`);
    expect(parseRef(areaRef(sheet, 2, 3, 40, 9))).toEqual({ sheet, firstRow: 2, firstColumn: 3, lastRow: 40, lastColumn: 9 });
  });
  test.each(PLAIN)('%j stands unquoted', (sheet) => {
    expect(sheetPrefix(sheet)).toBe(`${sheet}!`);
    expect(parseRef(areaRef(sheet, 1, 1))).toEqual({ sheet, firstRow: 1, firstColumn: 1, lastRow: 1, lastColumn: 1 });
  });
});

describe('Excel host (strict fake): a customer sheet with a name that must be quoted', () => {
  test.each(MUST_QUOTE)('%j: planned, the tag marker points at it, renamed, re-planned in place', async (sheet) => {
    const data = makeCustomerSheet({ count: 30, seed: 3, language: 'zh', messy: true, products: 2 });
    const wb = FakeWorkbook.create(['说明', sheet]);
    wb.setValues(sheet, 'A1', data.values as (string | number | boolean | null)[][]);
    const host = new ExcelHost(fakeRun(wb));
    const planOnce = async (name: string) => {
      const view = await viewWorkbook(host);
      const read = await host.readSheet(name);
      const { write } = renderWrite(planCustomerSheet(read, view.names, defaultSettings()).result, read, view);
      await writeAll(host, write);
      return write;
    };
    const first = await planOnce(sheet);
    const tags = first.columns.at(-1)!;
    expect(parseRef(wb.names.find((n) => n.name === 'ABC_TagColumns')!.formula)).toMatchObject({ sheet, firstColumn: tags.firstColumn });
    // Excel keeps the name on the sheet through a rename, and writes it as Excel would.
    const renamed = `${sheet}1`;
    wb.renameSheet(wb.sheet(sheet), renamed, 'test');
    expect(parseRef(wb.names.find((n) => n.name === 'ABC_TagColumns')!.formula)).toMatchObject({ sheet: renamed });
    const again = await planOnce(renamed);
    expect(again.columns.at(-1)!.firstColumn).toBe(tags.firstColumn);
    expect(again.addNames.some((n) => /_\d+$/.test(n.name))).toBe(false);
  });
});

/** The write with every formula's cached result removed: what we read back, LibreOffice computed. */
function withoutCache(write: WorkbookWrite): WorkbookWrite {
  const noCache = (c: SpecCell): SpecCell => (c && (c.kind === 'formula' || c.kind === 'fill') ? { ...c, cached: undefined } : c);
  const strip = (b: ColumnBlock): ColumnBlock => ({ ...b, cells: b.cells.map((r) => r.map(noCache)) });
  return { ...write, columns: write.columns.map(strip), addSheets: write.addSheets.map((s) => ({ ...s, rows: s.rows.map((r) => r.map(noCache)) })) };
}

const blankToNull = (v: CellValue | undefined): CellValue => (v === undefined || v === '' ? null : v);

describeWhen('LibreOffice: a customer sheet with a name that must be quoted', hasLibreOffice(), 'soffice; apt-get install -y --no-install-recommends libreoffice-calc-nogui', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'abc-quoting-'));
  });
  afterAll(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  test('every name: tags equal the engine, the marker follows, a re-plan finds the tags in place', async () => {
    const settings = defaultSettings();
    const base = makeCustomerSheet({ count: 80, seed: 5, language: 'zh', messy: true, products: 2 });
    const planned: { sheet: string; file: string; bytes: Uint8Array; result: PlanResult; block: ColumnBlock }[] = [];
    for (const [i, sheet] of MUST_QUOTE.entries()) {
      const workbook = openXlsx(valuesWorkbook([{ name: '说明', values: [['notes']] }, { name: sheet, values: base.values }]));
      const view = await viewWorkbook(workbook);
      const read = await workbook.readSheet(sheet);
      const { result } = planCustomerSheet(read, view.names, settings);
      expect(result.ok).toBe(true);
      const { write } = renderWrite(result, read, view);
      const marker = write.addNames.find((n) => n.name === 'ABC_TagColumns')!;
      expect(marker.ref.startsWith(`'${sheet.replace(/'/g, "''")}'!`)).toBe(true);
      await writeAll(workbook, withoutCache(write));
      planned.push({ sheet, file: path.join(dir, `case-${i}.xlsx`), bytes: workbook.toBytes(), result, block: write.columns.at(-1)! });
    }
    for (const p of planned) await fs.writeFile(p.file, p.bytes);
    const outputs = await recalcManyWithLibreOffice(
      planned.map((p) => p.file),
      path.join(dir, 'out'),
    );

    const problems: string[] = [];
    for (let i = 0; i < planned.length; i++) {
      const { sheet, result, block } = planned[i]!;
      const recalculated = openXlsx(new Uint8Array(await fs.readFile(outputs[i]!)));
      const values = await recalculated.readSheet(sheet);
      const at = (row: number, t: TagColumn) => blankToNull(values.values[row - values.firstRow]?.[block.firstColumn + TAG_COLUMNS.indexOf(t) - values.firstColumn]);
      for (const c of result.customers) {
        const want: Record<TagColumn, CellValue> = {
          city: c.city === '' ? null : c.city,
          potential: c.potential,
          ourSales: c.ourSales,
          tier: tierIdCell(c.tier), // the id as the settings sheet writes it: 1, not \"1\"
          class: c.class,
          coverage: c.coverage && COVERAGE_LABELS.zh[c.coverage],
          mode: c.mode && MODE_LABELS.zh[c.mode],
        };
        for (const t of TAG_COLUMNS) {
          const got = at(c.row, t);
          const w = want[t];
          const same = typeof got === 'number' && typeof w === 'number' ? Math.abs(got - w) <= 1e-9 * Math.max(1, Math.abs(w)) : got === w;
          if (!same) problems.push(`${sheet} row ${c.row} ${t}: LibreOffice ${JSON.stringify(got)}, engine ${JSON.stringify(w)}`);
        }
      }
      // LibreOffice read the tag columns' name and wrote it back pointing at the same block.
      const marker = (await recalculated.listNames()).find((n) => n.name === 'ABC_TagColumns');
      const ref = marker && parseRef(marker.ref);
      if (!ref || ref.sheet !== sheet || ref.firstColumn !== block.firstColumn) problems.push(`${sheet}: ABC_TagColumns after LibreOffice is ${JSON.stringify(marker?.ref)}`);

      // Planned again (LibreOffice dropped our comments: the legacy proof holds): same place, no second set.
      const again = await recalculated.readSheet(sheet);
      const view = await viewWorkbook(recalculated);
      const replan = renderWrite(planCustomerSheet(again, view.names, settings).result, again, view).write;
      const newBlock = replan.columns.at(-1)!;
      if (newBlock.firstColumn !== block.firstColumn) problems.push(`${sheet}: re-plan put the tags at column ${newBlock.firstColumn}, not ${block.firstColumn}`);
      if (replan.addNames.some((n) => /_\d+$/.test(n.name)) || replan.notices) problems.push(`${sheet}: re-plan wrote a second set: ${replan.addNames.map((n) => n.name).join(', ')}`);
      if (replan.addSheets.some((s) => / \(\d+\)$/.test(s.name))) problems.push(`${sheet}: re-plan added ${replan.addSheets.map((s) => s.name).join(', ')}`);
    }
    expect(problems.slice(0, 30)).toEqual([]);
  });
});
