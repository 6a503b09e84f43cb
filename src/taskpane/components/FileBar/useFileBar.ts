import { useCallback, useEffect, useRef, useState } from 'react';
import { usePlannerActions, usePlannerState } from '../../state/PlannerContext';

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

/** What the planner asked to open instead of the current workbook. */
export type Replacement = { kind: 'file'; file: File } | { kind: 'sample' };

/**
 * File mode's bar: the file picker, the sample, the download, and drag and drop anywhere on the
 * page (a dropped file opens; the browser does not navigate away to it). A planned workbook not
 * yet downloaded is never dropped silently: opening another asks first, and so does leaving the page.
 */
export function useFileBar() {
  const { state } = usePlannerState();
  const actions = usePlannerActions();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [replacing, setReplacing] = useState<Replacement | null>(null);
  const unsaved = state.workbook?.mode === 'file' && state.changed;

  const openNow = useCallback(
    (next: Replacement) => void (next.kind === 'file' ? actions.openFile(next.file) : actions.openSample()),
    [actions],
  );
  const openOrAsk = useCallback((next: Replacement) => (unsaved ? setReplacing(next) : openNow(next)), [unsaved, openNow]);

  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const file = e.dataTransfer?.files?.[0];
      if (file) openOrAsk({ kind: 'file', file });
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [openOrAsk]);

  // Closing or reloading the tab with a plan not downloaded: the browser asks (it shows its own words).
  useEffect(() => {
    if (!unsaved) return;
    const ask = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [unsaved]);

  const wb = state.workbook?.mode === 'file' ? state.workbook : undefined;
  return {
    input,
    dragging,
    fileName: wb?.fileName,
    changed: state.changed,
    /** Download only once there is a plan (or saved settings) to take away. */
    canDownload: state.written,
    busy: state.busy !== null,
    pick: () => input.current?.click(),
    picked: (files: FileList | null) => {
      const file = files?.[0];
      if (file) openOrAsk({ kind: 'file', file });
      if (input.current) input.current.value = '';
    },
    openSample: () => openOrAsk({ kind: 'sample' }),
    download: actions.download,
    /** The question asked before another workbook replaces one not downloaded (null: none). */
    replacing: replacing && {
      next: replacing.kind === 'file' ? replacing.file.name : null,
      downloadFirst: () => {
        setReplacing(null);
        // A failed download shows its error and keeps this workbook.
        if (actions.download()) openNow(replacing);
      },
      discard: () => {
        setReplacing(null);
        openNow(replacing);
      },
      cancel: () => setReplacing(null),
    },
  };
}
