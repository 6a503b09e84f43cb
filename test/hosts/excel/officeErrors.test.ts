/**
 * Office errors become plain messages (what failed, what to do) with the technical details
 * kept apart; the office-js-helpers module loads under jest and detects hosts; style formats
 * agree with the .xlsx host.
 */
import { ExcelHostError, describeOfficeError, detectPlatform, isOfficeError, officeErrorText, supportsExcelApi, unwrapError } from '../../../src/hosts/excel';
import { LOOKS, charsToPoints } from '../../../src/hosts/excel/styles';
import { STYLE_DEFS } from '../../../src/hosts/xlsx/styles';
import { FakeOfficeError } from '../../support/fakeExcel';

const office = (code: string, location = 'Range.values') => new FakeOfficeError(code, `Excel says ${code}`, location);

describe('describeOfficeError', () => {
  test.each([
    ['RequestPayloadSizeLimitExceeded', 'too-large', /Too much data/, /数据太多/],
    ['ResponsePayloadSizeLimitExceeded', 'too-large', /Too much data/, /数据太多/],
    ['ItemNotFound', 'not-found', /missing/, /找不到/],
    ['InvalidArgument', 'invalid-argument', /did not accept/, /不接受/],
    ['AccessDenied', 'protected', /protected/, /受保护/],
    ['GeneralException', 'general', /ran into an error/, /出错/],
    ['Conflict', 'conflict', /coauthor/, /协作者/],
    ['ItemAlreadyExists', 'already-exists', /already has/, /已有同名/],
    ['InvalidOperationInCellEditMode', 'cell-edit-mode', /editing a cell/, /单元格编辑/],
    ['SomethingNew', 'general', /ran into an error/, /出错/],
  ])('%s → %s', (code, kind, en, zh) => {
    const plain = describeOfficeError(office(code));
    expect(plain.kind).toBe(kind);
    expect(plain.messageEn).toMatch(en);
    expect(plain.messageZh).toMatch(zh);
    expect(plain.whatToDo.en.length).toBeGreaterThan(10);
    expect(plain.whatToDo.zh.length).toBeGreaterThan(5);
    expect(plain.details).toEqual({ code, message: `Excel says ${code}`, debugInfo: { code, message: `Excel says ${code}`, errorLocation: 'Range.values' } });
  });

  test('an error of the host says the step, the sheet and whether the workbook was put back', () => {
    const e = new ExcelHostError('x', { step: 'write-columns', sheet: '客户', cause: office('AccessDenied'), rolledBack: true });
    const plain = describeOfficeError(e);
    expect(plain.messageZh).toBe('写入工作表“客户”的标签列时出错：工作表或工作簿受保护，或文件是只读的，无法写入。工作簿已恢复为写入前的样子，没有任何改动。');
    expect(plain.messageEn).toBe(
      'While writing the tag columns on sheet “客户”: the sheet or workbook is protected, or the file is read-only, so it cannot be written. The workbook was put back exactly as it was before the write.',
    );
    expect(plain.whatToDo.en).toMatch(/Unprotect/);
    expect(plain.details).toMatchObject({ code: 'AccessDenied', step: 'write-columns', sheet: '客户', rolledBack: true });
  });

  test('a read failure says nothing about changes; a failed rollback lists leftovers', () => {
    const read = describeOfficeError(new ExcelHostError('x', { step: 'read', sheet: 'Data', cause: office('ItemNotFound') }));
    expect(read.messageEn).toBe('While reading sheet “Data”: a sheet or name that was needed is missing; you or a coauthor may just have deleted or renamed it.');
    const failed = describeOfficeError(
      new ExcelHostError('x', { step: 'names', cause: office('GeneralException'), rolledBack: false, rollbackError: office('Timeout'), leftovers: ['~abc-tmp-1', '~abc-old-2'] }),
    );
    expect(failed.messageZh).toMatch(/未能完全恢复工作簿.*可能残留的工作表：“~abc-tmp-1”、“~abc-old-2”。$/);
    expect(failed.details).toMatchObject({ rolledBack: false, rollbackCode: 'Timeout', leftovers: ['~abc-tmp-1', '~abc-old-2'] });
  });

  test('outside Excel, and for errors that are not Office\'s', () => {
    expect(describeOfficeError(new ReferenceError('Excel is not defined')).kind).toBe('not-in-excel');
    const other = describeOfficeError(new TypeError('boom'));
    expect(other.kind).toBe('unknown');
    expect(other.details.message).toBe('TypeError: boom');
    expect(officeErrorText(office('AccessDenied'), 'zh')).toEqual({
      message: '工作表或工作簿受保护，或文件是只读的，无法写入。',
      whatToDo: '请在“审阅”选项卡中撤销工作表/工作簿保护，或另存一份可编辑的副本后再试',
      details: expect.stringContaining('"code": "AccessDenied"'),
    });
  });

  test('unwraps office-js-helpers\' wrapped errors (innerError) and causes', async () => {
    // The typings also declare APIError and Exception, but the bundle exports only these CustomErrors.
    const helpers = await import('@microsoft/office-js-helpers');
    const inner = office('ItemNotFound');
    const wrapped = new helpers.DialogError('wrapped', inner as unknown as Error);
    // Compiled to ES5, its Error subclasses lose their prototype: instanceof CustomError fails,
    // which is why unwrapError looks for innerError rather than the class.
    expect(wrapped instanceof helpers.CustomError).toBe(false);
    expect((wrapped as unknown as { innerError: unknown }).innerError).toBe(inner);
    expect(unwrapError(wrapped)).toBe(inner);
    expect(describeOfficeError(wrapped).kind).toBe('not-found');
    expect(unwrapError(new Error('outer', { cause: inner }))).toBe(inner);
    expect(isOfficeError({ name: 'RichApi.Error', code: 'X' })).toBe(true);
    expect(isOfficeError(new Error('x'))).toBe(false);
  });
});

describe('platform (office-js-helpers)', () => {
  afterEach(() => {
    delete (globalThis as Record<string, unknown>).window;
    delete (globalThis as Record<string, unknown>).Office;
  });

  /** A fresh copy of the Excel host's modules: nothing detected yet. */
  async function freshHost(): Promise<typeof import('../../../src/hosts/excel')> {
    let mod: typeof import('../../../src/hosts/excel') | undefined;
    await jest.isolateModulesAsync(async () => {
      mod = await import('../../../src/hosts/excel');
    });
    return mod!;
  }

  const inOffice = (host: string, platform: string) => {
    const Office = { context: { host, platform, requirements: { isSetSupported: (name: string, v: string) => name === 'ExcelApi' && Number(v.split('.')[1]) <= 9 } } };
    Object.assign(globalThis, { window: { Office }, Office });
  };

  test('outside a browser: not in Office, without loading the library', async () => {
    expect(await detectPlatform()).toEqual({ host: 'WEB', platform: null, inExcel: false });
    expect(supportsExcelApi('1.7')).toBe(false);
  });

  test('inside Excel on the web, as Office.context says', async () => {
    inOffice('Excel', 'OfficeOnline');
    expect(await detectPlatform()).toEqual({ host: 'EXCEL', platform: 'OFFICE_ONLINE', inExcel: true });
    expect(supportsExcelApi('1.7')).toBe(true);
    expect(supportsExcelApi('1.12')).toBe(false);
  });

  test('a plain web page (no Office): WEB', async () => {
    Object.assign(globalThis, { window: { sessionStorage: {} } });
    expect(await detectPlatform()).toEqual({ host: 'WEB', platform: null, inExcel: false });
  });

  test('before Office has answered: the host info Office leaves in the frame\'s sessionStorage', async () => {
    Object.assign(globalThis, { window: { sessionStorage: { hostInfoValue: 'Excel$Mac$16.01$en-US$$$$0' } } });
    expect(await detectPlatform()).toEqual({ host: 'EXCEL', platform: 'MAC', inExcel: true });
  });

  test('every Excel error\'s details say where the pane runs, in both languages, once detected', async () => {
    const host = await freshHost();
    const error = new host.ExcelHostError('x', { step: 'write-sheet', sheet: 'A 类客户', cause: office('AccessDenied'), rolledBack: true });
    expect(host.knownPlatform()).toBeUndefined();
    expect(host.officeErrorText(error, 'en').details.split('\n')[0]).toBe('Running in: host and platform not detected');
    expect(host.officeErrorText(error, 'zh').details.split('\n')[0]).toBe('运行环境：未检测到宿主和平台');

    inOffice('Excel', 'Mac');
    await host.detectPlatform();
    const en = host.officeErrorText(error, 'en').details;
    const zh = host.officeErrorText(error, 'zh').details;
    expect(en.split('\n')[0]).toBe('Running in: Excel on Mac (host EXCEL, platform MAC)');
    expect(zh.split('\n')[0]).toBe('运行环境：Mac 版 Excel（host EXCEL，platform MAC）');
    // The rest is the same technical record in both languages, host and platform included.
    const record = JSON.parse(en.slice(en.indexOf('\n') + 1)) as Record<string, unknown>;
    expect(record).toMatchObject({ code: 'AccessDenied', step: 'write-sheet', sheet: 'A 类客户', rolledBack: true, host: 'EXCEL', platform: 'MAC' });
    expect(zh.slice(zh.indexOf('\n') + 1)).toBe(en.slice(en.indexOf('\n') + 1));
    // Errors that are not Excel's own (a TypeError while reading) carry it as well.
    const read = new host.ExcelHostError('x', { step: 'read', sheet: '客户', cause: new TypeError('boom') });
    expect(host.officeErrorText(read, 'en').details).toMatch(/^Running in: Excel on Mac \(host EXCEL, platform MAC\)\n/);
  });

  test('the platforms in words', async () => {
    const { whereText } = await import('../../../src/i18n/excel');
    expect(['PC', 'MAC', 'OFFICE_ONLINE', 'IOS', 'Android', null].map((p) => whereText('en', 'EXCEL', p))).toEqual([
      'Excel on Windows',
      'Excel on Mac',
      'Excel on the web',
      'Excel on iPad',
      'Excel on Android',
      'Excel',
    ]);
    expect(['PC', 'MAC', 'OFFICE_ONLINE', 'IOS', 'Android'].map((p) => whereText('zh', 'EXCEL', p))).toEqual([
      'Windows 版 Excel',
      'Mac 版 Excel',
      'Excel 网页版',
      'iPad 版 Excel',
      'Excel（Android）',
    ]);
    expect(whereText('en', 'WORD', 'MAC')).toBe('Word on Mac');
    expect(whereText('zh', 'WEB', null)).toBe('浏览器（不在 Office 中）');
  });

  test('the library cannot be loaded (a chunk that failed): undefined, and asked for again next time', async () => {
    let host: typeof import('../../../src/hosts/excel') | undefined;
    let loads = 0;
    await jest.isolateModulesAsync(async () => {
      jest.doMock('@microsoft/office-js-helpers', () => {
        loads++;
        throw new Error('ChunkLoadError: Loading chunk office-helpers failed');
      });
      host = await import('../../../src/hosts/excel');
    });
    inOffice('Excel', 'PC');
    await expect(host!.detectPlatform()).resolves.toBeUndefined();
    await expect(host!.detectPlatform()).resolves.toBeUndefined();
    expect(loads).toBe(2);
    expect(host!.knownPlatform()).toBeUndefined();
    jest.dontMock('@microsoft/office-js-helpers');
  });
});

describe('styles', () => {
  test('the same number formats, fonts and fills as the .xlsx host', () => {
    for (const [id, def] of Object.entries(STYLE_DEFS)) {
      const look = LOOKS[id as keyof typeof LOOKS];
      expect({ id, numberFormat: look.numberFormat, bold: look.bold, italic: look.italic, size: look.size, wrap: look.wrap }).toEqual({
        id,
        numberFormat: def.numFmt,
        bold: def.bold,
        italic: def.italic,
        size: def.size,
        wrap: def.wrap,
      });
      expect(look.fill).toBe(def.fill ? `#${def.fill.slice(2)}` : undefined);
      expect(look.color).toBe(def.color ? `#${def.color.slice(2)}` : undefined);
    }
  });

  test('column widths: characters to points (Excel default 8.43 characters = 48 points)', () => {
    expect(charsToPoints(8.43)).toBeCloseTo(48, 0);
    expect(charsToPoints(20)).toBe(108.75);
  });
});
