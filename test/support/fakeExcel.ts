/**
 * A strict fake of the few Excel JavaScript API objects the Excel host uses, over an in-memory
 * workbook model. Stricter than office-addin-mock, and closer to Excel where it matters:
 *
 * - Proxies queue operations; nothing happens until `context.sync()` (or the end of
 *   `Excel.run`, which syncs what is still queued, as Office.js does).
 * - Reading a property that was not loaded, or was loaded but not synced yet, throws
 *   `PropertyNotLoaded`, as Office.js does. `isNullObject` is readable only after a sync.
 * - Every sync is one request: it counts them and the JSON bytes each carries (values, formulas
 *   and number formats written, plus those read back, plus a small overhead per operation),
 *   and refuses a request over 5 MB (`RequestPayloadSizeLimitExceeded`), a response over 5 MB
 *   (`ResponsePayloadSizeLimitExceeded`) and a read of more than 5,000,000 cells
 *   (`RangeExceedsLimit`).
 * - A batch is applied atomically: if any operation of a sync fails, the sync changes nothing
 *   (syncs before it stay applied). `failSync(n)` makes the n-th sync from now fail with an
 *   OfficeExtension-like error (`code`, `debugInfo`); with `partial: true` the operations before
 *   the failure point stay applied, as can happen in Excel.
 * - Formula injection as in Excel: a string written through `values` (or `formulas`) to a
 *   cell whose number format is not "@" is parsed: "=…" becomes a formula, "+x"/"-x" too,
 *   "123" a number, "TRUE" a boolean. In a "@" cell it stays text, even through `formulas`.
 * - Sheet renames rewrite references in formulas and defined names (as Excel does); deleting a
 *   sheet turns references to it into #REF!. A formula or name referring to a sheet that does
 *   not exist is refused (InvalidArgument), and so is a sheet name Excel would misread unquoted
 *   (R1C1!A1, TRUE!A1, XFD1!A1: Excel writes and wants 'R1C1'!A1).
 * - worksheet.onChanged handlers get events for API writes (source "Local") and for
 *   `workbook.editCell(...)` (source "Remote", a coauthor).
 *
 * No Node-only imports: a browser test installs the same fake in a page with
 * `installFakeExcel(window, workbook)`.
 */

/* eslint-disable @typescript-eslint/no-explicit-any */

export type FakeCellValue = string | number | boolean;

export interface FakeStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  wrap?: boolean;
}

/** What a cell holds, as tests see it. */
export interface FakeCellView {
  value: FakeCellValue | null;
  formula?: string;
  numberFormat: string;
  style?: FakeStyle;
}

const STYLE_DEFAULTS: Required<FakeStyle> = { bold: false, italic: false, size: 11, color: '#000000', fill: '', wrap: false };
/** Excel's default column width: 8.43 characters, 64 px, 48 pt. */
export const DEFAULT_COLUMN_WIDTH = 48;
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

// ---------------------------------------------------------------------------------------------
// Errors

export interface FakeDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
}

/** Shaped like OfficeExtension.Error: name "RichApi.Error", code, message, debugInfo. */
export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: FakeDebugInfo;
  readonly traceMessages: string[] = [];
  readonly innerError: null = null;

  constructor(code: string, message: string, errorLocation?: string, statement?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}), ...(statement ? { statement } : {}) };
  }
}

const MESSAGES: Record<string, string> = {
  ItemNotFound: 'The requested resource doesn\'t exist.',
  ItemAlreadyExists: 'The resource already exists.',
  InvalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  AccessDenied: 'You cannot perform the requested operation.',
  GeneralException: 'There was an internal error while processing the request.',
  RequestPayloadSizeLimitExceeded: 'The request payload size has exceeded the limit.',
  ResponsePayloadSizeLimitExceeded: 'The response payload size has exceeded the limit.',
  RangeExceedsLimit: 'The cell count in the range has exceeded the maximum supported number.',
  InvalidOperation: 'The operation attempted is invalid on the object.',
};

function officeError(code: string, location?: string, detail?: string): FakeOfficeError {
  const base = MESSAGES[code] ?? code;
  return new FakeOfficeError(code, detail ? `${base} ${detail}` : base, location);
}

function notLoaded(entity: string, property: string): FakeOfficeError {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${entity}.${property}`,
  );
}

// ---------------------------------------------------------------------------------------------
// JSON bytes (exact, UTF-8)

const encoder = new TextEncoder();
/** UTF-8 bytes of JSON.stringify(value): what this part of a request or response carries. */
export function jsonBytes(value: unknown): number {
  const s = JSON.stringify(value);
  return s === undefined ? 0 : encoder.encode(s).length;
}

/** Bytes every queued operation costs in a request besides its data (object path, method, ids). */
export const OP_OVERHEAD_BYTES = 64;

// ---------------------------------------------------------------------------------------------
// A1 helpers

function colLetters(n1: number): string {
  let n = n1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = (n - 1 - r) / 26;
  }
  return out;
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

interface Rect {
  r0: number;
  c0: number;
  rows: number;
  cols: number;
}

/** "C5" or "B2:D9" (0-based rectangle); undefined for anything else. */
export function parseA1(address: string): Rect | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(address.trim());
  if (!m) return undefined;
  const c1 = colNumber(m[1]) - 1;
  const r1 = Number(m[2]) - 1;
  const c2 = m[3] ? colNumber(m[3]) - 1 : c1;
  const r2 = m[4] ? Number(m[4]) - 1 : r1;
  return { r0: Math.min(r1, r2), c0: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
}

function rectA1(r: Rect): string {
  const a = `${colLetters(r.c0 + 1)}${r.r0 + 1}`;
  const b = `${colLetters(r.c0 + r.cols)}${r.r0 + r.rows}`;
  return r.rows === 1 && r.cols === 1 ? a : `${a}:${b}`;
}

/**
 * True for a sheet name that Excel reads as something else when it stands unquoted before "!":
 * a cell in A1 style (A1, XFD1), in R1C1 style (R, C, RC, R2C3), or TRUE / FALSE. Excel itself
 * always writes these quoted ('R1C1'!A1) and refuses them unquoted.
 */
export function misreadUnquoted(name: string): boolean {
  return /^[A-Za-z]{1,3}\d+$/.test(name) || /^(?:[Rr]\d*[Cc]?\d*|[Cc]\d*)$/.test(name) || /^(?:true|false)$/i.test(name);
}

/** A sheet name as Excel writes it before "!": quoted unless it is a plain identifier. */
export function sheetPrefix(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !misreadUnquoted(name) ? `${name}!` : `'${name.replace(/'/g, "''")}'!`;
}

const REF_TAIL = /^(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+)/;

/**
 * Rewrites the sheet references of a formula (`'My sheet'!A1`, `Sheet1!$B$2:$C$3`), outside
 * string literals: `map` returns the new sheet name, or null for a sheet that is gone (the
 * whole reference becomes #REF!), or undefined to leave it.
 */
export function mapSheetRefs(formula: string, map: (sheet: string, quoted: boolean) => string | null | undefined): string {
  let out = '';
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < n) {
        if (formula[j] === '"') {
          if (formula[j + 1] === '"') j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    let name: string | undefined;
    let end = i;
    if (ch === "'") {
      let j = i + 1;
      while (j < n) {
        if (formula[j] === "'") {
          if (formula[j + 1] === "'") j += 2;
          else break;
        } else j++;
      }
      if (formula[j + 1] === '!') {
        name = formula.slice(i + 1, j).replace(/''/g, "'");
        end = j + 2;
      }
    } else if (/[A-Za-z_\u00C0-\uFFFF]/.test(ch) && (i === 0 || !/[\w.\u00C0-\uFFFF]/.test(formula[i - 1]))) {
      const m = /^[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*!/.exec(formula.slice(i));
      if (m) {
        name = m[0].slice(0, -1);
        end = i + m[0].length;
      }
    }
    if (name === undefined) {
      out += ch;
      i++;
      continue;
    }
    const tail = REF_TAIL.exec(formula.slice(end));
    const mapped = map(name, ch === "'");
    if (mapped === undefined) {
      out += formula.slice(i, end);
    } else if (mapped === null) {
      out += '#REF!';
      if (tail) end += tail[0].length;
    } else {
      out += sheetPrefix(mapped);
    }
    i = end;
  }
  return out;
}

/** Unquoted sheet prefixes in a formula that Excel would misread (see misreadUnquoted). */
export function misreadSheetRefs(formula: string): string[] {
  const out: string[] = [];
  mapSheetRefs(formula, (s, quoted) => {
    if (!quoted && misreadUnquoted(s)) out.push(s);
    return undefined;
  });
  return out;
}

/** The sheet names a formula refers to. */
export function sheetRefsIn(formula: string): string[] {
  const out: string[] = [];
  mapSheetRefs(formula, (s) => {
    out.push(s);
    return undefined;
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// The workbook model

class RowModel {
  v: (FakeCellValue | undefined)[] = [];
  f?: (string | undefined)[];
  nf?: (string | undefined)[];
  st?: (FakeStyle | undefined)[];
}

interface RowSlice {
  v: (FakeCellValue | undefined)[];
  f?: (string | undefined)[];
  nf?: (string | undefined)[];
  st?: (FakeStyle | undefined)[];
}

export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

export class SheetModel {
  deleted = false;
  visibility: Visibility = 'Visible';
  tabColor = '';
  freeze = { rows: 0, columns: 0 };
  readonly widths = new Map<number, number>();
  readonly rows: (RowModel | undefined)[] = [];
  /** Cells and formats cannot be changed (Excel: a protected sheet). */
  protected = false;

  constructor(
    readonly id: string,
    public name: string,
  ) {}

  row(r: number, create: true): RowModel;
  row(r: number, create?: false): RowModel | undefined;
  row(r: number, create = false): RowModel | undefined {
    let row = this.rows[r];
    if (!row && create) {
      row = new RowModel();
      this.rows[r] = row;
    }
    return row;
  }

  /** Bounding rectangle of the cells that hold something (valuesOnly: values or formulas). */
  usedRect(valuesOnly: boolean): Rect | undefined {
    let r0 = -1;
    let r1 = -1;
    let c0 = Infinity;
    let c1 = -1;
    for (let r = 0; r < this.rows.length; r++) {
      const row = this.rows[r];
      if (!row) continue;
      const len = Math.max(row.v.length, row.f?.length ?? 0, valuesOnly ? 0 : row.nf?.length ?? 0, valuesOnly ? 0 : row.st?.length ?? 0);
      let any = false;
      for (let c = 0; c < len; c++) {
        const has =
          (row.v[c] !== undefined && row.v[c] !== '') ||
          row.f?.[c] !== undefined ||
          (!valuesOnly && (row.nf?.[c] !== undefined || row.st?.[c] !== undefined));
        if (has) {
          any = true;
          if (c < c0) c0 = c;
          if (c > c1) c1 = c;
        }
      }
      if (any) {
        if (r0 < 0) r0 = r;
        r1 = r;
      }
    }
    return r0 < 0 ? undefined : { r0, c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }
}

export interface NameModel {
  name: string;
  /** With the leading "=", e.g. `='ABC 设置'!$B$3:$E$5`. */
  formula: string;
  visible: boolean;
  comment: string;
}

/** One sync as the fake saw it. */
export interface RequestStat {
  /** 1-based, over the workbook's life. */
  index: number;
  ops: number;
  /** Values, formulas and number formats written, names, plus the per-operation overhead. */
  requestBytes: number;
  /** Values, formulas and number formats read back. */
  responseBytes: number;
  /** requestBytes + responseBytes: what the request costs as a whole. */
  bytes: number;
  cellsRead: number;
  cellsWritten: number;
  calculationSuspended: boolean;
  /** The error code when the sync failed. */
  failed?: string;
}

export interface SyncFailure {
  code?: string;
  message?: string;
  /** Apply the first half of the batch's operations before failing (not atomic). */
  partial?: boolean;
}

export interface ChangedEvent {
  address: string;
  changeType: string;
  source: 'Local' | 'Remote';
  type: 'WorksheetChanged';
  worksheetId: string;
}

type Handler = (args: ChangedEvent) => unknown;

export interface FakeLimits {
  requestBytes: number;
  responseBytes: number;
  readCells: number;
}

export class FakeWorkbook {
  readonly sheets: SheetModel[] = [];
  readonly names: NameModel[] = [];
  readonly requests: RequestStat[] = [];
  /** Workbook structure protection: sheets cannot be added, deleted or renamed. */
  structureProtected = false;
  limits: FakeLimits = { requestBytes: 5 * 1024 * 1024, responseBytes: 5 * 1024 * 1024, readCells: 5_000_000 };
  /** Sync number (1-based, counted from the last failSync call) → failure. */
  private failures = new Map<number, SyncFailure>();
  private failBase = 0;
  private nextId = 1;
  /** Undo steps of the sync being applied (for atomic batches). */
  journal: (() => void)[] | null = null;
  readonly handlers = new Map<string, Set<Handler>>();
  /** Events waiting for the end of the sync. */
  private pendingEvents: { sheet: SheetModel; rect: Rect; source: 'Local' | 'Remote' }[] = [];

  static create(sheetNames: string[] = ['Sheet1']): FakeWorkbook {
    const wb = new FakeWorkbook();
    for (const n of sheetNames) wb.addSheet(n);
    return wb;
  }

  get syncCount(): number {
    return this.requests.length;
  }

  /** A deep copy of the model (same sheet ids), without requests, failures or handlers. */
  clone(): FakeWorkbook {
    const wb = new FakeWorkbook();
    wb.nextId = this.nextId;
    wb.structureProtected = this.structureProtected;
    wb.limits = { ...this.limits };
    for (const s of this.sheets) {
      const c = new SheetModel(s.id, s.name);
      c.visibility = s.visibility;
      c.tabColor = s.tabColor;
      c.freeze = { ...s.freeze };
      c.protected = s.protected;
      s.widths.forEach((w, k) => c.widths.set(k, w));
      s.rows.forEach((row, r) => {
        if (!row) return;
        const copy = new RowModel();
        copy.v = row.v.slice();
        if (row.f) copy.f = row.f.slice();
        if (row.nf) copy.nf = row.nf.slice();
        if (row.st) copy.st = row.st.map((st) => (st ? { ...st } : st));
        c.rows[r] = copy;
      });
      wb.sheets.push(c);
    }
    for (const n of this.names) wb.names.push({ ...n });
    return wb;
  }

  // -- failure injection ----------------------------------------------------------------------

  /** The n-th sync from now (1 = the next one) fails. */
  failSync(n: number, failure: SyncFailure = {}): void {
    this.failBase = this.requests.length;
    this.failures.set(n, failure);
  }

  clearFailures(): void {
    this.failures.clear();
  }

  /** Called by the context at each sync: the failure planned for it, if any. */
  takeFailure(): SyncFailure | undefined {
    const n = this.requests.length + 1 - this.failBase;
    const f = this.failures.get(n);
    if (f) this.failures.delete(n);
    return f;
  }

  // -- direct model access for tests (no API semantics, no counting) ---------------------------

  addSheet(name: string): SheetModel {
    const id = `{00000000-0001-0000-${String(this.nextId).padStart(4, '0')}-000000000000}`;
    this.nextId++;
    const sheet = new SheetModel(id, name);
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(nameOrId: string): SheetModel {
    const s = this.findSheet(nameOrId);
    if (!s) throw new Error(`fake workbook: no sheet "${nameOrId}"`);
    return s;
  }

  findSheet(nameOrId: string): SheetModel | undefined {
    const key = nameOrId.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key || s.id.toLowerCase() === key);
  }

  /** Puts values as typed data (strings stay text, "#N/A" is an error value), top-left at `address`. */
  setValues(sheetName: string, address: string, values: (FakeCellValue | null)[][]): void {
    const sheet = this.sheet(sheetName);
    const at = parseA1(address);
    if (!at) throw new Error(`bad address ${address}`);
    values.forEach((row, i) => {
      const model = sheet.row(at.r0 + i, true);
      row.forEach((v, j) => {
        model.v[at.c0 + j] = v === null ? undefined : v;
      });
    });
  }

  /** A formula cell with the value Excel would show for it. */
  setFormula(sheetName: string, address: string, formula: string, cached?: FakeCellValue): void {
    const sheet = this.sheet(sheetName);
    const at = parseA1(address)!;
    const row = sheet.row(at.r0, true);
    (row.f ??= [])[at.c0] = formula.startsWith('=') ? formula : `=${formula}`;
    row.v[at.c0] = cached;
  }

  setNumberFormat(sheetName: string, address: string, format: string): void {
    const sheet = this.sheet(sheetName);
    const at = parseA1(address)!;
    for (let r = 0; r < at.rows; r++) {
      const row = sheet.row(at.r0 + r, true);
      for (let c = 0; c < at.cols; c++) (row.nf ??= [])[at.c0 + c] = format;
    }
  }

  addName(name: string, formula: string, options: { visible?: boolean; comment?: string } = {}): void {
    this.names.push({ name, formula: formula.startsWith('=') ? formula : `=${formula}`, visible: options.visible ?? true, comment: options.comment ?? '' });
  }

  cell(sheetName: string, address: string): FakeCellView {
    const sheet = this.sheet(sheetName);
    const at = parseA1(address)!;
    return this.cellAt(sheet, at.r0, at.c0);
  }

  cellAt(sheet: SheetModel, r: number, c: number): FakeCellView {
    const row = sheet.rows[r];
    const v = row?.v[c];
    const f = row?.f?.[c];
    const st = row?.st?.[c];
    const view: FakeCellView = { value: v === undefined ? null : v, numberFormat: row?.nf?.[c] ?? 'General' };
    if (f !== undefined) view.formula = f;
    if (st) view.style = { ...st };
    return view;
  }

  /** The used range's values (values only), as Range.values returns them, and where it starts. */
  usedValues(sheetName: string): { firstRow: number; firstColumn: number; values: FakeCellValue[][] } {
    const sheet = this.sheet(sheetName);
    const rect = sheet.usedRect(true);
    if (!rect) return { firstRow: 1, firstColumn: 1, values: [] };
    return { firstRow: rect.r0 + 1, firstColumn: rect.c0 + 1, values: this.readGrid(sheet, rect, 'values') as FakeCellValue[][] };
  }

  /** A deep, plain picture of everything the API can observe, for before/after comparisons. */
  snapshot(): unknown {
    return {
      sheets: this.sheets.map((s) => {
        const cells: Record<string, FakeCellView> = {};
        s.rows.forEach((row, r) => {
          if (!row) return;
          const len = Math.max(row.v.length, row.f?.length ?? 0, row.nf?.length ?? 0, row.st?.length ?? 0);
          for (let c = 0; c < len; c++) {
            const view = this.cellAt(s, r, c);
            if (view.value === null && view.formula === undefined && view.numberFormat === 'General' && !view.style) continue;
            cells[`${colLetters(c + 1)}${r + 1}`] = view;
          }
        });
        return {
          id: s.id,
          name: s.name,
          visibility: s.visibility,
          tabColor: s.tabColor,
          freeze: { ...s.freeze },
          widths: [...s.widths.entries()].sort((a, b) => a[0] - b[0]),
          cells,
        };
      }),
      names: [...this.names].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase())).map((n) => ({ ...n })),
    };
  }

  /** A coauthor edits a cell: the change lands and onChanged handlers hear "Remote". */
  editCell(sheetName: string, address: string, value: FakeCellValue | null): void {
    const sheet = this.sheet(sheetName);
    const at = parseA1(address)!;
    sheet.row(at.r0, true).v[at.c0] = value === null ? undefined : value;
    this.emit(sheet, at, 'Remote');
    this.flushEvents();
  }

  // -- model operations with undo (used by the API objects) ------------------------------------

  private record(undo: () => void): void {
    this.journal?.push(undo);
  }

  /** Saves the rectangle's cells so the current sync can be undone. */
  private saveRect(sheet: SheetModel, rect: Rect): void {
    if (!this.journal) return;
    const saved: (RowSlice | undefined)[] = [];
    for (let r = 0; r < rect.rows; r++) {
      const row = sheet.rows[rect.r0 + r];
      if (!row) {
        saved.push(undefined);
        continue;
      }
      const s: RowSlice = { v: row.v.slice(rect.c0, rect.c0 + rect.cols) };
      if (row.f) s.f = row.f.slice(rect.c0, rect.c0 + rect.cols);
      if (row.nf) s.nf = row.nf.slice(rect.c0, rect.c0 + rect.cols);
      if (row.st) s.st = row.st.slice(rect.c0, rect.c0 + rect.cols);
      saved.push(s);
    }
    this.record(() => {
      for (let r = 0; r < rect.rows; r++) {
        const s = saved[r];
        const row = sheet.rows[rect.r0 + r];
        if (!row) continue;
        for (let c = 0; c < rect.cols; c++) {
          const col = rect.c0 + c;
          setSparse(row.v, col, s?.v[c]);
          if (row.f || s?.f) setSparse((row.f ??= []), col, s?.f?.[c]);
          if (row.nf || s?.nf) setSparse((row.nf ??= []), col, s?.nf?.[c]);
          if (row.st || s?.st) setSparse((row.st ??= []), col, s?.st?.[c]);
        }
        trimRow(row);
      }
    });
  }

  checkWritable(sheet: SheetModel, where: string): void {
    if (sheet.deleted) throw officeError('ItemNotFound', where);
    if (sheet.protected) throw officeError('AccessDenied', where, 'The cell or chart you\'re trying to change is on a protected sheet.');
  }

  writeValues(sheet: SheetModel, rect: Rect, data: unknown[][], asFormulas: boolean, where: string): number {
    this.checkWritable(sheet, where);
    checkShape(data, rect, where);
    // Formulas must refer to sheets that exist (text cells keep "=…" as text).
    for (let r = 0; r < rect.rows; r++) {
      const row = sheet.rows[rect.r0 + r];
      for (let c = 0; c < rect.cols; c++) {
        const x = data[r][c];
        if (typeof x === 'string' && x.startsWith('=') && x.includes('!') && (row?.nf?.[rect.c0 + c] ?? 'General') !== '@') {
          for (const s of sheetRefsIn(x)) if (!this.findSheet(s)) throw officeError('InvalidArgument', where, `Unknown sheet "${s}" in ${x}`);
          const misread = misreadSheetRefs(x)[0];
          if (misread !== undefined) throw officeError('InvalidArgument', where, `The sheet name "${misread}" must be quoted in ${x}`);
        }
      }
    }
    this.saveRect(sheet, rect);
    let written = 0;
    for (let r = 0; r < rect.rows; r++) {
      const rowData = data[r];
      let row: RowModel | undefined;
      for (let c = 0; c < rect.cols; c++) {
        const x = rowData[c];
        if (x === null || x === undefined) continue;
        row ??= sheet.row(rect.r0 + r, true);
        const col = rect.c0 + c;
        const nf = row.nf?.[col] ?? 'General';
        const typed = coerce(x, nf, asFormulas, where);
        setSparse(row.v, col, typed.v);
        if (typed.f !== undefined || row.f) setSparse((row.f ??= []), col, typed.f);
        written++;
      }
      if (row) trimRow(row);
    }
    this.emit(sheet, rect, 'Local');
    return written;
  }

  writeNumberFormats(sheet: SheetModel, rect: Rect, data: unknown[][], where: string): number {
    this.checkWritable(sheet, where);
    checkShape(data, rect, where);
    this.saveRect(sheet, rect);
    let written = 0;
    for (let r = 0; r < rect.rows; r++) {
      let row: RowModel | undefined;
      for (let c = 0; c < rect.cols; c++) {
        const x = data[r][c];
        if (x === null || x === undefined) continue;
        if (typeof x !== 'string') throw officeError('InvalidArgument', where, 'A number format must be a string.');
        row ??= sheet.row(rect.r0 + r, true);
        setSparse((row.nf ??= []), rect.c0 + c, x === '' || x === 'General' ? undefined : x);
        written++;
      }
      if (row) trimRow(row);
    }
    return written;
  }

  writeStyle(sheet: SheetModel, rect: Rect, prop: keyof FakeStyle, value: unknown, where: string): void {
    this.checkWritable(sheet, where);
    this.saveRect(sheet, rect);
    for (let r = 0; r < rect.rows; r++) {
      const row = sheet.row(rect.r0 + r, true);
      for (let c = 0; c < rect.cols; c++) {
        const col = rect.c0 + c;
        const st: FakeStyle = { ...(row.st?.[col] ?? {}) };
        if (value === undefined || value === STYLE_DEFAULTS[prop]) delete st[prop];
        else (st as Record<string, unknown>)[prop] = value;
        setSparse((row.st ??= []), col, Object.keys(st).length ? st : undefined);
      }
      trimRow(row);
    }
  }

  clear(sheet: SheetModel, rect: Rect, applyTo: string, where: string): void {
    this.checkWritable(sheet, where);
    if (!['All', 'Formats', 'Contents'].includes(applyTo)) throw officeError('InvalidArgument', where);
    this.saveRect(sheet, rect);
    for (let r = 0; r < rect.rows; r++) {
      const row = sheet.rows[rect.r0 + r];
      if (!row) continue;
      for (let c = rect.c0; c < rect.c0 + rect.cols; c++) {
        if (applyTo !== 'Formats') {
          setSparse(row.v, c, undefined);
          if (row.f) setSparse(row.f, c, undefined);
        }
        if (applyTo !== 'Contents') {
          if (row.nf) setSparse(row.nf, c, undefined);
          if (row.st) setSparse(row.st, c, undefined);
        }
      }
      trimRow(row);
    }
    if (applyTo !== 'Formats') this.emit(sheet, rect, 'Local');
  }

  readStyle(sheet: SheetModel, rect: Rect, prop: keyof FakeStyle): unknown {
    let first: unknown;
    for (let r = 0; r < rect.rows; r++) {
      for (let c = 0; c < rect.cols; c++) {
        const st = sheet.rows[rect.r0 + r]?.st?.[rect.c0 + c];
        let v: unknown = st?.[prop] ?? STYLE_DEFAULTS[prop];
        if (prop === 'fill' && v === '') v = '#FFFFFF';
        if (r === 0 && c === 0) first = v;
        else if (v !== first) return null;
      }
    }
    return first;
  }

  setColumnWidth(sheet: SheetModel, c0: number, cols: number, width: number, where: string): void {
    if (sheet.deleted) throw officeError('ItemNotFound', where);
    if (typeof width !== 'number' || !(width >= 0) || width > 1000) throw officeError('InvalidArgument', where);
    for (let c = c0; c < c0 + cols; c++) {
      const before = sheet.widths.get(c);
      this.record(() => setMap(sheet.widths, c, before));
      setMap(sheet.widths, c, Math.abs(width - DEFAULT_COLUMN_WIDTH) < 1e-9 ? undefined : width);
    }
  }

  columnWidth(sheet: SheetModel, c0: number, cols: number): number | null {
    let first: number | undefined;
    for (let c = c0; c < c0 + cols; c++) {
      const w = sheet.widths.get(c) ?? DEFAULT_COLUMN_WIDTH;
      if (first === undefined) first = w;
      else if (w !== first) return null;
    }
    return first ?? DEFAULT_COLUMN_WIDTH;
  }

  readGrid(sheet: SheetModel, rect: Rect, what: 'values' | 'formulas' | 'numberFormat'): unknown[][] {
    const out: unknown[][] = new Array(rect.rows);
    for (let r = 0; r < rect.rows; r++) {
      const row = sheet.rows[rect.r0 + r];
      const line = new Array<unknown>(rect.cols);
      for (let c = 0; c < rect.cols; c++) {
        const col = rect.c0 + c;
        if (what === 'numberFormat') line[c] = row?.nf?.[col] ?? 'General';
        else if (what === 'formulas') line[c] = row?.f?.[col] ?? row?.v[col] ?? '';
        else line[c] = row?.v[col] ?? '';
      }
      out[r] = line;
    }
    return out;
  }

  sheetSetProp<K extends 'visibility' | 'tabColor' | 'freeze'>(sheet: SheetModel, key: K, value: SheetModel[K]): void {
    const before = sheet[key];
    this.record(() => {
      sheet[key] = before;
    });
    sheet[key] = value;
  }

  validateSheetName(name: unknown, where: string, except?: SheetModel): string {
    if (typeof name !== 'string' || name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name) || /^'|'$/.test(name) || name.toLowerCase() === 'history') {
      throw officeError('InvalidArgument', where, `Bad sheet name "${String(name)}".`);
    }
    const clash = this.findSheet(name);
    if (clash && clash !== except && clash.name.toLowerCase() === name.toLowerCase()) throw officeError('ItemAlreadyExists', where, `A sheet named "${name}" exists.`);
    return name;
  }

  private checkStructure(where: string): void {
    if (this.structureProtected) throw officeError('AccessDenied', where, 'The workbook structure is protected.');
  }

  addSheetOp(name: string | undefined, where: string): SheetModel {
    this.checkStructure(where);
    let n = name;
    if (n === undefined) {
      let i = this.sheets.length + 1;
      while (this.findSheet(`Sheet${i}`)) i++;
      n = `Sheet${i}`;
    }
    this.validateSheetName(n, where);
    const sheet = this.addSheet(n);
    this.record(() => {
      const i = this.sheets.indexOf(sheet);
      if (i >= 0) this.sheets.splice(i, 1);
      sheet.deleted = true;
    });
    return sheet;
  }

  /** Rewrites every formula and name that refers to a sheet (rename or delete). */
  private rewriteRefs(map: (s: string) => string | null | undefined): void {
    for (const sheet of this.sheets) {
      sheet.rows.forEach((row) => {
        if (!row?.f) return;
        row.f.forEach((f, c) => {
          if (f === undefined || !f.includes('!')) return;
          const next = mapSheetRefs(f, map);
          if (next !== f) {
            const fs = row.f!;
            this.record(() => {
              fs[c] = f;
            });
            fs[c] = next;
          }
        });
      });
    }
    for (const n of this.names) {
      const next = n.formula.includes('!') ? mapSheetRefs(n.formula, map) : n.formula;
      if (next !== n.formula) {
        const before = n.formula;
        this.record(() => {
          n.formula = before;
        });
        n.formula = next;
      }
    }
  }

  renameSheet(sheet: SheetModel, name: unknown, where: string): void {
    if (sheet.deleted) throw officeError('ItemNotFound', where);
    this.checkStructure(where);
    const n = this.validateSheetName(name, where, sheet);
    const before = sheet.name;
    if (before === n) return;
    const lower = before.toLowerCase();
    this.rewriteRefs((s) => (s.toLowerCase() === lower ? n : undefined));
    this.record(() => {
      sheet.name = before;
    });
    sheet.name = n;
  }

  deleteSheet(sheet: SheetModel, where: string): void {
    if (sheet.deleted) throw officeError('ItemNotFound', where);
    this.checkStructure(where);
    const visible = this.sheets.filter((s) => s.visibility === 'Visible' && s !== sheet);
    if (!visible.length) throw officeError('InvalidOperation', where, 'A workbook must contain at least one visible worksheet.');
    const i = this.sheets.indexOf(sheet);
    const lower = sheet.name.toLowerCase();
    this.rewriteRefs((s) => (s.toLowerCase() === lower ? null : undefined));
    this.sheets.splice(i, 1);
    sheet.deleted = true;
    this.record(() => {
      this.sheets.splice(i, 0, sheet);
      sheet.deleted = false;
    });
  }

  findName(name: string): NameModel | undefined {
    const key = name.toLowerCase();
    return this.names.find((n) => n.name.toLowerCase() === key);
  }

  addNameOp(name: unknown, reference: unknown, comment: unknown, where: string): NameModel {
    if (typeof name !== 'string' || !/^[\p{L}_\\][\p{L}\p{M}\p{N}_.\\]*$/u.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]\d*$/.test(name) || name.length > 255) {
      throw officeError('InvalidArgument', where, `Bad name "${String(name)}".`);
    }
    if (this.findName(name)) throw officeError('ItemAlreadyExists', where, `The name "${name}" exists.`);
    if (typeof reference !== 'string') throw officeError('InvalidArgument', where, 'The reference must be a string here.');
    const formula = reference.startsWith('=') ? reference : `=${reference}`;
    for (const s of sheetRefsIn(formula)) if (!this.findSheet(s)) throw officeError('InvalidArgument', where, `Unknown sheet "${s}".`);
    const misread = misreadSheetRefs(formula)[0];
    if (misread !== undefined) throw officeError('InvalidArgument', where, `The sheet name "${misread}" must be quoted: '${misread}'!`);
    const model: NameModel = { name, formula, visible: true, comment: typeof comment === 'string' ? comment : '' };
    this.names.push(model);
    this.record(() => {
      const i = this.names.indexOf(model);
      if (i >= 0) this.names.splice(i, 1);
    });
    return model;
  }

  deleteName(model: NameModel, where: string): void {
    const i = this.names.indexOf(model);
    if (i < 0) throw officeError('ItemNotFound', where);
    this.names.splice(i, 1);
    this.record(() => this.names.splice(i, 0, model));
  }

  nameSetProp<K extends 'visible' | 'comment' | 'formula'>(model: NameModel, key: K, value: NameModel[K], where: string): void {
    if (!this.names.includes(model)) throw officeError('ItemNotFound', where);
    const before = model[key];
    this.record(() => {
      model[key] = before;
    });
    model[key] = value;
  }

  // -- events ----------------------------------------------------------------------------------

  emit(sheet: SheetModel, rect: Rect, source: 'Local' | 'Remote'): void {
    if (this.handlers.get(sheet.id)?.size) this.pendingEvents.push({ sheet, rect, source });
  }

  discardEvents(): void {
    this.pendingEvents = [];
  }

  flushEvents(): void {
    const events = this.pendingEvents;
    this.pendingEvents = [];
    for (const e of events) {
      const handlers = [...(this.handlers.get(e.sheet.id) ?? [])];
      const args: ChangedEvent = { address: rectA1(e.rect), changeType: 'RangeEdited', source: e.source, type: 'WorksheetChanged', worksheetId: e.sheet.id };
      for (const h of handlers) {
        void Promise.resolve().then(() => h(args));
      }
    }
  }
}

function setSparse<T>(arr: (T | undefined)[], i: number, v: T | undefined): void {
  if (v === undefined) {
    if (i < arr.length) arr[i] = undefined;
  } else arr[i] = v;
}

function trimRow(row: RowModel): void {
  const trim = (a: unknown[] | undefined) => {
    if (!a) return;
    let n = a.length;
    while (n > 0 && a[n - 1] === undefined) n--;
    a.length = n;
  };
  trim(row.v);
  trim(row.f);
  trim(row.nf);
  trim(row.st);
}

function setMap<K, V>(m: Map<K, V>, k: K, v: V | undefined): void {
  if (v === undefined) m.delete(k);
  else m.set(k, v);
}

function checkShape(data: unknown, rect: Rect, where: string): asserts data is unknown[][] {
  if (!Array.isArray(data) || data.length !== rect.rows || data.some((row) => !Array.isArray(row) || row.length !== rect.cols)) {
    throw officeError('InvalidArgument', where, `The array does not match the range's ${rect.rows} × ${rect.cols} cells.`);
  }
}

const NUMERIC = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

/** What Excel stores for a value written to a cell with number format `nf`. */
function coerce(x: unknown, nf: string, asFormula: boolean, where: string): { v?: FakeCellValue; f?: string } {
  if (typeof x === 'number') {
    if (!Number.isFinite(x)) throw officeError('InvalidArgument', where, 'Not a finite number.');
    return { v: x };
  }
  if (typeof x === 'boolean') return { v: x };
  if (typeof x !== 'string') throw officeError('InvalidArgument', where, `Cannot write ${typeof x}.`);
  if (x === '') return {};
  if (nf === '@') return { v: x };
  if (x.startsWith('=') && x.length > 1) return { f: x };
  if (NUMERIC.test(x)) return { v: Number(x) };
  if (/^[+-]./.test(x)) return { f: `=${x}` };
  if (/^(true|false)$/i.test(x)) return { v: x.toLowerCase() === 'true' };
  void asFormula;
  return { v: x };
}

// ---------------------------------------------------------------------------------------------
// Proxies and the request context

interface Op {
  /** Where in the API, for error messages: "Range.values", "Worksheet.delete". */
  location: string;
  requestBytes: number;
  run(): { responseBytes?: number; cellsRead?: number; cellsWritten?: number; commit?: () => void } | void;
}

let contextIds = 0;

export class FakeRequestContext {
  readonly id = ++contextIds;
  readonly workbook: FakeWorkbookProxy;
  private queue: Op[] = [];
  /** Proxies whose isNullObject becomes readable at the next sync. */
  private resolving: FakeProxy[] = [];
  private calcSuspended = false;
  /** For the test's eyes: Excel.run passes its context through `.context` on objects. */
  readonly model: FakeWorkbook;

  constructor(model: FakeWorkbook) {
    this.model = model;
    this.workbook = new FakeWorkbookProxy(this);
  }

  enqueue(op: Op): void {
    this.queue.push(op);
  }

  willResolve(p: FakeProxy): void {
    this.resolving.push(p);
  }

  suspendCalculation(): void {
    this.calcSuspended = true;
  }

  get pending(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    const resolving = this.resolving;
    const suspended = this.calcSuspended;
    this.queue = [];
    this.resolving = [];
    this.calcSuspended = false;
    const wb = this.model;
    const stat: RequestStat = {
      index: wb.requests.length + 1,
      ops: ops.length,
      requestBytes: ops.reduce((s, o) => s + o.requestBytes, 0),
      responseBytes: 0,
      bytes: 0,
      cellsRead: 0,
      cellsWritten: 0,
      calculationSuspended: suspended,
    };
    const failure = wb.takeFailure();
    wb.requests.push(stat);
    // Let other promise callbacks run, as a real round trip would.
    await Promise.resolve();

    const fail = (e: FakeOfficeError): never => {
      stat.failed = e.code;
      stat.bytes = stat.requestBytes + stat.responseBytes;
      wb.discardEvents();
      throw e;
    };
    if (stat.requestBytes > wb.limits.requestBytes) fail(officeError('RequestPayloadSizeLimitExceeded'));

    const commits: (() => void)[] = [];
    wb.journal = [];
    const failAt = failure ? (failure.partial ? Math.floor(ops.length / 2) : 0) : -1;
    try {
      ops.forEach((op, i) => {
        if (i === failAt) throw new FakeOfficeError(failure!.code ?? 'GeneralException', failure!.message ?? MESSAGES[failure!.code ?? 'GeneralException'] ?? 'Injected failure', op.location);
        let result;
        try {
          result = op.run();
        } catch (e) {
          if (e instanceof FakeOfficeError && !e.debugInfo.errorLocation) throw new FakeOfficeError(e.code, e.message, op.location);
          throw e;
        }
        if (result) {
          stat.responseBytes += result.responseBytes ?? 0;
          stat.cellsRead += result.cellsRead ?? 0;
          stat.cellsWritten += result.cellsWritten ?? 0;
          if (result.commit) commits.push(result.commit);
        }
      });
      if (failure && failAt >= ops.length) throw new FakeOfficeError(failure.code ?? 'GeneralException', failure.message ?? 'Injected failure');
      if (stat.responseBytes > wb.limits.responseBytes) throw officeError('ResponsePayloadSizeLimitExceeded');
    } catch (e) {
      const journal = wb.journal;
      wb.journal = null;
      const keep = failure?.partial && e instanceof FakeOfficeError && e.code === (failure.code ?? 'GeneralException');
      if (!keep) for (let i = journal.length - 1; i >= 0; i--) journal[i]();
      if (e instanceof FakeOfficeError) fail(e);
      throw e;
    }
    wb.journal = null;
    stat.bytes = stat.requestBytes + stat.responseBytes;
    for (const c of commits) c();
    for (const p of resolving) p.markResolved();
    wb.flushEvents();
  }
}

function parseProps(props: unknown): string[] {
  if (props === undefined) return [];
  if (typeof props === 'string') return props.split(',').map((p) => p.trim()).filter(Boolean);
  if (Array.isArray(props)) return props.flatMap((p) => parseProps(p));
  if (typeof props === 'object' && props && 'select' in props) return parseProps((props as { select: unknown }).select);
  return [];
}

abstract class FakeProxy {
  protected readonly loaded = new Map<string, unknown>();
  private resolvedNull: boolean | undefined;

  constructor(readonly context: FakeRequestContext) {}

  protected abstract get entity(): string;
  /** Properties `load()` without arguments loads. */
  protected abstract get scalarProps(): string[];
  /** The value of a property, now (at the op's turn in the batch). */
  protected abstract fetch(prop: string): unknown;
  /** For nested loads such as 'format/font/bold'. */
  protected child(_name: string): FakeProxy | undefined {
    return undefined;
  }
  /** True when the object behind this proxy does not exist (OrNullObject). */
  protected isMissing(): boolean {
    return false;
  }

  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw notLoaded(this.entity, prop);
    return this.loaded.get(prop) as T;
  }

  get isNullObject(): boolean {
    if (this.resolvedNull === undefined) throw notLoaded(this.entity, 'isNullObject');
    return this.resolvedNull;
  }

  markResolved(): void {
    this.resolvedNull = this.isMissing();
  }

  load(props?: unknown): this {
    const list = parseProps(props);
    const own: string[] = [];
    for (const p of list.length ? list : this.scalarProps) {
      const slash = p.indexOf('/');
      if (slash > 0) {
        const c = this.child(p.slice(0, slash));
        if (!c) throw new Error(`fake Excel: ${this.entity} has no "${p.slice(0, slash)}"`);
        c.load(p.slice(slash + 1));
      } else own.push(p);
    }
    if (own.length) this.queueLoad(own);
    this.context.willResolve(this);
    return this;
  }

  protected queueLoad(props: string[]): void {
    this.context.enqueue({
      location: `${this.entity}.load`,
      requestBytes: OP_OVERHEAD_BYTES,
      run: () => {
        if (this.isMissing()) return { commit: () => props.forEach((p) => this.loaded.set(p, undefined)) };
        const values = new Map<string, unknown>();
        let responseBytes = 0;
        let cellsRead = 0;
        for (const p of props) {
          const v = this.fetch(p);
          values.set(p, v);
          if (Array.isArray(v)) {
            responseBytes += jsonBytes(v);
            if (Array.isArray(v[0])) cellsRead += v.length * (v[0] as unknown[]).length;
          } else responseBytes += typeof v === 'string' ? jsonBytes(v) : 8;
        }
        return { responseBytes, cellsRead, commit: () => values.forEach((v, p) => this.loaded.set(p, v)) };
      },
    });
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

class FakeProtection extends FakeProxy {
  constructor(
    context: FakeRequestContext,
    private readonly label: string,
    private readonly isProtected: () => boolean,
  ) {
    super(context);
  }
  protected get entity(): string {
    return this.label;
  }
  protected get scalarProps(): string[] {
    return ['protected'];
  }
  protected fetch(prop: string): unknown {
    if (prop !== 'protected') throw new Error(`fake Excel: ${this.label}.${prop} is not modelled`);
    return this.isProtected();
  }
  get protected(): boolean {
    return this.get('protected');
  }
}

class FakeWorkbookProxy extends FakeProxy {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly application: FakeApplication;
  readonly protection: FakeProtection;

  constructor(context: FakeRequestContext) {
    super(context);
    this.worksheets = new FakeWorksheetCollection(context);
    this.names = new FakeNamedItemCollection(context);
    this.application = new FakeApplication(context);
    this.protection = new FakeProtection(context, 'WorkbookProtection', () => context.model.structureProtected);
  }
  protected get entity(): string {
    return 'Workbook';
  }
  protected get scalarProps(): string[] {
    return [];
  }
  protected fetch(): unknown {
    return undefined;
  }
}

class FakeApplication extends FakeProxy {
  protected get entity(): string {
    return 'Application';
  }
  protected get scalarProps(): string[] {
    return [];
  }
  protected fetch(): unknown {
    return undefined;
  }
  suspendApiCalculationUntilNextSync(): void {
    this.context.suspendCalculation();
    this.context.enqueue({ location: 'Application.suspendApiCalculationUntilNextSync', requestBytes: OP_OVERHEAD_BYTES, run: () => undefined });
  }
}

type SheetResolver = () => SheetModel | undefined;

class FakeWorksheetCollection extends FakeProxy {
  private itemsList: FakeWorksheet[] | undefined;

  protected get entity(): string {
    return 'WorksheetCollection';
  }
  protected get scalarProps(): string[] {
    return [];
  }
  protected fetch(): unknown {
    return undefined;
  }

  get items(): FakeWorksheet[] {
    if (!this.itemsList) throw notLoaded(this.entity, 'items');
    return this.itemsList;
  }

  override load(props?: unknown): this {
    const list = parseProps(props).map((p) => p.replace(/^items\//, ''));
    this.context.enqueue({
      location: 'WorksheetCollection.load',
      requestBytes: OP_OVERHEAD_BYTES,
      run: () => {
        const sheets = [...this.context.model.sheets];
        const items = sheets.map((s) => {
          const ws = new FakeWorksheet(this.context, () => s, true);
          ws.fill(list.length ? list : ['name', 'id', 'position', 'visibility', 'tabColor']);
          return ws;
        });
        return {
          responseBytes: items.length * 64,
          commit: () => {
            this.itemsList = items;
          },
        };
      },
    });
    return this;
  }

  getItem(key: string): FakeWorksheet {
    const model = this.context.model;
    return new FakeWorksheet(this.context, () => model.findSheet(key), false, `Worksheet(${key})`);
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    const model = this.context.model;
    const ws = new FakeWorksheet(this.context, () => model.findSheet(key), true, `Worksheet(${key})`);
    ws.bindNow();
    return ws;
  }

  getActiveWorksheet(): FakeWorksheet {
    const model = this.context.model;
    return new FakeWorksheet(this.context, () => model.sheets.find((s) => s.id === activeSheetId.get(model)) ?? model.sheets[0], false);
  }

  add(name?: string): FakeWorksheet {
    let created: SheetModel | undefined;
    const ws = new FakeWorksheet(this.context, () => created, false, `Worksheet(${name ?? 'new'})`);
    this.context.enqueue({
      location: 'WorksheetCollection.add',
      requestBytes: OP_OVERHEAD_BYTES + jsonBytes(name ?? ''),
      run: () => {
        created = this.context.model.addSheetOp(name, 'WorksheetCollection.add');
      },
    });
    return ws;
  }
}

const activeSheetId = new WeakMap<FakeWorkbook, string>();
const selection = new WeakMap<FakeWorkbook, { sheetId: string; address: string }>();

/** The sheet a test's Excel has active, and the selected range. */
export function activeOf(wb: FakeWorkbook): { sheet?: string; selection?: { sheet: string; address: string } } {
  const id = activeSheetId.get(wb);
  const sel = selection.get(wb);
  return {
    sheet: id ? wb.sheets.find((s) => s.id === id)?.name : undefined,
    selection: sel ? { sheet: wb.sheets.find((s) => s.id === sel.sheetId)?.name ?? '?', address: sel.address } : undefined,
  };
}

class FakeWorksheet extends FakeProxy {
  readonly freezePanes: FakeFreezePanes;
  readonly onChanged: FakeEvent;
  readonly protection: FakeProtection;
  private bound: SheetModel | undefined;
  private boundOnce = false;

  constructor(
    context: FakeRequestContext,
    private readonly resolver: SheetResolver,
    private readonly orNull: boolean,
    private readonly label = 'Worksheet',
  ) {
    super(context);
    this.freezePanes = new FakeFreezePanes(context, this);
    this.onChanged = new FakeEvent(context, this);
    this.protection = new FakeProtection(context, 'WorksheetProtection', () => this.resolve().protected);
  }

  protected get entity(): string {
    return 'Worksheet';
  }
  protected get scalarProps(): string[] {
    return ['name', 'id', 'position', 'visibility', 'tabColor'];
  }

  /** For OrNullObject: resolve at this point of the batch. */
  bindNow(): void {
    this.context.enqueue({ location: `${this.label}`, requestBytes: OP_OVERHEAD_BYTES, run: () => void this.resolve(true) });
    this.context.willResolve(this);
  }

  /** Loaded values filled in directly (collection items). */
  fill(props: string[]): void {
    const s = this.resolve();
    for (const p of props) this.loaded.set(p, this.fetchFrom(s, p));
  }

  resolve(soft = false): SheetModel {
    if (!this.boundOnce) {
      this.bound = this.resolver();
      this.boundOnce = true;
    }
    const s = this.bound;
    if (!s || s.deleted) {
      if (soft && this.orNull) return undefined as unknown as SheetModel;
      throw officeError('ItemNotFound', this.label);
    }
    return s;
  }

  protected override isMissing(): boolean {
    if (!this.orNull) return false;
    if (!this.boundOnce) {
      this.bound = this.resolver();
      this.boundOnce = true;
    }
    return !this.bound || this.bound.deleted;
  }

  protected fetch(prop: string): unknown {
    return this.fetchFrom(this.resolve(), prop);
  }

  private fetchFrom(s: SheetModel, prop: string): unknown {
    switch (prop) {
      case 'name':
        return s.name;
      case 'id':
        return s.id;
      case 'position':
        return this.context.model.sheets.indexOf(s);
      case 'visibility':
        return s.visibility;
      case 'tabColor':
        return s.tabColor;
      default:
        throw new Error(`fake Excel: Worksheet.${prop} is not modelled`);
    }
  }

  get name(): string {
    return this.get('name');
  }
  set name(value: string) {
    this.context.enqueue({
      location: 'Worksheet.name',
      requestBytes: OP_OVERHEAD_BYTES + jsonBytes(value),
      run: () => this.context.model.renameSheet(this.resolve(), value, 'Worksheet.name'),
    });
  }
  get id(): string {
    return this.get('id');
  }
  get position(): number {
    return this.get('position');
  }
  get visibility(): Visibility {
    return this.get('visibility');
  }
  set visibility(value: Visibility) {
    this.context.enqueue({ location: 'Worksheet.visibility', requestBytes: OP_OVERHEAD_BYTES, run: () => this.context.model.sheetSetProp(this.resolve(), 'visibility', value) });
  }
  get tabColor(): string {
    return this.get('tabColor');
  }
  set tabColor(value: string) {
    this.context.enqueue({
      location: 'Worksheet.tabColor',
      requestBytes: OP_OVERHEAD_BYTES,
      run: () => {
        if (typeof value !== 'string' || (value !== '' && !/^#[0-9A-Fa-f]{6}$/.test(value))) throw officeError('InvalidArgument', 'Worksheet.tabColor');
        this.context.model.sheetSetProp(this.resolve(), 'tabColor', value.toUpperCase());
      },
    });
  }

  delete(): void {
    this.context.enqueue({ location: 'Worksheet.delete', requestBytes: OP_OVERHEAD_BYTES, run: () => this.context.model.deleteSheet(this.resolve(), 'Worksheet.delete') });
  }

  activate(): void {
    this.context.enqueue({
      location: 'Worksheet.activate',
      requestBytes: OP_OVERHEAD_BYTES,
      run: () => {
        const s = this.resolve();
        if (s.visibility !== 'Visible') throw officeError('InvalidOperation', 'Worksheet.activate');
        activeSheetId.set(this.context.model, s.id);
      },
    });
  }

  getRange(address?: string): FakeRange {
    const rect = address === undefined ? { r0: 0, c0: 0, rows: MAX_ROWS, cols: MAX_COLUMNS } : parseA1(address);
    if (!rect) {
      // Excel fails the sync for a bad address.
      const r = new FakeRange(this.context, this, { r0: 0, c0: 0, rows: 1, cols: 1 });
      this.context.enqueue({ location: 'Worksheet.getRange', requestBytes: OP_OVERHEAD_BYTES, run: () => { throw officeError('InvalidArgument', 'Worksheet.getRange', `Bad address "${address}".`); } });
      return r;
    }
    return new FakeRange(this.context, this, rect);
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    const rect = { r0: startRow, c0: startColumn, rows: rowCount, cols: columnCount };
    const r = new FakeRange(this.context, this, rect);
    if (![startRow, startColumn, rowCount, columnCount].every(Number.isInteger) || startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1 || startRow + rowCount > MAX_ROWS || startColumn + columnCount > MAX_COLUMNS) {
      this.context.enqueue({ location: 'Worksheet.getRangeByIndexes', requestBytes: OP_OVERHEAD_BYTES, run: () => { throw officeError('InvalidArgument', 'Worksheet.getRangeByIndexes'); } });
    }
    return r;
  }

  getCell(row: number, column: number): FakeRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return FakeRange.used(this.context, this, undefined, valuesOnly, false);
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return FakeRange.used(this.context, this, undefined, valuesOnly, true);
  }
}

class FakeFreezePanes {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly sheet: FakeWorksheet,
  ) {}

  private set(rows: number, columns: number, where: string): void {
    this.context.enqueue({
      location: where,
      requestBytes: OP_OVERHEAD_BYTES,
      run: () => {
        if (!Number.isInteger(rows) || !Number.isInteger(columns) || rows < 0 || columns < 0) throw officeError('InvalidArgument', where);
        this.context.model.sheetSetProp(this.sheet.resolve(), 'freeze', { rows, columns });
      },
    });
  }

  freezeRows(count = 1): void {
    this.set(count, 0, 'WorksheetFreezePanes.freezeRows');
  }
  freezeColumns(count = 1): void {
    this.set(0, count, 'WorksheetFreezePanes.freezeColumns');
  }
  freezeAt(frozenRange: FakeRange | string): void {
    const rect = typeof frozenRange === 'string' ? parseA1(frozenRange) : frozenRange.rect;
    if (!rect || rect.r0 !== 0 || rect.c0 !== 0) {
      this.context.enqueue({ location: 'WorksheetFreezePanes.freezeAt', requestBytes: OP_OVERHEAD_BYTES, run: () => { throw officeError('InvalidArgument', 'WorksheetFreezePanes.freezeAt'); } });
      return;
    }
    this.set(rect.rows, rect.cols, 'WorksheetFreezePanes.freezeAt');
  }
  unfreeze(): void {
    this.set(0, 0, 'WorksheetFreezePanes.unfreeze');
  }
}

class FakeEvent {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly sheet: FakeWorksheet,
  ) {}

  add(handler: Handler): { context: FakeRequestContext; remove: () => void } {
    let sheetId: string | undefined;
    const model = this.context.model;
    this.context.enqueue({
      location: 'Worksheet.onChanged.add',
      requestBytes: OP_OVERHEAD_BYTES,
      run: () => {
        const s = this.sheet.resolve();
        sheetId = s.id;
        let set = model.handlers.get(s.id);
        if (!set) model.handlers.set(s.id, (set = new Set()));
        set.add(handler);
        model.journal?.push(() => set!.delete(handler));
      },
    });
    const context = this.context;
    return {
      context,
      remove: () => {
        context.enqueue({
          location: 'EventHandlerResult.remove',
          requestBytes: OP_OVERHEAD_BYTES,
          run: () => {
            if (sheetId) model.handlers.get(sheetId)?.delete(handler);
          },
        });
      },
    };
  }
}

/** Handlers registered on a sheet of the fake (for tests). */
export function handlerCount(wb: FakeWorkbook, sheetName: string): number {
  return wb.handlers.get(wb.sheet(sheetName).id)?.size ?? 0;
}

class FakeRange extends FakeProxy {
  readonly format: FakeRangeFormat;
  private usedSpec?: { base?: FakeRange; valuesOnly: boolean; orNull: boolean; rect?: Rect; resolved: boolean };

  constructor(
    context: FakeRequestContext,
    readonly sheet: FakeWorksheet,
    private fixedRect: Rect | undefined,
  ) {
    super(context);
    this.format = new FakeRangeFormat(context, this);
  }

  /** A used range (of a sheet, or within a range), resolved when the batch reaches it. */
  static used(context: FakeRequestContext, sheet: FakeWorksheet, base: FakeRange | undefined, valuesOnly: boolean, orNull: boolean): FakeRange {
    const r = new FakeRange(context, sheet, undefined);
    r.usedSpec = { base, valuesOnly, orNull, resolved: false };
    context.enqueue({ location: 'Range.getUsedRange', requestBytes: OP_OVERHEAD_BYTES, run: () => void r.resolveRect() });
    context.willResolve(r);
    return r;
  }

  get rect(): Rect {
    return this.resolveRect();
  }

  private resolveRect(): Rect {
    if (this.fixedRect) return this.fixedRect;
    const spec = this.usedSpec!;
    if (!spec.resolved) {
      const sheet = this.sheet.resolve();
      let rect = sheet.usedRect(spec.valuesOnly);
      if (rect && spec.base) rect = intersect(rect, spec.base.rect);
      spec.rect = rect;
      spec.resolved = true;
    }
    if (!spec.rect) {
      if (spec.orNull) return undefined as unknown as Rect;
      // Excel's used range of an empty sheet is A1.
      spec.rect = { r0: 0, c0: 0, rows: 1, cols: 1 };
    }
    return spec.rect;
  }

  protected override isMissing(): boolean {
    return !!this.usedSpec?.orNull && !this.resolveRect();
  }

  private live(where: string): { s: SheetModel; rect: Rect } {
    const rect = this.resolveRect();
    if (!rect) throw officeError('ItemNotFound', where, 'The range is a null object.');
    return { s: this.sheet.resolve(), rect };
  }

  protected get entity(): string {
    return 'Range';
  }
  protected get scalarProps(): string[] {
    return ['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'values', 'formulas', 'numberFormat'];
  }
  protected override child(name: string): FakeProxy | undefined {
    return name === 'format' ? this.format : undefined;
  }

  protected fetch(prop: string): unknown {
    const { s, rect } = this.live(`Range.${prop}`);
    const wb = this.context.model;
    switch (prop) {
      case 'address':
        return `${sheetPrefix(s.name)}${rectA1(rect)}`;
      case 'rowIndex':
        return rect.r0;
      case 'columnIndex':
        return rect.c0;
      case 'rowCount':
        return rect.rows;
      case 'columnCount':
        return rect.cols;
      case 'values':
      case 'formulas':
      case 'numberFormat': {
        if (rect.rows * rect.cols > wb.limits.readCells) throw officeError('RangeExceedsLimit', `Range.${prop}`);
        return wb.readGrid(s, rect, prop);
      }
      default:
        throw new Error(`fake Excel: Range.${prop} is not modelled`);
    }
  }

  get address(): string {
    return this.get('address');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get values(): unknown[][] {
    return this.get('values');
  }
  set values(data: unknown[][]) {
    this.queueWrite('values', data);
  }
  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  set formulas(data: unknown[][]) {
    this.queueWrite('formulas', data);
  }
  get numberFormat(): unknown[][] {
    return this.get('numberFormat');
  }
  set numberFormat(data: unknown[][]) {
    this.queueWrite('numberFormat', data);
  }

  private queueWrite(prop: 'values' | 'formulas' | 'numberFormat', data: unknown[][]): void {
    const copy = Array.isArray(data) ? data.map((r) => (Array.isArray(r) ? [...r] : r)) : data;
    this.context.enqueue({
      location: `Range.${prop}`,
      requestBytes: OP_OVERHEAD_BYTES + jsonBytes(copy),
      run: () => {
        const { s, rect } = this.live(`Range.${prop}`);
        const wb = this.context.model;
        const n =
          prop === 'numberFormat'
            ? wb.writeNumberFormats(s, rect, copy as unknown[][], 'Range.numberFormat')
            : wb.writeValues(s, rect, copy as unknown[][], prop === 'formulas', `Range.${prop}`);
        return { cellsWritten: n };
      },
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return FakeRange.used(this.context, this.sheet, this, valuesOnly, true);
  }

  clear(applyTo: string = 'All'): void {
    this.context.enqueue({
      location: 'Range.clear',
      requestBytes: OP_OVERHEAD_BYTES,
      run: () => {
        const { s, rect } = this.live('Range.clear');
        this.context.model.clear(s, rect, applyTo, 'Range.clear');
      },
    });
  }

  getCell(row: number, column: number): FakeRange {
    const base = this.fixedRect;
    if (!base) throw new Error('fake Excel: getCell on a used range is not modelled');
    return new FakeRange(this.context, this.sheet, { r0: base.r0 + row, c0: base.c0 + column, rows: 1, cols: 1 });
  }

  select(): void {
    this.context.enqueue({
      location: 'Range.select',
      requestBytes: OP_OVERHEAD_BYTES,
      run: () => {
        const { s, rect } = this.live('Range.select');
        if (activeSheetId.get(this.context.model) !== s.id) throw officeError('InvalidSelection', 'Range.select', 'The range is not on the active sheet.');
        selection.set(this.context.model, { sheetId: s.id, address: rectA1(rect) });
      },
    });
  }

  /** Used by format proxies. */
  target(where: string): { s: SheetModel; rect: Rect } {
    return this.live(where);
  }
}

function intersect(a: Rect, b: Rect): Rect | undefined {
  const r0 = Math.max(a.r0, b.r0);
  const c0 = Math.max(a.c0, b.c0);
  const r1 = Math.min(a.r0 + a.rows, b.r0 + b.rows);
  const c1 = Math.min(a.c0 + a.cols, b.c0 + b.cols);
  return r1 > r0 && c1 > c0 ? { r0, c0, rows: r1 - r0, cols: c1 - c0 } : undefined;
}

class FakeRangeFormat extends FakeProxy {
  readonly font: FakeStyleProxy;
  readonly fill: FakeFill;

  constructor(
    context: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(context);
    this.font = new FakeStyleProxy(context, range, 'RangeFont', { bold: 'bold', italic: 'italic', size: 'size', color: 'color' });
    this.fill = new FakeFill(context, range);
  }
  protected get entity(): string {
    return 'RangeFormat';
  }
  protected get scalarProps(): string[] {
    return ['columnWidth', 'wrapText'];
  }
  protected override child(name: string): FakeProxy | undefined {
    return name === 'font' ? this.font : name === 'fill' ? this.fill : undefined;
  }
  protected fetch(prop: string): unknown {
    const { s, rect } = this.range.target(`RangeFormat.${prop}`);
    if (prop === 'columnWidth') return this.context.model.columnWidth(s, rect.c0, rect.cols);
    if (prop === 'wrapText') return this.context.model.readStyle(s, rect, 'wrap');
    throw new Error(`fake Excel: RangeFormat.${prop} is not modelled`);
  }
  get columnWidth(): number {
    return this.get('columnWidth');
  }
  set columnWidth(w: number) {
    this.context.enqueue({
      location: 'RangeFormat.columnWidth',
      requestBytes: OP_OVERHEAD_BYTES,
      run: () => {
        const { s, rect } = this.range.target('RangeFormat.columnWidth');
        this.context.model.setColumnWidth(s, rect.c0, rect.cols, w, 'RangeFormat.columnWidth');
      },
    });
  }
  get wrapText(): boolean {
    return this.get('wrapText');
  }
  set wrapText(v: boolean) {
    this.context.enqueue({
      location: 'RangeFormat.wrapText',
      requestBytes: OP_OVERHEAD_BYTES,
      run: () => {
        const { s, rect } = this.range.target('RangeFormat.wrapText');
        this.context.model.writeStyle(s, rect, 'wrap', !!v, 'RangeFormat.wrapText');
      },
    });
  }
}

class FakeStyleProxy extends FakeProxy {
  constructor(
    context: FakeRequestContext,
    protected readonly range: FakeRange,
    private readonly label: string,
    private readonly props: Record<string, keyof FakeStyle>,
  ) {
    super(context);
    for (const [api, key] of Object.entries(props)) {
      Object.defineProperty(this, api, {
        get: () => this.get(api),
        set: (v: unknown) => {
          this.context.enqueue({
            location: `${label}.${api}`,
            requestBytes: OP_OVERHEAD_BYTES,
            run: () => {
              const { s, rect } = this.range.target(`${label}.${api}`);
              this.context.model.writeStyle(s, rect, key, normalizeStyle(key, v, `${label}.${api}`), `${label}.${api}`);
            },
          });
        },
        enumerable: true,
        configurable: true,
      });
    }
  }
  protected get entity(): string {
    return this.label;
  }
  protected get scalarProps(): string[] {
    return Object.keys(this.props);
  }
  protected fetch(prop: string): unknown {
    const key = this.props[prop];
    if (!key) throw new Error(`fake Excel: ${this.label}.${prop} is not modelled`);
    const { s, rect } = this.range.target(`${this.label}.${prop}`);
    return this.context.model.readStyle(s, rect, key);
  }
}

class FakeFill extends FakeStyleProxy {
  constructor(context: FakeRequestContext, range: FakeRange) {
    super(context, range, 'RangeFill', { color: 'fill' });
  }
  clear(): void {
    this.context.enqueue({
      location: 'RangeFill.clear',
      requestBytes: OP_OVERHEAD_BYTES,
      run: () => {
        const { s, rect } = this.range.target('RangeFill.clear');
        this.context.model.writeStyle(s, rect, 'fill', undefined, 'RangeFill.clear');
      },
    });
  }
}

function normalizeStyle(key: keyof FakeStyle, v: unknown, where: string): unknown {
  if (key === 'color' || key === 'fill') {
    if (typeof v !== 'string' || !/^#[0-9A-Fa-f]{6}$/.test(v)) throw officeError('InvalidArgument', where, `Bad colour ${String(v)}.`);
    return v.toUpperCase();
  }
  if (key === 'size') {
    if (typeof v !== 'number' || v < 1 || v > 409) throw officeError('InvalidArgument', where);
    return v;
  }
  if (typeof v !== 'boolean') throw officeError('InvalidArgument', where);
  return v;
}

class FakeNamedItemCollection extends FakeProxy {
  private itemsList: FakeNamedItem[] | undefined;

  protected get entity(): string {
    return 'NamedItemCollection';
  }
  protected get scalarProps(): string[] {
    return [];
  }
  protected fetch(): unknown {
    return undefined;
  }
  get items(): FakeNamedItem[] {
    if (!this.itemsList) throw notLoaded(this.entity, 'items');
    return this.itemsList;
  }

  override load(props?: unknown): this {
    const list = parseProps(props).map((p) => p.replace(/^items\//, ''));
    this.context.enqueue({
      location: 'NamedItemCollection.load',
      requestBytes: OP_OVERHEAD_BYTES,
      run: () => {
        const items = this.context.model.names.map((n) => {
          const item = new FakeNamedItem(this.context, () => n, false);
          item.fill(list.length ? list : ['name', 'formula', 'visible', 'comment', 'type']);
          return item;
        });
        return {
          responseBytes: jsonBytes(items.map((i) => i.toJSON())),
          commit: () => {
            this.itemsList = items;
          },
        };
      },
    });
    return this;
  }

  getItem(name: string): FakeNamedItem {
    const model = this.context.model;
    return new FakeNamedItem(this.context, () => model.findName(name), false, name);
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    const model = this.context.model;
    const item = new FakeNamedItem(this.context, () => model.findName(name), true, name);
    item.bindNow();
    return item;
  }

  add(name: string, reference: unknown, comment?: string): FakeNamedItem {
    let created: NameModel | undefined;
    const item = new FakeNamedItem(this.context, () => created, false, name);
    this.context.enqueue({
      location: 'NamedItemCollection.add',
      requestBytes: OP_OVERHEAD_BYTES + jsonBytes([name, reference, comment ?? '']),
      run: () => {
        created = this.context.model.addNameOp(name, reference, comment, 'NamedItemCollection.add');
      },
    });
    return item;
  }
}

class FakeNamedItem extends FakeProxy {
  private bound: NameModel | undefined;
  private boundOnce = false;

  constructor(
    context: FakeRequestContext,
    private readonly resolver: () => NameModel | undefined,
    private readonly orNull: boolean,
    private readonly label = '',
  ) {
    super(context);
  }
  protected get entity(): string {
    return 'NamedItem';
  }
  protected get scalarProps(): string[] {
    return ['name', 'formula', 'visible', 'comment', 'type'];
  }

  bindNow(): void {
    this.context.enqueue({ location: `NamedItem(${this.label})`, requestBytes: OP_OVERHEAD_BYTES, run: () => void this.resolve(true) });
    this.context.willResolve(this);
  }

  fill(props: string[]): void {
    const n = this.resolve();
    for (const p of props) this.loaded.set(p, this.fetchFrom(n, p));
  }

  private resolve(soft = false): NameModel {
    if (!this.boundOnce) {
      this.bound = this.resolver();
      this.boundOnce = true;
    }
    const n = this.bound;
    if (!n || !this.context.model.names.includes(n)) {
      if (soft && this.orNull) return undefined as unknown as NameModel;
      throw officeError('ItemNotFound', `NamedItem(${this.label})`);
    }
    return n;
  }

  protected override isMissing(): boolean {
    if (!this.orNull) return false;
    if (!this.boundOnce) {
      this.bound = this.resolver();
      this.boundOnce = true;
    }
    return !this.bound || !this.context.model.names.includes(this.bound);
  }

  protected fetch(prop: string): unknown {
    return this.fetchFrom(this.resolve(), prop);
  }

  private fetchFrom(n: NameModel, prop: string): unknown {
    switch (prop) {
      case 'name':
        return n.name;
      case 'formula':
        return n.formula;
      case 'visible':
        return n.visible;
      case 'comment':
        return n.comment;
      case 'type':
        return /#REF!/.test(n.formula) ? 'Error' : sheetRefsIn(n.formula).length ? 'Range' : 'Formula';
      case 'value':
        return n.formula.slice(1);
      default:
        throw new Error(`fake Excel: NamedItem.${prop} is not modelled`);
    }
  }

  get name(): string {
    return this.get('name');
  }
  get formula(): string {
    return this.get('formula');
  }
  set formula(v: string) {
    this.context.enqueue({
      location: 'NamedItem.formula',
      requestBytes: OP_OVERHEAD_BYTES + jsonBytes(v),
      run: () => {
        const f = v.startsWith('=') ? v : `=${v}`;
        for (const s of sheetRefsIn(f)) if (!this.context.model.findSheet(s)) throw officeError('InvalidArgument', 'NamedItem.formula');
        const misread = misreadSheetRefs(f)[0];
        if (misread !== undefined) throw officeError('InvalidArgument', 'NamedItem.formula', `The sheet name "${misread}" must be quoted`);
        this.context.model.nameSetProp(this.resolve(), 'formula', f, 'NamedItem.formula');
      },
    });
  }
  get visible(): boolean {
    return this.get('visible');
  }
  set visible(v: boolean) {
    this.context.enqueue({ location: 'NamedItem.visible', requestBytes: OP_OVERHEAD_BYTES, run: () => this.context.model.nameSetProp(this.resolve(), 'visible', !!v, 'NamedItem.visible') });
  }
  get comment(): string {
    return this.get('comment');
  }
  set comment(v: string) {
    this.context.enqueue({ location: 'NamedItem.comment', requestBytes: OP_OVERHEAD_BYTES + jsonBytes(v), run: () => this.context.model.nameSetProp(this.resolve(), 'comment', String(v), 'NamedItem.comment') });
  }
  get type(): string {
    return this.get('type');
  }
  delete(): void {
    this.context.enqueue({ location: 'NamedItem.delete', requestBytes: OP_OVERHEAD_BYTES, run: () => this.context.model.deleteName(this.resolve(), 'NamedItem.delete') });
  }
}

// ---------------------------------------------------------------------------------------------
// Excel.run and installation

export type FakeBatch<T> = (context: Excel.RequestContext) => Promise<T>;

/** `Excel.run` over the fake: `run(batch)` or `run(context, batch)` (reuse a context, e.g. to remove an event handler). */
export function fakeRun(wb: FakeWorkbook): {
  <T>(batch: FakeBatch<T>): Promise<T>;
  <T>(context: unknown, batch: FakeBatch<T>): Promise<T>;
} {
  return (async <T>(a: unknown, b?: FakeBatch<T>): Promise<T> => {
    const batch = (typeof a === 'function' ? a : b) as FakeBatch<T> | undefined;
    if (typeof batch !== 'function') throw new Error('fake Excel.run: no batch function');
    const context = a instanceof FakeRequestContext ? a : new FakeRequestContext(wb);
    const result = await batch(context as unknown as Excel.RequestContext);
    // Excel.run sends what is still queued when the batch returns.
    if (context.pending) await context.sync();
    return result;
  }) as ReturnType<typeof fakeRun>;
}

export const FAKE_ERROR_CODES = {
  accessDenied: 'AccessDenied',
  generalException: 'GeneralException',
  invalidArgument: 'InvalidArgument',
  itemAlreadyExists: 'ItemAlreadyExists',
  itemNotFound: 'ItemNotFound',
  rangeExceedsLimit: 'RangeExceedsLimit',
  requestPayloadSizeLimitExceeded: 'RequestPayloadSizeLimitExceeded',
  responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
  propertyNotLoaded: 'PropertyNotLoaded',
};

/**
 * Puts the fake in place as the globals `Excel` and `OfficeExtension` (on `globalThis` under
 * jest, on `window` in a browser test). Returns a function that puts back what was there.
 */
export function installFakeExcel(globalObj: Record<string, any>, wb: FakeWorkbook): () => void {
  const before = { Excel: globalObj.Excel, OfficeExtension: globalObj.OfficeExtension };
  globalObj.Excel = { run: fakeRun(wb), ErrorCodes: FAKE_ERROR_CODES, RequestContext: FakeRequestContext };
  globalObj.OfficeExtension = { Error: FakeOfficeError, ErrorCodes: FAKE_ERROR_CODES };
  return () => {
    if (before.Excel === undefined) delete globalObj.Excel;
    else globalObj.Excel = before.Excel;
    if (before.OfficeExtension === undefined) delete globalObj.OfficeExtension;
    else globalObj.OfficeExtension = before.OfficeExtension;
  };
}
