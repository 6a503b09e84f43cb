/** Shares the planner (usePlanner) with the steps, so that each step can also be shown alone. */
import { createContext, useContext, type ReactNode } from 'react';
import type { Planner, PlannerOptions } from './usePlanner';
import { usePlanner } from './usePlanner';

const PlannerContext = createContext<Planner | undefined>(undefined);

export function PlannerProvider({ children, ...options }: PlannerOptions & { children: ReactNode }) {
  const planner = usePlanner(options);
  return <PlannerContext.Provider value={planner}>{children}</PlannerContext.Provider>;
}

export function usePlannerContext(): Planner {
  const planner = useContext(PlannerContext);
  if (!planner) throw new Error('usePlannerContext: no PlannerProvider above this component');
  return planner;
}
