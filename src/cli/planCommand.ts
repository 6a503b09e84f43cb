/**
 * `abc-planner plan`: read the customer sheet once, plan it with the engine, render the plan,
 * apply it to the workbook in memory (all or nothing) and write the file atomically. The steps
 * are the use cases the task pane shares (src/app/); here are the arguments, the messages, the
 * progress bar and the file's safety.
 */
import * as path from 'node:path';
import { planCustomerSheet, renderWrite } from '../app/plan';
import { openWorkbook, viewWorkbook, type WorkbookView } from '../app/workbook';
import { writeAll } from '../app/write';
import type { PlanResult, PlanTargets } from '../engine/plan';
import type { Lang } from '../i18n';
import { cliText } from '../i18n/cli';
import { formatIssue } from '../i18n/engine';
import { formatOwnershipNotice } from '../i18n/ownership';
import { BASIS_LABELS } from '../i18n/render';
import type { WorkbookWrite } from '../spec/write';
import type { PlanCommand } from './args';
import { buildDocument, countsOf, type PlanDocument } from './document';
import { CliError } from './errors';
import { checkExtension, checkOutputEarly, checkSignature, saveWorkbook } from './files';
import type { CliIo } from './io';
import { Progress } from './progress';
import { customerSheet, fileSettings, hostCall, type InputWorkbook, type LoadedSettings, openInput, workbookSettings } from './workbook';

/** The default output: `<input>-planned.xlsx` beside the input (.xlsm for a workbook with macros: Excel wants the extension to match). */
export function defaultOutput(input: string, macroEnabled: boolean): string {
  const ext = path.extname(input);
  const base = ext ? input.slice(0, -ext.length) : input;
  return `${base}-planned${macroEnabled ? '.xlsm' : '.xlsx'}`;
}

const wan = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** How many row issues the summary lists before pointing at the issues sheet. */
const SHOWN_ISSUES = 10;

function summary(result: PlanResult, loaded: LoadedSettings, c: PlanDocument['counts'], sheets: PlanDocument['sheets'], lang: Lang): string[] {
  const lines: string[] = [];
  lines.push(cliText(lang, 'summary-sheet', { sheet: result.sheet, row: result.headerRow!, customers: result.customerColumns.count }));
  const src = loaded.source;
  lines.push(
    src.kind === 'workbook'
      ? cliText(lang, 'summary-settings-workbook', { sheet: src.sheet })
      : src.kind === 'file'
        ? cliText(lang, 'summary-settings-file', { file: src.file })
        : cliText(lang, 'summary-settings-defaults'),
  );
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
    const sheet = sheets.issues ?? '';
    lines.push(cliText(lang, shown < result.issues.length ? 'summary-issues' : 'summary-issues-all', { count: result.issues.length, errors: c.errors, warnings: c.warnings, sheet, shown }));
    for (let i = 0; i < shown; i++) lines.push(`  - ${formatIssue(result.issues[i], lang)}`);
    if (result.issues.length > shown) lines.push(cliText(lang, 'summary-more-issues', { rest: result.issues.length - shown, sheet }));
  }
  return lines;
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
  /** The JSON document (only with --json: on 100,000 customers it is worth not building). */
  document?: PlanDocument;
  /** Summary lines for stderr. */
  lines: string[];
}

/** Milliseconds (wall and CPU) of each step, for ABC_PLANNER_TIMINGS=1. */
class Timings {
  private readonly marks: string[] = [];
  private wall = performance.now();
  private cpu = process.cpuUsage();
  mark(name: string): void {
    const cpu = process.cpuUsage(this.cpu);
    const now = performance.now();
    this.marks.push(`${name} ${Math.round(now - this.wall)} ms (CPU ${Math.round((cpu.user + cpu.system) / 1000)} ms)`);
    this.wall = now;
    this.cpu = process.cpuUsage();
  }
  toString(): string {
    return `timings: ${this.marks.join(', ')}`;
  }
}

/**
 * Read, plan and render: returns the write and what the messages need, and nothing else, so
 * that the sheet's values and the plan are garbage before the write (the heaviest step) runs.
 */
async function prepare(
  cmd: PlanCommand,
  input: InputWorkbook,
  view: WorkbookView,
  loaded: LoadedSettings,
  lang: Lang,
  progress: Progress,
  timings: Timings,
  paths: { output: string },
  version: string,
): Promise<{ write: WorkbookWrite; lines: string[]; document?: PlanDocument }> {
  const { shown } = input;
  const onRead = progress.step(0);
  const options = { ...(cmd.sheet !== undefined ? { sheet: cmd.sheet } : {}), ...(cmd.headerRow !== undefined ? { headerRow: cmd.headerRow } : {}) };
  const { read, look } = await customerSheet(input, view, loaded.settings, options, lang, onRead);
  if (look.kind === 'empty') throw new CliError([cliText(lang, 'empty-sheet', { file: shown, sheet: read.name })]);
  timings.mark('read');

  progress.step(1);
  const targets: PlanTargets = cmd.target !== undefined ? { companyTarget: cmd.target } : cmd.growth !== undefined ? { companyTarget: null, growthPct: cmd.growth } : {};
  const { result, sheet } = planCustomerSheet(read, view.names, loaded.settings, { targets, ...(cmd.headerRow !== undefined ? { headerRow: cmd.headerRow } : {}) });
  if (!result.ok) throw cannotPlan(result, sheet, shown, lang);
  timings.mark('plan');

  progress.step(2);
  const { write, sheets } = renderWrite(result, read, view);
  timings.mark('render');

  const document = cmd.json
    ? buildDocument({ version, lang, input: input.path, output: paths.output, inPlace: cmd.inPlace, result, sheet, settingsSource: loaded.source, sheets })
    : undefined;
  const lines = summary(result, loaded, countsOf(result), sheets, lang);
  // A person's names that look like ours were kept, ours written beside them: say which.
  for (const n of write.notices ?? []) lines.push(`${lang === 'zh' ? '提醒：' : 'Warning: '}${formatOwnershipNotice(n, lang)}`);
  timings.mark('summary');
  return { write, lines, ...(document ? { document } : {}) };
}

export async function runPlan(cmd: PlanCommand, lang: Lang, io: CliIo, version: string): Promise<PlanOutcome> {
  const timings = new Timings();
  const opened = await openInput(cmd.input, io.cwd, lang, { hash: cmd.inPlace, ...(io.maxInputBytes !== undefined ? { maxBytes: io.maxInputBytes } : {}) });
  const { workbook, shown } = opened;
  const output = cmd.inPlace ? opened.path : path.resolve(io.cwd, cmd.out ?? defaultOutput(cmd.input, workbook.macroEnabled));
  const shownOutput = cmd.inPlace ? shown : (cmd.out ?? defaultOutput(cmd.input, workbook.macroEnabled));
  checkExtension(output, shownOutput, workbook.macroEnabled, lang);
  checkSignature(workbook, shown, cmd.breakSignature, lang);
  await checkOutputEarly({ output, shownOutput, inputPath: opened.path, inPlace: cmd.inPlace, overwrite: cmd.overwrite }, lang);
  const bar = io.stderr.isTTY && opened.size >= (io.progressMinBytes ?? 1 << 20) ? io.stderr : undefined;
  const progress = new Progress(bar, [
    { label: cliText(lang, 'step-read'), weight: 35 },
    { label: cliText(lang, 'step-plan'), weight: 15 },
    { label: cliText(lang, 'step-render'), weight: 15 },
    { label: cliText(lang, 'step-write'), weight: 30 },
    { label: cliText(lang, 'step-save'), weight: 5 },
  ]);
  try {
    // With a settings file the workbook's settings sheet is not read (nor can it stop the plan).
    let view: WorkbookView;
    let loaded: LoadedSettings;
    if (cmd.settingsFile !== undefined) {
      loaded = await fileSettings(cmd.settingsFile, io.cwd, lang);
      view = await hostCall(shown, lang, () => viewWorkbook(workbook));
    } else {
      const found = await hostCall(shown, lang, () => openWorkbook(workbook));
      loaded = workbookSettings(found.saved, shown, lang);
      view = found.view;
    }
    const prepared = await prepare(cmd, opened, view, loaded, lang, progress, timings, { output }, version);
    // Deflate level 1 for the parts we write: on 100,000 customers about 0.6 s less CPU than the
    // host's default (4) for a file about 13% larger (Excel compresses again when it saves).
    workbook.buildOptions = { ...workbook.buildOptions, level: 1 };
    const onWrite = progress.step(3);
    await hostCall(shown, lang, () => writeAll(workbook, prepared.write, onWrite));
    timings.mark('write');

    progress.step(4);
    const notes = await saveWorkbook(
      {
        output,
        shownOutput,
        bytes: workbook.toBytes(),
        input: { path: opened.path, stamp: opened.stamp },
        inPlace: cmd.inPlace,
        overwrite: cmd.overwrite,
        signatureBroken: workbook.signed,
        ...(io.hooks?.beforeCommit ? { beforeCommit: io.hooks.beforeCommit } : {}),
      },
      lang,
    );
    timings.mark('save');
    progress.done();
    const lines = prepared.lines;
    for (const note of notes) lines.push(note);
    if (io.env.ABC_PLANNER_TIMINGS) lines.push(timings.toString());
    lines.push(cliText(lang, cmd.inPlace ? 'summary-written-in-place' : 'summary-written', { file: shownOutput }));
    return { lines, ...(prepared.document ? { document: prepared.document } : {}) };
  } finally {
    progress.done();
  }
}
