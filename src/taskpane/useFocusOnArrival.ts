import { useEffect, useRef } from 'react';

/**
 * A ref whose element takes the keyboard focus each time `arrival` becomes a value it has not
 * had before (not null/undefined): the result of a run, a workbook just opened. Without it, the button that
 * started the work is disabled meanwhile and the focus falls to the page body. The element
 * needs tabIndex={-1}.
 */
export function useFocusOnArrival<T extends HTMLElement>(arrival: unknown) {
  const ref = useRef<T>(null);
  // The last value focused for: one that goes away and comes back (a header row typed wrong, then
  // right) does not take the focus again from where the planner is typing.
  const last = useRef<unknown>(undefined);
  useEffect(() => {
    if (arrival === null || arrival === undefined || arrival === last.current) return;
    last.current = arrival;
    ref.current?.focus();
  }, [arrival]);
  return ref;
}
