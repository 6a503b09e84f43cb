import fc from 'fast-check';
import { columnLetter, columnNumber } from '../../src/engine/a1';
import { UNITS } from '../../src/engine/amounts';
import { findHeaderRow, findUnitNote, mapColumns, matchHeader } from '../../src/engine/headers';
import type { CellValue, Field } from '../../src/engine/types';

const CN_HEADER = ['客户名称', '城市', '行业', '客户年市场销售额（万元）', '公司销售额（万元）', '销售人员'];

describe('findHeaderRow', () => {
  it('finds a header in the first row', () => {
    expect(findHeaderRow([CN_HEADER, ['甲公司', '北京', '金融', 800, 300, '张三']])).toBe(0);
  });

  it('finds a header below a title, a merged banner, blank rows and a 单位 note', () => {
    const values: CellValue[][] = [
      ['2010年客户细分和目标分解', null, null, null, null, null],
      ['', '', '', '', '', ''],
      ['华北区 · 客户销售计划', null, null, null, null, null],
      [],
      ['单位：万元', null, null, null, null, null],
      CN_HEADER,
      ['甲公司', '北京', '金融', 800, 300, '张三'],
    ];
    expect(findHeaderRow(values)).toBe(5);
  });

  it('finds English headers', () => {
    const values: CellValue[][] = [
      ['Customer list FY2024'],
      [null],
      ['Account name', 'City', 'Industry', 'Market potential (k CNY)', 'Our sales (k CNY)', 'Sales rep'],
      ['Acme', 'Shanghai', 'Finance', 5000, 2000, 'Li'],
    ];
    expect(findHeaderRow(values)).toBe(2);
  });

  it('prefers the row that names the most fields', () => {
    const values: CellValue[][] = [
      ['客户', '城市'], // a two-field line, e.g. a note
      CN_HEADER,
    ];
    expect(findHeaderRow(values)).toBe(1);
  });

  it('returns undefined without a header', () => {
    expect(findHeaderRow([])).toBeUndefined();
    expect(findHeaderRow([['甲公司', '北京', 800, 300], ['乙公司', '上海', 600, 100]])).toBeUndefined();
    // Two optional fields are not enough: one of name/city/potential/ourSales is needed.
    expect(findHeaderRow([['行业', '销售人员', '区域']])).toBeUndefined();
    // One field alone is not a header.
    expect(findHeaderRow([['客户名称'], ['甲公司']])).toBeUndefined();
  });

  it('scans only maxScan rows', () => {
    const values: CellValue[][] = [...Array.from({ length: 5 }, () => [null]), CN_HEADER];
    expect(findHeaderRow(values, 5)).toBeUndefined();
    expect(findHeaderRow(values, 6)).toBe(5);
  });
});

describe('matchHeader', () => {
  it.each<[string, Field]>([
    ['客户名称', 'name'],
    ['客户', 'name'],
    ['客户名', 'name'],
    ['单位名称', 'name'],
    ['Customer', 'name'],
    ['Customer name', 'name'],
    ['customer  NAME', 'name'],
    ['Account', 'name'],
    ['Account name', 'name'],
    ['Client', 'name'],
    ['客户名称：', 'name'],
    ['客户名称(必填)', 'name'],
    ['ｃｕｓｔｏｍｅｒ　ｎａｍｅ', 'name'],
    ['城市', 'city'],
    ['所在城市', 'city'],
    ['所在地', 'city'],
    ['City', 'city'],
    ['客户所在城市', 'city'],
    ['行业', 'industry'],
    ['所属行业', 'industry'],
    ['行业类别', 'industry'],
    ['Industry', 'industry'],
    ['Sector', 'industry'],
    ['Vertical', 'industry'],
    ['客户年市场销售额', 'potential'],
    ['客户年市场销售额（万元）', 'potential'],
    ['客户年市场销售额/万元', 'potential'],
    ['年市场销售额', 'potential'],
    ['市场潜力', 'potential'],
    ['年采购潜力', 'potential'],
    ['采购潜力', 'potential'],
    ['购买潜力', 'potential'],
    ['客户购买潜力', 'potential'],
    ['市场规模', 'potential'],
    ['Potential', 'potential'],
    ['Market potential', 'potential'],
    ['Annual spend', 'potential'],
    ['Market spend', 'potential'],
    ['2023年客户市场销售额(元)', 'potential'],
    ['公司销售额', 'ourSales'],
    ['本公司销售额', 'ourSales'],
    ['我司销售额', 'ourSales'],
    ['我公司销售额', 'ourSales'],
    ['本年销售额', 'ourSales'],
    ['Our sales', 'ourSales'],
    ['Company sales', 'ourSales'],
    ['Sales', 'ourSales'],
    ['Revenue', 'ourSales'],
    ['2023年公司销售额（元）', 'ourSales'],
    ['Sales (k CNY)', 'ourSales'],
    ['销售人员', 'owner'],
    ['客户经理', 'owner'],
    ['销售', 'owner'],
    ['负责人', 'owner'],
    ['销售代表', 'owner'],
    ['Owner', 'owner'],
    ['Sales rep', 'owner'],
    ['Salesperson', 'owner'],
    ['Account manager', 'owner'],
    ['AM', 'owner'],
    ['省份', 'region'],
    ['区域', 'region'],
    ['地区', 'region'],
    ['省', 'region'],
    ['大区', 'region'],
    ['Region', 'region'],
    ['Province', 'region'],
    ['Area', 'region'],
    ['销售区域', 'region'],
    ['分公司', 'branch'],
    ['分支机构', 'branch'],
    ['Branch', 'branch'],
    ['Office', 'branch'],
  ])('%s → %s', (header, field) => {
    const m = matchHeader(header);
    expect(m?.kind === 'field' ? m.field : m).toBe(field);
  });

  it.each(['城市级别', '客户分类', '市场份额', '销售目标', '备注', '序号', '', '2023'])('%s is no field', (header) => {
    expect(matchHeader(header)).toBeUndefined();
  });

  it('ignores cells that are not text', () => {
    expect(matchHeader(2023)).toBeUndefined();
    expect(matchHeader(null)).toBeUndefined();
    expect(matchHeader(true)).toBeUndefined();
  });
});

describe('mapColumns', () => {
  it('maps a Chinese header with units', () => {
    const r = mapColumns([...CN_HEADER, '省份', '分公司']);
    expect(r.mapping.fields).toEqual({
      name: 0, city: 1, industry: 2, potential: 3, ourSales: 4, owner: 5, region: 6, branch: 7,
    });
    expect(r.mapping.units).toEqual({ potential: UNITS.wan, ourSales: UNITS.wan });
    expect(r.missing).toEqual([]);
    expect(r.optionalMissing).toEqual([]);
    expect(r.unmapped).toEqual([]);
    expect(r.mapped[0]).toEqual({ field: 'name', index: 0, header: '客户名称' });
  });

  it('maps English headers and reads their units', () => {
    const r = mapColumns(['Account name', 'City', 'Sector', 'Market potential (M)', 'Our sales (k CNY)', 'Owner', 'Notes']);
    expect(r.mapping.fields).toEqual({ name: 0, city: 1, industry: 2, potential: 3, ourSales: 4, owner: 5 });
    expect(r.mapping.units).toEqual({ potential: UNITS.m, ourSales: UNITS.k });
    expect(r.unmapped).toEqual([{ index: 6, header: 'Notes' }]);
    expect(r.optionalMissing).toEqual(['region', 'branch']);
  });

  it('leaves units out when the header writes none', () => {
    const r = mapColumns(['客户', '城市', '市场潜力', '公司销售额']);
    expect(r.mapping.units).toEqual({});
  });

  it('applies a sheet note unit to headers without their own', () => {
    const r = mapColumns(['客户', '城市', '市场潜力', '公司销售额(万元)', '产品1'], undefined, { noteUnit: UNITS.yuan });
    expect(r.mapping.units).toEqual({ potential: UNITS.yuan, ourSales: UNITS.wan });
    expect(r.mapping.products[0].unit).toBe(UNITS.yuan);
  });

  it('reports missing required and optional fields', () => {
    const r = mapColumns(['客户名称', '行业', '备注', null, '']);
    expect(r.missing).toEqual(['city', 'potential', 'ourSales']);
    expect(r.optionalMissing).toEqual(['owner', 'region', 'branch']);
    expect(r.unmapped).toEqual([{ index: 2, header: '备注' }]);
  });

  describe('ambiguous 销售额 columns', () => {
    it('keeps the market figure and our sales apart, in either order', () => {
      for (const header of [
        ['客户', '城市', '公司销售额', '客户年市场销售额'],
        ['客户', '城市', '客户年市场销售额', '公司销售额'],
      ]) {
        const r = mapColumns(header);
        expect(header[r.mapping.fields.potential!]).toBe('客户年市场销售额');
        expect(header[r.mapping.fields.ourSales!]).toBe('公司销售额');
      }
    });

    it('reads a plain 销售额 as ours and 市场销售额 as potential', () => {
      const header = ['客户', '城市', '销售额(元)', '市场销售额(元)'];
      const r = mapColumns(header);
      expect(r.mapping.fields).toMatchObject({ ourSales: 2, potential: 3 });
      expect(r.mapping.units).toEqual({ potential: UNITS.yuan, ourSales: UNITS.yuan });
    });

    it('prefers an exact name over a contains-match, and the first of equals', () => {
      const r = mapColumns(['客户', '城市', '2022年销售额', '本年销售额', '公司销售额', '市场潜力']);
      expect(r.mapping.fields.ourSales).toBe(3);
      expect(r.unmapped.map((u) => u.index)).toEqual([2, 4]);
    });

    it('does not take our sales for the owner, nor a sales rep for our sales', () => {
      const r = mapColumns(['Customer', 'City', 'Sales rep', 'Sales', 'Potential']);
      expect(r.mapping.fields).toMatchObject({ owner: 2, ourSales: 3, potential: 4 });
    });
  });

  describe('product columns', () => {
    it('reads product columns with their units and names', () => {
      const r = mapColumns([
        '客户名称', '城市', '客户年市场销售额(万元)', '公司销售额(万元)',
        '产品1', '产品A', '产品1销售额(元)', 'Product 1', 'Product A sales (k)', '产品B（万元）', '产品C (必填)',
      ]);
      expect(r.mapping.products).toEqual([
        { name: '产品1', index: 4, unit: UNITS.wan },
        { name: '产品A', index: 5, unit: UNITS.wan },
        { name: '产品1', index: 6, unit: UNITS.yuan },
        { name: 'Product 1', index: 7, unit: UNITS.wan },
        { name: 'Product A', index: 8, unit: UNITS.k },
        { name: '产品B', index: 9, unit: UNITS.wan },
        { name: '产品C', index: 10, unit: UNITS.wan },
      ]);
      expect(r.unmapped).toEqual([]);
    });

    it('gives unit-less products our sales unit', () => {
      const r = mapColumns(['客户', '城市', '市场潜力(元)', '公司销售额(元)', '产品1']);
      expect(r.mapping.products[0].unit).toBe(UNITS.yuan);
    });

    it('does not take product targets, shares or the product line for products', () => {
      const r = mapColumns(['客户', '城市', '市场潜力', '公司销售额', '产品1目标', '产品线', '产品经理', '产品销售额']);
      expect(r.mapping.products).toEqual([]);
    });
  });

  describe('overrides', () => {
    const header = ['序号', '名称', '地点', '年度采买', '我方收入', '客户名称', '城市'];

    it('map a field by index or by header text and win over detection', () => {
      const r = mapColumns(header, { name: 1, city: '地点', potential: 3, ourSales: ' 我方收入 ' });
      expect(r.mapping.fields).toEqual({ name: 1, city: 2, potential: 3, ourSales: 4 });
      // The detected 客户名称 and 城市 columns are left over.
      expect(r.unmapped.map((u) => u.header)).toEqual(['序号', '客户名称', '城市']);
      expect(r.missing).toEqual([]);
      expect(r.badOverrides).toEqual([]);
    });

    it('take the column away from detection', () => {
      // The override puts 城市 on name; city must not take the same column.
      const r = mapColumns(['城市', '所在城市', '市场潜力', '公司销售额'], { name: 0 });
      expect(r.mapping.fields).toMatchObject({ name: 0, city: 1 });
    });

    it('match header text loosely (full-width, units, case)', () => {
      const r = mapColumns(['Customer', 'City', 'ＴＯＴＡＬ Ｂｕｙ（元）', 'Revenue'], { potential: 'total buy' });
      expect(r.mapping.fields.potential).toBe(2);
      expect(r.mapping.units.potential).toBe(UNITS.yuan);
    });

    it('take a column away from products', () => {
      const r = mapColumns(['客户', '城市', '产品总额', '公司销售额'], { potential: 2 });
      expect(r.mapping.fields.potential).toBe(2);
      expect(r.mapping.products).toEqual([]);
    });

    it('report overrides that point nowhere and fall back to detection', () => {
      const r = mapColumns(CN_HEADER, { city: '不存在', name: -1, owner: 1.5 });
      expect(r.badOverrides).toEqual(['name', 'city', 'owner']);
      expect(r.mapping.fields).toMatchObject({ name: 0, city: 1, owner: 5 });
    });

    it('may point past the last header', () => {
      const r = mapColumns(['客户', '城市', '市场潜力'], { ourSales: 3 });
      expect(r.mapping.fields.ourSales).toBe(3);
      expect(r.mapped.find((m) => m.field === 'ourSales')).toEqual({ field: 'ourSales', index: 3, header: '' });
    });
  });
});

describe('findUnitNote', () => {
  it('reads a 单位 note above the header', () => {
    const values: CellValue[][] = [['客户计划（万元）'], ['金额单位：元'], CN_HEADER];
    expect(findUnitNote(values, 2)).toBe(UNITS.yuan);
    expect(findUnitNote([['客户计划（万元）'], CN_HEADER], 1)).toBeUndefined();
  });
});

describe('column letters', () => {
  it.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [52, 'AZ'],
    [53, 'BA'],
    [702, 'ZZ'],
    [703, 'AAA'],
    [16384, 'XFD'],
  ])('%i ↔ %s', (n, letter) => {
    expect(columnLetter(n)).toBe(letter);
    expect(columnNumber(letter)).toBe(n);
    expect(columnNumber(letter.toLowerCase())).toBe(n);
  });

  it('rejects bad input', () => {
    expect(() => columnLetter(0)).toThrow(RangeError);
    expect(() => columnLetter(1.5)).toThrow(RangeError);
    expect(() => columnNumber('')).toThrow(RangeError);
    expect(() => columnNumber('A1')).toThrow(RangeError);
  });

  it('property: letter and number are inverses', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (n) => {
        expect(columnNumber(columnLetter(n))).toBe(n);
      }),
    );
  });
});
