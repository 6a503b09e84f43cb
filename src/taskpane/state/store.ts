/**
 * The pane's state outside React: the reducer's current state, dispatch and subscribe (what
 * useSyncExternalStore reads). Effects read the current state here when they start, so no
 * component has to mirror it into a ref.
 */
import type { PlannerAction, PlannerState } from './reducer';
import { initialState, plannerReducer } from './reducer';

export interface PlannerStore {
  getState(): PlannerState;
  dispatch(action: PlannerAction): void;
  subscribe(listener: () => void): () => void;
}

export function createPlannerStore(initial: PlannerState = initialState()): PlannerStore {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    dispatch(action) {
      const next = plannerReducer(state, action);
      if (next === state) return;
      state = next;
      for (const listener of Array.from(listeners)) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
