/**
 * Reading amounts. Inside the engine every amount is in 万元 (10,000 CNY); this module is the
 * one place that knows how people write money in a customer sheet: units in headers, units
 * in the cell text, full-width digits, thousands separators, accounting negatives, and the
 * many ways a cell says "nothing here".
 *
 * parseAmount runs once per amount cell, so over a million rows: numbers take a short path,
 * and text is normalised only when it has to be.
 */
import type { AmountUnit, CellValue } from './types';

export type AmountResult =
  | { kind: 'ok'; wan: number }
  | { kind: 'missing' }
  | { kind: 'invalid'; text: string }
  | { kind: 'negative'; wan: number }
  | { kind: 'too-large'; text: string };

/**
 * The largest amount one cell may hold: 10^8 万元 = 1 万亿元 (10^12 CNY) a year,
 * above any customer's purchases (the largest companies' whole revenue is a few 万亿元) and far
 * below what would break the plan's arithmetic. Why this bound: targets are split in whole units
 * of as little as 0.1 万元 and must stay below 2^53 units (9.007 × 10^14 万元) to be exact
 * integers in a double. A sheet holds at most 1,048,575 customers; at 10^8 万元 each their sales
 * add up to at most 1.05 × 10^14 万元, and with growth capped at MAX_GROWTH_PCT (500 %, six
 * times) the target from growth stays at most 6.3 × 10^14 万元: exact, whatever the sheet.
 * It also catches the usual accident: an 18-digit ID pasted into an amount column, or amounts
 * in 元 under a header that does not say so (then the message suggests writing the unit).
 */
export const MAX_AMOUNT_WAN = 1e8;
/** The largest company target (万元): 10^14 万元 is 10^15 units of 0.1 万元, below 2^53 (9.007 × 10^15). */
export const MAX_TARGET_WAN = 1e14;
/** The largest growth over this year's sales, in percent: see MAX_AMOUNT_WAN (at most six times the sales). */
export const MAX_GROWTH_PCT = 500;

function unit(label: string, toWan: number): AmountUnit {
  return Object.freeze({ label, toWan });
}

/** The units the engine recognises, by canonical label. */
export const UNITS = Object.freeze({
  yuan: unit('元', 1e-4),
  qian: unit('千元', 0.1),
  k: unit('k', 0.1),
  wan: unit('万元', 1),
  m: unit('m', 100),
  qianwan: unit('千万元', 1000),
  yi: unit('亿元', 1e4),
});

/** The unit assumed when neither the header nor the cell says one. */
export const DEFAULT_UNIT: AmountUnit = UNITS.wan;

// ---------------------------------------------------------------------------------------------
// Unit words

/** Magnitude words; '' means "no magnitude", i.e. plain 元 when a currency word is present. */
const MAGNITUDES: readonly (readonly [readonly string[], AmountUnit])[] = [
  [[''], UNITS.yuan],
  [['千'], UNITS.qian],
  [['k', 'thousand'], UNITS.k],
  [['万', 'w', 'wan'], UNITS.wan],
  [['m', 'mn', 'mln', 'million', '百万'], UNITS.m],
  [['千万'], UNITS.qianwan],
  [['亿'], UNITS.yi],
];
const CURRENCIES = ['', '元', 'cny', 'rmb', '人民币', '¥', 'yuan'];
/** Forms that only make sense in a header: "(10k)", "(000)", "(millions)". */
const HEADER_ONLY: readonly (readonly [string, AmountUnit])[] = [
  ['10k', UNITS.wan],
  ['10kcny', UNITS.wan],
  ['10krmb', UNITS.wan],
  ['100m', UNITS.yi],
  ['000', UNITS.k],
  ["'000", UNITS.k],
  ['000s', UNITS.k],
  ['thousands', UNITS.k],
  ['millions', UNITS.m],
  ['mm', UNITS.m],
];

function buildUnitWords(extra: readonly (readonly [string, AmountUnit])[]): Map<string, AmountUnit> {
  const map = new Map<string, AmountUnit>();
  for (const [mags, u] of MAGNITUDES) {
    for (const mag of mags) {
      for (const cur of CURRENCIES) {
        // "万元", "人民币万元", "万元人民币", "kcny", "cnyk", "¥k" …
        const keys = cur === '元' ? [mag + cur] : [mag + cur, cur + mag, cur + mag + '元', mag + '元' + cur];
        for (const key of keys) {
          if (key !== '' && !map.has(key)) map.set(key, u);
        }
      }
    }
  }
  for (const [key, u] of extra) map.set(key, u);
  return map;
}

/** Unit words after a number in a cell ("350万", "1.2k CNY"), lower-case, no spaces. */
const TEXT_UNITS = buildUnitWords([]);
/** Unit words in a header; a few more forms that would be odd after a number. */
const HEADER_UNITS = buildUnitWords(HEADER_ONLY);

/** Reads one unit phrase such as "万元", "单位:万元", "k CNY", "万元/年". */
function unitWord(raw: string): AmountUnit | undefined {
  const t = raw
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/^(单位|unit|units|currency|币种|金额单位)[:：]?/, '')
    .replace(/(\/|每|per)(年|year|yr|annum)$/, '');
  return HEADER_UNITS.get(t);
}

// Brackets a unit is written in: (), [], 【】, 〔〕, {}, <>. Run on NFKC text, so （） is ().
const BRACKET_RE = /[(\[【〔{<]([^()\[\]【】〔〕{}<>]*)[)\]】〕}>]/g;
const UNIT_NOTE_RE = /[,;\s]*单位\s*:?\s*([^\s,;()\[\]]+)/;
const SLASH_RE = /\s*\/\s*([^/]+?)\s*$/;
const SUFFIX_RE = /(千万元|百万元|万元|亿元|千元)$/;

/** A header split into its text without the unit, and the unit when one is written. */
export interface HeaderUnit {
  /** The header, NFKC-normalised and trimmed, with the unit part taken out. */
  text: string;
  unit?: AmountUnit;
}

/**
 * Splits the unit off a header: "客户年市场销售额（万元）" → { text: "客户年市场销售额", unit: 万元 }.
 * Recognises "(元)", "[万元]", "【万元】", "(k CNY)", "(M)", "单位：万元", "…/万元" and a bare
 * trailing "万元". Brackets that do not hold a unit ("(必填)") stay in the text.
 */
export function splitHeaderUnit(header: string): HeaderUnit {
  // NFKC turns full-width brackets, colons, digits, letters and ￥ into their ASCII forms.
  const s = header.normalize('NFKC').trim();
  if (s === '') return { text: '' };

  const groups = Array.from(s.matchAll(BRACKET_RE));
  // The unit is usually the last bracket: "销售额(2023)(万元)".
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i];
    const u = unitWord(g[1]);
    if (u) return { text: cut(s, g.index, g[0].length), unit: u };
  }
  for (const re of [UNIT_NOTE_RE, SLASH_RE, SUFFIX_RE]) {
    const m = re.exec(s);
    if (m) {
      const u = unitWord(m[1]);
      if (u) return { text: cut(s, m.index, m[0].length), unit: u };
    }
  }
  return { text: s };
}

function cut(s: string, at: number, length: number): string {
  return (s.slice(0, at) + s.slice(at + length)).trim();
}

/** The unit written in a header, or undefined when it says none. */
export function unitFromHeader(header: string): AmountUnit | undefined {
  return splitHeaderUnit(header).unit;
}

// ---------------------------------------------------------------------------------------------
// Conversion

/**
 * Rounds a 万元 amount to 10 decimal places (1e-6 元, far below a fen) so that unit conversion
 * does not leave binary noise such as 7.000000000000001. Above 1e5 万元 that many decimals no
 * longer fit in a double, so it keeps 15 significant digits instead.
 */
export function roundWan(v: number): number {
  if (Math.abs(v) < 1e5) return Math.round(v * 1e10) / 1e10;
  if (!Number.isFinite(v)) return v;
  return Number(v.toPrecision(15));
}

/** Converts a value written in `unit` (default 万元) to 万元. */
export function toWan(value: number, unit: AmountUnit = DEFAULT_UNIT): number {
  const f = unit.toWan;
  if (f === 1) return value; // no conversion, no rounding: the number stays exactly as read
  const inv = 1 / f;
  const r = Math.round(inv);
  // Dividing by the exact integer 10000 rounds once: 1234500 元 gives exactly 123.45, where
  // multiplying by 1e-4 (itself inexact) can be one unit in the last place off.
  const v = r > 1 && Math.abs(inv - r) < 1e-9 * r ? value / r : value * f;
  return roundWan(v);
}

// ---------------------------------------------------------------------------------------------
// Cells

const MISSING_RESULT: AmountResult = Object.freeze({ kind: 'missing' as const });

/** Texts that mean "no value" (compared upper-case, after full-width folding and trimming). */
const MISSING_TEXT = new Set([
  '',
  '-',
  '--',
  '---',
  '—',
  '——',
  '–',
  'N/A',
  'NA',
  '无',
  '空',
  // Excel (and WPS, Excel on the web) error values, as hosts hand them over.
  '#N/A',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#NULL!',
  '#SPILL!',
  '#CALC!',
  '#GETTING_DATA',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#UNKNOWN!',
  '#BUSY!',
  '#EXTERNAL!',
  '#PYTHON!',
]);
/** LibreOffice shows some errors as "Err:502". */
const LIBRE_ERROR_RE = /^ERR:\d{3}$/;

// Full-width ASCII (！…～), the ideographic space, ￥ and the minus sign.
const WIDE_RE = /[\uff01-\uff5e\u3000\uffe5\u2212]/g;
const WIDE_TEST_RE = /[\uff01-\uff5e\u3000\uffe5\u2212]/;
const HAS_SPACE_RE = /\s/;
const UPPER_RE = /[A-Z]/;
// A space between digit groups is a thousands separator: "1 200 000".
const GROUP_SPACE_RE = /(\d)[ \u00a0\u2009\u202f](?=\d{3}(?!\d))/g;
const SPACE_BETWEEN_DIGITS_RE = /[\d.,]\s+[\d.,]/;
const SPACE_RE = /\s+/g;
/**
 * sign, currency prefix, sign, number (with optional 3-digit comma groups and exponent),
 * and whatever follows (the unit, if any).
 */
const AMOUNT_RE =
  /^([+-]?)(¥|cny|rmb|人民币)?([+-]?)((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?(?:e[+-]?\d+)?|\.\d+(?:e[+-]?\d+)?)(.*)$/;

function widen(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c === 0x3000) return ' ';
  if (c === 0xffe5) return '¥';
  if (c === 0x2212) return '-';
  return String.fromCharCode(c - 0xfee0);
}

function result(wan: number, negative: boolean, text: string, limit: number): AmountResult {
  if (wan === 0) return { kind: 'ok', wan: 0 }; // also folds -0
  // Past the bound, or so long that the number became Infinity ("999…9" with 309 digits).
  if (!(Math.abs(wan) <= limit)) return { kind: 'too-large', text };
  return negative ? { kind: 'negative', wan } : { kind: 'ok', wan };
}

/** A cell's value as a spreadsheet shows it, for messages: TRUE and FALSE in capitals. */
const shown = (value: CellValue): string => (typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : String(value));

/**
 * Reads one amount cell and returns it in 万元.
 * - Numbers are in the column's unit (from its header; 万元 when the header says none).
 * - Text may carry its own unit, which wins: "350万", "1.2亿元", "1,200,000元", "12.5k".
 *   A bare currency sign ("¥1,200,000") means 元, whatever the header says: the cell's unit wins.
 * - Missing: null, blanks, dashes, N/A, 无, 空 and spreadsheet error values.
 * - Negative amounts (including accounting "(1,200)") come back as 'negative' with the
 *   negative value; booleans, NaN, "Infinity", hex ("0x1F") and any other text as 'invalid';
 *   amounts beyond `limit` (in 万元, after the unit; default MAX_AMOUNT_WAN, a cell's bound) as
 *   'too-large'. A company target is read with MAX_TARGET_WAN.
 */
export function parseAmount(value: CellValue, columnUnit?: AmountUnit, limit: number = MAX_AMOUNT_WAN): AmountResult {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return { kind: 'invalid', text: String(value) };
    return result(toWan(value, columnUnit), value < 0, String(value), limit);
  }
  if (value === null) return MISSING_RESULT;
  // A truth value is not an amount (Excel's ISNUMBER(TRUE) is FALSE; the tag formulas say so too).
  if (typeof value !== 'string') return { kind: 'invalid', text: shown(value) };
  return parseAmountText(value, columnUnit, limit);
}

/**
 * The short path for the shapes most text amounts take ("350", "-350万", "¥1,200,000",
 * "1,234.5元"): one pass over the characters, no regular expressions. Anything else (spaces
 * inside, full-width, exponents, accounting brackets, missing words) returns undefined and
 * goes the general way, so this only has to be right for what it accepts.
 */
function scanCommon(s: string, text: string, columnUnit: AmountUnit | undefined, limit: number): AmountResult | undefined {
  const n = s.length;
  let i = 0;
  let c = s.charCodeAt(0);
  let negative = false;
  if (c === 45 /* - */ || c === 43 /* + */) {
    negative = c === 45;
    c = s.charCodeAt(++i);
  }
  let currency = false;
  if (c === 0xa5 /* ¥ */ || c === 0xffe5 /* ￥ */) {
    currency = true;
    c = s.charCodeAt(++i);
  }
  const start = i;
  let digits = 0;
  let group = -1; // digits since the last comma; -1 before any comma
  for (; i < n; c = s.charCodeAt(++i)) {
    if (c >= 48 && c <= 57) {
      digits++;
      if (group >= 0) group++;
    } else if (c === 44 /* , */) {
      if (group >= 0 ? group !== 3 : digits === 0 || digits > 3) return undefined;
      group = 0;
    } else break;
  }
  if (digits === 0 || (group >= 0 && group !== 3)) return undefined;
  if (c === 46 /* . */) {
    let decimals = 0;
    for (c = s.charCodeAt(++i); i < n && c >= 48 && c <= 57; c = s.charCodeAt(++i)) decimals++;
    if (decimals === 0) return undefined;
  }

  let u = columnUnit;
  if (i < n) {
    u = TEXT_UNITS.get(s.slice(i));
    if (!u) return undefined;
  } else if (currency) {
    u = UNITS.yuan; // as in parseAmountText
  }
  const numText = s.slice(start, i);
  const value = Number(group >= 0 ? numText.replace(/,/g, '') : numText);
  const wan = toWan(value, u);
  return result(negative ? -wan : wan, negative, text, limit);
}

function parseAmountText(text: string, columnUnit: AmountUnit | undefined, limit: number): AmountResult {
  let s = text.trim();
  const quick = scanCommon(s, text, columnUnit, limit);
  if (quick) return quick;

  if (WIDE_TEST_RE.test(s)) s = s.replace(WIDE_RE, widen).trim();
  // Missing-value words never start with a digit; most amounts do, so skip the check for them.
  const c0 = s.charCodeAt(0); // NaN for ""
  if (!(c0 >= 48 && c0 <= 57)) {
    const upper = s.toUpperCase();
    if (MISSING_TEXT.has(upper) || LIBRE_ERROR_RE.test(upper)) return MISSING_RESULT;
  }

  if (HAS_SPACE_RE.test(s)) {
    s = s.replace(GROUP_SPACE_RE, '$1,');
    if (SPACE_BETWEEN_DIGITS_RE.test(s)) return { kind: 'invalid', text };
    s = s.replace(SPACE_RE, '');
  }
  // toLowerCase copies the string, costly on a million cells: only when there is upper case.
  if (UPPER_RE.test(s)) s = s.toLowerCase();

  // Accounting negatives: "(1,200)".
  let negative = false;
  if (s.length > 2 && s.charCodeAt(0) === 40 /* ( */ && s.charCodeAt(s.length - 1) === 41 /* ) */) {
    negative = true;
    s = s.slice(1, -1);
  }

  const m = AMOUNT_RE.exec(s);
  if (!m) return { kind: 'invalid', text };
  const [, sign1, currency, sign2, digits, rest] = m;
  if ((sign1 && sign2) || (negative && (sign1 || sign2))) return { kind: 'invalid', text };
  if (sign1 === '-' || sign2 === '-') negative = true;

  let u: AmountUnit | undefined;
  if (rest !== '') {
    u = TEXT_UNITS.get(rest);
    if (!u) return { kind: 'invalid', text };
  } else if (currency) {
    // "¥1,200,000": the cell's own unit wins over the header's, as 万 and 亿 do; ¥ says 元.
    u = UNITS.yuan;
  } else {
    u = columnUnit;
  }

  const n = Number(digits.indexOf(',') >= 0 ? digits.replace(/,/g, '') : digits);
  const wan = toWan(n, u);
  return result(negative ? -wan : wan, negative, text, limit);
}
