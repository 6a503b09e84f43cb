/**
 * Names for the sheets we add: the language's name ("ABC 设置"), unless a sheet the user owns
 * already has it (names compare without case, as in Excel), then "ABC 设置 (2)", "(3)", ….
 */

const MAX_SHEET_NAME = 31;

/**
 * The first free name for `wanted` among `taken` (the sheets we keep: user sheets, plus names
 * already given out in this write). Kept within Excel's 31 characters.
 */
export function freeSheetName(wanted: string, taken: Iterable<string>): string {
  const used = new Set<string>();
  for (const t of taken) used.add(t.toLowerCase());
  const base = wanted.slice(0, MAX_SHEET_NAME);
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}
