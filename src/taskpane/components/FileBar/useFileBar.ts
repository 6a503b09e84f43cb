import { useEffect, useRef, useState } from 'react';
import { usePlannerActions, usePlannerState } from '../../state/PlannerContext';

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

/**
 * File mode's bar: the file picker, the sample, the download, and drag and drop anywhere on the
 * page (a dropped file opens; the browser does not navigate away to it).
 */
export function useFileBar() {
  const { state } = usePlannerState();
  const actions = usePlannerActions();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

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
      if (file) void actions.openFile(file);
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
  }, [actions]);

  const wb = state.workbook?.mode === 'file' ? state.workbook : undefined;
  return {
    input,
    dragging,
    fileName: wb?.fileName,
    changed: state.changed,
    busy: state.busy !== null,
    pick: () => input.current?.click(),
    picked: (files: FileList | null) => {
      const file = files?.[0];
      if (file) void actions.openFile(file);
      if (input.current) input.current.value = '';
    },
    openSample: () => void actions.openSample(),
    download: actions.download,
  };
}
