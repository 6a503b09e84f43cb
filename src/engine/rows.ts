/**
 * Customer rows out of a sheet's cell values: amounts in 万元, canonical cities, industry
 * groups and regions, with an issue for every cell a planner should look at.
 */
import { parseAmount } from './amounts';
import { normaliseCity, provinceOf } from './cities';
import { columnLetter } from './a1';
import { industryMatcher } from './industries';
import type { IndustryGroup, Settings } from './settings';
import type { AmountField, CellValue, ColumnMapping, Field, Issue, IssueKey, SheetData } from './types';

export interface CustomerRecord {
  /** Sheet row number (1-based). */
  row: number;
  name: string;
  /** As typed, trimmed. */
  cityRaw: string;
  /** Canonical city ("北京"), "" when none was given. */
  city: string;
  industryRaw: string;
  industry: IndustryGroup;
  owner: string;
  /** From the region column, else the city's province, else the city. */
  region: string;
  branch: string;
  /** 万元; null when missing or unreadable (the row then gets no class). */
  potential: number | null;
  ourSales: number | null;
  /** Historic sales per mapped product column, 万元 (null where blank or unreadable). */
  productHistory: (number | null)[];
}

const TOTAL_WORDS = new Set(['合计', '小计', '总计', '总合计', '累计', 'total', 'subtotal', 'sub-total', 'grandtotal', 'totals', 'sum']);

const cellText = (v: CellValue | undefined): string => (v === null || v === undefined ? '' : typeof v === 'string' ? v.trim() : String(v));

const isBlankCell = (v: CellValue | undefined) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** A totals row says so in its first text cells: 合计, 小计, 总计, Total, Grand total… */
function isTotalsRow(row: CellValue[], nameIndex: number | undefined): boolean {
  const candidates: CellValue[] = [];
  if (nameIndex !== undefined) candidates.push(row[nameIndex]);
  for (let i = 0; i < row.length && candidates.length < 3; i++) if (!isBlankCell(row[i])) candidates.push(row[i]);
  return candidates.some((v) => typeof v === 'string' && TOTAL_WORDS.has(v.normalize('NFKC').toLowerCase().replace(/[\s:：]/g, '')));
}

/** "广东省" and "广东" are one region; so are "Guangdong Province" and "Guangdong". */
export function regionKey(raw: string): string {
  const text = raw.normalize('NFKC').trim().replace(/\s+/g, ' ');
  return text
    .replace(/(维吾尔自治区|壮族自治区|回族自治区|自治区|特别行政区|省|市)$/u, '')
    .replace(/\s+(province|city)$/i, '');
}

export interface ReadRowsResult {
  customers: CustomerRecord[];
  issues: Issue[];
}

/**
 * Reads every customer row below the header. Blank rows and totals rows are skipped. Rows whose
 * amounts are missing or invalid are kept (the planner sees them) with an error issue.
 */
export function readCustomerRows(sheet: SheetData, headerIndex: number, mapping: ColumnMapping, settings: Settings): ReadRowsResult {
  const { fields, units, products } = mapping;
  const issues: Issue[] = [];
  const customers: CustomerRecord[] = [];
  const industryOf = industryMatcher(settings.industries);
  const letter = (index: number) => columnLetter(sheet.firstColumn + index);
  const issue = (key: IssueKey, severity: Issue['severity'], row: number, field: Field | 'product' | undefined, index: number | undefined, params: Issue['params'] = {}) =>
    issues.push({ key, severity, sheet: sheet.name, row, column: index === undefined ? undefined : letter(index), field, params });
  const seen = new Map<string, number>();
  const regionCache = new Map<string, string>();
  const get = (row: CellValue[], f: Field) => (fields[f] === undefined ? '' : cellText(row[fields[f]!]));

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

    const amount = (field: AmountField): number | null => {
      const index = fields[field];
      const parsed = parseAmount(index === undefined ? null : cells[index] ?? null, units[field]);
      switch (parsed.kind) {
        case 'ok':
          return parsed.wan;
        case 'missing':
          issue('missing-amount', 'error', sheetRow, field, index);
          return null;
        case 'negative':
          issue('negative-amount', 'error', sheetRow, field, index, { value: parsed.wan });
          return null;
        case 'invalid':
          issue('invalid-amount', 'error', sheetRow, field, index, { text: parsed.text });
          return null;
      }
    };
    const potential = amount('potential');
    const ourSales = amount('ourSales');
    if (potential !== null && ourSales !== null && ourSales > potential) {
      issue('sales-above-potential', 'warning', sheetRow, 'ourSales', fields.ourSales, { potential, ourSales });
    }

    const productHistory = products.map((p) => {
      const parsed = parseAmount(cells[p.index] ?? null, p.unit);
      if (parsed.kind === 'ok') return parsed.wan;
      if (parsed.kind !== 'missing') issue('invalid-product-amount', 'warning', sheetRow, 'product', p.index, { product: p.name });
      return null;
    });

    const duplicateKey = `${name.normalize('NFKC').toLowerCase().replace(/\s+/g, '')}\u0000${city}`;
    const firstRow = seen.get(duplicateKey);
    if (firstRow !== undefined) issue('duplicate-customer', 'warning', sheetRow, 'name', fields.name, { firstRow });
    else seen.set(duplicateKey, sheetRow);

    const regionRaw = get(cells, 'region');
    let region = regionCache.get(regionRaw + '\u0000' + city);
    if (region === undefined) {
      region = regionRaw ? regionKey(regionRaw) : (provinceOf(city) ?? city);
      regionCache.set(regionRaw + '\u0000' + city, region);
    }
    const industryRaw = get(cells, 'industry');
    customers.push({
      row: sheetRow,
      name,
      cityRaw,
      city,
      industryRaw,
      industry: industryOf(industryRaw),
      owner: get(cells, 'owner'),
      region,
      branch: get(cells, 'branch'),
      potential,
      ourSales,
      productHistory,
    });
  }
  return { customers, issues };
}
