import ExcelJS from 'exceljs';
import type { CellValue } from '../../../src/engine/types';
import type { FillDown, SheetSpec, SpecCell, WorkbookWrite } from '../../../src/spec/write';
import { openXlsx, XlsxError } from '../../../src/hosts/xlsx';
import { richWorkbook, valuesWorkbook, zipParts } from '../../fixtures/xlsxBuilder';
import { diffParts, emptyWrite, parts, text } from './helpers';

const settingsSheet: SheetSpec = {
  name: 'ABC 设置',
  rows: [
    [{ kind: 'text', text: 'ABC 设置', style: 'title' }],
    [{ kind: 'text', text: '城市', style: 'header' }, { kind: 'text', text: '阈值', style: 'header' }, { kind: 'text', text: '比例', style: 'header' }],
    [{ kind: 'text', text: '=1+1' }, { kind: 'number', value: 1234.5, style: 'wan' }, { kind: 'number', value: 0.25, style: 'percent' }],
    [{ kind: 'text', text: '+86 <tag> & "q"\u0001' }, { kind: 'number', value: 10, style: 'wanInt' }, { kind: 'bool', value: true }],
    [{ kind: 'text', text: '合计', style: 'totalLabel' }, { kind: 'formula', formula: 'SUM(B3:B4)', cached: 1244.5, style: 'total' }, { kind: 'formula', formula: '=IF(B5>0,"有","无")', cached: '有' }],
    [{ kind: 'text', text: '  lead and trail  ', style: 'note' }, null, { kind: 'formula', formula: 'B3/0', cached: '#DIV/0!' }, { kind: 'formula', formula: 'B3>0', cached: true }],
    [{ kind: 'text', text: 'literal _x0041_ stays' }],
  ],
  columnWidths: [16, 12, 12],
  freeze: { rows: 2, columns: 1 },
  tabColor: '1F7A3D',
};

const tagBlock = {
  sheet: '客户',
  firstRow: 1,
  firstColumn: 7,
  cells: [
    [{ kind: 'text' as const, text: '等级', style: 'header' as const }, { kind: 'text' as const, text: '覆盖', style: 'header' as const }],
    [{ kind: 'formula' as const, formula: `IF(C2>100,"A","B")`, cached: 'A' }, { kind: 'text' as const, text: '直销' }],
    [{ kind: 'text' as const, text: 'B' }, null],
    [{ kind: 'text' as const, text: '新行' }, { kind: 'number' as const, value: 4 }],
  ],
  columnWidths: [8, 10],
};

function fullWrite(): WorkbookWrite {
  return emptyWrite({
    addSheets: [settingsSheet],
    columns: [tagBlock],
    addNames: [
      { name: 'ABC_阈值', ref: "'ABC 设置'!$B$3:$B$4" },
      { name: 'ABC_marker', ref: "'ABC 设置'!$A$1", hidden: true },
    ],
  });
}

describe('writing new sheets', () => {
  const fixture = richWorkbook();
  const wb = openXlsx(fixture.bytes);
  let out: Uint8Array;
  beforeAll(async () => {
    await wb.apply(fullWrite());
    out = wb.toBytes();
  });

  test('the new sheet reads back with every kind of cell; text stays text', async () => {
    const s = await wb.readSheet('ABC 设置');
    expect(s.values).toEqual([
      ['ABC 设置', null, null, null],
      ['城市', '阈值', '比例', null],
      ['=1+1', 1234.5, 0.25, null],
      ['+86 <tag> & "q"', 10, true, null], // the control character is stripped
      ['合计', 1244.5, '有', null],
      ['  lead and trail  ', null, '#DIV/0!', true],
      ['literal _x0041_ stays', null, null, null],
    ]);
  });

  test('text is an inline string, formulas are <f> with cached values of the right type', () => {
    const part = Object.keys(parts(out)).find((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p) && text(out, p).includes('ABC 设置'))!;
    const xml = text(out, part);
    expect(xml).toContain('<c r="A3" t="inlineStr"><is><t>=1+1</t></is></c>');
    expect(xml).not.toContain('<f>1+1</f>');
    expect(xml).toMatch(/<c r="B5" s="\d+"><f>SUM\(B3:B4\)<\/f><v>1244.5<\/v><\/c>/);
    expect(xml).toContain('<c r="C5" t="str"><f>IF(B5&gt;0,"有","无")</f><v>有</v></c>');
    expect(xml).toContain('<c r="C6" t="e"><f>B3/0</f><v>#DIV/0!</v></c>');
    expect(xml).toContain('<c r="D6" t="b"><f>B3&gt;0</f><v>1</v></c>');
    expect(xml).toContain('<t xml:space="preserve">  lead and trail  </t>');
    expect(xml).toContain('literal _x005F_x0041_ stays');
    expect(xml).toContain('<tabColor rgb="FF1F7A3D"/>');
    expect(xml).toContain('<pane xSplit="1" ySplit="2" topLeftCell="B3" activePane="bottomRight" state="frozen"/>');
    expect(xml).toMatch(/<cols><col min="1" max="1" width="16\.\d+" customWidth="1"\/><col min="2" max="3" width="12\.\d+" customWidth="1"\/><\/cols>/);
    expect(xml).toContain('<dimension ref="A1:D7"/>');
  });

  test('the sheet list, relationships, content types and names are updated', async () => {
    expect((await wb.listSheets()).map((s) => s.name)).toEqual(['客户', '数据', '透视', '隐藏', '深藏', 'ABC 设置']);
    expect(await wb.listNames()).toEqual([
      { name: '金额区', ref: '客户!$C$2:$C$10' },
      { name: 'secret', ref: '隐藏!$A$1', hidden: true },
      { name: 'ABC_阈值', ref: "'ABC 设置'!$B$3:$B$4" },
      { name: 'ABC_marker', ref: "'ABC 设置'!$A$1", hidden: true },
    ]);
    const workbookXml = text(out, 'xl/workbook.xml');
    expect(workbookXml).toContain('<sheet name="ABC 设置" sheetId="6" r:id="rId');
    expect(workbookXml).toContain('fullCalcOnLoad="1"');
    // The rest of workbook.xml is kept: pivot caches, book views, sheet-scoped names.
    expect(workbookXml).toContain('<pivotCaches><pivotCache cacheId="7" r:id="rId9"/></pivotCaches>');
    expect(workbookXml).toContain('<definedName name="_xlnm.Print_Area" localSheetId="0">客户!$A$1:$F$10</definedName>');
    expect(workbookXml).toContain('activeTab="2"');
    expect(text(out, '[Content_Types].xml')).toContain('<Override PartName="/xl/worksheets/sheet6.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>');
    expect(text(out, 'xl/_rels/workbook.xml.rels')).toContain('Target="worksheets/sheet6.xml"');
  });

  test('the calculation chain is dropped (Excel rebuilds it)', () => {
    expect(parts(out)['xl/calcChain.xml']).toBeUndefined();
    expect(text(out, '[Content_Types].xml')).not.toContain('calcChain');
    expect(text(out, 'xl/_rels/workbook.xml.rels')).not.toContain('calcChain');
  });

  test('styles: the few formats we need are added once and reused', async () => {
    const styles = text(out, 'xl/styles.xml');
    expect(styles).toContain('formatCode="0.0%"');
    expect(styles).toContain('<dxfs count="1">'); // the rest is kept
    const again = openXlsx(out);
    await again.apply(emptyWrite({ removeSheets: ['ABC 设置'], addSheets: [settingsSheet] }));
    expect(text(again.toBytes(), 'xl/styles.xml')).toBe(styles);
  });

  test('every part we did not have to change is byte for byte the same', () => {
    const d = diffParts(fixture.bytes, out);
    expect(d.changed).toEqual(['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    expect(d.removed).toEqual(['xl/calcChain.xml']);
    expect(d.added).toEqual(['xl/worksheets/sheet6.xml']);
    // Charts, drawings, images, comments, pivot parts, other sheets: untouched (in the list above by absence).
    for (const p of ['xl/charts/chart1.xml', 'xl/drawings/drawing1.xml', 'xl/media/image1.png', 'xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml',
      'xl/pivotTables/pivotTable1.xml', 'xl/pivotCache/pivotCacheDefinition1.xml', 'xl/pivotCache/pivotCacheRecords1.xml', 'xl/sharedStrings.xml']) {
      expect(parts(out)[p]).toBeDefined();
    }
  });

  test('the output opens in exceljs', async () => {
    const x = new ExcelJS.Workbook();
    // exceljs cannot read the planner fixture's drawing at all (see the next test); inspect a
    // drawing-free workbook that gets the same write.
    const plain = openXlsx(valuesWorkbook([{ name: '客户', values: [['客户名称', '城市', '金额'], ['甲', '北京', 200], ['乙', '上海', 50]] }]));
    await plain.apply(fullWrite());
    await x.xlsx.load(Buffer.from(plain.toBytes()) as unknown as ArrayBuffer);
    const ws = x.getWorksheet('ABC 设置')!;
    expect(ws.getCell('A3').value).toBe('=1+1');
    expect(ws.getCell('B5').value).toMatchObject({ formula: 'SUM(B3:B4)', result: 1244.5 });
    expect(ws.getCell('B3').numFmt).toBe('#,##0.00');
    expect(ws.getCell('C3').numFmt).toBe('0.0%');
    expect(ws.getCell('A2').font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 2 });
    expect(ws.properties.tabColor).toEqual({ argb: 'FF1F7A3D' });
    expect(ws.getColumn(1).width).toBeCloseTo(16.71, 1);
    const customers = x.getWorksheet('客户')!;
    expect(customers.getCell('G1').value).toBe('等级');
    expect(customers.getCell('G2').value).toMatchObject({ formula: 'IF(C2>100,"A","B")', result: 'A' });
    expect(customers.getCell('H4').value).toBe(4);
    expect(customers.getCell('A2').value).toBe('甲');
  });
});

test('exceljs cannot even read the planner fixture (its drawing), which this host reads and writes', async () => {
  const x = new ExcelJS.Workbook();
  await expect(x.xlsx.load(Buffer.from(richWorkbook().bytes) as unknown as ArrayBuffer)).rejects.toThrow(TypeError);
});

describe('writing tag columns into an existing sheet', () => {
  const fixture = richWorkbook();
  const wb = openXlsx(fixture.bytes);
  let out: Uint8Array;
  let xml: string;
  beforeAll(async () => {
    await wb.apply(emptyWrite({ columns: [tagBlock] }));
    out = wb.toBytes();
    xml = text(out, 'xl/worksheets/sheet1.xml');
  });

  test('cells land in the right rows and columns; the rest of each row is untouched', async () => {
    const s = await wb.readSheet('客户');
    expect(s.values.map((r) => r.slice(6, 8))).toEqual([
      ['等级', '覆盖'], ['A', '直销'], ['B', null], ['新行', 4], [null, null], [null, null], [null, null], [null, 99], [null, null], [null, null],
    ]);
    expect(s.values[1]!.slice(0, 6)).toEqual(['北京银行', '北京', 123.5, 45000, true, 247]);
    // Existing cells keep their XML exactly.
    expect(xml).toContain('<c r="F2"><f>C2*2</f><v>247</v></c>');
    expect(xml).toContain('<c r="F3" t="str"><f>"ab"&amp;"c"</f><v>abc</v></c>');
    // Row 4 did not exist: it is created in order between rows 3 and 5.
    expect(xml.indexOf('<row r="3"')).toBeLessThan(xml.indexOf('<row r="4"'));
    expect(xml.indexOf('<row r="4"')).toBeLessThan(xml.indexOf('<row r="5"'));
  });

  test('in a touched row, cells without r get one, so inserted cells cannot shift them', async () => {
    const w = openXlsx(fixture.bytes);
    await w.apply(emptyWrite({ columns: [{ sheet: '客户', firstRow: 6, firstColumn: 3, cells: [[{ kind: 'number', value: 8 }]] }] }));
    expect(text(w.toBytes(), 'xl/worksheets/sheet1.xml')).toMatch(/<row r="6"><c r="A6" t="s"><v>\d+<\/v><\/c><c r="B6"><v>7<\/v><\/c><c r="C6"><v>8<\/v><\/c><\/row>/);
    expect((await w.readSheet('客户')).values[5]!.slice(0, 3)).toEqual(['北京', 7, 8]);
  });

  test('the dimension and column widths are updated; the head and tail of the sheet are kept', () => {
    expect(xml).toContain('<dimension ref="A1:H10"/>');
    expect(xml).toMatch(/<cols><col min="1" max="1" width="14" customWidth="1"\/><col min="2" max="6" width="10" style="0"\/><col min="7" max="7" width="8\.\d+" style="0" customWidth="1"\/><col min="8" max="8" width="10\.\d+" style="0" customWidth="1"\/><\/cols>/);
    expect(xml).toContain('<mergeCells count="1"><mergeCell ref="A10:C10"/></mergeCells>');
    expect(xml).toContain('<dataValidations count="1">');
    expect(xml).toContain('<conditionalFormatting sqref="C2:C20">');
    expect(xml).toContain('<drawing r:id="rId1"/><legacyDrawing r:id="rId3"/>');
    expect(xml).toContain('mc:Ignorable="x14ac"');
  });

  test('a re-run replaces our cells in place and never adds a second set', async () => {
    const again = openXlsx(out);
    const rerun = {
      ...tagBlock,
      cells: [
        [{ kind: 'text' as const, text: '等级', style: 'header' as const }, { kind: 'text' as const, text: '覆盖', style: 'header' as const }],
        [{ kind: 'text' as const, text: 'C' }, null],
        [null, null],
        [null, null],
      ],
    };
    await again.apply(emptyWrite({ columns: [rerun] }));
    const s = await again.readSheet('客户');
    expect(s.values.slice(0, 4).map((r) => r.slice(6, 8))).toEqual([['等级', '覆盖'], ['C', null], [null, null], [null, null]]);
    const xml2 = text(again.toBytes(), 'xl/worksheets/sheet1.xml');
    expect(xml2.match(/r="G1"/g)).toHaveLength(1);
  });

  test('only the customer sheet and the parts a write must touch change', () => {
    const d = diffParts(fixture.bytes, out);
    expect(d.changed).toEqual(['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    expect(d.added).toEqual([]);
  });

  test('blocks into a missing or chart sheet are refused', async () => {
    await expect(openXlsx(fixture.bytes).apply(emptyWrite({ columns: [{ ...tagBlock, sheet: '没有' }] }))).rejects.toThrow(expect.objectContaining({ code: 'sheet-not-found' }));
  });
});

test('a UTF-16 sheet part is patched and written back as UTF-8', async () => {
  const { contentTypes: ct, rels: r, zipParts: z, NS_MAIN: ns, NS_R: nr } = await import('../../fixtures/xlsxBuilder');
  const xml = `<?xml version="1.0" encoding="UTF-16" standalone="yes"?><worksheet xmlns="${ns}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>客户</t></is></c></row></sheetData></worksheet>`;
  const utf16 = new Uint8Array(2 + xml.length * 2);
  utf16.set([0xff, 0xfe]);
  for (let i = 0; i < xml.length; i++) new DataView(utf16.buffer).setUint16(2 + i * 2, xml.charCodeAt(i), true);
  const bytes = z({
    '[Content_Types].xml': ct([['/xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'], ['/xl/worksheets/sheet1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml']]),
    '_rels/.rels': r([['rId1', 'officeDocument', 'xl/workbook.xml']]),
    'xl/workbook.xml': `<workbook xmlns="${ns}" xmlns:r="${nr}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': r([['rId1', 'worksheet', 'worksheets/sheet1.xml']]),
    'xl/worksheets/sheet1.xml': utf16,
  });
  const wb = openXlsx(bytes);
  expect((await wb.readSheet('S')).values).toEqual([['客户']]);
  await wb.apply(emptyWrite({ columns: [{ sheet: 'S', firstRow: 1, firstColumn: 2, cells: [[{ kind: 'text', text: 'A' }]] }] }));
  expect(text(wb.toBytes(), 'xl/worksheets/sheet1.xml')).toMatch(/^<\?xml version="1.0" encoding="UTF-8"/);
  expect((await wb.readSheet('S')).values).toEqual([['客户', 'A']]);
});

test('a block that would land inside an Excel table is refused (Excel would repair the file)', async () => {
  const { contentTypes: ct, rels: r, zipParts: z, valuesSheetXml, SharedStrings, NS_MAIN: ns, NS_R: nr } = await import('../../fixtures/xlsxBuilder');
  const sst = new SharedStrings();
  const sheet = valuesSheetXml([['名称', '城市', '金额'], ['甲', '北京', 1]], sst, { extra: '<tableParts count="1"><tablePart r:id="rId1"/></tableParts>' }).replace('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>', '');
  const bytes = z({
    '[Content_Types].xml': ct([
      ['/xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'],
      ['/xl/worksheets/sheet1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml'],
      ['/xl/sharedStrings.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml'],
      ['/xl/tables/table1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml'],
    ]),
    '_rels/.rels': r([['rId1', 'officeDocument', 'xl/workbook.xml']]),
    'xl/workbook.xml': `<workbook xmlns="${ns}" xmlns:r="${nr}"><sheets><sheet name="客户" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': r([['rId1', 'worksheet', 'worksheets/sheet1.xml'], ['rId2', 'sharedStrings', 'sharedStrings.xml']]),
    'xl/worksheets/sheet1.xml': sheet,
    'xl/worksheets/_rels/sheet1.xml.rels': r([['rId1', 'table', '../tables/table1.xml']]),
    'xl/tables/table1.xml': `<table xmlns="${ns}" id="1" name="表1" displayName="表1" ref="A1:D2"><autoFilter ref="A1:D2"/><tableColumns count="4"><tableColumn id="1" name="名称"/><tableColumn id="2" name="城市"/><tableColumn id="3" name="金额"/><tableColumn id="4" name="列1"/></tableColumns></table>`,
    'xl/sharedStrings.xml': sst.xml(),
  });
  const wb = openXlsx(bytes);
  const block = (col: number) => ({ sheet: '客户', firstRow: 1, firstColumn: col, cells: [[{ kind: 'text' as const, text: '等级' }]] });
  await expect(wb.apply(emptyWrite({ columns: [block(4)] }))).rejects.toThrow(expect.objectContaining({ code: 'bad-write', messageEn: expect.stringContaining('表1') }));
  await wb.apply(emptyWrite({ columns: [block(5)] }));
  expect((await wb.readSheet('客户')).values[0]).toEqual(['名称', '城市', '金额', null, '等级']);
});

describe('removing earlier generated sheets', () => {
  test('their parts, relationships, content types and sheet-scoped names go; other sheets keep their bytes', async () => {
    const fixture = richWorkbook();
    const first = openXlsx(fixture.bytes);
    await first.apply(fullWrite());
    const once = first.toBytes();
    const wb = openXlsx(once);
    await wb.apply(emptyWrite({ removeSheets: ['abc 设置', '透视'], removeNames: ['ABC_阈值', 'abc_MARKER'] }));
    const out = wb.toBytes();
    expect((await wb.listSheets()).map((s) => s.name)).toEqual(['客户', '数据', '隐藏', '深藏']);
    expect(await wb.listNames()).toEqual([
      { name: '金额区', ref: '客户!$C$2:$C$10' },
      { name: 'secret', ref: '隐藏!$A$1', hidden: true },
    ]);
    const all = parts(out);
    // The pivot sheet took its pivot table with it; the pivot cache stays (the workbook owns it).
    for (const gone of ['xl/worksheets/sheet3.xml', 'xl/worksheets/_rels/sheet3.xml.rels', 'xl/pivotTables/pivotTable1.xml', 'xl/pivotTables/_rels/pivotTable1.xml.rels', 'xl/worksheets/sheet6.xml']) {
      expect(all[gone]).toBeUndefined();
    }
    expect(all['xl/pivotCache/pivotCacheDefinition1.xml']).toBeDefined();
    const ct = text(out, '[Content_Types].xml');
    expect(ct).not.toContain('sheet3.xml');
    expect(ct).not.toContain('pivotTable1.xml');
    expect(ct).not.toContain('sheet6.xml');
    const wbXml = text(out, 'xl/workbook.xml');
    // The sheet-scoped name of sheet 1 (数据, index 1) keeps its index; active tab 2 (透视) fell back to 0.
    expect(wbXml).toContain('<definedName name="本表名" localSheetId="1">数据!$A$1</definedName>');
    expect(wbXml).not.toContain('activeTab');
    const d = diffParts(once, out);
    expect(d.changed).toEqual(['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml']);
  });

  test('a sheet-scoped name of a removed sheet goes with it, later indexes shift', async () => {
    const wb = openXlsx(richWorkbook().bytes);
    await wb.apply(emptyWrite({ removeSheets: ['客户'] }));
    const wbXml = text(wb.toBytes(), 'xl/workbook.xml');
    expect(wbXml).not.toContain('_xlnm.Print_Area');
    expect(wbXml).toContain('<definedName name="本表名" localSheetId="0">数据!$A$1</definedName>');
    expect(wbXml).toContain('activeTab="1"');
  });

  test('a re-run of the same write gives the same package (only the new sheetId differs)', async () => {
    const rerun = (): WorkbookWrite => ({ ...fullWrite(), removeSheets: ['ABC 设置'], removeNames: ['ABC_阈值', 'ABC_marker'] });
    const wb = openXlsx(richWorkbook().bytes);
    wb.buildOptions = { date: new Date(2024, 0, 1) };
    await wb.apply(rerun());
    const once = wb.toBytes();
    const progress: number[][] = [];
    await wb.apply(rerun(), (done, total) => progress.push([done, total]));
    const twice = wb.toBytes();
    const d = diffParts(once, twice);
    expect(d).toEqual({ changed: ['xl/workbook.xml'], removed: [], added: [] });
    expect(text(once, 'xl/workbook.xml').replace('sheetId="6"', 'sheetId="7"')).toBe(text(twice, 'xl/workbook.xml'));
    expect(progress.length).toBeGreaterThan(1);
    expect(progress[progress.length - 1]![0]).toBe(progress[progress.length - 1]![1]);
  });

  test('removing and adding a sheet of the same name in one write replaces it', async () => {
    const wb = openXlsx(richWorkbook().bytes);
    await wb.apply(fullWrite());
    await wb.apply(emptyWrite({ removeSheets: ['ABC 设置'], addSheets: [{ name: 'ABC 设置', rows: [[{ kind: 'number', value: 2 }]] }] }));
    expect((await wb.listSheets()).filter((s) => s.name === 'ABC 设置')).toHaveLength(1);
    expect((await wb.readSheet('ABC 设置')).values).toEqual([[2]]);
  });
});

describe('macro-enabled workbooks', () => {
  test('an .xlsm stays an .xlsm with its VBA project byte for byte', async () => {
    const fixture = richWorkbook({ macro: true });
    const wb = openXlsx(fixture.bytes, 'plan.xlsm');
    expect(wb.macroEnabled).toBe(true);
    await wb.apply(fullWrite());
    const out = wb.toBytes();
    expect(text(out, '[Content_Types].xml')).toContain('<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>');
    expect(text(out, 'xl/_rels/workbook.xml.rels')).toContain('vbaProject.bin');
    expect(Buffer.compare(Buffer.from(parts(out)['xl/vbaProject.bin']!), Buffer.from(fixture.parts['xl/vbaProject.bin'] as Uint8Array))).toBe(0);
    expect(text(out, 'xl/workbook.xml')).toContain('codeName="ThisWorkbook"');
    expect(openXlsx(out).macroEnabled).toBe(true);
  });
});

describe('all or nothing', () => {
  const bad: [string, Partial<WorkbookWrite>, string][] = [
    ['a sheet name that is too long', { addSheets: [{ name: 'x'.repeat(32), rows: [] }] }, 'bad-sheet-name'],
    ['a sheet name with a colon', { addSheets: [{ name: 'a:b', rows: [] }] }, 'bad-sheet-name'],
    ['a sheet name with a slash', { addSheets: [{ name: 'a/b', rows: [] }] }, 'bad-sheet-name'],
    ['an empty sheet name', { addSheets: [{ name: '', rows: [] }] }, 'bad-sheet-name'],
    ['a duplicate sheet name (case-insensitive)', { addSheets: [{ name: '数据', rows: [] }] }, 'duplicate-sheet'],
    ['two new sheets with one name', { addSheets: [{ name: 'New', rows: [] }, { name: 'NEW', rows: [] }] }, 'duplicate-sheet'],
    ['a defined name like a cell', { addNames: [{ name: 'AB12', ref: '数据!$A$1' }] }, 'bad-defined-name'],
    ['a defined name with a space', { addNames: [{ name: 'a b', ref: '数据!$A$1' }] }, 'bad-defined-name'],
    ['a defined name that exists', { addNames: [{ name: 'SECRET', ref: '数据!$A$1' }] }, 'duplicate-defined-name'],
    ['a defined name on a sheet that is not there', { addNames: [{ name: 'ABC_x', ref: "'没有 这个'!$A$1" }] }, 'bad-defined-name'],
    ['text beyond the cell limit', { addSheets: [{ name: 'Long', rows: [[{ kind: 'text', text: 'x'.repeat(32_768) }]] }] }, 'bad-cell'],
    ['a bad tab colour', { addSheets: [{ name: 'T', rows: [], tabColor: 'green' }] }, 'bad-write'],
    ['removing every sheet', { removeSheets: ['客户', '数据', '透视', '隐藏', '深藏'] }, 'bad-write'],
  ];
  test.each(bad)('%s: throws with a code and both languages, the workbook stays as it was', async (_what, write, code) => {
    const fixture = richWorkbook();
    const wb = openXlsx(fixture.bytes);
    const before = wb.toBytes();
    let error: unknown;
    try {
      // A good part of the write comes first, so a half-applied write would show.
      await wb.apply(emptyWrite({ ...write, columns: [tagBlock], addSheets: [settingsSheet, ...(write.addSheets ?? [])] }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(XlsxError);
    expect(error).toMatchObject({ code });
    expect((error as XlsxError).messageZh).toMatch(/[\u4e00-\u9fff]/);
    expect((error as XlsxError).messageEn).toMatch(/[a-z]/);
    expect(wb.toBytes()).toBe(before);
    expect((await wb.listSheets()).map((s) => s.name)).toEqual(['客户', '数据', '透视', '隐藏', '深藏']);
    expect((await wb.readSheet('客户')).values[0]).toHaveLength(8);
  });
});

describe('fill-down cells as shared formulas', () => {
  const fill: FillDown = { formula: 'IF(B2>100,"A","B")', row: 2 };
  const other: FillDown = { formula: 'C2*2', row: 2 };
  const f = (cached: CellValue, which = fill): SpecCell => ({ kind: 'fill', fill: which, cached });
  // Column A: rows 2-4 a run, row 5 its own formula, rows 6-7 a run again, row 8 alone (after a gap).
  // Column B: another fill, interrupted by a fill of the other formula.
  const rows: SpecCell[][] = [
    [{ kind: 'text', text: 'h' }, { kind: 'text', text: 'h2' }],
    [f('A'), f(4, other)],
    [f('B'), f(6, other)],
    [f('A'), f('B')],
    [{ kind: 'formula', formula: 'B5', cached: 7 }, f(10, other)],
    [f('B'), f(12, other)],
    [f('A'), null],
    [null, null],
    [f('B'), f(18, other)],
  ];
  const sheetXmlOf = (bytes: Uint8Array, part: string) => text(bytes, part);

  test('a new sheet: each run is one master (its range, this row\'s formula) and cells with the index only', async () => {
    const wb = openXlsx(valuesWorkbook([{ name: 'S', values: [['x']] }]));
    await wb.apply(emptyWrite({ addSheets: [{ name: 'F', rows }] }));
    const xml = sheetXmlOf(wb.toBytes(), 'xl/worksheets/sheet2.xml');
    const cell = (ref: string) => new RegExp(`<c r="${ref}"[^>]*>(.*?)</c>`).exec(xml)?.[1];
    expect(cell('A2')).toBe('<f t="shared" ref="A2:A4" si="0">IF(B2&gt;100,"A","B")</f><v>A</v>');
    expect(cell('A3')).toBe('<f t="shared" si="0"/><v>B</v>');
    expect(cell('A4')).toBe('<f t="shared" si="0"/><v>A</v>');
    expect(cell('A5')).toBe('<f>B5</f><v>7</v>');
    expect(cell('A6')).toBe('<f t="shared" ref="A6:A7" si="1">IF(B6&gt;100,"A","B")</f><v>B</v>');
    expect(cell('A7')).toBe('<f t="shared" si="1"/><v>A</v>');
    expect(cell('A9')).toBe('<f>IF(B9&gt;100,"A","B")</f><v>B</v>'); // a run of one is a plain formula
    expect(cell('B2')).toBe('<f t="shared" ref="B2:B3" si="2">C2*2</f><v>4</v>');
    expect(cell('B4')).toBe('<f>IF(B4&gt;100,"A","B")</f><v>B</v>');
    expect(cell('B5')).toBe('<f t="shared" ref="B5:B6" si="3">C5*2</f><v>10</v>');
    expect(cell('B9')).toBe('<f>C9*2</f><v>18</v>');
    // Read back: the cached values.
    const s = await wb.readSheet('F');
    expect(s.values.map((r) => r.slice(0, 2))).toEqual([['h', 'h2'], ['A', 4], ['B', 6], ['A', 'B'], [7, 10], ['B', 12], ['A', null], [null, null], ['B', 18]]);
    // exceljs expands shared formulas: each cell's formula is its row's.
    const ej = new ExcelJS.Workbook();
    await ej.xlsx.load(Buffer.from(wb.toBytes()) as unknown as ArrayBuffer);
    const ws = ej.getWorksheet('F')!;
    expect(ws.getCell('A3').formula).toBe('IF(B3>100,"A","B")');
    expect(ws.getCell('B6').formula).toBe('C6*2');
  });

  test('into an existing sheet: our indexes follow the ones the sheet keeps; a re-run numbers them the same', async () => {
    const base = valuesWorkbook([{ name: '客户', values: [['名称', '金额'], ['a', 1], ['b', 2], ['c', 3], ['d', 4]] }]);
    // The user's own shared formulas in C2:C5 (si 0 and 3) and one in D2 that our block replaces (si 9).
    const p = parts(base);
    let sheet = new TextDecoder().decode(p['xl/worksheets/sheet1.xml']);
    const userCells: Record<number, string> = {
      2: '<c r="C2"><f t="shared" ref="C2:C3" si="0">B2+1</f><v>2</v></c><c r="D2"><f t="shared" ref="D2:D3" si="9">B2</f><v>1</v></c>',
      3: '<c r="C3"><f t="shared" si="0"/><v>3</v></c><c r="D3"><f t="shared" si="9"/><v>2</v></c>',
      4: '<c r="C4"><f si="3" ref="C4:C5" t="shared">B4+1</f><v>5</v></c>',
      5: '<c r="C5"><f t="shared" si="3"/><v>6</v></c>',
    };
    for (const [r, cells] of Object.entries(userCells)) sheet = sheet.replace(new RegExp(`(<row r="${r}"[^>]*>.*?)</row>`), `$1${cells}</row>`);
    p['xl/worksheets/sheet1.xml'] = new TextEncoder().encode(sheet);
    const bytes = zipParts(p);
    const fillD: FillDown = { formula: 'B2*10', row: 2 };
    const write = emptyWrite({ columns: [{ sheet: '客户', firstRow: 1, firstColumn: 4, cells: [[{ kind: 'text', text: '标签' }], ...[10, 20, 30, 40].map((v): SpecCell[] => [{ kind: 'fill', fill: fillD, cached: v }])] }] });
    const wb = openXlsx(bytes);
    await wb.apply(write);
    const once = wb.toBytes();
    const xml = text(once, 'xl/worksheets/sheet1.xml');
    expect(xml).toContain('<c r="C2"><f t="shared" ref="C2:C3" si="0">B2+1</f><v>2</v></c>');
    expect(xml).toContain('<c r="D2"><f t="shared" ref="D2:D5" si="4">B2*10</f><v>10</v></c>');
    expect(xml).toContain('<c r="D5"><f t="shared" si="4"/><v>40</v></c>');
    expect(xml).not.toContain('si="9"');
    expect((await wb.readSheet('客户')).values.map((r) => r[3])).toEqual(['标签', 10, 20, 30, 40]);
    // Again on our own output: our earlier run goes, the numbering stays.
    await wb.apply(write);
    expect(text(wb.toBytes(), 'xl/worksheets/sheet1.xml')).toBe(xml);
  });

  test('a fill that would refer outside the sheet is refused before anything is written', async () => {
    const wb = openXlsx(valuesWorkbook([{ name: 'S', values: [['x']] }]));
    const before = wb.toBytes();
    const bad: FillDown = { formula: 'A1+A3', row: 3 };
    await expect(wb.apply(emptyWrite({ addSheets: [{ name: 'F', rows: [[{ kind: 'fill', fill: bad }], [{ kind: 'fill', fill: bad }]] }] }))).rejects.toThrow(XlsxError);
    expect(wb.toBytes()).toBe(before);
  });
});
