import type { TierKey } from '../../../engine/settings';
import type { TaskpaneKey } from '../../../i18n/taskpane';
import { THRESHOLD_KEYS, TIER_KEYS } from '../../model/draft';
import { usePlannerContext } from '../../state/PlannerContext';

export interface NumberFieldView {
  path: string;
  label: TaskpaneKey;
  text: string;
  error?: string;
  unit: 'wan' | 'pct';
}

const LABELS: Record<(typeof THRESHOLD_KEYS)[number], TaskpaneKey> = {
  aPotential: 'th-a-potential',
  aSales: 'th-a-sales',
  bPotential: 'th-b-potential',
  bSales: 'th-b-sales',
};

/**
 * The Thresholds step: per tier the A and B minimums and the matrix splits as typed, with
 * their messages; the live preview (customers per tier × class, and against the saved settings).
 */
export function useThresholdsStep() {
  const { state, resolved, prepared, counts, baselineCounts, changes, previewPending, actions } = usePlannerContext();
  const { texts } = state.draft;
  const field = (path: string, label: TaskpaneKey, unit: NumberFieldView['unit']): NumberFieldView => ({
    path,
    label,
    text: texts[path] ?? '',
    unit,
    ...(resolved.errors[path] ? { error: resolved.errors[path] } : {}),
  });
  const tiers = TIER_KEYS.map((tier: TierKey) => ({
    tier,
    fields: [
      ...THRESHOLD_KEYS.map((k) => field(`thresholds.${tier}.${k}`, LABELS[k], 'wan')),
      field(`matrix.${tier}.potential`, 'th-matrix-potential', 'wan'),
      field(`matrix.${tier}.share`, 'th-matrix-share', 'pct'),
    ],
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
