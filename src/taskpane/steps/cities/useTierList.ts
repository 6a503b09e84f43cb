import { MAX_TIERS } from '../../../engine/tiers';
import { canAddTier, canRemoveTier } from '../../model/tiers';
import { usePlannerActions, usePlannerState } from '../../state/PlannerContext';
import { useText } from '../../text';

export interface TierRowView {
  id: string;
  zh: string;
  en: string;
  /** Its name in the pane's language (its id while that name is blank). */
  name: string;
  /** The messages beside each name (blank, another tier's name). */
  zhError?: string;
  enError?: string;
  /** False for the tier for cities not listed, and while only the fewest tiers are left. */
  removable: boolean;
  fallback: boolean;
}

/**
 * The tiers themselves, as the Cities step edits them: in order, each with its id and names
 * (both languages, as the settings sheet and the sheets written in either language need), the
 * tier for cities not listed, adding one at the end and removing one.
 */
export function useTierList() {
  const { state, resolved } = usePlannerState();
  const actions = usePlannerActions();
  const { lang } = useText();
  const { tiers, fallbackTier } = state.draft.base;
  const rows = tiers.map((tier, i): TierRowView => {
    const zhError = resolved.errors[`tiers.${i}.zh`];
    const enError = resolved.errors[`tiers.${i}.en`];
    return {
      id: tier.id,
      zh: tier.zh,
      en: tier.en,
      name: tier[lang] || tier.id,
      ...(zhError ? { zhError } : {}),
      ...(enError ? { enError } : {}),
      removable: canRemoveTier(state.draft, tier.id),
      fallback: tier.id === fallbackTier,
    };
  });
  return {
    rows,
    count: tiers.length,
    options: tiers.map((tier) => ({ id: tier.id, name: tier[lang] || tier.id })),
    fallback: fallbackTier,
    canAdd: canAddTier(state.draft),
    max: MAX_TIERS,
    add: actions.addTier,
    remove: actions.removeTier,
    rename: actions.renameTier,
    setFallback: actions.setFallbackTier,
  };
}
