import { columnLetter } from '../../../engine/a1';
import type { Issue } from '../../../engine/types';
import { parseRef } from '../../../render';
import { describeOwnershipNotice } from '../../../i18n/ownership';
import type { SheetKind } from '../../../i18n/render';
import { usePlannerActions, usePlannerState } from '../../state/PlannerContext';
import type { RunStep } from '../../state/reducer';
import { useText } from '../../text';

/** Generated sheets in the order a planner reads them. */
const SHEET_ORDER: readonly SheetKind[] = ['summary', 'customers', 'industries', 'regions', 'salespeople', 'issues', 'settings'];

const STEP_KEYS: Record<RunStep, 'run-step-read' | 'run-step-plan' | 'run-step-write'> = {
  read: 'run-step-read',
  plan: 'run-step-plan',
  write: 'run-step-write',
};

/** Where the tag columns went, in words ("“客户” K–Q 列，第 3–245 行"). */
function tagsText(ref: string | null, t: ReturnType<typeof useText>['t']): string | undefined {
  const r = ref ? parseRef(ref) : undefined;
  if (!r) return undefined;
  return t('run-tags', { sheet: r.sheet, first: columnLetter(r.firstColumn), last: columnLetter(r.lastColumn), top: r.firstRow, bottom: r.lastRow });
}

/** The Run step: whether it can run (and why not), its progress, and what the last run made. */
export function useRunStep() {
  const { t, lang } = useText();
  const { state, prepared, resolved } = usePlannerState();
  const actions = usePlannerActions();
  const running = state.busy?.kind === 'running';
  const blocker = !state.sheet || !prepared?.ok ? t('run-need-data') : !resolved.settings ? t('run-need-valid') : undefined;
  const progress = state.progress;
  const outcome = state.run;
  const excel = state.workbook?.mode === 'excel';
  return {
    sheet: state.sheet?.name,
    canRun: !blocker && state.busy === null,
    blocker,
    running,
    run: () => void actions.run(),
    progress: progress
      ? { value: progress.value, label: t('run-progress', { step: t(STEP_KEYS[progress.step], { sheet: progress.sheet }), percent: Math.round(progress.value * 100) }) }
      : undefined,
    outcome,
    sheets: outcome ? SHEET_ORDER.filter((k) => outcome.sheets[k]).map((k) => ({ kind: k, name: outcome.sheets[k]! })) : [],
    excel,
    openSheet: (name: string) => void actions.openSheet(name),
    selectIssue: excel ? (issue: Issue) => void actions.selectIssue(issue) : undefined,
    tags: tagsText(outcome?.sheets.tagColumns ?? null, t),
    fileMode: state.workbook?.mode === 'file',
    /** Names of the planner's that were kept (ours beside them), in words. */
    notices: (outcome?.notices ?? []).map((notice) => describeOwnershipNotice(notice, lang)),
    /** A signed file: the question before the run, and whether the signature is already broken. */
    signature: {
      asking: !!state.signature?.asking,
      broken: !!state.signature?.accepted && !!outcome,
      file: state.workbook?.mode === 'file' ? state.workbook.fileName : '',
      continueRun: () => void actions.continueRun(),
      cancelRun: actions.cancelRun,
    },
    changed: state.changed,
    download: actions.download,
  };
}
