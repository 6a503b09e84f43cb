/**
 * Issue 9: namespaces as other producers spell them. Our new `<sheet>` must carry its `r:id`
 * with the relationships namespace in scope and be in the main namespace, whatever prefixes the
 * input chose; every part we write or patch must be namespace-well-formed (LibreOffice refuses
 * workbook.xml otherwise: "source file could not be loaded"). The last block runs the same
 * check on the outputs of the usual write scenarios.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SaxesParser } from 'saxes';
import type { FillDown, SheetSpec, WorkbookWrite } from '../../../src/spec/write';
import { openXlsx } from '../../../src/hosts/xlsx';
import { ContentTypes, CT } from '../../../src/hosts/xlsx/contentTypes';
import { openPackage } from '../../../src/hosts/xlsx/package';
import { Relationships } from '../../../src/hosts/xlsx/relationships';
import { WorkbookXml } from '../../../src/hosts/xlsx/workbookXml';
import { richWorkbook } from '../../fixtures/xlsxBuilder';
import { recalcWithLibreOffice } from '../../support/libreoffice';
import { describeWhen, hasLibreOffice } from '../../support/requirements';
import { emptyWrite, text } from './helpers';
import { CUSTOMERS, namespaceWorkbook, TRANSITIONAL_NS, type NamespaceVariant } from './namespaceFixtures';
import { checkWrittenParts, parseWithNamespaces } from './wellFormed';

jest.setTimeout(180_000);

const fill: FillDown = { formula: 'C2*2', row: 2 };
const settings: SheetSpec = {
  name: 'ABC 设置',
  rows: [
    [{ kind: 'text', text: '阈值', style: 'header' }, { kind: 'number', value: 100, style: 'wan' }],
    [{ kind: 'text', text: '  空格  ' }, { kind: 'formula', formula: 'B1*2', cached: 200 }],
  ],
  columnWidths: [12, 10],
  freeze: { rows: 1, columns: 0 },
  tabColor: '2E75B6',
};

/** A settings sheet, tag columns with fill-downs (shared formulas) and a name: what a plan writes. */
function planWrite(): WorkbookWrite {
  return emptyWrite({
    addSheets: [settings],
    columns: [
      {
        sheet: '客户',
        firstRow: 1,
        firstColumn: 4,
        cells: [
          [{ kind: 'text', text: '倍数', style: 'header' }],
          ...CUSTOMERS.slice(1).map(() => [{ kind: 'fill' as const, fill, cached: 0 }]),
        ],
        columnWidths: [8],
      },
    ],
    addNames: [{ name: 'ABC_阈值', ref: "'ABC 设置'!$B$1" }],
  });
}

interface SheetEntry {
  name: string;
  uri: string;
  /** The `id` attribute in a namespace, with that namespace. */
  id?: { uri: string; value: string };
}

/** The `<sheet>` elements of a workbook.xml, read in namespace mode. */
function sheetEntries(xml: string): SheetEntry[] {
  const out: SheetEntry[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('opentag', (tag) => {
    if (tag.local !== 'sheet') return;
    const entry: SheetEntry = { name: String(tag.attributes['name']?.value ?? ''), uri: tag.uri };
    for (const a of Object.values(tag.attributes)) {
      if (a.local === 'id' && a.prefix !== '' && a.prefix !== 'xmlns') entry.id = { uri: a.uri, value: a.value };
    }
    out.push(entry);
  });
  parser.write(xml).close();
  return out;
}

const variants: [string, NamespaceVariant][] = [
  ['the usual spelling (xmlns:r on the root)', {}],
  ['the relationships namespace declared on each <sheet> only (POI 59021.xlsx, 59746_NoRowNums.xlsx)', { relDecl: 'per-sheet' }],
  ['the relationships namespace under another prefix (calamine nonstandard-xml-ns-prefix.xlsx)', { relDecl: 'root-other' }],
  ['the main namespace on a prefix, <x:workbook xmlns:x=…> (OpenXML SDK)', { mainPrefix: 'x' }],
  ['r bound on the root to an unrelated namespace, the real one on each <sheet>', { relDecl: 'per-sheet', foreignR: true }],
  ['all of these at once', { mainPrefix: 'x', relDecl: 'per-sheet', foreignR: true }],
];

describe.each(variants)('%s', (_label, variant) => {
  const input = namespaceWorkbook(variant);
  const wb = openXlsx(input.bytes, 'in.xlsx');
  let out: Uint8Array;
  beforeAll(async () => {
    await wb.apply(planWrite());
    out = wb.toBytes();
  });

  test('the input is itself a namespace-well-formed workbook that we read', async () => {
    for (const [name, part] of Object.entries(input.parts)) if (typeof part === 'string') parseWithNamespaces(name, part);
    expect((await openXlsx(input.bytes).readSheet('客户')).values).toEqual(CUSTOMERS);
  });

  test('every part we wrote or patched is namespace-well-formed', () => {
    const checked = checkWrittenParts(input.bytes, out);
    expect([...checked.keys()].sort()).toEqual(
      ['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet3.xml'].sort(),
    );
    for (const part of ['xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet3.xml', 'xl/styles.xml']) {
      expect([part, [...checked.get(part)!.elements]]).toEqual([part, [TRANSITIONAL_NS.main]]);
    }
  });

  test('each <sheet>, ours too, is in the main namespace with an id in the relationships namespace that leads to its part', () => {
    const entries = sheetEntries(text(out, 'xl/workbook.xml'));
    expect(entries.map((e) => e.name)).toEqual(['客户', '说明', 'ABC 设置']);
    const pkg = openPackage(out);
    for (const e of entries) {
      expect(e.uri).toBe(TRANSITIONAL_NS.main);
      expect(e.id?.uri).toBe(TRANSITIONAL_NS.rel);
      expect(pkg.workbookRels.byId(e.id!.value)?.kind).toBe('worksheet');
    }
    expect(pkg.sheets.map((s) => s.part)).toEqual(['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet3.xml']);
  });

  test('our sheets and cells read back; a re-run replaces them and stays well-formed', async () => {
    expect((await wb.readSheet('ABC 设置')).values).toEqual([['阈值', 100], ['  空格  ', 200]]);
    expect((await wb.readSheet('客户')).values.map((r) => r[3])).toEqual(['倍数', 0, 0, 0]);
    const again = openXlsx(out);
    await again.apply({ ...planWrite(), removeSheets: ['ABC 设置'], removeNames: ['ABC_阈值'] });
    checkWrittenParts(out, again.toBytes());
    checkWrittenParts(input.bytes, again.toBytes());
    expect(sheetEntries(text(again.toBytes(), 'xl/workbook.xml')).map((e) => [e.name, e.id?.uri])).toEqual([
      ['客户', TRANSITIONAL_NS.rel],
      ['说明', TRANSITIONAL_NS.rel],
      ['ABC 设置', TRANSITIONAL_NS.rel],
    ]);
  });
});

describe('WorkbookXml.addSheet declares what it uses', () => {
  const wbXml = (root: string, sheets: string): string => `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${TRANSITIONAL_NS.main}"${root}><sheets>${sheets}</sheets></workbook>`;
  const rel = TRANSITIONAL_NS.rel;

  test('with the namespace only on the other <sheet>s, ours declares xmlns:r itself and the root is untouched', () => {
    const wb = WorkbookXml.parse(wbXml('', `<sheet xmlns:ns="${rel}" name="A" sheetId="1" ns:id="rId1"/>`), 'xl/workbook.xml');
    expect(wb.sheets().map((s) => s.relId)).toEqual(['rId1']);
    wb.addSheet('B', 2, 'rId9');
    const xml = wb.serialize();
    expect(xml).toContain(`<sheet xmlns:r="${rel}" name="B" sheetId="2" r:id="rId9"/>`);
    expect(xml).toContain(`<workbook xmlns="${TRANSITIONAL_NS.main}"><sheets>`);
    expect(sheetEntries(xml).map((e) => e.id)).toEqual([{ uri: rel, value: 'rId1' }, { uri: rel, value: 'rId9' }]);
  });

  test('a prefix bound on the root is used as it is, whatever its name', () => {
    const wb = WorkbookXml.parse(wbXml(` xmlns:rel="${rel}"`, '<sheet name="A" sheetId="1" rel:id="rId1"/>'), 'xl/workbook.xml');
    wb.addSheet('B', 2, 'rId9');
    expect(wb.serialize()).toContain('<sheet name="B" sheetId="2" rel:id="rId9"/>');
  });

  test('an r bound to something else is shadowed on our element, not reused', () => {
    const wb = WorkbookXml.parse(wbXml(' xmlns:r="urn:other"', `<sheet xmlns:ns="${rel}" name="A" sheetId="1" ns:id="rId1" r:other="x"/>`), 'xl/workbook.xml');
    expect(wb.sheets().map((s) => s.relId)).toEqual(['rId1']); // r:other is not the relationship id
    wb.addSheet('B', 2, 'rId9');
    expect(sheetEntries(wb.serialize())[1]!.id).toEqual({ uri: rel, value: 'rId9' });
  });

  test('a prefixed main namespace: <x:sheet> under <x:sheets>', () => {
    const wb = WorkbookXml.parse(`<x:workbook xmlns:x="${TRANSITIONAL_NS.main}" xmlns:r="${rel}"><x:sheets><x:sheet name="A" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`, 'xl/workbook.xml');
    wb.addSheet('B', 2, 'rId9');
    expect(wb.serialize()).toContain('<x:sheet name="B" sheetId="2" r:id="rId9"/></x:sheets>');
  });
});

describe('the usual write scenarios give namespace-well-formed parts', () => {
  const richWrite = (): WorkbookWrite =>
    emptyWrite({
      addSheets: [settings],
      columns: [
        {
          sheet: '客户',
          firstRow: 1,
          firstColumn: 7,
          cells: [
            [{ kind: 'text', text: '等级', style: 'header' }, { kind: 'text', text: '覆盖', style: 'header' }],
            [{ kind: 'fill', fill: { formula: 'C2*2', row: 2 }, cached: 1 }, { kind: 'text', text: '直销' }],
            [{ kind: 'fill', fill: { formula: 'C2*2', row: 2 }, cached: 1 }, null],
            [{ kind: 'text', text: '新行' }, { kind: 'number', value: 4 }],
          ],
          columnWidths: [8, 10],
        },
      ],
      addNames: [{ name: 'ABC_阈值', ref: "'ABC 设置'!$B$1" }, { name: 'ABC_marker', ref: "'ABC 设置'!$A$1", hidden: true }],
    });

  test.each([
    ['the planner workbook (chart, pivot, comments, mc:Ignorable)', false],
    ['its macro-enabled twin', true],
  ])('%s: a write, then a re-run on the output', async (_label, macro) => {
    const fixture = richWorkbook({ macro });
    const wb = openXlsx(fixture.bytes);
    await wb.apply(richWrite());
    const first = wb.toBytes();
    expect(checkWrittenParts(fixture.bytes, first).size).toBeGreaterThanOrEqual(5);
    await wb.apply({ ...richWrite(), removeSheets: ['ABC 设置'], removeNames: ['ABC_阈值', 'ABC_marker'] });
    checkWrittenParts(first, wb.toBytes());
  });

  test('removing a generated sheet only', async () => {
    const fixture = richWorkbook();
    const wb = openXlsx(fixture.bytes);
    await wb.apply(richWrite());
    const first = wb.toBytes();
    await wb.apply(emptyWrite({ removeSheets: ['ABC 设置'], removeNames: ['ABC_阈值', 'ABC_marker'] }));
    const checked = checkWrittenParts(first, wb.toBytes());
    expect(checked.has('xl/workbook.xml')).toBe(true);
  });

  test('a workbook without a styles part gets one, well-formed and in the main namespace', async () => {
    const input = namespaceWorkbook({ noStyles: true, relDecl: 'per-sheet' });
    const wb = openXlsx(input.bytes);
    await wb.apply(planWrite());
    const checked = checkWrittenParts(input.bytes, wb.toBytes());
    expect([...checked.get('xl/styles.xml')!.elements]).toEqual([TRANSITIONAL_NS.main]);
    expect(openPackage(wb.toBytes()).stylesPart).toBe('xl/styles.xml');
  });
});

describeWhen('LibreOffice (soffice)', hasLibreOffice(), 'apt-get install --no-install-recommends libreoffice-calc-nogui', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'xlsx-ns-lo-'));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  test.each(variants.slice(1).map(([label, v], i) => [label, v, i] as const))('%s: the output opens and shows our sheet and columns', async (_label, variant, i) => {
    const wb = openXlsx(namespaceWorkbook(variant).bytes);
    await wb.apply(planWrite());
    const file = path.join(dir, `ns${i}.xlsx`);
    await fs.writeFile(file, wb.toBytes());
    const back = openXlsx(new Uint8Array(await fs.readFile(await recalcWithLibreOffice(file, path.join(dir, `out${i}`)))));
    expect((await back.listSheets()).map((s) => s.name)).toEqual(['客户', '说明', 'ABC 设置']);
    expect((await back.readSheet('ABC 设置')).values).toEqual([['阈值', 100], ['  空格  ', 200]]);
    // Recalculated by LibreOffice: the fill-down formulas are live.
    expect((await back.readSheet('客户')).values.map((r) => r[3])).toEqual(['倍数', 240, 160, 60]);
  });
});

describe('the package parts we edit keep their producer\'s prefixes', () => {
  test('[Content_Types].xml with a prefixed root: our Override is in the content-types namespace', () => {
    const ns = 'http://schemas.openxmlformats.org/package/2006/content-types';
    const ct = ContentTypes.parse(`<?xml version="1.0"?><ct:Types xmlns:ct="${ns}"><ct:Default Extension="xml" ContentType="application/xml"/></ct:Types>`);
    ct.setOverride('xl/worksheets/sheet9.xml', CT.worksheet);
    const found = parseWithNamespaces('[Content_Types].xml', ct.serialize());
    expect([...found.names].sort()).toEqual([`{${ns}}Default`, `{${ns}}Override`, `{${ns}}Types`]);
    expect(ct.typeOf('/xl/worksheets/sheet9.xml')).toBe(CT.worksheet);
  });

  test('relationships with a prefixed root: ours is in the relationships namespace', () => {
    const ns = 'http://schemas.openxmlformats.org/package/2006/relationships';
    const rels = Relationships.parse(`<?xml version="1.0"?><p:Relationships xmlns:p="${ns}"><p:Relationship Id="rId1" Type="${TRANSITIONAL_NS.rel}/worksheet" Target="worksheets/sheet1.xml"/></p:Relationships>`, 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels');
    expect(rels.add(`${TRANSITIONAL_NS.rel}/styles`, 'xl/styles.xml')).toBe('rId2');
    expect([...parseWithNamespaces('workbook.xml.rels', rels.serialize()).names].sort()).toEqual([`{${ns}}Relationship`, `{${ns}}Relationships`]);
  });
});
