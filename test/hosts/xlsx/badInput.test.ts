import { openXlsx, XlsxError, type XlsxErrorCode } from '../../../src/hosts/xlsx';
import { sniff } from '../../../src/hosts/xlsx/sniff';
import { compoundFile, contentTypes, NS_MAIN, NS_R, rels, richWorkbook, zipParts } from '../../fixtures/xlsxBuilder';
import { errorOf, rejectionOf } from './helpers';

const WB_CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';


function expectBoth(e: XlsxError, code: XlsxErrorCode, zh: RegExp, en: RegExp): void {
  expect(e.code).toBe(code);
  expect(e.messageZh).toMatch(zh);
  expect(e.messageEn).toMatch(en);
  expect(e.message).toBe(`${e.messageZh} / ${e.messageEn}`);
}

const good = richWorkbook().bytes;

describe('bad input files get a clear message in both languages', () => {
  test('a text file is not a workbook', () => {
    expectBoth(errorOf(() => openXlsx(new TextEncoder().encode('客户名称,城市\n甲,北京\n'))), 'not-a-workbook', /不是 Excel 工作簿/, /not an Excel workbook/);
  });

  test('a CSV file is named as such', () => {
    expectBoth(errorOf(() => openXlsx(new TextEncoder().encode('a,b\n'), '客户.csv')), 'not-a-workbook', /CSV/, /CSV/);
  });

  test('an empty file is not a workbook', () => {
    expect(errorOf(() => openXlsx(new Uint8Array(0))).code).toBe('not-a-workbook');
  });

  test('a truncated zip', () => {
    expectBoth(errorOf(() => openXlsx(good.slice(0, Math.floor(good.length / 2)))), 'corrupt-zip', /损坏或不完整/, /damaged or incomplete/);
  });

  test('a zip whose central directory is damaged', () => {
    const bad = good.slice();
    const eocd = bad.length - 22;
    const cd = new DataView(bad.buffer).getUint32(eocd + 16, true);
    bad[cd] = 0; // break the first central directory signature
    expect(errorOf(() => openXlsx(bad)).code).toBe('corrupt-zip');
  });

  test('damaged compressed data is caught by its checksum and names the part', async () => {
    const wb = openXlsx(good);
    const bytes = good.slice();
    // Find the customer sheet's compressed bytes and flip some in the middle.
    const archive = (wb as unknown as { pkg: { archive: { get(n: string): { localOffset: number; compressedSize: number } } } }).pkg.archive;
    const entry = archive.get('xl/worksheets/sheet1.xml');
    const dv = new DataView(bytes.buffer);
    const start = entry.localOffset + 30 + dv.getUint16(entry.localOffset + 26, true) + dv.getUint16(entry.localOffset + 28, true);
    for (let i = 0; i < 8; i++) bytes[start + Math.floor(entry.compressedSize / 2) + i]! ^= 0x55;
    const e = await rejectionOf(() => openXlsx(bytes).readSheet('客户'));
    expect(['corrupt-zip', 'bad-xml']).toContain(e.code);
    expect(e.part).toBe('xl/worksheets/sheet1.xml');
  });

  test('an encrypted (password-protected) workbook', () => {
    const bytes = compoundFile(['EncryptionInfo', 'EncryptedPackage']);
    expect(sniff(bytes)).toBe('encrypted');
    expectBoth(errorOf(() => openXlsx(bytes)), 'encrypted', /密码/, /password-protected/);
  });

  test('an old .xls', () => {
    const bytes = compoundFile(['Workbook', 'SummaryInformation']);
    expect(sniff(bytes)).toBe('xls');
    expectBoth(
      errorOf(() => openXlsx(bytes, 'old.xls')),
      'xls',
      /这是旧版 \.xls 文件，请在 Excel 中另存为 \.xlsx 后再试/,
      /This is an old \.xls file: save it as \.xlsx in Excel and try again/,
    );
  });

  test('a zip that is not an Office package', () => {
    expectBoth(errorOf(() => openXlsx(zipParts({ 'readme.txt': 'hello' }))), 'no-workbook', /没有工作簿/, /holds no workbook/);
  });

  test('a Word document', () => {
    const bytes = zipParts({
      '[Content_Types].xml': contentTypes([['/word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml']]),
      '_rels/.rels': rels([['rId1', 'officeDocument', 'word/document.xml']]),
      'word/document.xml': '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
    });
    expect(errorOf(() => openXlsx(bytes)).code).toBe('no-workbook');
  });

  test('an OpenDocument spreadsheet', () => {
    const bytes = zipParts({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' }, 0);
    expectBoth(errorOf(() => openXlsx(bytes)), 'ods', /\.ods/, /\.ods/);
  });

  test('a binary workbook (.xlsb)', () => {
    const bytes = zipParts({
      '[Content_Types].xml': contentTypes([['/xl/workbook.bin', 'application/vnd.ms-excel.sheet.binary.macroEnabled.main']]),
      '_rels/.rels': rels([['rId1', 'officeDocument', 'xl/workbook.bin']]),
      'xl/workbook.bin': new Uint8Array([1, 2, 3]),
    });
    expect(errorOf(() => openXlsx(bytes)).code).toBe('xlsb');
  });

  const withWorkbook = (workbookXml: string): Uint8Array =>
    zipParts({
      '[Content_Types].xml': contentTypes([['/xl/workbook.xml', WB_CT]]),
      '_rels/.rels': rels([['rId1', 'officeDocument', 'xl/workbook.xml']]),
      'xl/workbook.xml': workbookXml,
    });

  test('a workbook with no sheets', () => {
    expectBoth(errorOf(() => openXlsx(withWorkbook(`<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><sheets/></workbook>`))), 'no-sheets', /没有工作表/, /no worksheets/);
  });

  test('workbook.xml that does not parse names the part', () => {
    const e = errorOf(() => openXlsx(withWorkbook(`<workbook xmlns="${NS_MAIN}"><sheets><sheet name="a"></sheets></workbook>`)));
    expectBoth(e, 'bad-xml', /xl\/workbook\.xml/, /xl\/workbook\.xml/);
    expect(e.part).toBe('xl/workbook.xml');
  });

  test('a sheet whose part is missing', async () => {
    const bytes = zipParts({
      '[Content_Types].xml': contentTypes([['/xl/workbook.xml', WB_CT]]),
      '_rels/.rels': rels([['rId1', 'officeDocument', 'xl/workbook.xml']]),
      'xl/workbook.xml': `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': rels([['rId1', 'worksheet', 'worksheets/sheet1.xml']]),
    });
    expect((await rejectionOf(() => openXlsx(bytes).readSheet('S'))).code).toBe('missing-part');
  });
});
