/**
 * Customer rows out of a sheet's cell values: amounts in 万元, canonical cities, industry
 * groups and regions, with an issue for every cell a planner should look at.
 */
import { columnLetter } from './a1';
import { parseAmount, toWan } from './amounts';
import { normaliseCity, provinceOf } from './cities';
import type { CustomerColumns } from './customers';
import { newCustomerColumns, trimColumns } from './customers';
import { industryMatcher } from './industries';
import type { IndustryGroup, Settings } from './settings';
import { INDUSTRY_GROUPS } from './settings';
import type { AmountField, CellValue, ColumnMapping, Field, Issue, IssueKey, SheetData } from './types';

const TOTAL_WORDS = new Set(['合计', '小计', '总计', '总合计', '累计', 'total', 'subtotal', 'sub-total', 'grandtotal', 'totals', 'sum']);

/** A character that is not white space: an ideograph or printable ASCII (the usual ends of a cell's text). */
const solid = (c: number) => (c > 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff);

/** text.trim(), without the call for the usual text that starts and ends with a solid character. */
const trim = (text: string): string => (text.length > 0 && solid(text.charCodeAt(0)) && solid(text.charCodeAt(text.length - 1)) ? text : text.trim());

const cellText = (v: CellValue | undefined): string => (v === null || v === undefined ? '' : typeof v === 'string' ? trim(v) : String(v));

const isBlankCell = (v: CellValue | undefined) => v === null || v === undefined || (typeof v === 'string' && trim(v) === '');

/** The ideographs of TOTAL_WORDS; their other characters are the ASCII in TOTAL_ASCII (and '-'). */
const TOTAL_IDEOGRAPHS = new Set(['合', '小', '总', '计', '累'].map((c) => c.charCodeAt(0)));
const TOTAL_ASCII = /^[abdglmnorstu]$/i;
const TOTAL_ASCII_CODES = new Uint8Array(128).map((_, c) => (TOTAL_ASCII.test(String.fromCharCode(c)) ? 1 : 0));

/**
 * False when the text cannot be a totals word, decided without normalising it: it holds a CJK
 * ideograph or an ASCII letter or digit that no totals word has. NFKC and lower-casing keep such
 * a character outside the words' alphabet, so the answer is the same as the full check's; the
 * full check then runs only on the few texts that pass (most names fail on their first character).
 */
function mayBeTotalWord(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) {
      if (!TOTAL_IDEOGRAPHS.has(c)) return false;
    } else if (c < 128 && ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) {
      if (TOTAL_ASCII_CODES[c] === 0) return false;
    }
  }
  return true;
}

export const isTotalWord = (v: CellValue | undefined): boolean =>
  typeof v === 'string' && mayBeTotalWord(v) && TOTAL_WORDS.has(v.normalize('NFKC').toLowerCase().replace(/[\s:：]/g, ''));

/**
 * A totals row says so in its first text cells: 合计, 小计, 总计, Total, Grand total… The cells
 * looked at: the name cell, then the first non-blank cells, three cells in all.
 */
function isTotalsRow(row: CellValue[], nameIndex: number | undefined): boolean {
  let looked = 0;
  if (nameIndex !== undefined) {
    if (isTotalWord(row[nameIndex])) return true;
    looked = 1;
  }
  for (let i = 0; i < row.length && looked < 3; i++) {
    const v = row[i];
    if (isBlankCell(v)) continue;
    looked++;
    if (isTotalWord(v)) return true;
  }
  return false;
}

const FULL_WIDTH_ASCII = /[\uff01-\uff5e]/g;
const narrow = (ch: string) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0);

/**
 * The form in which two names are the same customer: NFKC, lower case, no white space. Most
 * names are CJK ideographs, printable ASCII other than A–Z and full-width ASCII such as （）:
 * NFKC keeps the first two and turns full-width ASCII into ASCII, so those names get their key
 * without the three general string calls, which cost most of a row's time otherwise.
 */
export function nameKey(name: string): string {
  let wide = false;
  let wideUpper = false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c > 0x20 && c < 0x7f && !(c >= 65 && c <= 90))) continue;
    if (c >= 0xff01 && c <= 0xff5e) {
      wide = true;
      if (c >= 0xff21 && c <= 0xff3a) wideUpper = true; // Ａ–Ｚ become A–Z, then a–z
      continue;
    }
    return name.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  }
  if (!wide) return name;
  const key = name.replace(FULL_WIDTH_ASCII, narrow);
  return wideUpper ? key.toLowerCase() : key;
}

/**
 * FNV-1a over a name's duplicate key (nameKey) and a city, computed from the name's characters
 * without building the key: CJK ideographs and printable ASCII stand for themselves (A–Z
 * lowered), full-width ASCII for its ASCII twin, spaces are skipped, exactly as nameKey
 * would. A name with any other character is hashed through nameKey itself.
 */
export function duplicateHash(name: string, city: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    let c = name.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) {
      // as is
    } else if (c > 0x20 && c < 0x7f) {
      if (c >= 65 && c <= 90) c += 32;
    } else if (c >= 0xff01 && c <= 0xff5e) {
      c -= 0xfee0;
      if (c >= 65 && c <= 90) c += 32;
    } else if (c === 0x20) {
      continue;
    } else {
      return hashText(city, hashText(nameKey(name), 0x811c9dc5)) >>> 0;
    }
    hash = Math.imul(hash ^ c, 0x01000193);
  }
  hash = Math.imul(hash ^ 0xffff, 0x01000193);
  return hashText(city, hash) >>> 0;
}

/**
 * For each row whose (name key, city) pair appeared on an earlier row, that earlier row's index.
 * Sorting the rows by hash puts equal pairs side by side: one sort of a typed array and a linear
 * scan, instead of a hash-table probe per row, whose cache misses cost a microsecond a row.
 */
export function findDuplicates(hashes: Uint32Array, n: number, sameKey: (a: number, b: number) => boolean): Map<number, number> {
  const duplicates = new Map<number, number>();
  if (n < 2) return duplicates;
  // hash × 2^bits + index in one float64 (53 bits exact), sorted numerically by the engine.
  let bits = 1;
  while (2 ** bits < n) bits++;
  const hashBits = Math.min(32, 53 - bits);
  const shift = 32 - hashBits;
  const span = 2 ** bits;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = (hashes[i] >>> shift) * span + i;
  keys.sort();
  for (let start = 0; start < n; ) {
    const hash = Math.floor(keys[start] / span);
    let end = start + 1;
    while (end < n && Math.floor(keys[end] / span) === hash) end++;
    // Rows with one hash, in sheet order: each is a duplicate of the first earlier row with its key.
    for (let a = start + 1; a < end; a++) {
      const row = keys[a] % span;
      for (let b = start; b < a; b++) {
        const earlier = keys[b] % span;
        if (!duplicates.has(earlier) && sameKey(earlier, row)) {
          duplicates.set(row, earlier);
          break;
        }
      }
    }
    start = end;
  }
  return duplicates;
}

/** FNV-1a over the UTF-16 code units, continuing from `hash`; a separator keeps ("ab","c") apart from ("a","bc"). */
function hashText(text: string, hash: number): number {
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return Math.imul(hash ^ 0xffff, 0x01000193) | 0;
}

/** "广东省" and "广东" are one region; so are "Guangdong Province" and "Guangdong". */
export function regionKey(raw: string): string {
  const text = raw.normalize('NFKC').trim().replace(/\s+/g, ' ');
  return text
    .replace(/(维吾尔自治区|壮族自治区|回族自治区|自治区|特别行政区|省|市)$/u, '')
    .replace(/\s+(province|city)$/i, '');
}

/**
 * Interns repeated text (owners, regions) as small numbers, so tables group by number. An
 * open-addressing table like FirstRows: with tens of thousands of owners, a Map lookup per row
 * cost about half a microsecond here (cache misses in its chains), this a fraction of that.
 */
class Dictionary {
  readonly texts: string[] = [];
  private readonly hashes: number[] = [];
  private slots = new Int32Array(1 << 8).fill(-1);

  idOf(text: string): number {
    const hash = hashText(text, 0x811c9dc5);
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot];
      if (id < 0) break;
      if (this.hashes[id] === hash && this.texts[id] === text) return id;
    }
    const id = this.texts.length;
    this.texts.push(text);
    this.hashes.push(hash);
    this.slots[slot] = id;
    if (this.texts.length * 2 > this.slots.length) this.grow();
    return id;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = this.slots.length - 1;
    for (let id = 0; id < this.texts.length; id++) {
      let slot = this.hashes[id] & mask;
      while (this.slots[slot] >= 0) slot = (slot + 1) & mask;
      this.slots[slot] = id;
    }
  }
}

export interface ReadRowsResult {
  columns: CustomerColumns;
  issues: Issue[];
}

/**
 * Reads every customer row below the header into columns. Blank rows and totals rows are
 * skipped. Rows whose amounts are missing or invalid are kept (the planner sees them) with an
 * error issue and NaN amounts.
 */
export function readCustomerRows(sheet: SheetData, headerIndex: number, mapping: ColumnMapping, settings: Settings): ReadRowsResult {
  const { fields, units, products } = mapping;
  const issues: Issue[] = [];
  const capacity = Math.max(0, sheet.values.length - headerIndex - 1);
  const cols = newCustomerColumns(capacity, products.length);
  const industryOf = industryMatcher(settings.industries);
  const letter = (index: number) => columnLetter(sheet.firstColumn + index);
  const issue = (key: IssueKey, severity: Issue['severity'], row: number, field: Field | 'product' | undefined, index: number | undefined, params: Issue['params'] = {}) =>
    issues.push({ key, severity, sheet: sheet.name, row, column: index === undefined ? undefined : letter(index), field, params });
  const dupHashes = new Uint32Array(capacity);
  const owners = new Dictionary();
  const regions = new Dictionary();
  // A region column's text → its region id; a city (for rows with no region text) → its province's id.
  const regionOfText = new Map<string, number>();
  const regionOfCity = new Map<string, number>();
  const industryIndex = new Map<IndustryGroup, number>(INDUSTRY_GROUPS.map((g, i) => [g, i]));
  const get = (row: CellValue[], f: Field) => (fields[f] === undefined ? '' : cellText(row[fields[f]!]));

  const amount = (cells: CellValue[], sheetRow: number, field: AmountField): number => {
    const index = fields[field]!;
    const value = cells[index] ?? null;
    // The usual cell: a non-negative number, read without building a result object.
    if (typeof value === 'number' && value >= 0 && value < Infinity) return units[field] ? toWan(value, units[field]) : value;
    const parsed = parseAmount(value, units[field]);
    switch (parsed.kind) {
      case 'ok':
        return parsed.wan;
      case 'missing':
        issue('missing-amount', 'error', sheetRow, field, index);
        return NaN;
      case 'negative':
        issue('negative-amount', 'error', sheetRow, field, index, { value: parsed.wan });
        return NaN;
      case 'invalid':
        issue('invalid-amount', 'error', sheetRow, field, index, { text: parsed.text });
        return NaN;
    }
  };

  let n = 0;
  const historyCount = products.length;
  for (let r = headerIndex + 1; r < sheet.values.length; r++) {
    const cells = sheet.values[r];
    if (!cells || cells.every(isBlankCell)) continue;
    if (isTotalsRow(cells, fields.name)) continue;
    const sheetRow = sheet.firstRow + r;

    let name = get(cells, 'name');
    if (!name) {
      issue('missing-name', 'warning', sheetRow, 'name', fields.name);
      name = `#${sheetRow}`;
    }
    const cityRaw = get(cells, 'city');
    const city = cityRaw ? normaliseCity(cityRaw) : '';
    if (!city) issue('missing-city', 'warning', sheetRow, 'city', fields.city);

    const potential = amount(cells, sheetRow, 'potential');
    const ourSales = amount(cells, sheetRow, 'ourSales');
    if (ourSales > potential) {
      issue('sales-above-potential', 'warning', sheetRow, 'ourSales', fields.ourSales, { potential, ourSales });
    }

    for (let p = 0; p < historyCount; p++) {
      const { index, unit } = products[p];
      const value = cells[index] ?? null;
      let wan = NaN;
      if (typeof value === 'number' && value >= 0 && value < Infinity) wan = toWan(value, unit);
      else {
        const parsed = parseAmount(value, unit);
        if (parsed.kind === 'ok') wan = parsed.wan;
        else if (parsed.kind !== 'missing') issue('invalid-product-amount', 'warning', sheetRow, 'product', index, { product: products[p].name });
      }
      if (wan === wan) cols.historyTotals[p] += wan; // NaN (blank) adds nothing
    }

    dupHashes[n] = duplicateHash(name, city);

    const regionRaw = get(cells, 'region');
    let regionId = regionRaw ? regionOfText.get(regionRaw) : regionOfCity.get(city);
    if (regionId === undefined) {
      if (regionRaw) regionOfText.set(regionRaw, (regionId = regions.idOf(regionKey(regionRaw))));
      else regionOfCity.set(city, (regionId = regions.idOf(provinceOf(city) ?? city)));
    }
    const industryRaw = get(cells, 'industry');
    cols.row[n] = sheetRow;
    cols.name[n] = name;
    cols.cityRaw[n] = cityRaw;
    cols.city[n] = city;
    cols.industryRaw[n] = industryRaw;
    cols.industry[n] = industryIndex.get(industryOf(industryRaw))!;
    cols.ownerId[n] = owners.idOf(get(cells, 'owner'));
    cols.regionId[n] = regionId;
    cols.branch[n] = get(cells, 'branch');
    cols.potential[n] = potential;
    cols.ourSales[n] = ourSales;
    n++;
  }
  cols.owners = owners.texts;
  cols.regions = regions.texts;

  const duplicates = findDuplicates(dupHashes, n, (a, b) => cols.city[a] === cols.city[b] && nameKey(cols.name[a]) === nameKey(cols.name[b]));
  if (duplicates.size) {
    for (const [i, first] of duplicates) issue('duplicate-customer', 'warning', cols.row[i], 'name', fields.name, { firstRow: cols.row[first] });
    // Back in sheet order, each row's issues in the order they were found (the sort is stable).
    issues.sort((a, b) => a.row! - b.row!);
  }
  return { columns: trimColumns(cols, n), issues };
}
