/**
 * The one entry point: plan(sheet, settings, targets) reads the customer rows, classifies them,
 * allocates the company target and builds the breakdown tables. Pure and deterministic.
 */
import { allocateInto, allocateUnits, fromUnits, toUnits } from './allocate';
import type { Breakdown, ClassifiedCustomer } from './breakdown';
import { buildBreakdown, emptyAllocation } from './breakdown';
import type { ClassReason } from './classify';
import { classify, cityTierLookup } from './classify';
import type { MappingReport } from './headers';
import { columnLetter } from './a1';
import { findHeaderRow, findUnitNote, mapColumns } from './headers';
import type { CustomerRecord } from './rows';
import { readCustomerRows } from './rows';
import type { Settings } from './settings';
import type { CellValue, Coverage, CustomerClass, Field, Issue, MatrixMode, SheetData, Tier } from './types';

export type PlanTargets = Partial<Settings['targets']>;

export interface PlanOptions {
  /** Sheet row number (1-based) of the header, when the planner set it. */
  headerRow?: number;
}

export interface PlannedCustomer extends CustomerRecord {
  tier: Tier;
  /** null when the row's amounts are missing or invalid: it gets no class and no target. */
  class: CustomerClass | null;
  coverage: Coverage | null;
  mode: MatrixMode | null;
  reason: ClassReason | null;
  /** 万元, a whole number of allocation units; null for unclassified rows. */
  target: number | null;
  productTargets: number[] | null;
}

export interface ProductPlan {
  name: string;
  /** Percent of each customer's target; all products sum to 100. */
  mixPct: number;
  /** Historic sales in the sheet's product column (万元), null when the sheet has none. */
  history: number | null;
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

function productPlan(settings: Settings, mapping: MappingReport, customers: CustomerRecord[], language: 'zh' | 'en'): ProductPlan[] {
  const columns = mapping.mapping.products;
  const names = settings.products.names ?? (columns.length ? columns.map((p) => p.name) : defaultProductNames(language));
  // Every column's history in one pass over the customers (in the same order, so the same sums).
  const sums = new Float64Array(columns.length);
  for (const c of customers) for (let i = 0; i < columns.length; i++) sums[i] += c.productHistory[i] ?? 0;
  const history = names.map((name) => {
    const index = columns.findIndex((p) => p.name === name);
    return index < 0 ? null : Math.round(sums[index] * 1e6) / 1e6;
  });
  let mix = settings.products.mix;
  if (!mix) {
    const total = history.reduce<number>((a, h) => a + (h ?? 0), 0);
    mix = total > 0 ? history.map((h) => ((h ?? 0) / total) * 100) : names.map(() => 100 / names.length);
  }
  return names.map((name, i) => ({ name, mixPct: pct(mix![i] ?? 0), history: history[i] }));
}

function weightsFor(customers: PlannedCustomer[], settings: Settings): Float64Array {
  const { basis, blendPotentialWeight } = settings.targets;
  const w = new Float64Array(customers.length);
  if (basis === 'even') return w.fill(1);
  if (basis === 'potential') customers.forEach((c, i) => (w[i] = c.potential!));
  else if (basis === 'ourSales') customers.forEach((c, i) => (w[i] = c.ourSales!));
  else {
    let pot = 0;
    let sales = 0;
    for (const c of customers) {
      pot += c.potential!;
      sales += c.ourSales!;
    }
    // Each measure as a share of its own total, so 万元 of potential and of sales weigh alike.
    customers.forEach((c, i) => {
      w[i] = (pot > 0 ? (blendPotentialWeight * c.potential!) / pot : 0) + (sales > 0 ? ((1 - blendPotentialWeight) * c.ourSales!) / sales : 0);
    });
  }
  return w;
}

function emptyPlan(sheet: SheetData, settings: Settings, issues: Issue[], report?: MappingReport, headerIndex?: number, language: 'zh' | 'en' = 'zh'): PlanResult {
  const t = settings.targets;
  return {
    sheet: sheet.name,
    headerRow: headerIndex === undefined ? null : sheet.firstRow + headerIndex,
    language,
    ...describeMapping(sheet, report),
    products: [],
    target: { company: 0, source: t.companyTarget === null ? 'growth' : 'target', growthPct: t.companyTarget === null ? t.growthPct : null, currentSales: 0, basis: t.basis, unit: t.unit, rounded: false },
    customers: [],
    issues,
    tables: buildBreakdown([], emptyAllocation(0), settings),
    ok: false,
  };
}

function describeMapping(sheet: SheetData, report?: MappingReport) {
  if (!report) return { columns: [], unmappedColumns: [], missingFields: [] as Field[] };
  return {
    columns: report.mapped.map((m) => ({ field: m.field, column: columnLetter(sheet.firstColumn + m.index), header: m.header })),
    unmappedColumns: report.unmapped.map((u) => ({ column: columnLetter(sheet.firstColumn + u.index), header: u.header })),
    missingFields: report.missing,
  };
}

export function plan(sheet: SheetData, settings: Settings, targets: PlanTargets = {}, options: PlanOptions = {}): PlanResult {
  settings = { ...settings, targets: { ...settings.targets, ...targets } };
  const issues: Issue[] = [];

  const headerIndex = options.headerRow !== undefined ? options.headerRow - sheet.firstRow : findHeaderRow(sheet.values);
  if (headerIndex === undefined || headerIndex < 0 || headerIndex >= sheet.values.length) {
    issues.push({ key: 'no-header', severity: 'error', sheet: sheet.name, row: options.headerRow, params: {} });
    return emptyPlan(sheet, settings, issues);
  }
  const headerCells = sheet.values[headerIndex];
  const language = hasCjk(headerCells) ? 'zh' : 'en';
  const report = mapColumns(headerCells, settings.columns, { noteUnit: findUnitNote(sheet.values, headerIndex) });
  if (report.missing.length) {
    for (const field of report.missing) {
      issues.push({ key: 'missing-column', severity: 'error', sheet: sheet.name, row: sheet.firstRow + headerIndex, field, params: { field } });
    }
    return emptyPlan(sheet, settings, issues, report, headerIndex, language);
  }

  const read = readCustomerRows(sheet, headerIndex, report.mapping, settings);
  // A loop, not push(...read.issues): spreading hundreds of thousands of issues overflows the stack.
  for (const issue of read.issues) issues.push(issue);
  const tierOf = cityTierLookup(settings);
  const customers = read.customers as PlannedCustomer[];
  const classified: (PlannedCustomer & ClassifiedCustomer)[] = [];
  let currentSales = 0;
  for (const c of customers) {
    c.tier = tierOf(c.city);
    if (c.potential === null || c.ourSales === null) {
      c.class = c.coverage = c.mode = c.reason = null;
    } else {
      const k = classify(c.tier, c.potential, c.ourSales, settings);
      c.class = k.class;
      c.coverage = k.coverage;
      c.mode = k.mode;
      c.reason = k.reason;
      classified.push(c as PlannedCustomer & ClassifiedCustomer);
      currentSales += c.ourSales;
    }
    c.target = null;
    c.productTargets = null;
  }
  currentSales = Math.round(currentSales * 1e6) / 1e6;

  const products = productPlan(settings, report, read.customers, language);
  const t = settings.targets;
  const wanted = t.companyTarget ?? currentSales * (1 + t.growthPct / 100);
  const totalUnits = classified.length ? toUnits(wanted, t.unit) : 0;
  const company = fromUnits(totalUnits, t.unit);

  const units = allocateUnits(totalUnits, weightsFor(classified, settings));
  const mix = Float64Array.from(products, (p) => p.mixPct);
  const k = products.length;
  const allocation = { productCount: k, targetUnits: units, productUnits: new Float64Array(classified.length * k) };
  const split = new Float64Array(k);
  for (let i = 0; i < classified.length; i++) {
    const c = classified[i];
    // Each customer's target over the product mix, by largest remainder too.
    allocateInto(units[i], mix, split);
    const productTargets: number[] = new Array(k);
    for (let p = 0; p < k; p++) {
      allocation.productUnits[i * k + p] = split[p];
      productTargets[p] = fromUnits(split[p], t.unit);
    }
    c.target = fromUnits(units[i], t.unit);
    c.productTargets = productTargets;
  }

  return {
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
      rounded: classified.length > 0 && Math.abs(company - wanted) > 1e-9,
    },
    customers,
    issues,
    tables: buildBreakdown(classified, allocation, settings),
    ok: true,
  };
}
