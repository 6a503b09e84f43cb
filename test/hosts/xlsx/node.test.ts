import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readXlsxFile, writeFileAtomic, XlsxError } from '../../../src/hosts/xlsx/node';
import { richWorkbook } from '../../fixtures/xlsxBuilder';
import { diffParts, emptyWrite } from './helpers';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'xlsx-node-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('files', () => {
  test('read, write a copy atomically; no temporary file is left', async () => {
    const input = path.join(dir, 'plan.xlsx');
    const fixture = richWorkbook();
    await fs.writeFile(input, fixture.bytes);
    const wb = await readXlsxFile(input);
    await wb.apply(emptyWrite({ addSheets: [{ name: 'ABC 汇总', rows: [[{ kind: 'text', text: 'x' }]] }] }));
    const output = path.join(dir, 'plan-abc.xlsx');
    await writeFileAtomic(output, wb.toBytes(), { inputPath: input });
    expect(await fs.readdir(dir)).toEqual(['plan-abc.xlsx', 'plan.xlsx']);
    const back = await readXlsxFile(output);
    expect((await back.readSheet('ABC 汇总')).values).toEqual([['x']]);
    // With zlib (Node) the untouched parts are still the same bytes.
    expect(diffParts(fixture.bytes, wb.toBytes()).changed).toEqual(['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml']);
  });

  test('the input is never overwritten unless asked', async () => {
    const input = path.join(dir, 'plan.xlsx');
    const original = richWorkbook().bytes;
    await fs.writeFile(input, original);
    const wb = await readXlsxFile(input);
    await wb.apply(emptyWrite({ addSheets: [{ name: 'N', rows: [] }] }));
    await expect(writeFileAtomic(input, wb.toBytes(), { inputPath: input })).rejects.toMatchObject({ code: 'overwrite-input' });
    // Another spelling of the same path is the same file.
    await expect(writeFileAtomic(path.join(dir, '.', 'plan.xlsx'), wb.toBytes(), { inputPath: input, overwrite: true })).rejects.toMatchObject({ code: 'overwrite-input' });
    expect(Buffer.compare(await fs.readFile(input), Buffer.from(original))).toBe(0);
    await writeFileAtomic(input, wb.toBytes(), { inputPath: input, overwriteInput: true });
    expect((await (await readXlsxFile(input)).listSheets()).map((s) => s.name)).toContain('N');
  });

  test('an existing other file is not replaced unless asked', async () => {
    const target = path.join(dir, 'out.xlsx');
    await fs.writeFile(target, 'keep me');
    const e = await writeFileAtomic(target, richWorkbook().bytes).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(XlsxError);
    expect(e).toMatchObject({ code: 'file-exists' });
    expect(await fs.readFile(target, 'utf8')).toBe('keep me');
    await writeFileAtomic(target, richWorkbook().bytes, { overwrite: true });
    expect((await fs.readFile(target)).subarray(0, 2).toString()).toBe('PK');
  });

  test('a failing write leaves no file and no temporary behind', async () => {
    const target = path.join(dir, 'missing-dir', 'out.xlsx');
    await expect(writeFileAtomic(target, richWorkbook().bytes)).rejects.toThrow();
    expect(await fs.readdir(dir)).toEqual([]);
  });

  test('bad input: nothing is written', async () => {
    const input = path.join(dir, 'old.xls');
    await fs.writeFile(input, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(600).fill(0)]));
    await expect(readXlsxFile(input)).rejects.toMatchObject({ code: 'xls' });
    expect(await fs.readdir(dir)).toEqual(['old.xls']);
  });
});
