/**
 * Finding the header row of a customer sheet and mapping its columns to the fields the engine
 * understands. Sheets come as people make them: a title above, a merged banner, blank rows,
 * a 单位 note, Chinese or English headers, full-width characters, units in the header.
 */
import { DEFAULT_UNIT, splitHeaderUnit, unitFromHeader } from './amounts';
import type { AmountField, AmountUnit, CellValue, ColumnMapping, Field, ProductColumn } from './types';
import { FIELDS } from './types';

export const REQUIRED_FIELDS: readonly Field[] = ['name', 'city', 'potential', 'ourSales'];
export const OPTIONAL_FIELDS: readonly Field[] = ['industry', 'owner', 'region', 'branch'];
const AMOUNT_FIELDS: readonly AmountField[] = ['potential', 'ourSales'];

export interface MappingReport {
  mapping: ColumnMapping;
  mapped: { field: Field; index: number; header: string }[];
  /** Columns with a header that is neither a field nor a product. */
  unmapped: { index: number; header: string }[];
  /** Required fields (name, city, potential, ourSales) that no column supplies. */
  missing: Field[];
  /** Optional fields (industry, owner, region, branch) that no column supplies. */
  optionalMissing: Field[];
  /** Overrides that point at no column (index out of range, header not found); detection was used instead. */
  badOverrides: Field[];
  /** Overrides that point at a column an earlier field's override already took (potential and our sales on one column). */
  clashingOverrides: { field: Field; other: Field; index: number }[];
}

export type HeaderOverride = Partial<Record<Field, number | string>>;

export interface MapOptions {
  /**
   * The unit of a sheet-wide note ("单位：元" above the table, see findUnitNote); it applies
   * to amount and product columns whose header writes no unit.
   */
  noteUnit?: AmountUnit;
}

// ---------------------------------------------------------------------------------------------
// Header names

/** Exact names per field; compared after headerKey() (lower-case, no spaces, no units). */
const SYNONYMS: Record<Field, readonly string[]> = {
  name: [
    '客户名称', '客户', '客户名', '客户全称', '单位名称', '公司名称', '企业名称',
    'Customer', 'Customer name', 'Account', 'Account name', 'Client', 'Client name',
  ],
  city: ['城市', '所在城市', '所在地', '城市名称', 'City'],
  industry: ['行业', '所属行业', '行业类别', '行业分类', 'Industry', 'Sector', 'Vertical'],
  potential: [
    '客户年市场销售额', '年市场销售额', '市场销售额', '市场潜力', '年采购潜力', '采购潜力', '购买潜力',
    '客户购买潜力', '市场规模', 'Potential', 'Market potential', 'Annual spend', 'Market spend',
  ],
  ourSales: [
    '公司销售额', '本公司销售额', '我司销售额', '我公司销售额', '本年销售额', '销售额',
    'Our sales', 'Company sales', 'Sales', 'Revenue',
  ],
  owner: [
    '销售人员', '客户经理', '销售', '负责人', '销售代表', 'Owner', 'Sales rep', 'Salesperson',
    'Account manager', 'AM',
  ],
  region: ['省份', '区域', '地区', '省', '大区', 'Region', 'Province', 'Area'],
  branch: ['分公司', '分支机构', 'Branch', 'Office'],
};

/**
 * Contains-rules, tried in this order when no exact name matches. The order settles overlaps:
 * people columns ("区域经理", "Sales rep") before places and amounts; potential (市场/潜力)
 * before our sales, which also refuses anything about the market, targets or shares.
 */
const RULES: readonly { field: Field; has: RegExp; not?: RegExp }[] = [
  {
    field: 'owner',
    has: /销售人员|销售代表|销售员|业务员|客户经理|负责人|经理|owner|salesperson|salesrep|salesman|saleswoman|accountmanager|accountexecutive|manager/,
  },
  { field: 'city', has: /城市|city/, not: /级别|等级|层级|分级|分类|类别|类型|tier|level|type|class|grade/ },
  { field: 'industry', has: /行业|industry|sector|vertical/, not: /目标|target|占比|share/ },
  { field: 'branch', has: /分公司|分支|branch|office/ },
  { field: 'region', has: /省份|区域|地区|大区|片区|region|province|area|territory/ },
  {
    field: 'potential',
    has: /潜力|potential|spend|市场(销售|规模|容量|总额|金额)|market(sales|size|value)|采购额|采购金额|年采购|购买力|wallet/,
    not: /目标|target|占有率|份额|share|比例|%/,
  },
  {
    field: 'ourSales',
    has: /销售额|销售收入|销售金额|sales|revenue|营收|收入|业绩|签约额|合同额|成交额|开票额/,
    not: /市场|潜力|potential|market|目标|target|占有率|份额|share|比例|率|%|增长|growth|计划|plan|预测|forecast/,
  },
  {
    field: 'name',
    has: /(客户|单位|公司|企业|机构|用户)(全称|名称|名字|简称)|(customer|client|account|company)(full)?name/,
  },
];

const PRODUCT_PREFIX = /^(产品|product)/;
/** Product-ish headers that are not a product's amount: targets, shares, the product line. */
const NOT_PRODUCT = /目标|target|占比|比例|share|%|率|经理|manager|负责|类|线|type|line|category|名称|name|描述|desc/;
/** A trailing "销售额"/"sales" is not part of a product's name: "产品1销售额" is product "产品1". */
const PRODUCT_SUFFIX = /[\s:_\-–]*(销售额|销售收入|销售金额|销售|收入|金额|sales|revenue|amount)?[\s:_\-–]*$/i;
// Notes in brackets ("(必填)") and separators do not change what a header names.
const ANY_BRACKET_RE = /[(\[【〔{<][^()\[\]【】〔〕{}<>]*[)\]】〕}>]/g;
const NOISE_RE = /[\s_*:;,.。·、#\-–—'"]+/g;

function toText(cell: CellValue | undefined): string {
  if (cell === null || cell === undefined) return '';
  return typeof cell === 'string' ? cell.trim() : String(cell);
}

/** The comparable form of a header: NFKC, lower-case, no unit, no bracketed notes, no spaces. */
export function headerKey(header: string): string {
  return splitHeaderUnit(header).text.replace(ANY_BRACKET_RE, '').toLowerCase().replace(NOISE_RE, '');
}

const EXACT = new Map<string, Field>();
for (const field of FIELDS) {
  for (const synonym of SYNONYMS[field]) EXACT.set(headerKey(synonym), field);
}

/** What one header names: a field (exactly or by a contained word), a product, or nothing. */
export type HeaderMatch =
  | { kind: 'field'; field: Field; exact: boolean }
  | { kind: 'product'; name: string; unit?: AmountUnit };

export function matchHeader(header: CellValue): HeaderMatch | undefined {
  if (typeof header !== 'string') return undefined; // numbers and booleans are data, not headers
  const key = headerKey(header);
  if (key === '') return undefined;

  const exact = EXACT.get(key);
  if (exact) return { kind: 'field', field: exact, exact: true };

  if (PRODUCT_PREFIX.test(key) && !NOT_PRODUCT.test(key)) {
    const { text, unit } = splitHeaderUnit(header);
    // Bracketed notes ("(必填)") are not part of the name either.
    const name = text.replace(ANY_BRACKET_RE, '').trim().replace(PRODUCT_SUFFIX, '');
    // "产品销售额" alone is a total, not a product: the name must say more than "产品".
    if (headerKey(name).replace(PRODUCT_PREFIX, '') !== '') {
      return unit ? { kind: 'product', name, unit } : { kind: 'product', name };
    }
  }

  for (const rule of RULES) {
    if (rule.has.test(key) && !(rule.not && rule.not.test(key))) {
      return { kind: 'field', field: rule.field, exact: false };
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Header row

const CORE_FIELDS = new Set<Field>(['name', 'city', 'potential', 'ourSales']);

/**
 * The 0-based index of the header row among the first maxScan rows: the row naming the most
 * fields (exact names count double), with at least 2 fields of which one is name, city,
 * potential or ourSales. Titles, banners, blank rows and 单位 notes above it name at most one
 * field, so they never win. Ties go to the upper row. Undefined when no row qualifies.
 */
export function findHeaderRow(values: CellValue[][], maxScan = 30): number | undefined {
  let best: number | undefined;
  let bestScore = 0;
  const last = Math.min(values.length, maxScan);
  for (let r = 0; r < last; r++) {
    const row = values[r];
    if (!row) continue;
    const seen = new Map<Field, boolean>(); // field → matched exactly somewhere in the row
    for (const cell of row) {
      const m = matchHeader(cell);
      if (m?.kind === 'field') seen.set(m.field, (seen.get(m.field) ?? false) || m.exact);
    }
    if (seen.size < 2) continue;
    let core = false;
    let score = 0;
    for (const [field, exact] of seen) {
      if (CORE_FIELDS.has(field)) core = true;
      score += exact ? 2 : 1;
    }
    if (core && score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The unit of a sheet-wide note above the header ("单位：万元", "金额单位：元"), the nearest one
 * to the header winning. Only cells that say 单位/unit count: a title's "(万元)" is too vague.
 */
export function findUnitNote(values: CellValue[][], headerRowIndex: number): AmountUnit | undefined {
  for (let r = Math.min(headerRowIndex, values.length) - 1; r >= 0; r--) {
    for (const cell of values[r] ?? []) {
      if (typeof cell !== 'string' || !/单位|unit/i.test(cell)) continue;
      const u = unitFromHeader(cell);
      if (u) return u;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Column mapping

function resolveOverride(value: number | string, headers: readonly string[]): number | undefined {
  if (typeof value === 'number') {
    // A column past the last header is allowed: its header cell may just be blank.
    return Number.isInteger(value) && value >= 0 && value < 16384 ? value : undefined;
  }
  const wanted = value.trim();
  if (wanted === '') return undefined;
  const exact = headers.indexOf(wanted);
  if (exact >= 0) return exact;
  const key = headerKey(wanted);
  if (key === '') return undefined;
  const i = headers.findIndex((h) => headerKey(h) === key);
  return i >= 0 ? i : undefined;
}

/**
 * Maps a header row to fields and product columns. Exact names win over contained words, the
 * first best column wins, and each column serves one field. An override (field → 0-based
 * index or header text) wins over detection and takes its column away from detection.
 * Product columns are headers starting with 产品/Product; their unit is their own, else the
 * note's, else our-sales column's, else 万元.
 */
export function mapColumns(
  headerRow: CellValue[],
  override?: HeaderOverride,
  options: MapOptions = {},
): MappingReport {
  const headers = headerRow.map(toText);
  const fields: Partial<Record<Field, number>> = {};
  const taken = new Set<number>();
  const badOverrides: Field[] = [];
  const clashingOverrides: MappingReport['clashingOverrides'] = [];

  if (override) {
    for (const field of FIELDS) {
      const value = override[field];
      if (value === undefined) continue;
      const index = resolveOverride(value, headers);
      if (index === undefined) {
        badOverrides.push(field);
        continue;
      }
      if (taken.has(index)) {
        // One column cannot be two fields: the earlier field keeps it, this one is detected.
        clashingOverrides.push({ field, other: FIELDS.find((f) => fields[f] === index)!, index });
        continue;
      }
      fields[field] = index;
      taken.add(index);
    }
  }

  const matches = headerRow.map((cell) => matchHeader(cell));
  for (const field of FIELDS) {
    if (fields[field] !== undefined) continue;
    let contains: number | undefined;
    let found: number | undefined;
    for (let i = 0; i < matches.length; i++) {
      const m = matches[i];
      if (m?.kind !== 'field' || m.field !== field || taken.has(i)) continue;
      if (m.exact) {
        found = i;
        break;
      }
      if (contains === undefined) contains = i;
    }
    found ??= contains;
    if (found !== undefined) {
      fields[field] = found;
      taken.add(found);
    }
  }

  const units: Partial<Record<AmountField, AmountUnit>> = {};
  for (const field of AMOUNT_FIELDS) {
    const index = fields[field];
    if (index === undefined) continue;
    const u = unitFromHeader(headers[index] ?? '') ?? options.noteUnit;
    if (u) units[field] = u;
  }

  const productDefault = options.noteUnit ?? units.ourSales ?? DEFAULT_UNIT;
  const products: ProductColumn[] = [];
  const unmapped: { index: number; header: string }[] = [];
  for (let i = 0; i < matches.length; i++) {
    if (taken.has(i)) continue;
    const m = matches[i];
    if (m?.kind === 'product') {
      products.push({ name: m.name, index: i, unit: m.unit ?? productDefault });
    } else if (headers[i] !== '') {
      unmapped.push({ index: i, header: headers[i] });
    }
  }

  const mapped: MappingReport['mapped'] = [];
  for (const field of FIELDS) {
    const index = fields[field];
    if (index !== undefined) mapped.push({ field, index, header: headers[index] ?? '' });
  }

  return {
    mapping: { fields, units, products },
    mapped,
    unmapped,
    missing: REQUIRED_FIELDS.filter((f) => fields[f] === undefined),
    optionalMissing: OPTIONAL_FIELDS.filter((f) => fields[f] === undefined),
    badOverrides,
    clashingOverrides,
  };
}
