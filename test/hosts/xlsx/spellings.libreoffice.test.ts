/**
 * A customer sheet in other producers' spellings (the OpenXML SDK's x: prefix, single quotes,
 * no dimension beside a populated sheetPr, a long-form dimension, rows and cells without r),
 * planned with `abc-planner plan`, opens in LibreOffice, which recalculates it: the customers,
 * our tag columns (with the values the engine computed) and our sheets are all there.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { readXlsxFile } from '../../../src/hosts/xlsx/node';
import { recalcWithLibreOffice } from '../../support/libreoffice';
import { describeWhen, hasLibreOffice } from '../../support/requirements';
import { removeDir, run, tempDir } from '../../cli/helpers';
import { CUSTOMERS, customerSheetXml, workbookWithSheet, type Spelling } from './oddSheets';

jest.setTimeout(180_000);

describeWhen('LibreOffice (soffice)', hasLibreOffice(), 'apt-get install --no-install-recommends libreoffice-calc-nogui', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir('abc-lo-spell-');
  });
  afterAll(() => removeDir(dir));

  test.each<[string, Spelling]>([
    ['sdk-google', { prefix: 'x:', quote: "'", dimension: 'none', sheetPrChildren: true, comments: true }],
    ['long-dimension', { prefix: 'x:', quote: "'", dimension: 'long', noRefs: true }],
  ])('%s: the planned workbook opens with the tag columns and our sheets', async (name, spelling) => {
    const input = path.join(dir, `${name}.xlsx`);
    const planned = path.join(dir, `${name}-planned.xlsx`);
    await fs.writeFile(input, workbookWithSheet(customerSheetXml(spelling)));
    const res = await run(['plan', input, '--out', planned], { cwd: dir });
    expect({ code: res.code, stderr: res.code ? res.stderr : '' }).toEqual({ code: 0, stderr: '' });

    const ours = await readXlsxFile(planned);
    const ourSheets = (await ours.listSheets()).map((s) => s.name);
    expect(ourSheets.length).toBeGreaterThan(1);
    const ourCustomers = await ours.readSheet('客户');
    const header = ourCustomers.values[0]!;
    expect(header.length).toBeGreaterThan(4);

    const output = await recalcWithLibreOffice(planned, path.join(dir, `lo-${name}`));
    const back = await readXlsxFile(output);
    expect((await back.listSheets()).map((s) => s.name)).toEqual(ourSheets);
    const customers = await back.readSheet('客户');
    // The customers as typed, our tag headers beside them, and the tag values recalculated by
    // LibreOffice from our formulas equal to the ones the engine cached.
    expect(customers.values.map((r) => r.slice(0, 4))).toEqual(CUSTOMERS);
    expect(customers.values[0]).toEqual(header);
    expect(customers.values.slice(1)).toEqual(ourCustomers.values.slice(1));
  });
});
