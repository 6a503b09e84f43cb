/**
 * Checks before anything is written: sheet names and defined names Excel accepts, and that
 * every cell, column width and frozen pane we write lies on Excel's grid (A1:XFD1048576).
 */
import type { ColumnBlock, SheetSpec } from '../../spec/write';
import { columnLetter, MAX_COLUMNS, MAX_ROWS } from '../../engine/a1';
import { definedNameRule, sheetNameRule } from '../../i18n/names';
import { definedNameProblem, sheetNameProblem } from '../../spec/names';
import { XlsxError } from './errors';

/** Throws when Excel would refuse the sheet name (the rule is shared with the Excel host: spec/names.ts). */
export function checkSheetName(name: string): void {
  const problem = sheetNameProblem(name);
  if (problem === undefined) return;
  throw new XlsxError(
    'bad-sheet-name',
    `工作表名称“${name}”无效：${sheetNameRule(problem, 'zh')}，请换一个名称`,
    `The sheet name "${name}" is not valid: ${sheetNameRule(problem, 'en')}; choose another name`,
  );
}

export function duplicateSheet(name: string): XlsxError {
  return new XlsxError(
    'duplicate-sheet',
    `已有名为“${name}”的工作表（名称不区分大小写），请换一个名称`,
    `There is already a sheet named "${name}" (names ignore case): choose another name`,
  );
}

/** Throws when Excel would refuse the defined name (shared rule: spec/names.ts). */
export function checkDefinedName(name: string, ref: string): void {
  const problem = definedNameProblem(name, ref);
  if (problem === undefined) return;
  throw new XlsxError(
    'bad-defined-name',
    `名称“${name}”无效：${definedNameRule(problem, 'zh')}，请换一个名称`,
    `The defined name "${name}" is not valid: ${definedNameRule(problem, 'en')}; choose another name`,
  );
}

/** The sheet a simple reference names (`'ABC 设置'!$A$1` → `ABC 设置`), or undefined. */
export function sheetOfRef(ref: string): string | undefined {
  const r = ref.replace(/^=/, '').trim();
  if (r.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < r.length) {
      if (r[i] === "'") {
        if (r[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        return r[i + 1] === '!' ? name : undefined;
      }
      name += r[i];
      i++;
    }
    return undefined;
  }
  const m = /^([^!'[\]:*?/\\(),;=+\-<>&"]+)!/.exec(r);
  return m ? m[1] : undefined;
}

// ---------------------------------------------------------------------------------- grid limits

const thousands = (n: number): string => n.toLocaleString('en-US');

/** A write that needs more columns than Excel's 16,384 (A to XFD). */
export function tooManyColumns(sheet: string, columns: number): XlsxError {
  return new XlsxError(
    'too-large',
    `工作表“${sheet}”需要 ${thousands(columns)} 列（写到 ${columnLetter(columns)} 列），超过 Excel 每个工作表最多 16,384 列（最后一列是 XFD）的上限：请减少产品（或其他按列排开的项目）的数量后重试`,
    `The sheet "${sheet}" would need ${thousands(columns)} columns (up to column ${columnLetter(columns)}), more than Excel's limit of 16,384 columns per sheet (the last is XFD): use fewer products (or other items laid out across columns) and try again`,
  );
}

/** A write that needs more rows than Excel's 1,048,576. */
export function tooManyRows(sheet: string, rows: number): XlsxError {
  return new XlsxError(
    'too-large',
    `工作表“${sheet}”需要 ${thousands(rows)} 行，超过 Excel 每个工作表最多 1,048,576 行的上限：请减少客户（或其他按行排开的项目）的数量，或把数据分到几个工作簿后重试`,
    `The sheet "${sheet}" would need ${thousands(rows)} rows, more than Excel's limit of 1,048,576 rows per sheet: use fewer customers (or other items laid out down the rows), or split the data over several workbooks, and try again`,
  );
}

/** Columns a block spans: its longest row or its widths, whichever is wider (a loop: no spread of an unbounded array). */
export function blockWidth(block: ColumnBlock): number {
  let width = block.columnWidths?.length ?? 0;
  for (const row of block.cells) if (row.length > width) width = row.length;
  return width;
}

/**
 * Refuses a new sheet any of whose cells, column widths or frozen panes would lie past column
 * XFD or row 1,048,576 (Excel refuses such a file; LibreOffice drops what lies outside).
 */
export function checkSheetFits(spec: SheetSpec): void {
  if (spec.rows.length > MAX_ROWS) throw tooManyRows(spec.name, spec.rows.length);
  let width = spec.columnWidths?.length ?? 0;
  for (const row of spec.rows) if (row.length > width) width = row.length;
  const freezeRows = Math.floor(spec.freeze?.rows ?? 0);
  const freezeColumns = Math.floor(spec.freeze?.columns ?? 0);
  // A frozen pane names the first cell below and right of it: that cell must be on the sheet too.
  if (freezeColumns + 1 > width) width = freezeColumns + 1;
  if (width > MAX_COLUMNS) throw tooManyColumns(spec.name, width);
  if (freezeRows + 1 > MAX_ROWS) throw tooManyRows(spec.name, freezeRows + 1);
}

/**
 * Refuses a column block that would reach past column XFD or row 1,048,576 of its sheet (the
 * tag columns go right of the customer data: a sheet whose data already reaches far right, or
 * many products, can push them off the grid). Returns the block's width.
 */
export function checkBlockFits(block: ColumnBlock): number {
  const width = blockWidth(block);
  if (!Number.isInteger(block.firstRow) || !Number.isInteger(block.firstColumn) || block.firstRow < 1 || block.firstColumn < 1) {
    throw new XlsxError(
      'bad-write',
      `“${block.sheet}”的列块起点（第 ${block.firstRow} 行、第 ${block.firstColumn} 列）无效`,
      `The column block for "${block.sheet}" starts at an invalid place (row ${block.firstRow}, column ${block.firstColumn})`,
    );
  }
  const lastColumn = block.firstColumn + width - 1;
  if (lastColumn > MAX_COLUMNS) {
    // The tag columns go right of the user's last used column: past XFD there is no room.
    const from = block.firstColumn <= MAX_COLUMNS ? `${columnLetter(block.firstColumn)} 列起` : '';
    const fromEn = block.firstColumn <= MAX_COLUMNS ? ` from column ${columnLetter(block.firstColumn)}` : '';
    throw new XlsxError(
      'bad-write',
      `工作表“${block.sheet}”右侧放不下 ABC Planner 的 ${width} 个标签列：${from}需写到第 ${lastColumn} 列，超出 Excel 的最后一列 XFD（第 ${MAX_COLUMNS} 列）。请删除数据右侧看似空白但有内容或格式的列（选中最后一列数据右侧的所有列 › 删除），或把数据移到靠左的列，然后再运行`,
      `There is no room on sheet "${block.sheet}" for ABC Planner's ${width} tag columns: written${fromEn}, they would end at column ${lastColumn}, past Excel's last column XFD (column ${MAX_COLUMNS}). Delete the columns right of your data that look empty but hold something (select every column right of the last data column › Delete), or move the data further left, then plan again`,
    );
  }
  const lastRow = block.firstRow + block.cells.length - 1;
  if (lastRow > MAX_ROWS) throw tooManyRows(block.sheet, lastRow);
  return width;
}
