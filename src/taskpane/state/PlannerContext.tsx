/**
 * Shares the planner with the steps (so that each step can also be shown alone), in two
 * contexts: the state with what follows from it (the preview…), which changes as the planner
 * types, and the actions, one object made once per pane, so that a component that only acts
 * never renders again when the state changes.
 */
import { createContext, useContext, useDeferredValue, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { PreparedSheet, PlanResult } from '../../engine/plan';
import type { Settings } from '../../engine/settings';
import type { Lang } from '../../i18n';
import type { Resolved } from '../model/draft';
import type { TierClassCounts } from '../model/preview';
import type { PlannerActions } from './effects';
import { createPlannerEffects } from './effects';
import type { PlannerState } from './reducer';
import type { PlannerSelectors, SheetCitiesView } from './selectors';
import { createSelectors } from './selectors';
import type { PlannerStore } from './store';
import { createPlannerStore } from './store';
import type { PaneServices, PaneWorkbook } from './workbooks';

export interface PlannerOptions {
  lang: Lang;
  mode: 'excel' | 'file';
  services?: PaneServices;
  /** Start on this workbook (tests, and the Excel path with a host already made). */
  initialWorkbook?: PaneWorkbook;
}

/** The state and what the steps show of it. */
export interface PlannerView {
  state: PlannerState;
  lang: Lang;
  mode: 'excel' | 'file';
  prepared?: PreparedSheet;
  /** The customer sheet chosen holds nothing. */
  empty: boolean;
  resolved: Resolved;
  /** The settings the preview follows: the draft's, or the last valid ones. */
  effective: Settings;
  preview?: PlanResult;
  /** True while the preview is behind what was typed (it follows shortly). */
  previewPending: boolean;
  counts?: TierClassCounts;
  baselineCounts?: TierClassCounts;
  changes?: number;
  unsaved: boolean;
  /** The sheet's cities, listed in the draft or not. */
  sheetCities: SheetCitiesView;
}

const PlannerStateContext = createContext<PlannerView | undefined>(undefined);
const PlannerActionsContext = createContext<PlannerActions | undefined>(undefined);

/** The state through the selectors; the preview deferred so that typing stays responsive. */
function usePlannerView(store: PlannerStore, selectors: PlannerSelectors, lang: Lang, mode: 'excel' | 'file'): PlannerView {
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const prepared = selectors.prepared(state);
  const resolved = selectors.resolved(state, lang);
  const effective = selectors.effective(state, lang);
  const deferred = useDeferredValue(effective);
  const preview = selectors.preview(prepared, deferred);
  const baseline = selectors.baseline(state);
  const counts = selectors.previewCounts(preview);
  const baselineCounts = selectors.baselineCounts(baseline);
  const changes = selectors.changes(preview, baseline);
  const unsaved = selectors.unsaved(state, lang);
  const empty = selectors.empty(state);
  const sheetCities = selectors.sheetCities(state);
  const previewPending = deferred !== effective;
  return useMemo(
    () => ({ state, lang, mode, prepared, empty, resolved, effective, preview, previewPending, counts, baselineCounts, changes, unsaved, sheetCities }),
    [state, lang, mode, prepared, empty, resolved, effective, preview, previewPending, counts, baselineCounts, changes, unsaved, sheetCities],
  );
}

/**
 * The planner of one pane. Its options are read once, when it starts (the App picks the
 * language and mode before it renders).
 */
export function PlannerProvider({ children, ...options }: PlannerOptions & { children: ReactNode }) {
  const [pane] = useState(() => {
    const store = createPlannerStore();
    const selectors = createSelectors();
    return { store, selectors, effects: createPlannerEffects({ store, selectors, ...options }) };
  });
  useEffect(() => pane.effects.attach(), [pane]);
  const view = usePlannerView(pane.store, pane.selectors, options.lang, options.mode);
  return (
    <PlannerActionsContext.Provider value={pane.effects.actions}>
      <PlannerStateContext.Provider value={view}>{children}</PlannerStateContext.Provider>
    </PlannerActionsContext.Provider>
  );
}

/** The state and the preview: the component renders again whenever they change. */
export function usePlannerState(): PlannerView {
  const view = useContext(PlannerStateContext);
  if (!view) throw new Error('usePlannerState: no PlannerProvider above this component');
  return view;
}

/** The planner's actions: the same object for the pane's life. */
export function usePlannerActions(): PlannerActions {
  const actions = useContext(PlannerActionsContext);
  if (!actions) throw new Error('usePlannerActions: no PlannerProvider above this component');
  return actions;
}
