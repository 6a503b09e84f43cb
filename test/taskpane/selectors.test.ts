/**
 * The pane's selectors remember their answers: the same state gives the same objects, and a
 * change recomputes only what depends on it (typing a threshold never reads the sheet again;
 * an invalid field, a message or a busy mark never plans again).
 */
import * as plan from '../../src/engine/plan';
import * as customerSheet from '../../src/app/customerSheet';
import type { PlannerAction, PlannerState } from '../../src/taskpane/state/reducer';
import { initialState, plannerReducer } from '../../src/taskpane/state/reducer';
import { createSelectors, memoLast } from '../../src/taskpane/state/selectors';
import { open } from './fixtures';

const apply = (state: PlannerState, ...actions: PlannerAction[]) => actions.reduce(plannerReducer, state);

/** Everything the pane shows of a state, read as the provider reads it (the preview not deferred). */
function view(selectors: ReturnType<typeof createSelectors>, state: PlannerState) {
  const prepared = selectors.prepared(state);
  const effective = selectors.effective(state, 'en');
  const preview = selectors.preview(prepared, effective);
  const baseline = selectors.baseline(state);
  return {
    prepared,
    resolved: selectors.resolved(state, 'en'),
    effective,
    preview,
    baseline,
    counts: selectors.previewCounts(preview),
    baselineCounts: selectors.baselineCounts(baseline),
    changes: selectors.changes(preview, baseline),
    unsaved: selectors.unsaved(state, 'en'),
    empty: selectors.empty(state),
    cities: selectors.sheetCities(state),
  };
}

let loaded: PlannerState;
beforeAll(async () => {
  loaded = apply(initialState(), { type: 'loading' }, (await open()).loaded);
});

afterEach(() => jest.restoreAllMocks());

function spies() {
  return { plan: jest.spyOn(plan, 'planPrepared'), prepare: jest.spyOn(customerSheet, 'prepareCustomerSheet') };
}

test('memoLast answers again only for other arguments', () => {
  const fn = jest.fn(([a, b]: [object, number]) => ({ a, b }));
  const memo = memoLast(fn);
  const x = {};
  const first = memo([x, 1]);
  expect(memo([x, 1])).toBe(first);
  expect(fn).toHaveBeenCalledTimes(1);
  expect(memo([{}, 1])).not.toBe(first);
  expect(memo([x, 2])).toEqual({ a: x, b: 2 });
  expect(fn).toHaveBeenCalledTimes(3);
});

test('the same state: the same objects, nothing computed again', () => {
  const selectors = createSelectors();
  const first = view(selectors, loaded);
  expect(first.prepared?.ok).toBe(true);
  expect(first.counts?.total).toBe(first.prepared?.ok ? first.prepared.columns.count : -1);
  const { plan: planSpy, prepare } = spies();
  const again = view(selectors, loaded);
  for (const key of Object.keys(first) as (keyof typeof first)[]) expect(again[key]).toBe(first[key]);
  expect(planSpy).not.toHaveBeenCalled();
  expect(prepare).not.toHaveBeenCalled();
});

test('typing a threshold: a new preview; the sheet is not read again and the baseline not planned again', () => {
  const selectors = createSelectors();
  const before = view(selectors, loaded);
  const { plan: planSpy, prepare } = spies();
  const after = view(selectors, apply(loaded, { type: 'setText', path: 'thresholds.1.aPotential', text: '300' }));
  expect(after.effective.thresholds['1'].aPotential).toBe(300);
  expect(after.preview).not.toBe(before.preview);
  expect(planSpy).toHaveBeenCalledTimes(1);
  expect(after.counts?.byClass.A).toBeGreaterThan(before.counts?.byClass.A ?? Infinity);
  expect(after.changes).toBeGreaterThan(0);
  expect(after.unsaved).toBe(true);
  expect(prepare).not.toHaveBeenCalled();
  expect(after.prepared).toBe(before.prepared);
  expect(after.baseline).toBe(before.baseline);
  expect(after.baselineCounts).toBe(before.baselineCounts);
  expect(after.empty).toBe(before.empty);
});

test('an invalid field, a message, a busy mark: no plan made again', () => {
  const selectors = createSelectors();
  const typed = apply(loaded, { type: 'setText', path: 'thresholds.1.aPotential', text: '300' });
  const before = view(selectors, typed);
  const { plan: planSpy, prepare } = spies();
  const invalid = apply(typed, { type: 'setText', path: 'thresholds.1.aPotential', text: '3oo' });
  const during = view(selectors, invalid);
  expect(during.resolved.errors['thresholds.1.aPotential']).toBeTruthy();
  expect(during.effective).toBe(before.effective);
  expect(during.preview).toBe(before.preview);
  expect(during.counts).toBe(before.counts);
  const unrelated = apply(invalid, { type: 'dismissNotice' }, { type: 'failed', error: { title: 't', message: 'm' } }, { type: 'reading', sheet: '客户' });
  const later = view(selectors, unrelated);
  expect(later.preview).toBe(before.preview);
  expect(later.resolved).toBe(during.resolved);
  expect(planSpy).not.toHaveBeenCalled();
  expect(prepare).not.toHaveBeenCalled();
});

test('a city’s tier: planned again, the sheet not read again', () => {
  const selectors = createSelectors();
  const before = view(selectors, loaded);
  const { prepare } = spies();
  const after = view(selectors, apply(loaded, { type: 'setCityTier', city: '西宁', tier: '1' }));
  expect(after.preview).not.toBe(before.preview);
  expect(after.cities).not.toBe(before.cities);
  expect(after.prepared).toBe(before.prepared);
  expect(prepare).not.toHaveBeenCalled();
});

test('the settings read again as they were (a new object, equal columns): the sheet is not read again', () => {
  const selectors = createSelectors();
  const before = view(selectors, loaded);
  const { prepare } = spies();
  const reloaded = apply(loaded, { type: 'settingsReloaded', found: { kind: 'defaults', settings: JSON.parse(JSON.stringify(loaded.saved.settings)) }, notice: { intent: 'info', lines: [] } });
  expect(reloaded.draft.base.columns).not.toBe(loaded.draft.base.columns);
  const after = view(selectors, reloaded);
  expect(after.prepared).toBe(before.prepared);
  expect(prepare).not.toHaveBeenCalled();
});

test('a header row or a column set by hand: the sheet is prepared again', () => {
  const selectors = createSelectors();
  const before = view(selectors, loaded);
  const { prepare } = spies();
  const header = view(selectors, apply(loaded, { type: 'setHeaderRow', row: 1 }));
  expect(prepare).toHaveBeenCalledTimes(1);
  expect(header.prepared).not.toBe(before.prepared);
  const column = view(selectors, apply(loaded, { type: 'setColumn', field: 'city', header: '客户名称' }));
  expect(prepare).toHaveBeenCalledTimes(2);
  expect(column.prepared).not.toBe(before.prepared);
});

test('two panes do not share answers', () => {
  const a = createSelectors();
  const b = createSelectors();
  expect(a.prepared(loaded)).not.toBe(b.prepared(loaded));
});
