/**
 * The one small interface every workbook host implements: Office.js in Excel, the .xlsx
 * package editor for the command line and the web page's file mode.
 */
import type { SheetData } from '../engine/types';
import type { DefinedNameSpec, WorkbookWrite } from '../spec/write';

export interface SheetInfo {
  name: string;
  /** False for hidden and very hidden sheets. */
  visible: boolean;
}

/** A rectangle of cells, 1-based and inclusive (A1 = row 1, column 1). */
export interface CellArea {
  firstRow: number;
  firstColumn: number;
  lastRow: number;
  lastColumn: number;
}

/**
 * A sheet's values plus its merged areas (only a merged area's top-left cell holds a value).
 * Office.js: `Range.getMergedAreasOrNullObject()` (ExcelApi 1.13); optional for hosts that cannot tell.
 */
export interface SheetRead extends SheetData {
  merges?: CellArea[];
}

/** An area of one sheet, 1-based and inclusive. */
export interface SheetArea extends CellArea {
  sheet: string;
}

/** Progress of a long read or write, for a progress bar: done of total units of work. */
export type ProgressFn = (done: number, total: number) => void;

export interface WorkbookHost {
  listSheets(): Promise<SheetInfo[]>;
  /** The sheet's used range, values only (cached results for formulas). */
  readSheet(name: string, onProgress?: ProgressFn): Promise<SheetRead>;
  /** Workbook-scoped defined names, with their comments (they help prove a name is ours). */
  listNames(): Promise<DefinedNameSpec[]>;
  /**
   * The values of a few small areas (the cells our markers point at: render/ownership.ts
   * proofAreas), in as few round trips as the host can. A host may return more of a sheet
   * than asked; areas on sheets that are not there give nothing.
   */
  readAreas(areas: readonly SheetArea[]): Promise<SheetData[]>;
  /** Applies the whole write or nothing: on any failure the workbook is as it was. */
  apply(write: WorkbookWrite, onProgress?: ProgressFn): Promise<void>;
}
