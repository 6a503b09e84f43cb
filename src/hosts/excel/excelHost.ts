/**
 * The Excel host: WorkbookHost over Office.js (Excel.run), for the task pane inside Excel.
 *
 * Needs ExcelApi 1.7 (declared in manifest.xml): getRangeByIndexes, freezePanes, tabColor,
 * NamedItem.formula, WorkbookProtection and worksheet.onChanged are 1.7; the rest is older
 * (getUsedRangeOrNullObject and names.add 1.4, suspendApiCalculationUntilNextSync 1.6,
 * columnWidth 1.2, WorksheetProtection 1.2).
 *
 * `run` is injected (Excel.run by default) so tests pass the strict fake of test/support.
 */
import type { CellValue, SheetData } from '../../engine/types';
import type { ExcelStep } from '../../i18n/excel';
import type { DefinedNameSpec, WorkbookWrite } from '../../spec/write';
import type { ProgressFn, SheetArea, SheetInfo, SheetRead, WorkbookHost } from '../host';
import { ApplyTransaction, OLD_PREFIX, TEMP_PREFIX, rollback } from './apply';
import { ExcelHostError, type ExcelHostErrorInit } from './errors';
import { DEFAULT_LIMITS, type Limits } from './payload';
import { isOfficeError, unwrapError } from './platform';
import { readRows } from './reads';

export type ExcelBatch<T> = (context: Excel.RequestContext) => Promise<T>;

/** Excel.run, or anything that behaves like it (the fake in tests). */
export interface ExcelRun {
  <T>(batch: ExcelBatch<T>): Promise<T>;
  <T>(context: OfficeExtension.ClientRequestContext, batch: ExcelBatch<T>): Promise<T>;
}

/** The lowest ExcelApi requirement set this host needs. */
export const REQUIRED_EXCEL_API = '1.7';

export interface ExcelHostOptions {
  /** Request budgets (tests lower them to force many blocks on small data). */
  limits?: Partial<Limits>;
}

/** A change on a watched sheet. */
export interface SheetChange {
  sheet: string;
  /** The changed range on that sheet, e.g. "B3:C4". */
  address: string;
  /** "remote": a coauthor; "local": this Excel (including our own writes). */
  source: 'local' | 'remote';
  changeType: string;
}

/** What the last apply() cost, for benchmarks and tests. */
export interface ApplyStats {
  syncs: number;
  rollbackSyncs: number;
  /** The last step failed half-way and was finished rather than undone (see apply.ts). */
  rolledForward?: boolean;
}

const defaultRun: ExcelRun = ((a: unknown, b?: unknown) => {
  const excel = (globalThis as { Excel?: { run: (...args: unknown[]) => Promise<unknown> } }).Excel;
  if (!excel) return Promise.reject(new ReferenceError('Excel is not defined: not running inside Excel'));
  return b === undefined ? excel.run(a) : excel.run(a, b);
}) as ExcelRun;

function wrap(error: unknown, init: ExcelHostErrorInit): ExcelHostError {
  if (error instanceof ExcelHostError) return error;
  const inner = unwrapError(error);
  const what = isOfficeError(inner) ? `${inner.code}: ${inner.message}` : inner instanceof Error ? inner.message : String(inner);
  return new ExcelHostError(`${init.step}${init.sheet ? ` "${init.sheet}"` : ''}: ${what}`, { ...init, cause: error });
}

export class ExcelHost implements WorkbookHost {
  private readonly run: ExcelRun;
  readonly limits: Limits;
  lastApply: ApplyStats | undefined;

  constructor(run?: ExcelRun, options: ExcelHostOptions = {}) {
    this.run = run ?? defaultRun;
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
  }

  private async call<T>(step: ExcelStep, sheet: string | undefined, batch: ExcelBatch<T>): Promise<T> {
    try {
      return await this.run(batch);
    } catch (e) {
      throw wrap(e, { step, sheet, changed: false });
    }
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.call('list', undefined, async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name,items/visibility');
      await context.sync();
      return sheets.items.map((s) => ({ name: s.name, visible: s.visibility === 'Visible' }));
    });
  }

  /** The active sheet's name (the Data step's default customer sheet). */
  async activeSheetName(): Promise<string> {
    return this.call('list', undefined, async (context) => {
      const ws = context.workbook.worksheets.getActiveWorksheet();
      ws.load('name');
      await context.sync();
      return ws.name;
    });
  }

  async listNames(): Promise<DefinedNameSpec[]> {
    return this.call('list', undefined, async (context) => {
      const names = context.workbook.names;
      names.load('items/name,items/formula,items/visible,items/comment');
      await context.sync();
      return names.items.map((n) => {
        const spec: DefinedNameSpec = { name: n.name, ref: String(n.formula).replace(/^=/, '') };
        if (!n.visible) spec.hidden = true;
        if (n.comment) spec.comment = n.comment;
        return spec;
      });
    });
  }

  /** The areas' values in one sync (they are a few cells each: the cells our markers point at). */
  async readAreas(areas: readonly SheetArea[]): Promise<SheetData[]> {
    if (areas.length === 0) return [];
    return this.call('read', areas[0]!.sheet, async (context) => {
      const ranges = areas.map((a) => {
        const range = context.workbook.worksheets
          .getItem(a.sheet)
          .getRangeByIndexes(a.firstRow - 1, a.firstColumn - 1, a.lastRow - a.firstRow + 1, a.lastColumn - a.firstColumn + 1);
        range.load('values');
        return range;
      });
      await context.sync();
      return areas.map((a, i) => ({ name: a.sheet, values: ranges[i]!.values as CellValue[][], firstRow: a.firstRow, firstColumn: a.firstColumn }));
    });
  }

  /**
   * The sheet's used range (values only) in row blocks: the first sync loads only its address
   * and size; each block then stays under the read budget and Excel's cell cap.
   */
  async readSheet(name: string, onProgress?: ProgressFn): Promise<SheetRead> {
    return this.call('read', name, async (context) => {
      const ws = context.workbook.worksheets.getItem(name);
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('address,rowIndex,columnIndex,rowCount,columnCount');
      await context.sync();
      if (used.isNullObject) {
        onProgress?.(0, 0);
        return { name, values: [], firstRow: 1, firstColumn: 1 };
      }
      const values: CellValue[][] = new Array(used.rowCount);
      await readRows(
        context,
        ws,
        { row: used.rowIndex, column: used.columnIndex, rows: used.rowCount, columns: used.columnCount },
        ['values'],
        this.limits,
        (offset, data) => {
          const rows = data.values;
          for (let i = 0; i < rows.length; i++) values[offset + i] = rows[i];
        },
        { onProgress },
      );
      return { name, values, firstRow: used.rowIndex + 1, firstColumn: used.columnIndex + 1 };
    });
  }

  /** Applies the whole write or nothing (see apply.ts for the steps). */
  async apply(write: WorkbookWrite, onProgress?: ProgressFn): Promise<void> {
    let tx: ApplyTransaction | undefined;
    this.lastApply = undefined;
    try {
      await this.run(async (context) => {
        tx = new ApplyTransaction(context, write, this.limits, onProgress);
        await tx.run();
      });
      this.lastApply = { syncs: tx!.syncs, rollbackSyncs: 0 };
    } catch (e) {
      if (e instanceof ExcelHostError && e.problem) throw e;
      if (!tx || !tx.started) throw wrap(e, { step: tx ? tx.blame(e).step : 'prepare', changed: false });
      const label = tx.blame(e);
      const journal = tx.journal();
      let rollbackSyncs = 0;
      try {
        const recovery = await this.run((context) => rollback(context, journal, this.limits));
        rollbackSyncs = recovery.syncs;
        if (recovery.forward) {
          // The write had reached its last step; it is now complete.
          this.lastApply = { syncs: tx.syncs, rollbackSyncs, rolledForward: true };
          onProgress?.(1, 1);
          return;
        }
      } catch (rollbackError) {
        this.lastApply = { syncs: tx.syncs, rollbackSyncs };
        throw wrap(e, {
          step: label.step,
          sheet: label.sheet,
          rolledBack: false,
          rollbackError,
          leftovers: [...journal.added.map((a) => a.temp), ...journal.old.map((o) => o.temp)],
        });
      }
      this.lastApply = { syncs: tx.syncs, rollbackSyncs };
      throw wrap(e, { step: label.step, sheet: label.sheet, rolledBack: true });
    }
  }

  /**
   * Calls `handler` when cells on the sheet change (worksheet.onChanged, ExcelApi 1.7), so the
   * pane can read the settings again when a coauthor edits them. Resolves to a function that
   * stops listening. The subscription follows the sheet, not the name: after a write that
   * replaces the sheet, subscribe again.
   */
  async onSheetChanged(sheetName: string, handler: (change: SheetChange) => void): Promise<() => Promise<void>> {
    const registration = await this.call('subscribe', sheetName, async (context) => {
      const ws = context.workbook.worksheets.getItem(sheetName);
      const result = ws.onChanged.add(async (args: Excel.WorksheetChangedEventArgs) => {
        handler({ sheet: sheetName, address: args.address, source: String(args.source) === 'Remote' ? 'remote' : 'local', changeType: String(args.changeType) });
      });
      await context.sync();
      return result;
    });
    let removed = false;
    return async () => {
      if (removed) return;
      removed = true;
      await this.run(registration.context, async (context) => {
        registration.remove();
        await context.sync();
      });
    };
  }

  /** Activates the sheet and selects a cell or range on it ("D7", "B2:C4"). */
  async selectCell(sheet: string, address: string): Promise<void> {
    await this.call('select', sheet, async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
    });
  }

  async activateSheet(name: string): Promise<void> {
    await this.call('select', name, async (context) => {
      context.workbook.worksheets.getItem(name).activate();
      await context.sync();
    });
  }
}

/** True for a sheet name this host uses while writing (left over only if a rollback failed). */
export function isWorkingSheetName(name: string): boolean {
  return name.startsWith(TEMP_PREFIX) || name.startsWith(OLD_PREFIX);
}
