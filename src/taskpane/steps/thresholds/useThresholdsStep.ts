import type { TierKey } from '../../../engine/settings';
import type { TaskpaneKey } from '../../../i18n/taskpane';
import { TIER_LABELS } from '../../../i18n/engine';
import { TIER_KEYS } from '../../model/draft';
import { useText } from '../../text';
import { usePlannerActions, usePlannerState } from '../../state/PlannerContext';

export interface NumberFieldView {
  path: string;
  /** What the field is, in full (tier, class, measure), for screen readers. */
  label: string;
  text: string;
  error?: string;
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

/**
 * The Thresholds step: per tier the A and B minimums and the matrix splits as typed, with
 * their messages; the live preview (customers per tier × class, and against the saved settings).
 */
export function useThresholdsStep() {
  const { state, resolved, prepared, counts, baselineCounts, changes, previewPending } = usePlannerState();
  const actions = usePlannerActions();
  const { t, lang } = useText();
  const { texts } = state.draft;
  const field = (tier: TierKey, path: string, label: TaskpaneKey, unit: NumberFieldView['unit']): NumberFieldView => ({
    path,
    label: `${TIER_LABELS[lang][tier]} ${t(label)}`,
    text: texts[path] ?? '',
    unit,
    ...(resolved.errors[path] ? { error: resolved.errors[path] } : {}),
  });
  const tiers = TIER_KEYS.map((tier: TierKey) => ({
    tier,
    classes: (['A', 'B'] as const).map(
      (cls): ClassRowView => ({
        cls,
        potential: field(tier, `thresholds.${tier}.${cls.toLowerCase()}Potential`, LABELS[`${cls.toLowerCase() as 'a' | 'b'}Potential`], 'wan'),
        sales: field(tier, `thresholds.${tier}.${cls.toLowerCase()}Sales`, LABELS[`${cls.toLowerCase() as 'a' | 'b'}Sales`], 'wan'),
      }),
    ),
    matrix: { potential: field(tier, `matrix.${tier}.potential`, 'th-matrix-potential', 'wan'), share: field(tier, `matrix.${tier}.share`, 'th-matrix-share', 'pct') },
  }));
  return {
    tiers,
    setText: actions.setText,
    reset: actions.resetThresholds,
    counts: prepared?.ok ? counts : undefined,
    baselineCounts: prepared?.ok ? baselineCounts : undefined,
    changes,
    stale: resolved.settings === null,
    pending: previewPending,
  };
}
