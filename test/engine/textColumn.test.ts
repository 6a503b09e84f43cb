import { TextColumn } from '../../src/engine/textColumn';

describe('TextColumn', () => {
  it('gives back each row’s text, "" for rows never set, and shares a number between equal texts', () => {
    const col = new TextColumn(5);
    col.set(0, '北京');
    col.set(1, '西安');
    col.set(3, '北京');
    expect([0, 1, 2, 3, 4].map((i) => col.at(i))).toEqual(['北京', '西安', '', '北京', '']);
    expect(col.idAt(0)).toBe(col.idAt(3));
    expect(col.texts).toEqual(['', '北京', '西安']);
    expect(col.keep(2).length).toBe(2);
  });

  it('keeps every row right past 65,536 different texts', () => {
    const rows = 70_000;
    const col = new TextColumn(rows);
    for (let i = 0; i < rows; i++) col.set(i, `分公司${i}`);
    // Rows set before the numbers widened, and after.
    for (const i of [0, 1, 65_534, 65_535, 65_536, 69_999]) expect(col.at(i)).toBe(`分公司${i}`);
  });
});
