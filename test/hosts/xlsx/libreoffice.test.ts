import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openXlsx } from '../../../src/hosts/xlsx/node';
import { recalcWithLibreOffice } from '../../support/libreoffice';
import { describeWhen, hasLibreOffice } from '../../support/requirements';
import { richWorkbook } from '../../fixtures/xlsxBuilder';
import { emptyWrite } from './helpers';

jest.setTimeout(180_000);

describeWhen('LibreOffice (soffice)', hasLibreOffice(), 'apt-get install --no-install-recommends libreoffice-calc-nogui', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'xlsx-lo-'));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  test.each([
    ['plan.xlsx', false],
    ['plan.xlsm', true],
  ])('%s with our sheet and tag columns opens and recalculates', async (file, macro) => {
    const wb = openXlsx(richWorkbook({ macro }).bytes, file);
    await wb.apply(
      emptyWrite({
        addSheets: [
          {
            name: 'ABC 设置',
            rows: [
              [{ kind: 'text', text: '阈值', style: 'header' }, { kind: 'number', value: 100, style: 'wan' }],
              // Cached values are deliberately wrong: only a recalculation gives the right ones.
              [{ kind: 'text', text: '=1+1' }, { kind: 'formula', formula: 'B1*2+客户!C2', cached: 0, style: 'wan' }],
              [{ kind: 'formula', formula: 'IF(ABC_阈值>50,"高","低")', cached: 'x' }, { kind: 'formula', formula: 'SUMIFS(数据!B2:B3,数据!A2:A3,"上海")', cached: 0 }],
            ],
            columnWidths: [12, 12],
            freeze: { rows: 1, columns: 0 },
            tabColor: '2E75B6',
          },
        ],
        columns: [
          {
            sheet: '客户',
            firstRow: 1,
            firstColumn: 7,
            cells: [
              [{ kind: 'text', text: '等级', style: 'header' }],
              [{ kind: 'formula', formula: `IF(C2>ABC_阈值,"A","C")`, cached: '?' }],
              [{ kind: 'formula', formula: 'IFERROR(C3*2,"无")', cached: '?' }],
            ],
          },
        ],
        addNames: [{ name: 'ABC_阈值', ref: "'ABC 设置'!$B$1" }],
      }),
    );
    const input = path.join(dir, file);
    await fs.writeFile(input, wb.toBytes());
    const output = await recalcWithLibreOffice(input, path.join(dir, `out-${macro ? 'm' : 'x'}`));

    // Read LibreOffice's output (with its recalculated cached values) back.
    const back = openXlsx(new Uint8Array(await fs.readFile(output)));
    const settings = await back.readSheet('ABC 设置');
    expect(settings.values).toEqual([
      ['阈值', 100],
      ['=1+1', 323.5],
      ['高', 20],
    ]);
    const customers = await back.readSheet('客户');
    expect(customers.values.slice(0, 3).map((r) => r[6])).toEqual(['等级', 'A', '无']);
    expect(customers.values[1]!.slice(0, 3)).toEqual(['北京银行', '北京', 123.5]);

    expect((await back.listSheets()).map((s) => s.name)).toEqual(['客户', '数据', '透视', '隐藏', '深藏', 'ABC 设置']);

    // A re-run on the file LibreOffice saved (its own zip and XML conventions) works too.
    await back.apply(
      emptyWrite({
        removeSheets: ['ABC 设置'],
        addSheets: [{ name: 'ABC 设置', rows: [[{ kind: 'text', text: '阈值' }, { kind: 'number', value: 200 }]] }],
        columns: [{ sheet: '客户', firstRow: 2, firstColumn: 7, cells: [[{ kind: 'text', text: 'B' }]] }],
      }),
    );
    expect((await back.readSheet('ABC 设置')).values).toEqual([['阈值', 200]]);
    expect((await back.readSheet('客户')).values[1]![6]).toBe('B');
  });
});
