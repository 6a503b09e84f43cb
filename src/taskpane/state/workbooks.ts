/**
 * The workbooks the pane works on: Excel's (the Excel host over Excel.run) or a file opened in
 * the browser (the .xlsx host, loaded only then, as its own chunk), and the services around them
 * that tests replace.
 */
import { ExcelHost } from '../../hosts/excel';
import type { WorkbookHost } from '../../hosts/host';
import type { XlsxWorkbook } from '../../hosts/xlsx';

/** What the pane needs of the Excel host besides WorkbookHost. */
export type ExcelPaneHost = WorkbookHost & Pick<ExcelHost, 'activeSheetName' | 'selectCell' | 'activateSheet' | 'onSheetChanged'>;

/** What the pane needs of the .xlsx host besides WorkbookHost (signed: the pane asks before a run breaks the signature). */
export type FilePaneHost = WorkbookHost & Pick<XlsxWorkbook, 'toBytes' | 'macroEnabled' | 'signed' | 'signatureParts'>;

export type PaneWorkbook = { mode: 'excel'; host: ExcelPaneHost } | { mode: 'file'; host: FilePaneHost; fileName: string };

export type XlsxModule = { openXlsx(bytes: Uint8Array, fileName?: string): FilePaneHost };

export interface PaneServices {
  /** Excel mode: the Excel host (by default over the page's Excel.run). */
  excelHost?: () => ExcelPaneHost;
  /** File mode: the .xlsx host module (by default a separate chunk loaded with import()). */
  loadXlsx?: () => Promise<XlsxModule>;
  /** The bundled sample workbook's bytes (by default fetched from assets/, same origin). */
  loadSample?: () => Promise<Uint8Array>;
  /** Hands a file to the planner (by default a download). */
  download?: (bytes: Uint8Array, fileName: string) => void;
}

export const SAMPLE_FILE = 'sample-customers.xlsx';

export function defaultExcelHost(): ExcelPaneHost {
  return new ExcelHost();
}

export function defaultLoadXlsx(): Promise<XlsxModule> {
  return import(/* webpackChunkName: "xlsx-host" */ '../../hosts/xlsx');
}

export async function defaultLoadSample(): Promise<Uint8Array> {
  const response = await fetch(`assets/${SAMPLE_FILE}`);
  if (!response.ok) throw new SampleError(response.status);
  return new Uint8Array(await response.arrayBuffer());
}

export class SampleError extends Error {
  constructor(readonly status: number | string) {
    super(`sample workbook: ${status}`);
    this.name = 'SampleError';
  }
}

export function defaultDownload(bytes: Uint8Array, fileName: string): void {
  const type = /\.xlsm$/i.test(fileName) ? 'application/vnd.ms-excel.sheet.macroEnabled.12' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * "客户清单.xlsx" → "客户清单-planned.xlsx"; a macro-enabled workbook stays .xlsm. A workbook
 * planned before keeps one suffix ("客户清单-planned.xlsx" again, not "-planned-planned"), also
 * when the browser numbered an earlier download ("客户清单-planned (1).xlsx").
 */
export function plannedFileName(fileName: string, macroEnabled: boolean): string {
  const base = fileName.replace(/\.(xlsx|xlsm)$/i, '').replace(/(?:-planned(?: \(\d+\))?)+$/i, '');
  return `${base}-planned.${macroEnabled ? 'xlsm' : 'xlsx'}`;
}
