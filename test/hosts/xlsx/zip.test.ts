import * as zlib from 'node:zlib';
import { strToU8, unzipSync, Zip, ZipDeflate } from 'fflate';
import fc from 'fast-check';
import { openXlsx } from '../../../src/hosts/xlsx';
import { useNativeCodec } from '../../../src/hosts/xlsx/codec';
import { crc32, ZipArchive, ZipWriter } from '../../../src/hosts/xlsx/zip';
import { zlibCodec } from '../../../src/hosts/xlsx/zlibCodec';
import { richWorkbook } from '../../fixtures/xlsxBuilder';
import { diffParts, emptyWrite } from './helpers';

test('crc32 agrees with zlib, also over several chunks', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(300), (data, cut) => {
      const k = Math.min(cut, data.length);
      expect(crc32(data)).toBe(zlib.crc32(data));
      expect(crc32(data.subarray(k), crc32(data.subarray(0, k)))).toBe(zlib.crc32(data));
    }),
  );
});

test('a written zip unzips to what went in; copied entries keep their compressed bytes', () => {
  const source = ZipArchive.open(richWorkbook().bytes);
  const w = new ZipWriter({ level: 1 });
  for (const e of source.entries) w.copy(source, e);
  w.add('new/one.xml', '<a>中文</a>');
  const sink = w.openText('new/two.xml');
  for (let i = 0; i < 1000; i++) sink.write(`<r>${i}</r>`);
  sink.end();
  const out = w.finish();
  const files = unzipSync(out);
  expect(new TextDecoder().decode(files['new/one.xml'])).toBe('<a>中文</a>');
  expect(new TextDecoder().decode(files['new/two.xml'])).toMatch(/^<r>0<\/r>.*<r>999<\/r>$/);
  const again = ZipArchive.open(out);
  for (const e of source.entries) {
    expect(Buffer.compare(Buffer.from(again.raw(again.get(e.name)!)), Buffer.from(source.raw(e)))).toBe(0);
  }
});

test('with zlib, a large entry is deflated piece by piece into one stream that every inflater reads back whole', () => {
  useNativeCodec(zlibCodec(zlib));
  try {
    const w = new ZipWriter({ level: 1 });
    const sink = w.openText('big.xml');
    // About 16 MB of rows that do not repeat exactly: more than three 4 MB pieces.
    const want: string[] = [];
    for (let i = 0; i < 400_000; i++) want.push(`<row r="${i + 1}"><c><v>${(i * 7919) % 100_003}</v></c></row>`);
    for (const row of want) sink.write(row);
    sink.end();
    const out = w.finish();
    const text = want.join('');
    expect(text.length).toBeGreaterThan(3 * (4 << 20));
    const raw = ZipArchive.open(out);
    const entry = raw.get('big.xml')!;
    const packed = raw.raw(entry);
    // fflate, zlib and our own reader (which checks the CRC) all get the whole text back.
    expect(new TextDecoder().decode(unzipSync(out)['big.xml'])).toBe(text);
    expect(zlib.inflateRawSync(packed).toString('utf8')).toBe(text);
    expect(new TextDecoder().decode(raw.read(entry))).toBe(text);
    // Pieces end with full flushes (00 00 FF FF): proof the entry was not deflated in one go.
    expect(Buffer.from(packed).indexOf(Buffer.from([0, 0, 0xff, 0xff]))).toBeGreaterThan(0);
  } finally {
    useNativeCodec(undefined);
  }
});

test('a package written with data descriptors (streaming zip) reads and writes', async () => {
  const parts = richWorkbook().parts;
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    chunks.push(data);
  });
  for (const [name, content] of Object.entries(parts)) {
    const f = new ZipDeflate(name, { level: 6 });
    zip.add(f);
    f.push(typeof content === 'string' ? strToU8(content) : content, true);
  }
  zip.end();
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    bytes.set(c, o);
    o += c.length;
  }
  expect(ZipArchive.open(bytes).entries.some((e) => (e.flags & 8) !== 0)).toBe(true);
  const wb = openXlsx(bytes);
  expect((await wb.readSheet('客户')).values[1]![0]).toBe('北京银行');
  await wb.apply(emptyWrite({ addSheets: [{ name: 'N', rows: [[{ kind: 'number', value: 1 }]] }] }));
  expect(diffParts(bytes, wb.toBytes()).changed).toEqual(['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml']);
  expect(unzipSync(wb.toBytes())['xl/charts/chart1.xml']).toEqual(unzipSync(bytes)['xl/charts/chart1.xml']);
});
