/**
 * The tag columns on the customer sheet: where they go, and their cells.
 *
 * Where: on a first plan, in the first empty column right of the user's data; on a re-plan,
 * exactly where our earlier tag columns are, found by the hidden ABC_TagColumns name (Excel
 * keeps it pointing at them when rows or columns move) or, if that name is gone, by our header
 * cells in the header row. Never a second set, and never a user's column.
 *
 * The block covers the header row down to the last customer row (or the earlier block's last
 * row, whichever is lower); rows that are not customers (blank, totals) get empty cells, which
 * also clears what an earlier plan wrote there.
 */
import { columnLetter, columnNumber } from '../engine/a1';
import { unitFromHeader } from '../engine/amounts';
import { findUnitNote } from '../engine/headers';
import { CLASS_OF_CODE, MODE_OF_CODE } from '../engine/classify';
import { tierIdCell } from '../engine/tiers';
import type { PlanResult } from '../engine/plan';
import type { CellValue, SheetData } from '../engine/types';
import type { Lang } from '../i18n';
import { COVERAGE_LABELS, MODE_LABELS } from '../i18n/engine';
import type { TagColumn } from '../i18n/render';
import { TAG_COLUMNS, TAG_HEADERS } from '../i18n/render';
import { fillDown, filled, formula, text, textOrBlank } from './cells';
import { areaRef, parseRef } from './names';
import { DEFAULT_NAMES, type OurNames, familyOf, isOurComment, isOurTagMarker, ourName } from './ownership';
import { columnWidths } from './sizing';
import type { ColumnBlock, DefinedNameSpec, FillDown, SpecCell } from '../spec/write';
import type { UnitOp } from './tagFormulas';
import {
  amountFormula,
  amountIsLive,
  cityFormula,
  cityIsLive,
  classFormula,
  coverageFormula,
  liveAmountFormula,
  liveCityFormula,
  modeFormula,
  tierFormula,
  unitOp,
} from './tagFormulas';

const WIDTH = TAG_COLUMNS.length;
const OUR_HEADERS = new Set([...Object.values(TAG_HEADERS.zh), ...Object.values(TAG_HEADERS.en)]);

const isBlank = (v: CellValue | undefined): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** Where earlier tag columns sit on a sheet (1-based, inclusive). */
export interface EarlierTags {
  firstRow: number;
  lastRow: number;
  /** The columns that are ours. */
  columns: number[];
  /** True when they are one whole block of our width: the new block goes exactly there. */
  reusable: boolean;
}

function valueAt(sheet: SheetData, row: number, column: number): CellValue {
  return sheet.values[row - sheet.firstRow]?.[column - sheet.firstColumn] ?? null;
}

/**
 * Our earlier tag columns on `sheet`: by a marker name proven ours first (ownership.ts: our
 * comment or none, and our headers in the block's first row; only the columns with our headers
 * are ours), else by a run of our headers in the header row. Undefined when there are none. A
 * person's name that only looks like our marker is ignored: their cells are never taken.
 */
export function findEarlierTags(sheet: SheetData, names: readonly DefinedNameSpec[], headerRow: number | null): EarlierTags | undefined {
  const at = (row: number, column: number) => valueAt(sheet, row, column);
  // Names with our comment first, then the family's base name before its suffixed ones.
  const rank = (n: DefinedNameSpec) => (isOurComment(n.comment, { kind: 'tags' }) ? 0 : 1);
  const markers = names.filter((n) => familyOf(n.name)?.kind === 'tags').sort((a, b) => rank(a) - rank(b) || a.name.length - b.name.length);
  for (const marker of markers) {
    const ref = parseRef(marker.ref);
    if (!ref || ref.sheet.toLowerCase() !== sheet.name.toLowerCase() || !isOurTagMarker(marker, ref, at)) continue;
    const all: number[] = [];
    for (let c = ref.firstColumn; c <= ref.lastColumn; c++) all.push(c);
    // Columns inserted into the block, or headers a person typed over: ours are those with our headers.
    const ours = all.filter((c) => OUR_HEADERS.has(String(at(ref.firstRow, c) ?? '').trim()));
    if (all.length === WIDTH && ours.length === WIDTH) return { firstRow: ref.firstRow, lastRow: ref.lastRow, columns: all, reusable: true };
    return { firstRow: ref.firstRow, lastRow: ref.lastRow, columns: ours, reusable: false };
  }
  if (headerRow === null) return undefined;
  const header = sheet.values[headerRow - sheet.firstRow] ?? [];
  for (const lang of ['zh', 'en'] as const) {
    const wanted = TAG_COLUMNS.map((t) => TAG_HEADERS[lang][t]);
    for (let i = 0; i + WIDTH <= header.length; i++) {
      if (wanted.every((w, j) => header[i + j] === w)) {
        const first = sheet.firstColumn + i;
        return {
          firstRow: headerRow,
          lastRow: sheet.firstRow + sheet.values.length - 1,
          columns: wanted.map((_, j) => first + j),
          reusable: true,
        };
      }
    }
  }
  return undefined;
}

/**
 * The sheet with our earlier tag cells blanked, for planning: the engine then never takes a
 * tag column for a field. Columns keep their places, so letters in issues stay right.
 */
export function withoutTagColumns(sheet: SheetData, names: readonly DefinedNameSpec[], headerRow: number | null = null): SheetData {
  const earlier = findEarlierTags(sheet, names, headerRow);
  if (!earlier) return sheet;
  const blank = new Set(earlier.columns.map((c) => c - sheet.firstColumn));
  const values = sheet.values.map((row, r) => {
    const sheetRow = sheet.firstRow + r;
    if (sheetRow < earlier.firstRow || sheetRow > earlier.lastRow || !row.some((_, c) => blank.has(c))) return row;
    return row.map((v, c) => (blank.has(c) ? null : v));
  });
  return { ...sheet, values };
}

/** The last column (1-based) holding a value, not counting `ignore`; 0 for an empty sheet. */
function lastUsedColumn(sheet: SheetData, ignore: ReadonlySet<number>): number {
  let last = 0;
  for (const row of sheet.values) {
    for (let c = row.length - 1; c >= 0; c--) {
      const column = sheet.firstColumn + c;
      if (column <= last) break;
      if (!isBlank(row[c]) && !ignore.has(column)) {
        last = column;
        break;
      }
    }
  }
  return last;
}

export interface TagColumnsResult {
  /** The tag block, plus blocks clearing earlier tag columns that could not be reused. */
  blocks: ColumnBlock[];
  names: DefinedNameSpec[];
  /** 1-based column of the first tag column. */
  firstColumn: number;
}

/** Units of the amount columns, as the engine read them: the header's unit, else the sheet's 单位 note. */
function amountUnits(result: PlanResult, sheet: SheetData) {
  const headerIndex = (result.headerRow ?? sheet.firstRow) - sheet.firstRow;
  const note = findUnitNote(sheet.values, headerIndex);
  const unitOf = (field: 'potential' | 'ourSales') => {
    const col = result.columns.find((c) => c.field === field);
    return (col && unitFromHeader(col.header)) ?? note;
  };
  return { potential: unitOp(unitOf('potential')), ourSales: unitOp(unitOf('ourSales')) };
}

/**
 * The tag block for a planned sheet. `sheet` is the customer sheet as read (with any earlier
 * tag columns); `names` the workbook's defined names.
 */
export function tagColumns(result: PlanResult, sheet: SheetData, names: readonly DefinedNameSpec[], lang: Lang, ours: OurNames = DEFAULT_NAMES): TagColumnsResult | undefined {
  if (!result.ok || result.headerRow === null) return undefined;
  const headerRow = result.headerRow;
  const earlier = findEarlierTags(sheet, names, headerRow);
  const blocks: ColumnBlock[] = [];

  let firstColumn: number;
  if (earlier?.reusable) {
    firstColumn = earlier.columns[0];
  } else {
    const ours = new Set(earlier?.columns ?? []);
    firstColumn = lastUsedColumn(sheet, ours) + 1;
    if (earlier) {
      // Clear what is ours of a block we cannot reuse (a person inserted a column into it),
      // except where the new block lands: blocks must not overlap.
      for (const c of earlier.columns) {
        if (c >= firstColumn && c < firstColumn + WIDTH) continue;
        const cells: SpecCell[][] = [];
        for (let r = earlier.firstRow; r <= earlier.lastRow; r++) cells.push([null]);
        blocks.push({ sheet: sheet.name, firstRow: earlier.firstRow, firstColumn: c, cells });
      }
    }
  }

  const col = (field: 'name' | 'city' | 'potential' | 'ourSales') => {
    const m = result.columns.find((c) => c.field === field);
    return m ? columnNumber(m.column) : undefined;
  };
  const cityColumn = col('city')!;
  const potentialColumn = col('potential')!;
  const salesColumn = col('ourSales')!;
  const at = (t: TagColumn) => columnLetter(firstColumn + TAG_COLUMNS.indexOf(t));
  const units = amountUnits(result, sheet);
  const modeLabels = MODE_LABELS[lang];
  const coverageLabels = COVERAGE_LABELS[lang];

  // Straight from the plan's columns, in sheet order (rows ascend): a million customer objects
  // (result.customers, with their reasons and product splits) would cost seconds and a gigabyte.
  const cols = result.customerColumns;
  const count = cols.count;
  const lastCustomerRow = count ? Math.max(headerRow, cols.row[count - 1]) : headerRow;
  const firstCustomerRow = count ? cols.row[0] : Infinity;
  const coverageOf = result.settings.coverage;
  // Each tier's id as its cell holds it (a number for a whole-number id), as the settings sheet writes it.
  const tierCells = result.settings.tiers.map((t) => tierIdCell(t.id));
  // Down to the earlier block's rows too: where the new block covers earlier tag cells, it clears them.
  const firstRow = Math.min(headerRow, earlier?.firstRow ?? headerRow);
  const lastRow = Math.max(lastCustomerRow, earlier?.lastRow ?? lastCustomerRow);

  // Each column is one fill-down (only the row differs between rows), written for the first
  // customer row; a helper cell that must say more (the engine read "350万" there) is a formula
  // of its own. No closures per row: 100,000 rows make them count.
  const r0 = Number.isFinite(firstCustomerRow) ? firstCustomerRow : headerRow + 1;
  const ref0 = (t: TagColumn) => `${at(t)}${r0}`;
  const cityLetter = columnLetter(cityColumn);
  const potLetter = columnLetter(potentialColumn);
  const salesLetter = columnLetter(salesColumn);
  const fills: Record<TagColumn, FillDown> = {
    city: fillDown(liveCityFormula(`${cityLetter}${r0}`), r0),
    potential: fillDown(liveAmountFormula(`${potLetter}${r0}`, units.potential), r0),
    ourSales: fillDown(liveAmountFormula(`${salesLetter}${r0}`, units.ourSales), r0),
    tier: fillDown(tierFormula(ref0('city'), ours.formulas), r0),
    class: fillDown(classFormula(ref0('tier'), ref0('potential'), ref0('ourSales'), ours.formulas), r0),
    coverage: fillDown(coverageFormula(ref0('class'), ours.formulas), r0),
    mode: fillDown(modeFormula(ref0('tier'), ref0('potential'), ref0('ourSales'), modeLabels, ours.formulas), r0),
  };
  const J = Object.fromEntries(TAG_COLUMNS.map((t, j) => [t, j])) as Record<TagColumn, number>;
  const amount = (fill: FillDown, letter: string, row: number, raw: CellValue, engine: number | null, op: UnitOp): SpecCell =>
    amountIsLive(raw, engine, op) ? filled(fill, engine ?? '', 'wan') : formula(amountFormula(`${letter}${row}`, raw, engine, op), engine ?? '', 'wan');

  const cells: SpecCell[][] = [];
  let k = 0; // the next customer, by its index in the columns
  while (k < count && cols.row[k] < firstRow) k++;
  for (let row = firstRow; row <= lastRow; row++) {
    if (row === headerRow) {
      cells.push(TAG_COLUMNS.map((t) => text(TAG_HEADERS[lang][t], 'header')));
      continue;
    }
    const line = new Array<SpecCell>(WIDTH).fill(null);
    cells.push(line);
    if (k >= count || cols.row[k] !== row) continue;
    const i = k++;
    const city = cols.city.at(i);
    const potential = cols.potential[i];
    const ourSales = cols.ourSales[i];
    const cls = CLASS_OF_CODE[cols.classCode[i]];
    const mode = MODE_OF_CODE[cols.modeCode[i]];
    const cityRaw = valueAt(sheet, row, cityColumn);
    if (cityIsLive(cityRaw, city)) line[J.city] = filled(fills.city, city);
    else {
      const f = cityFormula(`${cityLetter}${row}`, cityRaw, city);
      line[J.city] = f === undefined ? textOrBlank(city) : formula(f, city);
    }
    line[J.potential] = amount(fills.potential, potLetter, row, valueAt(sheet, row, potentialColumn), potential === potential ? potential : null, units.potential);
    line[J.ourSales] = amount(fills.ourSales, salesLetter, row, valueAt(sheet, row, salesColumn), ourSales === ourSales ? ourSales : null, units.ourSales);
    line[J.tier] = filled(fills.tier, tierCells[cols.tierPos[i]]);
    line[J.class] = filled(fills.class, cls ?? '');
    line[J.coverage] = filled(fills.coverage, cls ? coverageLabels[coverageOf[cls]] : '');
    line[J.mode] = filled(fills.mode, mode ? modeLabels[mode] : '');
  }

  const widths = columnWidths(cells, { wrapRows: new Set([headerRow - firstRow]), wrapAt: 12, min: 8, max: 30 });
  blocks.push({ sheet: sheet.name, firstRow, firstColumn, cells, columnWidths: widths });
  return {
    blocks,
    firstColumn,
    names: [ourName(ours.tags, areaRef(sheet.name, headerRow, firstColumn, lastCustomerRow, firstColumn + WIDTH - 1), { kind: 'tags' }, true)],
  };
}

