/**
 * What a write holds: the renderer fills these, every host applies them.
 * Pure data, so the same plan can be written by Office.js or into an .xlsx package.
 */
import type { CellValue } from '../engine/types';

/**
 * One cell to write. Text is always written as text: never parsed into a formula or number.
 * `null` is an empty cell; in a ColumnBlock it clears whatever an earlier run left there.
 * Hosts strip characters XML cannot hold (control characters) from text; text longer than
 * Excel's 32,767 characters or a formula longer than 8,192 is refused before anything is written.
 */
export type SpecCell =
  | { kind: 'text'; text: string; style?: CellStyleId }
  | { kind: 'number'; value: number; style?: CellStyleId }
  | { kind: 'bool'; value: boolean; style?: CellStyleId }
  /** A live formula, without the leading "="; `cached` is the value the engine computed for it. */
  | { kind: 'formula'; formula: string; cached?: CellValue; style?: CellStyleId }
  /**
   * A formula filled down: `fill.formula` as written at sheet row `fill.row`, in this cell's
   * row with its relative row references shifted as Excel's fill handle shifts them
   * (spec/fillDown.ts: fillFormulaAt). Many cells share one FillDown object; a run of them
   * down a column is what an .xlsx stores as one shared formula. `cached` is this cell's own
   * result. Any cell of a run may be something else (an exception): the run is cut there.
   */
  | { kind: 'fill'; fill: FillDown; cached?: CellValue; style?: CellStyleId }
  | null;

/** A formula and the sheet row it is written for; shared by the cells it is filled down to. */
export interface FillDown {
  /** Without the leading "=", as in a formula cell. */
  readonly formula: string;
  /** 1-based sheet row whose cell the formula reads as written. */
  readonly row: number;
}

/** A small closed set of looks, so every host can map them to its own formats. */
export type CellStyleId =
  | 'header'      // bold, shaded, wrapped
  | 'title'       // bold, larger
  | 'wan'         // amount in 万元: #,##0.00
  | 'wanInt'      // amount in whole 万元: #,##0
  | 'percent'     // 0.0%
  | 'total'       // bold amount row
  | 'totalLabel'  // bold text in a total row
  | 'note';       // grey italic text

/** A whole sheet the add-in generates. Row 0 of `rows` is sheet row 1, column 0 is column A. */
export interface SheetSpec {
  name: string;
  rows: SpecCell[][];
  /** Widths in characters, by column index from A. */
  columnWidths?: number[];
  /** Frozen panes: rows above and columns left of the split. */
  freeze?: { rows: number; columns: number };
  /** Tab colour as RRGGBB (a leading # is accepted), to tell generated sheets apart at a glance. */
  tabColor?: string;
}

/** Cells in new columns to the right of a user's sheet (the tag columns). */
export interface ColumnBlock {
  sheet: string;
  /** 1-based sheet row and column of cells[0][0]. */
  firstRow: number;
  firstColumn: number;
  cells: SpecCell[][];
  columnWidths?: number[];
}

/** A workbook-scoped defined name; `ref` is an A1 reference with a sheet, e.g. `'ABC 设置'!$B$3:$E$5`. */
export interface DefinedNameSpec {
  name: string;
  ref: string;
  /** Hidden names are for formulas and markers, not for people. */
  hidden?: boolean;
  /**
   * The name's comment (Excel's Name Manager shows it). Every name we write carries ours
   * (render/ownership.ts): part of how a later plan proves the name is ours.
   */
  comment?: string;
}

/** A name of ours that was in the way: what the person is told (i18n/render.ts words it). */
export interface OwnershipNotice {
  /** The person's name, left as it was. */
  name: string;
  ref: string;
  /** What we use that name for: a sheet marker, a formula name, the tag columns' marker. */
  role: 'sheet' | 'formula' | 'tags';
  /** The existing sheet it points at, if any. */
  sheet?: string;
  /** The name we wrote instead. */
  replacement: string;
  /** For a sheet marker: the sheet this plan generated instead. */
  newSheet?: string;
}

/** One all-or-nothing write. */
export interface WorkbookWrite {
  /**
   * Sheets generated earlier by the add-in, removed before the new ones are added (names match
   * without regard to case; a name that is not there is skipped). A sheet removed and added in
   * the same write is replaced.
   */
  removeSheets: string[];
  /** New sheets, added after the existing ones in this order. */
  addSheets: SheetSpec[];
  /** Cells in columns of existing sheets; the columns are the add-in's own (tag columns). */
  columns: ColumnBlock[];
  /** Workbook-scoped names removed first (ours from an earlier run; case-insensitive), then names added. */
  removeNames: string[];
  addNames: DefinedNameSpec[];
  /** Names of ours a person's names were in the way of (hosts write nothing for these; front ends say them). */
  notices?: OwnershipNotice[];
}
