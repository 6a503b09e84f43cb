/**
 * What the pane's state holds after real host calls, for the reducer and selector tests: a
 * planner's workbook opened with the .xlsx host, its view, settings and customer sheet, and
 * a plan written into it (through the use cases of src/app/, as the pane does).
 */
import type { CellValue } from '../../src/engine/types';
import { findCustomerSheet } from '../../src/app/customerSheet';
import { settingsWrite } from '../../src/app/saveSettings';
import { planCustomerSheet, renderWrite } from '../../src/app/plan';
import { openWorkbook, viewWorkbook, type WorkbookSettings, type WorkbookView } from '../../src/app/workbook';
import { writeAll } from '../../src/app/write';
import type { Settings } from '../../src/engine/settings';
import { openXlsx } from '../../src/hosts/xlsx';
import { tierClassCounts } from '../../src/taskpane/model/preview';
import type { PlannerAction, RunOutcome, SheetState } from '../../src/taskpane/state/reducer';
import type { PaneWorkbook } from '../../src/taskpane/state/workbooks';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { makeCustomerSheet } from '../fixtures/customers';
import { valuesWorkbook, zipParts } from '../fixtures/xlsxBuilder';

export const SHEET = '客户';

export function customerValues(count = 60, seed = 7): CellValue[][] {
  return makeCustomerSheet({ count, seed, language: 'zh', products: 3, messy: true }).values;
}

export function fileWorkbook(values: CellValue[][] = customerValues(), fileName = '客户清单.xlsx'): PaneWorkbook & { mode: 'file' } {
  const bytes = valuesWorkbook([
    { name: '说明', values: [['填表说明']] },
    { name: SHEET, values },
  ]);
  return { mode: 'file', host: openXlsx(bytes, fileName), fileName };
}

/** A planner's workbook whose settings sheet holds `settings` (saved by the pane earlier, e.g. five tiers). */
export async function fileWorkbookWithSettings(settings: Settings, values: CellValue[][] = customerValues(), fileName = '客户清单.xlsx'): Promise<PaneWorkbook & { mode: 'file' }> {
  const workbook = fileWorkbook(values, fileName);
  await workbook.host.apply(settingsWrite(settings, 'zh', await viewWorkbook(workbook.host)).write);
  return workbook;
}

/** The package's parts with an XML digital signature added: origin part, one signature, the package relationship (as Excel signs). */
export function withSignature(bytes: Uint8Array): Uint8Array {
  const parts = unzipSync(bytes) as Record<string, Uint8Array>;
  const REL = 'http://schemas.openxmlformats.org/package/2006/relationships/digital-signature';
  parts['_rels/.rels'] = strToU8(strFromU8(parts['_rels/.rels']!).replace('</Relationships>', `<Relationship Id="rIdSig" Type="${REL}/origin" Target="_xmlsignatures/origin.sigs"/></Relationships>`));
  parts['[Content_Types].xml'] = strToU8(
    strFromU8(parts['[Content_Types].xml']!).replace(
      '</Types>',
      '<Default Extension="sigs" ContentType="application/vnd.openxmlformats-package.digital-signature-origin"/><Override PartName="/_xmlsignatures/sig1.xml" ContentType="application/vnd.openxmlformats-package.digital-signature-xmlsignature+xml"/></Types>',
    ),
  );
  parts['_xmlsignatures/origin.sigs'] = new Uint8Array(0);
  parts['_xmlsignatures/_rels/origin.sigs.rels'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/signature" Target="sig1.xml"/></Relationships>`,
  );
  parts['_xmlsignatures/sig1.xml'] = strToU8('<?xml version="1.0" encoding="UTF-8"?><Signature xmlns="http://www.w3.org/2000/09/xmldsig#" Id="idPackageSignature"><SignedInfo/></Signature>');
  return zipParts(parts);
}

/** A planner's workbook, digitally signed. */
export function signedFileWorkbook(values: CellValue[][] = customerValues(), fileName = '签名客户.xlsx'): PaneWorkbook & { mode: 'file' } {
  const bytes = withSignature(
    valuesWorkbook([
      { name: '说明', values: [['填表说明']] },
      { name: SHEET, values },
    ]),
  );
  return { mode: 'file', host: openXlsx(bytes, fileName), fileName };
}

export interface Opened {
  workbook: PaneWorkbook;
  view: WorkbookView;
  saved: WorkbookSettings;
  sheet: SheetState;
  /** The 'loaded' action the pane dispatches for this workbook. */
  loaded: Extract<PlannerAction, { type: 'loaded' }>;
}

/** Opens a workbook as the pane's effects do, up to the answer they dispatch. */
export async function open(workbook: PaneWorkbook = fileWorkbook()): Promise<Opened> {
  const { view, saved } = await openWorkbook(workbook.host);
  const found = await findCustomerSheet(workbook.host, view, saved.settings);
  if (!found) throw new Error('fixture: no customer sheet found');
  const sheet = { name: found.read.name, read: found.read, names: view.names };
  const signatureParts = workbook.mode === 'file' ? workbook.host.signatureParts : [];
  return { workbook, view, saved, sheet, loaded: { type: 'loaded', workbook, view, saved, sheet, ...(signatureParts.length ? { signatureParts } : {}) } };
}

/** Runs the plan into the workbook as the pane's Run does; the 'ran' action it dispatches. */
export async function ran(opened: Opened): Promise<Extract<PlannerAction, { type: 'ran' }>> {
  const { workbook, saved } = opened;
  const view = await viewWorkbook(workbook.host);
  const read = await workbook.host.readSheet(SHEET);
  const planned = renderWrite(planCustomerSheet(read, view.names, saved.settings).result, read, view);
  await writeAll(workbook.host, planned.write);
  const after = await viewWorkbook(workbook.host);
  const outcome: RunOutcome = {
    customerSheet: SHEET,
    customers: planned.result.customerColumns.count,
    counts: tierClassCounts(planned.result),
    target: planned.result.target,
    sheets: planned.sheets,
    issues: planned.result.issues,
    notices: planned.write.notices ?? [],
  };
  return {
    type: 'ran',
    view: after,
    sheet: { name: read.name, read, names: view.names },
    saved: { kind: 'workbook', sheet: planned.sheets.settings ?? '', settings: planned.result.settings },
    outcome,
  };
}
