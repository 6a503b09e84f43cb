import { useMemo } from 'react';
import type { PlanResult } from '../../../engine/plan';
import type { AllocationBasis, Settings } from '../../../engine/settings';
import { TARGET_CHECK_KEYS } from '../../../engine/targetChecks';
import type { IssueKey } from '../../../engine/types';
import type { Lang } from '../../../i18n';
import { describeIssue } from '../../../i18n/engine';
import { fieldText } from '../../model/draft';
import { targetTotals } from '../../model/preview';
import { usePlannerActions, usePlannerState } from '../../state/PlannerContext';
import { useText } from '../../text';

/** The plan's target checks that belong beside each field (engine/targetChecks.ts makes them). */
const TARGET_FIELD_CHECKS: readonly IssueKey[] = ['target-in-yuan', 'target-far-from-sales', 'target-too-small'];
const GROWTH_FIELD_CHECKS: readonly IssueKey[] = ['growth-out-of-range', 'target-too-small'];

/** The warnings of `keys` in the plan, each as what and what to do. */
function checkWarnings(plan: PlanResult | undefined, keys: readonly IssueKey[], lang: Lang): string[] {
  if (!plan?.ok) return [];
  const found: string[] = [];
  // The plan puts these first: no need to walk the rows' issues (a sheet can have many).
  for (const issue of plan.issues) {
    if (!TARGET_CHECK_KEYS.includes(issue.key)) break;
    if (!keys.includes(issue.key)) continue;
    const w = describeIssue(issue, lang);
    found.push(lang === 'zh' ? `${w.what}。${w.todo}。` : `${w.what}. ${w.todo}.`);
  }
  return found;
}

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
  const { lang } = useText();
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
  const warnings = useMemo(() => ({ target: checkWarnings(preview, TARGET_FIELD_CHECKS, lang), growth: checkWarnings(preview, GROWTH_FIELD_CHECKS, lang) }), [preview, lang]);

  return {
    mode: draft.targetMode,
    setMode: actions.setTargetMode,
    // Warnings only while the field itself is valid: the preview then follows what was typed.
    target: { text: draft.texts['targets.companyTarget'] ?? '', error: err('targets.companyTarget'), warnings: err('targets.companyTarget') ? [] : warnings.target },
    growth: { text: draft.texts['targets.growthPct'] ?? '', error: err('targets.growthPct'), warnings: err('targets.growthPct') ? [] : warnings.growth },
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
