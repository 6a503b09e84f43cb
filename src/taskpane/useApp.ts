import { useEffect, useRef, useState } from 'react';
import type { AccordionToggleData } from '@fluentui/react-components';
import { BASIS_LABELS } from '../i18n/render';
import { usePlannerActions, usePlannerState } from './state/PlannerContext';
import { useText } from './text';

export const STEPS = ['data', 'thresholds', 'cities', 'targets', 'run'] as const;
export type StepId = (typeof STEPS)[number];

/** The step a settings field belongs to. */
function stepOf(path: string): StepId {
  return path.startsWith('thresholds.') || path.startsWith('matrix.') ? 'thresholds' : path.startsWith('cities.') ? 'cities' : 'targets';
}

/**
 * The shell's state: which steps are open (Data and Thresholds at first; Run opens once the
 * workbook is read) and a one-line summary of each step for its header.
 */
export function useApp() {
  const { t, n, lang } = useText();
  const planner = usePlannerState();
  const actions = usePlannerActions();
  const { state, prepared, counts, preview, unsaved, resolved } = planner;
  const [open, setOpen] = useState<StepId[]>(['data', 'thresholds']);
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current || !prepared?.ok) return;
    opened.current = true;
    setOpen((o) => (o.includes('run') ? o : [...o, 'run']));
  }, [prepared]);

  const unlisted = prepared?.ok ? planner.sheetCities.unlisted.length : 0;
  const summaries: Record<StepId, string | undefined> = {
    data: state.sheet && prepared?.ok ? t('data-summary', { sheet: state.sheet.name, count: n(prepared.columns.count), issues: n(prepared.issues.length) }) : undefined,
    thresholds: counts ? t('th-summary', { a: n(counts.byClass.A), b: n(counts.byClass.B), c: n(counts.byClass.C) }) : undefined,
    cities: t('cities-summary', { count: n(state.draft.base.cities.length), unlisted: n(unlisted) }),
    targets: preview?.ok && resolved.settings ? t('tg-summary', { target: n(preview.target.company), basis: BASIS_LABELS[lang][preview.target.basis] }) : undefined,
    run: state.run ? t('run-summary-done') : undefined,
  };
  return {
    planner,
    actions,
    open,
    toggle: (_: unknown, data: AccordionToggleData<StepId>) => setOpen(data.openItems as StepId[]),
    summaries,
    unsaved: !!state.workbook && unsaved,
    /** Steps with a field to correct. */
    invalidSteps: STEPS.filter((id) => Object.keys(resolved.errors).some((path) => stepOf(path) === id) || (id === 'targets' && !!resolved.mixError)),
  };
}
