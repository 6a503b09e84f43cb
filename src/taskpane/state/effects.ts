/**
 * What the pane does with its workbook, as the actions a planner has: open a file or the
 * sample, read a sheet, save the settings, run, download, select a cell; and, in Excel, the
 * watch on the settings sheet that reloads a coauthor's settings. Each action reads the current
 * state from the store, calls the use cases the command line shares (src/app/) and dispatches
 * the answers to the reducer. The actions object is made once per pane.
 *
 * Cancellation: opening another workbook makes answers about the one before stale (dropped);
 * once detached (the pane unmounted) nothing is dispatched any more and the watch is stopped.
 */
import type { AllocationBasis, Settings } from '../../engine/settings';
import type { TierId } from '../../engine/tiers';
import type { Field, Issue } from '../../engine/types';
import { findCustomerSheet } from '../../app/customerSheet';
import { planCustomerSheet, renderWrite } from '../../app/plan';
import { saveSettings } from '../../app/saveSettings';
import { openWorkbook, settingsOfSheet, settingsSheetName, viewWorkbook, type WorkbookSettings } from '../../app/workbook';
import { writeAll } from '../../app/write';
import type { Lang } from '../../i18n';
import { fill } from '../../i18n';
import { formatIssue } from '../../i18n/engine';
import { SETTINGS_RELOADED } from '../../i18n/excel';
import { paneText } from '../../i18n/taskpane';
import { formatSettingsSheetProblem } from '../../i18n/render';
import type { Draft, FieldPath } from '../model/draft';
import { PaneProblem, paneError } from '../model/paneErrors';
import { tierClassCounts } from '../model/preview';
import type { Notice, PlannerAction, RunOutcome, RunStep } from './reducer';
import type { PlannerSelectors } from './selectors';
import type { PlannerStore } from './store';
import type { ExcelPaneHost, PaneServices, PaneWorkbook } from './workbooks';
import { SampleError, defaultDownload, defaultExcelHost, defaultLoadSample, defaultLoadXlsx, plannedFileName, SAMPLE_FILE } from './workbooks';

export interface EffectsOptions {
  store: PlannerStore;
  selectors: PlannerSelectors;
  lang: Lang;
  mode: 'excel' | 'file';
  services?: PaneServices;
  /** Start on this workbook (tests, and the Excel path with a host already made). */
  initialWorkbook?: PaneWorkbook;
}

const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function createPlannerEffects(options: EffectsOptions) {
  const { store, selectors, lang, mode } = options;
  const services = options.services ?? {};
  /** False before attach and after detach: answers arriving then are dropped. */
  let live = false;
  /** Bumped when another workbook is opened (and on detach): answers for an older one are dropped. */
  let generation = 0;
  /** The first workbook (Excel's, or the one given) has been read, or failed to be. */
  let started = false;

  const dispatch = (action: PlannerAction) => {
    if (live) store.dispatch(action);
  };

  const fail = (e: unknown, context: { file?: string } = {}) => {
    // Keep the console's record of the whole error: the pane shows it in plain words.
    if (!(e instanceof PaneProblem)) console.error(e);
    dispatch({ type: 'failed', error: paneError(e, lang, context) });
  };

  const settingsNotice = (found: WorkbookSettings): Notice | undefined =>
    found.kind === 'problems'
      ? {
          intent: 'warning',
          title: paneText(lang, 'app-settings-problems-title', { sheet: found.sheet }),
          lines: [paneText(lang, 'app-settings-problems'), ...found.problems.map((p) => formatSettingsSheetProblem(p, lang))],
        }
      : undefined;

  // -------------------------------------------------------------------------------------------
  // Opening a workbook

  /** Reads a workbook; true when its answer was applied (not dropped as stale). */
  async function load(workbook: PaneWorkbook): Promise<boolean> {
    const gen = ++generation;
    dispatch({ type: 'loading' });
    try {
      const host = workbook.host;
      const { view, saved } = await openWorkbook(host);
      const prefer = workbook.mode === 'excel' ? await workbook.host.activeSheetName().catch(() => undefined) : undefined;
      const found = await findCustomerSheet(host, view, saved.settings, prefer ? { prefer } : {});
      if (gen !== generation) return false;
      const sheet = found ? { name: found.read.name, read: found.read, names: view.names } : undefined;
      const notice = settingsNotice(saved);
      // Excel handles signed workbooks itself; a file's signature parts are read once, here.
      const signatureParts = workbook.mode === 'file' ? workbook.host.signatureParts : [];
      dispatch({ type: 'loaded', workbook, view, saved, ...(sheet ? { sheet } : {}), ...(notice ? { notice } : {}), ...(signatureParts.length ? { signatureParts } : {}) });
      return true;
    } catch (e) {
      if (gen !== generation) return false;
      fail(e, workbook.mode === 'file' ? { file: workbook.fileName } : {});
      return true;
    }
  }

  async function openBytes(bytes: Uint8Array, fileName: string): Promise<void> {
    dispatch({ type: 'opening', file: fileName });
    try {
      const xlsx = await (services.loadXlsx ?? defaultLoadXlsx)();
      const host = xlsx.openXlsx(bytes, fileName);
      await load({ mode: 'file', host, fileName });
    } catch (e) {
      fail(e, { file: fileName });
    }
  }

  async function openFile(file: File): Promise<void> {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (e) {
      fail(new PaneProblem(paneText(lang, 'error-file-title', { file: file.name }), [paneText(lang, 'error-read-file', { file: file.name })]));
      console.error(e);
      return;
    }
    await openBytes(bytes, file.name);
  }

  async function openSample(): Promise<void> {
    dispatch({ type: 'opening', file: SAMPLE_FILE });
    let bytes: Uint8Array;
    try {
      bytes = await (services.loadSample ?? defaultLoadSample)();
    } catch (e) {
      const status = e instanceof SampleError ? e.status : e instanceof Error ? e.message : String(e);
      fail(new PaneProblem(paneText(lang, 'error-title'), [paneText(lang, 'error-sample', { status })]));
      return;
    }
    await openBytes(bytes, SAMPLE_FILE);
  }

  /** Excel mode (or a workbook given): opens the first workbook. */
  async function start(): Promise<void> {
    let workbook = options.initialWorkbook;
    if (!workbook) {
      if (mode !== 'excel') {
        started = true;
        return;
      }
      try {
        workbook = { mode: 'excel', host: (services.excelHost ?? defaultExcelHost)() };
      } catch (e) {
        started = true;
        fail(e);
        return;
      }
    }
    if (await load(workbook)) started = true;
  }

  // -------------------------------------------------------------------------------------------
  // Step 1: the customer sheet

  async function readCustomerSheet(name: string): Promise<void> {
    const wb = store.getState().workbook;
    if (!wb) return;
    const gen = generation;
    dispatch({ type: 'reading', sheet: name });
    try {
      const view = await viewWorkbook(wb.host);
      const read = await wb.host.readSheet(name);
      if (gen !== generation) return;
      dispatch({ type: 'sheetRead', view, sheet: { name: read.name, read, names: view.names } });
    } catch (e) {
      fail(e);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Save, run, download

  async function save(): Promise<void> {
    const s = store.getState();
    const settings = selectors.resolved(s, lang).settings;
    if (!s.workbook || !settings) return;
    const workbook = s.workbook;
    // The settings sheet speaks the customer sheet's language.
    const sheetLang = selectors.prepared(s)?.language ?? lang;
    dispatch({ type: 'saving' });
    try {
      const { sheet, view: after } = await saveSettings(workbook.host, settings, sheetLang);
      const lines = [paneText(lang, 'save-done', { sheet }), ...(workbook.mode === 'file' ? [paneText(lang, 'save-file-note')] : [])];
      dispatch({ type: 'saved', view: after, sheet, settings, notice: { intent: 'success', lines } });
    } catch (e) {
      fail(e);
    }
  }

  /** Run, unless the file is signed and the planner has not agreed yet: then the pane asks (continueRun / cancelRun). */
  async function run(): Promise<void> {
    const s = store.getState();
    if (s.signature && !s.signature.accepted) {
      dispatch({ type: 'askSignature' });
      return;
    }
    await runNow();
  }

  /** The planner agreed that the signature breaks: run. */
  async function continueRun(): Promise<void> {
    if (!store.getState().signature?.asking) return;
    dispatch({ type: 'signatureAccepted' });
    await runNow();
  }

  async function runNow(): Promise<void> {
    const s = store.getState();
    const settings = selectors.resolved(s, lang).settings;
    if (!s.workbook || !s.sheet || !settings) return;
    const host = s.workbook.host;
    const sheet = s.sheet.name;
    // One step of progress per percent: no more renders than the bar can show.
    let last = -1;
    const progress = (step: RunStep, value: number) => {
      const v = Math.max(0, Math.min(1, value));
      if (Math.round(v * 100) === last) return;
      last = Math.round(v * 100);
      dispatch({ type: 'runProgress', progress: { step, value: v, sheet } });
    };
    dispatch({ type: 'running', sheet });
    try {
      const view = await viewWorkbook(host);
      const read = await host.readSheet(sheet, (done, total) => progress('read', total ? (0.3 * done) / total : 0.3));
      progress('plan', 0.3);
      await nextFrame();
      const { result } = planCustomerSheet(read, view.names, settings, s.headerRow !== undefined ? { headerRow: s.headerRow } : {});
      if (!result.ok) {
        throw new PaneProblem(
          paneText(lang, 'data-cannot-plan'),
          result.issues.filter((i) => i.severity === 'error').map((i) => formatIssue(i, lang)),
        );
      }
      const planned = renderWrite(result, read, view);
      progress('write', 0.4);
      await nextFrame();
      await writeAll(host, planned.write, (done, total) => progress('write', 0.4 + (total ? (0.6 * done) / total : 0.6)));
      const after = await viewWorkbook(host);
      const outcome: RunOutcome = {
        customerSheet: sheet,
        customers: planned.result.customerColumns.count,
        counts: tierClassCounts(planned.result),
        target: planned.result.target,
        sheets: planned.sheets,
        issues: planned.result.issues,
        notices: planned.write.notices ?? [],
      };
      dispatch({
        type: 'ran',
        view: after,
        sheet: { name: read.name, read, names: view.names },
        saved: { kind: 'workbook', sheet: planned.sheets.settings ?? '', settings: result.settings },
        outcome,
      });
    } catch (e) {
      fail(e);
    }
  }

  /** True once the file is handed over: only then may another workbook replace it. */
  function download(): boolean {
    const wb = store.getState().workbook;
    if (wb?.mode !== 'file') return false;
    try {
      (services.download ?? defaultDownload)(wb.host.toBytes(), plannedFileName(wb.fileName, wb.host.macroEnabled));
      dispatch({ type: 'downloaded' });
      return true;
    } catch (e) {
      fail(e);
      return false;
    }
  }

  /** Excel: selects the cell an issue points at. */
  async function selectIssue(issue: Issue): Promise<void> {
    const wb = store.getState().workbook;
    if (wb?.mode !== 'excel' || issue.row === undefined) return;
    try {
      await wb.host.selectCell(issue.sheet, `${issue.column ?? 'A'}${issue.row}`);
    } catch (e) {
      fail(e);
    }
  }

  async function openSheet(name: string): Promise<void> {
    const wb = store.getState().workbook;
    if (wb?.mode !== 'excel') return;
    try {
      await wb.host.activateSheet(name);
    } catch (e) {
      fail(e);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Excel: a coauthor's change of the settings sheet reloads the settings.

  /** Watches one settings sheet; returns what stops watching. */
  function watchSettingsSheet(host: ExcelPaneHost, sheet: string): () => void {
    let watching = true;
    let remove: (() => Promise<void>) | undefined;
    const reload = async () => {
      try {
        const found = settingsOfSheet(await host.readSheet(sheet));
        if (!watching) return;
        const notice = settingsNotice(found) ?? { intent: 'info', title: paneText(lang, 'app-settings-reloaded-title'), lines: [fill(SETTINGS_RELOADED[lang], { sheet })] };
        dispatch({ type: 'settingsReloaded', found, notice });
      } catch (e) {
        if (watching) fail(e);
      }
    };
    host
      .onSheetChanged(sheet, (change) => {
        if (change.source === 'remote') void reload();
      })
      .then(
        (stop) => {
          if (watching) remove = stop;
          else void stop().catch(() => undefined);
        },
        () => undefined, // Watching is a convenience: a workbook that refuses it still plans.
      );
    return () => {
      watching = false;
      void remove?.().catch(() => undefined);
    };
  }

  /** The watch in force, and what it was made for. */
  let watch: { host?: ExcelPaneHost; sheet?: string; view?: object; stop?: () => void } = {};
  /** Watches the settings sheet of the state's workbook; again whenever the workbook's view changes (save and run replace the sheet). */
  function followSettingsSheet(): void {
    const s = store.getState();
    const host = s.workbook?.mode === 'excel' ? s.workbook.host : undefined;
    const sheet = s.view ? settingsSheetName(s.view) : undefined;
    if (watch.host === host && watch.sheet === sheet && watch.view === s.view) return;
    watch.stop?.();
    watch = { host, sheet, view: s.view, ...(host && sheet ? { stop: watchSettingsSheet(host, sheet) } : {}) };
  }

  function stopWatching(): void {
    watch.stop?.();
    watch = {};
  }

  // -------------------------------------------------------------------------------------------

  /** Made once: components that only act hold the same object for the pane's life. */
  const actions = Object.freeze({
    openFile,
    openBytes,
    openSample,
    chooseSheet: (name: string) => readCustomerSheet(name),
    rereadSheet: () => {
      const name = store.getState().sheet?.name;
      if (name) void readCustomerSheet(name);
    },
    setHeaderRow: (row: number | undefined) => dispatch({ type: 'setHeaderRow', row }),
    setColumn: (field: Field, header: string) => dispatch({ type: 'setColumn', field, header }),
    setText: (path: FieldPath, text: string) => dispatch({ type: 'setText', path, text }),
    resetThresholds: () => dispatch({ type: 'resetThresholds' }),
    setTargetMode: (targetMode: Draft['targetMode']) => dispatch({ type: 'setTargetMode', mode: targetMode }),
    setBasis: (basis: AllocationBasis) => dispatch({ type: 'setBasis', basis }),
    setUnit: (unit: Settings['targets']['unit']) => dispatch({ type: 'setUnit', unit }),
    editMix: (shares: readonly number[]) => dispatch({ type: 'editMix', shares }),
    mixFromHistory: () => dispatch({ type: 'mixFromHistory' }),
    setCityTier: (city: string, tier: TierId) => dispatch({ type: 'setCityTier', city, tier }),
    removeCity: (city: string) => dispatch({ type: 'removeCity', city }),
    addTier: () => dispatch({ type: 'addTier' }),
    removeTier: (tier: TierId) => dispatch({ type: 'removeTier', tier }),
    renameTier: (tier: TierId, lang: 'zh' | 'en', name: string) => dispatch({ type: 'renameTier', tier, lang, name }),
    setFallbackTier: (tier: TierId) => dispatch({ type: 'setFallbackTier', tier }),
    save,
    run,
    continueRun,
    cancelRun: () => dispatch({ type: 'signatureDeclined' }),
    download,
    selectIssue,
    openSheet,
    dismissError: () => dispatch({ type: 'dismissError' }),
    dismissNotice: () => dispatch({ type: 'dismissNotice' }),
  });

  return {
    actions,
    /**
     * Starts the pane's work (from an effect): the first workbook if not read yet, the watch on
     * its settings sheet. Returns what ends it; a pane attached again (React's StrictMode) picks up.
     */
    attach(): () => void {
      live = true;
      const unsubscribe = store.subscribe(followSettingsSheet);
      followSettingsSheet();
      if (!started) void start();
      return () => {
        live = false;
        generation++;
        unsubscribe();
        stopWatching();
      };
    },
  };
}

export type PlannerActions = ReturnType<typeof createPlannerEffects>['actions'];
