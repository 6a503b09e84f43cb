/**
 * The settings as a planner edits them: the numbers as typed (text, so "abc" can stay in the
 * field with a message beside it) over the structured rest (cities, columns, basis…). One pure
 * function turns a draft into valid Settings or says, field by field, what is wrong.
 */
import { UNITS, parseAmount } from '../../engine/amounts';
import type { Settings, SettingsProblem } from '../../engine/settings';
import { parseSettings, tierDefaults } from '../../engine/settings';
import type { TierId } from '../../engine/tiers';
import type { Lang } from '../../i18n';
import { formatSettingsProblem } from '../../i18n/engine';
import { paneText } from '../../i18n/taskpane';

export const THRESHOLD_KEYS = ['aPotential', 'aSales', 'bPotential', 'bSales'] as const;
export type ThresholdKey = (typeof THRESHOLD_KEYS)[number];

/** Paths of the fields typed as text, e.g. "thresholds.1.aPotential", "products.mix.2". */
export type FieldPath = string;

export interface Draft {
  /** Everything not typed as text; its numbers are the last saved or valid ones. */
  base: Settings;
  /** What is in each number field, by path. */
  texts: Record<FieldPath, string>;
  targetMode: 'target' | 'growth';
  /** True once the planner typed a product mix: it is then texts["products.mix.i"]. */
  mixEdited: boolean;
}

const round = (x: number, places = 6) => {
  const f = 10 ** places;
  return Math.round(x * f) / f;
};

/** How a number shows in a field: no binary noise, no exponent for planners' sizes. */
export const fieldText = (x: number): string => String(round(x));

type Kind = 'amount' | 'percent' | 'growth';

/** The fields typed as text: path, kind, where the value sits in Settings and how to read/write it. */
interface NumberField {
  path: FieldPath;
  kind: Kind;
  get: (s: Settings) => number;
  set: (s: Settings, v: number) => void;
}

/** The number fields of one tier: its four minimums and its two matrix splits. */
export function tierFields(t: TierId): NumberField[] {
  const out: NumberField[] = [];
  for (const k of THRESHOLD_KEYS) out.push({ path: `thresholds.${t}.${k}`, kind: 'amount', get: (x) => x.thresholds[t][k], set: (x, v) => (x.thresholds[t][k] = v) });
  out.push({ path: `matrix.${t}.potential`, kind: 'amount', get: (x) => x.matrix[t].potential, set: (x, v) => (x.matrix[t].potential = v) });
  out.push({ path: `matrix.${t}.share`, kind: 'percent', get: (x) => x.matrix[t].share * 100, set: (x, v) => (x.matrix[t].share = v / 100) });
  return out;
}

const TARGET_FIELDS: readonly NumberField[] = [
  { path: 'targets.growthPct', kind: 'growth', get: (x) => x.targets.growthPct, set: (x, v) => (x.targets.growthPct = v) },
  { path: 'targets.blendPotentialWeight', kind: 'percent', get: (x) => x.targets.blendPotentialWeight * 100, set: (x, v) => (x.targets.blendPotentialWeight = v / 100) },
];

/** The fields of settings with these tiers: each tier's, then the targets'. */
function numberFields(s: Settings): NumberField[] {
  return [...s.tiers.flatMap((t) => tierFields(t.id)), ...TARGET_FIELDS];
}

export const clone = (s: Settings): Settings => JSON.parse(JSON.stringify(s)) as Settings;

export function draftFromSettings(settings: Settings): Draft {
  const texts: Record<FieldPath, string> = {};
  for (const f of numberFields(settings)) texts[f.path] = fieldText(f.get(settings));
  texts['targets.companyTarget'] = settings.targets.companyTarget === null ? '' : fieldText(settings.targets.companyTarget);
  const mix = settings.products.mix;
  if (mix) mix.forEach((m, i) => (texts[`products.mix.${i}`] = fieldText(m)));
  return { base: clone(settings), texts, targetMode: settings.targets.companyTarget === null ? 'growth' : 'target', mixEdited: mix !== null };
}

/** A number typed as a percentage: "40", "40%", "４０％", " 12.5 ". */
function readPercent(text: string): number | undefined {
  const t = text.normalize('NFKC').trim().replace(/%$/, '').trim().replace(/,/g, '');
  if (t === '' || !/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return undefined;
  return Number(t);
}

/** An amount in 万元 as planners type it: "500", "1,200", "1.2亿", "350万", "¥3,500,000". */
function readAmount(text: string): { ok: true; value: number } | { ok: false; negative: boolean } {
  // No bound here: the settings schema holds the bounds (10^8 万元 a minimum, 10^14 a target) and says them.
  const r = parseAmount(text, UNITS.wan, Infinity);
  if (r.kind === 'ok') return { ok: true, value: r.wan };
  return { ok: false, negative: r.kind === 'negative' };
}

/**
 * What an amount typed with a unit comes to in 万元 ("300元" → 0.03, "0.1亿" → 1,000), so that
 * the planner sees the conversion beside the field; undefined for a plain number (already 万元)
 * or text that is not an amount.
 */
export function typedInWan(text: string): number | undefined {
  const t = text.normalize('NFKC').trim();
  if (t === '' || /^[+-]?[\d,]*(\.\d*)?$/.test(t)) return undefined;
  const r = readAmount(t);
  return r.ok ? r.value : undefined;
}

export interface Resolved {
  /** The settings the draft says, when every field is valid; else null. */
  settings: Settings | null;
  /** Field path → message, for the fields that are wrong. */
  errors: Record<FieldPath, string>;
  /** Problems of the product mix as a whole (its sum), for beside the mix. */
  mixError?: string;
  /** Problems that belong to no field shown (should not happen; shown in a message bar). */
  other: string[];
}

const problemPath = (p: SettingsProblem) => p.path.join('.');

/**
 * The settings a draft says, or what is wrong with it, field by field, in `lang`.
 * `productCount` is how many products the plan has (the mix needs one share each).
 */
export function resolveDraft(draft: Draft, lang: Lang, productCount: number): Resolved {
  const errors: Record<FieldPath, string> = {};
  const candidate = clone(draft.base);
  for (const f of numberFields(draft.base)) {
    const text = draft.texts[f.path] ?? '';
    if (f.kind === 'amount') {
      const r = readAmount(text);
      if (r.ok) f.set(candidate, r.value);
      else errors[f.path] = paneText(lang, r.negative ? 'err-negative' : 'err-amount');
    } else {
      const v = readPercent(text);
      if (v === undefined) errors[f.path] = paneText(lang, f.kind === 'growth' ? 'err-growth' : 'err-percent');
      else if (f.kind === 'percent' && (v < 0 || v > 100)) errors[f.path] = paneText(lang, 'err-percent');
      else if (f.kind === 'growth' && v < -100) errors[f.path] = paneText(lang, 'err-growth');
      else f.set(candidate, v);
    }
  }
  if (draft.targetMode === 'target') {
    const text = draft.texts['targets.companyTarget'] ?? '';
    const r = readAmount(text);
    if (r.ok) candidate.targets.companyTarget = r.value;
    else errors['targets.companyTarget'] = paneText(lang, text.trim() === '' ? 'err-required' : r.negative ? 'err-negative' : 'err-amount');
  } else {
    candidate.targets.companyTarget = null;
  }
  if (draft.mixEdited) {
    const mix: number[] = [];
    for (let i = 0; i < productCount; i++) {
      const path = `products.mix.${i}`;
      const v = readPercent(draft.texts[path] ?? '');
      if (v === undefined || v < 0 || v > 100) {
        errors[path] = paneText(lang, 'err-percent');
        mix.push(0);
      } else mix.push(v);
    }
    candidate.products.mix = mix;
  } else {
    candidate.products.mix = null;
  }

  const parsed = parseSettings(candidate);
  let mixError: string | undefined;
  const other: string[] = [];
  if (!parsed.ok) {
    for (const p of parsed.problems) {
      const path = problemPath(p);
      if (p.key === 'settings-a-below-b') {
        // Beside the A field; the B field it is compared with may be the one that is wrong.
        errors[path] ??= paneText(lang, 'err-a-below-b', { b: p.params.b });
      } else if (path === 'products.mix' || path.startsWith('products.mix.')) {
        // Only when every share is a number: the sum of a mix with "abc" in it means nothing.
        if (!Object.keys(errors).some((k) => k.startsWith('products.mix.'))) mixError ??= formatSettingsProblem(p, lang);
      } else if (path.startsWith('matrix.') && path.endsWith('.share')) {
        errors[path] ??= paneText(lang, 'err-percent');
      } else if (path in draft.texts || path === 'targets.companyTarget' || /^tiers\.\d+\.(zh|en)$/.test(path)) {
        // A tier's name is typed in the pane too (model/tiers.ts): its message goes beside it.
        errors[path] ??= formatSettingsProblem(p, lang);
      } else {
        other.push(formatSettingsProblem(p, lang));
      }
    }
  }
  const valid = parsed.ok && Object.keys(errors).length === 0 && mixError === undefined;
  return { settings: valid ? parsed.settings : null, errors, ...(mixError ? { mixError } : {}), other };
}

/** The draft with one field's text changed. */
export function withText(draft: Draft, path: FieldPath, text: string): Draft {
  return { ...draft, texts: { ...draft.texts, [path]: text } };
}

/** The draft with every tier's default minimums and matrix splits (the Thresholds step's Reset; settings.ts tierDefaults). */
export function withDefaultThresholds(draft: Draft): Draft {
  const texts = { ...draft.texts };
  const base = clone(draft.base);
  for (const { id } of base.tiers) {
    const d = tierDefaults(id);
    base.thresholds[id] = d.thresholds;
    base.matrix[id] = d.matrix;
    for (const f of tierFields(id)) texts[f.path] = fieldText(f.get(base));
  }
  return { ...draft, base, texts };
}

/** The draft with the mix typed from the given shares (the planner starts editing it). */
export function withMixEdited(draft: Draft, shares: readonly number[]): Draft {
  const texts = { ...draft.texts };
  for (const k of Object.keys(texts)) if (k.startsWith('products.mix.')) delete texts[k];
  shares.forEach((s, i) => (texts[`products.mix.${i}`] = fieldText(round(s, 2))));
  return { ...draft, texts, mixEdited: true };
}

/** The draft with the mix back to the sheet's history (settings mix null). */
export function withMixFromHistory(draft: Draft): Draft {
  const texts = { ...draft.texts };
  for (const k of Object.keys(texts)) if (k.startsWith('products.mix.')) delete texts[k];
  return { ...draft, texts, mixEdited: false };
}

/** True when two settings say the same (for "unsaved changes"). */
export function sameSettings(a: Settings, b: Settings): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
