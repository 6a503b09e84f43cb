import fc from 'fast-check';
import { MAX_AMOUNT_WAN, MAX_GROWTH_PCT, MAX_TARGET_WAN, parseAmount, roundWan, splitHeaderUnit, toWan, unitFromHeader, UNITS } from '../../src/engine/amounts';
import type { AmountResult } from '../../src/engine/amounts';

const ok = (wan: number): AmountResult => ({ kind: 'ok', wan });

describe('unitFromHeader', () => {
  it.each([
    ['客户年市场销售额(元)', '元'],
    ['客户年市场销售额（元）', '元'],
    ['公司销售额(万元)', '万元'],
    ['公司销售额（万）', '万元'],
    ['市场规模(亿元)', '亿元'],
    ['Sales (千元)', '千元'],
    ['Sales (k)', 'k'],
    ['Sales (K)', 'k'],
    ['Revenue (CNY)', '元'],
    ['Revenue (RMB)', '元'],
    ['Revenue (k CNY)', 'k'],
    ['Revenue (M)', 'm'],
    ['Revenue (mn)', 'm'],
    ['Revenue (million)', 'm'],
    ['Potential (10k)', '万元'],
    ['Potential (万)', '万元'],
    ['公司销售额[万元]', '万元'],
    ['公司销售额【万元】', '万元'],
    ['公司销售额 单位：万元', '万元'],
    ['单位：元', '元'],
    ['(单位:万元)', '万元'],
    ['客户年市场销售额/万元', '万元'],
    ['客户年市场销售额／元', '元'],
    ['客户年市场销售额万元', '万元'],
    ['销售额(2023)(万元)', '万元'],
    ['销售额(万元/年)', '万元'],
    ['采购潜力（人民币万元）', '万元'],
  ])('%s → %s', (header, label) => {
    expect(unitFromHeader(header)?.label).toBe(label);
  });

  it.each(['客户名称', '公司销售额', '客户(必填)', '金融/电信', '单位名称', 'Sales (USD)', '', 'Revenue (%)'])(
    'no unit in %s',
    (header) => {
      expect(unitFromHeader(header)).toBeUndefined();
    },
  );

  it('gives the factors to 万元', () => {
    expect(unitFromHeader('(元)')?.toWan).toBe(1e-4);
    expect(unitFromHeader('(千元)')?.toWan).toBe(0.1);
    expect(unitFromHeader('(k)')?.toWan).toBe(0.1);
    expect(unitFromHeader('(万元)')?.toWan).toBe(1);
    expect(unitFromHeader('(M)')?.toWan).toBe(100);
    expect(unitFromHeader('(亿元)')?.toWan).toBe(10000);
  });

  it('splits the unit off and keeps other brackets', () => {
    expect(splitHeaderUnit('客户年市场销售额（万元）')).toEqual({ text: '客户年市场销售额', unit: UNITS.wan });
    expect(splitHeaderUnit('产品A (必填)')).toEqual({ text: '产品A (必填)' });
  });
});

describe('parseAmount: numbers', () => {
  it('reads numbers in the column unit, 万元 by default', () => {
    expect(parseAmount(350)).toEqual(ok(350));
    expect(parseAmount(350, UNITS.wan)).toEqual(ok(350));
    expect(parseAmount(1234500, UNITS.yuan)).toEqual(ok(123.45));
    expect(parseAmount(12.5, UNITS.k)).toEqual(ok(1.25));
    expect(parseAmount(1.2, UNITS.yi)).toEqual(ok(12000));
    expect(parseAmount(0.07, UNITS.m)).toEqual(ok(7));
    expect(parseAmount(0)).toEqual(ok(0));
    expect(parseAmount(-0)).toEqual(ok(0));
    expect(Object.is((parseAmount(-0) as { wan: number }).wan, 0)).toBe(true);
  });

  it('flags negatives with their value', () => {
    expect(parseAmount(-5)).toEqual({ kind: 'negative', wan: -5 });
    expect(parseAmount(-1234500, UNITS.yuan)).toEqual({ kind: 'negative', wan: -123.45 });
  });

  it('rejects NaN and booleans (shown as a spreadsheet shows them), and Infinity as too large', () => {
    expect(parseAmount(NaN)).toEqual({ kind: 'invalid', text: 'NaN' });
    expect(parseAmount(Infinity)).toEqual({ kind: 'too-large', text: 'Infinity' });
    expect(parseAmount(-Infinity).kind).toBe('too-large');
    expect(parseAmount(true)).toEqual({ kind: 'invalid', text: 'TRUE' });
    expect(parseAmount(false)).toEqual({ kind: 'invalid', text: 'FALSE' });
  });
});

describe('parseAmount: text', () => {
  it.each([
    ['350', 350],
    ['350万', 350],
    ['350 万元', 350],
    ['350万元', 350],
    ['350w', 350],
    ['1.2亿', 12000],
    ['1.2亿元', 12000],
    ['¥1,200,000', 120],
    ['￥1,200,000元', 120],
    ['1,200,000元', 120],
    ['1234500元', 123.45],
    ['1,234.5', 1234.5],
    ['12.5k', 1.25],
    ['12.5K', 1.25],
    ['12.5千元', 1.25],
    ['1.2k CNY', 0.12],
    ['1.5M', 150],
    ['1.5 million', 150],
    ['2千万', 2000],
    ['3百万元', 300],
    ['1200 RMB', 0.12],
    ['人民币350万元', 350],
    ['３５０万', 350],
    ['１，２００', 1200],
    ['１２００．５', 1200.5],
    ['  350  ', 350],
    ['\u3000350\u3000', 350],
    ['+350', 350],
    ['+ 350万', 350],
    ['1 200 000元', 120],
    ['.5', 0.5],
    ['1e3', 1000],
    ['0', 0],
  ])('%s → %s 万元', (text, wan) => {
    expect(parseAmount(text)).toEqual(ok(wan));
  });

  it('applies the column unit to bare numbers, but a unit in the text wins', () => {
    expect(parseAmount('1,234,500', UNITS.yuan)).toEqual(ok(123.45));
    expect(parseAmount('350万', UNITS.yuan)).toEqual(ok(350));
    expect(parseAmount('1200000元', UNITS.wan)).toEqual(ok(120));
    expect(parseAmount('12.5', UNITS.k)).toEqual(ok(1.25));
  });

  it('reads a bare currency sign as 元, even in a column headed 万元 (the cell says its unit)', () => {
    expect(parseAmount('¥1,200,000')).toEqual(ok(120));
    expect(parseAmount('¥1,200,000', UNITS.wan)).toEqual(ok(120));
    expect(parseAmount('￥3,500', UNITS.wan)).toEqual(ok(0.35));
    expect(parseAmount('CNY 1,200,000')).toEqual(ok(120));
  });

  it.each([
    ['-350', -350],
    ['−350', -350],
    ['(1,200)', -1200],
    ['（1,200）', -1200],
    ['(350万)', -350],
    ['-¥1,200,000', -120],
    ['¥-1,200,000', -120],
    ['-1.2亿', -12000],
  ])('%s is negative (%s 万元)', (text, wan) => {
    expect(parseAmount(text)).toEqual({ kind: 'negative', wan });
  });

  it.each([
    null,
    '',
    '   ',
    '\u3000',
    '-',
    '—',
    '--',
    '——',
    'N/A',
    'n/a',
    'NA',
    '#N/A',
    '#DIV/0!',
    '#VALUE!',
    '#REF!',
    '#NAME?',
    '#NUM!',
    '#NULL!',
    '#SPILL!',
    '#CALC!',
    '#GETTING_DATA',
    'Err:502',
    '无',
    '空',
    ' 无 ',
  ])('%p is missing', (value) => {
    expect(parseAmount(value)).toEqual({ kind: 'missing' });
  });

  it.each([
    'abc',
    '约350万',
    '350万左右',
    '50%',
    '1,2',
    '12 34',
    '1.2.3',
    '$1,200',
    '350美元',
    '--5',
    '+-5',
    '-(5)',
    '()',
    'Infinity',
    'NaN',
    '350 万 元 元',
    '0x1F',
    '0o17',
    '0b11',
    '1_000',
    '2024-01-05',
    'TRUE',
  ])('%p is invalid and keeps its text', (text) => {
    expect(parseAmount(text)).toEqual({ kind: 'invalid', text });
  });
});

describe('amounts beyond what a plan can hold exactly', () => {
  it('has a cell bound of 10^8 万元 (1 万亿元) and a target bound of 10^14 万元', () => {
    expect(MAX_AMOUNT_WAN).toBe(1e8);
    // 1,048,575 rows at the cell bound, grown by the largest growth, stay below 2^53 units of 0.1 万元.
    expect(1_048_575 * MAX_AMOUNT_WAN * (1 + MAX_GROWTH_PCT / 100) * 10).toBeLessThan(2 ** 53);
    expect(MAX_TARGET_WAN * 10).toBeLessThan(2 ** 53);
  });

  it.each([
    [123456789012345678, undefined, '123456789012345680'], // an 18-digit ID pasted as a number (a double keeps 17 digits)
    ['110101199001011234', undefined, '110101199001011234'], // … or as text
    ['9'.repeat(309), undefined, '9'.repeat(309)], // Infinity once read
    [1e16, undefined, '10000000000000000'],
    ['1e16', undefined, '1e16'],
    ['100000001', undefined, '100000001'],
    [1e9, UNITS.wan, '1000000000'],
    [2e12, UNITS.yuan, '2000000000000'],
    ['10001亿', undefined, '10001亿'],
    [-1e17, undefined, '-100000000000000000'],
  ] as const)('%p (column unit %p) is too large', (value, unit, text) => {
    expect(parseAmount(value as string | number, unit)).toEqual({ kind: 'too-large', text });
  });

  it('takes amounts up to the bound, in any unit', () => {
    expect(parseAmount(1e8)).toEqual(ok(1e8));
    expect(parseAmount(1e12, UNITS.yuan)).toEqual(ok(1e8));
    expect(parseAmount('10000亿')).toEqual(ok(1e8));
    expect(parseAmount('10,000亿')).toEqual(ok(1e8));
  });

  it('reads a company target with its own bound', () => {
    expect(parseAmount('1e16', undefined, MAX_TARGET_WAN).kind).toBe('too-large');
    expect(parseAmount('1e14', undefined, MAX_TARGET_WAN)).toEqual(ok(1e14));
    expect(parseAmount('2亿', undefined, MAX_TARGET_WAN)).toEqual(ok(2e4));
  });
});

/** What parseAmount gives for a 万元 amount n written as `text`: ok up to the bound, too large past it. */
const okOrTooLarge = (n: number, text: string) => (n > MAX_AMOUNT_WAN ? { kind: 'too-large', text } : ok(n === 0 ? 0 : n));

describe('conversion precision', () => {
  it('gives exact decimals after unit conversion', () => {
    expect(toWan(1234500, UNITS.yuan)).toBe(123.45);
    expect(toWan(1, UNITS.yuan)).toBe(0.0001);
    expect(toWan(0.07, UNITS.m)).toBe(7);
    expect(toWan(0.1 + 0.2, UNITS.wan)).toBe(0.1 + 0.2); // 万元 is read as is
    expect(roundWan(7.000000000000001)).toBe(7);
    expect(roundWan(123456.78900000001)).toBe(123456.789);
  });

  it('property: a number written as text reads back as itself (万元)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }), (n) => {
        const r = parseAmount(String(n));
        expect(r).toEqual(okOrTooLarge(n, String(n)));
      }),
    );
  });

  it('property: thousands separators round-trip', () => {
    const withCommas = (s: string): string => {
      const [int, frac] = s.split('.');
      const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
      return frac === undefined ? grouped : `${grouped}.${frac}`;
    };
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e15, noNaN: true }), fc.boolean(), (n, spaces) => {
        const plain = String(n);
        fc.pre(!plain.includes('e'));
        const text = spaces ? withCommas(plain).replace(/,/g, ' ') : withCommas(plain);
        expect(parseAmount(text)).toEqual(okOrTooLarge(n, text));
      }),
    );
  });

  it('property: the one-pass short path and the general path agree', () => {
    // Full-width digits always take the general path; the half-width text usually the short one.
    const wide = (s: string): string => s.replace(/[0-9.,+\-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const amountText = fc
      .tuple(
        fc.constantFrom('', '-', '+'),
        fc.constantFrom('', '¥', '￥'),
        fc.integer({ min: 0, max: 1e12 }),
        fc.boolean(),
        fc.option(fc.integer({ min: 0, max: 9999 }), { nil: undefined }),
        fc.constantFrom('', '万', '万元', '元', '亿', 'k', 'm', '千元', 'x', '%'),
      )
      .map(([sign, cur, int, commas, frac, u]) => {
        const i = commas ? int.toLocaleString('en-US') : String(int);
        return `${sign}${cur}${i}${frac === undefined ? '' : `.${frac}`}${u}`;
      });
    fc.assert(
      fc.property(amountText, fc.constantFrom(undefined, UNITS.yuan, UNITS.wan), (text, unit) => {
        const a = parseAmount(text, unit);
        const b = parseAmount(wide(text), unit);
        expect(a.kind).toBe(b.kind);
        if (a.kind !== 'invalid' && a.kind !== 'too-large' && b.kind !== 'invalid' && b.kind !== 'too-large') expect(a).toEqual(b);
      }),
    );
  });

  it('property: whole 元 convert to the exact decimal 万元', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), (yuan) => {
        // Shift the decimal point by hand: the exact answer written as a decimal.
        const s = String(yuan).padStart(5, '0');
        const expected = Number(`${s.slice(0, -4)}.${s.slice(-4)}`);
        expect(parseAmount(yuan, UNITS.yuan)).toEqual(okOrTooLarge(expected, String(yuan)));
        expect(parseAmount(`${yuan}元`)).toEqual(okOrTooLarge(expected, `${yuan}元`));
      }),
    );
  });

  it('property: conversions stay within 1e-9 relative of the exact value', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e12, noNaN: true }),
        fc.constantFrom(UNITS.yuan, UNITS.qian, UNITS.k, UNITS.m, UNITS.qianwan, UNITS.yi),
        (n, u) => {
          const r = parseAmount(n, u);
          fc.pre(n * u.toWan <= MAX_AMOUNT_WAN * 0.999);
          expect(r.kind).toBe('ok');
          const wan = (r as { wan: number }).wan;
          const exact = n * u.toWan;
          // Absolute slack for tiny values: rounding keeps 10 decimals (1e-6 元).
          expect(Math.abs(wan - exact)).toBeLessThanOrEqual(Math.max(1e-9 * exact, 1e-10));
        },
      ),
    );
  });
});
