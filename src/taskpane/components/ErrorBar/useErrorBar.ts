import { useId, useState } from 'react';

/** The error bar's own state: whether the technical details are shown. */
export function useErrorBar() {
  const [detailsOpen, setDetailsOpen] = useState(false);
  const detailsId = useId();
  return { detailsOpen, toggleDetails: () => setDetailsOpen((o) => !o), detailsId };
}
