import { useMemo } from 'react';
import type { AllocationBasis, Settings } from '../../../engine/settings';
import { fieldText } from '../../model/draft';
import { targetTotals } from '../../model/preview';
import { usePlannerActions, usePlannerState } from '../../state/PlannerContext';

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The Targets step: where the company target comes from (a number or growth), how it is
 * allocated, the product mix (the sheet's history until the planner types one; it must sum to
 * 100) and the preview of the totals by class, industry group and product.
 */
export function useTargetsStep() {
  const { state, resolved, preview } = usePlannerState();
  const actions = usePlannerActions();
  const { draft } = state;
  const err = (path: string) => resolved.errors[path];
  const products = preview?.ok ? preview.products : [];
  const historyTotal = products.reduce((a, p) => a + (p.history ?? 0), 0);

  const mix = products.map((p, i) => {
    const path = `products.mix.${i}`;
    return {
      path,
      name: p.name,
      text: draft.mixEdited ? (draft.texts[path] ?? '') : fieldText(round2(p.mixPct)),
      error: err(path),
      historyPct: historyTotal > 0 && p.history !== null ? round2((p.history / historyTotal) * 100) : undefined,
    };
  });
  const typed = mix.map((m) => Number(m.text.replace(/%$/, '').trim()));
  const sum = draft.mixEdited ? (typed.every((x) => Number.isFinite(x)) ? round2(typed.reduce((a, b) => a + b, 0)) : undefined) : 100;

  const totals = useMemo(() => (preview?.ok ? targetTotals(preview) : undefined), [preview]);
  const classified = totals ? totals.byClass.A.customers + totals.byClass.B.customers + totals.byClass.C.customers : 0;

  return {
    mode: draft.targetMode,
    setMode: actions.setTargetMode,
    target: { text: draft.texts['targets.companyTarget'] ?? '', error: err('targets.companyTarget') },
    growth: { text: draft.texts['targets.growthPct'] ?? '', error: err('targets.growthPct') },
    blend: { text: draft.texts['targets.blendPotentialWeight'] ?? '', error: err('targets.blendPotentialWeight') },
    setText: actions.setText,
    basis: draft.base.targets.basis,
    setBasis: (b: AllocationBasis) => actions.setBasis(b),
    unit: draft.base.targets.unit,
    setUnit: (u: Settings['targets']['unit']) => actions.setUnit(u),
    mix,
    mixEdited: draft.mixEdited,
    mixFromHistory: historyTotal > 0,
    mixSum: sum,
    mixError: resolved.mixError,
    typeMix: (i: number, text: string) => {
      if (!draft.mixEdited) actions.editMix(products.map((p) => p.mixPct));
      actions.setText(`products.mix.${i}`, text);
    },
    useHistory: actions.mixFromHistory,
    hasPlan: !!preview?.ok,
    /** Some field (here or in another step) is wrong: the preview shows the last valid settings. */
    stale: resolved.settings === null,
    plan: preview?.ok ? preview.target : undefined,
    totals,
    classified,
  };
}
