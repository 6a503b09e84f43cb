/**
 * Which sheets and defined names in a workbook are ABC Planner's: only those may be replaced.
 *
 * A name that looks like ours (ABC_Sheet_Summary, ABC_Cities, ABC_TagColumns, or one of them
 * with a suffix "_2", "_3", … that we chose to avoid a person's name) is ours only if it
 * proves so:
 * - a sheet marker (ABC_Sheet_<Kind>) points at a cell that holds our title for that kind, in
 *   either language, and either the name carries our comment or the cell below holds our note
 *   for that kind (workbooks planned before markers had comments: they carry the same title
 *   and note). A person's sheet cannot match this by accident;
 * - a formula name (ABC_Cities, …) carries our comment, or has no comment and refers into a
 *   settings sheet proven ours;
 * - the tag columns' marker (ABC_TagColumns) has our comment or none, our tag header atop the
 *   first column it covers and, without our comment, at least four of our seven headers in our
 *   order (of its columns, tagColumns.ts takes only those with our headers);
 *   one on a sheet other than the one planned (its cells are not read) is ours by our comment.
 * A comment that is not ours disproves a name. Names that look like ours but do not prove so
 * are left alone, and ours are written under free names of the same family beside them; each
 * such name becomes a notice (what, where, what to do) for the person.
 *
 * Pure: the cells to check come in as values read by the host (proofAreas → readAreas).
 */
import type { CellValue, SheetData } from '../engine/types';
import type { Lang } from '../i18n';
import type { SheetKind } from '../i18n/render';
import { SETTINGS_HEADINGS, SETTINGS_NOTES, SHEET_NOTES, SHEET_TITLES, TAG_COLUMNS, TAG_HEADERS } from '../i18n/render';
import { FORMULA_NAMES, SHEET_MARKERS, TAG_MARKER, parseRef, type ParsedRef } from './names';
import type { DefinedNameSpec } from '../spec/write';

export type FormulaKey = keyof typeof FORMULA_NAMES;

/** What a name of ours is for. */
export type NameRole = { kind: 'sheet'; sheet: SheetKind } | { kind: 'formula'; key: FormulaKey } | { kind: 'tags' };

const roleId = (role: NameRole): string => (role.kind === 'sheet' ? `sheet:${role.sheet}` : role.kind === 'formula' ? `name:${role.key}` : 'tags');

/** Every base name we write, by lower case, with its role. */
const FAMILIES: { base: string; lower: string; role: NameRole }[] = [
  ...(Object.entries(SHEET_MARKERS) as [SheetKind, string][]).map(([sheet, base]) => ({ base, lower: base.toLowerCase(), role: { kind: 'sheet', sheet } as NameRole })),
  ...(Object.entries(FORMULA_NAMES) as [FormulaKey, string][]).map(([key, base]) => ({ base, lower: base.toLowerCase(), role: { kind: 'formula', key } as NameRole })),
  { base: TAG_MARKER, lower: TAG_MARKER.toLowerCase(), role: { kind: 'tags' } },
];

/** The role of a name of our family (ABC_Cities, abc_cities_2), or undefined for any other name. */
export function familyOf(name: string): NameRole | undefined {
  const lower = name.toLowerCase();
  for (const f of FAMILIES) {
    if (!lower.startsWith(f.lower)) continue;
    const rest = lower.slice(f.lower.length);
    if (rest === '' || /^_[1-9][0-9]{0,3}$/.test(rest)) return f.role;
  }
  return undefined;
}

/** Our family's names in the order we try them: ABC_Cities, ABC_Cities_2, ABC_Cities_3, … */
function* familyNames(base: string): Generator<string> {
  yield base;
  for (let n = 2; n < 10_000; n++) yield `${base}_${n}`;
}

const COMMENT_TOKEN = 'ABC Planner';

/** The comment every name we write carries: our token and the name's role, then words for people. */
export function ourComment(role: NameRole): string {
  return `${COMMENT_TOKEN} ${roleId(role)} · 由 ABC Planner 写入，重新计划时替换 / written by ABC Planner, replaced on re-plan`;
}

/** True when `comment` is the one we write for `role`. */
export function isOurComment(comment: string | undefined, role: NameRole): boolean {
  return comment !== undefined && comment.startsWith(`${COMMENT_TOKEN} ${roleId(role)} `);
}

const noComment = (n: DefinedNameSpec): boolean => n.comment === undefined || n.comment.trim() === '';

const LANGS: readonly Lang[] = ['zh', 'en'];
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Our title (the cell a sheet marker points at) for each kind, as a test of a cell's text. */
const TITLE_TESTS: Record<SheetKind, ((text: string) => boolean)[]> = (() => {
  const out = {} as Record<SheetKind, ((text: string) => boolean)[]>;
  for (const kind of Object.keys(SHEET_MARKERS) as SheetKind[]) {
    out[kind] = LANGS.map((lang) => {
      const title = kind === 'settings' ? SETTINGS_HEADINGS[lang].title : SHEET_TITLES[lang][kind];
      // The salespeople title says the load standard: any numbers there.
      const re = new RegExp(`^${escapeRe(title).replace(/\\\{\w+\\\}/g, '[0-9.]+').replace(/\{\w+\}/g, '[0-9.]+')}$`);
      return (text: string) => re.test(text);
    });
  }
  return out;
})();

/** Our note (the cell below the title) for each kind, in both languages. */
function notesOf(kind: SheetKind): string[] {
  return LANGS.map((lang) =>
    kind === 'settings' ? SETTINGS_NOTES[lang].intro : kind === 'issues' ? SHEET_NOTES[lang].issues : `${SHEET_NOTES[lang].amounts} ${SHEET_NOTES[lang].totals}`,
  );
}

const OUR_TAG_HEADERS = new Set(LANGS.flatMap((lang) => Object.values(TAG_HEADERS[lang])));

/** True when `text` is one of our tag columns' headers (either language). */
export function isOurTagHeader(v: CellValue | undefined): boolean {
  return typeof v === 'string' && OUR_TAG_HEADERS.has(v.trim());
}

/** An area of a sheet whose values prove (or disprove) a marker. 1-based, inclusive. */
export interface ProofArea {
  sheet: string;
  firstRow: number;
  firstColumn: number;
  lastRow: number;
  lastColumn: number;
}

/** What the ownership check knows of a workbook. */
export interface WorkbookNames {
  /** Every sheet's name, in order. */
  sheetNames: readonly string[];
  /** The workbook-scoped defined names, with their comments. */
  names: readonly DefinedNameSpec[];
  /** The values of proofAreas(), as the host read them (any larger read of those sheets will do). */
  proof: readonly SheetData[];
}

function sheetOf(sheetNames: readonly string[], ref: ParsedRef | undefined): string | undefined {
  if (!ref) return undefined;
  const lower = ref.sheet.toLowerCase();
  return sheetNames.find((s) => s.toLowerCase() === lower);
}

/**
 * The cells the host must read so that ownership can be proved: under each sheet marker its
 * cell and the one below (two cells at the top of a generated sheet). Tag markers need none:
 * the one on the customer sheet is proved from that sheet's own read, and one on another
 * sheet is only a name, ours when it carries our comment.
 */
export function proofAreas(sheetNames: readonly string[], names: readonly DefinedNameSpec[]): ProofArea[] {
  const out: ProofArea[] = [];
  for (const n of names) {
    if (familyOf(n.name)?.kind !== 'sheet') continue;
    const ref = parseRef(n.ref);
    const sheet = sheetOf(sheetNames, ref);
    if (ref && sheet) out.push({ sheet, firstRow: ref.firstRow, firstColumn: ref.firstColumn, lastRow: ref.firstRow + 1, lastColumn: ref.firstColumn });
  }
  return out;
}

/** A value at a sheet cell from the reads given, or undefined when none covers it. */
export function cellFinder(reads: readonly SheetData[]): (sheet: string, row: number, column: number) => CellValue | undefined {
  const bySheet = new Map<string, SheetData[]>();
  for (const r of reads) {
    const key = r.name.toLowerCase();
    const list = bySheet.get(key) ?? [];
    list.push(r);
    bySheet.set(key, list);
  }
  return (sheet, row, column) => {
    for (const r of bySheet.get(sheet.toLowerCase()) ?? []) {
      const line = r.values[row - r.firstRow];
      if (!line) continue;
      const i = column - r.firstColumn;
      if (i >= 0 && i < line.length) return line[i] ?? null;
      if (i >= 0 && row >= r.firstRow) return null; // inside the read's rows, past its last value
    }
    return undefined;
  };
}

const textAt = (v: CellValue | undefined): string => (typeof v === 'string' ? v.trim() : '');

/** A name that looks like ours but is not: left as it is, and said so. */
export interface ForeignName {
  name: string;
  ref: string;
  role: NameRole;
  /** The sheet it points at, if it points at one that exists. */
  sheet?: string;
}

export interface Ownership {
  /** Sheets proven ours, by kind (in the order their markers were found; the family's base name first). */
  sheets: { kind: SheetKind; sheet: string; marker: string }[];
  /** Names proven ours: removed and written anew by a plan. */
  ours: DefinedNameSpec[];
  /** Names of our families that did not prove ours. */
  foreign: ForeignName[];
}

/** Each of our tag headers (either language) → its place in TAG_COLUMNS. */
const TAG_ORDER = new Map<string, number>(LANGS.flatMap((lang) => TAG_COLUMNS.map((t, i) => [TAG_HEADERS[lang][t], i] as [string, number])));

/** Without our comment, at least this many of our headers, in our order, prove the block ours. */
const LEGACY_TAG_HEADERS = 4;

/**
 * True when the tag marker `n` is ours on a sheet whose cells `at` gives: our comment or none,
 * our header atop the block's first column (Excel widens the name when a column is inserted
 * inside the block, never at its left edge, so our first column stays first), and, without our
 * comment (a workbook planned before names had comments, or saved by LibreOffice), at least
 * four of our seven headers in our order: one header such as "Tier" a person may well have.
 */
export function isOurTagMarker(n: DefinedNameSpec, ref: ParsedRef, at: (row: number, column: number) => CellValue | undefined): boolean {
  const commented = isOurComment(n.comment, { kind: 'tags' });
  if (!commented && !noComment(n)) return false;
  if (!isOurTagHeader(at(ref.firstRow, ref.firstColumn))) return false;
  if (commented) return true;
  let inOrder = 0;
  let last = -1;
  for (let c = ref.firstColumn; c <= ref.lastColumn && c < ref.firstColumn + 64; c++) {
    const v = at(ref.firstRow, c);
    const i = typeof v === 'string' ? TAG_ORDER.get(v.trim()) : undefined;
    if (i !== undefined && i > last) {
      inOrder++;
      last = i;
    }
  }
  return inOrder >= LEGACY_TAG_HEADERS;
}

/** Which sheets and names are ours (see the module comment). */
export function proveOwnership(wb: WorkbookNames): Ownership {
  const at = cellFinder(wb.proof);
  const sheets: Ownership['sheets'] = [];
  const ours: DefinedNameSpec[] = [];
  const foreign: ForeignName[] = [];
  const pending: { n: DefinedNameSpec; role: NameRole; ref: ParsedRef | undefined; sheet: string | undefined }[] = [];
  // Base names first, so that ABC_Sheet_Settings wins over ABC_Sheet_Settings_2 as "the" settings sheet.
  const ordered = [...wb.names].sort((a, b) => a.name.length - b.name.length);
  for (const n of ordered) {
    const role = familyOf(n.name);
    if (!role) continue;
    const ref = parseRef(n.ref);
    const sheet = sheetOf(wb.sheetNames, ref);
    if (role.kind === 'sheet') {
      const ok =
        ref !== undefined &&
        sheet !== undefined &&
        (noComment(n) || isOurComment(n.comment, role)) &&
        TITLE_TESTS[role.sheet].some((t) => t(textAt(at(sheet, ref.firstRow, ref.firstColumn)))) &&
        (isOurComment(n.comment, role) || notesOf(role.sheet).includes(textAt(at(sheet, ref.firstRow + 1, ref.firstColumn))));
      if (ok) {
        ours.push(n);
        if (!sheets.some((s) => s.sheet.toLowerCase() === sheet!.toLowerCase())) sheets.push({ kind: role.sheet, sheet: sheet!, marker: n.name });
      } else foreign.push(sheet ? { name: n.name, ref: n.ref, role, sheet } : { name: n.name, ref: n.ref, role });
      continue;
    }
    pending.push({ n, role, ref, sheet });
  }
  const settingsSheets = new Set(sheets.filter((s) => s.kind === 'settings').map((s) => s.sheet.toLowerCase()));
  for (const { n, role, ref, sheet } of pending) {
    let ok: boolean;
    if (role.kind === 'formula') ok = isOurComment(n.comment, role) || (noComment(n) && sheet !== undefined && settingsSheets.has(sheet.toLowerCase()));
    else if (ref === undefined || sheet === undefined) ok = false;
    // Cells not read (a sheet other than the one planned): the name alone, by our comment.
    else if (at(sheet, ref.firstRow, ref.firstColumn) === undefined) ok = isOurComment(n.comment, role);
    else ok = isOurTagMarker(n, ref, (r, c) => at(sheet, r, c));
    if (ok) ours.push(n);
    else foreign.push(sheet ? { name: n.name, ref: n.ref, role, sheet } : { name: n.name, ref: n.ref, role });
  }
  return { sheets, ours, foreign };
}

/** The sheet of a kind proven ours, as it is called now. */
export function provenSheet(own: Ownership, kind: SheetKind): string | undefined {
  return own.sheets.find((s) => s.kind === kind)?.sheet;
}

/** The names a write gives to our markers and formula names. */
export interface OurNames {
  sheets: Record<SheetKind, string>;
  formulas: Record<FormulaKey, string>;
  tags: string;
}

/** The names we write when nothing in the workbook is in the way. */
export const DEFAULT_NAMES: OurNames = { sheets: { ...SHEET_MARKERS }, formulas: { ...FORMULA_NAMES }, tags: TAG_MARKER };

/**
 * Our names for a write: each family's first name that no name we keep holds (names compare
 * without case). `kept` are the workbook's names that the write does not remove.
 */
export function chooseNames(kept: Iterable<string>): OurNames {
  const taken = new Set<string>();
  for (const k of kept) taken.add(k.toLowerCase());
  const pick = (base: string): string => {
    for (const candidate of familyNames(base)) if (!taken.has(candidate.toLowerCase())) return candidate;
    throw new Error(`no free name for ${base}`);
  };
  const sheets = {} as Record<SheetKind, string>;
  for (const [kind, base] of Object.entries(SHEET_MARKERS) as [SheetKind, string][]) sheets[kind] = pick(base);
  const formulas = {} as Record<FormulaKey, string>;
  for (const [key, base] of Object.entries(FORMULA_NAMES) as [FormulaKey, string][]) formulas[key] = pick(base);
  return { sheets, formulas, tags: pick(TAG_MARKER) };
}

/** A defined name we write: with our comment, so a later plan can prove it ours. */
export function ourName(name: string, ref: string, role: NameRole, hidden = false): DefinedNameSpec {
  const spec: DefinedNameSpec = { name, ref, comment: ourComment(role) };
  if (hidden) spec.hidden = true;
  return spec;
}
