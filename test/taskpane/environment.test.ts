import { detectEnvironment, globalExcelRun, type OfficeLike } from '../../src/taskpane/environment';
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

describe('chooseLang', () => {
  test('?lang= first, then Office, then the browser', () => {
    expect(chooseLang('?lang=en', 'zh-CN', 'zh-CN')).toBe('en');
    expect(chooseLang('', 'zh-CN', 'en-US')).toBe('zh');
    expect(chooseLang('', undefined, 'zh-TW')).toBe('zh');
    expect(chooseLang('?lang=fr', 'en-GB', 'zh-CN')).toBe('en');
    expect(chooseLang('', undefined, undefined)).toBe('en');
  });
});
