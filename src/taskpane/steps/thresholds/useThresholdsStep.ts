import type { TierDef } from '../../../engine/tiers';
import type { TaskpaneKey } from '../../../i18n/taskpane';
import { typedInWan } from '../../model/draft';
import { useText } from '../../text';
import { usePlannerActions, usePlannerState } from '../../state/PlannerContext';

export interface NumberFieldView {
  path: string;
  /** What the field is, in full (tier, class, measure), for screen readers. */
  label: string;
  text: string;
  error?: string;
  /** An amount typed with a unit, in 万元 ("300元 = 0.03 万元"). */
  hint?: string;
  unit: 'wan' | 'pct';
}

const LABELS: Record<'aPotential' | 'aSales' | 'bPotential' | 'bSales', TaskpaneKey> = {
  aPotential: 'th-a-potential',
  aSales: 'th-a-sales',
  bPotential: 'th-b-potential',
  bSales: 'th-b-sales',
};

export interface ClassRowView {
  cls: 'A' | 'B';
  potential: NumberFieldView;
  sales: NumberFieldView;
}

export interface PreviewRowView {
  tier: string;
  /** The tier's name in the pane's language. */
  name: string;
  /** Customers per class: A, B, C, no class. */
  cells: number[];
  /** The same under the saved settings; undefined for a tier they do not have. */
  before?: number[];
}

/**
 * The Thresholds step: per tier (the draft's tiers, in order) the A and B minimums and the
 * matrix splits as typed, with their messages; the live preview (customers per tier × class,
 * and against the saved settings, tier by tier).
 */
export function useThresholdsStep() {
  const { state, resolved, prepared, counts, baselineCounts, changes, previewPending } = usePlannerState();
  const actions = usePlannerActions();
  const { t, n, lang } = useText();
  const { texts } = state.draft;
  const field = (tier: TierDef, path: string, label: TaskpaneKey, unit: NumberFieldView['unit']): NumberFieldView => {
    const text = texts[path] ?? '';
    // "300元" is read as 0.03 万元: said beside the field, so a refusal ("below B") makes sense.
    const wan = unit === 'wan' ? typedInWan(text) : undefined;
    return {
      path,
      label: `${tier[lang]} ${t(label)}`,
      text,
      unit,
      ...(resolved.errors[path] ? { error: resolved.errors[path] } : {}),
      ...(wan !== undefined ? { hint: t('th-typed-in-wan', { text: text.trim(), wan: n(wan, 4) }) } : {}),
    };
  };
  const tiers = state.draft.base.tiers.map((tier) => ({
    tier: tier.id,
    name: tier[lang],
    classes: (['A', 'B'] as const).map(
      (cls): ClassRowView => ({
        cls,
        potential: field(tier, `thresholds.${tier.id}.${cls.toLowerCase()}Potential`, LABELS[`${cls.toLowerCase() as 'a' | 'b'}Potential`], 'wan'),
        sales: field(tier, `thresholds.${tier.id}.${cls.toLowerCase()}Sales`, LABELS[`${cls.toLowerCase() as 'a' | 'b'}Sales`], 'wan'),
      }),
    ),
    matrix: { potential: field(tier, `matrix.${tier.id}.potential`, 'th-matrix-potential', 'wan'), share: field(tier, `matrix.${tier.id}.share`, 'th-matrix-share', 'pct') },
  }));
  // The preview's rows are the tiers it was planned with (the last valid settings); each is
  // compared with the same tier under the saved settings, found by id.
  const shown = prepared?.ok ? counts : undefined;
  const before = prepared?.ok ? baselineCounts : undefined;
  const names = new Map([...state.lastValid.tiers, ...state.draft.base.tiers].map((tier) => [tier.id, tier[lang]]));
  const preview: PreviewRowView[] | undefined = shown?.tiers.map((id, i) => {
    const j = before?.tiers.indexOf(id) ?? -1;
    return { tier: id, name: names.get(id) ?? id, cells: shown.cells[i], ...(before && j >= 0 ? { before: before.cells[j] } : {}) };
  });
  const fallback = state.draft.base.tiers.find((tier) => tier.id === state.draft.base.fallbackTier);
  return {
    tiers,
    fallback: fallback ? fallback[lang] : state.draft.base.fallbackTier,
    setText: actions.setText,
    reset: actions.resetThresholds,
    counts: shown,
    preview,
    baselineCounts: before,
    changes,
    stale: resolved.settings === null,
    pending: previewPending,
  };
}
