import { useDeferredValue, useMemo, useState } from 'react';
import { normaliseCity } from '../../../engine/cities';
import type { Tier } from '../../../engine/types';
import { TIER_LABELS } from '../../../i18n/engine';
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
  const cities = state.draft.base.cities;
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);

  const filtered = useMemo(() => {
    const q = deferredQuery.trim();
    if (!q) return cities;
    const key = normaliseCity(q) || q;
    return cities.filter((c) => c.city.includes(q) || c.city.includes(key) || c.city.toLowerCase().includes(q.toLowerCase()));
  }, [cities, deferredQuery]);

  const [newCity, setNewCity] = useState('');
  const [newTier, setNewTier] = useState<Tier>(2);
  const [addTried, setAddTried] = useState(false);
  const newKey = normaliseCity(newCity) || newCity.trim();
  const existing = newKey ? cities.find((c) => (normaliseCity(c.city) || c.city) === newKey) : undefined;
  const addError = !newKey ? (addTried ? t('cities-add-empty') : undefined) : existing ? t('cities-add-exists', { city: existing.city, tier: TIER_LABELS[lang][`${existing.tier}`] }) : undefined;

  return {
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
    setTier: (city: string, tier: Tier) => actions.setCityTier(city, tier),
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
