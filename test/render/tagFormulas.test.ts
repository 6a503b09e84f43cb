import { UNITS } from '../../src/engine/amounts';
import { fitsStrLit, numLit, strLit, valueLit } from '../../src/render/cells';
import { amountFormula, cityFormula, classFormula, coverageFormula, modeFormula, tierFormula, unitOp } from '../../src/render/tagFormulas';
import { MODE_LABELS } from '../../src/i18n/engine';
import { toWan } from '../../src/engine/amounts';

describe('formula constants', () => {
  test('strings are quoted with quotes doubled; long or multi-line text does not fit', () => {
    expect(strLit('北"京')).toBe('"北""京"');
    expect(strLit('=HYPERLINK("x")')).toBe('"=HYPERLINK(""x"")"');
    expect(fitsStrLit('x'.repeat(255))).toBe(true);
    expect(fitsStrLit('x'.repeat(256))).toBe(false);
    expect(fitsStrLit('a\nb')).toBe(false);
    expect(fitsStrLit('a\u0001b')).toBe(false);
  });

  test('numbers round-trip exactly, exponents in E form', () => {
    for (const x of [0, 350, 0.1, 66.90000000000001, 1e21, 1.5e-7, 123456789.123456]) {
      expect(Number(numLit(x))).toBe(x);
      expect(numLit(x)).not.toMatch(/e/);
    }
    expect(() => numLit(NaN)).toThrow();
  });

  test('cell values as constants for "is the cell still what we read" checks', () => {
    expect(valueLit(null)).toBe('""');
    expect(valueLit(true)).toBe('TRUE');
    expect(valueLit(12.5)).toBe('12.5');
    expect(valueLit('350万')).toBe('"350万"');
    expect(valueLit('x'.repeat(300))).toBeUndefined();
  });
});

describe('amount helper', () => {
  const wan = unitOp(UNITS.wan);
  const yuan = unitOp(UNITS.yuan);
  const yi = unitOp(UNITS.yi);

  test('unit operations match the engine before its rounding', () => {
    expect(wan.formula('D5')).toBe('D5');
    expect(yuan.formula('D5')).toBe('D5/10000');
    expect(yi.formula('D5')).toBe('D5*10000');
    expect(unitOp(UNITS.k).formula('D5')).toBe('D5/10');
    expect(unitOp(UNITS.m).formula('D5')).toBe('D5*100');
    for (const v of [669000, 1234500, 5, 0]) expect(yuan.apply(v)).toBe(toWan(v, UNITS.yuan));
  });

  test('numbers are read live; blanks, negatives, booleans, numbers past the bound and unreadable text give a blank', () => {
    // ISLOGICAL first: LibreOffice stores TRUE as 1 (ISNUMBER is TRUE there); past 10^8 万元 the engine refuses.
    const live = 'IF(ISLOGICAL(D5),"",IF(ISNUMBER(D5),IF(D5<0,"",IF(D5>100000000,"",D5)),""))';
    expect(amountFormula('D5', 350, 350, wan)).toBe(live);
    expect(amountFormula('D5', -12.5, null, wan)).toBe(live);
    expect(amountFormula('D5', null, null, wan)).toBe(live);
    expect(amountFormula('D5', true, null, wan)).toBe(live);
    expect(amountFormula('D5', '待定', null, wan)).toBe(live);
    expect(amountFormula('D5', '#N/A', null, wan)).toBe(live);
    expect(amountFormula('D5', 110101199001011234, null, wan)).toBe(live);
    expect(amountFormula('D5', '0x1F', null, wan)).toBe(live);
    // The bound in the column's unit: 10^12 元, 10^4 亿元.
    expect(amountFormula('D5', 5, 0.0005, yuan)).toBe('IF(ISLOGICAL(D5),"",IF(ISNUMBER(D5),IF(D5<0,"",IF(D5>1000000000000,"",D5/10000)),""))');
    expect(unitOp(UNITS.yi).max).toBe(10_000);
  });

  test('text the engine read carries its value while the cell still says the same', () => {
    expect(amountFormula('D5', '350万', 350, wan)).toBe('IF(ISLOGICAL(D5),"",IF(ISNUMBER(D5),IF(D5<0,"",IF(D5>100000000,"",D5)),IF(D5="350万",350,"")))');
    expect(amountFormula('D5', '¥1,200,000', 120, yuan)).toBe('IF(ISLOGICAL(D5),"",IF(ISNUMBER(D5),IF(D5<0,"",IF(D5>1000000000000,"",D5/10000)),IF(D5="¥1,200,000",120,"")))');
    // Too long for a formula constant: the value alone.
    const long = '1' + ' '.repeat(300) + '万';
    expect(amountFormula('D5', long, 1, wan)).toBe('IF(ISLOGICAL(D5),"",IF(ISNUMBER(D5),IF(D5<0,"",IF(D5>100000000,"",D5)),1))');
  });

  test('where the engine rounded a converted number, its value is kept for that number', () => {
    const raw = 0.00669; // 亿元
    expect(yi.apply(raw)).not.toBe(toWan(raw, UNITS.yi));
    expect(amountFormula('E5', raw, toWan(raw, UNITS.yi), yi)).toBe(`IF(E5=0.00669,66.9,IF(ISLOGICAL(E5),"",IF(ISNUMBER(E5),IF(E5<0,"",IF(E5>10000,"",E5*10000)),"")))`);
  });
});

describe('city helper', () => {
  test('a canonical cell is read live; another form keeps the canonical name while unchanged', () => {
    expect(cityFormula('B5', '北京', '北京')).toBe('TRIM(B5)');
    expect(cityFormula('B5', null, '')).toBe('TRIM(B5)');
    expect(cityFormula('B5', 'Beijing', '北京')).toBe('IF(B5="Beijing","北京",TRIM(B5))');
    expect(cityFormula('B5', ' 北京 ', '北京')).toBe('IF(B5=" 北京 ","北京",TRIM(B5))');
    expect(cityFormula('B5', 12, '12')).toBe('IF(B5=12,"12",TRIM(B5))');
    expect(cityFormula('B5', 'a"b', 'a"b')).toBe('TRIM(B5)');
    expect(cityFormula('B5', ' a"b', 'a"b')).toBe('IF(B5=" a""b","a""b",TRIM(B5))');
    expect(cityFormula('B5', 'x'.repeat(300), 'x'.repeat(300))).toBe('TRIM(B5)');
    expect(cityFormula('B5', ' ' + 'x'.repeat(300), 'x'.repeat(300))).toBeUndefined();
  });
});

describe('tag formulas', () => {
  test('use the settings sheet through defined names, and only functions every target computes', () => {
    // A city not listed, or blank, falls to the tier the settings sheet names (no literal tier).
    expect(tierFormula('H5')).toBe(
      'IFERROR(IF(H5="",ABC_FallbackTier,IF(EXACT(INDEX(ABC_Cities,MATCH(H5,ABC_Cities,0)),H5),INDEX(ABC_CityTiers,MATCH(H5,ABC_Cities,0)),ABC_FallbackTier)),ABC_FallbackTier)',
    );
    // A tier's row in the tables is its place among the tier ids.
    const row = 'MATCH(K5,ABC_TierIds,0)';
    expect(classFormula('K5', 'I5', 'J5')).toBe(
      `IF(AND(ISNUMBER(I5),ISNUMBER(J5)),IF(AND(I5>=INDEX(ABC_Thresholds,${row},1),J5>=INDEX(ABC_Thresholds,${row},2)),"A",IF(AND(I5>=INDEX(ABC_Thresholds,${row},3),J5>=INDEX(ABC_Thresholds,${row},4)),"B","C")),"")`,
    );
    expect(coverageFormula('L5')).toBe('IF(L5="","",VLOOKUP(L5,ABC_Coverage,2,FALSE))');
    expect(modeFormula('K5', 'I5', 'J5', MODE_LABELS.en)).toBe(
      `IF(AND(ISNUMBER(I5),ISNUMBER(J5)),CHOOSE(IF(I5>=INDEX(ABC_Matrix,${row},1),1,3)+IF(IF(I5>0,J5/I5>=INDEX(ABC_Matrix,${row},2),J5>0),0,1),"Direct","Problem account","Direct + reseller","Reseller-managed"),"")`,
    );
  });
});
