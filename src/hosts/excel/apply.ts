/**
 * One WorkbookWrite applied all or nothing through Office.js.
 *
 *  1. prepare   (1 sync)  sheets and names as they are; the write is checked against them
 *                         (missing or clashing sheets and names, bad cells, protection) before
 *                         anything changes.
 *  2. snapshot  (≥1 sync) for the tag columns on user sheets: what their cells hold now
 *                         (formulas and number formats of the used part, fonts of the cells we
 *                         style, column widths), to put back on failure. Read-only.
 *  3. write     (packed)  new sheets under temporary names ("~abc-tmp-1", …): number formats
 *                         ("@" on text) and values in row blocks sized by payload, fonts, widths,
 *                         frozen panes, tab colours; then the tag columns the same way;
 *                         then the swap: earlier generated sheets renamed away ("~abc-old-1"),
 *                         temporaries renamed to their final names, our old names removed and
 *                         the new ones added; then the formulas (after the swap, so a reference
 *                         to a sheet by name finds the new sheet); last, the earlier generated
 *                         sheets are deleted. Operations are packed into as few requests as
 *                         the budget allows, each one with recalculation suspended.
 *
 * Every step is written down before it is queued. If any sync fails, rollback() looks at what
 * is really there (sheets by id, names by name; a batch may have been applied in part) and
 * puts the workbook back: our names deleted and the removed ones re-added, new sheets deleted,
 * earlier sheets renamed back, tag-column cells, formats, fonts and widths restored.
 * Deleting the earlier sheets is the last operation, so nothing that cannot be undone happens
 * before everything else has succeeded.
 */
import type { CellValue } from '../../engine/types';
import type { ExcelStep, WriteProblem } from '../../i18n/excel';
import type { ColumnBlock, DefinedNameSpec, SheetSpec, WorkbookWrite } from '../../spec/write';
import { definedNameProblem, sheetNameProblem } from '../../spec/names';
import { Batcher } from './batch';
import { ExcelHostError } from './errors';
import { Grid, type Pass } from './grid';
import type { Limits } from './payload';
import { jsonGridBytes, jsonStringBytes } from './payload';
import { isOfficeError, unwrapError } from './platform';
import { readRows, type Rect } from './reads';
import { LOOKS, charsToPoints } from './styles';

export const TEMP_PREFIX = '~abc-tmp-';
export const OLD_PREFIX = '~abc-old-';

interface SheetRow {
  name: string;
  id: string;
}

interface NameRow {
  name: string;
  formula: string;
  visible: boolean;
  comment: string;
}

interface AddedSheet {
  spec: SheetSpec;
  temp: string;
  grid: Grid;
  proxy?: Excel.Worksheet;
  id?: string;
}

interface OldSheet {
  name: string;
  id: string;
  temp: string;
  queued: boolean;
}

interface CellLook {
  row: number;
  column: number;
  bold: boolean;
  italic: boolean;
  size: number;
  color: string;
  fill: string;
  wrap: boolean;
}

interface ColumnSnapshot {
  area: Rect;
  /** The part of the area holding anything (values, formulas or formats); undefined: all empty. */
  used?: Rect;
  formulas: CellValue[][];
  numberFormat: CellValue[][];
  widths: number[];
  looks: CellLook[];
}

interface ColumnTarget {
  block: ColumnBlock;
  sheet: SheetRow;
  grid: Grid;
  snapshot?: ColumnSnapshot;
  written: boolean;
}

interface Label {
  step: ExcelStep;
  sheet?: string;
}

export interface ApplyReport {
  syncs: number;
}

const problem = (step: ExcelStep, key: WriteProblem, params: Record<string, string>, sheet?: string): ExcelHostError =>
  new ExcelHostError(`${key}: ${JSON.stringify(params)}`, { step, sheet, problem: { key, params }, changed: false });

export class ApplyTransaction {
  private step: ExcelStep = 'prepare';
  private added: AddedSheet[] = [];
  private old: OldSheet[] = [];
  private columns: ColumnTarget[] = [];
  private removedNames: NameRow[] = [];
  private namesQueued = false;
  private deleting = false;
  private batch: Batcher | undefined;
  private labels: Label[] = [];
  private total = 1;
  syncs = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly write: WorkbookWrite,
    private readonly limits: Limits,
    private readonly onProgress?: (done: number, total: number) => void,
  ) {}

  /** True once anything may have changed in the workbook. */
  get started(): boolean {
    return this.batch !== undefined;
  }

  async run(): Promise<void> {
    await this.prepare();
    await this.snapshot();
    await this.writeAll();
  }

  private async sync(): Promise<void> {
    this.syncs++;
    await this.context.sync();
  }

  // -------------------------------------------------------------------------------------------
  // 1. prepare

  private async prepare(): Promise<void> {
    this.step = 'prepare';
    const wb = this.context.workbook;
    const sheets = wb.worksheets;
    sheets.load('items/name,items/id');
    const names = wb.names;
    names.load('items/name,items/formula,items/visible,items/comment');
    const structure = this.write.addSheets.length || this.write.removeSheets.length ? wb.protection : undefined;
    structure?.load('protected');
    await this.sync();

    if (structure?.protected) throw problem('prepare', 'workbook-protected', {});

    const existing: SheetRow[] = sheets.items.map((s) => ({ name: s.name, id: s.id }));
    const byName = new Map(existing.map((s) => [s.name.toLowerCase(), s]));
    const removing = new Map<string, SheetRow>();
    for (const n of this.write.removeSheets) {
      const s = byName.get(n.toLowerCase());
      if (s) removing.set(n.toLowerCase(), s);
    }

    const taken = new Set(existing.map((s) => s.name.toLowerCase()));
    let k = 1;
    const freeName = (prefix: string): string => {
      while (taken.has(`${prefix}${k}`)) k++;
      const name = `${prefix}${k}`;
      taken.add(name);
      return name;
    };

    const adding = new Set<string>();
    for (const spec of this.write.addSheets) {
      const lower = spec.name.toLowerCase();
      const sheetRule = sheetNameProblem(spec.name);
      if (sheetRule) throw problem('prepare', 'bad-sheet-name', { sheet: spec.name, rule: sheetRule });
      if (adding.has(lower)) throw problem('prepare', 'duplicate-sheet', { sheet: spec.name });
      adding.add(lower);
      if (byName.has(lower) && !removing.has(lower)) throw problem('prepare', 'sheet-exists', { sheet: spec.name });
    }

    for (const block of this.write.columns) {
      const s = byName.get(block.sheet.toLowerCase());
      if (!s || removing.has(block.sheet.toLowerCase())) throw problem('prepare', 'sheet-not-found', { sheet: block.sheet });
      const width = block.cells.reduce((w, r) => Math.max(w, r.length), 0);
      this.columns.push({ block, sheet: s, grid: new Grid(s.name, block.firstRow - 1, block.firstColumn - 1, block.cells, true, width), written: false });
    }

    const nameRows: NameRow[] = names.items.map((n) => ({ name: n.name, formula: String(n.formula), visible: n.visible, comment: n.comment ?? '' }));
    const namesByLower = new Map(nameRows.map((n) => [n.name.toLowerCase(), n]));
    const removingNames = new Set<string>();
    for (const n of this.write.removeNames) {
      const row = namesByLower.get(n.toLowerCase());
      if (row && !removingNames.has(n.toLowerCase())) {
        removingNames.add(n.toLowerCase());
        this.removedNames.push(row);
      }
    }
    const addingNames = new Set<string>();
    for (const n of this.write.addNames) {
      const lower = n.name.toLowerCase();
      const nameRule = definedNameProblem(n.name, n.ref);
      if (nameRule) throw problem('prepare', 'bad-name', { name: n.name, rule: nameRule });
      if (addingNames.has(lower) || (namesByLower.has(lower) && !removingNames.has(lower))) throw problem('prepare', 'name-exists', { name: n.name });
      addingNames.add(lower);
    }

    // Cells are checked (and their payloads measured) before anything changes.
    for (const spec of this.write.addSheets) this.added.push({ spec, temp: freeName(TEMP_PREFIX), grid: new Grid(spec.name, 0, 0, spec.rows, false) });
    for (const s of removing.values()) this.old.push({ name: s.name, id: s.id, temp: freeName(OLD_PREFIX), queued: false });

    this.total = 1;
    for (const g of [...this.added.map((a) => a.grid), ...this.columns.map((c) => c.grid)]) {
      for (let i = 0; i < g.height; i++) this.total += g.rowBytes('values', i) + (g.formulaCount ? g.rowBytes('formulas', i) : 0);
    }
  }

  // -------------------------------------------------------------------------------------------
  // 2. snapshot of the tag-column cells

  private async snapshot(): Promise<void> {
    if (!this.columns.length) return;
    this.step = 'snapshot';
    const wss = this.context.workbook.worksheets;
    interface Probe {
      target: ColumnTarget;
      area: Rect;
      protection: Excel.WorksheetProtection;
      used: Excel.Range;
      widths: Excel.RangeFormat[];
      looks: { row: number; column: number; format: Excel.RangeFormat }[];
    }
    const probes: Probe[] = [];
    const protections = new Map<string, Excel.WorksheetProtection>();
    for (const target of this.columns) {
      const g = target.grid;
      if (!g.height || !g.width) continue;
      const ws = wss.getItem(target.sheet.id);
      let protection = protections.get(target.sheet.id);
      if (!protection) {
        protection = ws.protection;
        protection.load('protected');
        protections.set(target.sheet.id, protection);
      }
      const area: Rect = { row: g.row0, column: g.column0, rows: g.height, columns: g.width };
      const used = ws.getRangeByIndexes(area.row, area.column, area.rows, area.columns).getUsedRangeOrNullObject(false);
      used.load('rowIndex,columnIndex,rowCount,columnCount');
      const widths: Excel.RangeFormat[] = [];
      for (let j = 0; j < area.columns; j++) {
        const f = ws.getRangeByIndexes(area.row, area.column + j, 1, 1).format;
        f.load('columnWidth');
        widths.push(f);
      }
      const looks: Probe['looks'] = [];
      for (const run of g.lookRuns()) {
        for (let i = 0; i < run.rows; i++) {
          for (let j = 0; j < run.columns; j++) {
            const row = g.row0 + run.row + i;
            const column = g.column0 + run.column + j;
            const format = ws.getRangeByIndexes(row, column, 1, 1).format;
            format.load('wrapText');
            format.font.load('bold,italic,size,color');
            format.fill.load('color');
            looks.push({ row, column, format });
          }
        }
      }
      probes.push({ target, area, protection, used, widths, looks });
    }
    await this.sync();

    for (const p of probes) {
      if (p.protection.protected) throw problem('snapshot', 'sheet-protected', { sheet: p.target.sheet.name }, p.target.sheet.name);
    }
    for (const p of probes) {
      const snap: ColumnSnapshot = {
        area: p.area,
        formulas: [],
        numberFormat: [],
        widths: p.widths.map((f) => f.columnWidth),
        looks: p.looks.map(({ row, column, format }) => ({
          row,
          column,
          bold: format.font.bold,
          italic: format.font.italic,
          size: format.font.size,
          color: format.font.color,
          fill: format.fill.color,
          wrap: format.wrapText,
        })),
      };
      if (!p.used.isNullObject) {
        snap.used = { row: p.used.rowIndex, column: p.used.columnIndex, rows: p.used.rowCount, columns: p.used.columnCount };
        const used = snap.used;
        // eslint-disable-next-line no-restricted-syntax -- at most 50 rows are sampled
        const guess = Math.max(64, ...Array.from({ length: Math.min(50, p.target.grid.height) }, (_, i) => p.target.grid.rowBytes('formulas', i))) * 1.5 + used.columns * 12;
        this.syncs += await readRows(
          this.context,
          wss.getItem(p.target.sheet.id),
          used,
          ['formulas', 'numberFormat'],
          this.limits,
          (_offset, data) => {
            for (const r of data.formulas) snap.formulas.push(r);
            for (const r of data.numberFormat) snap.numberFormat.push(r);
          },
          { guessBytesPerRow: guess },
        );
      }
      p.target.snapshot = snap;
    }
  }

  // -------------------------------------------------------------------------------------------
  // 3. writes

  private label(step: ExcelStep, sheet?: string): void {
    this.step = step;
    const last = this.labels[this.labels.length - 1];
    if (!last || last.step !== step || last.sheet !== sheet) this.labels.push(sheet === undefined ? { step } : { step, sheet });
  }

  /** Queues operations, syncing first when they would not fit. */
  private async queue(ops: number, dataBytes: number, fn: () => void, after?: () => void): Promise<void> {
    const batch = this.batch!;
    await batch.fit(dataBytes + ops * batch.opBytes);
    if (batch.empty) this.labels = this.labels.slice(-1);
    batch.add(ops, dataBytes, fn, after);
  }

  private sheetOf(a: AddedSheet): Excel.Worksheet {
    return a.id ? this.context.workbook.worksheets.getItem(a.id) : a.proxy!;
  }

  private async writeAll(): Promise<void> {
    const batch = new Batcher(this.context, this.limits, {
      suspendCalculation: true,
      onSync: (sent) => {
        this.syncs++;
        this.onProgress?.(Math.min(sent, this.total - 1), this.total);
      },
    });
    this.batch = batch;
    const wss = this.context.workbook.worksheets;

    // a. new sheets under temporary names
    this.label('add-sheets');
    for (const a of this.added) {
      await this.queue(2, jsonStringBytes(a.temp), () => {
        a.proxy = wss.add(a.temp);
        a.proxy.load('id');
      }, () => {
        a.id = a.proxy!.id;
      });
    }

    // b. their contents, values before formulas
    for (const a of this.added) {
      this.label('write-sheet', a.spec.name);
      await this.writePass(a.grid, () => this.sheetOf(a), 'values');
      await this.writeLooks(a.grid, () => this.sheetOf(a));
      await this.writeSheetProps(a);
    }

    // c. tag columns on the user's sheets
    for (const t of this.columns) {
      this.label('write-columns', t.sheet.name);
      t.written = true;
      const ws = () => wss.getItem(t.sheet.id);
      await this.writePass(t.grid, ws, 'values');
      await this.writeLooks(t.grid, ws);
      const widths = t.block.columnWidths ?? [];
      for (let j = 0; j < widths.length; j++) {
        const w = widths[j];
        if (!(w > 0)) continue;
        await this.queue(1, 0, () => {
          ws().getRangeByIndexes(t.grid.row0, t.grid.column0 + j, 1, 1).format.columnWidth = charsToPoints(w);
        });
      }
    }

    // d. the swap: ids of the new sheets must be known first (rollback finds them by id)
    if (this.added.some((a) => !a.id)) await batch.flush();
    this.label('swap-sheets');
    for (const o of this.old) {
      o.queued = true;
      await this.queue(1, jsonStringBytes(o.temp), () => {
        wss.getItem(o.id).name = o.temp;
      });
    }
    for (const a of this.added) {
      await this.queue(1, jsonStringBytes(a.spec.name), () => {
        wss.getItem(a.id!).name = a.spec.name;
      });
    }

    // e. defined names: ours from the earlier run out, the new ones in
    this.label('names');
    this.namesQueued = true;
    const names = this.context.workbook.names;
    for (const n of this.removedNames) {
      await this.queue(1, jsonStringBytes(n.name), () => names.getItem(n.name).delete());
    }
    for (const n of this.write.addNames) {
      await this.queue(n.hidden ? 2 : 1, jsonStringBytes(n.name) + jsonStringBytes(n.ref) + jsonStringBytes(n.comment ?? '') + 1, () => addName(names, n));
    }

    // f. formulas
    for (const a of this.added) {
      if (!a.grid.formulaCount) continue;
      this.label('formulas', a.spec.name);
      await this.writePass(a.grid, () => this.sheetOf(a), 'formulas');
    }
    for (const t of this.columns) {
      if (!t.grid.formulaCount) continue;
      this.label('formulas', t.sheet.name);
      await this.writePass(t.grid, () => wss.getItem(t.sheet.id), 'formulas');
    }

    // g. the earlier generated sheets go, last: once one is gone, everything before it is done
    this.label('remove-old');
    this.deleting = this.old.length > 0;
    for (const o of this.old) {
      await this.queue(1, 0, () => wss.getItem(o.id).delete());
    }
    await batch.flush();
    this.onProgress?.(this.total, this.total);
  }

  /** One pass over a grid in row blocks, each cut to what still fits in the current request. */
  private async writePass(grid: Grid, sheet: () => Excel.Worksheet, pass: Pass): Promise<void> {
    const rows = { count: grid.height, rowBytes: (i: number) => grid.rowBytes(pass, i), rowEmpty: (i: number) => grid.rowEmpty(pass, i) };
    // The same arithmetic as grid.blockBytes, so a block that fits here fits in queue().
    await this.batch!.packRows(rows, pass === 'values' ? 2 : 1, pass === 'values' ? 4 : 2, async (from, to) => {
      const block = grid.block(pass, from, to);
      const nf = block.numberFormat;
      const nfAt = block.numberFormatAt;
      const data = block.data;
      const dataAt = block.dataAt;
      await this.queue((nf ? 1 : 0) + (data ? 1 : 0), block.bytes, () => {
        const ws = sheet();
        if (nf && nfAt) ws.getRangeByIndexes(nfAt.row, nfAt.column, nf.length, nf[0].length).numberFormat = nf;
        if (data && dataAt) {
          const range = ws.getRangeByIndexes(dataAt.row, dataAt.column, data.length, data[0].length);
          if (pass === 'values') range.values = data;
          else range.formulas = data;
        }
      });
    });
  }

  private async writeLooks(grid: Grid, sheet: () => Excel.Worksheet): Promise<void> {
    for (const run of grid.lookRuns()) {
      const look = LOOKS[run.style];
      const sets = [look.bold, look.italic, look.size, look.color, look.fill, look.wrap].filter((x) => x !== undefined).length;
      await this.queue(sets, 0, () => {
        const f = sheet().getRangeByIndexes(grid.row0 + run.row, grid.column0 + run.column, run.rows, run.columns).format;
        if (look.bold !== undefined) f.font.bold = look.bold;
        if (look.italic !== undefined) f.font.italic = look.italic;
        if (look.size !== undefined) f.font.size = look.size;
        if (look.color !== undefined) f.font.color = look.color;
        if (look.fill !== undefined) f.fill.color = look.fill;
        if (look.wrap !== undefined) f.wrapText = look.wrap;
      });
    }
  }

  private async writeSheetProps(a: AddedSheet): Promise<void> {
    const spec = a.spec;
    const widths = spec.columnWidths ?? [];
    let j = 0;
    while (j < widths.length) {
      const w = widths[j];
      let k = j + 1;
      while (k < widths.length && widths[k] === w) k++;
      if (w > 0) {
        const from = j;
        const count = k - j;
        await this.queue(1, 0, () => {
          this.sheetOf(a).getRangeByIndexes(0, from, 1, count).format.columnWidth = charsToPoints(w);
        });
      }
      j = k;
    }
    const rows = spec.freeze?.rows ?? 0;
    const columns = spec.freeze?.columns ?? 0;
    if (rows > 0 || columns > 0) {
      await this.queue(1, 0, () => {
        const ws = this.sheetOf(a);
        if (rows > 0 && columns > 0) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, rows, columns));
        else if (rows > 0) ws.freezePanes.freezeRows(rows);
        else ws.freezePanes.freezeColumns(columns);
      });
    }
    if (spec.tabColor && /^#?[0-9A-Fa-f]{6}$/.test(spec.tabColor)) {
      const color = spec.tabColor.startsWith('#') ? spec.tabColor : `#${spec.tabColor}`;
      await this.queue(1, 0, () => {
        this.sheetOf(a).tabColor = color;
      });
    }
  }

  // -------------------------------------------------------------------------------------------
  // failure

  /** The step (and sheet) to blame for an error raised by a sync. */
  blame(error: unknown): Label {
    const inner = unwrapError(error);
    const where = isOfficeError(inner) ? String((inner.debugInfo as { errorLocation?: string } | undefined)?.errorLocation ?? '') : '';
    const inBatch = this.labels.length ? this.labels : [{ step: this.step }];
    const pick = (steps: ExcelStep[]): Label | undefined => inBatch.find((l) => steps.includes(l.step));
    let label: Label | undefined;
    if (/^WorksheetCollection\.add/.test(where)) label = pick(['add-sheets']);
    else if (/^Worksheet\.name/.test(where)) label = pick(['swap-sheets']);
    else if (/^NamedItem/.test(where)) label = pick(['names']);
    else if (/^Worksheet\.delete/.test(where)) label = pick(['remove-old']);
    else if (/^Range\.formulas/.test(where)) label = pick(['formulas']);
    else if (/^(Range|RangeFormat|RangeFont|RangeFill|Worksheet)\b/.test(where)) label = pick(['write-sheet', 'write-columns']);
    return label ?? (this.batch ? inBatch[0] : { step: this.step });
  }

  /** What a rollback needs, detached from this context. */
  journal(): RollbackJournal {
    return {
      added: this.added.map((a) => ({ temp: a.temp, final: a.spec.name, id: a.id })),
      old: this.old.filter((o) => o.queued).map((o) => ({ id: o.id, name: o.name, temp: o.temp })),
      deleting: this.deleting,
      names: this.namesQueued ? { removed: this.removedNames, added: this.write.addNames.map((n) => n.name) } : undefined,
      columns: this.columns.filter((c) => c.written && c.snapshot).map((c) => ({ sheetId: c.sheet.id, sheet: c.sheet.name, snapshot: c.snapshot! })),
    };
  }
}

function addName(names: Excel.NamedItemCollection, n: DefinedNameSpec): void {
  const formula = n.ref.startsWith('=') ? n.ref : `=${n.ref}`;
  // The comment is part of how a later plan proves the name ours (render/ownership.ts).
  const item = n.comment ? names.add(n.name, formula, n.comment) : names.add(n.name, formula);
  if (n.hidden) item.visible = false;
}

export interface RollbackJournal {
  added: { temp: string; final: string; id?: string }[];
  old: { id: string; name: string; temp: string }[];
  /** The deletion of the earlier sheets was queued (the last step). */
  deleting: boolean;
  names?: { removed: NameRow[]; added: string[] };
  columns: { sheetId: string; sheet: string; snapshot: ColumnSnapshot }[];
}

export interface Recovery {
  syncs: number;
  /**
   * True when the failure hit the last step after some earlier sheets were already deleted
   * (Excel may apply part of a failed batch): everything else was done, so the write was
   * completed by deleting the rest instead of being undone.
   */
  forward: boolean;
}

/**
 * Puts the workbook back after a failed write, from what is really there now (or finishes the
 * last step, see Recovery.forward). Throws if Excel refuses.
 */
export async function rollback(context: Excel.RequestContext, journal: RollbackJournal, limits: Limits): Promise<Recovery> {
  const wb = context.workbook;
  // What exists now.
  const added = journal.added.map((a) => {
    const ws = wb.worksheets.getItemOrNullObject(a.id ?? a.temp);
    return { a, ws };
  });
  const old = journal.old.map((o) => {
    const ws = wb.worksheets.getItemOrNullObject(o.id);
    ws.load('name');
    return { o, ws };
  });
  const nameList = journal.names ? [...new Set([...journal.names.added, ...journal.names.removed.map((n) => n.name)].map((n) => n.toLowerCase()))] : [];
  const names = nameList.map((n) => ({ n, item: wb.names.getItemOrNullObject(n) }));
  let syncs = 1;
  await context.sync();

  if (journal.deleting && old.some(({ ws }) => ws.isNullObject)) {
    for (const { ws } of old) if (!ws.isNullObject) ws.delete();
    await context.sync();
    return { syncs: syncs + 1, forward: true };
  }

  const batch = new Batcher(context, limits, { suspendCalculation: true, onSync: () => syncs++ });
  const queue = async (ops: number, bytes: number, fn: () => void): Promise<void> => {
    await batch.fit(bytes + ops * limits.opBytes);
    batch.add(ops, bytes, fn);
  };

  for (const { item } of names) if (!item.isNullObject) await queue(1, 0, () => item.delete());
  for (const { ws } of added) if (!ws.isNullObject) await queue(1, 0, () => ws.delete());
  for (const { o, ws } of old) {
    if (!ws.isNullObject && ws.name !== o.name) await queue(1, jsonStringBytes(o.name), () => (ws.name = o.name));
  }
  for (const n of journal.names?.removed ?? []) {
    await queue(n.visible ? 1 : 2, jsonStringBytes(n.name) + jsonStringBytes(n.formula), () => {
      const item = n.comment ? wb.names.add(n.name, n.formula, n.comment) : wb.names.add(n.name, n.formula);
      if (!n.visible) item.visible = false;
    });
  }

  for (const c of journal.columns) {
    const ws = () => wb.worksheets.getItem(c.sheetId);
    const s = c.snapshot;
    // Cells outside the used part were empty and unformatted: clear them.
    for (const r of rectMinus(s.area, s.used)) {
      await queue(1, 0, () => ws().getRangeByIndexes(r.row, r.column, r.rows, r.columns).clear('All'));
    }
    if (s.used) {
      // Number formats before formulas: a text cell ("@") must be text again before its text is written.
      for (const what of ['numberFormat', 'formulas'] as const) {
        const grid = s[what];
        const used = s.used;
        await batch.packRows({ count: grid.length, rowBytes: (i) => jsonGridBytes([grid[i]]) }, 2, 2, async (from, to, bytes) => {
          const rows = grid.slice(from, to);
          await queue(1, bytes, () => {
            const range = ws().getRangeByIndexes(used.row + from, used.column, rows.length, used.columns);
            if (what === 'numberFormat') range.numberFormat = rows;
            else range.formulas = rows;
          });
        });
      }
    }
    for (const l of s.looks) {
      await queue(6, 0, () => {
        const f = ws().getRangeByIndexes(l.row, l.column, 1, 1).format;
        f.font.bold = l.bold;
        f.font.italic = l.italic;
        f.font.size = l.size;
        f.font.color = l.color;
        f.wrapText = l.wrap;
        // Excel reports "no fill" as white; a white fill would hide the gridlines.
        if (!l.fill || l.fill.toUpperCase() === '#FFFFFF') f.fill.clear();
        else f.fill.color = l.fill;
      });
    }
    for (let j = 0; j < s.widths.length; j++) {
      const w = s.widths[j];
      await queue(1, 0, () => {
        ws().getRangeByIndexes(s.area.row, s.area.column + j, 1, 1).format.columnWidth = w;
      });
    }
  }
  await batch.flush();
  return { syncs, forward: false };
}

/** The parts of `area` outside `inner` (up to four rectangles). */
export function rectMinus(area: Rect, inner: Rect | undefined): Rect[] {
  if (!inner) return [area];
  const out: Rect[] = [];
  const top = inner.row - area.row;
  const bottom = area.row + area.rows - (inner.row + inner.rows);
  const left = inner.column - area.column;
  const right = area.column + area.columns - (inner.column + inner.columns);
  if (top > 0) out.push({ row: area.row, column: area.column, rows: top, columns: area.columns });
  if (bottom > 0) out.push({ row: inner.row + inner.rows, column: area.column, rows: bottom, columns: area.columns });
  if (left > 0) out.push({ row: inner.row, column: area.column, rows: inner.rows, columns: left });
  if (right > 0) out.push({ row: inner.row, column: inner.column + inner.columns, rows: inner.rows, columns: right });
  return out;
}
