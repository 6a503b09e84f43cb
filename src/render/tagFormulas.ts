/**
 * The tag formulas, one function per column, as text without the leading "=". They compute
 * what engine/classify.ts computes, with functions every target spreadsheet has (IF, AND,
 * ISNUMBER, INDEX, MATCH, EXACT, VLOOKUP, CHOOSE, IFERROR, TRIM) and the settings sheet's
 * defined names, so a changed threshold or city tier re-tags without the add-in.
 *
 * Three helper columns feed them, because formulas cannot read what the engine reads:
 * - the canonical city: the engine normalises "Beijing", "北京市", "陕西省西安市" to one name;
 *   a formula cannot, so the helper holds the engine's name while the cell still says what the
 *   engine read, and the cell itself (trimmed) once a person types something else;
 * - the potential and our sales in 万元: the engine reads "350万", "¥1,200,000", "１８０" and
 *   columns headed 元 or 亿元; a formula reads plain numbers only. A number cell is read live
 *   (times the column's unit); a text cell the engine could read carries the engine's value
 *   while the cell still holds that text, and a blank otherwise (plan again to re-read it).
 * Both read amounts alike: a truth value is no amount, nor is a number past the engine's bound
 * (MAX_AMOUNT_WAN), nor text the engine could not read (hex "0x1F", "Infinity", dates as text).
 * Comparisons (>=) in spreadsheets treat values equal to ~15 digits as equal, as the engine's
 * atLeast() does.
 */
import { MAX_AMOUNT_WAN } from '../engine/amounts';
import type { AmountUnit, CellValue, CustomerClass, MatrixMode } from '../engine/types';
import { fitsStrLit, numLit, strLit, valueLit } from './cells';
import { FORMULA_NAMES } from './names';

/** The formula names the tag formulas read (the defaults, or ours chosen beside a person's: ownership.ts). */
export type FormulaNames = Record<keyof typeof FORMULA_NAMES, string>;

/** How a number cell in a column of `unit` becomes 万元, in JavaScript and as a formula. */
export interface UnitOp {
  apply(v: number): number;
  formula(ref: string): string;
  /** The largest number a cell may hold in this unit: MAX_AMOUNT_WAN (the engine's bound) in the column's unit. */
  max: number;
}

/**
 * The engine's toWan without its final rounding: dividing by an exact integer (元 → /10000)
 * where the engine does, multiplying otherwise. Callers compare apply(v) with the engine's
 * value and fall back to a stored value where rounding made them differ.
 */
export function unitOp(unit: AmountUnit | undefined): UnitOp {
  const f = unit?.toWan ?? 1;
  if (f === 1) return { apply: (v) => v, formula: (ref) => ref, max: MAX_AMOUNT_WAN };
  const inv = 1 / f;
  const r = Math.round(inv);
  if (r > 1 && Math.abs(inv - r) < 1e-9 * r) return { apply: (v) => v / r, formula: (ref) => `${ref}/${r}`, max: MAX_AMOUNT_WAN * r };
  return { apply: (v) => v * f, formula: (ref) => `${ref}*${numLit(f)}`, max: MAX_AMOUNT_WAN / f };
}

/**
 * A number cell as the engine reads it: blank when negative or past the engine's bound (an ID
 * pasted into the column), else in 万元. Truth values are no amounts to the engine; LibreOffice
 * stores TRUE as the number 1 (its ISNUMBER(TRUE) is TRUE, Excel's FALSE), so ISLOGICAL comes first.
 */
function numberRead(ref: string, op: UnitOp, otherwise: string): string {
  return `IF(ISLOGICAL(${ref}),"",IF(ISNUMBER(${ref}),IF(${ref}<0,"",IF(${ref}>${numLit(op.max)},"",${op.formula(ref)})),${otherwise}))`;
}

/** The 万元 amount helper's live form: the cell read as it is now (the same on every row, but for the row). */
export function liveAmountFormula(ref: string, op: UnitOp): string {
  return numberRead(ref, op, '""');
}

/** True when amountFormula gives the live form for this row (a plain fill-down row). */
export function amountIsLive(raw: CellValue, engine: number | null, op: UnitOp): boolean {
  if (typeof raw === 'number') return engine === null || raw < 0 || op.apply(raw) === engine;
  return !(typeof raw === 'string' && engine !== null);
}

/**
 * The 万元 amount helper for one row. `ref` is the raw amount cell ("D5"), `raw` what the host
 * read there, `engine` the engine's 万元 value (null: no class).
 */
export function amountFormula(ref: string, raw: CellValue, engine: number | null, op: UnitOp): string {
  const live = liveAmountFormula(ref, op);
  if (amountIsLive(raw, engine, op)) return live;
  if (typeof raw === 'number') {
    // The engine rounded the converted value: keep its value while the cell holds this number.
    return `IF(${ref}=${numLit(raw)},${numLit(engine!)},${live})`;
  }
  const stored = numLit(engine!);
  const lit = valueLit(raw);
  const otherwise = lit === undefined ? stored : `IF(${ref}=${lit},${stored},"")`;
  return numberRead(ref, op, otherwise);
}

/** The canonical-city helper's live form: the cell, trimmed. */
export function liveCityFormula(ref: string): string {
  return `TRIM(${ref})`;
}

/** True when cityFormula gives the live form for this row. */
export function cityIsLive(raw: CellValue, canonical: string): boolean {
  return (typeof raw === 'string' && raw === canonical) || (raw === null && canonical === '');
}

/**
 * The canonical-city helper for one row, or undefined when it cannot be a formula (text too
 * long for a formula constant): the caller then writes the canonical name as a value.
 */
export function cityFormula(ref: string, raw: CellValue, canonical: string): string | undefined {
  const live = liveCityFormula(ref);
  if (cityIsLive(raw, canonical)) return live;
  const lit = valueLit(raw);
  if (lit === undefined || !fitsStrLit(canonical)) return undefined;
  return `IF(${ref}=${lit},${strLit(canonical)},${live})`;
}

/**
 * Tier from the canonical city: its row in ABC_Cities, else the tier for cities not listed
 * (ABC_FallbackTier). MATCH ignores case and knows wildcards where the engine compares
 * exactly, hence the EXACT check on what it found.
 */
export function tierFormula(city: string, N: FormulaNames = FORMULA_NAMES): string {
  const m = `MATCH(${city},${N.cities},0)`;
  const fallback = N.fallbackTier;
  return `IFERROR(IF(${city}="",${fallback},IF(EXACT(INDEX(${N.cities},${m}),${city}),INDEX(${N.cityTiers},${m}),${fallback})),${fallback})`;
}

/** A tier's row in the tables by tier: its place in ABC_TierIds (ids are unique, ignoring case, as MATCH compares). */
const tierRow = (N: FormulaNames, tier: string) => `MATCH(${tier},${N.tierIds},0)`;

const th = (N: FormulaNames, tier: string, k: number) => `INDEX(${N.thresholds},${tierRow(N, tier)},${k})`;

/** A when both A minimums are met, else B when both B minimums are, else C; blank without amounts. */
export function classFormula(tier: string, potential: string, sales: string, N: FormulaNames = FORMULA_NAMES): string {
  const a = `AND(${potential}>=${th(N, tier, 1)},${sales}>=${th(N, tier, 2)})`;
  const b = `AND(${potential}>=${th(N, tier, 3)},${sales}>=${th(N, tier, 4)})`;
  return `IF(AND(ISNUMBER(${potential}),ISNUMBER(${sales})),IF(${a},"A",IF(${b},"B","C")),"")`;
}

/** The class's coverage label, from the settings sheet's coverage table. */
export function coverageFormula(cls: string, N: FormulaNames = FORMULA_NAMES): string {
  return `IF(${cls}="","",VLOOKUP(${cls},${N.coverage},2,FALSE))`;
}

/** Order of CHOOSE's labels: high potential × high share, high × low, low × high, low × low. */
export const MODE_ORDER: readonly MatrixMode[] = ['direct', 'problem', 'direct-reseller', 'reseller'];

/**
 * Potential × share: high potential when potential ≥ the split; high share when our sales ÷
 * potential ≥ the split, or, with no potential, when there are any sales at all.
 */
export function modeFormula(tier: string, potential: string, sales: string, labels: Record<MatrixMode, string>, N: FormulaNames = FORMULA_NAMES): string {
  const highPotential = `${potential}>=INDEX(${N.matrix},${tierRow(N, tier)},1)`;
  const highShare = `IF(${potential}>0,${sales}/${potential}>=INDEX(${N.matrix},${tierRow(N, tier)},2),${sales}>0)`;
  const choices = MODE_ORDER.map((m) => strLit(labels[m])).join(',');
  return `IF(AND(ISNUMBER(${potential}),ISNUMBER(${sales})),CHOOSE(IF(${highPotential},1,3)+IF(${highShare},0,1),${choices}),"")`;
}

export type { CustomerClass };
