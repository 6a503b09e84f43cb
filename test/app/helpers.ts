/**
 * The same planner's workbook on both hosts, for the use-case tests: the .xlsx host over a
 * package built in code, and the Excel host over the strict fake. What a sheet holds, read back
 * through the host interface, in a form both hosts can be compared by.
 */
import type { CellValue } from '../../src/engine/types';
import { ExcelHost } from '../../src/hosts/excel';
import type { WorkbookHost } from '../../src/hosts/host';
import { openXlsx, type XlsxWorkbook } from '../../src/hosts/xlsx';
import { type FixtureName, type FixtureSheet, fakeWith, xlsxWith } from '../hosts/markerFixtures';
import { fakeRun, type FakeWorkbook } from '../support/fakeExcel';

export interface Both {
  xlsx: XlsxWorkbook;
  excel: ExcelHost;
  /** The Excel host's workbook, to look inside. */
  fake: FakeWorkbook;
}

export function bothHosts(sheets: FixtureSheet[], names: FixtureName[] = []): Both {
  const fake = fakeWith(sheets, names);
  return { xlsx: openXlsx(xlsxWith(sheets, names)), excel: new ExcelHost(fakeRun(fake)), fake };
}

/** Each host under its name, for test.each. */
export const HOSTS = [['.xlsx host', 'xlsx'], ['Excel host', 'excel']] as const;

/** One sheet as read back: its non-blank cells by A1-like key ("row,column", 1-based). */
export interface SheetCells {
  name: string;
  visible: boolean;
  cells: Map<string, CellValue>;
}

const blank = (v: CellValue | undefined) => v === null || v === undefined || v === '';

/** Every sheet of the workbook, in order, as the host reads it. */
export async function sheetsOf(host: WorkbookHost): Promise<SheetCells[]> {
  const out: SheetCells[] = [];
  for (const s of await host.listSheets()) {
    const read = await host.readSheet(s.name);
    const cells = new Map<string, CellValue>();
    read.values.forEach((row, r) => row.forEach((v, c) => blank(v) || cells.set(`${read.firstRow + r},${read.firstColumn + c}`, v)));
    out.push({ name: s.name, visible: s.visible, cells });
  }
  return out;
}

/**
 * The cells of both hosts' sheets that differ. The fake Excel has no calculation engine: a
 * formula cell it holds reads back blank, where the .xlsx holds the engine's cached result;
 * such a cell counts as the same when the fake holds a formula there.
 */
export function differences(xlsx: SheetCells[], excel: SheetCells[], fake: FakeWorkbook): string[] {
  const out: string[] = [];
  const names = (s: SheetCells[]) => s.map((x) => `${x.name}${x.visible ? '' : ' (hidden)'}`);
  if (names(xlsx).join('|') !== names(excel).join('|')) return [`sheets: ${names(xlsx).join(', ')} / ${names(excel).join(', ')}`];
  xlsx.forEach((x, i) => {
    const e = excel[i]!;
    const model = fake.sheet(x.name);
    for (const key of new Set([...x.cells.keys(), ...e.cells.keys()])) {
      const a = x.cells.get(key);
      const b = e.cells.get(key);
      if (a === b) continue;
      const [r, c] = key.split(',').map(Number) as [number, number];
      if (b === undefined && fake.cellAt(model, r - 1, c - 1).formula !== undefined) continue;
      out.push(`${x.name} ${key}: .xlsx ${JSON.stringify(a)}, Excel ${JSON.stringify(b)}`);
    }
  });
  return out;
}
