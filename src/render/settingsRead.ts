/**
 * Reads a settings sheet back into Settings, from its values as a host reads them. Tables are
 * found by their headings (in either language), not by fixed positions, so rows a person
 * inserted between tables do no harm. Every value the tag formulas use must be what the
 * formulas can use too (a number, not the text "500"; a tier's id as the tier definitions write
 * it): anything else is a problem
 * that names the cell and says what to type, so that whatever this accepts, the formulas and
 * the engine compute alike. Validation beyond that is the engine's parseSettings.
 */
import { columnLetter } from '../engine/a1';
import { normaliseCity } from '../engine/cities';
import type { AllocationBasis, Settings } from '../engine/settings';
import { ALLOCATION_BASES, parseSettings } from '../engine/settings';
import type { TierDef } from '../engine/tiers';
import { DEFAULT_TIERS, TIER_ID_PATTERN, tierIdFromCell } from '../engine/tiers';
import type { CellValue, Coverage, Field } from '../engine/types';
import { CLASSES, FIELDS } from '../engine/types';
import type { Lang } from '../i18n';
import { COVERAGE_LABELS, FIELD_LABELS, INDUSTRY_LABELS } from '../i18n/engine';
import type { SettingsHeading, SettingsLabel, SettingsSheetProblem } from '../i18n/render';
import { BASIS_LABELS, SETTINGS_HEADINGS, SETTINGS_LABELS } from '../i18n/render';
import { INDUSTRY_CHOICES, choiceKey, choiceLabels } from './settingsSheet';

export type SettingsSheetResult = { ok: true; settings: Settings } | { ok: false; problems: SettingsSheetProblem[] };

export interface SettingsSheetOrigin {
  /** Sheet row of values[0] (1-based); default 1. */
  firstRow?: number;
  /** Sheet column of values[r][0] (1-based); default 1. */
  firstColumn?: number;
  /** The sheet's name, carried into problems for messages. */
  sheet?: string;
}

const COVERAGE_CHOICES = choiceLabels(COVERAGE_LABELS, ['direct', 'joint', 'partner'] as const);
const BASIS_CHOICES = choiceLabels(BASIS_LABELS, ALLOCATION_BASES);
const FIELD_CHOICES = choiceLabels(FIELD_LABELS as Record<Lang, Record<Field, string>>, FIELDS);

function lookup<K extends string>(labels: Record<Lang, Record<K, string>>): Map<string, K> {
  const map = new Map<string, K>();
  for (const lang of ['zh', 'en'] as const) for (const k of Object.keys(labels[lang]) as K[]) map.set(choiceKey(labels[lang][k]), k);
  return map;
}
const HEADINGS = lookup(SETTINGS_HEADINGS);
const LABELS = lookup(SETTINGS_LABELS);

const isBlank = (v: CellValue | undefined): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** The values with positions, and what was read where. */
class SheetReader {
  readonly problems: SettingsSheetProblem[] = [];
  /** Path ("thresholds.1.aPotential") → the cell it was read from. */
  readonly cells = new Map<string, string>();
  /** Where each heading is (0-based row and column in values). */
  readonly headings = new Map<SettingsHeading, { r: number; c: number }>();
  lang: Lang = 'zh';

  constructor(
    private readonly values: CellValue[][],
    private readonly origin: Required<Omit<SettingsSheetOrigin, 'sheet'>> & { sheet?: string },
  ) {
    let zhHits = 0;
    let enHits = 0;
    values.forEach((row, r) =>
      row?.forEach((v, c) => {
        if (typeof v !== 'string') return;
        const h = HEADINGS.get(choiceKey(v));
        if (h && !this.headings.has(h)) {
          this.headings.set(h, { r, c });
          if (SETTINGS_HEADINGS.zh[h] === v.trim()) zhHits++;
          else enHits++;
        }
      }),
    );
    this.lang = enHits > zhHits ? 'en' : 'zh';
  }

  get(r: number, c: number): CellValue {
    return this.values[r]?.[c] ?? null;
  }

  address(r: number, c: number): string {
    return `${columnLetter(this.origin.firstColumn + c)}${this.origin.firstRow + r}`;
  }

  get rowCount(): number {
    return this.values.length;
  }

  problem(p: Omit<SettingsSheetProblem, 'sheet'>): void {
    this.problems.push(this.origin.sheet ? { ...p, sheet: this.origin.sheet } : p);
  }

  note(path: (string | number)[], r: number, c: number): void {
    this.cells.set(path.join('.'), this.address(r, c));
  }

  /**
   * The first data row of a table: the row after its header row, found as the first row under
   * the heading (within 3) whose cell in the heading's column is the header's first label.
   */
  tableStart(heading: SettingsHeading, firstLabel: SettingsLabel): { r: number; c: number } | undefined {
    const at = this.headings.get(heading);
    if (!at) {
      this.problem({ key: 'sheet-missing-table', path: [], params: { table: SETTINGS_HEADINGS[this.lang][heading] } });
      return undefined;
    }
    for (let r = at.r + 1; r <= at.r + 3; r++) {
      const v = this.get(r, at.c);
      if (typeof v === 'string' && LABELS.get(choiceKey(v)) === firstLabel) return { r: r + 1, c: at.c };
    }
    this.problem({ key: 'sheet-missing-table', path: [], params: { table: SETTINGS_HEADINGS[this.lang][heading] } });
    return undefined;
  }

  /** A number a formula can use: a numeric cell. Blank → the `blank` value, or a problem. */
  number(r: number, c: number, path: (string | number)[], what: string, blank?: null): number | null | undefined {
    this.note(path, r, c);
    const v = this.get(r, c);
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (isBlank(v)) {
      if (blank === null) return null;
      this.problem({ key: 'sheet-missing-value', path, params: { what }, cell: this.address(r, c) });
      return undefined;
    }
    this.problem({ key: 'sheet-not-number', path, params: { found: String(v) }, cell: this.address(r, c) });
    return undefined;
  }

  /** A choice written as a label (either language) or its key. */
  choice<K extends string>(r: number, c: number, path: (string | number)[], choices: Map<string, K>, shown: string[], what: string): K | undefined {
    this.note(path, r, c);
    const v = this.get(r, c);
    if (isBlank(v)) {
      this.problem({ key: 'sheet-missing-value', path, params: { what }, cell: this.address(r, c) });
      return undefined;
    }
    const k = choices.get(choiceKey(String(v)));
    if (k === undefined) this.problem({ key: 'sheet-unknown-choice', path, params: { found: String(v), choices: shown.join(this.lang === 'zh' ? '、' : ', ') }, cell: this.address(r, c) });
    return k;
  }

  text(r: number, c: number): string {
    const v = this.get(r, c);
    return isBlank(v) ? '' : typeof v === 'string' ? v.trim() : String(v);
  }

  /** Rows from `start` to the end of the values whose cells in columns c..c+width-1 are not all blank. */
  *listRows(start: number, c: number, width: number): Generator<number> {
    for (let r = start; r < this.rowCount; r++) {
      let any = false;
      for (let j = 0; j < width; j++) if (!isBlank(this.get(r, c + j))) any = true;
      if (any) yield r;
    }
  }

  /** Rows of a fixed table: from `start` until a row blank in its first two columns or the next heading. */
  *tableRows(start: number, c: number): Generator<number> {
    for (let r = start; r < this.rowCount; r++) {
      const first = this.get(r, c);
      if (isBlank(first) && isBlank(this.get(r, c + 1))) return;
      if (typeof first === 'string' && HEADINGS.has(choiceKey(first))) return;
      yield r;
    }
  }
}

/**
 * Reads a settings sheet (its values, as a host reads them) into Settings. `values[0][0]` is
 * A1 unless `origin` says otherwise. Problems name the cell to look at.
 */
export function settingsFromSheet(values: CellValue[][], origin: SettingsSheetOrigin = {}): SettingsSheetResult {
  const s = new SheetReader(values, { firstRow: origin.firstRow ?? 1, firstColumn: origin.firstColumn ?? 1, ...(origin.sheet ? { sheet: origin.sheet } : {}) });
  const lang = s.lang;
  const L = SETTINGS_LABELS[lang];
  const raw: Record<string, unknown> = {};

  // Version: the value right of its label, wherever it is.
  versionSearch: for (let r = 0; r < s.rowCount; r++) {
    const row = values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === 'string' && LABELS.get(choiceKey(v)) === 'version') {
        const version = s.number(r, c + 1, ['version'], L.version);
        if (version !== undefined && version !== null) raw.version = version;
        break versionSearch;
      }
    }
  }

  // The tiers: the definitions table; a sheet of settings version 1 has none and had the default three.
  const tiers = readTiers(s, raw);
  // Ids are codes: listed alike in either language (a message may be read in the other one).
  const tierIds = tiers.map((t) => t.id).join(', ');

  const labelKeys = (t: TierDef) => [t.id, t.zh, t.en].map(choiceKey);
  /** Whether a row label names the tier (its id, as a cell holds it, or either name). */
  const names = (label: CellValue, t: TierDef): boolean => tierIdFromCell(label) === t.id || (typeof label === 'string' && labelKeys(t).includes(choiceKey(label)));

  /** A table of one row per tier, in the tiers' order (the formulas find a tier's row by its place); fields with their labels. */
  const tierRows = (heading: SettingsHeading, fields: readonly (readonly [string, SettingsLabel])[], group: 'thresholds' | 'matrix') => {
    const start = s.tableStart(heading, 'tier');
    if (!start) return;
    const out: Record<string, Record<string, number | undefined>> = {};
    tiers.forEach((tier, i) => {
      const r = start.r + i;
      // Rows out of order show as a row labelled with another tier (or none); a label that
      // names no tier is this tier renamed in the definitions, which the next plan relabels.
      const label = s.get(r, start.c);
      if (isBlank(label) || (!names(label, tier) && tiers.some((other) => names(label, other)))) {
        s.problem({ key: 'sheet-tier-row', path: [group, tier.id], params: { expected: tier[lang] }, cell: s.address(r, start.c) });
      }
      const values: Record<string, number | undefined> = {};
      fields.forEach(([f, label], j) => {
        const v = s.number(r, start.c + 1 + j, [group, tier.id, f], L[label]);
        if (v !== null) values[f] = v;
      });
      out[tier.id] = values;
    });
    raw[group] = out;
  };
  tierRows('thresholds', [['aPotential', 'aPotential'], ['aSales', 'aSales'], ['bPotential', 'bPotential'], ['bSales', 'bSales']], 'thresholds');
  tierRows('matrix', [['potential', 'matrixPotential'], ['share', 'matrixShare']], 'matrix');

  const coverageStart = s.tableStart('coverage', 'class');
  if (coverageStart) {
    const coverage: Record<string, Coverage | undefined> = {};
    CLASSES.forEach((cls, i) => {
      const r = coverageStart.r + i;
      const label = s.get(r, coverageStart.c);
      if (typeof label !== 'string' || label.trim().toUpperCase() !== cls) {
        s.problem({ key: 'sheet-class-row', path: ['coverage', cls], params: { expected: cls }, cell: s.address(r, coverageStart.c) });
      }
      coverage[cls] = s.choice(r, coverageStart.c + 1, ['coverage', cls], COVERAGE_CHOICES, Object.values(COVERAGE_LABELS[lang]), L.coverage);
    });
    raw.coverage = coverage;
  }

  // Key–value tables: rows in any order, found by their labels; a missing row takes the default.
  const keyValues = (heading: SettingsHeading, read: (label: SettingsLabel, r: number, c: number) => void) => {
    const start = s.tableStart(heading, 'setting');
    if (!start) return;
    for (const r of s.tableRows(start.r, start.c)) {
      const label = s.get(r, start.c);
      const key = typeof label === 'string' ? LABELS.get(choiceKey(label)) : undefined;
      if (key) read(key, r, start.c + 1);
    }
  };
  const targets: Record<string, unknown> = {};
  keyValues('targets', (label, r, c) => {
    switch (label) {
      case 'companyTarget':
        targets.companyTarget = s.number(r, c, ['targets', 'companyTarget'], L.companyTarget, null);
        break;
      case 'growthPct':
      case 'blendPotentialWeight':
      case 'unit':
        targets[label] = s.number(r, c, ['targets', label], L[label]);
        break;
      case 'basis':
        targets.basis = s.choice<AllocationBasis>(r, c, ['targets', 'basis'], BASIS_CHOICES, Object.values(BASIS_LABELS[lang]), L.basis);
        break;
      default:
        break;
    }
  });
  raw.targets = targets;

  const load: Record<string, unknown> = {};
  keyValues('load', (label, r, c) => {
    if (label === 'accounts' || label === 'industries' || label === 'regions') load[label] = s.number(r, c, ['load', label], L[label]);
  });
  raw.load = load;

  const columnsStart = s.tableStart('columns', 'field');
  const columns: Partial<Record<Field, string>> = {};
  if (columnsStart) {
    for (const r of s.tableRows(columnsStart.r, columnsStart.c)) {
      const header = s.text(r, columnsStart.c + 1);
      if (header === '') continue;
      const field = s.choice(r, columnsStart.c, ['columns'], FIELD_CHOICES, Object.values(FIELD_LABELS[lang]).slice(0, FIELDS.length), L.field);
      if (field) {
        columns[field] = header;
        s.note(['columns', field], r, columnsStart.c + 1);
      }
    }
  }
  raw.columns = columns;

  const productsStart = s.tableStart('products', 'product');
  if (productsStart) {
    const names: string[] = [];
    const mix: (number | undefined)[] = [];
    const nameCells: [number, number][] = [];
    let blankNames = 0;
    let blankMix = 0;
    for (const r of s.listRows(productsStart.r, productsStart.c, 2)) {
      const i = names.length;
      const name = s.text(r, productsStart.c);
      names.push(name);
      nameCells.push([r, productsStart.c]);
      s.note(['products', 'names', i], r, productsStart.c);
      if (name === '') blankNames++;
      const m = s.number(r, productsStart.c + 1, ['products', 'mix', i], L.mix, null);
      if (m === null) blankMix++;
      mix.push(m ?? undefined);
    }
    s.note(['products', 'mix'], productsStart.r - 1, productsStart.c + 1);
    s.note(['products', 'names'], productsStart.r - 1, productsStart.c);
    // All names blank: the sheet's product columns. Some blank: a name is missing.
    if (blankNames > 0 && blankNames < names.length) {
      names.forEach((n, i) => {
        if (n === '') s.problem({ key: 'sheet-missing-value', path: ['products', 'names', i], params: { what: L.product }, cell: s.address(nameCells[i][0], nameCells[i][1]) });
      });
    }
    if (blankMix > 0 && blankMix < mix.length) {
      mix.forEach((m, i) => {
        if (m === undefined && !s.problems.some((p) => p.path.join('.') === `products.mix.${i}`)) {
          s.problem({ key: 'sheet-missing-value', path: ['products', 'mix', i], params: { what: L.mix }, cell: s.address(nameCells[i][0], productsStart.c + 1) });
        }
      });
    }
    raw.products = {
      names: names.length && blankNames === 0 ? names : null,
      mix: mix.length && blankMix === 0 ? mix : null,
    };
  }

  // A tier as the cell holds it, in the form the tag formulas match (tierIdFromCell).
  const known = new Set(tiers.map((t) => t.id));
  const tierOf = (v: CellValue): string | undefined => {
    const id = tierIdFromCell(v);
    return id !== undefined && known.has(id) ? id : undefined;
  };

  const citiesStart = s.tableStart('cities', 'city');
  if (citiesStart) {
    const cities: { city: string; tier: string | undefined }[] = [];
    for (const r of s.listRows(citiesStart.r, citiesStart.c, 2)) {
      const i = cities.length;
      const cityText = s.text(r, citiesStart.c);
      s.note(['cities', i], r, citiesStart.c);
      s.note(['cities', i, 'city'], r, citiesStart.c);
      if (cityText === '') s.problem({ key: 'sheet-missing-value', path: ['cities', i, 'city'], params: { what: L.city }, cell: s.address(r, citiesStart.c) });
      const tierValue = s.get(r, citiesStart.c + 1);
      s.note(['cities', i, 'tier'], r, citiesStart.c + 1);
      const tier = tierOf(tierValue);
      if (tier === undefined) {
        if (isBlank(tierValue)) s.problem({ key: 'sheet-missing-value', path: ['cities', i, 'tier'], params: { what: L.cityTier }, cell: s.address(r, citiesStart.c + 1) });
        else s.problem({ key: 'sheet-unknown-tier', path: ['cities', i, 'tier'], params: { found: String(tierValue), tiers: tierIds }, cell: s.address(r, citiesStart.c + 1) });
      }
      // Canonical names, as the engine looks them up: a person's "西安市" is 西安.
      cities.push({ city: cityText === '' ? cityText : normaliseCity(cityText) || cityText, tier });
    }
    raw.cities = cities;
  }

  const industriesStart = s.tableStart('industries', 'industryText');
  if (industriesStart) {
    const rules: { text: string; group: string | undefined }[] = [];
    for (const r of s.listRows(industriesStart.r, industriesStart.c, 2)) {
      const i = rules.length;
      const t = s.text(r, industriesStart.c);
      s.note(['industries', i], r, industriesStart.c);
      s.note(['industries', i, 'text'], r, industriesStart.c);
      if (t === '') s.problem({ key: 'sheet-missing-value', path: ['industries', i, 'text'], params: { what: L.industryText }, cell: s.address(r, industriesStart.c) });
      const group = s.choice(r, industriesStart.c + 1, ['industries', i, 'group'], INDUSTRY_CHOICES, Object.values(INDUSTRY_LABELS[lang]), L.industryGroup);
      rules.push({ text: t, group });
    }
    raw.industries = rules;
  }

  if (s.problems.length) return { ok: false, problems: s.problems };
  const parsed = parseSettings(raw);
  if (parsed.ok) return parsed;
  return {
    ok: false,
    problems: parsed.problems.map((p) => {
      const cell = cellFor(s.cells, p.path);
      const out: SettingsSheetProblem = { ...p };
      if (cell) out.cell = cell;
      if (origin.sheet) out.sheet = origin.sheet;
      return out;
    }),
  };
}

/**
 * The tier definitions table: id, Chinese name, English name per row, in order, and the tier
 * for cities not listed (the value right of its label). Into `raw` as tiers and fallbackTier;
 * returns the tiers the other tables are read by. A sheet of settings version 1 has no such
 * table: it had the default three tiers, and the migration adds them.
 */
function readTiers(s: SheetReader, raw: Record<string, unknown>): readonly TierDef[] {
  const L = SETTINGS_LABELS[s.lang];
  if (raw.version === 1 && !s.headings.has('tiers')) return DEFAULT_TIERS;
  const start = s.tableStart('tiers', 'tierId');
  if (!start) return DEFAULT_TIERS;
  const tiers: TierDef[] = [];
  for (const r of s.tableRows(start.r, start.c)) {
    const i = tiers.length;
    const v = s.get(r, start.c);
    s.note(['tiers', i], r, start.c);
    s.note(['tiers', i, 'id'], r, start.c);
    s.note(['tiers', i, 'zh'], r, start.c + 1);
    s.note(['tiers', i, 'en'], r, start.c + 2);
    const id = tierIdFromCell(v);
    if (id === undefined || !TIER_ID_PATTERN.test(id)) {
      s.problem(
        isBlank(v)
          ? { key: 'sheet-missing-value', path: ['tiers', i, 'id'], params: { what: L.tierId }, cell: s.address(r, start.c) }
          : { key: 'settings-invalid-tier-id', path: ['tiers', i, 'id'], params: { found: String(v) }, cell: s.address(r, start.c) },
      );
    }
    tiers.push({ id: id ?? '', zh: s.text(r, start.c + 1), en: s.text(r, start.c + 2) });
  }
  raw.tiers = tiers;
  // The fallback: right of its label, which sits between the heading and the table.
  const heading = s.headings.get('tiers')!;
  for (let r = heading.r + 1; r < start.r; r++) {
    const label = s.get(r, heading.c);
    if (typeof label !== 'string' || LABELS.get(choiceKey(label)) !== 'fallbackTier') continue;
    s.note(['fallbackTier'], r, heading.c + 1);
    const v = s.get(r, heading.c + 1);
    const id = tierIdFromCell(v);
    if (id === undefined) {
      s.problem(
        isBlank(v)
          ? { key: 'sheet-missing-value', path: ['fallbackTier'], params: { what: L.fallbackTier }, cell: s.address(r, heading.c + 1) }
          : { key: 'sheet-unknown-tier', path: ['fallbackTier'], params: { found: String(v), tiers: tiers.map((t) => t.id).join(', ') }, cell: s.address(r, heading.c + 1) },
      );
    } else raw.fallbackTier = id;
  }
  return tiers.filter((t) => t.id !== '');
}

/** The cell read for a path, or for its nearest parent that has one. */
function cellFor(cells: Map<string, string>, path: (string | number)[]): string | undefined {
  for (let n = path.length; n > 0; n--) {
    const hit = cells.get(path.slice(0, n).join('.'));
    if (hit) return hit;
  }
  return undefined;
}
