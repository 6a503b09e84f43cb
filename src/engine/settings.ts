/**
 * The planning settings: one typed, versioned object, validated with zod, that travels with the
 * workbook (its settings sheet) and drives every rule of the engine. Amounts are in 万元.
 */
import { z } from 'zod';
import { MAX_AMOUNT_WAN, MAX_GROWTH_PCT, MAX_TARGET_WAN } from './amounts';
import { TIER1_CITIES, TIER2_CITIES } from './cities';
import type { TierDef, TierId, TierProblem } from './tiers';
import { DEFAULT_TIERS, TIER_ID_PATTERN, badTierKeys, byTierSchema, copyTiers, defaultFallbackTier, tierIdSchema, tierProblems, tiersSchema } from './tiers';

/** Version 2: the tiers are settings (tiers, fallbackTier); version 1 had the fixed three. */
export const SETTINGS_VERSION = 2;

export const INDUSTRY_GROUPS = ['government', 'finance-telecom', 'education', 'petrochemical', 'enterprise', 'other'] as const;
export type IndustryGroup = (typeof INDUSTRY_GROUPS)[number];

export const ALLOCATION_BASES = ['potential', 'ourSales', 'blend', 'even'] as const;
export type AllocationBasis = (typeof ALLOCATION_BASES)[number];

/** Allocation steps planners use: 0.1, 1 or 10 万元. */
export const ALLOCATION_UNITS = [0.1, 1, 10] as const;

/**
 * At most 200 products. The By customer sheet has a column per product (and Excel stops at
 * 16,384 columns), but long before that a plan stops being readable: a planner splits targets
 * over a product line, a few to a few dozen products; 200 leaves room for a detailed catalogue
 * while every breakdown sheet stays a table a person can scroll.
 */
export const MAX_PRODUCTS = 200;
/** Names in the settings (products, cities, industry words) are labels: 255 characters is plenty, and fits every cell and header. */
export const MAX_NAME_LENGTH = 255;
/** A column override is a header of the user's sheet: at most what a cell holds. */
const MAX_HEADER_LENGTH = 32_767;
/** A sheet's rows: no load per salesperson can be more customers than that. */
const MAX_ROWS = 1_048_576;

/** A threshold or split in 万元: what a cell may hold (see MAX_AMOUNT_WAN). */
const amount = z.number().finite().nonnegative().max(MAX_AMOUNT_WAN);
const label = z.string().trim().min(1).max(MAX_NAME_LENGTH);

const tierThresholdsSchema = z.strictObject({
  aPotential: amount,
  aSales: amount,
  bPotential: amount,
  bSales: amount,
});
export type TierThresholds = z.infer<typeof tierThresholdsSchema>;

const matrixSplitSchema = z.strictObject({
  /** Potential at or above this is "high potential" (万元). */
  potential: amount,
  /** Share (our sales ÷ potential) at or above this is "high share", 0–1. */
  share: z.number().finite().min(0).max(1),
});
export type MatrixSplit = z.infer<typeof matrixSplitSchema>;

const cityTierSchema = z.strictObject({
  city: label,
  /** The id of one of the settings' tiers. */
  tier: tierIdSchema,
});
export type CityTier = z.infer<typeof cityTierSchema>;

const industryRuleSchema = z.strictObject({
  /** What planners type (matched ignoring case, spaces and width; whole text first, then "contains"). */
  text: label,
  group: z.enum(INDUSTRY_GROUPS),
});
export type IndustryRule = z.infer<typeof industryRuleSchema>;

export const settingsSchema = z.strictObject({
  version: z.literal(SETTINGS_VERSION),
  /** The tiers in order, highest first (tiers.ts). */
  tiers: tiersSchema,
  /** The id of the tier a city not listed (or a blank city) falls to. */
  fallbackTier: tierIdSchema,
  /** Cities with their tier; any city not listed falls to fallbackTier. */
  cities: z.array(cityTierSchema),
  /** One entry per tier, keyed by its id. */
  thresholds: byTierSchema(tierThresholdsSchema),
  matrix: byTierSchema(matrixSplitSchema),
  coverage: z.strictObject({
    A: z.enum(['direct', 'joint', 'partner']),
    B: z.enum(['direct', 'joint', 'partner']),
    C: z.enum(['direct', 'joint', 'partner']),
  }),
  industries: z.array(industryRuleSchema),
  products: z.strictObject({
    /** Product names; null means "the sheet's product columns, else 产品1–产品4". */
    names: z.array(label).min(1).max(MAX_PRODUCTS).nullable(),
    /** Mix in percent, one per product, summing to 100; null means "from history, else equal". */
    mix: z.array(z.number().finite().nonnegative().max(100)).min(1).max(MAX_PRODUCTS).nullable(),
  }),
  targets: z.strictObject({
    /** The company's annual target in 万元; null means "use growth over current sales". */
    companyTarget: z.number().finite().nonnegative().max(MAX_TARGET_WAN).nullable(),
    /** Growth in percent over this year's sales, used when companyTarget is null. */
    growthPct: z.number().finite().min(-100).max(MAX_GROWTH_PCT),
    basis: z.enum(ALLOCATION_BASES),
    /** Weight of potential in the blended basis (0–1); our sales take the rest. */
    blendPotentialWeight: z.number().finite().min(0).max(1),
    unit: z.union([z.literal(0.1), z.literal(1), z.literal(10)]),
  }),
  /** The brief's load per salesperson: 10 named accounts, 2 industries, 1 region. */
  load: z.strictObject({
    accounts: z.number().int().nonnegative().max(MAX_ROWS),
    industries: z.number().int().nonnegative().max(MAX_ROWS),
    regions: z.number().int().nonnegative().max(MAX_ROWS),
  }),
  /** Columns the user chose by hand: field → header text. Wins over detection. */
  columns: z.partialRecord(z.enum(['name', 'city', 'industry', 'potential', 'ourSales', 'owner', 'region', 'branch']), z.string().max(MAX_HEADER_LENGTH)),
});

export type Settings = z.infer<typeof settingsSchema>;

/** The deck's industry words, and their common variants, mapped to the target table's groups. */
const DEFAULT_INDUSTRY_RULES: IndustryRule[] = [
  ...['政府', '政府机关', '政务', '公安', '税务', '事业单位', 'Government', 'Public sector'].map((text) => ({ text, group: 'government' as const })),
  ...['金融', '银行', '保险', '证券', '基金', '电信', '运营商', '通信', '移动', '联通', 'Finance', 'Financial', 'Bank', 'Banking', 'Insurance', 'Telecom', 'Telecommunications', 'Carrier'].map((text) => ({ text, group: 'finance-telecom' as const })),
  ...['教育', '学校', '高校', '大学', '中学', '小学', 'Education', 'School', 'University'].map((text) => ({ text, group: 'education' as const })),
  ...['石化', '石油', '化工', '石油化工', 'Petrochemical', 'Oil', 'Oil & Gas', 'Chemical'].map((text) => ({ text, group: 'petrochemical' as const })),
  // 网吧 (internet cafés) are businesses: the deck's target table has no row of their own.
  ...['企业', '制造', '制造业', '零售', '互联网', '网吧', '中小企业', 'Enterprise', 'Manufacturing', 'Retail', 'Internet cafe', 'SMB'].map((text) => ({ text, group: 'enterprise' as const })),
];

/** The thresholds and matrix splits of the default tiers. */
const DEFAULT_TIER_VALUES: Record<string, { thresholds: TierThresholds; matrix: MatrixSplit }> = {
  '1': { thresholds: { aPotential: 500, aSales: 200, bPotential: 100, bSales: 30 }, matrix: { potential: 500, share: 0.4 } },
  '2': { thresholds: { aPotential: 300, aSales: 100, bPotential: 50, bSales: 15 }, matrix: { potential: 300, share: 0.4 } },
  '3': { thresholds: { aPotential: 150, aSales: 50, bPotential: 20, bSales: 5 }, matrix: { potential: 150, share: 0.4 } },
};

/**
 * A tier's default thresholds and matrix split: a default tier's own, and for any other tier
 * those of the lowest default tier (the lowest minimums). One rule for a
 * settings file that leaves a tier out, a tier added in the pane and the pane's Reset.
 */
export function tierDefaults(id: TierId): { thresholds: TierThresholds; matrix: MatrixSplit } {
  const v = DEFAULT_TIER_VALUES[id] ?? DEFAULT_TIER_VALUES[defaultFallbackTier(DEFAULT_TIERS)];
  return { thresholds: { ...v.thresholds }, matrix: { ...v.matrix } };
}

/** The default settings for these tiers (the default three unless given): the default city list keeps the entries whose tier is among them. */
export function defaultSettings(tiers: readonly TierDef[] = DEFAULT_TIERS): Settings {
  const ids = new Set(tiers.map((t) => t.id));
  const cities = [...TIER1_CITIES.map((city) => ({ city, tier: '1' })), ...TIER2_CITIES.map((city) => ({ city, tier: '2' }))];
  return {
    version: SETTINGS_VERSION,
    tiers: copyTiers(tiers),
    fallbackTier: defaultFallbackTier(tiers),
    cities: cities.filter((c) => ids.has(c.tier)),
    thresholds: Object.fromEntries(tiers.map((t) => [t.id, tierDefaults(t.id).thresholds])),
    matrix: Object.fromEntries(tiers.map((t) => [t.id, tierDefaults(t.id).matrix])),
    coverage: { A: 'direct', B: 'joint', C: 'partner' },
    industries: DEFAULT_INDUSTRY_RULES.map((r) => ({ ...r })),
    products: { names: null, mix: null },
    targets: { companyTarget: null, growthPct: 0, basis: 'potential', blendPotentialWeight: 0.5, unit: 1 },
    load: { accounts: 10, industries: 2, regions: 1 },
    columns: {},
  };
}

/** A problem in a settings object, as data: i18n turns it into words for planners. */
export interface SettingsProblem {
  /** Where, as a path into the settings object: ["thresholds", "2", "aPotential"]. */
  path: (string | number)[];
  key:
    | 'settings-not-object'
    | 'settings-newer-version'
    | 'settings-invalid-type'
    | 'settings-too-small'
    | 'settings-too-big'
    | 'settings-invalid'
    | 'settings-unknown-field'
    | 'settings-a-below-b'
    | 'settings-mix-length'
    | 'settings-mix-sum'
    | 'settings-duplicate-city'
    | 'settings-duplicate-product'
    | 'settings-invalid-tier-id'
    | TierProblem['key'];
  params: Record<string, string | number>;
}

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; problems: SettingsProblem[] };

/**
 * Upgrades settings written by an earlier version to this one. Each step takes version n to
 * n + 1.
 */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  // 1 → 2: version 1 had the fixed three tiers, ids 1, 2, 3, unlisted cities in Tier 3, and
  // the city list's tiers as numbers. Its thresholds and matrix were already keyed "1"–"3".
  1: (old) => {
    const next: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(old)) put(next, k, v);
    put(next, 'tiers', copyTiers(DEFAULT_TIERS));
    put(next, 'fallbackTier', '3');
    if (Array.isArray(old.cities)) {
      put(next, 'cities', old.cities.map((c: unknown) => (isPlainObject(c) && typeof c.tier === 'number' ? { ...c, tier: String(c.tier) } : c)));
    }
    return next;
  },
};

type Migrated = { ok: true; value: Record<string, unknown> } | { ok: false; problem: SettingsProblem };

export function migrateSettings(raw: Record<string, unknown>): Migrated {
  let current = raw;
  // Settings without a version were written by hand for this version; a version must be a
  // whole number (1, not "1": what a program wrote says its version exactly).
  if (current.version !== undefined && !Number.isSafeInteger(current.version)) {
    const expected = typeof current.version === 'number' ? 'int' : 'number';
    return { ok: false, problem: { path: ['version'], key: 'settings-invalid-type', params: { expected, found: typeof current.version } } };
  }
  let version = typeof current.version === 'number' ? current.version : SETTINGS_VERSION;
  if (version > SETTINGS_VERSION) {
    return { ok: false, problem: { path: ['version'], key: 'settings-newer-version', params: { found: version, supported: SETTINGS_VERSION } } };
  }
  while (version < SETTINGS_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) return { ok: false, problem: { path: ['version'], key: 'settings-invalid', params: { found: version } } };
    current = step(current);
    version += 1;
  }
  const value = { ...current };
  put(value, 'version', version);
  return { ok: true, value };
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The tiers a raw settings object names (for its defaults), when it names them in a usable form. */
function rawTiers(raw: Record<string, unknown>): TierDef[] | undefined {
  const tiers = raw.tiers;
  if (!Array.isArray(tiers) || tiers.length === 0) return undefined;
  const out: TierDef[] = [];
  for (const t of tiers) {
    if (!isPlainObject(t)) return undefined;
    const id = typeof t.id === 'number' ? String(t.id) : t.id;
    if (typeof id !== 'string') return undefined;
    out.push({ id, zh: String(t.zh ?? ''), en: String(t.en ?? '') });
  }
  return out;
}

/**
 * Fills parts left out with the defaults, one level into the nested groups, so a file may hold
 * only what it changes. The defaults are those of the file's own tiers when it names them: a
 * tier left out of the thresholds gets its default (tierDefaults), the fallback is the last
 * tier, and the default city list keeps only the cities whose tier is there.
 */
function withDefaults(raw: Record<string, unknown>): Record<string, unknown> {
  // Only ids that can be ids get default entries; the schema says what is wrong with the others.
  const tiers = rawTiers(raw)?.filter((t) => TIER_ID_PATTERN.test(t.id));
  const defaults = defaultSettings(tiers) as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(raw)) {
    const base = defaults[key];
    if (isPlainObject(base) && isPlainObject(value) && key !== 'columns') {
      const merged: Record<string, unknown> = { ...base };
      for (const [k, v] of Object.entries(value)) {
        const inner = Object.hasOwn(merged, k) ? merged[k] : undefined;
        put(merged, k, isPlainObject(inner) && isPlainObject(v) ? { ...inner, ...v } : v);
      }
      put(out, key, merged);
    } else {
      put(out, key, value);
    }
  }
  return out;
}

/**
 * obj[key] = value as an own property, whatever the key: a JSON file's "__proto__" stays a key
 * (which the strict schema then refuses by name) instead of becoming the object's prototype.
 */
function put(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
}

/** Rules the schema alone cannot say: they compare fields with each other. */
function crossChecks(s: Settings): SettingsProblem[] {
  const problems: SettingsProblem[] = tierProblems({ tiers: s.tiers, fallbackTier: s.fallbackTier, cities: s.cities, tables: { thresholds: s.thresholds, matrix: s.matrix } });
  // Tables are read by tier below: with a tier missing or unknown, that is all there is to say.
  if (problems.length) return problems;
  for (const { id: tier } of s.tiers) {
    const t = s.thresholds[tier];
    if (t.aPotential < t.bPotential) {
      problems.push({ path: ['thresholds', tier, 'aPotential'], key: 'settings-a-below-b', params: { tier, measure: 'potential', a: t.aPotential, b: t.bPotential } });
    }
    if (t.aSales < t.bSales) {
      problems.push({ path: ['thresholds', tier, 'aSales'], key: 'settings-a-below-b', params: { tier, measure: 'ourSales', a: t.aSales, b: t.bSales } });
    }
  }
  const seenCities = new Map<string, number>();
  s.cities.forEach((c, i) => {
    const first = seenCities.get(c.city);
    if (first !== undefined) problems.push({ path: ['cities', i, 'city'], key: 'settings-duplicate-city', params: { city: c.city, first: first + 1, second: i + 1 } });
    else seenCities.set(c.city, i);
  });
  const { names, mix } = s.products;
  if (names) {
    const seen = new Set<string>();
    names.forEach((n, i) => {
      if (seen.has(n)) problems.push({ path: ['products', 'names', i], key: 'settings-duplicate-product', params: { product: n } });
      seen.add(n);
    });
  }
  if (mix) {
    if (names && mix.length !== names.length) {
      problems.push({ path: ['products', 'mix'], key: 'settings-mix-length', params: { products: names.length, shares: mix.length } });
    }
    const sum = mix.reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 100) > 1e-6) problems.push({ path: ['products', 'mix'], key: 'settings-mix-sum', params: { sum: Math.round(sum * 100) / 100 } });
  }
  return problems;
}

/** The value at a path of a raw settings object, as text for a message. */
function rawAt(raw: unknown, path: (string | number)[]): string {
  let v = raw;
  for (const p of path) v = isPlainObject(v) || Array.isArray(v) ? (v as Record<string | number, unknown>)[p] : undefined;
  return typeof v === 'string' || typeof v === 'number' ? String(v) : JSON.stringify(v) ?? '';
}

function fromZodIssue(issue: z.core.$ZodIssue, raw: unknown): SettingsProblem {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  switch (issue.code) {
    case 'invalid_type':
      return { path, key: 'settings-invalid-type', params: { expected: String(issue.expected) } };
    case 'too_small':
      return { path, key: 'settings-too-small', params: { minimum: Number(issue.minimum), origin: String(issue.origin) } };
    case 'too_big':
      return { path, key: 'settings-too-big', params: { maximum: Number(issue.maximum), origin: String(issue.origin) } };
    case 'unrecognized_keys':
      return { path, key: 'settings-unknown-field', params: { fields: issue.keys.join(', ') } };
    case 'invalid_format':
      // The only patterned strings are tier ids.
      return { path, key: 'settings-invalid-tier-id', params: { found: rawAt(raw, path) } };
    default:
      return { path, key: 'settings-invalid', params: {} };
  }
}

/**
 * Reads settings from anything (a parsed JSON file, the settings sheet's tables): migrates an
 * older version, fills what is left out with defaults, validates, and says every problem.
 */
export function parseSettings(raw: unknown): SettingsResult {
  if (!isPlainObject(raw)) return { ok: false, problems: [{ path: [], key: 'settings-not-object', params: {} }] };
  const migrated = migrateSettings(raw);
  if (!migrated.ok) return { ok: false, problems: [migrated.problem] };
  const given = migrated.value;
  const filled = withDefaults(given);
  const named = (problems: SettingsProblem[]): SettingsResult => ({ ok: false, problems: withTierNames(problems, filled) });
  const ids = (rawTiers(filled) ?? []).map((t) => t.id).join(', ');
  const keyProblems = [...badTierKeys(given.thresholds, 'thresholds', ids), ...badTierKeys(given.matrix, 'matrix', ids)];
  if (keyProblems.length) return named(keyProblems);
  const parsed = settingsSchema.safeParse(filled);
  if (!parsed.success) return named(parsed.error.issues.map((i) => fromZodIssue(i, filled)));
  const problems = crossChecks(parsed.data);
  return problems.length ? named(problems) : { ok: true, settings: parsed.data };
}

/** Each problem about one tier carries the tier's names (params tierZh, tierEn), for its message. */
function withTierNames(problems: SettingsProblem[], raw: Record<string, unknown>): SettingsProblem[] {
  const tiers = rawTiers(raw) ?? DEFAULT_TIERS;
  return problems.map((p) => {
    const [group, id] = p.path;
    const tierId = (group === 'thresholds' || group === 'matrix') && typeof id === 'string' ? id : undefined;
    const tier = tierId === undefined ? undefined : tiers.find((t) => t.id === tierId);
    return tier ? { ...p, params: { ...p.params, tierZh: tier.zh, tierEn: tier.en } } : p;
  });
}

/** Like parseSettings, for settings the program itself built: a problem here is a bug. */
export function validSettings(raw: unknown): Settings {
  const result = parseSettings(raw);
  if (!result.ok) throw new Error(`Invalid settings: ${JSON.stringify(result.problems)}`);
  return result.settings;
}
