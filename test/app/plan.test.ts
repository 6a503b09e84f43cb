/**
 * The whole way through the use cases (src/app/): open, find the customer sheet, plan, render,
 * write all or nothing, on the .xlsx host and on the Excel host's strict fake. The same use case
 * gives the same workbook on both; a failed write leaves it as it was.
 */
import { findCustomerSheet } from '../../src/app/customerSheet';
import { planCustomerSheet, renderWrite, type PlannedWrite } from '../../src/app/plan';
import { saveSettings } from '../../src/app/saveSettings';
import { openWorkbook, viewWorkbook } from '../../src/app/workbook';
import { writeAll } from '../../src/app/write';
import type { PlanTargets } from '../../src/engine/plan';
import { defaultSettings } from '../../src/engine/settings';
import type { WorkbookHost } from '../../src/hosts/host';
import { XlsxError } from '../../src/hosts/xlsx';
import { SHEET_NAMES } from '../../src/i18n/render';
import { customerRows } from '../fixtures/xlsxBuilder';
import { customers } from '../hosts/markerFixtures';
import { HOSTS, bothHosts, differences, sheetsOf, type Both } from './helpers';

const NOTES = { name: '说明', values: [['这是说明'], ['=1+1 不是公式', 42]] };
const planner = (): Both => bothHosts([NOTES, customers(60)], [{ name: 'MyList', ref: "'客户'!$A$1:$B$10" }]);

/** What Run does: open, find the customer sheet, plan it, render and write the plan (`beforeWrite`: just before the write). */
async function run(host: WorkbookHost, targets: PlanTargets = {}, beforeWrite?: () => void): Promise<PlannedWrite> {
  const { view, saved } = await openWorkbook(host);
  const found = (await findCustomerSheet(host, view, saved.settings))!;
  const { result } = planCustomerSheet(found.read, view.names, saved.settings, { targets });
  expect(result.ok).toBe(true);
  const planned = renderWrite(result, found.read, view);
  beforeWrite?.();
  await writeAll(host, planned.write);
  return planned;
}

const zh = SHEET_NAMES.zh;

test('one run gives the same workbook on both hosts: the same write, sheets, cells and names', async () => {
  const both = planner();
  const xlsx = await run(both.xlsx);
  const excel = await run(both.excel);
  expect(excel.write).toEqual(xlsx.write);
  expect(xlsx.sheets).toMatchObject({ settings: zh.settings, summary: zh.summary, customers: zh.customers, tagColumns: expect.stringContaining('客户') });

  const sheets = await sheetsOf(both.xlsx);
  expect(sheets.map((s) => s.name)).toEqual(['说明', '客户', zh.summary, zh.customers, zh.industries, zh.regions, zh.salespeople, zh.settings]);
  expect(differences(sheets, await sheetsOf(both.excel), both.fake)).toEqual([]);
  const names = async (host: WorkbookHost) => (await host.listNames()).sort((a, b) => a.name.localeCompare(b.name));
  expect(await names(both.excel)).toEqual(await names(both.xlsx));
  expect((await names(both.xlsx)).find((n) => n.name === 'MyList')).toEqual({ name: 'MyList', ref: "'客户'!$A$1:$B$10" });
});

describe.each(HOSTS)('%s', (_label, kind) => {
  test('the planner’s cells stay as they were; a re-run replaces ours in place, no second set', async () => {
    const host = planner()[kind];
    const before = await sheetsOf(host);
    const first = await run(host);
    const once = await sheetsOf(host);
    // The user's sheets: notes as they were; the customer sheet as it was, plus our tag columns to its right.
    expect(once[0]).toEqual(before[0]);
    for (const [key, v] of before[1]!.cells) expect([key, once[1]!.cells.get(key)]).toEqual([key, v]);
    const tagColumn = first.write.columns.at(-1)!.firstColumn;
    expect([...once[1]!.cells.keys()].every((key) => before[1]!.cells.has(key) || Number(key.split(',')[1]) >= tagColumn)).toBe(true);

    const second = await run(host);
    expect(second.write.columns.at(-1)!.firstColumn).toBe(tagColumn);
    expect(second.write.notices ?? []).toEqual([]);
    expect((await host.listSheets()).map((s) => s.name)).toEqual(once.map((s) => s.name));
    expect(await sheetsOf(host)).toEqual(once);
  });

  test('a target given on the side is the plan’s own setting, and the settings sheet keeps it', async () => {
    const host = planner()[kind];
    const { result } = await run(host, { companyTarget: 12_000 });
    expect(result.settings.targets.companyTarget).toBe(12_000);
    expect(result.target).toMatchObject({ company: 12_000, source: 'target' });
    const { saved } = await openWorkbook(host);
    expect(saved).toMatchObject({ kind: 'workbook', settings: { targets: { ...defaultSettings().targets, companyTarget: 12_000 } } });
    // Growth instead: the target follows our sales, and the sheet keeps the growth.
    const growth = await run(host, { companyTarget: null, growthPct: 10 });
    expect(growth.result.target).toMatchObject({ source: 'growth', growthPct: 10 });
    expect((await openWorkbook(host)).saved.settings.targets).toMatchObject({ companyTarget: null, growthPct: 10 });
  });
});

describe('a failed write leaves the workbook as it was', () => {
  test('Excel host: whichever request of the write fails, the workbook is put back', async () => {
    // How many requests the write takes, on a copy.
    const probe = planner();
    let start = 0;
    await run(probe.excel, {}, () => (start = probe.fake.syncCount));
    const total = probe.fake.syncCount - start;
    expect(total).toBeGreaterThan(3);
    let undone = 0;
    for (let nth = 1; nth <= total; nth++) {
      const both = planner();
      const before = JSON.stringify(both.fake.snapshot());
      const error = await run(both.excel, {}, () => both.fake.failSync(nth, { code: 'AccessDenied' })).catch((e: unknown) => e);
      expect([nth, error]).toEqual([nth, expect.objectContaining({ name: 'ExcelHostError' })]);
      // Failing before anything changed (the checks, the snapshot), or changed and undone.
      const { changed, rolledBack } = error as { changed: boolean; rolledBack?: boolean };
      expect([nth, changed ? rolledBack : 'unchanged']).toEqual([nth, changed ? true : 'unchanged']);
      if (changed) undone++;
      expect([nth, JSON.stringify(both.fake.snapshot())]).toEqual([nth, before]);
    }
    expect(undone).toBeGreaterThanOrEqual(total - 3);
  });

  test('Excel host: saving settings that fails half-way leaves the workbook as it was', async () => {
    const both = planner();
    await run(both.excel);
    const before = JSON.stringify(both.fake.snapshot());
    // Saving views the workbook first (its requests), then writes: the write's second request fails.
    const start = both.fake.syncCount;
    await viewWorkbook(both.excel);
    both.fake.failSync(both.fake.syncCount - start + 2, { code: 'AccessDenied' });
    const error = await saveSettings(both.excel, { ...defaultSettings(), load: { ...defaultSettings().load, accounts: 12 } }, 'zh').catch((e: unknown) => e);
    expect(error).toEqual(expect.objectContaining({ name: 'ExcelHostError', changed: true, rolledBack: true }));
    expect(JSON.stringify(both.fake.snapshot())).toBe(before);
  });

  test('.xlsx host: a write it refuses (no room for the tag columns) leaves the package byte for byte', async () => {
    // The customer data ends two columns short of XFD: seven tag columns cannot fit.
    const rows = customerRows(8).map((row, r) => [...row, ...new Array<null>(16_380 - row.length).fill(null), r === 0 ? '备注' : 'x']);
    const { xlsx } = bothHosts([{ name: '客户', values: rows }]);
    const bytes = xlsx.toBytes();
    const error = await run(xlsx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XlsxError);
    expect((error as XlsxError).messageEn).toContain('no room on sheet "客户"');
    expect(xlsx.toBytes()).toBe(bytes);
    expect((await xlsx.listSheets()).map((s) => s.name)).toEqual(['客户']);
  });
});
