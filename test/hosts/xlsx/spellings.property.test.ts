/**
 * Property: a worksheet in any spelling other producers use (single or double quotes, a
 * namespace prefix on every element as the OpenXML SDK writes, rows and cells without r,
 * self-closing rows, inline and rich strings, comments and whitespace between elements, a
 * UTF-8 BOM, a head with or without sheetPr children, dimension in either form, user columns)
 * reads right, and after tag columns are written into it every part written or patched is
 * well formed (namespace-aware), the sheet keeps CT_Worksheet's element order with no repeated
 * attribute, row or cell, rows and cells in order, a dimension covering the whole used range,
 * and the widths of columns the user sized.
 */
import fc from 'fast-check';
import type { CellValue } from '../../../src/engine/types';
import type { FillDown, SpecCell } from '../../../src/spec/write';
import { openXlsx } from '../../../src/hosts/xlsx';
import { colWidth } from '../../../src/hosts/xlsx/sheetWriter';
import { NS_MAIN } from '../../fixtures/xlsxBuilder';
import { worksheetProblems, xmlProblems } from '../../support/worksheetChecks';
import { diffParts, emptyWrite, text } from './helpers';
import { SHEET_PART, workbookWithSheet } from './oddSheets';

const SST = ['甲', 'b & c', '乙丙'];
const SST_XML = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS_MAIN}">${SST.map((s) => `<si><t>${s.replace('&', '&amp;')}</t></si>`).join('')}</sst>`;

const kinds = ['n', 's', 'inline', 'rich', 'b', 'str', 'empty'] as const;
type Kind = (typeof kinds)[number];
const seps = ['', ' ', '\n  ', '<!-- c -->', '\n<!--x-->\n'];

const cellArb = fc.record({
  gap: fc.nat(2),
  withR: fc.boolean(),
  kind: fc.constantFrom(...kinds),
  num: fc.integer({ min: -999, max: 999 }),
  idx: fc.nat(SST.length - 1),
  q: fc.constantFrom('"', "'"),
  sep: fc.constantFrom(...seps),
});
const rowArb = fc.record({
  skip: fc.nat(2),
  withR: fc.boolean(),
  spans: fc.boolean(),
  q: fc.constantFrom('"', "'"),
  sep: fc.constantFrom(...seps),
  cells: fc.array(cellArb, { maxLength: 5 }),
});
const headArb = fc.record({
  bom: fc.boolean(),
  prefix: fc.constantFrom('', 'x:'),
  decl: fc.constantFrom('', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n', "<?xml version='1.0' encoding='utf-8'?>"),
  sheetPr: fc.constantFrom('none', 'empty', 'children', 'attrs'),
  dimension: fc.constantFrom('none', 'self', 'long', 'A1'),
  views: fc.boolean(),
  format: fc.boolean(),
  cols: fc.constantFrom('none', 'sized', 'styled', 'two'),
  q: fc.constantFrom('"', "'"),
  sep: fc.constantFrom(...seps),
});
type CellSpec = typeof cellArb extends fc.Arbitrary<infer T> ? T : never;
type RowSpec = typeof rowArb extends fc.Arbitrary<infer T> ? T : never;
type HeadSpec = typeof headArb extends fc.Arbitrary<infer T> ? T : never;

interface Sheet {
  xml: string;
  /** "row,col" → value for every cell with a value. */
  values: Map<string, CellValue>;
  /** The area of every <c> (with a value or not), if any. */
  area?: { r0: number; r1: number; c0: number; c1: number };
}

const letters = (n: number): string => {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

function cellXml(c: CellSpec, p: string, ref: string | undefined): { xml: string; value: CellValue | undefined } {
  const q = c.q;
  const a = (k: string, v: string): string => ` ${k}=${q}${v}${q}`;
  const r = ref ? a('r', ref) : '';
  const v = (x: string): string => `<${p}v>${x}</${p}v>`;
  switch (c.kind as Kind) {
    case 'n':
      return { xml: `<${p}c${r}${a('s', '1')}>${v(String(c.num))}</${p}c>`, value: c.num };
    case 's':
      return { xml: `<${p}c${a('t', 's')}${r}>${v(String(c.idx))}</${p}c>`, value: SST[c.idx]! };
    case 'inline':
      return { xml: `<${p}c${r}${a('t', 'inlineStr')}><${p}is><${p}t>文${c.num}</${p}t></${p}is></${p}c>`, value: `文${c.num}` };
    case 'rich':
      return {
        xml: `<${p}c${r}${a('t', 'inlineStr')}><${p}is><${p}r><${p}rPr><${p}b/></${p}rPr><${p}t>a${q === '"' ? "'" : '"'}b</${p}t></${p}r><${p}r><${p}t xml:space="preserve"> c</${p}t></${p}r></${p}is></${p}c>`,
        value: `a${q === '"' ? "'" : '"'}b c`,
      };
    case 'b':
      return { xml: `<${p}c${r}${a('t', 'b')}>${v(c.num % 2 ? '1' : '0')}</${p}c>`, value: c.num % 2 !== 0 };
    case 'str':
      return { xml: `<${p}c${r}${a('t', 'str')}><${p}f>"a"&amp;"&gt;"</${p}f>${v('a&gt;')}</${p}c>`, value: 'a>' };
    case 'empty':
      return { xml: `<${p}c${r}${a('s', '1')}/>`, value: undefined };
  }
}

function sheetXml(head: HeadSpec, rows: RowSpec[]): Sheet {
  const p = head.prefix;
  const q = head.q;
  const values = new Map<string, CellValue>();
  let area: Sheet['area'];
  let data = '';
  let r = 0;
  for (const row of rows) {
    r += row.skip + 1;
    const rAttr = row.withR || row.skip ? ` r=${row.q}${r}${row.q}` : '';
    const spans = row.spans ? ` spans=${row.q}1:9${row.q}` : '';
    let cells = '';
    let col = 0;
    for (const c of row.cells) {
      col += c.gap + 1;
      const ref = c.withR || c.gap ? `${letters(col)}${r}` : undefined;
      const x = cellXml(c, p, ref);
      cells += c.sep + x.xml;
      if (x.value !== undefined) values.set(`${r},${col}`, x.value);
      area = area
        ? { r0: Math.min(area.r0, r), r1: Math.max(area.r1, r), c0: Math.min(area.c0, col), c1: Math.max(area.c1, col) }
        : { r0: r, r1: r, c0: col, c1: col };
    }
    data += row.sep + (cells ? `<${p}row${rAttr}${spans}>${cells}</${p}row>` : `<${p}row${rAttr}${spans}/>`);
  }
  const dimRef = area ? `${letters(area.c0)}${area.r0}:${letters(area.c1)}${area.r1}` : 'A1';
  let h = '';
  const s = head.sep;
  if (head.sheetPr === 'empty') h += `<${p}sheetPr/>`;
  if (head.sheetPr === 'children') h += `<${p}sheetPr>${s}<${p}pageSetUpPr fitToPage=${q}1${q}/></${p}sheetPr>`;
  if (head.sheetPr === 'attrs') h += `<${p}sheetPr codeName=${q}S>1${q}><${p}tabColor rgb=${q}FF00FF00${q}/><${p}outlinePr summaryBelow="0"/></${p}sheetPr>`;
  if (head.dimension === 'self') h += `${s}<${p}dimension ref=${q}${dimRef}${q} />`;
  if (head.dimension === 'long') h += `${s}<${p}dimension ref=${q}${dimRef}${q}></${p}dimension>`;
  if (head.dimension === 'A1') h += `<${p}dimension ref=${q}A1${q}/>`;
  if (head.views) h += `${s}<${p}sheetViews><${p}sheetView workbookViewId=${q}0${q}/></${p}sheetViews>`;
  if (head.format) h += `<${p}sheetFormatPr defaultRowHeight=${q}15${q}/>${s}`;
  if (head.cols === 'sized') h += `<${p}cols><${p}col min=${q}1${q} max=${q}30${q} width=${q}9.5${q} customWidth=${q}1${q}/></${p}cols>`;
  if (head.cols === 'styled') h += `<${p}cols>${s}<${p}col min=${q}2${q} max=${q}30${q} width=${q}9.5${q} style=${q}1${q}/>${s}</${p}cols>`;
  if (head.cols === 'two') h += `<${p}cols><${p}col min="1" max="2" width="20" customWidth="true"/></${p}cols><${p}cols><${p}col min='5' max='6' width='3' style='1'/></${p}cols>`;
  const ns = p ? `xmlns:${p.slice(0, -1)}=${q}${NS_MAIN}${q}` : `xmlns=${q}${NS_MAIN}${q}`;
  const xml =
    (head.bom ? '\ufeff' : '') +
    head.decl +
    `<${p}worksheet ${ns} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${s}${h}${s}` +
    `<${p}sheetData>${data}${s}</${p}sheetData>${s}<${p}pageMargins left=${q}0.7${q} right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></${p}worksheet>`;
  return area ? { xml, values, area } : { xml, values };
}

function valuesOf(read: { values: CellValue[][]; firstRow: number; firstColumn: number }): Map<string, CellValue> {
  const got = new Map<string, CellValue>();
  read.values.forEach((row, i) => row.forEach((v, j) => v !== null && got.set(`${read.firstRow + i},${read.firstColumn + j}`, v)));
  return got;
}

const FILL: FillDown = { formula: 'IF(A1>0,"A","C")', row: 1 };
const specCell: fc.Arbitrary<SpecCell> = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -50, max: 50 }).map((v) => ({ kind: 'number' as const, value: v })),
  fc.constantFrom('等级', "it's", 'a"b').map((t) => ({ kind: 'text' as const, text: t })),
  fc.constantFrom('A', 'C').map((cached) => ({ kind: 'fill' as const, fill: FILL, cached })),
);
const WIDTHS = [12, 7, 20];

/** The attribute `name` of the first `<…local …>` tag in xml, any prefix or quotes. */
function attrsOfAll(xml: string, local: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const m of xml.matchAll(new RegExp(`<(?:\\w+:)?${local}(\\s[^>]*?)?/?>`, 'g'))) {
    const attrs: Record<string, string> = {};
    for (const a of (m[1] ?? '').matchAll(/([\w:]+)\s*=\s*(["'])(.*?)\2/g)) attrs[a[1]!] = a[3]!;
    out.push(attrs);
  }
  return out;
}

test('any spelling reads right and patches into a part Excel opens without repair', async () => {
  await fc.assert(
    fc.asyncProperty(
      headArb,
      fc.array(rowArb, { maxLength: 7 }),
      fc.integer({ min: 1, max: 10 }),
      fc.integer({ min: 1, max: 8 }),
      fc.array(fc.array(specCell, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }),
      async (head, rows, firstRow, firstColumn, cells) => {
        const sheet = sheetXml(head, rows);
        const before = workbookWithSheet(sheet.xml, SST_XML);
        const wb = openXlsx(before);
        // 1. the reader reads the values as written
        expect(valuesOf(await wb.readSheet('客户'))).toEqual(sheet.values);

        const width = Math.max(...cells.map((r) => r.length));
        await wb.apply(emptyWrite({ columns: [{ sheet: '客户', firstRow, firstColumn, cells, columnWidths: WIDTHS.slice(0, width) }] }));
        const after = wb.toBytes();

        // 2. every part written or patched is well formed; the sheet is as Excel wants it
        const { changed, added } = diffParts(before, after);
        for (const part of [...changed, ...added].filter((n) => /\.(xml|rels)$/.test(n))) {
          expect({ part, problems: xmlProblems(text(after, part)) }).toEqual({ part, problems: [] });
        }
        const patched = text(after, SHEET_PART);
        expect(worksheetProblems(patched)).toEqual([]);

        // 3. the values: the sheet's with the block over them (null clears)
        const model = new Map(sheet.values);
        let ours: { r0: number; r1: number; c0: number; c1: number } | undefined;
        cells.forEach((row, i) =>
          row.forEach((c, j) => {
            const key = `${firstRow + i},${firstColumn + j}`;
            if (c === null) return void model.delete(key);
            model.set(key, c.kind === 'text' ? c.text : c.kind === 'number' ? c.value : c.kind === 'fill' ? (c.cached ?? null) : null);
            const [r, col] = [firstRow + i, firstColumn + j];
            ours = ours ? { r0: Math.min(ours.r0, r), r1: Math.max(ours.r1, r), c0: Math.min(ours.c0, col), c1: Math.max(ours.c1, col) } : { r0: r, r1: r, c0: col, c1: col };
          }),
        );
        expect(valuesOf(await wb.readSheet('客户'))).toEqual(model);

        // 4. one dimension, covering the user's cells and ours
        const dims = attrsOfAll(patched, 'dimension');
        const used = [sheet.area, ours].filter((a) => a !== undefined);
        if (used.length && ours) {
          const r0 = Math.min(...used.map((a) => a.r0));
          const r1 = Math.max(...used.map((a) => a.r1));
          const c0 = Math.min(...used.map((a) => a.c0));
          const c1 = Math.max(...used.map((a) => a.c1));
          const want = r0 === r1 && c0 === c1 ? `${letters(c0)}${r0}` : `${letters(c0)}${r0}:${letters(c1)}${r1}`;
          expect(dims).toEqual([{ ref: want }]);
        }

        // 5. widths: a column the user sized keeps its width; ours get theirs otherwise
        const cols = attrsOfAll(patched, 'col').map((a) => ({ min: Number(a.min), max: Number(a.max), width: Number(a.width), sized: a.customWidth }));
        for (let j = 0; j < width; j++) {
          const col = firstColumn + j;
          const covering = cols.filter((c) => c.min <= col && col <= c.max);
          expect(covering).toHaveLength(1);
          const userSized = head.cols === 'sized' ? col <= 30 : head.cols === 'two' ? col <= 2 : false;
          expect(covering[0]!.width).toBe(userSized ? (head.cols === 'sized' ? 9.5 : 20) : colWidth(WIDTHS[j]!));
        }
      },
    ),
    { numRuns: 200 },
  );
});
