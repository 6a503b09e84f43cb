/**
 * Workbooks for the ownership tests (issues 9 and 15), built in code: a planner's customer
 * sheet plus sheets and defined names of their own that look like ABC Planner's.
 */
import { strFromU8, strToU8, unzipSync } from 'fflate';
import type { CellValue } from '../../src/engine/types';
import { customerRows, esc, valuesWorkbook, zipParts } from '../fixtures/xlsxBuilder';
import { FakeWorkbook } from '../support/fakeExcel';

export interface FixtureName {
  name: string;
  ref: string;
  hidden?: boolean;
  comment?: string;
}

export interface FixtureSheet {
  name: string;
  values: CellValue[][];
}

/** An .xlsx of these sheets with these workbook-scoped defined names. */
export function xlsxWith(sheets: FixtureSheet[], names: FixtureName[]): Uint8Array {
  const parts = unzipSync(valuesWorkbook(sheets)) as Record<string, Uint8Array>;
  return withDefinedNames(parts, names);
}

/** The package's parts zipped again with `names` added to xl/workbook.xml. */
export function withDefinedNames(parts: Record<string, Uint8Array>, names: FixtureName[]): Uint8Array {
  const xml = names
    .map((n) => `<definedName name="${esc(n.name)}"${n.comment ? ` comment="${esc(n.comment)}"` : ''}${n.hidden ? ' hidden="1"' : ''}>${esc(n.ref)}</definedName>`)
    .join('');
  let wb = strFromU8(parts['xl/workbook.xml']!);
  wb = /<definedNames>/.test(wb) ? wb.replace('<definedNames>', `<definedNames>${xml}`) : wb.replace('</sheets>', `</sheets><definedNames>${xml}</definedNames>`);
  return zipParts({ ...parts, 'xl/workbook.xml': strToU8(wb) });
}

/** Drops the comment of every defined name: a workbook as the previous version (or LibreOffice) saved it. */
export function withoutNameComments(bytes: Uint8Array): Uint8Array {
  const parts = unzipSync(bytes) as Record<string, Uint8Array>;
  const wb = strFromU8(parts['xl/workbook.xml']!).replace(/(<definedName\b[^>]*?)\scomment="[^"]*"/g, '$1');
  return zipParts({ ...parts, 'xl/workbook.xml': strToU8(wb) });
}

/** The same workbook for the Excel host's strict fake. */
export function fakeWith(sheets: FixtureSheet[], names: FixtureName[]): FakeWorkbook {
  const wb = FakeWorkbook.create(sheets.map((s) => s.name));
  for (const s of sheets) wb.setValues(s.name, 'A1', s.values as (string | number | boolean | null)[][]);
  for (const n of names) wb.addName(n.name, n.ref, { visible: !n.hidden, comment: n.comment ?? '' });
  return wb;
}

export const CUSTOMERS = '客户';
export const customers = (count = 30): FixtureSheet => ({ name: CUSTOMERS, values: customerRows(count) });
