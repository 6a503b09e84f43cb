/**
 * Streaming a part costs memory that follows its inflated chunks and its longest token, not
 * how well it packs or how long it claims to be. Each hostile part is built here in
 * milliseconds (streamFixtures.ts) and refused plainly by `abc-planner plan` with a peak RSS
 * under 1 GB, measured in a child process (--max-old-space-size=1024) with each codec:
 *   - a sheet of 16.7 million `<row/>` rows without r (refused at row 1,048,577);
 *   - a sheet declared as 300 MB that inflates to 4 GB (stopped at 300 MB by the zip layer);
 *   - a 450 MB attribute in a sheet, a 450 MB shared string (refused at 64 million characters).
 * In-process tests check the mechanisms: chunks of at most 2 MB from both codecs, where each
 * over-long token is refused and how little was inflated by then, that a long but honest row
 * reads, and (a property) that chunk boundaries anywhere (one byte, mid-tag, mid-character)
 * give the same values as one big chunk.
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as zlib from 'node:zlib';
import fc from 'fast-check';
import { useNativeCodec } from '../../../src/hosts/xlsx/codec';
import { openXlsx } from '../../../src/hosts/xlsx';
import { LIMITS } from '../../../src/hosts/xlsx/limits';
import { ColumnPatcher } from '../../../src/hosts/xlsx/columnPatcher';
import { readSharedStrings } from '../../../src/hosts/xlsx/sharedStrings';
import { StyleBook } from '../../../src/hosts/xlsx/styles';
import type { SpecCell } from '../../../src/spec/write';
import { readSheetValues } from '../../../src/hosts/xlsx/sheetReader';
import { ZipArchive, type ZipEntry } from '../../../src/hosts/xlsx/zip';
import { zlibCodec } from '../../../src/hosts/xlsx/zlibCodec';
import { removeDir, tempDir } from '../../cli/helpers';
import { emptyWrite, rejectionOf } from './helpers';
import { zeroBomb } from './rawZip';
import {
  incompressibleComment,
  NS_MAIN,
  plannableSharedStrings,
  plannableSheet,
  plannableWith,
  repeatedPart,
  SHARED_STRINGS,
  SHEET,
} from './streamFixtures';

jest.setTimeout(180_000);

const MB = 1 << 20;
/** zip.ts's CHUNK: the most text bytes a reader is handed at once. */
const CHUNK = 2 * MB;
/** One fflate push (16 KB packed) inflates to at most ~16.5 MB. */
const ONE_PUSH = 17 * MB;

const CODECS = [
  ['zlib', zlibCodec(zlib)],
  ['fflate', undefined],
] as const;

const sheet = plannableSheet();
const sst = plannableSharedStrings();
/** Junk that a read never reaches, so that a hostile part stays under the pack-ratio limit. */
const junkFor = (bytes: number): string => incompressibleComment(Math.ceil(bytes / 150));
/** The sheet's head up to where a `<sheetPr>` goes (before `<dimension>`), and the rest of it. */
const headBefore = sheet.head.slice(0, sheet.head.indexOf('<dimension'));
const headAfter = sheet.head.slice(sheet.head.indexOf('<dimension'));

const hostile = {
  rows: (): Uint8Array =>
    plannableWith(SHEET, repeatedPart([{ text: sheet.head + sheet.rows }, { text: '<row/>', times: 16_777_216 }, { text: sheet.tail.replace('</worksheet>', `${junkFor(100 * MB)}</worksheet>`) }])),
  lying: (): Uint8Array =>
    plannableWith(SHEET, { deflated: zeroBomb(4096 * MB, `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS_MAIN}">`), size: 300 * MB, crc: 0 }),
  attribute: (): Uint8Array =>
    plannableWith(SHEET, repeatedPart([{ text: `${headBefore}<sheetPr codeName="` }, { text: 'A', times: 450 * MB }, { text: `"/>${headAfter}${sheet.rows}${sheet.tail.replace('</worksheet>', `${junkFor(450 * MB)}</worksheet>`)}` }])),
  sharedString: (): Uint8Array =>
    plannableWith(SHARED_STRINGS, repeatedPart([{ text: `${sst.head}${sst.items}<si><t>` }, { text: '长', times: 150 * MB }, { text: `</t></si>${sst.tail}${junkFor(450 * MB)}` }])),
};

afterAll(() => useNativeCodec(undefined));

// ------------------------------------------------------------------ the real command, peak memory

describe('`abc-planner plan` refuses each hostile part under 1 GB of peak memory (child processes)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir('abc-stream-');
  });
  afterAll(() => removeDir(dir));

  const CHILD = path.join(__dirname, 'streamChild.ts');
  const plan = (codec: string, file: string): Promise<{ code: number; stderr: string; peakRssMb: number }> =>
    new Promise((resolve, reject) => {
      execFile(
        process.execPath,
        ['--max-old-space-size=1024', '--import', 'tsx', CHILD, codec, file, path.join(dir, 'out.xlsx')],
        { cwd: path.resolve(__dirname, '..', '..', '..'), maxBuffer: 16 << 20 },
        (error, stdout, stderr) => {
          try {
            resolve(JSON.parse(stdout) as { code: number; stderr: string; peakRssMb: number });
          } catch {
            reject(new Error(`child failed: ${String(error)}\n${stderr}`));
          }
        },
      );
    });

  test.each([
    ['a sheet of 16.7 million <row/> rows without r', 'rows', /Sheet "客户清单" \(xl\/worksheets\/sheet1\.xml\): row 1,048,577 lies past Excel's limit of 1,048,576 rows/],
    ['a sheet declared as 300 MB that inflates to 4 GB', 'lying', /its part xl\/worksheets\/sheet1\.xml unpacks to more than the 300 MB it declares \(stopped at the first byte past it\)/],
    ['a 450 MB attribute in a sheet', 'attribute', /Sheet "客户清单" \(xl\/worksheets\/sheet1\.xml\): a tag before the rows \(sheetData\) is longer than 64,000,000 characters .*the file is damaged or was not written by a spreadsheet program/],
    ['a 450 MB shared string', 'sharedString', /The part xl\/sharedStrings\.xml \(the shared strings\) holds a string \(number 114\) longer than 64,000,000 characters \(an Excel cell holds at most 32,767\): the file is damaged or was not written by a spreadsheet program/],
  ] as const)('%s', async (_, which, message) => {
    const file = path.join(dir, `${which}.xlsx`);
    await fs.writeFile(file, hostile[which]());
    for (const [codec] of CODECS) {
      const r = await plan(codec, file);
      expect({ codec, code: r.code }).toEqual({ codec, code: 1 });
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at |RangeError|heap|Unexpected error/);
      expect({ codec, underOneGb: r.peakRssMb < 1024 }).toEqual({ codec, underOneGb: true });
      // Nothing was written.
      await expect(fs.readdir(dir)).resolves.toEqual([`${which}.xlsx`]);
    }
    await fs.rm(file);
  });
});

// ------------------------------------------------------------------ mechanisms, in process

function archiveOf(wb: ReturnType<typeof openXlsx>): ZipArchive {
  return (wb as unknown as { pkg: { archive: ZipArchive } }).pkg.archive;
}

describe.each(CODECS)('with %s', (_, codec) => {
  beforeAll(() => useNativeCodec(codec));

  test.each([
    ['100 MB (zlib inflates it whole)', 16_777_216],
    ['300 MB (streamed by both codecs)', 50_331_648],
  ])('a part of %s packed about 1,000:1 is handed out in chunks of at most 2 MB', (_name, rows) => {
    const tail = sheet.tail.replace('</worksheet>', `${junkFor(rows * 6)}</worksheet>`);
    const archive = ZipArchive.open(plannableWith(SHEET, repeatedPart([{ text: sheet.head }, { text: '<row/>', times: rows }, { text: tail }])));
    const entry = archive.get(SHEET)!;
    let largest = 0;
    let total = 0;
    archive.stream(entry, (chunk) => {
      largest = Math.max(largest, chunk.length);
      total += chunk.length;
    });
    expect(total).toBe(entry.size);
    expect(largest).toBe(CHUNK);
  });

  test('16.7 million rows without r stop at row 1,048,577', async () => {
    const wb = openXlsx(hostile.rows());
    const opened = archiveOf(wb).inflatedBytes;
    const e = await rejectionOf(() => wb.readSheet('客户清单'));
    expect(e.messageEn).toContain("row 1,048,577 lies past Excel's limit of 1,048,576 rows");
    expect(e.messageZh).toContain('第 1,048,577 行超出 Excel 的上限 1,048,576 行');
    // fflate stops within a push of the row (6 MB of rows in); zlib inflates a part this size whole.
    const inflated = archiveOf(wb).inflatedBytes - opened;
    if (codec === undefined) expect(inflated).toBeLessThan(7 * MB + ONE_PUSH);
  });
});

describe('one token longer than 64 million characters is refused where it is, before more is inflated', () => {
  // Parts over 256 MB stream through fflate with either codec.
  const A = 'A';
  const big = 450 * MB;
  const refused = async (part: string, pieces: Parameters<typeof repeatedPart>[0]) => {
    const wb = openXlsx(plannableWith(part, repeatedPart(pieces)));
    const opened = archiveOf(wb).inflatedBytes;
    const e = await rejectionOf(() => wb.readSheet('客户清单'));
    const inflated = archiveOf(wb).inflatedBytes - opened;
    return { e, inflated };
  };
  const rest = `${sheet.tail.replace('</worksheet>', `${junkFor(big)}</worksheet>`)}`;

  test.each([
    ['an attribute before the rows', [{ text: `${headBefore}<sheetPr codeName="` }, { text: A, times: big }, { text: `"/>${headAfter}${sheet.rows}${rest}` }], '数据区（sheetData）之前的一个标记', 'a tag before the rows (sheetData)'],
    ['an attribute of a row', [{ text: `${sheet.head}<row r="1" x="` }, { text: A, times: big }, { text: `"/>${rest}` }], '第一行超过', 'the first row is longer'],
    ['a cell’s value in row 42', [{ text: `${sheet.head}${sheet.rows}<row r="42"><c r="A42" t="inlineStr"><is><t>` }, { text: '长', times: big / 3 }, { text: `</t></is></c></row>${rest}` }], '第 41 行之后的一行超过', 'the row after row 41 is longer'],
    ['a comment between rows', [{ text: `${sheet.head}${sheet.rows}<!--` }, { text: 'a>b ', times: big / 4 }, { text: `-->${rest}` }], '第 41 行之后的一个标记超过', 'a tag after row 41 is longer'],
    ['an attribute after the rows', [{ text: `${sheet.head}${sheet.rows}</sheetData><pageSetup paperSize="9" r:id="` }, { text: 'a>b ', times: big / 4 }, { text: `"/>${rest.replace('</sheetData>', '')}` }], '数据区之后的一个标记超过', 'a tag after the rows is longer'],
  ] as const)('%s', async (_, pieces, zh, en) => {
    const { e, inflated } = await refused(SHEET, pieces as unknown as Parameters<typeof repeatedPart>[0]);
    expect(e.code).toBe('too-large');
    expect(e.part).toBe(SHEET);
    expect(e.messageZh).toContain(`工作表“客户清单”（${SHEET}）：${zh}`);
    expect(e.messageZh).toContain('64,000,000 个字符');
    expect(e.messageZh).toContain('文件已损坏，或不是由电子表格程序（Excel、WPS、LibreOffice 等）写出的，请在 Excel 中打开并另存为 .xlsx');
    expect(e.messageEn).toContain(`Sheet "客户清单" (${SHEET}): ${en}`);
    expect(e.messageEn).toContain('64,000,000 characters');
    expect(e.messageEn).toContain('the file is damaged or was not written by a spreadsheet program');
    // Stopped at the cap (UTF-16 characters: 长 is three bytes packed), not at the 450 MB.
    expect(inflated).toBeGreaterThan(LIMITS.tokenChars);
    expect(inflated).toBeLessThan(3 * LIMITS.tokenChars + CHUNK + ONE_PUSH);
    expect(inflated).toBeLessThan(big);
  });

  test('a shared string of 150 million characters is refused, naming its number', async () => {
    const { e, inflated } = await refused(SHARED_STRINGS, [{ text: `${sst.head}${sst.items}<si><t>` }, { text: '长', times: 150 * MB }, { text: `</t></si>${sst.tail}${junkFor(big)}` }]);
    expect(e.part).toBe(SHARED_STRINGS);
    expect(e.messageZh).toContain(`内部文件 ${SHARED_STRINGS}（共享字符串表）的第 114 个字符串超过 64,000,000 个字符（Excel 的一个单元格最多 32,767 个字符）`);
    expect(e.messageEn).toContain(`The part ${SHARED_STRINGS} (the shared strings) holds a string (number 114) longer than 64,000,000 characters`);
    expect(inflated).toBeLessThan(3 * LIMITS.tokenChars + CHUNK + ONE_PUSH);
  });

  test('a write into the sheet without a read first refuses the same row, and leaves the workbook as it was', async () => {
    const bytes = plannableWith(SHEET, repeatedPart([{ text: `${sheet.head}${sheet.rows}<row r="42"><c r="A42" t="inlineStr"><is><t>` }, { text: '长', times: big / 3 }, { text: `</t></is></c></row>${rest}` }]));
    const wb = openXlsx(bytes);
    const write = emptyWrite({ columns: [{ sheet: '客户清单', firstRow: 1, firstColumn: 9, cells: [[{ kind: 'number', value: 1 }]] }] });
    const e = await rejectionOf(() => wb.apply(write));
    expect(e.messageZh).toContain(`工作表“客户清单”（${SHEET}）：第 41 行之后的一行超过 64,000,000 个字符`);
    expect(e.messageEn).toContain(`Sheet "客户清单" (${SHEET}): the row after row 41 is longer than 64,000,000 characters`);
    expect(wb.toBytes()).toBe(bytes);
  });

  test('a long but honest row (16,384 cells of 1,000 characters, 16 MB) reads whole', async () => {
    const cells: string[] = [];
    for (let c = 1; c <= 16_384; c++) cells.push(`<c t="inlineStr"><is><t>${String(c).padStart(1000, 'x')}</t></is></c>`);
    const row = `<row r="42">${cells.join('')}</row>`;
    const wb = openXlsx(plannableWith(SHEET, repeatedPart([{ text: sheet.head + sheet.rows + row + sheet.tail }])));
    const read = await wb.readSheet('客户清单');
    const last = read.values[read.values.length - 1]!;
    expect(read.values).toHaveLength(42);
    expect(last).toHaveLength(16_384);
    expect(last[0]).toBe(`${'x'.repeat(999)}1`);
    expect(last[16_383]).toBe(`${'x'.repeat(995)}16384`);
  });
});

// ------------------------------------------------------------------ chunk boundaries anywhere

/** A ZipArchive stand-in that hands out a part's bytes cut at the given points, as zip.ts hands out its chunks. */
function cutArchive(bytes: Uint8Array, cuts: readonly number[]): { archive: ZipArchive; entry: ZipEntry } {
  const entry = { name: 'xl/worksheets/cut.xml' } as ZipEntry;
  const points = [...new Set(cuts.filter((c) => c > 0 && c < bytes.length))].sort((a, b) => a - b);
  const archive = {
    stream(_e: ZipEntry, onChunk: (chunk: Uint8Array) => void) {
      let from = 0;
      for (const p of points) {
        onChunk(bytes.subarray(from, p));
        from = p;
      }
      if (from < bytes.length) onChunk(bytes.subarray(from));
    },
  } as unknown as ZipArchive;
  return { archive, entry };
}

const SST_VALUES = ['甲', 'b & c', '', '𝄞 x'];
const textArb = fc.stringMatching(/^[a-z 长甲𝄞&<>"'é]{0,12}$/u);
const cellArb = fc.record({
  kind: fc.constantFrom('n', 's', 'inline', 'str', 'cdata', 'formula'),
  gap: fc.nat(2),
  num: fc.integer({ min: -9999, max: 9999 }),
  text: textArb,
});
const rowArb = fc.record({ gap: fc.nat(2), comment: fc.boolean(), odd: fc.boolean(), cells: fc.array(cellArb, { maxLength: 5 }) });

const esc = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A sheet in several spellings (comments, odd attributes with `>` in quotes, CDATA, entities) and the values it holds. */
function sheetOf(rows: (typeof rowArb extends fc.Arbitrary<infer T> ? T : never)[], p: string): { xml: string; cells: [number, number, unknown][] } {
  const cells: [number, number, unknown][] = [];
  let out = `<?xml version="1.0" encoding="UTF-8"?>\n<${p}worksheet xmlns${p ? ':' + p.slice(0, -1) : ''}="${NS_MAIN}"><${p}sheetPr codeName="a&gt;b>c"/><!-- 注释 > --><${p}sheetData>`;
  let r = 0;
  for (const row of rows) {
    r += row.gap + 1;
    if (row.comment) out += '<!-- 行 <row> -->\n';
    out += `<${p}row r="${r}"${row.odd ? ' x="1>0" y=\'长\'' : ''}>`;
    let col = 0;
    for (const c of row.cells) {
      col += c.gap + 1;
      const ref = `${String.fromCharCode(64 + col)}${r}`;
      const v = (x: string): string => `<${p}v>${x}</${p}v>`;
      switch (c.kind) {
        case 'n':
          out += `<${p}c r="${ref}">${v(String(c.num / 8))}</${p}c>`;
          cells.push([r, col, c.num / 8]);
          break;
        case 's':
          out += `<${p}c r="${ref}" t="s">${v(String(Math.abs(c.num) % SST_VALUES.length))}</${p}c>`;
          cells.push([r, col, SST_VALUES[Math.abs(c.num) % SST_VALUES.length]]);
          break;
        case 'inline':
          out += `<${p}c r="${ref}" t="inlineStr"><${p}is><${p}t xml:space="preserve">${esc(c.text)}</${p}t></${p}is></${p}c>`;
          cells.push([r, col, c.text]);
          break;
        case 'str':
          out += `<${p}c r="${ref}" t="str"><${p}f>"长"&amp;"x"</${p}f>${v(esc(c.text))}</${p}c>`;
          cells.push([r, col, c.text]);
          break;
        case 'cdata':
          out += `<${p}c r="${ref}" t="str"><${p}f>A1</${p}f><${p}v><![CDATA[${c.text.replace(/]]>/g, '')}]]></${p}v></${p}c>`;
          cells.push([r, col, c.text.replace(/]]>/g, '')]);
          break;
        case 'formula':
          out += `<${p}c r="${ref}"><${p}f t="shared" ref="A1:A2" si="0"/>${v(String(c.num))}</${p}c>`;
          cells.push([r, col, c.num]);
          break;
      }
    }
    out += `</${p}row>`;
  }
  out += `</${p}sheetData><${p}mergeCells count="1"><${p}mergeCell ref="A1:B1"/></${p}mergeCells><!-- 尾 > --></${p}worksheet>`;
  return { xml: out, cells };
}

function encode(xml: string, utf16: boolean): Uint8Array {
  if (!utf16) return new TextEncoder().encode(xml);
  const b = Buffer.from(`\ufeff${xml}`, 'utf16le');
  return new Uint8Array(b.buffer, b.byteOffset, b.length);
}

function readCut(bytes: Uint8Array, cuts: readonly number[]) {
  const { archive, entry } = cutArchive(bytes, cuts);
  return readSheetValues(archive, entry, { sharedStrings: () => SST_VALUES });
}

describe('chunk boundaries anywhere give the same values as one big chunk', () => {
  test('sheets cut at random points (mid-tag, mid-character, UTF-8 and UTF-16)', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 8 }), fc.constantFrom('', 'x:'), fc.boolean(), fc.array(fc.nat(4000), { maxLength: 40 }), (rows, p, utf16, cuts) => {
        const { xml, cells } = sheetOf(rows, p);
        const bytes = encode(xml, utf16);
        const whole = readCut(bytes, []);
        for (const [r, c, value] of cells) expect(whole.values[r - whole.firstRow]![c - whole.firstColumn]).toEqual(value);
        expect(whole.merges).toHaveLength(1);
        expect(readCut(bytes, cuts.map((c) => c % bytes.length))).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  test('a sheet handed out one byte at a time', () => {
    const rows = fc.sample(fc.array(rowArb, { minLength: 6, maxLength: 6 }), { numRuns: 1, seed: 7 })[0]!;
    for (const utf16 of [false, true]) {
      const { xml } = sheetOf(rows, 'x:');
      const bytes = encode(xml, utf16);
      const every = Array.from({ length: bytes.length }, (_, i) => i);
      expect(readCut(bytes, every)).toEqual(readCut(bytes, []));
    }
  });

  test('shared strings cut at random points', () => {
    const itemArb = fc.record({ rich: fc.boolean(), phonetic: fc.boolean(), text: textArb, more: textArb });
    fc.assert(
      fc.property(fc.array(itemArb, { maxLength: 10 }), fc.array(fc.nat(3000), { maxLength: 30 }), (items, cuts) => {
        let xml = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS_MAIN}" count="${items.length}">`;
        const expected: string[] = [];
        for (const it of items) {
          if (!it.rich) xml += `<si><t xml:space="preserve">${esc(it.text)}</t></si>`;
          else xml += `<si><r><rPr><b/></rPr><t>${esc(it.text)}</t></r><r><t xml:space="preserve">${esc(it.more)}</t></r>${it.phonetic ? '<rPh sb="0" eb="1"><t>ふ</t></rPh>' : ''}</si>`;
          expected.push(it.rich ? it.text + it.more : it.text);
        }
        xml += '<!-- 尾 > --></sst>';
        const bytes = new TextEncoder().encode(xml);
        const whole = cutArchive(bytes, []);
        expect(readSharedStrings(whole.archive, whole.entry)).toEqual(expected);
        const cut = cutArchive(bytes, [...cuts.map((c) => c % bytes.length), ...Array.from({ length: 40 }, (_, i) => i)]);
        expect(readSharedStrings(cut.archive, cut.entry)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  test('the column patcher writes the same part from text cut at random points', () => {
    const patch = (text: string, cuts: readonly number[]): string => {
      const styles = StyleBook.create('xl/styles.xml');
      const cells: SpecCell[][] = Array.from({ length: 12 }, (_, i) => [{ kind: 'number', value: i }, i % 3 ? null : { kind: 'text', text: `长${i}` }]);
      let out = '';
      const patcher = new ColumnPatcher({ sheetName: 'S', blocks: [{ sheet: 'S', firstRow: 2, firstColumn: 2, cells }], styles }, 'xl/worksheets/s.xml', (t) => (out += t));
      let from = 0;
      for (const c of [...new Set(cuts)].filter((x) => x > 0 && x < text.length).sort((a, b) => a - b)) {
        patcher.push(text.slice(from, c));
        from = c;
      }
      patcher.push(text.slice(from));
      patcher.end();
      return out;
    };
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 8 }), fc.constantFrom('', 'x:'), fc.array(fc.nat(4000), { maxLength: 40 }), (rows, p, cuts) => {
        const { xml } = sheetOf(rows, p);
        const whole = patch(xml, []);
        expect(whole).toContain(`<${p}c r="B13"><${p}v>11</${p}v></${p}c>`);
        expect(patch(xml, cuts.map((c) => c % xml.length))).toEqual(whole);
      }),
      { numRuns: 200 },
    );
  });
});
