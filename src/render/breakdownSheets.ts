/**
 * The breakdown sheets, in the workbook's language: by customer × product (the A customers),
 * by industry group × product (B), by region × product (C), by salesperson with the
 * 10 / 2 / 1 load check, and the summary by tier × class with the plan's key figures.
 * Amounts in 万元; every text that came from the customer sheet is a text cell.
 */
import type { PlanResult } from '../engine/plan';
import type { LoadCheck } from '../engine/breakdown';
import type { Settings } from '../engine/settings';
import type { Lang } from '../i18n';
import { INDUSTRY_LABELS, MODE_LABELS } from '../i18n/engine';
import { TierIndex } from '../engine/tiers';
import { fill } from '../i18n';
import { BASIS_LABELS, SHEET_NOTES, SHEET_TITLES, SUMMARY_WORDS, TABLE_WORDS } from '../i18n/render';
import { columnLetter } from '../engine/a1';
import { fillDown, filled, num, strLit, text } from './cells';
import { FORMULA_NAMES } from './names';
import type { FormulaNames } from './tagFormulas';
import type { CellStyleId, FillDown, SheetSpec, SpecCell } from '../spec/write';
import { clip, tableSheet } from './tableSheet';

/** Sums of typed amounts pick up binary noise; the engine keeps 6 decimals, so do we. */
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
const sum = (xs: number[]) => round6(xs.reduce((a, b) => a + b, 0));

/** Targets are whole units: no decimals unless the unit is 0.1. */
const targetStyle = (result: PlanResult): CellStyleId => (result.target.unit < 1 ? 'wan' : 'wanInt');

function notes(lang: Lang): string[] {
  return [SHEET_NOTES[lang].amounts + ' ' + SHEET_NOTES[lang].totals];
}

export function byCustomerSheet(result: PlanResult, lang: Lang, name: string): SheetSpec {
  const W = TABLE_WORDS[lang];
  const products = result.products.map((p) => p.name);
  const ts = targetStyle(result);
  const lines = result.tables.byCustomer.lines;
  const tiers = new TierIndex(result.settings.tiers);
  const body = lines.map((l) => [
    text(l.name),
    text(l.city),
    text(tiers.name(l.tier, lang)),
    text(INDUSTRY_LABELS[lang][l.industry]),
    text(l.owner),
    text(MODE_LABELS[lang][l.mode]),
    num(l.potential, 'wan'),
    num(l.ourSales, 'wan'),
    num(l.target, ts),
    ...l.products.map((p) => num(p, ts)),
    num(l.row),
  ]);
  const total = result.tables.byCustomer.total;
  return tableSheet({
    name,
    title: SHEET_TITLES[lang].customers,
    notes: notes(lang),
    headers: [W.customer, W.city, W.tier, W.industry, W.owner, W.mode, W.potential, W.ourSales, W.target, ...products, W.row],
    body,
    total: {
      label: W.total,
      totals: [undefined, undefined, undefined, undefined, undefined, undefined, sum(lines.map((l) => l.potential)), sum(lines.map((l) => l.ourSales)), total.target, ...total.products, undefined],
    },
  });
}

/** Shared shape of the industry and region tables: label, customers, target, products. */
function groupSheet(result: PlanResult, lang: Lang, name: string, title: string, labelHeader: string, lines: { label: string; customers: number; target: number; products: number[] }[], total: { customers: number; target: number; products: number[] }): SheetSpec {
  const W = TABLE_WORDS[lang];
  const ts = targetStyle(result);
  return tableSheet({
    name,
    title,
    notes: notes(lang),
    headers: [labelHeader, W.customers, W.target, ...result.products.map((p) => p.name)],
    body: lines.map((l) => [text(l.label), num(l.customers), num(l.target, ts), ...l.products.map((p) => num(p, ts))]),
    total: { label: W.total, totals: [undefined, total.customers, total.target, ...total.products], styles: [undefined, 'totalLabel'] },
  });
}

export function byIndustrySheet(result: PlanResult, lang: Lang, name: string): SheetSpec {
  const t = result.tables.byIndustry;
  return groupSheet(result, lang, name, SHEET_TITLES[lang].industries, TABLE_WORDS[lang].industry, t.lines.map((l) => ({ ...l, label: INDUSTRY_LABELS[lang][l.group] })), t.total);
}

export function byRegionSheet(result: PlanResult, lang: Lang, name: string): SheetSpec {
  const t = result.tables.byRegion;
  return groupSheet(result, lang, name, SHEET_TITLES[lang].regions, TABLE_WORDS[lang].region, t.lines.map((l) => ({ ...l, label: l.region })), t.total);
}

/** `formulas`: the load names the checks read (the defaults unless a person's names are in the way). */
export function bySalespersonSheet(result: PlanResult, settings: Settings, lang: Lang, name: string, formulas: FormulaNames = FORMULA_NAMES): SheetSpec {
  const W = TABLE_WORDS[lang];
  const ts = targetStyle(result);
  const products = result.products.map((p) => p.name);
  const sep = lang === 'zh' ? '、' : ', ';
  const checkWord = (c: LoadCheck) => (c === 'ok' ? W.checkOk : c === 'under' ? W.checkUnder : W.checkOver);
  // Columns (0-based): owner, customers, target, products…, then the three counts, each followed by its check.
  const countColumn = 3 + products.length;
  const lines = result.tables.bySalesperson.lines;
  const firstBodyRow = 3 + notes(lang).length; // title, notes and header above
  // Each check column is one fill-down of the first body row's check.
  const checkFill = (offset: number, load: string): FillDown => {
    const ref = `${columnLetter(countColumn + offset + 1)}${firstBodyRow}`;
    return fillDown(`IF(${ref}=${load},${strLit(W.checkOk)},IF(${ref}<${load},${strLit(W.checkUnder)},${strLit(W.checkOver)}))`, firstBodyRow);
  };
  const accountsCheck = checkFill(0, formulas.loadAccounts);
  const industriesCheck = checkFill(2, formulas.loadIndustries);
  const regionsCheck = checkFill(4, formulas.loadRegions);
  const check = (have: number, fill: FillDown, c: LoadCheck): SpecCell[] => [num(have), filled(fill, checkWord(c))];
  const body = lines.map((l) => {
    return [
      text(l.owner === '' ? W.unassigned : l.owner),
      num(l.customers),
      num(l.target, ts),
      ...l.products.map((p) => num(p, ts)),
      ...check(l.accounts.length, accountsCheck, l.check.accounts),
      ...check(l.industries.length, industriesCheck, l.check.industries),
      ...check(l.regions.length, regionsCheck, l.check.regions),
      text(clip(l.accounts.join(sep))),
      text(clip(l.industries.map((g) => INDUSTRY_LABELS[lang][g]).join(sep))),
      text(clip(l.regions.join(sep))),
    ];
  });
  const total = result.tables.bySalesperson.total;
  const accounts = lines.reduce((a, l) => a + l.accounts.length, 0);
  const L = settings.load;
  return tableSheet({
    name,
    title: fill(SHEET_TITLES[lang].salespeople, { accounts: L.accounts, industries: L.industries, regions: L.regions }),
    notes: notes(lang),
    headers: [W.owner, W.customers, W.target, ...products, W.accountsCount, W.accountsCheck, W.industriesCount, W.industriesCheck, W.regionsCount, W.regionsCheck, W.accountNames, W.industryNames, W.regionNames],
    body,
    total: {
      label: W.total,
      totals: [undefined, total.customers, total.target, ...total.products, accounts],
      styles: [undefined, 'totalLabel', undefined, ...products.map(() => undefined), 'totalLabel'],
    },
  });
}

export function summarySheet(result: PlanResult, lang: Lang, name: string, issueCount: number): SheetSpec {
  const W = TABLE_WORDS[lang];
  const S = SUMMARY_WORDS[lang];
  const ts = targetStyle(result);
  const { lines, total } = result.tables.summary;
  const tiers = new TierIndex(result.settings.tiers);
  const t = result.target;
  // Counted from the plan's columns: no customer objects for a million rows.
  const codes = result.customerColumns.classCode;
  let classified = 0;
  for (let i = 0; i < result.customerColumns.count; i++) if (codes[i] !== 0) classified++;
  const kv = (label: string, cell: SpecCell): SpecCell[] => [text(label, 'totalLabel'), cell];
  const after: SpecCell[][] = [
    kv(S.sheet, text(result.sheet)),
    kv(S.companyTarget, num(t.company, ts)),
    kv(S.source, text(t.source === 'target' ? S.sourceTarget : S.sourceGrowth)),
    ...(t.growthPct !== null ? [kv(S.growthPct, num(t.growthPct))] : []),
    kv(S.currentSales, num(t.currentSales, 'wan')),
    kv(S.basis, text(BASIS_LABELS[lang][t.basis])),
    kv(S.unit, num(t.unit)),
    kv(S.classified, text(`${classified} / ${result.customerColumns.count}`)),
    ...(issueCount ? [kv(S.issues, num(issueCount))] : []),
  ];
  return tableSheet({
    name,
    title: SHEET_TITLES[lang].summary,
    notes: notes(lang),
    headers: [W.tier, W.class, W.customers, W.potential, W.ourSales, W.target],
    body: lines.map((l) => [text(tiers.name(l.tier, lang)), text(l.class), num(l.customers), num(l.potential, 'wan'), num(l.ourSales, 'wan'), num(l.target, ts)]),
    total: { label: W.total, totals: [undefined, undefined, total.customers, total.potential, total.ourSales, total.target], styles: [undefined, undefined, 'totalLabel'] },
    after,
    freezeColumns: 0,
  });
}
