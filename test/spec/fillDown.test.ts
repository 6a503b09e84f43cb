import { compileFill, fillFormulaAt, formulaAtShift, lengthAtShift, shiftFormulaRows } from '../../src/spec/fillDown';

describe('shiftFormulaRows (Excel fill-down)', () => {
  test.each([
    ['A5', 1, 'A6'],
    ['A5+B5*2', 3, 'A8+B8*2'],
    ['$A5+A$5+$A$5', 2, '$A7+A$5+$A$5'],
    ['SUM(A5:B7)', 10, 'SUM(A15:B17)'],
    ['SUM($C$1:C5)', 1, 'SUM($C$1:C6)'],
    ['SUM(5:7)+SUM($5:7)', 1, 'SUM(6:8)+SUM($5:8)'],
    ['A:A', 4, 'A:A'],
    ["'Sheet A5'!B5+Sheet1!C5+设置!D5", 1, "'Sheet A5'!B6+Sheet1!C6+设置!D6"],
    ["'It''s A5'!A5", 1, "'It''s A5'!A6"],
    ['"A5"&A5&"say ""B5"""', 1, '"A5"&A6&"say ""B5"""'],
    ['LOG10(A5)+ATAN2(A5,B5)', 1, 'LOG10(A6)+ATAN2(A6,B6)'],
    ['ABC_Cities+Rate2019+A1B2+XFE5+A0+A1048577', 1, 'ABC_Cities+Rate2019+A1B2+XFE5+A0+A1048577'],
    ['INDEX(ABC_Thresholds,K5,1)*1E-5+1.5E3', 2, 'INDEX(ABC_Thresholds,K7,1)*1E-5+1.5E3'],
    ['Table1[A5]+Table1[[#This Row],[B5]]+C5', 1, 'Table1[A5]+Table1[[#This Row],[B5]]+C6'],
    ['#REF!+#DIV/0!+a5+xfd5', 1, '#REF!+#DIV/0!+a6+xfd6'],
    ['IF(H99="","",VLOOKUP(H99,ABC_Coverage,2,FALSE))', -90, 'IF(H9="","",VLOOKUP(H9,ABC_Coverage,2,FALSE))'],
  ])('%s shifted %i rows is %s', (formula, delta, expected) => {
    expect(shiftFormulaRows(formula, delta)).toBe(expected);
    expect(lengthAtShift(compileFill(formula), delta)).toBe(expected.length);
    expect(shiftFormulaRows(expected, -delta)).toBe(formula);
  });

  test('a reference shifted off the sheet is refused', () => {
    expect(() => shiftFormulaRows('A2', -2)).toThrow(RangeError);
    expect(() => shiftFormulaRows('A1048576', 1)).toThrow(RangeError);
    expect(shiftFormulaRows('$A$1+"x"', -5)).toBe('$A$1+"x"');
  });

  test('fillFormulaAt reads the formula at its own row and shifts it elsewhere', () => {
    const fill = { formula: 'B5*2', row: 5 };
    expect(fillFormulaAt(fill, 5)).toBe('B5*2');
    expect(fillFormulaAt(fill, 100004)).toBe('B100004*2');
    expect(formulaAtShift(compileFill('no refs'), 7)).toBe('no refs');
  });
});
