/**
 * The issues sheet: every row issue with where it is, what is wrong and what to do, only when
 * there are issues. The words quote the user's cells ("“=1+1”不是有效金额"): text cells, always.
 */
import type { Issue } from '../engine/types';
import type { Lang } from '../i18n';
import { describeIssue } from '../i18n/engine';
import { ISSUE_HEADERS, ISSUES_CUT, SHEET_NOTES, SHEET_TITLES } from '../i18n/render';
import { num, text, textOrBlank } from './cells';
import { describeOwnershipNotice } from '../i18n/ownership';
import type { OwnershipNotice, SheetSpec } from '../spec/write';
import { clip, tableSheet } from './tableSheet';

/**
 * At most this many issues are listed. A sheet holds 1,048,576 rows, and a million-row customer
 * sheet can have several issues a row; no planner reads that many, and so many issues come from
 * one cause (a column mapped wrongly, a blank column, a unit) that the first ones show it. 100,000
 * rows keep the sheet (and the workbook) small enough to open quickly; a line above and below the
 * table says how many more there are. Every issue still reaches the task pane and `--json`.
 */
export const MAX_ISSUE_ROWS = 100_000;

/** `notices`: names of the person's that were in the way of ours (ownership.ts), listed after the row issues. */
export function issuesSheet(issues: readonly Issue[], lang: Lang, name: string, notices: readonly OwnershipNotice[] = []): SheetSpec | undefined {
  if (issues.length === 0 && notices.length === 0) return undefined;
  const H = ISSUE_HEADERS[lang];
  // Errors first, then by row: what stops a customer being planned comes before the reminders.
  // (A stable sort of a copy; the engine's issues come in row order, so this is close to linear.)
  const sorted = issues.slice().sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || (a.row ?? 0) - (b.row ?? 0));
  const shown = sorted.length > MAX_ISSUE_ROWS ? sorted.slice(0, MAX_ISSUE_ROWS) : sorted;
  const count = (n: number) => n.toLocaleString('en-US');
  const cut = shown.length < sorted.length ? ISSUES_CUT[lang](count(shown.length), count(sorted.length), count(sorted.length - shown.length)) : undefined;
  const body = shown.map((issue) => {
    const words = describeIssue(issue, lang);
    return [
      text(issue.sheet),
      issue.row === undefined ? null : num(issue.row),
      textOrBlank(issue.column ?? ''),
      text(issue.severity === 'error' ? H.error : H.warning),
      text(clip(words.what)),
      text(clip(words.todo)),
    ];
  });
  for (const n of notices) {
    const words = describeOwnershipNotice(n, lang);
    body.push([textOrBlank(n.sheet ?? ''), null, textOrBlank(''), text(H.warning), text(clip(words.what)), text(clip(words.todo))]);
  }
  return tableSheet({
    name,
    title: SHEET_TITLES[lang].issues,
    notes: cut ? [SHEET_NOTES[lang].issues, cut] : [SHEET_NOTES[lang].issues],
    headers: [H.sheet, H.row, H.column, H.severity, H.what, H.todo],
    body,
    ...(cut ? { after: [[text(cut, 'note')]] } : {}),
    freezeColumns: 0,
  });
}
