/**
 * The task pane in a real browser (playwright-core with Debian's Chromium; required in CI):
 * the production bundle served on 127.0.0.1, used as a planner would, once in browser file mode
 * (open an .xlsx, change a threshold and see the counts change, run, download, check the
 * downloaded workbook) and once through the Excel path with the strict Excel fake installed in
 * the page as `Excel`. Counts on screen are checked against the engine on the same workbook.
 * Screenshots of each step go to test-artifacts/e2e/.
 *
 *   npx jest test/e2e                      (builds the bundle, about a minute)
 *   ABC_E2E_DIST=/tmp/dist npx jest test/e2e   (reuse a build made by test/e2e/browser.ts buildPane)
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { plan } from '../../src/engine/plan';
import type { Settings } from '../../src/engine/settings';
import { defaultSettings } from '../../src/engine/settings';
import type { CellValue } from '../../src/engine/types';
import { openXlsx } from '../../src/hosts/xlsx';
import { settingsWrite } from '../../src/app/saveSettings';
import { viewWorkbook } from '../../src/app/workbook';
import { SHEET_NAMES, TAG_HEADERS } from '../../src/i18n/render';
import { settingsFromSheet, withoutTagColumns } from '../../src/render';
import { tierClassCounts } from '../../src/taskpane/model/preview';
import { makeCustomerSheet } from '../fixtures/customers';
import { FIVE_TIERS, fiveTierSettings } from '../fixtures/fiveTiers';
import { ROW_LIMIT_CUSTOMERS, ROW_LIMIT_SHEET, rowLimitValues, rowLimitWorkbookPath } from '../fixtures/rowLimitWorkbook';
import { valuesWorkbook } from '../fixtures/xlsxBuilder';
import { describeWhen, hasChromium } from '../support/requirements';
import { ARTIFACTS, paneSuite, tempDir } from './browser';

jest.setTimeout(180_000);


/** The counts the Thresholds step shows, as the engine computes them for a workbook's customer sheet. */
async function engineCounts(bytes: Uint8Array, sheet: string, settings: Settings) {
  const wb = openXlsx(bytes);
  const read = await wb.readSheet(sheet);
  return tierClassCounts(plan(withoutTagColumns(read, await wb.listNames(), null), settings));
}

function withBSales(settings: Settings, tier: '1' | '2' | '3', bSales: number): Settings {
  const s = structuredClone(settings);
  s.thresholds[tier].bSales = bSales;
  return s;
}

const text = async (page: Page, selector: string) => (await page.locator(selector).first().innerText()).replace(/[,\s]/g, '').replace(/[+−].*$/, '');

describeWhen('browser: the task pane', hasChromium(), 'Chromium at /usr/bin/chromium (apt-get install chromium)', () => {
  const suite = paneSuite('abc-e2e-');

  /** A page that may fetch only from the test server: anything else is recorded and refused. */
  async function open(lang: 'zh' | 'en', setup?: (context: BrowserContext) => Promise<void>) {
    const context = await suite.browser.newContext({ viewport: { width: 420, height: 900 }, acceptDownloads: true, locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
    const outside: string[] = [];
    const errors: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(suite.server.url + '/')) return route.continue();
      outside.push(url);
      return route.abort();
    });
    await setup?.(context);
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${suite.server.url}/taskpane.html?lang=${lang}`);
    return { context, page, outside, errors };
  }

  /** A screenshot of one step (its panel, as a planner sees it), or of the whole page. */
  const shot = (page: Page, name: string, step?: string) =>
    step ? page.locator(`[data-step="${step}"]`).screenshot({ path: path.join(ARTIFACTS, `${name}.png`) }) : page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });

  /** Opens a step (Accordion) by its title when it is closed. */
  async function openStep(page: Page, title: string | RegExp) {
    const header = page.getByRole('button', { name: title }).first();
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  }

  test('file mode: open an .xlsx, change a threshold, run, download the planned workbook', async () => {
    const values = makeCustomerSheet({ count: 240, seed: 21, language: 'zh', products: 3, messy: true }).values as CellValue[][];
    const bytes = valuesWorkbook([
      { name: '说明', values: [['客户表说明']] },
      { name: '客户', values },
    ]);
    const file = path.join(tempDir('abc-e2e-file-'), '华东客户.xlsx');
    fs.writeFileSync(file, bytes);
    const { context, page, outside, errors } = await open('zh');

    // The page works with office.js unreachable: file mode.
    await page.getByText('文件模式').first().waitFor();
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByText(/找到 [\d,]+ 个客户/).waitFor();
    await shot(page, 'file-1-data', 'data');

    // Thresholds: the counts are the engine's; a change moves them, and says how many change class.
    const before = await engineCounts(bytes, '客户', defaultSettings());
    expect(await text(page, '[data-cell="totalC"]')).toBe(String(before.byClass.C));
    const field = page.locator('input[data-path="thresholds.3.bSales"]');
    await field.fill('abc');
    await page.getByText('请输入数字（万元），如 500').waitFor();
    await page.locator('input[data-path="thresholds.2.aPotential"]').fill('10');
    await page.getByText(/低于 B 类下限 50/).waitFor();
    await shot(page, 'file-2-thresholds-bad-input', 'thresholds');
    await page.locator('input[data-path="thresholds.2.aPotential"]').fill('300');
    await field.fill('0');
    const after = await engineCounts(bytes, '客户', withBSales(defaultSettings(), '3', 0));
    expect(after.byClass.C).not.toBe(before.byClass.C);
    await page.waitForFunction((c) => document.querySelector('[data-cell="totalC"]')?.textContent?.replace(/[,\s]/g, '').startsWith(String(c)), after.byClass.C);
    expect(await text(page, '[data-cell="3C"]')).toBe(String(after.cells[2][2]));
    await page.getByText(/与已保存的设置相比，[\d,]+ 个客户的级别会改变/).waitFor();
    await shot(page, 'file-2-thresholds', 'thresholds');

    // Cities: give the most frequent unlisted city a tier in one click.
    await openStep(page, /城市级别/);
    const give = page.getByRole('button', { name: /^把“.+”设为二级城市$/ }).first();
    const city = (await give.getAttribute('aria-label'))!.match(/^把“(.+)”设为/)![1];
    await give.click();
    await page.getByRole('combobox', { name: `“${city}”的级别` }).waitFor();
    await shot(page, 'file-3-cities', 'cities');

    // Targets: a company target of 1.2亿 (12,000 万元).
    await openStep(page, /^4\s*目标|目标/);
    await page.getByRole('radio', { name: '指定公司目标' }).check();
    await page.getByRole('textbox', { name: /公司目标（万元）/ }).fill('1.2亿');
    await page.getByText(/公司目标 12,000 万元/).waitFor();
    await shot(page, 'file-4-targets', 'targets');

    // Run, then download.
    await openStep(page, /运行/);
    await page.getByRole('button', { name: '运行规划' }).click();
    await page.getByText('规划完成').waitFor({ timeout: 60_000 });
    await shot(page, 'file-5-run', 'run');
    await shot(page, 'file-6-whole-page');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载规划后的工作簿' }).first().click()]);
    expect(download.suggestedFilename()).toBe('华东客户-planned.xlsx');
    const planned = new Uint8Array(fs.readFileSync((await download.path())!));

    // The downloaded workbook: our sheets, the tag columns, the settings as edited.
    const wb = openXlsx(planned);
    const names = (await wb.listSheets()).map((s) => s.name);
    const zh = SHEET_NAMES.zh;
    expect(names).toEqual(['说明', '客户', zh.summary, zh.customers, zh.industries, zh.regions, zh.salespeople, zh.issues, zh.settings]);
    const sheet = await wb.readSheet('客户');
    const headerIndex = sheet.values.findIndex((row) => row.includes(TAG_HEADERS.zh.class));
    expect(headerIndex).toBeGreaterThanOrEqual(0);
    const classColumn = sheet.values[headerIndex].indexOf(TAG_HEADERS.zh.class);
    const tagged = sheet.values.slice(headerIndex + 1).map((row) => row[classColumn]).filter((v) => v === 'A' || v === 'B' || v === 'C');
    const settingsRead = await wb.readSheet(zh.settings);
    const saved = settingsFromSheet(settingsRead.values, { sheet: zh.settings });
    if (!saved.ok) throw new Error(JSON.stringify(saved.problems));
    expect(saved.settings.thresholds['3'].bSales).toBe(0);
    expect(saved.settings.targets.companyTarget).toBe(12000);
    expect(saved.settings.cities).toContainEqual({ city, tier: '2' });
    const expected = await engineCounts(bytes, '客户', saved.settings);
    expect(tagged.length).toBe(expected.byClass.A + expected.byClass.B + expected.byClass.C);
    expect(tagged.filter((v) => v === 'A').length).toBe(expected.byClass.A);

    expect(errors).toEqual([]);
    // Nothing fetched but this site, except office.js from Microsoft's CDN (refused here).
    expect(outside.filter((u) => !u.startsWith('https://appsforoffice.microsoft.com/'))).toEqual([]);
    await context.close();
  });

  test('file mode, five tiers a company set: a row per tier, the engine’s counts per tier, the tier editor within a 350 px pane', async () => {
    const values = makeCustomerSheet({ count: 240, seed: 22, language: 'zh', products: 2, messy: true }).values as CellValue[][];
    const five = fiveTierSettings();
    const workbook = openXlsx(valuesWorkbook([{ name: '客户', values }]));
    await workbook.apply(settingsWrite(five, 'zh', await viewWorkbook(workbook)).write);
    const bytes = workbook.toBytes();
    const file = path.join(tempDir('abc-e2e-five-'), '五级城市.xlsx');
    fs.writeFileSync(file, bytes);
    const { context, page, errors } = await open('zh');
    await page.setViewportSize({ width: 350, height: 900 });
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByText(/找到 [\d,]+ 个客户/).waitFor();

    const counts = await engineCounts(bytes, '客户', five);
    await page.locator('[data-cell="new1A"]').waitFor();
    for (const [i, t] of FIVE_TIERS.entries()) expect([t.id, await text(page, `[data-cell="${t.id}B"]`)]).toEqual([t.id, String(counts.cells[i][1])]);
    expect(await page.locator('input[data-path="thresholds.new1.aPotential"]').inputValue()).toBe('400');
    await shot(page, 'five-tiers-thresholds', 'thresholds');

    await openStep(page, /城市级别/);
    await page.getByRole('button', { name: '添加级别' }).click();
    await page.getByRole('textbox', { name: '级别 5 的中文名称' }).waitFor();
    // Nothing of the tier editor reaches past the pane: each row's inputs and button inside the step.
    const overflow = await page.evaluate(() => {
      const step = document.querySelector('[data-step="cities"]')!.getBoundingClientRect();
      return [...document.querySelectorAll('[data-tier] input, [data-tier] button')].filter((el) => el.getBoundingClientRect().right > step.right + 0.5).length;
    });
    expect(overflow).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await shot(page, 'five-tiers-cities', 'cities');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('file mode: the bundled sample and a dropped file open', async () => {
    const { context, page, errors } = await open('en');
    await page.getByRole('button', { name: 'Use the sample workbook' }).click();
    await page.getByText(/320 customers found/).waitFor();
    const bytes = valuesWorkbook([{ name: 'Accounts', values: makeCustomerSheet({ count: 30, seed: 4, language: 'en' }).values as CellValue[][] }]);
    await page.evaluate(
      ({ data }) => {
        const file = new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], 'dropped.xlsx');
        const dt = new DataTransfer();
        dt.items.add(file);
        window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
        window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      },
      { data: Buffer.from(bytes).toString('base64') },
    );
    await page.getByText('Workbook: dropped.xlsx').waitFor();
    await page.getByText(/^30 customers found$/).waitFor();
    // The browser tab shows the add-in's icon: the page names one and the site serves it.
    const icon = await page.evaluate(async () => {
      const href = document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.href;
      if (!href) return null;
      const res = await fetch(href);
      return { status: res.status, type: res.headers.get('content-type'), bytes: (await res.arrayBuffer()).byteLength };
    });
    expect(icon).toEqual({ status: 200, type: 'image/png', bytes: expect.any(Number) });
    expect(icon!.bytes).toBeGreaterThan(100);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('Excel path: the strict fake as the page’s Excel; run, open a sheet, select an issue, a coauthor’s change', async () => {
    const values = makeCustomerSheet({ count: 150, seed: 8, language: 'en', products: 2, messy: true }).values as (string | number | boolean | null)[][];
    const bytes = valuesWorkbook([{ name: 'Customers', values: values as CellValue[][] }]);
    const fakeScript = path.join(suite.dist, 'e2e-fake-excel.js');
    const { context, page, outside, errors } = await open('en', async (ctx) => {
      await ctx.addInitScript({ path: fakeScript });
      await ctx.addInitScript((sheets) => (window as unknown as { AbcFakeExcel: { install(s: unknown): void } }).AbcFakeExcel.install(sheets), [
        { name: 'Notes', values: [['Our notes']] },
        { name: 'Customers', values },
      ]);
    });
    type Fake = { state(): { sheets: string[]; active: { sheet?: string; selection?: { sheet: string; address: string } } }; values(s: string): { values: unknown[][] }; editCell(s: string, a: string, v: unknown): void };
    const fakeState = () => page.evaluate(() => (window as unknown as { AbcFakeExcel: Fake }).AbcFakeExcel.state());

    await page.getByText(/customers found/).waitFor();
    expect(await page.getByText('File mode').count()).toBe(0);
    await shot(page, 'excel-1-data', 'data');

    const before = await engineCounts(bytes, 'Customers', defaultSettings());
    expect(await text(page, '[data-cell="totalC"]')).toBe(String(before.byClass.C));
    await page.locator('input[data-path="thresholds.3.bSales"]').fill('0');
    const after = await engineCounts(bytes, 'Customers', withBSales(defaultSettings(), '3', 0));
    await page.waitForFunction((c) => document.querySelector('[data-cell="totalC"]')?.textContent?.replace(/[,\s]/g, '').startsWith(String(c)), after.byClass.C);
    await shot(page, 'excel-2-thresholds', 'thresholds');

    await openStep(page, /Run/);
    await page.getByRole('button', { name: 'Run the plan' }).click();
    await page.getByText('Plan done').waitFor({ timeout: 60_000 });
    await shot(page, 'excel-5-run', 'run');

    const en = SHEET_NAMES.en;
    const state = await fakeState();
    expect(state.sheets).toEqual(['Notes', 'Customers', en.summary, en.customers, en.industries, en.regions, en.salespeople, en.issues, en.settings]);
    const customerValues = (await page.evaluate(() => (window as unknown as { AbcFakeExcel: Fake }).AbcFakeExcel.values('Customers'))).values;
    expect(customerValues.some((row) => row.includes(TAG_HEADERS.en.class))).toBe(true);

    // Links open the generated sheets; an issue selects its cell.
    await page.getByRole('button', { name: `Open sheet “${en.industries}”` }).click();
    await page.waitForFunction((name) => (window as unknown as { AbcFakeExcel: Fake }).AbcFakeExcel.state().active.sheet === name, en.industries);
    const issue = page.getByRole('list', { name: /Row issues/ }).getByRole('button').first();
    const where = await issue.innerText();
    await issue.click();
    await page.waitForFunction(() => (window as unknown as { AbcFakeExcel: Fake }).AbcFakeExcel.state().active.selection?.sheet === 'Customers');
    const selection = (await fakeState()).active.selection!;
    const [, row, column] = where.match(/row (\d+)(?:, column ([A-Z]+))?/)!;
    expect(selection.address).toBe(`${column ?? 'A'}${row}`);

    // A coauthor changes Tier 1's A minimum for potential on the settings sheet: the pane reloads.
    await page.evaluate((sheet) => (window as unknown as { AbcFakeExcel: Fake }).AbcFakeExcel.editCell(sheet, 'B7', 650), en.settings);
    await page.getByText(/A coauthor changed/).waitFor();
    expect(await page.locator('input[data-path="thresholds.1.aPotential"]').inputValue()).toBe('650');
    await shot(page, 'excel-6-coauthor');

    expect(errors).toEqual([]);
    expect(outside.filter((u) => !u.startsWith('https://appsforoffice.microsoft.com/'))).toEqual([]);
    await context.close();
  });

  test("file mode at Excel's row limit: 1,048,575 customers open, plan and download; every row tagged as the engine does", async () => {
    const file = rowLimitWorkbookPath();
    const { context, page, errors } = await open('zh');
    await page.getByText('文件模式').first().waitFor();
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByText(/找到 1,?048,?575 个客户/).waitFor({ timeout: 600_000 });
    await openStep(page, /运行/);
    // The page is busy while it plans (file mode runs on the main thread): do not wait for the click to settle.
    await page.getByRole('button', { name: '运行规划' }).click({ noWaitAfter: true });
    await page.getByText('规划完成').waitFor({ timeout: 1_200_000 });
    await shot(page, 'file-row-limit-run', 'run');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 600_000 }), page.getByRole('button', { name: '下载规划后的工作簿' }).first().click()]);
    const planned = openXlsx(new Uint8Array(fs.readFileSync((await download.path())!)));
    expect(errors).toEqual([]);
    await context.close();

    const engine = plan({ name: ROW_LIMIT_SHEET, values: rowLimitValues(), firstRow: 1, firstColumn: 1 }, defaultSettings());
    const classes = new Map(engine.customers.map((c) => [c.row, c.class]));
    const sheet = await planned.readSheet(ROW_LIMIT_SHEET);
    expect(sheet.firstRow + sheet.values.length - 1).toBe(1_048_576);
    const classColumn = sheet.values[0]!.indexOf(TAG_HEADERS.zh.class);
    expect(classColumn).toBeGreaterThan(0);
    let same = 0;
    const wrong: string[] = [];
    for (let i = 1; i < sheet.values.length; i++) {
      const want = classes.get(sheet.firstRow + i) ?? null;
      const got = sheet.values[i]![classColumn] ?? null;
      if (got === want) same++;
      else if (wrong.length < 10) wrong.push(`row ${sheet.firstRow + i}: sheet ${JSON.stringify(got)}, engine ${JSON.stringify(want)}`);
    }
    expect(wrong).toEqual([]);
    expect(same).toBe(ROW_LIMIT_CUSTOMERS);
  }, 2_400_000);
});
