import { useDeferredValue, useMemo, useState } from 'react';
import { normaliseCity } from '../../../engine/cities';
import type { TierId } from '../../../engine/tiers';
import { usePlannerActions, usePlannerState } from '../../state/PlannerContext';
import { useText } from '../../text';

/** Rows of a list shown at once; a search finds the rest. */
export const CITIES_SHOWN = 60;
export const UNLISTED_SHOWN = 200;

/**
 * The Cities step: the city → tier list (searchable, each tier editable, removable), the
 * sheet's cities that are not in it with their row counts (one click gives a tier), and adding one.
 */
export function useCitiesStep() {
  const { t, lang } = useText();
  const { state, prepared, sheetCities: sheet } = usePlannerState();
  const actions = usePlannerActions();
  const { cities, tiers, fallbackTier } = state.draft.base;
  const nameOf = (id: TierId) => tiers.find((tier) => tier.id === id)?.[lang] || id;
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);

  const filtered = useMemo(() => {
    const q = deferredQuery.trim();
    if (!q) return cities;
    const key = normaliseCity(q) || q;
    return cities.filter((c) => c.city.includes(q) || c.city.includes(key) || c.city.toLowerCase().includes(q.toLowerCase()));
  }, [cities, deferredQuery]);

  const [newCity, setNewCity] = useState('');
  // A new city's tier: the second one (the first is usually the few largest cities), or the one chosen while it is still a tier.
  const [chosenTier, setNewTier] = useState<TierId | undefined>(undefined);
  const newTier = chosenTier !== undefined && tiers.some((tier) => tier.id === chosenTier) ? chosenTier : (tiers[1] ?? tiers[0]).id;
  const [addTried, setAddTried] = useState(false);
  const newKey = normaliseCity(newCity) || newCity.trim();
  const existing = newKey ? cities.find((c) => (normaliseCity(c.city) || c.city) === newKey) : undefined;
  const addError = !newKey ? (addTried ? t('cities-add-empty') : undefined) : existing ? t('cities-add-exists', { city: existing.city, tier: nameOf(existing.tier) }) : undefined;

  return {
    /** The tiers in order, with their names in the pane's language. */
    tiers: tiers.map((tier) => ({ id: tier.id, name: tier[lang] || tier.id })),
    fallback: nameOf(fallbackTier),
    count: cities.length,
    query,
    setQuery,
    shown: filtered.slice(0, CITIES_SHOWN),
    more: Math.max(0, filtered.length - CITIES_SHOWN),
    noMatch: filtered.length === 0 && query.trim() !== '',
    rowsOf: (city: string) => sheet.listed.get(normaliseCity(city) || city),
    unlisted: sheet.unlisted.slice(0, UNLISTED_SHOWN),
    unlistedMore: Math.max(0, sheet.unlisted.length - UNLISTED_SHOWN),
    unlistedCount: sheet.unlisted.length,
    hasSheet: !!prepared?.ok,
    setTier: (city: string, tier: TierId) => actions.setCityTier(city, tier),
    remove: actions.removeCity,
    add: {
      city: newCity,
      tier: newTier,
      error: addError,
      setCity: (v: string) => {
        setNewCity(v);
        setAddTried(false);
      },
      setTier: setNewTier,
      submit: () => {
        setAddTried(true);
        if (!newKey || existing) return;
        actions.setCityTier(newKey, newTier);
        setNewCity('');
        setAddTried(false);
      },
    },
  };
}
