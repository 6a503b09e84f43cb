/**
 * The settings sheet ("ABC 设置"): the workbook's own settings as tables a person reads and
 * edits, and the defined names the tag formulas read them through.
 *
 * Layout (1-based columns): small tables stacked in A:E, each a heading, an optional note, a
 * header row and its rows (the thresholds and matrix one row per tier), with the products table
 * last so it can grow downwards; the two long lists that people extend, cities and industry
 * mapping, each in their own columns (G:H and J:K) with nothing below them; the tier
 * definitions and the tier for cities not listed in M:O. ABC_Cities/ABC_CityTiers cover spare
 * rows (at least 2,000) so that cities added at the end of the list count in the formulas.
 *
 * settingsRead.ts reads this back by its headings, so rows inserted between tables, or a table
 * moved down, still read.
 */
import { normaliseCity } from '../engine/cities';
import type { Settings } from '../engine/settings';
import { INDUSTRY_GROUPS } from '../engine/settings';
import type { TierId } from '../engine/tiers';
import { tierIdCell } from '../engine/tiers';
import type { Field } from '../engine/types';
import { CLASSES, FIELDS } from '../engine/types';
import type { Lang } from '../i18n';
import { COVERAGE_LABELS, FIELD_LABELS, INDUSTRY_LABELS } from '../i18n/engine';
import { BASIS_LABELS, SETTINGS_HEADINGS, SETTINGS_LABELS, SETTINGS_NOTES } from '../i18n/render';
import { num, text } from './cells';
import { areaRef } from './names';
import { DEFAULT_NAMES, type FormulaKey, type OurNames, ourName } from './ownership';
import { columnWidths } from './sizing';
import type { DefinedNameSpec, SheetSpec, SpecCell } from '../spec/write';

/** Columns of the three blocks (1-based). */
export const SETTINGS_COLUMNS = { left: 1, cities: 7, industries: 10, tiers: 13 } as const;
/** Rows the city and industry names cover at least, spare rows included. */
export const LIST_ROWS = 2000;
/** The tab colour of every generated sheet: ABC Planner's navy. */
export const TAB_COLOR = '1F3864';

/**
 * The city list as the formulas need it: canonical names (the tag formulas match the customer
 * sheet's canonical city), one row each. Where two entries name one city the later tier wins,
 * as in the engine's lookup. Entries that normalise to nothing cannot be matched and are left out.
 */
export function canonicalCities(cities: Settings['cities']): Settings['cities'] {
  const byCity = new Map<string, TierId>();
  for (const { city, tier } of cities) {
    const canonical = normaliseCity(city);
    if (canonical !== '') byCity.set(canonical, tier);
  }
  return [...byCity].map(([city, tier]) => ({ city, tier }));
}

/** A tier id's cell: a number for a whole-number id, else text (tierIdCell): the tag formulas match like with like. */
export function tierCell(id: TierId): SpecCell {
  const v = tierIdCell(id);
  return typeof v === 'number' ? num(v) : text(v);
}

/** Builds rows cell by cell at 1-based positions; grows as needed. */
class Grid {
  readonly rows: SpecCell[][] = [];
  readonly headerRows = new Set<number>();
  /** Note cells ("row,column", 0-based): they spill over their neighbours and do not size columns. */
  readonly notes = new Set<string>();
  set(row: number, column: number, cell: SpecCell): void {
    while (this.rows.length < row) this.rows.push([]);
    const r = this.rows[row - 1];
    while (r.length < column) r.push(null);
    r[column - 1] = cell;
  }
}

export interface SettingsSheetResult {
  sheet: SheetSpec;
  names: DefinedNameSpec[];
}

/**
 * The settings sheet for `settings`, named `sheetName`, in `lang`; its defined names are
 * `ours` (the defaults unless a person's names are in the way: see ownership.ts).
 */
export function settingsSheet(settings: Settings, lang: Lang, sheetName: string, ours: OurNames = DEFAULT_NAMES): SettingsSheetResult {
  const H = SETTINGS_HEADINGS[lang];
  const L = SETTINGS_LABELS[lang];
  const N = SETTINGS_NOTES[lang];
  const g = new Grid();
  const names: DefinedNameSpec[] = [];
  const name = (key: FormulaKey, r1: number, c1: number, r2 = r1, c2 = c1) =>
    names.push(ourName(ours.formulas[key], areaRef(sheetName, r1, c1, r2, c2), { kind: 'formula', key }));
  const A = SETTINGS_COLUMNS.left;
  const heading = (row: number, column: number, t: string) => g.set(row, column, text(t, 'totalLabel'));
  const headers = (row: number, column: number, labels: string[]) => {
    labels.forEach((l, i) => g.set(row, column + i, text(l, 'header')));
    g.headerRows.add(row - 1);
  };
  const note = (row: number, column: number, t: string) => {
    g.set(row, column, text(t, 'note'));
    g.notes.add(`${row - 1},${column - 1}`);
  };

  g.set(1, A, text(H.title, 'title'));
  note(2, A, N.intro);
  note(4, A, N.tags);
  g.set(3, A, text(L.version));
  g.set(3, A + 1, num(settings.version));
  name('version', 3, A + 1);
  names.push(ourName(ours.sheets.settings, areaRef(sheetName, 1, 1), { kind: 'sheet', sheet: 'settings' }, true));

  const tiers = settings.tiers;
  const last = tiers.length - 1;
  let row = 5;
  // Thresholds: one row per tier, in the tiers' order (the formulas find a tier's row by its
  // place in ABC_TierIds).
  heading(row, A, H.thresholds);
  headers(row + 1, A, [L.tier, L.aPotential, L.aSales, L.bPotential, L.bSales]);
  tiers.forEach((tier, i) => {
    const t = settings.thresholds[tier.id];
    g.set(row + 2 + i, A, text(tier[lang]));
    [t.aPotential, t.aSales, t.bPotential, t.bSales].forEach((v, j) => g.set(row + 2 + i, A + 1 + j, num(v)));
  });
  name('thresholds', row + 2, A + 1, row + 2 + last, A + 4);
  row += tiers.length + 3;

  heading(row, A, H.matrix);
  note(row + 1, A, N.share);
  headers(row + 2, A, [L.tier, L.matrixPotential, L.matrixShare]);
  tiers.forEach((tier, i) => {
    const m = settings.matrix[tier.id];
    g.set(row + 3 + i, A, text(tier[lang]));
    g.set(row + 3 + i, A + 1, num(m.potential));
    g.set(row + 3 + i, A + 2, num(m.share, 'percent'));
  });
  name('matrix', row + 3, A + 1, row + 3 + last, A + 2);
  row += tiers.length + 4;

  // Coverage: class letters as the class tag writes them, so VLOOKUP finds them.
  heading(row, A, H.coverage);
  headers(row + 1, A, [L.class, L.coverage]);
  CLASSES.forEach((cls, i) => {
    g.set(row + 2 + i, A, text(cls));
    g.set(row + 2 + i, A + 1, text(COVERAGE_LABELS[lang][settings.coverage[cls]]));
  });
  name('coverage', row + 2, A, row + 4, A + 1);
  row += 6;

  const t = settings.targets;
  heading(row, A, H.targets);
  headers(row + 1, A, [L.setting, L.value]);
  const targetRows: [string, SpecCell][] = [
    [L.companyTarget, t.companyTarget === null ? null : num(t.companyTarget)],
    [L.growthPct, num(t.growthPct)],
    [L.basis, text(BASIS_LABELS[lang][t.basis])],
    [L.blendPotentialWeight, num(t.blendPotentialWeight)],
    [L.unit, num(t.unit)],
  ];
  targetRows.forEach(([label, cell], i) => {
    g.set(row + 2 + i, A, text(label));
    g.set(row + 2 + i, A + 1, cell);
  });
  row += targetRows.length + 3;

  heading(row, A, H.load);
  headers(row + 1, A, [L.setting, L.value]);
  const loadRows: [string, number, FormulaKey][] = [
    [L.accounts, settings.load.accounts, 'loadAccounts'],
    [L.industries, settings.load.industries, 'loadIndustries'],
    [L.regions, settings.load.regions, 'loadRegions'],
  ];
  loadRows.forEach(([label, value, n], i) => {
    g.set(row + 2 + i, A, text(label));
    g.set(row + 2 + i, A + 1, num(value));
    name(n, row + 2 + i, A + 1);
  });
  row += 6;

  // Every field gets a row, blank when detected: a person fills in a header, adds no rows.
  heading(row, A, H.columns);
  headers(row + 1, A, [L.field, L.header]);
  FIELDS.forEach((field: Field, i) => {
    g.set(row + 2 + i, A, text(FIELD_LABELS[lang][field]));
    const h = settings.columns[field];
    if (h !== undefined && h !== '') g.set(row + 2 + i, A + 1, text(h));
  });
  row += FIELDS.length + 3;

  // Products last in the stack: the list may grow downwards.
  heading(row, A, H.products);
  note(row + 1, A, N.products);
  headers(row + 2, A, [L.product, L.mix]);
  const { names: products, mix } = settings.products;
  const productRows = Math.max(products?.length ?? 0, mix?.length ?? 0);
  for (let i = 0; i < productRows; i++) {
    const p = products?.[i];
    const m = mix?.[i];
    if (p !== undefined) g.set(row + 3 + i, A, text(p));
    if (m !== undefined) g.set(row + 3 + i, A + 1, num(m));
  }

  // The city list, canonical, with spare rows covered by the names.
  const C = SETTINGS_COLUMNS.cities;
  heading(5, C, H.cities);
  note(6, C, N.cities);
  headers(7, C, [L.city, L.cityTier]);
  const cities = canonicalCities(settings.cities);
  cities.forEach((c, i) => {
    g.set(8 + i, C, text(c.city));
    g.set(8 + i, C + 1, tierCell(c.tier));
  });
  const cityLast = 8 + Math.max(LIST_ROWS, cities.length + 500) - 1;
  name('cities', 8, C, cityLast, C);
  name('cityTiers', 8, C + 1, cityLast, C + 1);

  const I = SETTINGS_COLUMNS.industries;
  heading(5, I, H.industries);
  note(6, I, N.industries);
  headers(7, I, [L.industryText, L.industryGroup]);
  settings.industries.forEach((r, i) => {
    g.set(8 + i, I, text(r.text));
    g.set(8 + i, I + 1, text(INDUSTRY_LABELS[lang][r.group]));
  });
  const industryLast = 8 + Math.max(LIST_ROWS, settings.industries.length + 500) - 1;
  name('industries', 8, I, industryLast, I);
  name('industryGroups', 8, I + 1, industryLast, I + 1);

  // The tier definitions, in order, and the tier for cities not listed (ABC_FallbackTier).
  const T = SETTINGS_COLUMNS.tiers;
  heading(5, T, H.tiers);
  note(6, T, N.tiers);
  g.set(7, T, text(L.fallbackTier));
  g.set(7, T + 1, tierCell(settings.fallbackTier));
  name('fallbackTier', 7, T + 1);
  headers(8, T, [L.tierId, L.tierZh, L.tierEn]);
  tiers.forEach((tier, i) => {
    g.set(9 + i, T, tierCell(tier.id));
    g.set(9 + i, T + 1, text(tier.zh));
    g.set(9 + i, T + 2, text(tier.en));
  });
  name('tierIds', 9, T, 9 + last, T);

  // Notes and titles run across columns: they do not size them.
  const widths = columnWidths(g.rows, { wrapRows: g.headerRows, skipRows: new Set([0]), skipCell: (r, c) => g.notes.has(`${r},${c}`), wrapAt: 24, min: 4 });
  widths[SETTINGS_COLUMNS.cities - 2] = 3; // the gaps between the blocks
  widths[SETTINGS_COLUMNS.industries - 2] = 3;
  widths[SETTINGS_COLUMNS.tiers - 2] = 3;
  return {
    sheet: { name: sheetName, rows: g.rows, columnWidths: widths, tabColor: TAB_COLOR },
    names,
  };
}

/** Every label a choice can be written as, in both languages, with the settings key. */
export function choiceLabels<K extends string>(labels: Record<Lang, Record<K, string>>, keys: readonly K[]): Map<string, K> {
  const map = new Map<string, K>();
  for (const k of keys) {
    map.set(choiceKey(k), k);
    map.set(choiceKey(labels.zh[k]), k);
    map.set(choiceKey(labels.en[k]), k);
  }
  return map;
}

/** Labels compare without case, width or spaces: "Tier 1", "tier1", "一级城市". */
export const choiceKey = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

export const INDUSTRY_CHOICES = choiceLabels(INDUSTRY_LABELS, INDUSTRY_GROUPS);
