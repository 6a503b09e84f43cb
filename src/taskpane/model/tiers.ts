/**
 * The city tiers as a planner edits them in the pane: add a tier (at the end, the lowest),
 * rename it in Chinese or English, remove it, choose the tier for cities not listed. Each is a
 * pure change of the draft; the settings schema then checks the result (names blank or twice).
 */
import { tierDefaults } from '../../engine/settings';
import type { TierDef, TierId } from '../../engine/tiers';
import { MAX_TIERS, MIN_TIERS, tierIdKey } from '../../engine/tiers';
import type { Draft } from './draft';
import { fieldText, tierFields } from './draft';

const CHINESE_NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Names for a new tier n, in the default list's style: "四级城市" / "Tier 4". */
function newTierNames(n: number, tiers: readonly TierDef[]): { zh: string; en: string } {
  const zhNames = new Set(tiers.map((t) => t.zh));
  const enNames = new Set(tiers.map((t) => t.en));
  let zh = n < CHINESE_NUMERALS.length ? `${CHINESE_NUMERALS[n]}级城市` : `级别 ${n}`;
  let en = `Tier ${n}`;
  // A name a planner gave another tier is kept theirs: the new one says its id instead.
  if (zhNames.has(zh)) zh = `级别 ${n}`;
  if (enNames.has(en)) en = `Tier ${n} (new)`;
  return { zh, en };
}

export const canAddTier = (draft: Draft): boolean => draft.base.tiers.length < MAX_TIERS;

/** A tier can go while at least MIN_TIERS stay, and not while it is the tier for cities not listed. */
export const canRemoveTier = (draft: Draft, id: TierId): boolean => draft.base.tiers.length > MIN_TIERS && draft.base.fallbackTier !== id && draft.base.tiers.some((t) => t.id === id);

/**
 * The draft with a new tier after the others: the first whole number not yet an id (ignoring
 * case), named after it, with the default minimums and splits of a tier that is not a default one.
 */
export function withTierAdded(draft: Draft): Draft {
  if (!canAddTier(draft)) return draft;
  const used = new Set(draft.base.tiers.map((t) => tierIdKey(t.id)));
  let n = 1;
  while (used.has(String(n))) n++;
  const id = String(n);
  const defaults = tierDefaults(id);
  const base = {
    ...draft.base,
    tiers: [...draft.base.tiers, { id, ...newTierNames(n, draft.base.tiers) }],
    thresholds: { ...draft.base.thresholds, [id]: defaults.thresholds },
    matrix: { ...draft.base.matrix, [id]: defaults.matrix },
  };
  const texts = { ...draft.texts };
  for (const f of tierFields(id)) texts[f.path] = fieldText(f.get(base));
  return { ...draft, base, texts };
}

/**
 * The draft without a tier: its minimums and splits go, and so do the list's cities of that
 * tier, which then fall to the tier for cities not listed (and show among the unlisted cities,
 * one click from a tier again).
 */
export function withTierRemoved(draft: Draft, id: TierId): Draft {
  if (!canRemoveTier(draft, id)) return draft;
  const { [id]: _thresholds, ...thresholds } = draft.base.thresholds;
  const { [id]: _matrix, ...matrix } = draft.base.matrix;
  const texts = { ...draft.texts };
  for (const f of tierFields(id)) delete texts[f.path];
  return {
    ...draft,
    base: {
      ...draft.base,
      tiers: draft.base.tiers.filter((t) => t.id !== id),
      thresholds,
      matrix,
      cities: draft.base.cities.filter((c) => c.tier !== id),
    },
    texts,
  };
}

/** The draft with a tier's name in one language as typed (the schema says if it is blank or another tier's). */
export function withTierName(draft: Draft, id: TierId, lang: 'zh' | 'en', name: string): Draft {
  if (!draft.base.tiers.some((t) => t.id === id)) return draft;
  return { ...draft, base: { ...draft.base, tiers: draft.base.tiers.map((t) => (t.id === id ? { ...t, [lang]: name } : t)) } };
}

/** The draft with another tier for cities not listed. */
export function withFallbackTier(draft: Draft, id: TierId): Draft {
  if (!draft.base.tiers.some((t) => t.id === id) || draft.base.fallbackTier === id) return draft;
  return { ...draft, base: { ...draft.base, fallbackTier: id } };
}
