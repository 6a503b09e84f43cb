/**
 * Customer rows out of a sheet's cell values: amounts in 万元, canonical cities, industry
 * groups and regions, with an issue for every cell a planner should look at.
 */
import { columnLetter } from './a1';
import { MAX_AMOUNT_WAN, parseAmount, toWan } from './amounts';
import { normaliseCity, provinceOf } from './cities';
import type { CustomerColumns } from './customers';
import { newCustomerColumns, trimColumns } from './customers';
import { Dictionary } from './textColumn';
import { industryMatcher } from './industries';
import type { IndustryGroup, Settings } from './settings';
import { INDUSTRY_GROUPS } from './settings';
import type { AmountField, AmountUnit, CellValue, ColumnMapping, Field, Issue, IssueKey, SheetData } from './types';

/**
 * The words a totals row says (in the normalised form isTotalWord compares: NFKC, lower case, no
 * spaces or colons). The quick pre-filter below is built from this list, so a word added here
 * counts at once.
 */
export const TOTAL_WORDS: readonly string[] = ['合计', '小计', '总计', '总合计', '累计', '汇总', '总额', 'total', 'subtotal', 'sub-total', 'grandtotal', 'totals', 'sum'];
const TOTAL_WORD_SET = new Set(TOTAL_WORDS);

/** A character that is not white space: an ideograph or printable ASCII (the usual ends of a cell's text). */
const solid = (c: number) => (c > 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff);

/** text.trim(), without the call for the usual text that starts and ends with a solid character. */
const trim = (text: string): string => (text.length > 0 && solid(text.charCodeAt(0)) && solid(text.charCodeAt(text.length - 1)) ? text : text.trim());

/** A cell's trimmed text; '' for a blank cell. */
const textOf = (v: CellValue | undefined): string => (typeof v === 'string' ? trim(v) : v === null || v === undefined ? '' : String(v));

/** Excel's limit for the text of one cell: what we copy into our sheets must fit it. */
export const MAX_CELL_TEXT = 32_767;

/** A text cut to MAX_CELL_TEXT characters, ending in "…" (never between the halves of a surrogate pair). */
export function clipCellText(text: string): string {
  if (text.length <= MAX_CELL_TEXT) return text;
  let end = MAX_CELL_TEXT - 1;
  const c = text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return text.slice(0, end) + '…';
}

/** The trimmed text of cells[index]; '' for a blank cell or an unmapped column (index -1). */
const textAt = (cells: CellValue[], index: number): string => (index < 0 ? '' : textOf(cells[index]));

const isBlankCell = (v: CellValue | undefined) => v === null || v === undefined || (typeof v === 'string' && trim(v) === '');

/** A row with nothing in it. Most rows have a name that starts with a solid character: no loop over the cells. */
function isBlankRow(cells: CellValue[], nameIndex: number): boolean {
  const name = nameIndex < 0 ? undefined : cells[nameIndex];
  if (typeof name === 'string' && name.length > 0 && solid(name.charCodeAt(0))) return false;
  return cells.every(isBlankCell);
}

/**
 * The characters of TOTAL_WORDS, split as mayBeTotalWord looks at them: the CJK ideographs, and
 * the ASCII letters and digits (other characters, such as '-', are never a reason to reject).
 */
const TOTAL_IDEOGRAPHS = new Uint8Array(0x9fff - 0x4e00 + 1);
const TOTAL_ASCII_CODES = new Uint8Array(128);
const isAsciiWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
for (const word of TOTAL_WORDS) {
  for (const ch of word) {
    const c = ch.charCodeAt(0);
    if (c >= 0x4e00 && c <= 0x9fff) TOTAL_IDEOGRAPHS[c - 0x4e00] = 1;
    else if (c < 128 && isAsciiWordChar(c)) {
      // Both cases: the full check lower-cases the text.
      TOTAL_ASCII_CODES[ch.toLowerCase().charCodeAt(0)] = 1;
      TOTAL_ASCII_CODES[ch.toUpperCase().charCodeAt(0)] = 1;
    } else if (c >= 128) throw new Error(`TOTAL_WORDS: "${word}" has a character the pre-filter cannot judge`);
  }
}

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
      if (TOTAL_IDEOGRAPHS[c - 0x4e00] === 0) return false;
    } else if (c < 128 && isAsciiWordChar(c)) {
      if (TOTAL_ASCII_CODES[c] === 0) return false;
    }
  }
  return true;
}

export const isTotalWord = (v: CellValue | undefined): boolean =>
  typeof v === 'string' && mayBeTotalWord(v) && TOTAL_WORD_SET.has(v.normalize('NFKC').toLowerCase().replace(/[\s:：]/g, ''));

/**
 * A totals row says so in its first text cells: 合计, 小计, 总计, 汇总, Total, Grand total… The cells
 * looked at: the name cell, then the first non-blank cells, three cells in all.
 */
function isTotalsRow(row: CellValue[], nameIndex: number): boolean {
  let looked = 0;
  if (nameIndex >= 0) {
    if (isTotalWord(row[nameIndex])) return true;
    looked = 1;
  }
  for (let i = 0; i < row.length && looked < 3; i++) {
    const v = row[i];
    if (v === null || v === undefined) continue;
    if (typeof v !== 'string') {
      looked++; // a number or a truth value: not blank, not a totals word
      continue;
    }
    if (trim(v) === '') continue;
    looked++;
    if (i !== nameIndex && isTotalWord(v)) return true; // the name cell was looked at above
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
 * The rows are bucketed by their hash's top bits (a counting sort: two linear passes and no
 * comparisons), so rows with equal hashes sit in one small bucket, in sheet order. A hash-table
 * probe per row cost a microsecond a row in cache misses, a comparison sort a tenth of that.
 */
export function findDuplicates(hashes: Uint32Array, n: number, sameKey: (a: number, b: number) => boolean): Map<number, number> {
  const duplicates = new Map<number, number>();
  if (n < 2) return duplicates;
  // About four rows a bucket: a small count array, and few comparisons inside a bucket.
  let bits = 1;
  while (bits < 24 && 2 ** (bits + 2) < n) bits++;
  const shift = 32 - bits;
  const buckets = 2 ** bits;
  const ends = new Int32Array(buckets);
  for (let i = 0; i < n; i++) ends[hashes[i] >>> shift]++;
  for (let b = 1; b < buckets; b++) ends[b] += ends[b - 1];
  // Placed from the last row back, so each bucket lists its rows in sheet order and ends[b]
  // becomes the bucket's start. Each row's hash goes beside it, so a bucket is compared
  // without going back to the rows' hashes at random.
  const order = new Int32Array(n);
  const orderHash = new Uint32Array(n);
  for (let i = n - 1; i >= 0; i--) {
    const at = --ends[hashes[i] >>> shift];
    order[at] = i;
    orderHash[at] = hashes[i];
  }
  for (let b = 0; b < buckets; b++) {
    const start = ends[b];
    const end = b + 1 < buckets ? ends[b + 1] : n;
    // Each row is a duplicate of the first earlier row with its key (not itself a duplicate).
    for (let a = start + 1; a < end; a++) {
      for (let e = start; e < a; e++) {
        if (orderHash[e] !== orderHash[a]) continue;
        const earlier = order[e];
        const row = order[a];
        if (!duplicates.has(earlier) && sameKey(earlier, row)) {
          duplicates.set(row, earlier);
          break;
        }
      }
    }
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
  let inSheetOrder = true;
  // Text we copy into our sheets (names, cities, industries, owners, regions, branches) must fit
  // a cell: longer text is shortened there, with a warning naming the user's cell.
  const fitted = (text: string, row: number, field: Field, index: number): string => {
    if (text.length <= MAX_CELL_TEXT) return text;
    issue('text-too-long', 'warning', row, field, index, { length: text.length, max: MAX_CELL_TEXT });
    return clipCellText(text);
  };
  const dupHashes = new Uint32Array(capacity);
  const owners = new Dictionary();
  const regions = new Dictionary();
  // A region column's text → its region id; a city's number (for rows with no region text) → its province's id.
  const regionOfText = new Map<string, number>();
  const regionOfCity: (number | undefined)[] = [];
  const industryIndex = new Map<IndustryGroup, number>(INDUSTRY_GROUPS.map((g, i) => [g, i]));
  // By the number of a text as typed: the canonical city's number, the industry group's index.
  // (Number 0 is "" in every text column.)
  const cityOfRaw: number[] = [0];
  const industryOfRaw: number[] = [industryIndex.get(industryOf(''))!];
  // Column indexes as numbers (-1: not mapped), looked up once rather than by field name per cell.
  const at = (f: Field) => fields[f] ?? -1;
  const nameAt = at('name');
  const cityAt = at('city');
  const industryAt = at('industry');
  const ownerAt = at('owner');
  const regionAt = at('region');
  const branchAt = at('branch');

  // The largest number a column's cell may hold in its own unit (MAX_AMOUNT_WAN in 万元): below
  // it, a number takes the short path; above it, parseAmount says it is too large.
  const maxIn = (unit: AmountUnit | undefined) => MAX_AMOUNT_WAN / (unit?.toWan ?? 1);
  const amount = (cells: CellValue[], sheetRow: number, field: AmountField, index: number, unit: AmountUnit | undefined, max: number): number => {
    const value = cells[index] ?? null;
    // The usual cell: a non-negative number within the bound, read without building a result object.
    if (typeof value === 'number' && value >= 0 && value <= max) return unit ? toWan(value, unit) : value;
    const parsed = parseAmount(value, unit);
    switch (parsed.kind) {
      case 'ok':
        return parsed.wan;
      case 'missing':
        // "-", "N/A", "#N/A" are not blank: the message quotes what the cell says.
        if (typeof value === 'string' && value.trim() !== '') issue('marked-missing-amount', 'error', sheetRow, field, index, { text: value.trim() });
        else issue('missing-amount', 'error', sheetRow, field, index);
        return NaN;
      case 'negative':
        issue('negative-amount', 'error', sheetRow, field, index, { value: parsed.wan });
        return NaN;
      case 'invalid':
        issue('invalid-amount', 'error', sheetRow, field, index, { text: parsed.text });
        return NaN;
      case 'too-large':
        issue('amount-too-large', 'error', sheetRow, field, index, { text: parsed.text, max: MAX_AMOUNT_WAN });
        return NaN;
    }
  };
  const potentialAt = fields.potential!;
  const ourSalesAt = fields.ourSales!;
  const potentialUnit = units.potential;
  const ourSalesUnit = units.ourSales;
  const potentialMax = maxIn(potentialUnit);
  const ourSalesMax = maxIn(ourSalesUnit);

  let n = 0;
  const historyCount = products.length;
  const productAt = products.map((p) => p.index);
  const productUnit = products.map((p) => p.unit);
  const productMax = products.map((p) => maxIn(p.unit));
  // The owner cells as they are: their text is read after the loop (see below).
  const ownerCells: CellValue[] = new Array(capacity);
  const { row: rowOf, name: nameOf, cityRaw: cityRawOf, city: cityOf, industryRaw: industryRawOf, industry: industryCol, ownerId, regionId: regionIdOf, branch: branchOf } = cols;
  for (let r = headerIndex + 1; r < sheet.values.length; r++) {
    const cells = sheet.values[r];
    if (!cells || isBlankRow(cells, nameAt)) continue;
    if (isTotalsRow(cells, nameAt)) continue;
    const sheetRow = sheet.firstRow + r;

    let name = textAt(cells, nameAt);
    if (name.length > MAX_CELL_TEXT) name = fitted(name, sheetRow, 'name', nameAt);
    if (!name) {
      issue('missing-name', 'warning', sheetRow, 'name', fields.name);
      name = `#${sheetRow}`;
    }
    let cityRaw = textAt(cells, cityAt);
    if (cityRaw.length > MAX_CELL_TEXT) cityRaw = fitted(cityRaw, sheetRow, 'city', cityAt);
    const cityRawId = cityRawOf.idOf(cityRaw);
    // A city typed a new way is normalised once; its rows then share the answer by number.
    if (cityRawId === cityOfRaw.length) cityOfRaw.push(cityOf.idOf(clipCellText(normaliseCity(cityRaw))));
    const cityId = cityOfRaw[cityRawId];
    const city = cityOf.texts[cityId];
    if (!city) issue('missing-city', 'warning', sheetRow, 'city', fields.city);

    const potential = amount(cells, sheetRow, 'potential', potentialAt, potentialUnit, potentialMax);
    const ourSales = amount(cells, sheetRow, 'ourSales', ourSalesAt, ourSalesUnit, ourSalesMax);
    if (ourSales > potential) {
      issue('sales-above-potential', 'warning', sheetRow, 'ourSales', ourSalesAt, { potential, ourSales });
    }

    for (let p = 0; p < historyCount; p++) {
      const index = productAt[p];
      const unit = productUnit[p];
      const value = cells[index] ?? null;
      let wan = NaN;
      if (typeof value === 'number' && value >= 0 && value <= productMax[p]) wan = unit.toWan === 1 ? value : toWan(value, unit);
      else {
        const parsed = parseAmount(value, unit);
        if (parsed.kind === 'ok') wan = parsed.wan;
        else if (parsed.kind === 'too-large') issue('product-amount-too-large', 'warning', sheetRow, 'product', index, { product: products[p].name, text: parsed.text, max: MAX_AMOUNT_WAN });
        else if (parsed.kind !== 'missing') issue('invalid-product-amount', 'warning', sheetRow, 'product', index, { product: products[p].name });
      }
      if (wan === wan) cols.historyTotals[p] += wan; // NaN (blank) adds nothing
    }

    dupHashes[n] = duplicateHash(name, city);

    let regionRaw = textAt(cells, regionAt);
    if (regionRaw.length > MAX_CELL_TEXT) regionRaw = fitted(regionRaw, sheetRow, 'region', regionAt);
    let regionId = regionRaw ? regionOfText.get(regionRaw) : regionOfCity[cityId];
    if (regionId === undefined) {
      // NFKC in regionKey turns a shortened text's "…" into "...": cut the key again.
      if (regionRaw) regionOfText.set(regionRaw, (regionId = regions.idOf(clipCellText(regionKey(regionRaw)))));
      else regionOfCity[cityId] = regionId = regions.idOf(provinceOf(city) ?? city);
    }
    let industryRaw = textAt(cells, industryAt);
    if (industryRaw.length > MAX_CELL_TEXT) industryRaw = fitted(industryRaw, sheetRow, 'industry', industryAt);
    const industryRawId = industryRawOf.idOf(industryRaw);
    if (industryRawId === industryOfRaw.length) industryOfRaw.push(industryIndex.get(industryOf(industryRawOf.texts[industryRawId]))!);
    rowOf[n] = sheetRow;
    nameOf[n] = name;
    cityRawOf.setId(n, cityRawId);
    cityOf.setId(n, cityId);
    industryRawOf.setId(n, industryRawId);
    industryCol[n] = industryOfRaw[industryRawId];
    ownerCells[n] = ownerAt < 0 ? null : cells[ownerAt];
    regionIdOf[n] = regionId;
    if (branchAt >= 0) {
      const branch = textAt(cells, branchAt);
      branchOf.set(n, branch.length > MAX_CELL_TEXT ? fitted(branch, sheetRow, 'branch', branchAt) : branch);
    }
    cols.potential[n] = potential;
    cols.ourSales[n] = ourSales;
    n++;
  }
  // Owners read and interned after the loop: tens of thousands of owner names and their table
  // do not stay in cache while the loop streams through the sheet (600 ms for a million rows
  // inside the loop here, 150 ms after it).
  for (let i = 0; i < n; i++) {
    let owner = textOf(ownerCells[i]);
    if (owner.length > MAX_CELL_TEXT) {
      owner = fitted(owner, cols.row[i], 'owner', ownerAt);
      inSheetOrder = false;
    }
    ownerId[i] = owners.idOf(owner);
  }
  cols.owners = owners.texts;
  cols.regions = regions.texts;

  const duplicates = findDuplicates(dupHashes, n, (a, b) => cols.city.idAt(a) === cols.city.idAt(b) && nameKey(cols.name[a]) === nameKey(cols.name[b]));
  for (const [i, first] of duplicates) issue('duplicate-customer', 'warning', cols.row[i], 'name', fields.name, { firstRow: cols.row[first] });
  // Back in sheet order, each row's issues in the order they were found (the sort is stable).
  if (duplicates.size || !inSheetOrder) issues.sort((a, b) => a.row! - b.row!);
  return { columns: trimColumns(cols, n), issues };
}
