/**
 * Opening a workbook and its settings (src/app/workbook.ts, saveSettings.ts), on the .xlsx
 * host and on the Excel host's strict fake: the same answers on both.
 */
import { saveSettings } from '../../src/app/saveSettings';
import { openWorkbook, settingsSheetName } from '../../src/app/workbook';
import type { Settings } from '../../src/engine/settings';
import { defaultSettings } from '../../src/engine/settings';
import type { WorkbookHost } from '../../src/hosts/host';
import { formatSettingsSheetProblem } from '../../src/i18n/render';
import { columnLetter } from '../../src/engine/a1';
import { customers } from '../hosts/markerFixtures';
import { HOSTS, bothHosts, differences, sheetsOf, type Both } from './helpers';

const NOTES = { name: '说明', values: [['这是说明'], ['=1+1 不是公式']] };
const fresh = (): Both => bothHosts([NOTES, customers(40)]);

function changed(): Settings {
  const s = defaultSettings();
  s.thresholds['2'].aPotential = 350;
  s.targets.companyTarget = 9000;
  return s;
}

test.each(HOSTS)('%s: a new workbook shows its sheets and carries the default settings', async (_label, kind) => {
  const { view, saved } = await openWorkbook(fresh()[kind]);
  expect(view.sheets).toEqual([
    { name: '说明', visible: true },
    { name: '客户', visible: true },
  ]);
  expect(view.names).toEqual([]);
  expect(saved).toEqual({ kind: 'defaults', settings: defaultSettings() });
  expect(settingsSheetName(view)).toBeUndefined();
});

test('saved settings are read back on both hosts, which then hold the same sheets; nothing of the planner’s changed', async () => {
  const both = fresh();
  const before = await sheetsOf(both.xlsx);
  for (const kind of ['xlsx', 'excel'] as const) {
    const host: WorkbookHost = both[kind];
    const { sheet, view } = await saveSettings(host, changed(), 'zh');
    expect(sheet).toBe('ABC 设置');
    expect(settingsSheetName(view)).toBe('ABC 设置');
    const { saved } = await openWorkbook(host);
    expect(saved).toEqual({ kind: 'workbook', sheet: 'ABC 设置', settings: changed() });
  }
  const xlsx = await sheetsOf(both.xlsx);
  expect(xlsx.map((s) => s.name)).toEqual(['说明', '客户', 'ABC 设置']);
  expect(xlsx.slice(0, 2)).toEqual(before);
  expect(differences(xlsx, await sheetsOf(both.excel), both.fake)).toEqual([]);
});

test.each(HOSTS)('%s: saving again replaces the settings sheet in place (no second one)', async (_label, kind) => {
  const host = fresh()[kind];
  await saveSettings(host, defaultSettings(), 'zh');
  const { sheet, view } = await saveSettings(host, changed(), 'zh');
  expect(sheet).toBe('ABC 设置');
  expect(view.sheets.map((s) => s.name)).toEqual(['说明', '客户', 'ABC 设置']);
  expect((await openWorkbook(host)).saved.settings).toEqual(changed());
});

test.each(HOSTS)('%s: a settings sheet a person broke gives its problems with the cell, and the defaults', async (_label, kind) => {
  const host = fresh()[kind];
  await saveSettings(host, defaultSettings(), 'zh');
  // The tier 1 minimum for A potential (500), typed over with text.
  const read = await host.readSheet('ABC 设置');
  const r = read.values.findIndex((row) => row.includes(defaultSettings().thresholds['1'].aPotential));
  const c = read.values[r]!.indexOf(defaultSettings().thresholds['1'].aPotential);
  const cell = { sheet: 'ABC 设置', firstRow: read.firstRow + r, firstColumn: read.firstColumn + c };
  await host.apply({ removeSheets: [], addSheets: [], removeNames: [], addNames: [], columns: [{ ...cell, cells: [[{ kind: 'text', text: '五百' }]] }] });

  const { saved } = await openWorkbook(host);
  if (saved.kind !== 'problems') throw new Error(`expected problems, got ${saved.kind}`);
  const address = `${columnLetter(cell.firstColumn)}${cell.firstRow}`;
  expect(saved.sheet).toBe('ABC 设置');
  expect(saved.problems).toEqual([expect.objectContaining({ key: 'sheet-not-number', cell: address })]);
  expect(formatSettingsSheetProblem(saved.problems[0]!, 'en')).toContain(`cell ${address}`);
  expect(saved.settings).toEqual(defaultSettings());
});
