/**
 * Property: the fast row path and the full XML scanner read any sheet the same way, whatever
 * spelling the XML uses (attribute order and quotes, whitespace, missing r, prefixes,
 * formulas, inline strings, CDATA, entities, self-closing cells and rows).
 */
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { readSheetValues } from '../../../src/hosts/xlsx/sheetReader';
import { ZipArchive } from '../../../src/hosts/xlsx/zip';

const SST = ['甲', 'b & c', '', ' sp '];

const cellArb = fc.record({
  gap: fc.boolean(), // skip a column before this cell
  withR: fc.boolean(),
  style: fc.boolean(),
  tFirst: fc.boolean(),
  quote: fc.constantFrom('"', "'"),
  sep: fc.constantFrom(' ', '  ', '\n '),
  kind: fc.constantFrom('n', 's', 'b', 'e', 'str', 'inline', 'rich', 'formula', 'empty', 'selfclose', 'cdata', 'entity', 'nov'),
  num: fc.integer({ min: -5000, max: 5000 }),
  idx: fc.nat(SST.length - 1),
});
const rowArb = fc.record({
  skip: fc.nat(2),
  withR: fc.boolean(),
  spans: fc.boolean(),
  selfClose: fc.boolean(),
  cells: fc.array(cellArb, { maxLength: 6 }),
});

type Cell = typeof cellArb extends fc.Arbitrary<infer T> ? T : never;
type Row = typeof rowArb extends fc.Arbitrary<infer T> ? T : never;

function cellXml(c: Cell, p: string, ref: string): string {
  const q = c.quote;
  const attrs: string[] = [];
  const types: Record<Cell['kind'], string> = { n: '', s: 's', b: 'b', e: 'e', str: 'str', inline: 'inlineStr', rich: 'inlineStr', formula: '', empty: '', selfclose: '', cdata: 'str', entity: 'str', nov: 'str' };
  const t = types[c.kind];
  const tAttr = t ? `t=${q}${t}${q}` : '';
  if (c.tFirst && tAttr) attrs.push(tAttr);
  if (c.withR) attrs.push(`r=${q}${ref}${q}`);
  if (c.style) attrs.push(`s=${q}1${q}`);
  if (!c.tFirst && tAttr) attrs.push(tAttr);
  const a = attrs.length ? c.sep + attrs.join(c.sep) : '';
  const v = (x: string): string => `<${p}v>${x}</${p}v>`;
  switch (c.kind) {
    case 'selfclose':
      return `<${p}c${a}/>`;
    case 'empty':
      return `<${p}c${a}></${p}c>`;
    case 'n':
      return `<${p}c${a}>${v(String(c.num / 4))}</${p}c>`;
    case 's':
      return `<${p}c${a}>${v(String(c.idx))}</${p}c>`;
    case 'b':
      return `<${p}c${a}>${v(c.num % 2 ? '1' : '0')}</${p}c>`;
    case 'e':
      return `<${p}c${a}>${v('#N/A')}</${p}c>`;
    case 'str':
      return `<${p}c${a}><${p}f>"x"&amp;"y"</${p}f>${v('xy')}</${p}c>`;
    case 'formula':
      return `<${p}c${a}><${p}f t="shared" ref="A1:A2" si="0"/>${v(String(c.num))}</${p}c>`;
    case 'nov':
      return `<${p}c${a}><${p}f>1+1</${p}f></${p}c>`;
    case 'inline':
      return `<${p}c${a}><${p}is><${p}t xml:space="preserve"> 文 ${c.num} </${p}t></${p}is></${p}c>`;
    case 'rich':
      return `<${p}c${a}><${p}is><${p}r><${p}t>a</${p}t></${p}r><${p}r><${p}t>b</${p}t></${p}r><${p}rPh sb="0" eb="1"><${p}t>x</${p}t></${p}rPh></${p}is></${p}c>`;
    case 'cdata':
      return `<${p}c${a}><${p}f>A1</${p}f><${p}v><![CDATA[<&>]]></${p}v></${p}c>`;
    case 'entity':
      return `<${p}c${a}>${v('&lt;&#x4E2D;&amp;&#65;')}</${p}c>`;
  }
}

function sheet(rows: Row[], p: string): string {
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  let out = `<?xml version="1.0" encoding="UTF-8"?><${p}worksheet xmlns${p ? ':' + p.slice(0, -1) : ''}="${ns}"><${p}sheetData>`;
  let r = 0;
  for (const row of rows) {
    r += row.skip + 1;
    const rAttr = row.withR || row.skip ? ` r="${r}"` : '';
    const spans = row.spans ? ' spans="1:9"' : '';
    if (row.selfClose || row.cells.length === 0) {
      out += `<${p}row${rAttr}${spans}/>`;
      continue;
    }
    let col = 0;
    let cells = '';
    for (const c of row.cells) {
      col += c.gap ? 2 : 1;
      // A cell without r follows the previous one: only honest when there is no gap.
      const cc = c.withR || !c.gap ? c : { ...c, withR: true };
      cells += cellXml(cc, p, `${String.fromCharCode(64 + col)}${r}`);
    }
    out += `<${p}row${rAttr}${spans}>${cells}</${p}row>\n`;
  }
  return out + `</${p}sheetData></${p}worksheet>`;
}

function read(xml: string, fastPath: boolean) {
  const bytes = zipSync({ 's.xml': strToU8(xml) });
  const a = ZipArchive.open(bytes);
  return readSheetValues(a, a.get('s.xml')!, { sharedStrings: () => SST, fastPath });
}

test('the fast path and the scanner agree', () => {
  fc.assert(
    fc.property(fc.array(rowArb, { maxLength: 8 }), fc.constantFrom('', 'x:'), (rows, p) => {
      const xml = sheet(rows, p);
      expect(read(xml, true)).toEqual(read(xml, false));
    }),
    { numRuns: 300 },
  );
});

test('a sample sheet reads as expected through both paths', () => {
  const xml = sheet(
    [
      { skip: 0, withR: true, spans: true, selfClose: false, cells: [
        { gap: false, withR: true, style: true, tFirst: true, quote: '"', sep: ' ', kind: 's', num: 0, idx: 1 },
        { gap: true, withR: false, style: false, tFirst: false, quote: "'", sep: '\n ', kind: 'entity', num: 0, idx: 0 },
      ] },
      { skip: 1, withR: false, spans: false, selfClose: false, cells: [
        { gap: false, withR: false, style: false, tFirst: false, quote: '"', sep: ' ', kind: 'rich', num: 0, idx: 0 },
        { gap: false, withR: false, style: false, tFirst: false, quote: '"', sep: ' ', kind: 'cdata', num: 0, idx: 0 },
      ] },
    ],
    '',
  );
  for (const fast of [true, false]) {
    expect(read(xml, fast).values).toEqual([
      ['b & c', null, '<中&A'],
      [null, null, null],
      ['ab', '<&>', null],
    ]);
  }
});
