/**
 * The pane's effects over real .xlsx workbooks: answers about a workbook opened before another
 * are dropped, nothing is dispatched once the pane is detached (unmounted), and a run reports
 * its progress and outcome through the reducer. A host is held at a gate to order the answers.
 */
import type { PaneServices, PaneWorkbook } from '../../src/taskpane/state/workbooks';
import { createPlannerEffects } from '../../src/taskpane/state/effects';
import type { PlannerAction } from '../../src/taskpane/state/reducer';
import { createSelectors } from '../../src/taskpane/state/selectors';
import { createPlannerStore } from '../../src/taskpane/state/store';
import { customerValues, fileWorkbook, signedFileWorkbook } from './fixtures';

/** The workbook, with its listing of sheets held until `release()`. */
function gated(workbook: PaneWorkbook & { mode: 'file' }) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const host = workbook.host;
  const listSheets = host.listSheets.bind(host);
  host.listSheets = async () => {
    await gate;
    return listSheets();
  };
  return { workbook, release };
}

/** A pane's store and effects, recording each action dispatched. */
function pane(options: { initialWorkbook?: PaneWorkbook; services?: PaneServices } = {}) {
  const store = createPlannerStore();
  const dispatched: PlannerAction['type'][] = [];
  const dispatch = store.dispatch;
  store.dispatch = (a) => {
    dispatched.push(a.type);
    dispatch(a);
  };
  const effects = createPlannerEffects({ store, selectors: createSelectors(), lang: 'en', mode: 'file', ...options });
  return { store, effects, dispatched };
}

/** Lets the host's promises run until `done()` (a bounded number of turns). */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
}

test('another file opened while the first is still being read: the first one’s late answer is dropped', async () => {
  const first = gated(fileWorkbook(customerValues(60, 7), '华北.xlsx'));
  const second = fileWorkbook(customerValues(30, 9), '华南.xlsx');
  const { store, effects } = pane({ initialWorkbook: first.workbook, services: { loadXlsx: async () => ({ openXlsx: () => second.host }) } });
  const detach = effects.attach();
  expect(store.getState().busy).toEqual({ kind: 'workbook' });

  await effects.actions.openBytes(new Uint8Array(), '华南.xlsx');
  expect(store.getState().workbook).toEqual(second);
  expect(store.getState().sheet?.read.values.length).toBe(customerValues(30, 9).length);

  // Now the first workbook answers: too late, it is not the one open.
  first.release();
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(store.getState().workbook).toEqual(second);
  expect(store.getState().sheet?.read.values.length).toBe(customerValues(30, 9).length);
  expect(store.getState().busy).toBeNull();
  detach();
});

test('detached (the pane unmounted) while reading: nothing is dispatched after', async () => {
  const first = gated(fileWorkbook());
  const { store, effects, dispatched } = pane({ initialWorkbook: first.workbook });
  const detach = effects.attach();
  expect(dispatched).toEqual(['loading']);
  detach();
  const before = store.getState();
  first.release();
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(dispatched).toEqual(['loading']);
  expect(store.getState()).toBe(before);
  // Actions called after detaching do nothing either.
  effects.actions.setText('thresholds.1.aPotential', '640');
  expect(store.getState()).toBe(before);
});

test('attached again (React StrictMode mounts twice): the first workbook is read after all', async () => {
  const first = gated(fileWorkbook());
  const { store, effects } = pane({ initialWorkbook: first.workbook });
  effects.attach()();
  const detach = effects.attach();
  first.release();
  await until(() => store.getState().sheet !== undefined);
  expect(store.getState().sheet?.name).toBe('客户');
  expect(store.getState().busy).toBeNull();
  detach();
});

test('a run: progress by whole percents from 0, then the outcome; a save before it', async () => {
  const { store, effects, dispatched } = pane({ initialWorkbook: fileWorkbook() });
  const detach = effects.attach();
  await until(() => store.getState().sheet !== undefined);
  const progress: number[] = [];
  const unsubscribe = store.subscribe(() => {
    const p = store.getState().progress;
    if (p) progress.push(p.value);
  });
  effects.actions.setText('thresholds.1.aPotential', '300');
  await effects.actions.save();
  expect(store.getState().saved).toMatchObject({ kind: 'workbook', sheet: 'ABC 设置' });
  expect(store.getState().notice?.lines[0]).toMatch(/ABC 设置/);
  await effects.actions.run();
  unsubscribe();
  const s = store.getState();
  expect(s.error).toBeUndefined();
  expect(s.run?.customers).toBeGreaterThan(0);
  expect(s.progress).toBeUndefined();
  expect(progress[0]).toBe(0);
  expect(progress.every((v, i) => i === 0 || v >= progress[i - 1])).toBe(true);
  expect(new Set(progress.map((v) => Math.round(v * 100))).size).toBe(progress.length);
  expect(dispatched.filter((t) => t === 'ran')).toHaveLength(1);
  expect(s.changed).toBe(true);
  detach();
});

test('a run whose write fails: the error, no progress left, no outcome; the pane can run again', async () => {
  const workbook = fileWorkbook();
  const apply = workbook.host.apply.bind(workbook.host);
  workbook.host.apply = async () => {
    throw new Error('the disk is full');
  };
  const { store, effects } = pane({ initialWorkbook: workbook });
  const detach = effects.attach();
  await until(() => store.getState().sheet !== undefined);
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  await effects.actions.run();
  const s = store.getState();
  expect(s.error).toMatchObject({ title: 'Something went wrong', details: 'Error: the disk is full' });
  expect(s.progress).toBeUndefined();
  expect(s.busy).toBeNull();
  expect(s.run).toBeUndefined();
  workbook.host.apply = apply;
  await effects.actions.run();
  expect(store.getState().error).toBeUndefined();
  expect(store.getState().run?.customers).toBeGreaterThan(0);
  detach();
});

test('a signed file: Run only asks; Cancel writes nothing; Continue runs; the next Run does not ask again', async () => {
  const workbook = signedFileWorkbook();
  const applied: unknown[] = [];
  const apply = workbook.host.apply.bind(workbook.host);
  workbook.host.apply = async (write, progress) => {
    applied.push(write);
    return apply(write, progress);
  };
  const { store, effects, dispatched } = pane({ initialWorkbook: workbook });
  const detach = effects.attach();
  await until(() => store.getState().sheet !== undefined);
  expect(store.getState().signature).toMatchObject({ asking: false, accepted: false });

  dispatched.length = 0;
  await effects.actions.run();
  expect(dispatched).toEqual(['askSignature']);
  effects.actions.cancelRun();
  // Continue after Cancel does nothing: only an open question can be answered.
  await effects.actions.continueRun();
  expect(dispatched).toEqual(['askSignature', 'signatureDeclined']);
  expect(applied).toHaveLength(0);
  expect(store.getState().run).toBeUndefined();

  await effects.actions.run();
  await effects.actions.continueRun();
  expect(dispatched.slice(2, 5)).toEqual(['askSignature', 'signatureAccepted', 'running']);
  expect(store.getState().run?.customers).toBeGreaterThan(0);
  expect(applied).toHaveLength(1);

  dispatched.length = 0;
  await effects.actions.run();
  expect(dispatched[0]).toBe('running');
  expect(applied).toHaveLength(2);
  detach();
});

test('an unsigned file runs at once, without a question', async () => {
  const { store, effects, dispatched } = pane({ initialWorkbook: fileWorkbook() });
  const detach = effects.attach();
  await until(() => store.getState().sheet !== undefined);
  expect(store.getState().signature).toBeUndefined();
  dispatched.length = 0;
  await effects.actions.run();
  expect(dispatched[0]).toBe('running');
  expect(store.getState().run).toBeDefined();
  detach();
});
