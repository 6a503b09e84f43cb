import { SharedIndexScan } from '../../../src/hosts/xlsx/sharedFormulas';

const PART =
  '<worksheet><sheetData>' +
  '<row r="2"><c r="A2"><v>shared</v></c><c r="C2"><f t="shared" ref="C2:C3" si="0">B2+1</f><v>2</v></c><c r="H2" s="4" t="str"><f t="shared" ref="H2:H3" si="12">TRIM(B2)</f><v>x</v></c></row>' +
  '<row r="3"><c r="C3"><f t="shared" si="0"/><v>3</v></c><c r="H3" t="str"><f t="shared" si="12"/><v>y</v></c></row>' +
  '<row r="4"><x:c r="D4"><x:f si="7" t="shared" ref="D4:D5">B4</x:f></x:c><c t="str" r="H4"><f t="shared"   si = \'30\' /><v>shared</v></c></row>' +
  '<row r="5"><c r="D5"><f t="shared" si="7"/></c><c r="H5"><f t="array" ref="H5">{1}</f></c></row>' +
  '</sheetData></worksheet>';

function scan(replaced: (row: number, column: number) => boolean, chunk: number): number {
  const s = new SharedIndexScan(replaced);
  for (let i = 0; i < PART.length; i += chunk) s.push(PART.slice(i, i + chunk));
  return s.max;
}

describe('SharedIndexScan: the largest shared-formula index the sheet keeps', () => {
  test.each([1, 2, 3, 5, 7, 13, 64, 100_000])('in chunks of %i characters', (chunk) => {
    expect(scan(() => false, chunk)).toBe(30);
    // Column H is ours: its formulas go, the user's (C, D) stay.
    expect(scan((_r, c) => c === 8, chunk)).toBe(7);
    // Only D4 replaced: D5 still says si 7.
    expect(scan((r, c) => c === 8 || (r === 4 && c === 4), chunk)).toBe(7);
    expect(scan((_r, c) => c === 8 || c === 4, chunk)).toBe(0);
    expect(scan(() => true, chunk)).toBe(-1);
  });
});
