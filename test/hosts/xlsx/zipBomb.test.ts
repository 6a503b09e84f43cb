/**
 * Zip bombs and bounded resources (issue 15): parts that lie about their size, parts that would
 * unpack past the cap for their kind or far past their packed size. Each is refused plainly, and
 * inflation stops at the first chunk past the limit (counted by the archive's inflatedBytes;
 * peak memory of the real command measured in child processes). Bombs are deflate streams of
 * zeros built in milliseconds (see rawZip.zeroBomb).
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as zlib from 'node:zlib';
import { useNativeCodec } from '../../../src/hosts/xlsx/codec';
import { openXlsx } from '../../../src/hosts/xlsx';
import { LIMITS } from '../../../src/hosts/xlsx/limits';
import { ZipArchive } from '../../../src/hosts/xlsx/zip';
import { colLetters, SharedStrings, valuesSheetXml } from '../../fixtures/xlsxBuilder';
import { removeDir, tempDir } from '../../cli/helpers';
import { CODECS, emptyWrite, errorOf, rejectionOf } from './helpers';
import { checkZipIntegrity, entriesOf, plannableParts, rawZip, zeroBomb, type RawEntry } from './rawZip';

const MB = 1 << 20;
const GB = 1 << 30;


/** The plannable workbook with one part replaced by a bomb. */
function withPart(part: string, entry: Omit<RawEntry, 'name'>): Uint8Array {
  const entries = entriesOf(plannableParts()).map((e) => (e.name === part ? { name: part, ...entry } : e));
  if (!entries.some((e) => e.name === part)) entries.push({ name: part, ...entry });
  return rawZip(entries);
}

function archiveOf(wb: ReturnType<typeof openXlsx>): ZipArchive {
  return (wb as unknown as { pkg: { archive: ZipArchive } }).pkg.archive;
}

const SHEET = 'xl/worksheets/sheet1.xml';
/** What one push of INFLATE_STEP (64 KB) packed bytes can inflate to at deflate's ~1,032:1. */
const ONE_STEP = 70 * MB;


afterAll(() => useNativeCodec(undefined));

describe.each(CODECS)('with %s', (codecName, codec) => {
  beforeAll(() => useNativeCodec(codec));

  test('a sheet declared as 1,000 bytes that inflates to 4 GB stops at the first chunk past 1,000 bytes', async () => {
    const wb = openXlsx(withPart(SHEET, { deflated: zeroBomb(4 * GB), size: 1000, crc: 0 }));
    const opened = archiveOf(wb).inflatedBytes; // the small parts read by opening
    const e = await rejectionOf(() => wb.readSheet('客户清单'));
    expect(e.code).toBe('corrupt-zip');
    expect(e.part).toBe(SHEET);
    expect(e.messageEn).toContain(`The file is damaged: its part ${SHEET} unpacks to more than the 1000 bytes it declares (stopped at the first byte past it)`);
    expect(e.messageZh).toContain(`文件已损坏：内部文件 ${SHEET} 解压后超过登记的 1000 字节（在第一个多出的字节处已停止）`);
    // zlib stops inside its own 16 KB chunk and returns nothing; fflate within one 64 KB push.
    expect(archiveOf(wb).inflatedBytes - opened).toBeLessThan(codecName === 'zlib' ? 1 : ONE_STEP);
  });

  test('a sheet declared as 300 MB (streamed, not inflated whole) that inflates to 4 GB stops near 300 MB', () => {
    const archive = ZipArchive.open(withPart(SHEET, { deflated: zeroBomb(4 * GB), size: 300 * MB, crc: 0 }));
    let seen = 0;
    const e = errorOf(() => archive.stream(archive.get(SHEET)!, (c) => (seen += c.length)));
    expect(e.messageEn).toContain('unpacks to more than the 300 MB it declares');
    expect(seen).toBeLessThanOrEqual(300 * MB);
    expect(archive.inflatedBytes).toBeGreaterThan(300 * MB);
    expect(archive.inflatedBytes).toBeLessThan(300 * MB + ONE_STEP);
  });

  test('an honest 6 GB sheet is refused before a byte is inflated', async () => {
    const wb = openXlsx(withPart(SHEET, { deflated: zeroBomb(6 * GB), size: 6 * GB, crc: 0 }));
    const opened = archiveOf(wb).inflatedBytes;
    const e = await rejectionOf(() => wb.readSheet('客户清单'));
    expect(e.code).toBe('too-large');
    expect(e.messageEn).toContain(`The part ${SHEET} would unpack to more than 4 GB (more than any Excel workbook holds there): the file is damaged or not a workbook`);
    expect(e.messageZh).toContain(`内部文件 ${SHEET} 解压后将超过 4 GB`);
    expect(archiveOf(wb).inflatedBytes).toBe(opened);
  });

  test('a 1 GB sheet packed 1,000:1 is refused by the pack ratio before a byte is inflated', async () => {
    const wb = openXlsx(withPart(SHEET, { deflated: zeroBomb(1 * GB), size: 1 * GB, crc: 0 }));
    const opened = archiveOf(wb).inflatedBytes;
    const e = await rejectionOf(() => wb.readSheet('客户清单'));
    expect(e.code).toBe('too-large');
    expect(e.messageEn).toMatch(new RegExp(`The part ${SHEET} would unpack to 1 GB, over 250 times its packed size of 1\\d{3}\\.?\\d* KB`));
    expect(e.messageZh).toContain('倍以上');
    expect(archiveOf(wb).inflatedBytes).toBe(opened);
  });

  test.each(['xl/workbook.xml', '[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels'])(
    '%s inflating to 3 GB is refused when the file is opened: honestly declared, or declared as 1,000 bytes',
    (part) => {
      const honest = errorOf(() => openXlsx(withPart(part, { deflated: zeroBomb(3 * GB), size: 3 * GB, crc: 0 })));
      expect(honest.code).toBe('too-large');
      expect(honest.messageEn).toContain(`The part ${part} would unpack to more than 32 MB`);
      const lying = withPart(part, { deflated: zeroBomb(3 * GB), size: 1000, crc: 0 });
      const archive = ZipArchive.open(lying);
      const e = errorOf(() => archive.read(archive.get(part)!));
      expect(e.code).toBe('corrupt-zip');
      expect(e.messageEn).toContain(`its part ${part} unpacks to more than the 1000 bytes it declares`);
      expect(archive.inflatedBytes).toBeLessThan(ONE_STEP);
      expect(errorOf(() => openXlsx(lying)).messageEn).toContain(`its part ${part} unpacks to more than`);
    },
  );

  test('styles.xml inflating to 3 GB is refused by the write; the workbook is unchanged', async () => {
    const bytes = withPart('xl/styles.xml', { deflated: zeroBomb(3 * GB), size: 1000, crc: 0 });
    const wb = openXlsx(bytes);
    const e = await rejectionOf(() => wb.apply(emptyWrite({ addSheets: [{ name: 'N', rows: [[{ kind: 'number', value: 1 }]] }] })));
    expect(e.messageEn).toContain('its part xl/styles.xml unpacks to more than the 1000 bytes it declares');
    expect(wb.toBytes()).toBe(bytes);
    expect(archiveOf(wb).inflatedBytes).toBeLessThan(ONE_STEP);
  });

  test('a copied part declared as 1,000 bytes that inflates to 4 GB is refused by the write', async () => {
    const wb = openXlsx(withPart('xl/media/image1.png', { deflated: zeroBomb(4 * GB), size: 1000, crc: 0 }));
    const e = await rejectionOf(() => wb.apply(emptyWrite({ addSheets: [{ name: 'N', rows: [[{ kind: 'number', value: 1 }]] }] })));
    expect(e.part).toBe('xl/media/image1.png');
    expect(e.messageEn).toContain('unpacks to more than the 1000 bytes it declares');
    expect(archiveOf(wb).inflatedBytes).toBeLessThan(ONE_STEP);
  });

  test('a 16 MB run of zeros (under the ratio grace) is an honest part: copied, and the output is intact', async () => {
    const zeros = Buffer.alloc(16 * MB);
    const wb = openXlsx(withPart('xl/media/blank.bin', { deflated: zeroBomb(16 * MB), size: zeros.length, crc: zlib.crc32(zeros) }));
    await wb.apply(emptyWrite({ addSheets: [{ name: 'N', rows: [[{ kind: 'number', value: 1 }]] }] }));
    expect(checkZipIntegrity(wb.toBytes())).toBe(Object.keys(plannableParts()).length + 2);
  });
});

test('the caps leave room for an honest sheet at Excel’s row limit with 20 columns', () => {
  // 2,000 rows of 20 columns (text, numbers, styles) as Excel writes them, scaled to 1,048,576 rows.
  const rows = 2000;
  const values = Array.from({ length: rows }, (_, r) => Array.from({ length: 20 }, (__, c) => (c % 3 === 0 ? `客户${r}-${colLetters(c + 1)}` : r * 1000.25 + c)));
  const xml = Buffer.from(valuesSheetXml(values, new SharedStrings(), { firstRow: 1_046_577 }));
  const packed = zlib.deflateRawSync(xml, { level: 6 });
  const fullSize = (xml.length / rows) * 1_048_576;
  expect(fullSize).toBeLessThan(LIMITS.largePartBytes / 2);
  expect(xml.length / packed.length).toBeLessThan(LIMITS.packRatio / 5);
});

// ------------------------------------------------------------------ peak memory of the real command

describe('peak memory of `abc-planner plan` on bombs (child processes, --max-old-space-size=1024)', () => {
  // Each case is a whole run of the command in its own process: minutes on a busy machine.
  jest.setTimeout(600_000);
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir('abc-bomb-');
  });
  afterAll(() => removeDir(dir));

  const CHILD = path.join(__dirname, 'bombChild.ts');
  const plan = (file: string): Promise<{ code: number; stderr: string; peakRssMb: number }> =>
    new Promise((resolve, reject) => {
      execFile(
        process.execPath,
        ['--max-old-space-size=1024', '--import', 'tsx', CHILD, file, path.join(dir, 'out.xlsx')],
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
    ['a sheet declared as 1,000 bytes, inflating to 4 GB', SHEET, { deflated: zeroBomb(4 * GB), size: 1000, crc: 0 }, /unpacks to more than the 1000 bytes it declares/],
    ['an honest 6 GB sheet', SHEET, { deflated: zeroBomb(6 * GB), size: 6 * GB, crc: 0 }, /would unpack to more than 4 GB/],
    ['workbook.xml declared as 1,000 bytes, inflating to 3 GB', 'xl/workbook.xml', { deflated: zeroBomb(3 * GB), size: 1000, crc: 0 }, /xl\/workbook\.xml unpacks to more than/],
  ])('%s: refused under 1 GB', async (_, part, entry, message) => {
    const file = path.join(dir, 'bomb.xlsx');
    await fs.writeFile(file, withPart(part, entry));
    const r = await plan(file);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.peakRssMb).toBeLessThan(1024);
    await expect(fs.readdir(dir)).resolves.toEqual(['bomb.xlsx']);
  });

  test('a styles.xml just under the 32 MB cap (380,000 cell formats, six times Excel’s limit) is planned under 1 GB', async () => {
    const parts = plannableParts();
    const xfs: string[] = [];
    let size = 0;
    for (let n = 0; size < LIMITS.smallPartBytes - 2 * MB; n++) {
      const xf = `<xf numFmtId="${n % 200}" fontId="0" fillId="0" borderId="${n % 7}" xfId="0" applyNumberFormat="1"/>`;
      xfs.push(xf);
      size += xf.length;
    }
    const styles = new TextDecoder().decode(parts['xl/styles.xml']).replace(/<cellXfs count="\d+">/, `<cellXfs count="${xfs.length + 3}">${xfs.join('')}`);
    parts['xl/styles.xml'] = new TextEncoder().encode(styles);
    const file = path.join(dir, 'styles.xlsx');
    await fs.writeFile(file, rawZip(entriesOf(parts)));
    const r = await plan(file);
    expect(r.code).toBe(0);
    expect(r.peakRssMb).toBeLessThan(1024);
    checkZipIntegrity(new Uint8Array(await fs.readFile(path.join(dir, 'out.xlsx'))));
    await fs.rm(path.join(dir, 'out.xlsx'));
    await fs.rm(file);
  });
});
