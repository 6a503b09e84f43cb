/**
 * The pane's state and what a planner can do with it, in one hook (PlannerProvider shares it
 * with the steps). It holds the workbook, its saved settings, the settings being edited (the
 * draft) and the customer sheet as read once; it plans that sheet again on every change for the
 * live preview (planPrepared: no workbook round trip per keystroke), and runs, saves and
 * downloads through the shared workflow (src/hosts/workflow.ts), whatever the host.
 */
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { PlanResult, PreparedSheet } from '../../engine/plan';
import { planPrepared } from '../../engine/plan';
import type { AllocationBasis, Settings } from '../../engine/settings';
import { defaultSettings } from '../../engine/settings';
import type { Field, Issue, Tier } from '../../engine/types';
import { normaliseCity } from '../../engine/cities';
import type { SheetRead } from '../../hosts/host';
import type { GeneratedSheets, WorkbookSettings, WorkbookView } from '../../hosts/workflow';
import {
  customerSheetCandidates,
  findCustomerSheet,
  isEmptySheet,
  planWrite,
  prepareCustomerSheet,
  readWorkbookSettings,
  settingsOfSheet,
  settingsSheetName,
  settingsWrite,
  viewWorkbook,
} from '../../hosts/workflow';
import type { Lang } from '../../i18n';
import { fill } from '../../i18n';
import { formatIssue } from '../../i18n/engine';
import { SETTINGS_RELOADED } from '../../i18n/excel';
import { formatSettingsSheetProblem } from '../../render';
import type { DefinedNameSpec } from '../../render';
import { paneText } from '../../i18n/taskpane';
import type { Draft, FieldPath, Resolved } from '../model/draft';
import { draftFromSettings, resolveDraft, sameSettings, withMixEdited, withMixFromHistory, withText, withThresholdsOf } from '../model/draft';
import type { PaneError } from '../model/paneErrors';
import { PaneProblem, paneError } from '../model/paneErrors';
import type { TierClassCounts } from '../model/preview';
import { classChanges, tierClassCounts } from '../model/preview';
import type { PaneServices, PaneWorkbook } from './workbooks';
import { SampleError, defaultDownload, defaultExcelHost, defaultLoadSample, defaultLoadXlsx, plannedFileName, SAMPLE_FILE } from './workbooks';

export type Busy = { kind: 'opening'; file: string } | { kind: 'workbook' } | { kind: 'reading'; sheet: string } | { kind: 'saving' } | { kind: 'running' } | null;

export type RunStep = 'read' | 'plan' | 'write';
export interface RunProgress {
  step: RunStep;
  /** 0–1 within the whole run. */
  value: number;
  sheet: string;
}

/** The customer sheet as read, with the workbook's names at the time (to strip earlier tag columns). */
export interface SheetState {
  name: string;
  read: SheetRead;
  names: DefinedNameSpec[];
}

export interface RunOutcome {
  customerSheet: string;
  customers: number;
  counts: TierClassCounts;
  target: PlanResult['target'];
  sheets: GeneratedSheets;
  issues: Issue[];
}

export interface Notice {
  intent: 'info' | 'success' | 'warning';
  title?: string;
  lines: string[];
}

export interface PlannerState {
  workbook?: PaneWorkbook;
  view?: WorkbookView;
  /** Sheets that may hold the customers. */
  candidates: string[];
  /** The settings the workbook holds (or the defaults): the baseline of "changes class". */
  saved: WorkbookSettings;
  draft: Draft;
  sheet?: SheetState;
  /** The header row the planner set; undefined: found automatically. */
  headerRow?: number;
  busy: Busy;
  progress?: RunProgress;
  error?: PaneError;
  notice?: Notice;
  run?: RunOutcome;
  /** File mode: the workbook in memory differs from the file opened. */
  changed: boolean;
}

export interface PlannerOptions {
  lang: Lang;
  mode: 'excel' | 'file';
  services?: PaneServices;
  /** Start on this workbook (tests, and the Excel path with a host already made). */
  initialWorkbook?: PaneWorkbook;
}

function initialState(): PlannerState {
  const settings = defaultSettings();
  return { candidates: [], saved: { kind: 'defaults', settings }, draft: draftFromSettings(settings), busy: null, changed: false };
}

const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function usePlanner(options: PlannerOptions) {
  const { lang, mode } = options;
  const services = options.services ?? {};
  const [state, setState] = useState<PlannerState>(initialState);
  const patch = useCallback((p: Partial<PlannerState>) => setState((s) => ({ ...s, ...p })), []);
  const stateRef = useRef(state);
  stateRef.current = state;
  /** Bumped when another workbook is opened: answers for an older one are dropped. */
  const generation = useRef(0);

  // ---------------------------------------------------------------------------------------
  // Derived: the prepared sheet, the draft resolved, the live preview

  const columnsKey = JSON.stringify(state.draft.base.columns);
  const industries = state.draft.base.industries;
  const prepared: PreparedSheet | undefined = useMemo(() => {
    if (!state.sheet) return undefined;
    const settings = { ...state.draft.base, columns: JSON.parse(columnsKey) as Settings['columns'], industries };
    return prepareCustomerSheet(state.sheet.read, state.sheet.names, settings, state.headerRow);
  }, [state.sheet, columnsKey, industries, state.headerRow]);

  const productCount = state.draft.base.products.names?.length ?? (prepared?.report?.mapping.products.length || 4);
  const resolved: Resolved = useMemo(() => resolveDraft(state.draft, lang, productCount), [state.draft, lang, productCount]);
  const lastValid = useRef<Settings>(state.saved.settings);
  if (resolved.settings) lastValid.current = resolved.settings;
  const effective = resolved.settings ?? lastValid.current;
  const deferred = useDeferredValue(effective);
  const preview = useMemo(() => (prepared ? planPrepared(prepared, deferred) : undefined), [prepared, deferred]);
  const baseline = useMemo(() => (prepared ? planPrepared(prepared, state.saved.settings) : undefined), [prepared, state.saved.settings]);
  const counts = useMemo(() => (preview ? tierClassCounts(preview) : undefined), [preview]);
  const baselineCounts = useMemo(() => (baseline ? tierClassCounts(baseline) : undefined), [baseline]);
  const changes = useMemo(() => (preview && baseline ? classChanges(preview, baseline) : undefined), [preview, baseline]);
  const unsaved = resolved.settings ? !sameSettings(resolved.settings, state.saved.settings) : true;
  const unsavedRef = useRef(unsaved);
  unsavedRef.current = unsaved;

  // ---------------------------------------------------------------------------------------
  // Errors and notices

  const fail = useCallback(
    (e: unknown, context: { file?: string } = {}) => {
      // Keep the console's record of the whole error: the pane shows it in plain words.
      if (!(e instanceof PaneProblem)) console.error(e);
      patch({ error: paneError(e, lang, context), busy: null, progress: undefined });
    },
    [lang, patch],
  );

  const settingsNotice = useCallback(
    (found: WorkbookSettings): Notice | undefined =>
      found.kind === 'problems'
        ? {
            intent: 'warning',
            title: paneText(lang, 'app-settings-problems-title', { sheet: found.sheet }),
            lines: [paneText(lang, 'app-settings-problems'), ...found.problems.map((p) => formatSettingsSheetProblem(p, lang))],
          }
        : undefined,
    [lang],
  );

  // ---------------------------------------------------------------------------------------
  // Opening a workbook

  const load = useCallback(
    async (workbook: PaneWorkbook) => {
      const gen = ++generation.current;
      patch({ busy: { kind: 'workbook' }, error: undefined, notice: undefined, run: undefined, progress: undefined });
      try {
        const host = workbook.host;
        const view = await viewWorkbook(host);
        const saved = await readWorkbookSettings(host, view);
        const prefer = workbook.mode === 'excel' ? await workbook.host.activeSheetName().catch(() => undefined) : undefined;
        const found = await findCustomerSheet(host, view, saved.settings, prefer ? { prefer } : {});
        if (gen !== generation.current) return;
        const draft = draftFromSettings(saved.settings);
        lastValid.current = saved.settings;
        setState((s) => ({
          ...s,
          workbook,
          view,
          candidates: customerSheetCandidates(view),
          saved,
          draft,
          sheet: found ? { name: found.read.name, read: found.read, names: view.names } : undefined,
          headerRow: undefined,
          busy: null,
          changed: false,
          notice: settingsNotice(saved),
        }));
      } catch (e) {
        if (gen === generation.current) fail(e, workbook.mode === 'file' ? { file: workbook.fileName } : {});
      }
    },
    [fail, patch, settingsNotice],
  );

  const openBytes = useCallback(
    async (bytes: Uint8Array, fileName: string) => {
      patch({ busy: { kind: 'opening', file: fileName }, error: undefined });
      try {
        const xlsx = await (services.loadXlsx ?? defaultLoadXlsx)();
        const host = xlsx.openXlsx(bytes, fileName);
        await load({ mode: 'file', host, fileName });
      } catch (e) {
        fail(e, { file: fileName });
      }
    },
    [fail, load, patch, services.loadXlsx],
  );

  const openFile = useCallback(
    async (file: File) => {
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await file.arrayBuffer());
      } catch (e) {
        fail(new PaneProblem(paneText(lang, 'error-file-title', { file: file.name }), [paneText(lang, 'error-read-file', { file: file.name })]));
        console.error(e);
        return;
      }
      await openBytes(bytes, file.name);
    },
    [fail, lang, openBytes],
  );

  const openSample = useCallback(async () => {
    patch({ busy: { kind: 'opening', file: SAMPLE_FILE }, error: undefined });
    let bytes: Uint8Array;
    try {
      bytes = await (services.loadSample ?? defaultLoadSample)();
    } catch (e) {
      const status = e instanceof SampleError ? e.status : e instanceof Error ? e.message : String(e);
      fail(new PaneProblem(paneText(lang, 'error-title'), [paneText(lang, 'error-sample', { status })]));
      return;
    }
    await openBytes(bytes, SAMPLE_FILE);
  }, [fail, lang, openBytes, patch, services.loadSample]);

  // Excel mode: open Excel's workbook once.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    if (options.initialWorkbook) {
      started.current = true;
      void load(options.initialWorkbook);
    } else if (mode === 'excel') {
      started.current = true;
      let host;
      try {
        host = (services.excelHost ?? defaultExcelHost)();
      } catch (e) {
        fail(e);
        return;
      }
      void load({ mode: 'excel', host });
    }
    // Once, on mount.
  }, []);

  // ---------------------------------------------------------------------------------------
  // Step 1: the customer sheet, header row, columns

  const readCustomerSheet = useCallback(
    async (name: string) => {
      const wb = stateRef.current.workbook;
      if (!wb) return;
      const gen = generation.current;
      patch({ busy: { kind: 'reading', sheet: name }, error: undefined });
      try {
        const view = await viewWorkbook(wb.host);
        const read = await wb.host.readSheet(name);
        if (gen !== generation.current) return;
        patch({ view, candidates: customerSheetCandidates(view), sheet: { name: read.name, read, names: view.names }, headerRow: undefined, busy: null });
      } catch (e) {
        fail(e);
      }
    },
    [fail, patch],
  );

  const chooseSheet = useCallback((name: string) => readCustomerSheet(name), [readCustomerSheet]);
  const rereadSheet = useCallback(() => {
    const name = stateRef.current.sheet?.name;
    if (name) void readCustomerSheet(name);
  }, [readCustomerSheet]);

  const setHeaderRow = useCallback((row: number | undefined) => patch({ headerRow: row }), [patch]);

  const setColumn = useCallback((field: Field, header: string) => {
    setState((s) => ({ ...s, draft: { ...s.draft, base: { ...s.draft.base, columns: { ...s.draft.base.columns, [field]: header } } } }));
  }, []);

  // ---------------------------------------------------------------------------------------
  // Steps 2–4: editing the settings

  const updateDraft = useCallback((f: (d: Draft) => Draft) => setState((s) => ({ ...s, draft: f(s.draft) })), []);
  const setText = useCallback((path: FieldPath, text: string) => updateDraft((d) => withText(d, path, text)), [updateDraft]);
  const resetThresholds = useCallback(() => updateDraft((d) => withThresholdsOf(d, defaultSettings())), [updateDraft]);
  const setTargetMode = useCallback((targetMode: Draft['targetMode']) => updateDraft((d) => ({ ...d, targetMode })), [updateDraft]);
  const setBasis = useCallback((basis: AllocationBasis) => updateDraft((d) => ({ ...d, base: { ...d.base, targets: { ...d.base.targets, basis } } })), [updateDraft]);
  const setUnit = useCallback((unit: Settings['targets']['unit']) => updateDraft((d) => ({ ...d, base: { ...d.base, targets: { ...d.base.targets, unit } } })), [updateDraft]);
  const editMix = useCallback((shares: readonly number[]) => updateDraft((d) => (d.mixEdited ? d : withMixEdited(d, shares))), [updateDraft]);
  const mixFromHistory = useCallback(() => updateDraft(withMixFromHistory), [updateDraft]);

  /** Gives a city a tier: changes its entry, or adds it to the list. */
  const setCityTier = useCallback(
    (city: string, tier: Tier) =>
      updateDraft((d) => {
        const key = normaliseCity(city) || city.trim();
        const cities = d.base.cities.filter((c) => (normaliseCity(c.city) || c.city) !== key);
        const at = d.base.cities.findIndex((c) => (normaliseCity(c.city) || c.city) === key);
        const entry = { city: key, tier: tier as 1 | 2 | 3 };
        if (at >= 0) cities.splice(at, 0, entry);
        else cities.push(entry);
        return { ...d, base: { ...d.base, cities } };
      }),
    [updateDraft],
  );
  const removeCity = useCallback(
    (city: string) => updateDraft((d) => ({ ...d, base: { ...d.base, cities: d.base.cities.filter((c) => c.city !== city) } })),
    [updateDraft],
  );

  // ---------------------------------------------------------------------------------------
  // Save, run, download

  const workbookLang = (): Lang => prepared?.language ?? lang;

  const save = useCallback(async () => {
    const s = stateRef.current;
    const settings = resolved.settings;
    if (!s.workbook || !settings) return;
    patch({ busy: { kind: 'saving' }, error: undefined, notice: undefined });
    try {
      const view = await viewWorkbook(s.workbook.host);
      const { write, sheet } = settingsWrite(settings, workbookLang(), view);
      await s.workbook.host.apply(write);
      const after = await viewWorkbook(s.workbook.host);
      patch({
        view: after,
        saved: { kind: 'workbook', sheet, settings },
        busy: null,
        changed: s.workbook.mode === 'file' ? true : s.changed,
        notice: { intent: 'success', lines: [paneText(lang, 'save-done', { sheet }), ...(s.workbook.mode === 'file' ? [paneText(lang, 'save-file-note')] : [])] },
      });
    } catch (e) {
      fail(e);
    }
  }, [fail, lang, patch, resolved.settings, prepared]);

  const run = useCallback(async () => {
    const s = stateRef.current;
    const settings = resolved.settings;
    if (!s.workbook || !s.sheet || !settings) return;
    const host = s.workbook.host;
    const sheet = s.sheet.name;
    let last = -1;
    const progress = (step: RunStep, value: number) => {
      const v = Math.max(0, Math.min(1, value));
      if (Math.round(v * 100) === last) return;
      last = Math.round(v * 100);
      patch({ progress: { step, value: v, sheet } });
    };
    patch({ busy: { kind: 'running' }, error: undefined, notice: undefined, run: undefined, progress: { step: 'read', value: 0, sheet } });
    try {
      const view = await viewWorkbook(host);
      const read = await host.readSheet(sheet, (done, total) => progress('read', total ? (0.3 * done) / total : 0.3));
      progress('plan', 0.3);
      await nextFrame();
      const fresh = prepareCustomerSheet(read, view.names, settings, s.headerRow);
      if (!fresh.ok) {
        throw new PaneProblem(
          paneText(lang, 'data-cannot-plan'),
          fresh.issues.filter((i) => i.severity === 'error').map((i) => formatIssue(i, lang)),
        );
      }
      const planned = planWrite(fresh, read, view, settings);
      progress('write', 0.4);
      await nextFrame();
      await host.apply(planned.write, (done, total) => progress('write', 0.4 + (total ? (0.6 * done) / total : 0.6)));
      const after = await viewWorkbook(host);
      const outcome: RunOutcome = {
        customerSheet: sheet,
        customers: planned.result.customerColumns.count,
        counts: tierClassCounts(planned.result),
        target: planned.result.target,
        sheets: planned.sheets,
        issues: planned.result.issues,
      };
      setState((st) => ({
        ...st,
        view: after,
        candidates: customerSheetCandidates(after),
        saved: { kind: 'workbook', sheet: planned.sheets.settings ?? '', settings: planned.settings },
        sheet: { name: read.name, read, names: view.names },
        busy: null,
        progress: undefined,
        run: outcome,
        changed: st.workbook?.mode === 'file' ? true : st.changed,
      }));
    } catch (e) {
      fail(e);
    }
  }, [fail, lang, patch, resolved.settings]);

  const download = useCallback(() => {
    const wb = stateRef.current.workbook;
    if (wb?.mode !== 'file') return;
    try {
      (services.download ?? defaultDownload)(wb.host.toBytes(), plannedFileName(wb.fileName, wb.host.macroEnabled));
      patch({ changed: false });
    } catch (e) {
      fail(e);
    }
  }, [fail, patch, services.download]);

  /** Excel: selects the cell an issue points at. */
  const selectIssue = useCallback(
    async (issue: Issue) => {
      const wb = stateRef.current.workbook;
      if (wb?.mode !== 'excel' || issue.row === undefined) return;
      try {
        await wb.host.selectCell(issue.sheet, `${issue.column ?? 'A'}${issue.row}`);
      } catch (e) {
        fail(e);
      }
    },
    [fail],
  );

  const openSheet = useCallback(
    async (name: string) => {
      const wb = stateRef.current.workbook;
      if (wb?.mode !== 'excel') return;
      try {
        await wb.host.activateSheet(name);
      } catch (e) {
        fail(e);
      }
    },
    [fail],
  );

  const dismissError = useCallback(() => patch({ error: undefined }), [patch]);
  const dismissNotice = useCallback(() => patch({ notice: undefined }), [patch]);

  // ---------------------------------------------------------------------------------------
  // Excel: a coauthor's change of the settings sheet reloads the settings.

  const settingsSheet = state.view ? settingsSheetName(state.view) : undefined;
  const excelHost = state.workbook?.mode === 'excel' ? state.workbook.host : undefined;
  useEffect(() => {
    if (!excelHost || !settingsSheet) return;
    let stop: (() => Promise<void>) | undefined;
    let live = true;
    const reload = async () => {
      try {
        const found = settingsOfSheet(await excelHost.readSheet(settingsSheet));
        if (!live) return;
        setState((s) => {
          // Edits in progress stay; with none, the pane shows the coauthor's settings.
          const keepDraft = unsavedRef.current;
          if (!keepDraft) lastValid.current = found.settings;
          return {
            ...s,
            saved: found,
            draft: keepDraft ? s.draft : draftFromSettings(found.settings),
            notice:
              settingsNotice(found) ?? { intent: 'info', title: paneText(lang, 'app-settings-reloaded-title'), lines: [fill(SETTINGS_RELOADED[lang], { sheet: settingsSheet })] },
          };
        });
      } catch (e) {
        if (live) fail(e);
      }
    };
    excelHost
      .onSheetChanged(settingsSheet, (change) => {
        if (change.source === 'remote') void reload();
      })
      .then(
        (remove) => {
          if (live) stop = remove;
          else void remove().catch(() => undefined);
        },
        () => undefined, // Watching is a convenience: a workbook that refuses it still plans.
      );
    return () => {
      live = false;
      void stop?.().catch(() => undefined);
    };
    // Subscribe again when the settings sheet is replaced (save, run): the view changes then.
  }, [excelHost, settingsSheet, state.view]);

  const empty = useMemo(() => (state.sheet ? isEmptySheet(state.sheet.read) : false), [state.sheet]);

  return {
    state,
    lang,
    mode,
    prepared,
    /** The customer sheet chosen holds nothing. */
    empty,
    resolved,
    effective,
    preview,
    /** True while the preview is behind what was typed (it follows shortly). */
    previewPending: deferred !== effective,
    counts,
    baselineCounts,
    changes,
    unsaved,
    actions: {
      openFile,
      openBytes,
      openSample,
      chooseSheet,
      rereadSheet,
      setHeaderRow,
      setColumn,
      setText,
      resetThresholds,
      setTargetMode,
      setBasis,
      setUnit,
      editMix,
      mixFromHistory,
      setCityTier,
      removeCity,
      save,
      run,
      download,
      selectIssue,
      openSheet,
      dismissError,
      dismissNotice,
    },
  };
}

export type Planner = ReturnType<typeof usePlanner>;
