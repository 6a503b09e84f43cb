/**
 * Planning a customer sheet and rendering the plan into the one write that puts it into the
 * workbook, with the names of the sheets that write makes.
 *
 * Pure: the plan's settings (with any targets given on the side) are the result's own
 * (PlanResult.settings), so nothing here merges them again.
 */
import type { PlanResult, PlanTargets } from '../engine/plan';
import { planPrepared } from '../engine/plan';
import type { Settings } from '../engine/settings';
import type { SheetData } from '../engine/types';
import type { SheetRead } from '../hosts/host';
import type { SheetKind } from '../i18n/render';
import { parseRef, renderPlan } from '../render';
import { familyOf } from '../render/ownership';
import type { DefinedNameSpec, WorkbookWrite } from '../spec/write';
import { prepareCustomerSheet } from './customerSheet';
import { namesOf, type WorkbookView } from './workbook';

export interface SheetPlan {
  result: PlanResult;
  /** The sheet as planned (earlier tag columns blanked). */
  sheet: SheetData;
}

/** Prepares a read customer sheet and plans it (`targets`: a company target or growth given on the side). */
export function planCustomerSheet(read: SheetRead, names: readonly DefinedNameSpec[], settings: Settings, options: { headerRow?: number; targets?: PlanTargets } = {}): SheetPlan {
  const prepared = prepareCustomerSheet(read, names, settings, options.headerRow);
  return { result: planPrepared(prepared, settings, options.targets), sheet: prepared.sheet };
}

/** The names of the generated sheets (and the tag columns' reference) a write creates, from its marker names. */
export type GeneratedSheets = Partial<Record<SheetKind, string>> & { tagColumns: string | null };

export function generatedSheets(write: WorkbookWrite): GeneratedSheets {
  const out: GeneratedSheets = { tagColumns: null };
  for (const n of write.addNames) {
    const role = familyOf(n.name);
    const ref = parseRef(n.ref);
    if (role?.kind === 'sheet' && ref) out[role.sheet] = ref.sheet;
    if (role?.kind === 'tags') out.tagColumns = n.ref;
  }
  return out;
}

export interface PlannedWrite {
  result: PlanResult;
  write: WorkbookWrite;
  sheets: GeneratedSheets;
}

/**
 * The write a plan makes in the workbook as viewed. `read` is the customer sheet as the host
 * read it (earlier tag columns included): the renderer finds and replaces them.
 */
export function renderWrite(result: PlanResult, read: SheetRead, view: WorkbookView): PlannedWrite {
  const write = renderPlan(result, result.settings, { ...namesOf(view), customerSheet: read });
  return { result, write, sheets: generatedSheets(write) };
}
