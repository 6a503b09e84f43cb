/**
 * What the pane shows that follows from the state: the customer sheet prepared, the draft
 * resolved (with its messages), the preview plan and its counts. Each selector remembers its
 * last inputs and answer, by identity, so typing in one field recomputes only what depends on it
 * (a threshold: the draft and the preview; never the sheet; the baseline only when saved).
 * One set per pane (createSelectors), so two panes do not evict each other's answers.
 */
import type { PlanResult, PreparedSheet } from '../../engine/plan';
import { planPrepared } from '../../engine/plan';
import type { Settings } from '../../engine/settings';
import { isEmptySheet, prepareCustomerSheet } from '../../app/customerSheet';
import type { Lang } from '../../i18n';
import type { Resolved } from '../model/draft';
import { resolveDraft, sameSettings } from '../model/draft';
import type { SheetCity, TierClassCounts } from '../model/preview';
import { classChanges, sheetCities, tierClassCounts } from '../model/preview';
import type { PlannerState } from './reducer';

/**
 * `fn` (of a tuple) that answers again only when the tuple's items differ (Object.is) from those of one of the
 * last `size` calls. Two for the preview: while React renders a deferred preview in the
 * background, an urgent render still asks for the one shown.
 */
export function memoLast<A extends readonly unknown[], R>(fn: (args: A) => R, size = 1): (args: A) => R {
  const recent: { args: A; result: R }[] = [];
  return (args: A) => {
    const hit = recent.find((r) => r.args.length === args.length && r.args.every((a, i) => Object.is(a, args[i])));
    if (hit) return hit.result;
    const result = fn(args);
    recent.unshift({ args, result });
    if (recent.length > size) recent.length = size;
    return result;
  };
}

export interface SheetCitiesView {
  listed: Map<string, number>;
  unlisted: SheetCity[];
}

export function createSelectors() {
  // The sheet is prepared again only when the sheet, its header row or the column and industry
  // settings change, these by content (settings read again come as new, equal objects). The
  // rest of the settings goes along as it is then, but is no reason to read the sheet again.
  let preparedLast: { sheet: PlannerState['sheet']; key: string; headerRow?: number; result?: PreparedSheet } | undefined;
  const prepared = (state: PlannerState): PreparedSheet | undefined => {
    const { sheet, headerRow } = state;
    const base = state.draft.base;
    const key = JSON.stringify([base.columns, base.industries]);
    const last = preparedLast;
    if (last && last.sheet === sheet && last.key === key && last.headerRow === headerRow) return last.result;
    const result = sheet ? prepareCustomerSheet(sheet.read, sheet.names, base, headerRow) : undefined;
    preparedLast = { sheet, key, headerRow, result };
    return result;
  };

  const productCount = (state: PlannerState, sheet: PreparedSheet | undefined): number =>
    state.draft.base.products.names?.length ?? (sheet?.report?.mapping.products.length || 4);

  const resolvedOf = memoLast(([draft, lang, count]: [PlannerState['draft'], Lang, number]): Resolved => resolveDraft(draft, lang, count));
  const resolved = (state: PlannerState, lang: Lang): Resolved => resolvedOf([state.draft, lang, productCount(state, prepared(state))]);
  // The reducer keeps the last valid settings (state.lastValid); handing the preview that very
  // object when the draft says the same keeps its input identical, so no plan is made for nothing.
  const effectiveOf = memoLast(([settings, lastValid]: [Settings | null, Settings]) => (settings && !sameSettings(settings, lastValid) ? settings : lastValid));
  const unsavedOf = memoLast(([settings, saved]: [Settings | null, Settings]) => (settings ? !sameSettings(settings, saved) : true));
  const emptyOf = memoLast(([sheet]: [PlannerState['sheet']]) => (sheet ? isEmptySheet(sheet.read) : false));

  const planOf = ([sheet, settings]: [PreparedSheet | undefined, Settings]): PlanResult | undefined => (sheet ? planPrepared(sheet, settings) : undefined);
  const previewOf = memoLast(planOf, 2);
  const baselineOf = memoLast(planOf);
  const countsOf = ([plan]: [PlanResult | undefined]): TierClassCounts | undefined => (plan ? tierClassCounts(plan) : undefined);
  const previewCountsOf = memoLast(countsOf, 2);
  const baselineCountsOf = memoLast(countsOf);
  const changesOf = memoLast(([plan, baseline]: [PlanResult | undefined, PlanResult | undefined]) => (plan && baseline ? classChanges(plan, baseline) : undefined), 2);
  const citiesOf = memoLast(([sheet, settings]: [PreparedSheet | undefined, Settings]): SheetCitiesView => sheetCities(sheet, settings));

  return {
    /** The customer sheet read into columns under the draft's column settings. */
    prepared,
    /** The draft as settings, or what is wrong with it, field by field, in `lang`. */
    resolved,
    /** The settings the preview shows: the draft's, or the last valid ones while a field is wrong. */
    effective: (state: PlannerState, lang: Lang): Settings => effectiveOf([resolved(state, lang).settings, state.lastValid]),
    /** The draft differs from the settings the workbook holds (or is not valid yet). */
    unsaved: (state: PlannerState, lang: Lang): boolean => unsavedOf([resolved(state, lang).settings, state.saved.settings]),
    /** The customer sheet chosen holds nothing. */
    empty: (state: PlannerState): boolean => emptyOf([state.sheet]),
    /** The plan under `settings` (the preview's, possibly deferred behind what was typed). */
    preview: (sheet: PreparedSheet | undefined, settings: Settings) => previewOf([sheet, settings]),
    /** The plan under the saved settings: the baseline of "changes class". */
    baseline: (state: PlannerState) => baselineOf([prepared(state), state.saved.settings]),
    previewCounts: (plan: PlanResult | undefined) => previewCountsOf([plan]),
    baselineCounts: (plan: PlanResult | undefined) => baselineCountsOf([plan]),
    /** How many customers change class against the saved settings. */
    changes: (plan: PlanResult | undefined, baseline: PlanResult | undefined) => changesOf([plan, baseline]),
    /** The sheet's cities, and whether the draft lists them. */
    sheetCities: (state: PlannerState) => citiesOf([prepared(state), state.draft.base]),
  };
}

export type PlannerSelectors = ReturnType<typeof createSelectors>;
