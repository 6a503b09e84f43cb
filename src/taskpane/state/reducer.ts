/**
 * The pane's state and every change a planner or a host answer makes to it, as one pure
 * reducer: no host calls, no timers, no React. Host calls live in effects.ts (they dispatch the
 * answers here), derived values (the draft resolved, the preview) in selectors.ts.
 */
import type { PlanResult } from '../../engine/plan';
import type { AllocationBasis, Settings } from '../../engine/settings';
import { defaultSettings } from '../../engine/settings';
import { normaliseCity } from '../../engine/cities';
import type { TierId } from '../../engine/tiers';
import type { Field, Issue } from '../../engine/types';
import type { SheetRead } from '../../hosts/host';
import { customerSheetCandidates } from '../../app/customerSheet';
import type { GeneratedSheets } from '../../app/plan';
import type { WorkbookSettings, WorkbookView } from '../../app/workbook';
import type { DefinedNameSpec, OwnershipNotice } from '../../spec/write';
import type { Draft, FieldPath } from '../model/draft';
import { draftFromSettings, resolveDraft, sameSettings, withDefaultThresholds, withMixEdited, withMixFromHistory, withText } from '../model/draft';
import { withFallbackTier, withTierAdded, withTierName, withTierRemoved } from '../model/tiers';
import type { PaneError } from '../model/paneErrors';
import type { TierClassCounts } from '../model/preview';
import type { PaneWorkbook } from './workbooks';

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
  /** Sheets and names of the planner's that looked like ours: kept, ours written beside them. */
  notices: OwnershipNotice[];
}

/**
 * File mode, a digitally signed workbook (its signature parts): a run changes what the
 * signature covers, so the pane asks first (`asking`) and, once the planner agreed
 * (`accepted`), not again for this workbook.
 */
export interface SignatureState {
  parts: string[];
  asking: boolean;
  accepted: boolean;
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
  /** The settings of the last valid draft: the preview keeps them while a field is invalid. */
  lastValid: Settings;
  sheet?: SheetState;
  /** The header row the planner set; undefined: found automatically. */
  headerRow?: number;
  busy: Busy;
  progress?: RunProgress;
  error?: PaneError;
  notice?: Notice;
  run?: RunOutcome;
  /** File mode: the workbook is digitally signed (undefined: not signed, or Excel). */
  signature?: SignatureState;
  /** File mode: the workbook in memory differs from the file opened (or last downloaded). */
  changed: boolean;
  /** File mode: planned or its settings saved since it was opened, so there is something to download. */
  written: boolean;
}

export type PlannerAction =
  // Opening a workbook (a file's bytes first, then the workbook read).
  | { type: 'opening'; file: string }
  | { type: 'loading' }
  | { type: 'loaded'; workbook: PaneWorkbook; view: WorkbookView; saved: WorkbookSettings; sheet?: SheetState; notice?: Notice; signatureParts?: string[] }
  // Step 1: the customer sheet, header row, columns.
  | { type: 'reading'; sheet: string }
  | { type: 'sheetRead'; view: WorkbookView; sheet: SheetState }
  | { type: 'setHeaderRow'; row: number | undefined }
  | { type: 'setColumn'; field: Field; header: string }
  // Steps 2–4: the draft.
  | { type: 'setText'; path: FieldPath; text: string }
  | { type: 'resetThresholds' }
  | { type: 'setTargetMode'; mode: Draft['targetMode'] }
  | { type: 'setBasis'; basis: AllocationBasis }
  | { type: 'setUnit'; unit: Settings['targets']['unit'] }
  | { type: 'editMix'; shares: readonly number[] }
  | { type: 'mixFromHistory' }
  | { type: 'setCityTier'; city: string; tier: TierId }
  | { type: 'removeCity'; city: string }
  // The tiers themselves (step 3).
  | { type: 'addTier' }
  | { type: 'removeTier'; tier: TierId }
  | { type: 'renameTier'; tier: TierId; lang: 'zh' | 'en'; name: string }
  | { type: 'setFallbackTier'; tier: TierId }
  // Save, run, download.
  | { type: 'saving' }
  | { type: 'saved'; view: WorkbookView; sheet: string; settings: Settings; notice: Notice }
  // A signed file: Run asks first; cancel leaves everything as it was.
  | { type: 'askSignature' }
  | { type: 'signatureAccepted' }
  | { type: 'signatureDeclined' }
  | { type: 'running'; sheet: string }
  | { type: 'runProgress'; progress: RunProgress }
  | { type: 'ran'; view: WorkbookView; sheet: SheetState; saved: WorkbookSettings; outcome: RunOutcome }
  | { type: 'downloaded' }
  // Excel: a coauthor changed the settings sheet.
  | { type: 'settingsReloaded'; found: WorkbookSettings; notice: Notice }
  // Messages.
  | { type: 'failed'; error: PaneError }
  | { type: 'dismissError' }
  | { type: 'dismissNotice' };

export function initialState(): PlannerState {
  const settings = defaultSettings();
  return { candidates: [], saved: { kind: 'defaults', settings }, draft: draftFromSettings(settings), lastValid: settings, busy: null, changed: false, written: false };
}

/**
 * The draft's settings when every field is valid, else null. The language only changes the
 * messages; the mix, once typed, has one text per product shown when it was typed.
 */
export function validSettings(draft: Draft): Settings | null {
  let mixTexts = 0;
  if (draft.mixEdited) while (`products.mix.${mixTexts}` in draft.texts) mixTexts++;
  return resolveDraft(draft, 'en', mixTexts).settings;
}

/** True while the draft says other settings than the workbook's (or is not valid yet). */
export function draftUnsaved(state: PlannerState): boolean {
  const settings = validSettings(state.draft);
  return settings ? !sameSettings(settings, state.saved.settings) : true;
}

/** The state with a new draft; the preview's settings follow it while it is valid. */
function withDraft(state: PlannerState, draft: Draft): PlannerState {
  if (draft === state.draft) return state;
  return { ...state, draft, lastValid: validSettings(draft) ?? state.lastValid };
}

const cityKey = (city: string) => normaliseCity(city) || city.trim();

/** Gives a city a tier: changes its entry (in place), or adds it at the end of the list. */
function withCityTier(draft: Draft, city: string, tier: TierId): Draft {
  if (!draft.base.tiers.some((t) => t.id === tier)) return draft;
  const key = cityKey(city);
  const cities = draft.base.cities.filter((c) => (normaliseCity(c.city) || c.city) !== key);
  const at = draft.base.cities.findIndex((c) => (normaliseCity(c.city) || c.city) === key);
  const entry = { city: key, tier };
  if (at >= 0) cities.splice(at, 0, entry);
  else cities.push(entry);
  return { ...draft, base: { ...draft.base, cities } };
}

export function plannerReducer(state: PlannerState, action: PlannerAction): PlannerState {
  switch (action.type) {
    case 'opening':
      return { ...state, busy: { kind: 'opening', file: action.file }, error: undefined };
    case 'loading':
      return { ...state, busy: { kind: 'workbook' }, error: undefined, notice: undefined, run: undefined, progress: undefined, signature: undefined };
    case 'loaded':
      // Another workbook: its settings, its sheet; the last run's outcome went with 'loading'.
      return {
        ...state,
        workbook: action.workbook,
        view: action.view,
        candidates: customerSheetCandidates(action.view),
        saved: action.saved,
        draft: draftFromSettings(action.saved.settings),
        lastValid: action.saved.settings,
        sheet: action.sheet,
        headerRow: undefined,
        busy: null,
        changed: false,
        written: false,
        notice: action.notice,
        signature: action.signatureParts?.length ? { parts: action.signatureParts, asking: false, accepted: false } : undefined,
      };

    case 'reading':
      return { ...state, busy: { kind: 'reading', sheet: action.sheet }, error: undefined };
    case 'sheetRead':
      return { ...state, view: action.view, candidates: customerSheetCandidates(action.view), sheet: action.sheet, headerRow: undefined, busy: null };
    case 'setHeaderRow':
      return { ...state, headerRow: action.row };
    case 'setColumn': {
      const d = state.draft;
      return withDraft(state, { ...d, base: { ...d.base, columns: { ...d.base.columns, [action.field]: action.header } } });
    }

    case 'setText':
      return withDraft(state, withText(state.draft, action.path, action.text));
    case 'resetThresholds':
      return withDraft(state, withDefaultThresholds(state.draft));
    case 'setTargetMode':
      return withDraft(state, { ...state.draft, targetMode: action.mode });
    case 'setBasis': {
      const d = state.draft;
      return withDraft(state, { ...d, base: { ...d.base, targets: { ...d.base.targets, basis: action.basis } } });
    }
    case 'setUnit': {
      const d = state.draft;
      return withDraft(state, { ...d, base: { ...d.base, targets: { ...d.base.targets, unit: action.unit } } });
    }
    case 'editMix':
      // Only the first keystroke in the mix starts it from the shares shown.
      return state.draft.mixEdited ? state : withDraft(state, withMixEdited(state.draft, action.shares));
    case 'mixFromHistory':
      return withDraft(state, withMixFromHistory(state.draft));
    case 'setCityTier':
      return withDraft(state, withCityTier(state.draft, action.city, action.tier));
    case 'removeCity': {
      const d = state.draft;
      return withDraft(state, { ...d, base: { ...d.base, cities: d.base.cities.filter((c) => c.city !== action.city) } });
    }
    case 'addTier':
      return withDraft(state, withTierAdded(state.draft));
    case 'removeTier':
      return withDraft(state, withTierRemoved(state.draft, action.tier));
    case 'renameTier':
      return withDraft(state, withTierName(state.draft, action.tier, action.lang, action.name));
    case 'setFallbackTier':
      return withDraft(state, withFallbackTier(state.draft, action.tier));

    case 'saving':
      return { ...state, busy: { kind: 'saving' }, error: undefined, notice: undefined };
    case 'saved':
      return {
        ...state,
        view: action.view,
        saved: { kind: 'workbook', sheet: action.sheet, settings: action.settings },
        busy: null,
        // A file's workbook now differs from the file on disk until it is downloaded.
        changed: state.workbook?.mode === 'file' ? true : state.changed,
        written: state.workbook?.mode === 'file',
        notice: action.notice,
      };
    case 'askSignature':
      return state.signature && !state.signature.asking ? { ...state, signature: { ...state.signature, asking: true } } : state;
    case 'signatureAccepted':
      return state.signature ? { ...state, signature: { ...state.signature, asking: false, accepted: true } } : state;
    case 'signatureDeclined':
      // Nothing else changes: the last run's outcome, the draft and the file stay as they were.
      return state.signature?.asking ? { ...state, signature: { ...state.signature, asking: false } } : state;
    case 'running':
      return { ...state, busy: { kind: 'running' }, error: undefined, notice: undefined, run: undefined, progress: { step: 'read', value: 0, sheet: action.sheet } };
    case 'runProgress':
      return { ...state, progress: action.progress };
    case 'ran':
      return {
        ...state,
        view: action.view,
        candidates: customerSheetCandidates(action.view),
        saved: action.saved,
        sheet: action.sheet,
        busy: null,
        progress: undefined,
        run: action.outcome,
        changed: state.workbook?.mode === 'file' ? true : state.changed,
        written: state.workbook?.mode === 'file',
      };
    case 'downloaded':
      return { ...state, changed: false };

    case 'settingsReloaded': {
      // Edits in progress stay; with none, the pane shows the coauthor's settings.
      if (draftUnsaved(state)) return { ...state, saved: action.found, notice: action.notice };
      return { ...state, saved: action.found, draft: draftFromSettings(action.found.settings), lastValid: action.found.settings, notice: action.notice };
    }

    case 'failed':
      return { ...state, error: action.error, busy: null, progress: undefined };
    case 'dismissError':
      return { ...state, error: undefined };
    case 'dismissNotice':
      return { ...state, notice: undefined };
  }
}
