/**
 * Issues 9 and 15, each case as a planner meets it: `abc-planner plan` on a workbook whose
 * customer sheet another producer wrote. The plan must come out as a file Excel opens without
 * repair: one r per row, one dimension covering everything, elements in CT_Worksheet's order.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { readXlsxFile } from '../../../src/hosts/xlsx/node';
import { removeDir, run, tempDir } from '../../cli/helpers';
import { worksheetProblems, xmlProblems } from '../../support/worksheetChecks';
import { richWorkbook } from '../../fixtures/xlsxBuilder';
import { openXlsx } from '../../../src/hosts/xlsx';
import { diffParts, emptyWrite, text } from './helpers';
import { CUSTOMERS, customerSheetXml, SHEET_PART, workbookWithSheet, type Spelling } from './oddSheets';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('abc-spell-');
});
afterAll(() => removeDir(dir));

/** Plans a workbook with the customer sheet in `spelling`; the output's bytes and patched sheet part. */
async function plan(name: string, spelling: Spelling): Promise<{ before: Uint8Array; after: Uint8Array; sheet: string; stderr: string }> {
  const before = workbookWithSheet(customerSheetXml(spelling));
  const input = path.join(dir, `${name}.xlsx`);
  await fs.writeFile(input, before);
  const res = await run(['plan', input, '--out', path.join(dir, `${name}-out.xlsx`)], { cwd: dir });
  expect({ code: res.code, stderr: res.code ? res.stderr : '' }).toEqual({ code: 0, stderr: '' });
  const after = new Uint8Array(await fs.readFile(path.join(dir, `${name}-out.xlsx`)));
  return { before, after, sheet: text(after, SHEET_PART), stderr: res.stderr };
}

/** Every part the plan wrote or changed parses namespace-aware; the customer sheet is as Excel wants it. */
function expectSound(before: Uint8Array, after: Uint8Array): void {
  const { changed, added } = diffParts(before, after);
  expect(changed).toContain(SHEET_PART);
  for (const part of [...changed, ...added].filter((n) => /\.(xml|rels)$/.test(n))) {
    expect({ part, problems: xmlProblems(text(after, part)) }).toEqual({ part, problems: [] });
    if (part.startsWith('xl/worksheets/')) expect({ part, problems: worksheetProblems(text(after, part)) }).toEqual({ part, problems: [] });
  }
}

const count = (xml: string, re: RegExp): number => (xml.match(re) ?? []).length;

describe('customer sheets in other spellings plan into sheets Excel opens without repair', () => {
  test("single-quoted attributes: each row keeps one r, and there is one dimension", async () => {
    const { before, after, sheet } = await plan('quotes', { quote: "'", dimension: 'self' });
    expectSound(before, after);
    expect(sheet).not.toMatch(/<row[^>]*\sr=["'][^>]*\sr=/);
    expect(count(sheet, /<dimension\b/g)).toBe(1);
    // The tag columns landed beside the data, in the customers' rows.
    const wb = await readXlsxFile(path.join(dir, 'quotes-out.xlsx'));
    const read = await wb.readSheet('客户');
    expect(read.values.length).toBe(CUSTOMERS.length);
    expect(read.values[0]!.slice(0, 4)).toEqual(CUSTOMERS[0]);
    expect(read.values[0]!.length).toBeGreaterThan(4);
  });

  test('the OpenXML SDK spelling (x: on every element) stays in it', async () => {
    const { before, after, sheet } = await plan('sdk', { prefix: 'x:', dimension: 'self', comments: true });
    expectSound(before, after);
    expect(sheet).not.toMatch(/<(row|c|dimension|cols|col)[\s>/]/); // nothing unprefixed of ours
    expect(count(sheet, /<x:dimension\b/g)).toBe(1);
    expect(sheet).toMatch(/<x:cols>/);
  });

  test('no dimension and a sheetPr with children (Google Sheets): dimension after sheetPr, covering data and tags', async () => {
    const { before, after, sheet } = await plan('google', { sheetPrChildren: true, dimension: 'none' });
    expectSound(before, after);
    expect(sheet).toMatch(/<sheetPr><pageSetUpPr fitToPage="1"\/><\/sheetPr><dimension ref="A1:[A-Z]+5"\/>/);
    const ref = /<dimension ref="A1:([A-Z]+)5"\/>/.exec(sheet)![1]!;
    // It covers the customers' columns A:D and every tag column written.
    const lastTag = [...sheet.matchAll(/<c r="([A-Z]+)1"/g)].map((m) => m[1]!).sort((a, b) => a.length - b.length || a.localeCompare(b)).pop()!;
    expect(ref).toBe(lastTag);
    expect(ref > 'D').toBe(true);
  });

  test('a long-form dimension in single quotes with a prefix is updated in place, not doubled', async () => {
    const { before, after, sheet } = await plan('long', { prefix: 'x:', quote: "'", dimension: 'long' });
    expectSound(before, after);
    expect(count(sheet, /<x:dimension\b/g)).toBe(1);
    expect(sheet).not.toContain('</x:dimension>');
    expect(sheet).toMatch(/<x:dimension ref="A1:[E-Z][A-Z]*5"\/>/);
  });

  test('rows and cells without r, comments between them', async () => {
    const { before, after } = await plan('norefs', { noRefs: true, comments: true, dimension: 'none' });
    expectSound(before, after);
    const wb = await readXlsxFile(path.join(dir, 'norefs-out.xlsx'));
    expect((await wb.readSheet('客户')).values[4]!.slice(0, 4)).toEqual(CUSTOMERS[4]);
  });

  test("a user's sized <col> range over the tag columns keeps its width; an unsized one lends its style", async () => {
    const sized = await plan('sized', { cols: `<cols><col min="1" max="20" width="30.5" customWidth="1"/></cols>`, dimension: 'self' });
    expectSound(sized.before, sized.after);
    expect(sized.sheet).toContain('<cols><col min="1" max="20" width="30.5" customWidth="1"/></cols>');

    const styled = await plan('styled', { cols: `<cols><col min='1' max='20' width='30.5' style='1'/></cols>`, dimension: 'self' });
    expectSound(styled.before, styled.after);
    const cols = [...styled.sheet.matchAll(/<col ([^>]*)\/>/g)].map((m) => m[1]!);
    // The user's columns A:D keep their width; ours (from E) get their own, with the user's style.
    expect(cols[0]).toBe('min="1" max="4" width="30.5" style="1"');
    const ours = cols.slice(1, -1);
    expect(ours.length).toBeGreaterThan(0);
    ours.forEach((c, i) => expect(c).toMatch(new RegExp(`^min="${5 + i}" max="${5 + i}" width="[\\d.]+" style="1" customWidth="1"$`)));
    expect(ours.some((c) => !c.includes('width="30.5"'))).toBe(true);
    // …and the rest of the user's range after ours is theirs again.
    expect(cols[cols.length - 1]).toBe(`min="${5 + ours.length}" max="20" width="30.5" style="1"`);
  });
});

test("a planner's rich workbook (Excel's spelling, elements after sheetData): every sheet part written or patched keeps CT_Worksheet's order", async () => {
  const before = richWorkbook().bytes;
  const wb = openXlsx(before);
  await wb.apply(
    emptyWrite({
      addSheets: [
        {
          name: 'ABC 设置',
          rows: [[{ kind: 'text', text: '阈值', style: 'header' }, { kind: 'number', value: 100 }]],
          columnWidths: [12, 12],
          freeze: { rows: 1, columns: 1 },
          tabColor: '2E75B6',
        },
      ],
      columns: [{ sheet: '客户', firstRow: 1, firstColumn: 7, cells: [[{ kind: 'text', text: '等级' }], [{ kind: 'text', text: 'A' }]], columnWidths: [9] }],
    }),
  );
  const after = wb.toBytes();
  expectSound(before, after);
  expect(diffParts(before, after).added.filter((p) => p.startsWith('xl/worksheets/')).length).toBe(1);
});

describe('the worksheet checker used above finds what Excel would repair', () => {
  const ws = (inner: string, data = '<row r="1"><c r="A1"><v>1</v></c></row>'): string =>
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${inner}<sheetData>${data}</sheetData></worksheet>`;
  test.each([
    ['a good part', ws('<dimension ref="A1"/><cols><col min="1" max="2" width="9"/></cols>'), []],
    ['a repeated attribute', ws('', `<row r="1" r='1'/>`), ['duplicate attribute: r.']],
    ['a second dimension', ws('<dimension ref="A1"/><dimension ref="A1"/>'), ['a second <dimension>']],
    ['dimension inside sheetPr', ws('<sheetPr><pageSetUpPr/><dimension ref="A1"/></sheetPr>'), ['<dimension> inside <sheetPr>']],
    ['sheetPr children out of order', ws('<sheetPr><pageSetUpPr/><tabColor rgb="FF000000"/></sheetPr>'), ['<tabColor> after <pageSetUpPr> in <sheetPr>']],
    ['dimension after sheetViews', ws('<sheetViews/><dimension ref="A1"/>'), ['<dimension> after <sheetViews>']],
    ['rows out of order', ws('', '<row r="5"/><row r="2"/>'), ['row 2 after row 5']],
    ['a cell twice', ws('', '<row r="1"><c r="B1"/><c r="B1"/></row>'), ['cell B1 twice in row 1']],
    ['a cell naming another row', ws('', '<row r="1"><c r="B2"/></row>'), ['cell B2 in row 1']],
    ['overlapping cols', ws('<cols><col min="1" max="5" width="9"/><col min="3" max="3" width="9"/></cols>'), ['<col min="3"> overlaps or comes before column 5']],
    ['an unbound prefix', ws('<x:cols/>'), ['unbound namespace prefix: "x".']],
  ])('%s', (_name, xml, problems) => {
    expect(worksheetProblems(xml)).toEqual(problems);
  });
});
