import type { PlatformInfo } from '../../src/hosts/excel';
import { detectEnvironment, environmentWhere, globalExcelRun, type OfficeLike } from '../../src/taskpane/environment';
import { chooseLang } from '../../src/taskpane/text';

const office = (onReady: OfficeLike['onReady'], context?: OfficeLike['context']): OfficeLike => ({ onReady, ...(context ? { context } : {}) });
const supported = (yes: boolean) => ({ isSetSupported: (name: string, v?: string) => yes && name === 'ExcelApi' && v === '1.7' });

describe('detectEnvironment', () => {
  test('browser mode when office.js did not load (Office undefined)', async () => {
    expect(typeof (globalThis as { Office?: unknown }).Office).toBe('undefined');
    await expect(detectEnvironment()).resolves.toEqual({ kind: 'browser' });
  });

  test('Excel when Office.onReady names Excel; the ExcelApi 1.7 check and display language come along', async () => {
    await expect(detectEnvironment(office(async () => ({ host: 'Excel', platform: 'PC' }), { displayLanguage: 'zh-CN', requirements: supported(true) }))).resolves.toEqual({
      kind: 'excel',
      apiSupported: true,
      displayLanguage: 'zh-CN',
    });
    await expect(detectEnvironment(office(async () => ({ host: 'Excel' }), { requirements: supported(false) }))).resolves.toEqual({ kind: 'excel', apiSupported: false });
  });

  test('browser mode when office.js runs outside Office (host null)', async () => {
    await expect(detectEnvironment(office(async () => ({ host: null })), 100, {})).resolves.toEqual({ kind: 'browser' });
  });

  test('an Excel with run() already on the page (the browser tests’ fake) is Excel', async () => {
    const page = { Excel: { run: async () => undefined } };
    expect(globalExcelRun(page)).toBe(true);
    expect(globalExcelRun({ Excel: {} })).toBe(false);
    await expect(detectEnvironment(undefined, 100, page)).resolves.toEqual({ kind: 'excel', apiSupported: true });
    await expect(detectEnvironment(office(async () => ({ host: null })), 100, page)).resolves.toEqual({ kind: 'excel', apiSupported: true });
  });

  test('another Office application is named', async () => {
    await expect(detectEnvironment(office(async () => ({ host: 'Word' })))).resolves.toEqual({ kind: 'office', host: 'Word' });
  });

  test('browser mode when onReady fails or never answers', async () => {
    await expect(detectEnvironment(office(() => Promise.reject(new Error('boom'))), 100, {})).resolves.toEqual({ kind: 'browser' });
    await expect(detectEnvironment(office(() => new Promise(() => {})), 20, {})).resolves.toEqual({ kind: 'browser' });
  });
});

describe('host and platform (office-js-helpers, through src/hosts/excel/platform.ts)', () => {
  afterEach(() => {
    delete (globalThis as Record<string, unknown>).window;
  });

  /** office.js as it is inside an Office application: onReady and Office.context agree, on the page's window. */
  function officeIn(host: string, platform: string, displayLanguage?: string): OfficeLike {
    const context = { host, platform, ...(displayLanguage ? { displayLanguage } : {}), requirements: supported(true) };
    const Office = { onReady: async () => ({ host, platform }), context };
    Object.assign(globalThis, { window: { Office } });
    return Office;
  }

  /** Counts the times the pane asked for the platform (the library's chunk is fetched only then). */
  function counted(): { detect: () => Promise<PlatformInfo | undefined>; calls: () => number } {
    let n = 0;
    return {
      detect: async () => {
        n++;
        return { host: 'EXCEL', platform: 'PC', inExcel: true };
      },
      calls: () => n,
    };
  }

  test('inside Excel on the web: the notice names it, in both languages', async () => {
    const env = await detectEnvironment(officeIn('Excel', 'OfficeOnline', 'zh-CN'));
    expect(env).toEqual({ kind: 'excel', apiSupported: true, displayLanguage: 'zh-CN', platform: { host: 'EXCEL', platform: 'OFFICE_ONLINE', inExcel: true } });
    expect(environmentWhere(env, 'zh')).toBe('Excel 网页版');
    expect(environmentWhere(env, 'en')).toBe('Excel on the web');
  });

  test('another Office application: named with its platform', async () => {
    const env = await detectEnvironment(officeIn('Word', 'Mac'));
    expect(env).toEqual({ kind: 'office', host: 'Word', platform: { host: 'WORD', platform: 'MAC', inExcel: false } });
    expect(environmentWhere(env, 'en')).toBe('Word on Mac');
    expect(environmentWhere(env, 'zh')).toBe('Mac 版 Word');
  });

  test('not asked for in a plain browser, nor for a test’s Excel on the page', async () => {
    const probe = counted();
    await expect(detectEnvironment(undefined, 100, {}, probe.detect)).resolves.toEqual({ kind: 'browser' });
    await expect(detectEnvironment(office(async () => ({ host: null })), 100, {}, probe.detect)).resolves.toEqual({ kind: 'browser' });
    const page = { Excel: { run: async () => undefined } };
    const env = await detectEnvironment(undefined, 100, page, probe.detect);
    expect(env).toEqual({ kind: 'excel', apiSupported: true });
    expect(environmentWhere(env, 'en')).toBeUndefined();
    expect(probe.calls()).toBe(0);
    expect(environmentWhere({ kind: 'browser' }, 'zh')).toBeUndefined();
  });

  test('no answer in time, a failure, or "not in Office" from the library: the pane starts without the platform', async () => {
    const excel = office(async () => ({ host: 'Excel' }), { requirements: supported(true) });
    await expect(detectEnvironment(excel, 20, {}, () => new Promise(() => {}))).resolves.toEqual({ kind: 'excel', apiSupported: true });
    await expect(detectEnvironment(excel, 20, {}, () => Promise.reject(new Error('ChunkLoadError')))).resolves.toEqual({ kind: 'excel', apiSupported: true });
    await expect(detectEnvironment(excel, 20, {}, async () => ({ host: 'WEB', platform: null, inExcel: false }))).resolves.toEqual({ kind: 'excel', apiSupported: true });
    // Another application without the platform is named as Office.onReady named it.
    const word = await detectEnvironment(office(async () => ({ host: 'PowerPoint' })), 20, {}, async () => undefined);
    expect(environmentWhere(word, 'en')).toBe('PowerPoint');
  });
});

describe('chooseLang', () => {
  test('?lang= first, then Office, then the browser', () => {
    expect(chooseLang('?lang=en', 'zh-CN', 'zh-CN')).toBe('en');
    expect(chooseLang('', 'zh-CN', 'en-US')).toBe('zh');
    expect(chooseLang('', undefined, 'zh-TW')).toBe('zh');
    expect(chooseLang('?lang=fr', 'en-GB', 'zh-CN')).toBe('en');
    expect(chooseLang('', undefined, undefined)).toBe('en');
  });
});
