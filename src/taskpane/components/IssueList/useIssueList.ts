import { useMemo, useState } from 'react';
import type { Issue } from '../../../engine/types';
import type { Lang } from '../../../i18n';
import { describeIssue } from '../../../i18n/engine';

export const ISSUES_SHOWN = 50;

/** The first issues in words (a sheet can have tens of thousands: only what is shown is described). */
export function useIssueList(issues: readonly Issue[], lang: Lang) {
  const [shown, setShown] = useState(ISSUES_SHOWN);
  const items = useMemo(
    () => issues.slice(0, shown).map((issue, i) => ({ key: i, issue, words: describeIssue(issue, lang), canSelect: issue.row !== undefined })),
    [issues, shown, lang],
  );
  return { items, rest: Math.max(0, issues.length - shown), showMore: () => setShown((n) => n + ISSUES_SHOWN * 4) };
}
