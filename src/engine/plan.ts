/**
 * The one entry point: plan(sheet, settings, targets) reads the customer rows, classifies them,
 * allocates the company target and builds the breakdown tables. Pure and deterministic.
 */
import { columnLetter } from './a1';
import { allocateInto, fromUnits, toUnits } from './allocate';
import type { Breakdown } from './breakdown';
import { buildBreakdown } from './breakdown';
import { cityTierLookup, classCode, modeCode } from './classify';
import type { CustomerColumns, PlannedCustomer } from './customers';
import { allCustomers, newCustomerColumns, targetUnitsArray } from './customers';
import type { MappingReport } from './headers';
import { findHeaderRow, findUnitNote, mapColumns } from './headers';
import { productSplits } from './productSplits';
import { MAX_CELL_TEXT, clipCellText, readCustomerRows } from './rows';
import type { Settings } from './settings';
import { MAX_PRODUCTS } from './settings';
import { targetIssues } from './targetChecks';
import { TierIndex } from './tiers';
import type { CellValue, Field, Issue, SheetData } from './types';

export type { PlannedCustomer } from './customers';
export type PlanTargets = Partial<Settings['targets']>;

export interface PlanOptions {
  /** Sheet row number (1-based) of the header, when the planner set it. */
  headerRow?: number;
}

export interface ProductPlan {
  name: string;
  /** Percent of each customer's target; all products sum to 100. */
  mixPct: number;
  /** Historic sales in the sheet's product column (万元), null when the sheet has none. */
  history: number | null;
  /**
   * This product's part of the company target (万元): the company target split by the mix,
   * largest remainder, so within one unit of company × mix. Every table's product totals add up
   * to it.
   */
  target: number;
}

export interface TargetPlan {
  /** The company target actually allocated (万元), rounded to the unit. */
  company: number;
  /** Where it came from: the planner's number, or growth over current sales. */
  source: 'target' | 'growth';
  growthPct: number | null;
  /** Sum of our sales over the classified customers (万元). */
  currentSales: number;
  basis: Settings['targets']['basis'];
  unit: number;
  /** True when the target given was not a whole number of units and was rounded. */
  rounded: boolean;
}

export interface PlanResult {
  sheet: string;
  /** Sheet row number of the header; null when no header row was found. */
  headerRow: number | null;
  /** The language of the sheet's headers, for the sheets we write. */
  language: 'zh' | 'en';
  columns: { field: Field; column: string; header: string }[];
  unmappedColumns: { column: string; header: string }[];
  missingFields: Field[];
  products: ProductPlan[];
  target: TargetPlan;
  /** The settings the plan used, with the targets given to plan() merged in. */
  settings: Settings;
  /** Every customer row, column by column (fast, compact: what hosts and renderers loop over). */
  customerColumns: CustomerColumns;
  /** Every customer row as an object, built from the columns on first use. */
  customers: PlannedCustomer[];
  issues: Issue[];
  tables: Breakdown;
  /** False when the sheet cannot be planned at all (no header, a required column missing). */
  ok: boolean;
}

const hasCjk = (row: CellValue[]) => row.some((v) => typeof v === 'string' && /[\u4e00-\u9fff]/.test(v));

function defaultProductNames(language: 'zh' | 'en'): string[] {
  return [1, 2, 3, 4].map((i) => (language === 'zh' ? `产品${i}` : `Product ${i}`));
}

/** Whole percentages are what planners read; keep what was typed otherwise. */
const pct = (x: number) => Math.round(x * 1e6) / 1e6;

function productPlan(settings: Settings, mapping: MappingReport, language: 'zh' | 'en'): string[] {
  const columns = mapping.mapping.products;
  return settings.products.names ?? (columns.length ? columns.map((p) => p.name) : defaultProductNames(language));
}

/** Each product's historic total and its share of the mix: settings first, else history, else equal. */
function productMix(names: string[], settings: Settings, mapping: MappingReport, cols: CustomerColumns): ProductPlan[] {
  const columns = mapping.mapping.products;
  const sums = cols.historyTotals;
  const history = names.map((name) => {
    const index = columns.findIndex((p) => p.name === name);
    return index < 0 ? null : Math.round(sums[index] * 1e6) / 1e6;
  });
  let mix = settings.products.mix;
  // A mix for products named by the sheet must have one share per product column; otherwise
  // (the settings were made for another sheet) the sheet's history decides, and the plan says so.
  if (mix && mix.length !== names.length) mix = null;
  if (!mix) {
    const total = history.reduce<number>((a, x) => a + (x ?? 0), 0);
    mix = total > 0 ? history.map((x) => ((x ?? 0) / total) * 100) : names.map(() => 100 / names.length);
  }
  return names.map((name, i) => ({ name, mixPct: pct(mix![i] ?? 0), history: history[i], target: 0 }));
}

/**
 * Allocation weights, one per classified row in sheet order. When every row is classified and
 * the basis is one column, the column itself: no copy of a million numbers.
 */
function weightsFor(cols: CustomerColumns, classifiedCount: number, settings: Settings): ArrayLike<number> {
  const { basis, blendPotentialWeight } = settings.targets;
  switch (basis) {
    case 'potential':
      return columnWeights(cols, classifiedCount, cols.potential);
    case 'ourSales':
      return columnWeights(cols, classifiedCount, cols.ourSales);
    case 'even':
      return new Float64Array(classifiedCount).fill(1);
    case 'blend':
      return blendWeights(cols, classifiedCount, blendPotentialWeight);
    default:
      // A basis added to ALLOCATION_BASES and not handled here does not compile.
      return unhandledBasis(basis);
  }
}

function unhandledBasis(basis: never): never {
  throw new Error(`No allocation rule for the basis ${String(basis)}`);
}

/** One measure as the weight: the column itself when every row is classified, else its classified rows. */
function columnWeights(cols: CustomerColumns, classifiedCount: number, column: Float64Array): ArrayLike<number> {
  if (classifiedCount === cols.count) return column;
  const w = new Float64Array(classifiedCount);
  const { classCode } = cols;
  let j = 0;
  for (let i = 0; i < cols.count; i++) if (classCode[i] !== 0) w[j++] = column[i];
  return w;
}

/** Each measure as a share of its own total, so 万元 of potential and of sales weigh alike. */
function blendWeights(cols: CustomerColumns, classifiedCount: number, potentialWeight: number): Float64Array {
  const w = new Float64Array(classifiedCount);
  const { classCode, potential, ourSales } = cols;
  let pot = 0;
  let sales = 0;
  for (let i = 0; i < cols.count; i++) {
    if (classCode[i] === 0) continue;
    pot += potential[i];
    sales += ourSales[i];
  }
  let j = 0;
  for (let i = 0; i < cols.count; i++) {
    if (classCode[i] === 0) continue;
    w[j++] = (pot > 0 ? (potentialWeight * potential[i]) / pot : 0) + (sales > 0 ? ((1 - potentialWeight) * ourSales[i]) / sales : 0);
  }
  return w;
}

/**
 * The company target over the classified rows, into targetUnits (0 for the others). The
 * allocator fills the first classifiedCount places; they are then spread to their rows from
 * the last back, each moving to a place at or after its own, so no second array is needed.
 */
function allocateTargets(cols: CustomerColumns, classifiedCount: number, totalUnits: number, settings: Settings): void {
  const targets = cols.targetUnits;
  allocateInto(totalUnits, weightsFor(cols, classifiedCount, settings), targets.subarray(0, classifiedCount));
  if (classifiedCount === cols.count) return;
  let j = classifiedCount - 1;
  for (let i = cols.count - 1; i >= 0; i--) targets[i] = cols.classCode[i] !== 0 ? targets[j--] : 0;
}

/**
 * Adds `customers` and `tables` to a result: both are built from the columns when first read,
 * then kept. The task pane's live preview reads neither (it counts from the columns), so a
 * re-plan on each keystroke does not pay for the breakdown tables (two thirds of planPrepared).
 */
function withCustomers(result: Omit<PlanResult, 'customers' | 'tables'>): PlanResult {
  let built: PlannedCustomer[] | undefined;
  let tables: Breakdown | undefined;
  Object.defineProperty(result, 'customerColumns', { enumerable: false });
  Object.defineProperty(result, 'settings', { enumerable: false });
  Object.defineProperty(result, 'tables', {
    enumerable: true,
    get: () => (tables ??= buildBreakdown(result.customerColumns, result.settings)),
  });
  return Object.defineProperty(result, 'customers', {
    enumerable: true,
    get: () => (built ??= allCustomers(result.customerColumns, result.settings)),
  }) as PlanResult;
}

function emptyPlan(sheet: SheetData, settings: Settings, issues: Issue[], report?: MappingReport, headerIndex?: number, language: 'zh' | 'en' = 'zh'): PlanResult {
  const t = settings.targets;
  const empty = newCustomerColumns(0, 0);
  return withCustomers({
    sheet: sheet.name,
    headerRow: headerIndex === undefined ? null : sheet.firstRow + headerIndex,
    language,
    ...describeMapping(sheet, report),
    products: [],
    target: { company: 0, source: t.companyTarget === null ? 'growth' : 'target', growthPct: t.companyTarget === null ? t.growthPct : null, currentSales: 0, basis: t.basis, unit: t.unit, rounded: false },
    settings,
    customerColumns: empty,
    issues,
    ok: false,
  });
}

function describeMapping(sheet: SheetData, report?: MappingReport) {
  if (!report) return { columns: [], unmappedColumns: [], missingFields: [] as Field[] };
  return {
    columns: report.mapped.map((m) => ({ field: m.field, column: columnLetter(sheet.firstColumn + m.index), header: m.header })),
    unmappedColumns: report.unmapped.map((u) => ({ column: columnLetter(sheet.firstColumn + u.index), header: u.header })),
    missingFields: report.missing,
  };
}

/**
 * A sheet read once: header, column mapping and every customer row, with the reading issues.
 * What it holds does not depend on thresholds, city tiers, matrix splits or targets, so the task
 * pane plans it again on every change of those without reading the sheet again. (Column
 * overrides and the industry mapping are read here: a change of those needs a new prepare.)
 */
export interface PreparedSheet {
  sheet: SheetData;
  headerIndex?: number;
  language: 'zh' | 'en';
  report?: MappingReport;
  /** Read-only once prepared; each plan adds arrays of its own. */
  columns: CustomerColumns;
  issues: Issue[];
  /** False when the sheet cannot be planned at all (no header, a required column missing). */
  ok: boolean;
}

export function prepareSheet(sheet: SheetData, settings: Settings, options: PlanOptions = {}): PreparedSheet {
  const issues: Issue[] = [];
  const empty = newCustomerColumns(0, 0);
  const headerIndex = options.headerRow !== undefined ? options.headerRow - sheet.firstRow : findHeaderRow(sheet.values);
  if (headerIndex === undefined || headerIndex < 0 || headerIndex >= sheet.values.length) {
    issues.push({ key: 'no-header', severity: 'error', sheet: sheet.name, row: options.headerRow, params: {} });
    return { sheet, language: 'zh', columns: empty, issues, ok: false };
  }
  const headerCells = sheet.values[headerIndex];
  const language = hasCjk(headerCells) ? 'zh' : 'en';
  const report = mapColumns(headerCells, settings.columns, { noteUnit: findUnitNote(sheet.values, headerIndex) });
  const headerRow = sheet.firstRow + headerIndex;
  // A column the planner chose that is not there, or one column chosen for two fields: planning
  // on a guess would put the wrong numbers behind every class, so the plan stops and says so.
  for (const field of report.badOverrides) {
    issues.push({ key: 'bad-column-override', severity: 'error', sheet: sheet.name, row: headerRow, field, params: { field, header: String(settings.columns[field] ?? ''), reason: 'not-found' } });
  }
  for (const clash of report.clashingOverrides) {
    issues.push({
      key: 'bad-column-override',
      severity: 'error',
      sheet: sheet.name,
      row: headerRow,
      column: columnLetter(sheet.firstColumn + clash.index),
      field: clash.field,
      params: { field: clash.field, other: clash.other, header: String(settings.columns[clash.field] ?? ''), reason: 'same-column' },
    });
  }
  // A product's header is its name in every sheet we write: it must fit a cell there too.
  report.mapping.products = report.mapping.products.map((p) => {
    if (p.name.length <= MAX_CELL_TEXT) return p;
    issues.push({ key: 'text-too-long', severity: 'warning', sheet: sheet.name, row: headerRow, column: columnLetter(sheet.firstColumn + p.index), field: 'product', params: { length: p.name.length, max: MAX_CELL_TEXT } });
    return { ...p, name: clipCellText(p.name) };
  });
  const productColumns = report.mapping.products;
  if (productColumns.length > MAX_PRODUCTS) {
    const first = productColumns[MAX_PRODUCTS];
    issues.push({ key: 'too-many-products', severity: 'error', sheet: sheet.name, row: headerRow, column: columnLetter(sheet.firstColumn + first.index), params: { count: productColumns.length, max: MAX_PRODUCTS } });
  }
  if (issues.some((i) => i.severity === 'error')) return { sheet, headerIndex, language, report, columns: empty, issues, ok: false };
  if (report.missing.length) {
    for (const field of report.missing) {
      issues.push({ key: 'missing-column', severity: 'error', sheet: sheet.name, row: sheet.firstRow + headerIndex, field, params: { field } });
    }
    return { sheet, headerIndex, language, report, columns: empty, issues, ok: false };
  }
  const read = readCustomerRows(sheet, headerIndex, report.mapping, settings);
  // A loop, not push(...read.issues): spreading hundreds of thousands of issues overflows the stack.
  for (const issue of read.issues) issues.push(issue);
  return { sheet, headerIndex, language, report, columns: read.columns, issues, ok: true };
}

export function plan(sheet: SheetData, settings: Settings, targets: PlanTargets = {}, options: PlanOptions = {}): PlanResult {
  return planPrepared(prepareSheet(sheet, settings, options), settings, targets);
}

/** Classifies, allocates and tabulates a prepared sheet under the given settings and targets. */
export function planPrepared(prepared: PreparedSheet, settings: Settings, targets: PlanTargets = {}): PlanResult {
  settings = { ...settings, targets: { ...settings.targets, ...targets } };
  const { sheet, headerIndex, language, report } = prepared;
  if (!prepared.ok || !report || headerIndex === undefined) return emptyPlan(sheet, settings, prepared.issues, report, headerIndex, language);
  let issues = prepared.issues;
  const productNames = productPlan(settings, report, language);
  const count = prepared.columns.count;
  const cols: CustomerColumns = {
    ...prepared.columns,
    tierPos: new Uint8Array(count),
    classCode: new Uint8Array(count),
    modeCode: new Uint8Array(count),
  };

  // Tier, class and mode, with the thresholds of each tier looked up once (index = the tier's position).
  const tierOf = cityTierLookup(settings);
  const tiers = new TierIndex(settings.tiers);
  const th = settings.tiers.map((t) => settings.thresholds[t.id]);
  const mx = settings.tiers.map((t) => settings.matrix[t.id]);
  // Each city's tier, looked up once per city rather than once per row.
  const tierOfCity = Uint8Array.from(cols.city.texts, (city) => tiers.position(tierOf(city)));
  const { city: cityOf, tierPos: tierCol, classCode: classCol, modeCode: modeCol, potential, ourSales } = cols;
  let classifiedCount = 0;
  let currentSales = 0;
  for (let i = 0; i < count; i++) {
    const tier = tierOfCity[cityOf.idAt(i)];
    tierCol[i] = tier;
    const pot = potential[i];
    const sales = ourSales[i];
    if (pot !== pot || sales !== sales) continue; // NaN: missing or invalid, no class
    classCol[i] = classCode(th[tier]!, pot, sales);
    modeCol[i] = modeCode(mx[tier]!, pot, sales);
    classifiedCount++;
    currentSales += sales;
  }
  currentSales = Math.round(currentSales * 1e6) / 1e6;

  const products = productMix(productNames, settings, report, cols);
  const mix = settings.products.mix;
  if (mix && mix.length !== productNames.length) {
    // prepared.issues is shared between plans: a copy with this plan's own issue first.
    issues = [{ key: 'mix-length-mismatch', severity: 'warning', sheet: sheet.name, row: sheet.firstRow + headerIndex, params: { shares: mix.length, products: productNames.length } }, ...issues];
  }
  const t = settings.targets;
  const wanted = t.companyTarget ?? currentSales * (1 + t.growthPct / 100);
  const totalUnits = classifiedCount ? toUnits(wanted, t.unit) : 0;
  const company = fromUnits(totalUnits, t.unit);
  const checks = targetIssues({ sheet: sheet.name, companyTarget: t.companyTarget, growthPct: t.growthPct, wanted, totalUnits, unit: t.unit, currentSales, classifiedCount });
  // First, so the CLI's summary shows them before the rows' issues (a copy: prepared.issues is shared).
  if (checks.length) issues = [...checks, ...issues];
  cols.targetUnits = targetUnitsArray(count, totalUnits);
  cols.productCount = products.length;
  cols.productMix = Float64Array.from(products, (p) => p.mixPct);
  allocateTargets(cols, classifiedCount, totalUnits, settings);
  const productUnits = productSplits(cols).company;
  products.forEach((p, j) => (p.target = fromUnits(productUnits[j], t.unit)));

  return withCustomers({
    sheet: sheet.name,
    headerRow: sheet.firstRow + headerIndex,
    language,
    ...describeMapping(sheet, report),
    products,
    target: {
      company,
      source: t.companyTarget === null ? 'growth' : 'target',
      growthPct: t.companyTarget === null ? t.growthPct : null,
      currentSales,
      basis: t.basis,
      unit: t.unit,
      rounded: classifiedCount > 0 && Math.abs(company - wanted) > 1e-9,
    },
    settings,
    customerColumns: cols,
    issues,
    ok: true,
  });
}
