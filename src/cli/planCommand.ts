/**
 * `abc-planner plan`: read the customer sheet once, plan it with the engine, render the plan,
 * apply it to the workbook in memory (all or nothing) and write the file atomically.
 */
import * as path from 'node:path';
import type { PlanResult, PlanTargets } from '../engine/plan';
import { plan } from '../engine/plan';
import type { Settings } from '../engine/settings';
import { writeFileAtomic } from '../hosts/xlsx/node';
import type { Lang } from '../i18n';
import { cliText } from '../i18n/cli';
import { formatIssue } from '../i18n/engine';
import type { SheetKind } from '../i18n/render';
import { BASIS_LABELS } from '../i18n/render';
import { SHEET_MARKERS, TAG_MARKER, parseRef, renderPlan, withoutTagColumns } from '../render';
import type { WorkbookWrite } from '../render';
import type { PlanCommand } from './args';
import { buildDocument, type PlanDocument } from './document';
import { CliError, fsCode, isXlsxError, xlsxMessage } from './errors';
import type { CliIo } from './io';
import { Progress } from './progress';
import { type LoadedSettings, fileSettings, findCustomerSheet, hostCall, openWorkbook, workbookSettings } from './workbook';

/** The default output: `<input>-planned.xlsx` (or .xlsm) beside the input. */
export function defaultOutput(input: string, macroEnabled: boolean): string {
  const ext = path.extname(input);
  const base = ext ? input.slice(0, -ext.length) : input;
  return `${base}-planned${macroEnabled ? '.xlsm' : ext.toLowerCase() === '.xlsm' ? '.xlsm' : '.xlsx'}`;
}

const wan = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** How many row issues the summary lists before pointing at the issues sheet. */
const SHOWN_ISSUES = 10;

function summary(result: PlanResult, loaded: LoadedSettings, doc: PlanDocument, lang: Lang): string[] {
  const lines: string[] = [];
  lines.push(cliText(lang, 'summary-sheet', { sheet: result.sheet, row: result.headerRow!, customers: result.customers.length }));
  const src = loaded.source;
  lines.push(
    src.kind === 'workbook'
      ? cliText(lang, 'summary-settings-workbook', { sheet: src.sheet })
      : src.kind === 'file'
        ? cliText(lang, 'summary-settings-file', { file: src.file })
        : cliText(lang, 'summary-settings-defaults'),
  );
  const c = doc.counts;
  lines.push(cliText(lang, 'summary-classes', { a: c.byClass.A, b: c.byClass.B, c: c.byClass.C, none: c.unclassified }));
  const t = result.target;
  if (c.classified === 0) {
    lines.push(cliText(lang, 'summary-no-classified'));
  } else {
    const params = { target: wan(t.company), basis: BASIS_LABELS[lang][t.basis], unit: t.unit, current: wan(t.currentSales), growth: t.growthPct ?? 0 };
    lines.push(cliText(lang, t.source === 'growth' ? 'summary-target-growth' : 'summary-target', params) + (t.rounded ? cliText(lang, 'summary-target-rounded') : ''));
  }
  if (result.issues.length === 0) {
    lines.push(cliText(lang, 'summary-no-issues'));
  } else {
    const shown = Math.min(SHOWN_ISSUES, result.issues.length);
    const sheet = doc.sheets.issues ?? '';
    lines.push(cliText(lang, shown < result.issues.length ? 'summary-issues' : 'summary-issues-all', { count: result.issues.length, errors: c.errors, warnings: c.warnings, sheet, shown }));
    for (let i = 0; i < shown; i++) lines.push(`  - ${formatIssue(result.issues[i], lang)}`);
    if (result.issues.length > shown) lines.push(cliText(lang, 'summary-more-issues', { rest: result.issues.length - shown, sheet }));
  }
  return lines;
}

/** The names of the sheets (and the tag columns) a write creates, from its marker names. */
function generatedSheets(write: WorkbookWrite): PlanDocument['sheets'] {
  const out: PlanDocument['sheets'] = { tagColumns: null };
  const byMarker = new Map(Object.entries(SHEET_MARKERS).map(([kind, marker]) => [marker.toLowerCase(), kind as SheetKind]));
  for (const n of write.addNames) {
    const kind = byMarker.get(n.name.toLowerCase());
    const ref = parseRef(n.ref);
    if (kind && ref) out[kind] = ref.sheet;
    if (n.name.toLowerCase() === TAG_MARKER.toLowerCase()) out.tagColumns = n.ref;
  }
  return out;
}

/** Why a sheet cannot be planned, with where and what to do. */
function cannotPlan(result: PlanResult, sheet: { values: unknown[][]; firstRow: number }, shown: string, lang: Lang): CliError {
  const lines = [cliText(lang, 'cannot-plan', { file: shown })];
  for (const issue of result.issues) if (issue.severity === 'error') lines.push(`  - ${formatIssue(issue, lang)}`);
  if (result.headerRow !== null) {
    const header = (sheet.values[result.headerRow - sheet.firstRow] ?? []).map((v) => String(v ?? '').trim()).filter((v) => v !== '');
    const q = (h: string) => (lang === 'zh' ? `“${h}”` : `"${h}"`);
    lines.push(`  ${cliText(lang, 'headers-found', { row: result.headerRow, headers: header.map(q).join(lang === 'zh' ? '、' : ', ') || '—' })}`);
    lines.push(`  ${cliText(lang, 'header-row-hint')}`);
  }
  return new CliError(lines);
}

export interface PlanOutcome {
  document: PlanDocument;
  /** Summary lines for stderr. */
  lines: string[];
}

export async function runPlan(cmd: PlanCommand, lang: Lang, io: CliIo, version: string): Promise<PlanOutcome> {
  const opened = await openWorkbook(cmd.input, io.cwd, lang);
  const { workbook, shown } = opened;
  const bar = io.stderr.isTTY && opened.size >= (io.progressMinBytes ?? 1 << 20) ? io.stderr : undefined;
  const progress = new Progress(bar, [
    { label: cliText(lang, 'step-read'), weight: 35 },
    { label: cliText(lang, 'step-plan'), weight: 15 },
    { label: cliText(lang, 'step-render'), weight: 15 },
    { label: cliText(lang, 'step-write'), weight: 30 },
    { label: cliText(lang, 'step-save'), weight: 5 },
  ]);
  try {
    const loaded = cmd.settingsFile !== undefined ? await fileSettings(cmd.settingsFile, io.cwd, lang) : workbookSettings(opened, lang);
    const onRead = progress.step(0);
    const found = findCustomerSheet(opened, loaded.settings, { ...(cmd.sheet !== undefined ? { sheet: cmd.sheet } : {}), ...(cmd.headerRow !== undefined ? { headerRow: cmd.headerRow } : {}) }, lang, onRead);
    const read = found.read;
    if (found.look.kind === 'empty') throw new CliError([cliText(lang, 'empty-sheet', { file: shown, sheet: read.name })]);

    progress.step(1);
    const names = hostCall(shown, lang, () => workbook.listNamesSync());
    const sheetNames = hostCall(shown, lang, () => workbook.listSheetsSync()).map((s) => s.name);
    const headerRow = cmd.headerRow ?? ('headerRow' in found.look ? found.look.headerRow : undefined);
    const sheet = withoutTagColumns(read, names, headerRow ?? null);
    const targets: PlanTargets = cmd.target !== undefined ? { companyTarget: cmd.target } : cmd.growth !== undefined ? { companyTarget: null, growthPct: cmd.growth } : {};
    const result = plan(sheet, loaded.settings, targets, cmd.headerRow !== undefined ? { headerRow: cmd.headerRow } : {});
    if (!result.ok) throw cannotPlan(result, sheet, shown, lang);
    // The settings the plan used, the target given here included: the settings sheet keeps them.
    const used: Settings = { ...loaded.settings, targets: { ...loaded.settings.targets, ...targets } };

    progress.step(2);
    const write = renderPlan(result, used, { sheetNames, names, customerSheet: read });

    const output = cmd.inPlace ? opened.path : path.resolve(io.cwd, cmd.out ?? defaultOutput(cmd.input, workbook.macroEnabled));
    const shownOutput = cmd.inPlace ? shown : (cmd.out ?? defaultOutput(cmd.input, workbook.macroEnabled));
    if (workbook.macroEnabled && path.extname(output).toLowerCase() === '.xlsx') {
      throw new CliError([cliText(lang, 'xlsm-extension', { file: shownOutput })]);
    }
    const onWrite = progress.step(3);
    hostCall(shown, lang, () => workbook.applySync(write, onWrite));

    progress.step(4);
    try {
      await writeFileAtomic(output, workbook.toBytes(), { inputPath: opened.path, overwriteInput: cmd.inPlace, overwrite: cmd.overwrite });
    } catch (e) {
      if (isXlsxError(e) && e.code === 'file-exists') throw new CliError([cliText(lang, 'output-exists', { file: shownOutput })]);
      if (isXlsxError(e) && e.code === 'overwrite-input') throw new CliError([cliText(lang, 'output-is-input', { file: shownOutput })]);
      if (isXlsxError(e)) throw new CliError([xlsxMessage(e, lang, shownOutput)]);
      throw new CliError([cliText(lang, 'write-failed', { file: shownOutput, detail: fsCode(e) ?? (e instanceof Error ? e.message : String(e)) })]);
    }
    progress.done();

    const document = buildDocument({
      version,
      lang,
      input: opened.path,
      output,
      inPlace: cmd.inPlace,
      result,
      sheet,
      settings: used,
      settingsSource: loaded.source,
      sheets: generatedSheets(write),
    });
    const lines = summary(result, loaded, document, lang);
    lines.push(cliText(lang, cmd.inPlace ? 'summary-written-in-place' : 'summary-written', { file: shownOutput }));
    return { document, lines };
  } finally {
    progress.done();
  }
}
