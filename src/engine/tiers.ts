/**
 * The city tiers: how many there are, their ids and names (zh and en), their order, and which
 * one a city that is not listed falls to. Everything that knows tiers derives from this module:
 * the settings schema and its checks, the tables keyed by tier (thresholds, matrix splits), the
 * settings sheet, the tag formulas, the pane and the command's listing. The default is the
 * administrative three (一级, 二级, 三级城市); a company may plan with the commercial list
 * (一线, 新一线, 二线, …) instead, from MIN_TIERS to MAX_TIERS tiers.
 */
import { z } from 'zod';
import type { CellValue } from './types';

/** A tier's id: short and stable, what the city list and the tag column hold ("1", "T2", "new1"). */
export type TierId = string;

export interface TierDef {
  id: TierId;
  /** Its name in Chinese sheets and messages: "一级城市", "新一线". */
  zh: string;
  /** Its name in English ones: "Tier 1", "New tier 1". */
  en: string;
}

export const MIN_TIERS = 2;
/**
 * At most 10 tiers: the commercial lists planners use have five or six; beyond ten, the
 * summary (a line per tier × class) and the pane's thresholds (a row per tier) stop being a
 * table a person reads at a glance.
 */
export const MAX_TIERS = 10;
export const MAX_TIER_ID_LENGTH = 16;
/** A name is a label in a narrow pane column and a sheet cell. */
export const MAX_TIER_NAME_LENGTH = 40;

/**
 * Ids are ASCII letters, digits, '-' and '_', starting with a letter or digit: the same in every
 * sheet language, no wildcard that MATCH would read (* ? ~), no key an object treats specially.
 */
export const TIER_ID_PATTERN = new RegExp(`^[A-Za-z0-9][A-Za-z0-9_-]{0,${MAX_TIER_ID_LENGTH - 1}}$`);

/** The administrative three, with the ids workbooks of settings version 1 carry (1, 2, 3). */
export const DEFAULT_TIERS: readonly TierDef[] = [
  { id: '1', zh: '一级城市', en: 'Tier 1' },
  { id: '2', zh: '二级城市', en: 'Tier 2' },
  { id: '3', zh: '三级城市', en: 'Tier 3' },
];

/** The tier a city not listed falls to, when settings do not say: the last (lowest) one. */
export const defaultFallbackTier = (tiers: readonly TierDef[]): TierId => tiers[tiers.length - 1]?.id ?? '';

export const copyTiers = (tiers: readonly TierDef[]): TierDef[] => tiers.map((t) => ({ ...t }));

/** Whole numbers up to 15 digits (exact in a spreadsheet), without leading zeros. */
const WHOLE_NUMBER = /^(0|[1-9]\d{0,14})$/;

/**
 * A tier id as a cell holds it. A whole-number id ("1") is the number 1, which is what a person
 * types into a cell and what workbooks of version 1 hold; any other id is text. Every cell we
 * write (the tier definitions, the city list, the tag column) uses this form, so the tag
 * formulas' MATCH compares like with like.
 */
export function tierIdCell(id: TierId): string | number {
  return WHOLE_NUMBER.test(id) ? Number(id) : id;
}

/**
 * The tier id a cell holds, in the form tierIdCell writes: a whole number, or text that is not
 * a whole number. Text "2" is no id: the formulas would not match it with the number 2.
 */
export function tierIdFromCell(v: CellValue | undefined): TierId | undefined {
  if (typeof v === 'number') return Number.isSafeInteger(v) && v >= 0 ? String(v) : undefined;
  if (typeof v !== 'string') return undefined;
  const text = v.trim();
  return text === '' || WHOLE_NUMBER.test(text) ? undefined : text;
}

/** Ids compare ignoring case, as the tag formulas' MATCH does: two ids may not differ only in case. */
export const tierIdKey = (id: TierId): string => id.toLowerCase();

/** The tiers by id, for names and positions. */
export class TierIndex {
  private readonly positions = new Map<TierId, number>();
  constructor(readonly tiers: readonly TierDef[]) {
    tiers.forEach((t, i) => this.positions.set(t.id, i));
  }
  /** 0-based position in the tiers' order; -1 for an id that is not a tier. */
  position(id: TierId): number {
    return this.positions.get(id) ?? -1;
  }
  has(id: TierId): boolean {
    return this.positions.has(id);
  }
  get(id: TierId): TierDef | undefined {
    const i = this.positions.get(id);
    return i === undefined ? undefined : this.tiers[i];
  }
  /** The name of a tier, or its id when it is not one (a message about a wrong id names what was written). */
  name(id: TierId, lang: 'zh' | 'en'): string {
    return this.get(id)?.[lang] ?? id;
  }
}

// ---- Schema pieces (settings.ts builds the settings schema from them) ----

/** A whole number where an id is expected ("tier": 2 in a file written by hand, or by version 1) is that id. */
const wholeToText = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? String(v) : v);

export const tierIdSchema = z.preprocess(wholeToText, z.string().regex(TIER_ID_PATTERN));

const tierNameSchema = z.string().trim().min(1).max(MAX_TIER_NAME_LENGTH);

export const tierDefSchema = z.strictObject({ id: tierIdSchema, zh: tierNameSchema, en: tierNameSchema });

export const tiersSchema = z.array(tierDefSchema).min(MIN_TIERS).max(MAX_TIERS);

/** A table keyed by tier id (thresholds, matrix splits); which keys it must have is checked against the tiers. */
export const byTierSchema = <T extends z.ZodType>(schema: T) => z.record(z.string().regex(TIER_ID_PATTERN), schema);

/** A tier problem, as data (the settings module's SettingsProblem has the same shape). */
export interface TierProblem {
  path: (string | number)[];
  key: 'settings-duplicate-tier' | 'settings-duplicate-tier-name' | 'settings-unknown-tier' | 'settings-missing-tier';
  params: Record<string, string | number>;
}

interface TierReferences {
  tiers: readonly TierDef[];
  fallbackTier: TierId;
  cities: readonly { tier: TierId }[];
  /** Tables that need one entry per tier, no more: thresholds, matrix. */
  tables: Record<string, Record<string, unknown>>;
}

/**
 * Every cross-reference to a tier checked: ids unique (ignoring case), names unique per language,
 * the fallback tier, each city's tier and each table's keys naming a tier, and each table having
 * every tier. Problems name the field, and the known ids for what to type instead.
 */
export function tierProblems(s: TierReferences): TierProblem[] {
  const problems: TierProblem[] = [];
  const index = new TierIndex(s.tiers);
  const ids = s.tiers.map((t) => t.id).join(', ');
  const seen = new Map<string, number>();
  s.tiers.forEach((t, i) => {
    const first = seen.get(tierIdKey(t.id));
    if (first !== undefined) problems.push({ path: ['tiers', i, 'id'], key: 'settings-duplicate-tier', params: { tier: t.id, first: first + 1, second: i + 1 } });
    else seen.set(tierIdKey(t.id), i);
  });
  for (const lang of ['zh', 'en'] as const) {
    const names = new Map<string, number>();
    s.tiers.forEach((t, i) => {
      const first = names.get(t[lang]);
      if (first !== undefined) problems.push({ path: ['tiers', i, lang], key: 'settings-duplicate-tier-name', params: { name: t[lang], first: first + 1, second: i + 1 } });
      else names.set(t[lang], i);
    });
  }
  if (!index.has(s.fallbackTier)) problems.push({ path: ['fallbackTier'], key: 'settings-unknown-tier', params: { found: s.fallbackTier, tiers: ids } });
  s.cities.forEach((c, i) => {
    if (!index.has(c.tier)) problems.push({ path: ['cities', i, 'tier'], key: 'settings-unknown-tier', params: { found: c.tier, tiers: ids } });
  });
  for (const [group, table] of Object.entries(s.tables)) {
    for (const key of Object.keys(table)) {
      if (!index.has(key)) problems.push({ path: [group, key], key: 'settings-unknown-tier', params: { found: key, tiers: ids } });
    }
    for (const t of s.tiers) {
      if (!Object.hasOwn(table, t.id)) problems.push({ path: [group, t.id], key: 'settings-missing-tier', params: { tier: t.id } });
    }
  }
  return problems;
}

/**
 * Keys of a tier table that are no tier id at all ("Tier 1", "__proto__"): checked on the raw
 * object, before the schema, which would drop a "__proto__" key without a word.
 */
export function badTierKeys(raw: unknown, group: string, tiers: string): TierProblem[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return [];
  return Object.keys(raw)
    .filter((k) => !TIER_ID_PATTERN.test(k))
    .map((k) => ({ path: [group, k], key: 'settings-unknown-tier' as const, params: { found: k, tiers } }));
}
