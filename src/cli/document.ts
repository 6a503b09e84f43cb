/**
 * The JSON document `abc-planner plan --json` prints on stdout: one object, documented field by
 * field in src/cli/README-section.md. Codes (class "A", coverage "direct", tier "2"…) stay codes;
 * words for people (issues' where/what/todo) are in the chosen language.
 */
import type { Breakdown } from '../engine/breakdown';
import { findUnitNote, mapColumns } from '../engine/headers';
import { CLASS_OF_CODE } from '../engine/classify';
import type { PlanResult, ProductPlan, TargetPlan } from '../engine/plan';
import type { Settings } from '../engine/settings';
import { columnLetter } from '../engine/a1';
import type { TierId } from '../engine/tiers';
import type { Coverage, CustomerClass, Field, Issue, IssueKey, IssueSeverity, MatrixMode, SheetData } from '../engine/types';
import type { Lang } from '../i18n';
import { describeIssue } from '../i18n/engine';
import type { SheetKind } from '../i18n/render';
import type { SettingsSource } from './workbook';

/**
 * Bumped when a field changes meaning or goes away (new fields do not bump it). 2: tiers are
 * the settings' tier ids, as text ("2"), where version 1 had the numbers 1–3.
 */
export const DOCUMENT_VERSION = 2;

export interface DocumentIssue {
  key: IssueKey;
  severity: IssueSeverity;
  sheet: string;
  row: number | null;
  column: string | null;
  field: Field | 'product' | null;
  params: Record<string, string | number>;
  where: string;
  what: string;
  todo: string;
}

export interface RowIssue {
  key: IssueKey;
  severity: IssueSeverity;
  column: string | null;
  what: string;
  todo: string;
}

export interface DocumentCustomer {
  row: number;
  name: string;
  city: string;
  cityAsWritten: string;
  /** The id of its tier (settings.tiers). */
  tier: TierId;
  class: CustomerClass | null;
  coverage: Coverage | null;
  mode: MatrixMode | null;
  industry: string;
  industryAsWritten: string;
  owner: string;
  region: string;
  branch: string;
  potential: number | null;
  ourSales: number | null;
  target: number | null;
  productTargets: number[] | null;
  issues: RowIssue[];
}

export interface PlanDocument {
  documentVersion: number;
  tool: { name: 'abc-planner'; version: string };
  lang: Lang;
  input: string;
  output: string;
  inPlace: boolean;
  sheet: string;
  headerRow: number;
  language: 'zh' | 'en';
  settingsSource: SettingsSource;
  settings: Settings;
  columns: Partial<Record<Field, { column: string; header: string }>>;
  productColumns: { name: string; column: string; header: string }[];
  unmappedColumns: { column: string; header: string }[];
  products: ProductPlan[];
  target: TargetPlan;
  counts: {
    customers: number;
    classified: number;
    unclassified: number;
    byClass: Record<CustomerClass, number>;
    /** Customers per tier id, in the tiers' order. */
    byTier: Record<TierId, number>;
    issues: number;
    errors: number;
    warnings: number;
  };
  customers: DocumentCustomer[];
  tables: Breakdown;
  issues: DocumentIssue[];
  sheets: Partial<Record<SheetKind, string>> & { tagColumns: string | null };
}

export interface DocumentInput {
  version: string;
  lang: Lang;
  input: string;
  output: string;
  inPlace: boolean;
  result: PlanResult;
  /** The sheet as planned (earlier tag columns blanked). */
  sheet: SheetData;
  settingsSource: SettingsSource;
  sheets: PlanDocument['sheets'];
}

/** Product columns with their letters, mapped the way plan() maps them. */
function productColumns(sheet: SheetData, result: PlanResult): PlanDocument['productColumns'] {
  if (result.headerRow === null) return [];
  const index = result.headerRow - sheet.firstRow;
  const header = sheet.values[index] ?? [];
  const report = mapColumns(header, result.settings.columns, { noteUnit: findUnitNote(sheet.values, index) });
  return report.mapping.products.map((p) => ({
    name: p.name,
    column: columnLetter(sheet.firstColumn + p.index),
    header: String(header[p.index] ?? '').trim(),
  }));
}

/** Customers by class and issues by severity, for the summary and the document. */
export function countsOf(result: PlanResult): PlanDocument['counts'] {
  const byClass = { A: 0, B: 0, C: 0 };
  const tiers = result.settings.tiers;
  const perTier = new Array<number>(tiers.length).fill(0);
  let errors = 0;
  // From the columns, not result.customers: a million customer objects would cost a second and
  // most of a gigabyte, and only --json needs them.
  const cols = result.customerColumns;
  for (let i = 0; i < cols.count; i++) {
    const cls = CLASS_OF_CODE[cols.classCode[i]!];
    if (cls) byClass[cls]++;
    perTier[cols.tierPos[i]]++;
  }
  const byTier: Record<TierId, number> = {};
  tiers.forEach((t, j) => (byTier[t.id] = perTier[j]));
  for (const i of result.issues) if (i.severity === 'error') errors++;
  const classified = byClass.A + byClass.B + byClass.C;
  const n = cols.count;
  return { customers: n, classified, unclassified: n - classified, byClass, byTier, issues: result.issues.length, errors, warnings: result.issues.length - errors };
}

export function buildDocument(d: DocumentInput): PlanDocument {
  const { result, lang } = d;
  const issues: DocumentIssue[] = new Array(result.issues.length);
  const byRow = new Map<number, RowIssue[]>();
  for (let i = 0; i < result.issues.length; i++) {
    const issue: Issue = result.issues[i];
    const words = describeIssue(issue, lang);
    issues[i] = {
      key: issue.key,
      severity: issue.severity,
      sheet: issue.sheet,
      row: issue.row ?? null,
      column: issue.column ?? null,
      field: issue.field ?? null,
      params: issue.params,
      where: words.where,
      what: words.what,
      todo: words.todo,
    };
    if (issue.row !== undefined) {
      let list = byRow.get(issue.row);
      if (!list) byRow.set(issue.row, (list = []));
      list.push({ key: issue.key, severity: issue.severity, column: issue.column ?? null, what: words.what, todo: words.todo });
    }
  }
  const customers: DocumentCustomer[] = new Array(result.customers.length);
  for (let i = 0; i < result.customers.length; i++) {
    const c = result.customers[i];
    customers[i] = {
      row: c.row,
      name: c.name,
      city: c.city,
      cityAsWritten: c.cityRaw,
      tier: c.tier,
      class: c.class,
      coverage: c.coverage,
      mode: c.mode,
      industry: c.industry,
      industryAsWritten: c.industryRaw,
      owner: c.owner,
      region: c.region,
      branch: c.branch,
      potential: c.potential,
      ourSales: c.ourSales,
      target: c.target,
      productTargets: c.productTargets,
      issues: byRow.get(c.row) ?? [],
    };
  }
  const columns: PlanDocument['columns'] = {};
  for (const m of result.columns) columns[m.field] = { column: m.column, header: m.header };
  return {
    documentVersion: DOCUMENT_VERSION,
    tool: { name: 'abc-planner', version: d.version },
    lang,
    input: d.input,
    output: d.output,
    inPlace: d.inPlace,
    sheet: result.sheet,
    headerRow: result.headerRow!,
    language: result.language,
    settingsSource: d.settingsSource,
    settings: result.settings,
    columns,
    productColumns: productColumns(d.sheet, result),
    unmappedColumns: result.unmappedColumns,
    products: result.products,
    target: result.target,
    counts: countsOf(result),
    customers,
    tables: result.tables,
    issues,
    sheets: d.sheets,
  };
}
