/**
 * Finding the customer sheet and making it ready to plan (src/app/customerSheet.ts), on both
 * hosts: the same sheet found, the same look, earlier tag columns left out of the plan.
 */
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { customerSheetCandidates, findCustomerSheet, prepareCustomerSheet, readCustomerSheet } from '../../src/app/customerSheet';
import { planCustomerSheet, renderWrite } from '../../src/app/plan';
import { openWorkbook } from '../../src/app/workbook';
import { writeAll } from '../../src/app/write';
import { plan } from '../../src/engine/plan';
import { defaultSettings } from '../../src/engine/settings';
import type { CellValue } from '../../src/engine/types';
import type { WorkbookHost } from '../../src/hosts/host';
import { openXlsx, type XlsxWorkbook } from '../../src/hosts/xlsx';
import { TAG_COLUMNS, TAG_HEADERS } from '../../src/i18n/render';
import { customerRows, zipParts } from '../fixtures/xlsxBuilder';
import { HOSTS, bothHosts } from './helpers';

const NOTES = { name: '说明', values: [['这是说明'], ['联系人', '张三']] };
const settings = defaultSettings();

async function find(host: WorkbookHost, prefer?: string) {
  const { view } = await openWorkbook(host);
  return findCustomerSheet(host, view, settings, prefer ? { prefer } : {});
}

describe.each(HOSTS)('%s', (_label, kind) => {
  test('the customer sheet is the first sheet with customer rows; a preferred one that has them comes first', async () => {
    const two = bothHosts([NOTES, { name: '客户', values: customerRows(10) }, { name: '客户2', values: customerRows(5, 2) }])[kind];
    expect(await find(two)).toMatchObject({ read: { name: '客户' }, look: { kind: 'customers', headerRow: 1 } });
    expect(await find(two, '客户2')).toMatchObject({ read: { name: '客户2' }, look: { kind: 'customers' } });
    // A preferred sheet without customers does not win over one with them.
    expect(await find(two, '说明')).toMatchObject({ read: { name: '客户' } });
  });

  test('with no sheet of customers, the one nearest to it (fewest columns missing), else the first as it is', async () => {
    const noSales = customerRows(10).map((row) => row.filter((_, c) => c !== 4));
    const nearest = await find(bothHosts([NOTES, { name: '缺列', values: noSales }])[kind]);
    expect(nearest).toMatchObject({ read: { name: '缺列' }, look: { kind: 'missing-columns', headerRow: 1, missing: ['ourSales'] } });
    expect(await find(bothHosts([NOTES])[kind])).toMatchObject({ read: { name: '说明' }, look: { kind: 'no-header' } });
  });

  test('a hidden sheet is not a candidate, but the planner may name it (in any case)', async () => {
    const both = bothHosts([NOTES, { name: 'Hidden', values: customerRows(4) }]);
    both.fake.sheet('Hidden').visibility = 'Hidden';
    const host = kind === 'excel' ? both.excel : hiddenInXlsx(both.xlsx);
    const { view } = await openWorkbook(host);
    expect(customerSheetCandidates(view)).toEqual(['说明']);
    expect(await readCustomerSheet(host, view, 'hidden', settings)).toMatchObject({ read: { name: 'Hidden' }, look: { kind: 'customers' } });
    expect(await readCustomerSheet(host, view, '没有这张表', settings)).toBeUndefined();
  });

  test('after a plan, our sheets are no candidates: the customer sheet is found again even when ours is preferred', async () => {
    const host = bothHosts([NOTES, { name: '客户', values: customerRows(20) }])[kind];
    const { view, saved } = await openWorkbook(host);
    const found = (await findCustomerSheet(host, view, saved.settings))!;
    await writeAll(host, renderWrite(planCustomerSheet(found.read, view.names, saved.settings).result, found.read, view).write);
    const after = await openWorkbook(host);
    expect(customerSheetCandidates(after.view)).toEqual(['说明', '客户']);
    expect(await find(host, 'ABC 汇总')).toMatchObject({ read: { name: '客户' }, look: { kind: 'customers' } });
  });

  test('tag columns copied without their names (our headers in the header row) are left out of the plan', async () => {
    // A planned customer sheet pasted into a new workbook: the tag block is there, our names are not.
    const rows = customerRows(12);
    const tags = TAG_COLUMNS.map((t) => TAG_HEADERS.zh[t]);
    const pasted: CellValue[][] = rows.map((row, r) => [...row, ...(r === 0 ? tags : ['上海', 999, 999, 1, 'A', '直销', '直接管理'])]);
    const host = bothHosts([{ name: '客户', values: pasted }])[kind];
    const { view } = await openWorkbook(host);
    const found = (await findCustomerSheet(host, view, settings))!;
    const prepared = prepareCustomerSheet(found.read, view.names, settings);
    // The plan reads the user's columns only: the same plan as of the sheet without the block.
    const clean = plan({ name: '客户', values: rows, firstRow: 1, firstColumn: 1 }, settings);
    const result = planCustomerSheet(found.read, view.names, settings).result;
    expect(prepared.sheet.values.every((row) => row.slice(rows[0]!.length).every((v) => v === null))).toBe(true);
    expect(result.columns).toEqual(clean.columns);
    expect(result.unmappedColumns).toEqual(clean.unmappedColumns);
    expect(result.customers.map((c) => [c.city, c.class, c.potential])).toEqual(clean.customers.map((c) => [c.city, c.class, c.potential]));
  });
});

/** The .xlsx host's package with sheet "Hidden" hidden (the fixture builder writes visible sheets). */
function hiddenInXlsx(xlsx: XlsxWorkbook): XlsxWorkbook {
  const parts = unzipSync(xlsx.toBytes()) as Record<string, Uint8Array>;
  const wb = strFromU8(parts['xl/workbook.xml']!).replace('<sheet name="Hidden"', '<sheet name="Hidden" state="hidden"');
  return openXlsx(zipParts({ ...parts, 'xl/workbook.xml': strToU8(wb) }));
}
