import { usePlannerActions, usePlannerState } from '../../state/PlannerContext';
import { useText } from '../../text';

/** Whether the settings can be saved, and what to say about them. */
export function useSaveBar() {
  const { t } = useText();
  const { state, resolved, unsaved } = usePlannerState();
  const actions = usePlannerActions();
  const saving = state.busy?.kind === 'saving';
  const valid = resolved.settings !== null;
  const status = !valid
    ? t('save-invalid')
    : unsaved
      ? t('save-unsaved')
      : state.saved.kind === 'workbook'
        ? t('save-saved', { sheet: state.saved.sheet })
        : state.workbook
          ? t('save-defaults')
          : t('save-no-workbook');
  return {
    status,
    tone: !valid ? ('error' as const) : unsaved ? ('warning' as const) : ('ok' as const),
    canSave: !!state.workbook && valid && state.busy === null,
    saving,
    save: actions.save,
  };
}
