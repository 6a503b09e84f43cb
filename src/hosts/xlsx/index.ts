/**
 * The .xlsx host: reads a workbook's values straight from its package and writes our sheets
 * into it without rewriting anything else. Runs in Node and in the browser (no `fs` here: see
 * `node.ts` for files).
 */
import type { DefinedNameSpec, WorkbookWrite } from '../../spec/write';
import type { SheetData } from '../../engine/types';
import type { ProgressFn, SheetArea, SheetInfo, SheetRead, WorkbookHost } from '../host';
import { errors } from './errors';
import { openPackage, type XlsxPackage } from './package';
import { readSharedStrings } from './sharedStrings';
import { readSheetValues } from './sheetReader';
import { signatureParts } from './signatures';
import { buildPackage, type BuildOptions } from './writer';

export { XlsxError, type XlsxErrorCode } from './errors';

export class XlsxWorkbook implements WorkbookHost {
  private pkg: XlsxPackage;
  private bytes: Uint8Array;
  private sharedStrings: string[] | undefined;
  /** Options for writes (compression level, timestamps). */
  buildOptions: Omit<BuildOptions, 'onProgress'> = {};

  private constructor(bytes: Uint8Array, readonly fileName?: string) {
    this.bytes = bytes;
    this.pkg = openPackage(bytes, fileName);
  }

  /** Opens a workbook from its bytes; throws XlsxError for anything that is not a readable .xlsx/.xlsm. */
  static open(bytes: Uint8Array, fileName?: string): XlsxWorkbook {
    return new XlsxWorkbook(bytes, fileName);
  }

  /** True for a macro-enabled workbook (.xlsm); a write keeps it so. */
  get macroEnabled(): boolean {
    return (this.pkg.contentTypes.typeOf(this.pkg.workbookPart) ?? '').includes('macroEnabled');
  }

  /**
   * The digital-signature parts the package holds ([] if unsigned). A write keeps them while it
   * changes parts they sign, so the signature is no longer valid: ask before writing.
   */
  get signatureParts(): string[] {
    return signatureParts(this.pkg.archive);
  }

  /** True when the workbook is digitally signed (see signatureParts). */
  get signed(): boolean {
    return this.signatureParts.length > 0;
  }

  /** Worksheets, like Office.js's `workbook.worksheets` (chart sheets are left out). */
  async listSheets(): Promise<SheetInfo[]> {
    return this.pkg.sheets.filter((s) => s.kind === 'worksheet').map((s) => ({ name: s.name, visible: s.state === 'visible' }));
  }

  async readSheet(name: string, onProgress?: ProgressFn): Promise<SheetRead> {
    return this.readValues(name, onProgress);
  }

  /** `lastRow`: read no further than this row (the rest of the part is not decompressed). */
  private readValues(name: string, onProgress?: ProgressFn, lastRow?: number): SheetRead {
    const sheet = this.pkg.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!sheet) throw errors.sheetNotFound(name);
    if (sheet.kind !== 'worksheet') throw errors.notAWorksheet(sheet.name);
    const entry = this.pkg.archive.get(sheet.part);
    if (!entry) throw errors.missingPart(sheet.part || `sheet ${sheet.name}`);
    const v = readSheetValues(this.pkg.archive, entry, {
      sharedStrings: () => this.loadSharedStrings(),
      date1904: this.pkg.date1904,
      sheetName: sheet.name,
      ...(onProgress ? { onProgress } : {}),
      ...(lastRow !== undefined ? { lastRow } : {}),
    });
    return { name: sheet.name, values: v.values, firstRow: v.firstRow, firstColumn: v.firstColumn, merges: v.merges };
  }

  private loadSharedStrings(): string[] {
    if (!this.sharedStrings) {
      const part = this.pkg.sharedStringsPart;
      const entry = part ? this.pkg.archive.get(part) : undefined;
      this.sharedStrings = entry ? readSharedStrings(this.pkg.archive, entry) : [];
    }
    return this.sharedStrings;
  }

  /** Workbook-scoped defined names (sheet-scoped ones belong to their sheets, as in Office.js). */
  async listNames(): Promise<DefinedNameSpec[]> {
    return this.pkg.workbook
      .names()
      .filter((n) => n.localSheetId === undefined)
      .map((n) => {
        const spec: DefinedNameSpec = { name: n.name, ref: n.formula };
        if (n.hidden) spec.hidden = true;
        if (n.comment !== undefined) spec.comment = n.comment;
        return spec;
      });
  }

  /**
   * The areas' values. The package has no index into a sheet part: each sheet named is read
   * from its top down to the last row asked for, once, and the rest of its part is never
   * decompressed (the areas are a few cells at the top of our generated sheets). Nothing is
   * cached: the use cases view a workbook once a step, and on a planned 100,000-customer
   * workbook the seven proof areas take 5–8 ms.
   */
  async readAreas(areas: readonly SheetArea[]): Promise<SheetData[]> {
    const bySheet = new Map<string, SheetArea[]>();
    for (const a of areas) {
      const sheet = this.pkg.sheets.find((s) => s.kind === 'worksheet' && s.name.toLowerCase() === a.sheet.toLowerCase());
      if (!sheet) continue;
      const list = bySheet.get(sheet.name) ?? [];
      list.push(a);
      bySheet.set(sheet.name, list);
    }
    const out: SheetData[] = [];
    for (const [name, list] of bySheet) {
      let lastRow = 0;
      for (const a of list) lastRow = Math.max(lastRow, a.lastRow);
      const read = this.readValues(name, undefined, lastRow);
      for (const a of list) {
        const from = Math.max(0, a.firstRow - read.firstRow);
        const to = Math.max(from, a.lastRow - read.firstRow + 1);
        out.push({ name: read.name, values: read.values.slice(from, to), firstRow: read.firstRow + from, firstColumn: read.firstColumn });
      }
    }
    return out;
  }

  /**
   * Applies the write all or nothing: builds the whole new package in memory; on any error
   * this workbook is unchanged. Afterwards reads and `toBytes()` see the new package.
   */
  async apply(write: WorkbookWrite, onProgress?: ProgressFn): Promise<void> {
    const bytes = buildPackage(this.pkg, write, { ...this.buildOptions, ...(onProgress ? { onProgress } : {}) });
    const pkg = openPackage(bytes); // checks what we built before taking it
    this.bytes = bytes;
    this.pkg = pkg;
    this.sharedStrings = undefined;
  }

  /** The package as it is now (after any writes): the bytes of an .xlsx/.xlsm file. */
  toBytes(): Uint8Array {
    return this.bytes;
  }
}

/** Opens a workbook from its bytes (see XlsxWorkbook.open). */
export function openXlsx(bytes: Uint8Array, fileName?: string): XlsxWorkbook {
  return XlsxWorkbook.open(bytes, fileName);
}
