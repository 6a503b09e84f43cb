/**
 * The pane's reducer on its own: what each action does to the state a planner sees, with the
 * edge cases (an invalid field keeps the last valid preview, reset, another file clears the
 * plan, the run's progress and errors, a coauthor's settings). States come from real host
 * answers (fixtures.ts), not from hand-made objects.
 */
import { defaultSettings } from '../../src/engine/settings';
import { viewWorkbook } from '../../src/app/workbook';
import { draftFromSettings, resolveDraft } from '../../src/taskpane/model/draft';
import type { PaneError } from '../../src/taskpane/model/paneErrors';
import type { PlannerAction, PlannerState } from '../../src/taskpane/state/reducer';
import { draftUnsaved, initialState, plannerReducer } from '../../src/taskpane/state/reducer';
import type { Opened } from './fixtures';
import { customerValues, fileWorkbook, open, ran, signedFileWorkbook } from './fixtures';
import { fiveTierSettings } from '../fixtures/fiveTiers';

const apply = (state: PlannerState, ...actions: PlannerAction[]) => actions.reduce(plannerReducer, state);

/** A workbook opened as the pane does: 'loading' then 'loaded'. */
async function loadedState(): Promise<{ opened: Opened; state: PlannerState }> {
  const opened = await open();
  return { opened, state: apply(initialState(), { type: 'loading' }, opened.loaded) };
}

const error: PaneError = { title: 'Something went wrong', message: 'the sheet is protected' };

describe('opening a workbook', () => {
  test('the pane starts on the default settings, nothing open', () => {
    const s = initialState();
    expect(s.saved).toEqual({ kind: 'defaults', settings: defaultSettings() });
    expect(s.draft).toEqual(draftFromSettings(defaultSettings()));
    expect(s.lastValid).toEqual(defaultSettings());
    expect(s.workbook).toBeUndefined();
    expect(s.busy).toBeNull();
    expect(s.changed).toBe(false);
  });

  test('opening shows the file being opened and clears an earlier error', () => {
    const s = apply(initialState(), { type: 'failed', error }, { type: 'opening', file: '客户清单.xlsx' });
    expect(s.busy).toEqual({ kind: 'opening', file: '客户清单.xlsx' });
    expect(s.error).toBeUndefined();
  });

  test('a workbook read: its sheets, settings (as the draft), customer sheet; not busy, not changed', async () => {
    const { opened, state } = await loadedState();
    expect(state.workbook).toBe(opened.workbook);
    expect(state.candidates).toEqual(['说明', '客户']);
    expect(state.saved.kind).toBe('defaults');
    expect(state.draft).toEqual(draftFromSettings(opened.saved.settings));
    expect(state.lastValid).toBe(opened.saved.settings);
    expect(state.sheet?.name).toBe('客户');
    expect(state.sheet?.read.values.length).toBe(customerValues().length);
    expect(state.busy).toBeNull();
    expect(state.changed).toBe(false);
  });

  test('switching files clears the plan, the header row, the edits and the changed mark', async () => {
    const { opened, state } = await loadedState();
    const run = await ran(opened);
    const before = apply(
      state,
      { type: 'setHeaderRow', row: 2 },
      { type: 'setText', path: 'thresholds.1.aPotential', text: '640' },
      { type: 'running', sheet: '客户' },
      run,
    );
    expect(before.run?.customers).toBeGreaterThan(0);
    expect(before.changed).toBe(true);

    const other = await open(fileWorkbook(customerValues(30, 9), '华南.xlsx'));
    const loading = apply(before, { type: 'opening', file: '华南.xlsx' }, { type: 'loading' });
    expect(loading.run).toBeUndefined();
    expect(loading.busy).toEqual({ kind: 'workbook' });
    const after = apply(loading, other.loaded);
    expect(after.workbook).toBe(other.workbook);
    expect(after.run).toBeUndefined();
    expect(after.headerRow).toBeUndefined();
    expect(after.changed).toBe(false);
    expect(after.draft.texts['thresholds.1.aPotential']).toBe('500');
    expect(after.sheet?.read.values.length).toBe(customerValues(30, 9).length);
  });

  test('a settings sheet with problems: the notice comes with the workbook', async () => {
    const { opened } = await loadedState();
    const notice = { intent: 'warning' as const, title: 'Problems in “ABC 设置”', lines: ['row 7: not a number'] };
    const s = apply(initialState(), { type: 'loading' }, { ...opened.loaded, notice });
    expect(s.notice).toEqual(notice);
    expect(apply(s, { type: 'dismissNotice' }).notice).toBeUndefined();
  });
});

describe('step 1: sheet, header row, columns', () => {
  test('reading another sheet: busy while it reads, then that sheet with the header row found again', async () => {
    const { opened, state } = await loadedState();
    const reading = apply(state, { type: 'setHeaderRow', row: 3 }, { type: 'reading', sheet: '说明' });
    expect(reading.busy).toEqual({ kind: 'reading', sheet: '说明' });
    const read = await opened.workbook.host.readSheet('说明');
    const s = apply(reading, { type: 'sheetRead', view: opened.view, sheet: { name: read.name, read, names: opened.view.names } });
    expect(s.sheet?.name).toBe('说明');
    expect(s.headerRow).toBeUndefined();
    expect(s.busy).toBeNull();
  });

  test('a column chosen by hand goes into the draft; other settings stay', async () => {
    const { state } = await loadedState();
    const s = apply(state, { type: 'setColumn', field: 'city', header: '所在城市' });
    expect(s.draft.base.columns.city).toBe('所在城市');
    expect(s.draft.base.thresholds).toBe(state.draft.base.thresholds);
    expect(s.draft.texts).toBe(state.draft.texts);
  });
});

describe('steps 2–4: the draft and the preview settings', () => {
  test('a valid number: in the field and in the preview settings', () => {
    const s = apply(initialState(), { type: 'setText', path: 'thresholds.1.aPotential', text: '640' });
    expect(s.draft.texts['thresholds.1.aPotential']).toBe('640');
    expect(s.lastValid.thresholds['1'].aPotential).toBe(640);
  });

  test('an invalid draft keeps the last valid preview settings (the same object) until it is valid again', () => {
    const typed = apply(initialState(), { type: 'setText', path: 'thresholds.1.aPotential', text: '640' });
    const invalid = apply(typed, { type: 'setText', path: 'thresholds.1.aPotential', text: '64o' });
    expect(invalid.draft.texts['thresholds.1.aPotential']).toBe('64o');
    expect(invalid.lastValid).toBe(typed.lastValid);
    // A B minimum above the A minimum is wrong too (across fields): still the last valid.
    const crossed = apply(invalid, { type: 'setText', path: 'thresholds.1.aPotential', text: '50' });
    expect(crossed.lastValid).toBe(typed.lastValid);
    const fixed = apply(crossed, { type: 'setText', path: 'thresholds.1.aPotential', text: '700' });
    expect(fixed.lastValid.thresholds['1'].aPotential).toBe(700);
  });

  test('Reset puts the thresholds and splits back to the defaults, and leaves cities and targets as edited', () => {
    const defaults = defaultSettings();
    const s = apply(
      initialState(),
      { type: 'setText', path: 'thresholds.2.aSales', text: '120' },
      { type: 'setText', path: 'matrix.3.share', text: '70' },
      { type: 'setText', path: 'targets.growthPct', text: '12' },
      { type: 'setCityTier', city: '西安', tier: '1' },
      { type: 'resetThresholds' },
    );
    expect(s.draft.texts['thresholds.2.aSales']).toBe(String(defaults.thresholds['2'].aSales));
    expect(s.draft.texts['matrix.3.share']).toBe(String(defaults.matrix['3'].share * 100));
    expect(s.lastValid.thresholds).toEqual(defaults.thresholds);
    expect(s.lastValid.matrix).toEqual(defaults.matrix);
    expect(s.draft.texts['targets.growthPct']).toBe('12');
    expect(s.lastValid.targets.growthPct).toBe(12);
    expect(s.draft.base.cities).toContainEqual({ city: '西安', tier: '1' });
  });

  test('undoing a threshold by typing the saved value back: no unsaved change', async () => {
    const { state } = await loadedState();
    expect(draftUnsaved(state)).toBe(false);
    const edited = apply(state, { type: 'setText', path: 'thresholds.3.bSales', text: '9' });
    expect(draftUnsaved(edited)).toBe(true);
    const undone = apply(edited, { type: 'setText', path: 'thresholds.3.bSales', text: '5' });
    expect(draftUnsaved(undone)).toBe(false);
    expect(undone.lastValid).toEqual(state.saved.settings);
    // An invalid draft counts as unsaved (it cannot be saved).
    expect(draftUnsaved(apply(undone, { type: 'setText', path: 'thresholds.3.bSales', text: '' }))).toBe(true);
  });

  test('company target: required once chosen; growth again needs none', () => {
    const target = apply(initialState(), { type: 'setTargetMode', mode: 'target' });
    expect(target.draft.targetMode).toBe('target');
    expect(target.lastValid.targets.companyTarget).toBeNull();
    const typed = apply(target, { type: 'setText', path: 'targets.companyTarget', text: '1.2亿' });
    expect(typed.lastValid.targets.companyTarget).toBe(12000);
    const growth = apply(typed, { type: 'setTargetMode', mode: 'growth' });
    expect(growth.lastValid.targets.companyTarget).toBeNull();
  });

  test('basis and unit', () => {
    const s = apply(initialState(), { type: 'setBasis', basis: 'blend' }, { type: 'setUnit', unit: 10 });
    expect(s.draft.base.targets.basis).toBe('blend');
    expect(s.draft.base.targets.unit).toBe(10);
    expect(s.lastValid.targets).toMatchObject({ basis: 'blend', unit: 10 });
  });

  test('the mix: the first keystroke starts it from the shares shown; back to history drops it', () => {
    const edited = apply(initialState(), { type: 'editMix', shares: [50, 30.004, 19.996] });
    expect(edited.draft.mixEdited).toBe(true);
    expect([0, 1, 2].map((i) => edited.draft.texts[`products.mix.${i}`])).toEqual(['50', '30', '20']);
    expect(edited.lastValid.products.mix).toEqual([50, 30, 20]);
    // Later keystrokes do not start it again.
    const typed = apply(edited, { type: 'setText', path: 'products.mix.0', text: '40' });
    expect(plannerReducer(typed, { type: 'editMix', shares: [50, 30, 20] })).toBe(typed);
    // A mix that does not sum to 100 is not valid: the preview keeps the last valid one.
    expect(typed.lastValid).toBe(edited.lastValid);
    const history = apply(typed, { type: 'mixFromHistory' });
    expect(history.draft.mixEdited).toBe(false);
    expect(Object.keys(history.draft.texts).filter((k) => k.startsWith('products.mix.'))).toEqual([]);
    expect(history.lastValid.products.mix).toBeNull();
  });

  test('cities: a tier changes in place, a new city is added at the end, a city can be removed', () => {
    const start = initialState();
    const changed = apply(start, { type: 'setCityTier', city: '北京市', tier: '2' });
    expect(changed.draft.base.cities[0]).toEqual({ city: '北京', tier: '2' });
    expect(changed.draft.base.cities).toHaveLength(start.draft.base.cities.length);
    const added = apply(changed, { type: 'setCityTier', city: ' 喀什市 ', tier: '3' });
    expect(added.draft.base.cities.at(-1)).toEqual({ city: '喀什', tier: '3' });
    expect(added.draft.base.cities).toHaveLength(start.draft.base.cities.length + 1);
    const removed = apply(added, { type: 'removeCity', city: '北京' });
    expect(removed.draft.base.cities.some((c) => c.city === '北京')).toBe(false);
    expect(removed.lastValid.cities).toEqual(removed.draft.base.cities);
  });

  test('the reducer changes no state it is given', () => {
    const start = initialState();
    const snapshot = JSON.stringify(start);
    apply(
      start,
      { type: 'setText', path: 'thresholds.1.aPotential', text: '640' },
      { type: 'setCityTier', city: '北京', tier: '3' },
      { type: 'setColumn', field: 'city', header: '城市' },
      { type: 'editMix', shares: [60, 40] },
      { type: 'resetThresholds' },
    );
    expect(JSON.stringify(start)).toBe(snapshot);
  });
});

describe('save, run, download', () => {
  test('saved to a file: the settings are the workbook’s now, and the file has changed', async () => {
    const { opened, state } = await loadedState();
    const edited = apply(state, { type: 'setText', path: 'thresholds.1.aPotential', text: '640' });
    const saving = apply(edited, { type: 'saving' });
    expect(saving.busy).toEqual({ kind: 'saving' });
    const notice = { intent: 'success' as const, lines: ['Settings saved to “ABC 设置”.'] };
    const s = apply(saving, { type: 'saved', view: opened.view, sheet: 'ABC 设置', settings: edited.lastValid, notice });
    expect(s.saved).toEqual({ kind: 'workbook', sheet: 'ABC 设置', settings: edited.lastValid });
    expect(draftUnsaved(s)).toBe(false);
    expect(s.changed).toBe(true);
    expect(s.busy).toBeNull();
    expect(s.notice).toBe(notice);
  });

  test('run: progress from 0, then the outcome; the file has changed; downloading clears that', async () => {
    const { opened, state } = await loadedState();
    const running = apply(state, { type: 'running', sheet: '客户' });
    expect(running.busy).toEqual({ kind: 'running' });
    expect(running.progress).toEqual({ step: 'read', value: 0, sheet: '客户' });
    const writing = apply(running, { type: 'runProgress', progress: { step: 'write', value: 0.7, sheet: '客户' } });
    expect(writing.progress).toEqual({ step: 'write', value: 0.7, sheet: '客户' });
    const action = await ran(opened);
    const done = apply(writing, action);
    expect(done.progress).toBeUndefined();
    expect(done.busy).toBeNull();
    expect(done.run).toBe(action.outcome);
    expect(done.saved).toEqual(action.saved);
    expect(done.view).toBe(action.view);
    expect(done.view?.sheets.map((sh) => sh.name)).toContain(action.outcome.sheets.summary);
    // The sheets the run made are not offered as customer sheets.
    expect(done.candidates).toEqual(['说明', '客户']);
    expect(done.changed).toBe(true);
    expect(apply(done, { type: 'downloaded' }).changed).toBe(false);
  });

  test('a run that fails: the error, no progress, not busy; the earlier run is not shown as this one', async () => {
    const { opened, state } = await loadedState();
    const first = apply(state, { type: 'running', sheet: '客户' }, await ran(opened));
    const failed = apply(first, { type: 'running', sheet: '客户' }, { type: 'runProgress', progress: { step: 'read', value: 0.2, sheet: '客户' } }, { type: 'failed', error });
    expect(failed.error).toBe(error);
    expect(failed.progress).toBeUndefined();
    expect(failed.busy).toBeNull();
    expect(failed.run).toBeUndefined();
    expect(apply(failed, { type: 'dismissError' }).error).toBeUndefined();
  });

  test('Excel: saving does not mark a file changed', async () => {
    const { opened, state } = await loadedState();
    const excel = { ...state, workbook: { mode: 'excel', host: {} } } as unknown as PlannerState;
    const s = apply(excel, { type: 'saved', view: await viewWorkbook(opened.workbook.host), sheet: 'ABC 设置', settings: state.lastValid, notice: { intent: 'success', lines: [] } });
    expect(s.changed).toBe(false);
  });
});

describe('a digitally signed file (issue 15)', () => {
  async function signedState(): Promise<{ opened: Opened; state: PlannerState }> {
    const opened = await open(signedFileWorkbook());
    return { opened, state: apply(initialState(), { type: 'loading' }, opened.loaded) };
  }

  test('opened: the signature parts are known, nothing asked yet; an unsigned file has none', async () => {
    const { state } = await signedState();
    expect(state.signature).toEqual({ parts: expect.arrayContaining(['_xmlsignatures/origin.sigs', '_xmlsignatures/sig1.xml']), asking: false, accepted: false });
    expect((await loadedState()).state.signature).toBeUndefined();
  });

  test('Run asks; cancel leaves every other part of the state as it was', async () => {
    const { state } = await signedState();
    const edited = apply(state, { type: 'setText', path: 'thresholds.1.aPotential', text: '640' }, { type: 'setHeaderRow', row: 3 });
    const asking = apply(edited, { type: 'askSignature' });
    expect(asking.signature?.asking).toBe(true);
    expect(asking.busy).toBeNull();
    const cancelled = apply(asking, { type: 'signatureDeclined' });
    expect(cancelled).toEqual({ ...edited, signature: { ...edited.signature!, asking: false, accepted: false } });
    expect(cancelled.run).toBeUndefined();
    expect(cancelled.changed).toBe(false);
    // Asked again on the next Run.
    expect(apply(cancelled, { type: 'askSignature' }).signature?.asking).toBe(true);
  });

  test('the planner agreed, then the file is opened again: asked again (the answer goes with the workbook)', async () => {
    const { opened, state } = await signedState();
    const planned = apply(state, { type: 'askSignature' }, { type: 'signatureAccepted' }, { type: 'running', sheet: '客户' }, await ran(opened));
    const again = apply(planned, { type: 'loading' }, opened.loaded);
    expect(again.signature).toEqual({ parts: state.signature!.parts, asking: false, accepted: false });
  });

  test('continue: accepted for this workbook (no second question), then the run as usual', async () => {
    const { opened, state } = await signedState();
    const accepted = apply(state, { type: 'askSignature' }, { type: 'signatureAccepted' });
    expect(accepted.signature).toMatchObject({ asking: false, accepted: true });
    const done = apply(accepted, { type: 'running', sheet: '客户' }, await ran(opened));
    expect(done.run).toBeDefined();
    expect(done.signature?.accepted).toBe(true);
    expect(done.changed).toBe(true);
  });

  test('no signature (unsigned, or Excel): asking, accepting and declining change nothing', async () => {
    const { state } = await loadedState();
    for (const type of ['askSignature', 'signatureAccepted', 'signatureDeclined'] as const) expect(apply(state, { type })).toBe(state);
  });
});

describe('a coauthor changed the settings sheet', () => {
  const theirs = () => {
    const settings = defaultSettings();
    settings.thresholds['1'].aPotential = 640;
    return { kind: 'workbook' as const, sheet: 'ABC 设置', settings };
  };
  const notice = { intent: 'info' as const, lines: ['A coauthor changed “ABC 设置”; the settings were read again.'] };

  test('with no edits in progress, the pane shows their settings', async () => {
    const { state } = await loadedState();
    const found = theirs();
    const s = apply(state, { type: 'settingsReloaded', found, notice });
    expect(s.saved).toBe(found);
    expect(s.draft.texts['thresholds.1.aPotential']).toBe('640');
    expect(s.lastValid).toBe(found.settings);
    expect(s.notice).toBe(notice);
  });

  test('edits in progress stay (valid or not); their settings become the saved ones', async () => {
    const { state } = await loadedState();
    const found = theirs();
    for (const text of ['450', 'abc']) {
      const edited = apply(state, { type: 'setText', path: 'thresholds.2.aSales', text });
      const s = apply(edited, { type: 'settingsReloaded', found, notice });
      expect(s.saved).toBe(found);
      expect(s.draft).toBe(edited.draft);
      expect(s.lastValid).toBe(edited.lastValid);
      expect(s.notice).toBe(notice);
    }
  });
});

describe('the tiers (step 3)', () => {
  const five = fiveTierSettings();
  const start = (): PlannerState => ({ ...initialState(), draft: draftFromSettings(five), lastValid: five });

  test('a tier added comes last, with the next free whole-number id, names in the default style and default minimums', () => {
    const s = apply(start(), { type: 'addTier' });
    expect(s.draft.base.tiers.map((t) => t.id)).toEqual(['1', 'new1', '2', '3', '4', '5']);
    expect(s.draft.base.tiers.at(-1)).toEqual({ id: '5', zh: '五级城市', en: 'Tier 5' });
    expect(s.draft.texts['thresholds.5.aPotential']).toBe(String(defaultSettings().thresholds['3'].aPotential));
    expect(s.draft.texts['matrix.5.share']).toBe('40');
    // Valid at once: the preview plans with six tiers.
    expect(s.lastValid.tiers).toHaveLength(6);
    expect(s.lastValid.thresholds['5']).toEqual(defaultSettings().thresholds['3']);
    expect(draftUnsaved(s)).toBe(true);
  });

  test('a tier removed takes its minimums and its cities with it (they fall to the tier for cities not listed)', () => {
    const s = apply(start(), { type: 'removeTier', tier: 'new1' });
    expect(s.draft.base.tiers.map((t) => t.id)).toEqual(['1', '2', '3', '4']);
    expect(Object.keys(s.draft.base.thresholds).sort()).toEqual(['1', '2', '3', '4']);
    expect(Object.keys(s.draft.texts).some((k) => k.includes('.new1.'))).toBe(false);
    expect(s.draft.base.cities.some((c) => c.tier === 'new1')).toBe(false);
    expect(s.draft.base.cities.some((c) => c.city === '成都')).toBe(false);
    expect(s.lastValid.tiers).toHaveLength(4);
    // Then a new tier takes the first free id again.
    expect(apply(s, { type: 'addTier' }).draft.base.tiers.at(-1)!.id).toBe('5');
  });

  test('the tier for cities not listed cannot be removed, nor one of the last two, nor more than ten added', () => {
    const s = start();
    expect(apply(s, { type: 'removeTier', tier: '4' })).toBe(s);
    expect(apply(s, { type: 'removeTier', tier: 'nope' })).toBe(s);
    const two = apply(s, { type: 'removeTier', tier: '1' }, { type: 'removeTier', tier: 'new1' }, { type: 'removeTier', tier: '2' });
    expect(two.draft.base.tiers.map((t) => t.id)).toEqual(['3', '4']);
    expect(apply(two, { type: 'removeTier', tier: '3' })).toBe(two);
    let many = s;
    for (let i = 0; i < 8; i++) many = apply(many, { type: 'addTier' });
    expect(many.draft.base.tiers).toHaveLength(10);
  });

  test('renaming: the name as typed, a blank or repeated name explained beside it and the preview kept', () => {
    const renamed = apply(start(), { type: 'renameTier', tier: 'new1', lang: 'zh', name: '新一线' });
    expect(renamed.draft.base.tiers[1]).toEqual({ id: 'new1', zh: '新一线', en: 'New tier 1' });
    expect(renamed.lastValid.tiers[1].zh).toBe('新一线');
    const blank = apply(renamed, { type: 'renameTier', tier: '2', lang: 'en', name: ' ' });
    expect(resolveDraft(blank.draft, 'en', 4).errors['tiers.2.en']).toBe('tier 3, its English name: must not be blank. Type a name.');
    expect(blank.lastValid).toBe(renamed.lastValid);
    const twice = apply(renamed, { type: 'renameTier', tier: '3', lang: 'zh', name: '二线城市' });
    expect(resolveDraft(twice.draft, 'zh', 4).errors['tiers.3.zh']).toBe('城市级别第 4 项的中文名称：名称“二线城市”与第 3 个级别相同。请给每个级别不同的名称。');
  });

  test('another tier for cities not listed; a city given a tier that is not one is left as it was', () => {
    const s = apply(start(), { type: 'setFallbackTier', tier: '3' });
    expect(s.draft.base.fallbackTier).toBe('3');
    expect(s.lastValid.fallbackTier).toBe('3');
    expect(apply(s, { type: 'setFallbackTier', tier: 'x' })).toBe(s);
    expect(apply(s, { type: 'setCityTier', city: '南通', tier: 'x' })).toBe(s);
    expect(apply(s, { type: 'setCityTier', city: '南通', tier: 'new1' }).draft.base.cities.at(-1)).toEqual({ city: '南通', tier: 'new1' });
  });

  test('Reset gives every tier its default minimums: a default tier its own, another the lowest default tier’s', () => {
    const s = apply(start(), { type: 'setText', path: 'thresholds.new1.aPotential', text: '999' }, { type: 'resetThresholds' });
    const d = defaultSettings();
    expect(s.lastValid.thresholds['1']).toEqual(d.thresholds['1']);
    expect(s.lastValid.thresholds.new1).toEqual(d.thresholds['3']);
    expect(s.draft.texts['thresholds.new1.aPotential']).toBe('150');
    expect(s.lastValid.tiers).toEqual(five.tiers);
  });
});
