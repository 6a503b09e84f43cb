/**
 * The pane's layout at an Excel task pane's width (350 px) and on a wide screen (1280 px), in
 * Chinese and English, measured from the boxes Chromium laid out (see layoutCheck.ts): every
 * step open, with a threshold changed (so the preview shows its change figures) and after a run,
 * then every step closed (their one-line summaries). No text may overlap other text, be cut off,
 * leave the pane or be squeezed a character a line, and no input may be too narrow to type in.
 * Screenshots go to test-artifacts/e2e/layout-*.png.
 *
 *   npx jest test/e2e/layout                      (builds the bundle, about a minute)
 *   ABC_E2E_DIST=/tmp/dist npx jest test/e2e/layout   (reuse a build made by buildPane)
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Lang } from '../../src/i18n';
import { paneText } from '../../src/i18n/taskpane';
import { describeWhen, hasChromium } from '../support/requirements';
import { ARTIFACTS, paneSuite } from './browser';
import { type LayoutProblem, layoutProblems } from './layoutCheck';

jest.setTimeout(180_000);

const WIDTHS = [350, 1280];
const LANGS: Lang[] = ['zh', 'en'];
/** Narrower than these, an amount ("1,000") or a name (six Chinese characters) cannot be typed and read back. */
const MIN_NUMBER_WIDTH = 60;
const MIN_TEXT_WIDTH = 88;

const describeProblems = (problems: LayoutProblem[]) =>
  problems.map((p) => `${p.kind}: “${p.text}”${p.other ? ` over “${p.other}”` : ''} (${p.detail})`).join('\n');

describeWhen('browser: the pane laid out at task-pane width and wide', hasChromium(), 'Chromium at /usr/bin/chromium (apt-get install chromium)', () => {
  const suite = paneSuite('abc-e2e-layout-');

  async function setAllSteps(page: Page, open: boolean) {
    for (const header of await page.locator('[data-step] h2 button').all()) {
      if (((await header.getAttribute('aria-expanded')) === 'true') !== open) await header.click();
    }
    await page.waitForTimeout(300); // the accordion's motion
  }

  async function check(page: Page, name: string): Promise<string> {
    await page.screenshot({ path: path.join(ARTIFACTS, `layout-${name}.png`), fullPage: true });
    for (const step of await page.locator('[data-step]').all()) {
      await step.screenshot({ path: path.join(ARTIFACTS, `layout-${name}-${await step.getAttribute('data-step')}.png`) });
    }
    return describeProblems(await page.evaluate(layoutProblems, { root: '#root', minNumberWidth: MIN_NUMBER_WIDTH, minTextWidth: MIN_TEXT_WIDTH }));
  }

  for (const lang of LANGS) {
    for (const width of WIDTHS) {
      test(`${lang}, ${width} px: every step open, after a threshold change and a run, then every step closed`, async () => {
        const t = (key: Parameters<typeof paneText>[1], params?: Record<string, string | number>) => paneText(lang, key, params);
        const context = await suite.browser.newContext({ viewport: { width, height: 1000 }, locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
        await context.route('**/*', (route) => (route.request().url().startsWith(suite.server.url + '/') ? route.continue() : route.abort()));
        const page = await context.newPage();
        await page.goto(`${suite.server.url}/taskpane.html?lang=${lang}`);
        await page.getByRole('button', { name: t('file-sample') }).click();
        await page.getByText(t('data-customers', { count: 320 })).waitFor();

        await setAllSteps(page, true);
        // A change, so that the preview shows how the counts move.
        await page.locator('input[data-path="thresholds.3.bSales"]').fill('0');
        await page.locator('input[data-path="thresholds.3.bSales"]').blur();
        await page.waitForTimeout(500);
        const open = await check(page, `${lang}-${width}-open`);

        await page.getByRole('button', { name: t('run-button') }).click();
        await page.getByText(t('run-done-title')).waitFor({ timeout: 60_000 });
        const ran = await check(page, `${lang}-${width}-ran`);

        await setAllSteps(page, false);
        const closed = await check(page, `${lang}-${width}-closed`);
        await context.close();
        expect({ open, ran, closed }).toEqual({ open: '', ran: '', closed: '' });
      });
    }
  }
});
