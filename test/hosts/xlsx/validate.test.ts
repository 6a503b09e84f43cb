import { checkDefinedName, checkSheetName, sheetOfRef } from '../../../src/hosts/xlsx/validate';
import { cellText, escapeAttr, stripIllegal } from '../../../src/hosts/xlsx/xml';
import { columnLetter } from '../../../src/engine/a1';
import { parseArea, parseCellRef } from '../../../src/hosts/xlsx/cellRef';

test('sheet names', () => {
  for (const ok of ['ABC 设置', 'a'.repeat(31), "It's", '客户-2024 (副本)']) expect(() => checkSheetName(ok)).not.toThrow();
  for (const bad of ['', 'a'.repeat(32), 'a[b', 'a]b', 'a:b', 'a*b', 'a?b', 'a/b', 'a\\b', "'lead", "trail'", 'History', 'tab\there']) {
    expect(() => checkSheetName(bad)).toThrow(expect.objectContaining({ code: 'bad-sheet-name' }));
  }
});

test('defined names', () => {
  for (const ok of ['ABC_阈值', '_x', '\\name', 'a.b', 'Tier1x', 'ABCD1']) expect(() => checkDefinedName(ok, 'S!$A$1')).not.toThrow();
  for (const bad of ['', '1abc', 'a b', 'A1', 'xfd100', 'R1C1', 'R', 'C', 'r2c', 'a-b']) {
    expect(() => checkDefinedName(bad, 'S!$A$1')).toThrow(expect.objectContaining({ code: 'bad-defined-name' }));
  }
  expect(() => checkDefinedName('ok', ' ')).toThrow();
});

test('the sheet a reference names', () => {
  expect(sheetOfRef("'ABC 设置'!$B$3:$E$5")).toBe('ABC 设置');
  expect(sheetOfRef("'It''s'!A1")).toBe("It's");
  expect(sheetOfRef('数据!$A$1')).toBe('数据');
  expect(sheetOfRef('=客户!A:A')).toBe('客户');
  expect(sheetOfRef('42')).toBeUndefined();
  expect(sheetOfRef('[1]Sheet1!A1')).toBeUndefined();
});

test('XML text helpers', () => {
  expect(stripIllegal('a\u0000b\u0008c\td\ne\u001Ff\uFFFE')).toBe('abc\td\nef');
  expect(stripIllegal('x\uD800y\uD83D\uDE00')).toBe('xy\uD83D\uDE00');
  expect(cellText('<a & b> _x0041_')).toBe('&lt;a &amp; b&gt; _x005F_x0041_');
  expect(escapeAttr('"a"\n')).toBe('&quot;a&quot;&#10;');
});

test('cell references', () => {
  expect([1, 26, 27, 702, 703, 16384].map((n) => columnLetter(n))).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA', 'XFD']);
  expect(parseCellRef('$AB$12')).toEqual({ row: 12, col: 28 });
  expect(parseCellRef('A0')).toBeUndefined();
  expect(parseArea('C3:A1')).toEqual({ firstRow: 1, firstColumn: 1, lastRow: 3, lastColumn: 3 });
});
