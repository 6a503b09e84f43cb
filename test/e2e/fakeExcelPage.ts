/**
 * The strict Excel fake (test/support/fakeExcel.ts) for a browser page: bundled by webpack into
 * one script (window.AbcFakeExcel) that the browser test adds before the pane starts, so the
 * pane finds `Excel.run` on the page and takes the Excel path.
 */
import type { FakeCellValue } from '../support/fakeExcel';
import { FakeWorkbook, activeOf, installFakeExcel } from '../support/fakeExcel';

export interface FakeSheetInput {
  name: string;
  values: (FakeCellValue | null)[][];
}

let workbook: FakeWorkbook | undefined;

/** Makes the workbook and puts the fake in place as window.Excel / window.OfficeExtension. */
export function install(sheets: FakeSheetInput[]): void {
  const wb = FakeWorkbook.create(sheets.map((s) => s.name));
  for (const s of sheets) if (s.values.length) wb.setValues(s.name, 'A1', s.values);
  installFakeExcel(window as unknown as Record<string, unknown>, wb);
  workbook = wb;
}

function wb(): FakeWorkbook {
  if (!workbook) throw new Error('AbcFakeExcel.install() was not called');
  return workbook;
}

/** What the test checks: sheets, names, active sheet and selection, syncs. */
export function state() {
  const w = wb();
  return {
    sheets: w.sheets.map((s) => s.name),
    names: w.names.map((n) => ({ name: n.name, formula: n.formula, visible: n.visible })),
    active: activeOf(w),
    syncs: w.syncCount,
  };
}

/** A sheet's used values (cached results for formulas). */
export function values(sheet: string) {
  return wb().usedValues(sheet);
}

/** A cell as the fake holds it (value, formula, number format). */
export function cell(sheet: string, address: string) {
  return wb().cell(sheet, address);
}

/** A coauthor edits a cell (worksheet.onChanged fires with source "Remote"). */
export function editCell(sheet: string, address: string, value: FakeCellValue | null): void {
  wb().editCell(sheet, address, value);
}
