import { strToU8, zipSync } from 'fflate';
import { openXlsx, XlsxError } from '../../../src/hosts/xlsx';
import { contentTypes, NS_MAIN, NS_R, rels, richWorkbook, valuesWorkbook, zipParts } from '../../fixtures/xlsxBuilder';

const WB_CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
const WS_CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

/** A one-sheet workbook around the given worksheet XML. */
function oneSheet(sheetXml: string, extra: Record<string, string> = {}): Uint8Array {
  return zipParts({
    '[Content_Types].xml': contentTypes([['/xl/workbook.xml', WB_CT], ['/xl/worksheets/sheet1.xml', WS_CT]]),
    '_rels/.rels': rels([['rId1', 'officeDocument', 'xl/workbook.xml']]),
    'xl/workbook.xml': `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': rels([['rId1', 'worksheet', 'worksheets/sheet1.xml']]),
    'xl/worksheets/sheet1.xml': sheetXml,
    ...extra,
  });
}

describe('reading the planner workbook', () => {
  const wb = openXlsx(richWorkbook().bytes, 'plan.xlsx');

  test('lists worksheets in order, hidden and very hidden ones as not visible', async () => {
    expect(await wb.listSheets()).toEqual([
      { name: '客户', visible: true },
      { name: '数据', visible: true },
      { name: '透视', visible: true },
      { name: '隐藏', visible: false },
      { name: '深藏', visible: false },
    ]);
  });

  test('lists workbook-scoped defined names (hidden flagged), not sheet-scoped ones', async () => {
    expect(await wb.listNames()).toEqual([
      { name: '金额区', ref: '客户!$C$2:$C$10' },
      { name: 'secret', ref: '隐藏!$A$1', hidden: true },
    ]);
  });

  test('reads every kind of cell', async () => {
    const s = await wb.readSheet('客户');
    expect(s.name).toBe('客户');
    expect(s.firstRow).toBe(1);
    expect(s.firstColumn).toBe(1);
    expect(s.values).toHaveLength(10); // rows 1..10
    expect(s.values.every((r) => r.length === 8)).toBe(true); // A..H
    const [r1, r2, r3, r4, r5, r6, r7, r8, r9, r10] = s.values;
    // Shared string with rich runs: runs joined, spaces kept.
    expect(r1!.slice(0, 6)).toEqual(['客户名称 ', '城市', '金额', '日期', '有效', '公式']);
    // Phonetic run left out; inline string; number; date as its serial; boolean; cached formula result.
    expect(r2!.slice(0, 6)).toEqual(['北京银行', '北京', 123.5, 45000, true, 247]);
    // Text that looks like a formula stays text; rich inline string; error as text; false; text result.
    expect(r3!.slice(0, 6)).toEqual(['=1+1', '上海', '#N/A', null, false, 'abc']);
    // A missing row is a row of nulls.
    expect(r4!.every((v) => v === null)).toBe(true);
    // _xHHHH_ escapes decoded as Excel does (_x005F_ protects a literal one); cached error of a formula.
    expect(r5!.slice(0, 6)).toEqual(['a\rb_x0041_', null, -0.5, null, null, '#DIV/0!']);
    // Cells without r attributes follow one another.
    expect(r6!.slice(0, 2)).toEqual(['北京', 7]);
    expect(r7!.every((v) => v === null)).toBe(true);
    expect(r8![7]).toBe(99);
    expect(r9!.every((v) => v === null)).toBe(true);
    expect(r10!.slice(0, 3)).toEqual(['合并', null, null]);
  });

  test('reports merged areas', async () => {
    const s = await wb.readSheet('客户');
    expect(s.merges).toEqual([{ firstRow: 10, firstColumn: 1, lastRow: 10, lastColumn: 3 }]);
  });

  test('sheet names match without regard to case; a hidden sheet reads too', async () => {
    expect((await wb.readSheet('隐藏')).values).toEqual([['隐藏的数据', 1]]);
    const empty = await wb.readSheet('深藏');
    expect(empty.values).toEqual([]);
  });

  test('a missing sheet is a clear error', async () => {
    await expect(wb.readSheet('没有')).rejects.toMatchObject({ code: 'sheet-not-found' });
  });

  test('progress is reported while reading', async () => {
    const calls: [number, number][] = [];
    await wb.readSheet('客户', (d, t) => calls.push([d, t]));
    expect(calls.length).toBeGreaterThan(0);
    const last = calls[calls.length - 1]!;
    expect(last[0]).toBe(last[1]);
  });
});

describe('reading less common shapes', () => {
  test('the used range starts at the first cell with a value', async () => {
    const bytes = valuesWorkbook([{ name: 'S', values: [[null, null], [null, 'x', 2]], firstRow: 3 }]);
    const s = await openXlsx(bytes).readSheet('S');
    expect(s).toMatchObject({ firstRow: 4, firstColumn: 2, values: [['x', 2]] });
  });

  test('prefixed SpreadsheetML (x:worksheet), t="d" dates, rows without r, CDATA and entities', async () => {
    const xml =
      `<?xml version="1.0"?><x:worksheet xmlns:x="${NS_MAIN}"><x:sheetData>` +
      '<x:row><x:c r="A1" t="d"><x:v>2024-03-01T12:00:00</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>a &amp; b &#x4E2D;</x:t></x:is></x:c></x:row>' +
      '<x:row><x:c r="A2" t="str"><x:f>X</x:f><x:v><![CDATA[<raw>]]></x:v></x:c><x:c r="B2" t="d"><x:v>1900-01-01</x:v></x:c></x:row>' +
      '</x:sheetData></x:worksheet>';
    const s = await openXlsx(oneSheet(xml)).readSheet('S');
    expect(s.values).toEqual([
      [45352.5, 'a & b 中'],
      ['<raw>', 1],
    ]);
  });

  test('a formula without a cached value reads as empty', async () => {
    const xml = `<worksheet xmlns="${NS_MAIN}"><sheetData><row r="1"><c r="A1"><f>1+1</f></c><c r="B1"><v>3</v></c></row></sheetData></worksheet>`;
    expect(await openXlsx(oneSheet(xml)).readSheet('S')).toMatchObject({ firstColumn: 2, values: [[3]] });
  });

  test('a sheet filled to the last row (1,048,576) is read', async () => {
    const chunks: string[] = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${NS_MAIN}"><dimension ref="A1:A1048576"/><sheetData>`];
    for (let r = 1; r <= 1_048_576; r++) chunks.push(`<row r="${r}"><c r="A${r}"><v>${r % 1000}</v></c></row>`);
    chunks.push('</sheetData></worksheet>');
    const sheet = strToU8(chunks.join(''));
    chunks.length = 0;
    const bytes = zipSync(
      {
        '[Content_Types].xml': strToU8(contentTypes([['/xl/workbook.xml', WB_CT], ['/xl/worksheets/sheet1.xml', WS_CT]])),
        '_rels/.rels': strToU8(rels([['rId1', 'officeDocument', 'xl/workbook.xml']])),
        'xl/workbook.xml': strToU8(`<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`),
        'xl/_rels/workbook.xml.rels': strToU8(rels([['rId1', 'worksheet', 'worksheets/sheet1.xml']])),
        'xl/worksheets/sheet1.xml': sheet,
      },
      { level: 1 },
    );
    const started = Date.now();
    const s = await openXlsx(bytes).readSheet('S');
    console.log(`read 1,048,576 rows in ${Date.now() - started} ms`);
    expect(s.values).toHaveLength(1_048_576);
    expect(s.values[0]).toEqual([1]);
    expect(s.values[1_048_575]).toEqual([576]);
  }, 120_000);

  test('XML that does not parse names its part', async () => {
    const xml = `<worksheet xmlns="${NS_MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></row></sheetData></worksheet>`;
    const wb = openXlsx(oneSheet(xml));
    let error: unknown;
    try {
      await wb.readSheet('S');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(XlsxError);
    expect(error).toMatchObject({ code: 'bad-xml', part: 'xl/worksheets/sheet1.xml' });
    expect((error as XlsxError).messageZh).toContain('xl/worksheets/sheet1.xml');
    expect((error as XlsxError).messageEn).toContain('xl/worksheets/sheet1.xml');
  });

  test('broken shared strings name their part', async () => {
    const xml = `<worksheet xmlns="${NS_MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`;
    const bytes = zipParts({
      '[Content_Types].xml': contentTypes([['/xl/workbook.xml', WB_CT], ['/xl/worksheets/sheet1.xml', WS_CT]]),
      '_rels/.rels': rels([['rId1', 'officeDocument', 'xl/workbook.xml']]),
      'xl/workbook.xml': `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': rels([['rId1', 'worksheet', 'worksheets/sheet1.xml'], ['rId2', 'sharedStrings', 'sharedStrings.xml']]),
      'xl/worksheets/sheet1.xml': xml,
      'xl/sharedStrings.xml': `<sst xmlns="${NS_MAIN}"><si><t>a &bogus; b</t></si></sst>`,
    });
    await expect(openXlsx(bytes).readSheet('S')).rejects.toThrow(expect.objectContaining({ code: 'bad-xml', part: 'xl/sharedStrings.xml' }));
  });
});
