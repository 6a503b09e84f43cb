/**
 * Hostile or damaged packages (issues 9 and 15), each built here as a fixture: duplicate part
 * names, overlapping entries, XML nested thousands deep, tens of thousands of entries, a bad
 * CRC on a part a write copies untouched, a missing `_rels/.rels`. Each is refused with a plain
 * message in both languages (or, for the last two, handled), and every file written passes a
 * zip integrity check.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as zlib from 'node:zlib';
import { useNativeCodec } from '../../../src/hosts/xlsx/codec';
import { openXlsx } from '../../../src/hosts/xlsx';
import { LIMITS } from '../../../src/hosts/xlsx/limits';
import { parseXml, serializeElement, el, textOf, type XmlElement } from '../../../src/hosts/xlsx/xml';
import { ZipArchive } from '../../../src/hosts/xlsx/zip';
import { zlibCodec } from '../../../src/hosts/xlsx/zlibCodec';
import { run, removeDir, tempDir } from '../../cli/helpers';
import { recalcWithLibreOffice } from '../../support/libreoffice';
import { describeWhen, hasLibreOffice } from '../../support/requirements';
import { CODECS, emptyWrite, errorOf, rejectionOf } from './helpers';
import { checkZipIntegrity, entriesOf, plannableParts, rawZip, unzipTest, type RawEntry } from './rawZip';


const ADD_SHEET = emptyWrite({ addSheets: [{ name: '新表', rows: [[{ kind: 'text', text: '你好' }]] }] });


afterAll(() => useNativeCodec(undefined));

describe.each(CODECS)('with %s', (_, codec) => {
  beforeAll(() => useNativeCodec(codec));

  // ------------------------------------------------------------------ 1. duplicate names
  test('two entries with the same name are refused when the file is opened', () => {
    const entries = entriesOf(plannableParts());
    entries.push({ name: 'xl/worksheets/sheet1.xml', data: '<worksheet/>' });
    const e = errorOf(() => openXlsx(rawZip(entries)));
    expect(e.code).toBe('corrupt-zip');
    expect(e.messageZh).toContain('文件已损坏：有两个名为 xl/worksheets/sheet1.xml 的部件');
    expect(e.messageZh).toContain('请在 Excel 中打开并另存为 .xlsx');
    expect(e.messageEn).toContain('The file is damaged: two parts are named xl/worksheets/sheet1.xml');
    expect(e.messageEn).toContain('open it in Excel and save it again as .xlsx');
  });

  test('names that differ only in case are two parts with one name (POI duplicate-filename-case-insensitive)', () => {
    const entries = entriesOf(plannableParts());
    entries.push({ name: 'xl/worksheets/Sheet1.xml', data: '<worksheet/>' });
    const e = errorOf(() => openXlsx(rawZip(entries)));
    expect(e.code).toBe('corrupt-zip');
    expect(e.part).toBe('xl/worksheets/Sheet1.xml');
    expect(e.messageZh).toContain('xl/worksheets/sheet1.xml 与 xl/worksheets/Sheet1.xml，部件名不区分大小写');
    expect(e.messageEn).toContain('(xl/worksheets/sheet1.xml and xl/worksheets/Sheet1.xml; part names ignore case)');
  });

  test('two entries sharing one stretch of packed data (an overlap bomb) are refused', () => {
    const entries: RawEntry[] = entriesOf(plannableParts());
    entries.push({ name: 'xl/media/a.xml', data: '<a/>'.repeat(1000) }, { name: 'xl/media/b.xml', sameDataAs: 'xl/media/a.xml', size: 4000, crc: zlib.crc32('<a/>'.repeat(1000)) });
    const e = errorOf(() => openXlsx(rawZip(entries)));
    expect(e.code).toBe('corrupt-zip');
    expect(e.messageEn).toContain('the parts xl/media/a.xml and xl/media/b.xml overlap inside the zip');
    expect(e.messageZh).toContain('部件 xl/media/a.xml 与 xl/media/b.xml 在压缩包中的数据相互重叠');
  });

  // ------------------------------------------------------------------ 2. nesting
  const deep = (levels: number): string => '<x>'.repeat(levels) + 't' + '</x>'.repeat(levels);

  test.each([
    ['xl/workbook.xml', (x: string) => x.replace('</workbook>', `<extLst>${deep(4000)}</extLst></workbook>`)],
    ['[Content_Types].xml', (x: string) => x.replace('</Types>', `${deep(4000)}</Types>`)],
  ])('XML nested 4,000 deep in %s is refused when the file is opened', (part, edit) => {
    const parts = plannableParts();
    parts[part] = new TextEncoder().encode(edit(new TextDecoder().decode(parts[part])));
    const e = errorOf(() => openXlsx(rawZip(entriesOf(parts))));
    expect(e.code).toBe('bad-xml');
    expect(e.part).toBe(part);
    expect(e.messageZh).toContain(`工作簿内部文件 ${part} 的 XML 嵌套超过 256 层`);
    expect(e.messageEn).toContain(`The workbook's part ${part} nests its XML more than 256 levels deep`);
  });

  test('XML nested 4,000 deep in styles.xml is refused by the write, which leaves the workbook as it was', async () => {
    const parts = plannableParts();
    parts['xl/styles.xml'] = new TextEncoder().encode(new TextDecoder().decode(parts['xl/styles.xml']).replace('</styleSheet>', `<extLst>${deep(4000)}</extLst></styleSheet>`));
    const bytes = rawZip(entriesOf(parts));
    const wb = openXlsx(bytes);
    const e = await rejectionOf(() => wb.apply(ADD_SHEET));
    expect(e.code).toBe('bad-xml');
    expect(e.part).toBe('xl/styles.xml');
    expect(e.messageEn).toContain('more than 256 levels deep');
    expect(wb.toBytes()).toBe(bytes);
    expect((await wb.listSheets()).map((s) => s.name)).toEqual(['客户清单']);
  });
});

test('the depth limit: 256 levels parse, 257 do not', () => {
  expect(LIMITS.xmlDepth).toBe(256);
  const ok = parseXml(`<r>${'<x>'.repeat(255)}t${'</x>'.repeat(255)}</r>`, 'p.xml');
  expect(textOf(ok.root)).toBe('t');
  expect(serializeElement(ok.root)).toBe(`<r>${'<x>'.repeat(255)}t${'</x>'.repeat(255)}</r>`);
  expect(errorOf(() => parseXml(`<r>${'<x>'.repeat(256)}t${'</x>'.repeat(256)}</r>`, 'p.xml')).code).toBe('bad-xml');
});

test('a tree 100,000 deep built in code is written and its text read without overflowing the stack', () => {
  const root = el('r');
  let at: XmlElement = root;
  for (let i = 0; i < 100_000; i++) {
    const c = el('x', i === 0 ? { a: '"&' } : []);
    at.children.push(c);
    at = c;
  }
  at.children.push({ type: 'text', text: '<t>' }, el('e'), { type: 'comment', text: 'c' });
  const xml = serializeElement(root);
  expect(xml.startsWith('<r><x a="&quot;&amp;"><x><x>')).toBe(true);
  expect(xml.includes('<x>&lt;t&gt;<e/><!--c--></x></x></x>')).toBe(true);
  expect(xml.endsWith('</x></x></r>')).toBe(true);
  expect(xml.length).toBe('<r></r>'.length + 100_000 * '<x></x>'.length + ' a="&quot;&amp;"'.length + '&lt;t&gt;<e/><!--c-->'.length);
  expect(textOf(root)).toBe('<t>');
});

// ------------------------------------------------------------------ 4. many entries

/** The plannable workbook with `extra` small stored parts customXml/itemN.xml after its own. */
function manyEntries(extra: number): RawEntry[] {
  const entries = entriesOf(plannableParts());
  for (let i = 1; i <= extra; i++) entries.push({ name: `customXml/item${i}.xml`, data: `<i>${i}</i>`, method: 0 });
  return entries;
}

describe('70,000 entries', () => {
  let dir: string;
  beforeAll(async () => {
    useNativeCodec(zlibCodec(zlib));
    dir = await tempDir('abc-many-');
  });
  afterAll(() => removeDir(dir));

  test.each([
    ['ZIP64 end records', { zip64: true }],
    ['a 16-bit count modulo 65,536 (no ZIP64)', {}],
  ])('are read and written (%s); the output has ZIP64 end records and passes unzip -t', async (_, options) => {
    const entries = manyEntries(70_000);
    const bytes = rawZip(entries, options);
    const wb = openXlsx(bytes);
    await wb.apply(ADD_SHEET);
    const out = wb.toBytes();
    expect(checkZipIntegrity(out)).toBe(entries.length + 1);
    expect(await unzipTest(out)).not.toBe(false);
    const again = openXlsx(out);
    expect((await again.readSheet('新表')).values).toEqual([['你好']]);
    expect(ZipArchive.open(out).get('customXml/item70000.xml')).toBeDefined();
  });

  test('plan through the command line', async () => {
    const file = path.join(dir, 'many.xlsx');
    await fs.writeFile(file, rawZip(manyEntries(66_000), { zip64: true }));
    const r = await run(['plan', file, '--target', '1000', '--out', path.join(dir, 'many-out.xlsx')], { cwd: dir });
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.code).toBe(0);
    const out = new Uint8Array(await fs.readFile(path.join(dir, 'many-out.xlsx')));
    expect(checkZipIntegrity(out)).toBeGreaterThan(66_000);
  });

  test('a directory claiming more than 500,000 entries is refused before it is walked', () => {
    const e = errorOf(() => openXlsx(rawZip(entriesOf(plannableParts()), { zip64: true, zip64Count: 2_000_000 })));
    expect(e.code).toBe('too-large');
    expect(e.messageEn).toContain('The zip holds 2,000,000 parts, over the limit of 500,000');
    expect(e.messageZh).toContain('压缩包里有 2,000,000 个内部文件，超过上限 500,000');
  });

  test('a write that would take the package past 500,000 entries is refused plainly; the workbook is unchanged', async () => {
    const entries = manyEntries(0);
    const extra = LIMITS.entries - entries.length;
    for (let i = 1; i <= extra; i++) entries.push({ name: `customXml/item${i}.xml`, data: 'x', method: 0 });
    const bytes = rawZip(entries, { zip64: true });
    const wb = openXlsx(bytes);
    const e = await rejectionOf(() => wb.apply(ADD_SHEET));
    expect(e.code).toBe('too-large');
    expect(e.messageEn).toContain('After this write the workbook would hold 500,001 parts, over the limit of 500,000');
    expect(e.messageZh).toContain('写入后工作簿将有 500,001 个内部文件，超过上限 500,000');
    expect(wb.toBytes()).toBe(bytes);
  });

  test('a count that disagrees with the directory is refused as damaged', () => {
    const e = errorOf(() => openXlsx(rawZip(entriesOf(plannableParts()), { count: 3 })));
    expect(e.code).toBe('corrupt-zip');
    expect(e.messageEn).toMatch(/lists 3 entries but holds \d+/);
  });
});

// ------------------------------------------------------------------ 5. CRC of copied parts

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

describe.each(CODECS)('a bad CRC on a part the write copies untouched (%s)', (_, codec) => {
  beforeAll(() => useNativeCodec(codec));

  test.each([['deflated', 8], ['stored', 0]] as const)('%s: the write is refused naming the part; the workbook is unchanged', async (__, method) => {
    const entries = entriesOf(plannableParts());
    entries.push({ name: 'xl/media/image1.png', data: PNG, method, crc: (zlib.crc32(PNG) ^ 0x5a5a) >>> 0 });
    const bytes = rawZip(entries);
    const wb = openXlsx(bytes);
    expect((await wb.readSheet('客户清单')).values.length).toBe(41);
    const e = await rejectionOf(() => wb.apply(ADD_SHEET));
    expect(e.code).toBe('corrupt-zip');
    expect(e.part).toBe('xl/media/image1.png');
    expect(e.messageEn).toContain('The file is damaged: its part xl/media/image1.png fails its checksum (CRC)');
    expect(e.messageZh).toContain('文件已损坏：内部文件 xl/media/image1.png 的校验和（CRC）不符');
    expect(wb.toBytes()).toBe(bytes);
  });

  test('a part read in full is not inflated again to check it when copied', () => {
    const archive = ZipArchive.open(rawZip(entriesOf(plannableParts())));
    const sheet = archive.get('xl/worksheets/sheet1.xml')!;
    let seen = 0;
    archive.stream(sheet, (c) => (seen += c.length));
    expect(seen).toBe(sheet.size);
    const afterRead = archive.inflatedBytes;
    archive.verify(sheet);
    expect(archive.inflatedBytes).toBe(afterRead);
    const rels = archive.get('_rels/.rels')!;
    archive.verify(rels);
    archive.verify(rels);
    expect(archive.inflatedBytes).toBe(afterRead + rels.size);
  });
});

test('the command line refuses the file plainly, writes nothing, and shows no stack trace', async () => {
  useNativeCodec(zlibCodec(zlib));
  const dir = await tempDir('abc-crc-');
  try {
    const entries = entriesOf(plannableParts());
    entries.push({ name: 'xl/media/image1.png', data: PNG, crc: 1234 });
    const file = path.join(dir, 'bad.xlsx');
    await fs.writeFile(file, rawZip(entries));
    const zh = await run(['plan', file, '--target', '1000', '--out', path.join(dir, 'out.xlsx')], { cwd: dir });
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain('文件已损坏：内部文件 xl/media/image1.png 的校验和（CRC）不符');
    expect(zh.stderr).not.toMatch(/\n\s+at /);
    const en = await run(['plan', file, '--target', '1000', '--out', path.join(dir, 'out.xlsx')], { cwd: dir, env: { LANG: 'en_US.UTF-8' } });
    expect(en.stderr).toContain('its part xl/media/image1.png fails its checksum (CRC)');
    await expect(fs.readdir(dir)).resolves.toEqual(['bad.xlsx']);
  } finally {
    await removeDir(dir);
  }
});

// ------------------------------------------------------------------ 6. missing _rels/.rels

describe('a package without _rels/.rels', () => {
  beforeAll(() => useNativeCodec(zlibCodec(zlib)));

  const officeDocument = /<Relationship Id="rId\d+" Type="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships\/officeDocument" Target="\/xl\/workbook\.xml"\/>/;

  test('is read, and the write puts in a standard one so that the file written opens', async () => {
    const parts = plannableParts();
    delete parts['_rels/.rels'];
    parts['docProps/core.xml'] = new TextEncoder().encode('<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"/>');
    const wb = openXlsx(rawZip(entriesOf(parts)));
    expect((await wb.readSheet('客户清单')).values.length).toBe(41);
    await wb.apply(ADD_SHEET);
    const out = wb.toBytes();
    checkZipIntegrity(out);
    expect(await unzipTest(out)).not.toBe(false);
    const archive = ZipArchive.open(out);
    const rels = new TextDecoder().decode(archive.read(archive.get('_rels/.rels')!));
    expect(rels).toMatch(officeDocument);
    expect(rels).toContain('Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="/docProps/core.xml"');
    expect((await openXlsx(out).readSheet('新表')).values).toEqual([['你好']]);
  });

  test('a _rels/.rels that does not name the workbook gets the relationship added, once', async () => {
    const parts = plannableParts();
    parts['_rels/.rels'] = new TextEncoder().encode('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>');
    parts['docProps/core.xml'] = new TextEncoder().encode('<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"/>');
    const wb = openXlsx(rawZip(entriesOf(parts)));
    await wb.apply(ADD_SHEET);
    const archive = ZipArchive.open(wb.toBytes());
    expect(archive.entries.filter((e) => e.name === '_rels/.rels')).toHaveLength(1);
    const rels = new TextDecoder().decode(archive.read(archive.get('_rels/.rels')!));
    expect(rels).toMatch(officeDocument);
    expect(rels.match(/core-properties/g)).toHaveLength(1);
    checkZipIntegrity(wb.toBytes());
  });

  test('is refused when the content types cannot type a relationships part', () => {
    const parts = plannableParts();
    delete parts['_rels/.rels'];
    parts['[Content_Types].xml'] = new TextEncoder().encode(new TextDecoder().decode(parts['[Content_Types].xml']).replace(/<Default Extension="rels"[^>]*\/>/, ''));
    const e = errorOf(() => openXlsx(rawZip(entriesOf(parts))));
    expect(e.code).toBe('missing-part');
    expect(e.messageEn).toContain('The workbook lacks its part _rels/.rels');
    expect(e.messageZh).toContain('工作簿缺少内部文件 _rels/.rels');
  });

  test('plans through the command line', async () => {
    const dir = await tempDir('abc-norels-');
    try {
      const parts = plannableParts();
      delete parts['_rels/.rels'];
      const file = path.join(dir, 'norels.xlsx');
      await fs.writeFile(file, rawZip(entriesOf(parts)));
      const r = await run(['plan', file, '--target', '1000', '--out', path.join(dir, 'out.xlsx')], { cwd: dir });
      expect(r.code).toBe(0);
      const out = new Uint8Array(await fs.readFile(path.join(dir, 'out.xlsx')));
      checkZipIntegrity(out);
      const archive = ZipArchive.open(out);
      expect(new TextDecoder().decode(archive.read(archive.get('_rels/.rels')!))).toMatch(officeDocument);
    } finally {
      await removeDir(dir);
    }
  });
});

// ------------------------------------------------------------------ the outputs open in LibreOffice

describeWhen('LibreOffice (soffice)', hasLibreOffice(), 'apt-get install --no-install-recommends libreoffice-calc-nogui', () => {
  jest.setTimeout(240_000);
  let dir: string;
  beforeAll(async () => {
    useNativeCodec(zlibCodec(zlib));
    dir = await tempDir('abc-lo-hostile-');
  });
  afterAll(() => removeDir(dir));

  // (LibreOffice 7.4 reads no ZIP64 end records, so the 66,000-entry output is checked with
  // unzip -t above rather than here.)
  test('the file written with its _rels/.rels repaired opens in LibreOffice with our sheet', async () => {
    const parts = plannableParts();
    delete parts['_rels/.rels'];
    const wb = openXlsx(rawZip(entriesOf(parts)));
    await wb.apply(ADD_SHEET);
    const file = path.join(dir, 'repaired.xlsx');
    await fs.writeFile(file, wb.toBytes());
    const converted = await recalcWithLibreOffice(file, path.join(dir, 'lo'));
    const back = openXlsx(new Uint8Array(await fs.readFile(converted)));
    expect((await back.readSheet('新表')).values).toEqual([['你好']]);
    expect((await back.readSheet('客户清单')).values.length).toBe(41);
  });
});
