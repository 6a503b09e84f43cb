/**
 * Shared shapes of the planning engine. Pure data: nothing here knows Office, React or files.
 * All amounts are in 万元 (10,000 CNY).
 */

/**
 * A cell value as every host reads it: Office.js `Range.values` and the .xlsx reader agree.
 * Error cells arrive as their text (`"#N/A"`, `"#DIV/0!"`); empty cells as `null` or `""`.
 */
export type CellValue = string | number | boolean | null;

/** A block of cells read from one sheet, with where it starts on the sheet (1-based). */
export interface SheetData {
  name: string;
  values: CellValue[][];
  /** Sheet row number of values[0] (1-based). */
  firstRow: number;
  /** Sheet column number of values[r][0] (1-based: A = 1). */
  firstColumn: number;
}

export type CustomerClass = 'A' | 'B' | 'C';
export const CLASSES: readonly CustomerClass[] = ['A', 'B', 'C'];

/** How a class is covered: A our direct team, B us with partners, C through partners. */
export type Coverage = 'direct' | 'joint' | 'partner';

/** The potential × share matrix's four ways to manage a customer. */
export type MatrixMode = 'direct' | 'direct-reseller' | 'problem' | 'reseller';

/** The columns the engine understands; products are mapped separately. */
export type Field = 'name' | 'city' | 'industry' | 'potential' | 'ourSales' | 'owner' | 'region' | 'branch';
export const FIELDS: readonly Field[] = ['name', 'city', 'industry', 'potential', 'ourSales', 'owner', 'region', 'branch'];

/** Amount fields: read with units and converted to 万元. */
export type AmountField = 'potential' | 'ourSales';

/** A unit an amount can be written in; the factor converts it to 万元. */
export interface AmountUnit {
  /** Canonical label: "元", "万元", "亿元", "千元", "k", "m". */
  label: string;
  /** Multiply a value in this unit by toWan to get 万元. */
  toWan: number;
}

/** A mapped product column: its header text (the product name) and where it is. */
export interface ProductColumn {
  name: string;
  /** 0-based index into the row arrays of SheetData.values. */
  index: number;
  unit: AmountUnit;
}

/** Where each understood column sits (0-based indexes into SheetData.values rows). */
export interface ColumnMapping {
  fields: Partial<Record<Field, number>>;
  /** Units read from the amount columns' headers; absent means "no unit in the header". */
  units: Partial<Record<AmountField, AmountUnit>>;
  products: ProductColumn[];
}

/** Message keys for row and sheet issues; i18n turns them into words. */
export type IssueKey =
  | 'no-header'
  | 'missing-column'
  | 'missing-name'
  | 'missing-amount'
  | 'marked-missing-amount'
  | 'invalid-amount'
  | 'negative-amount'
  | 'missing-city'
  | 'duplicate-customer'
  | 'sales-above-potential'
  | 'invalid-product-amount'
  | 'amount-too-large'
  | 'product-amount-too-large'
  | 'text-too-long'
  | 'bad-column-override'
  | 'too-many-products'
  | 'mix-length-mismatch'
  | 'target-far-from-sales'
  | 'target-in-yuan'
  | 'growth-out-of-range'
  | 'target-too-small';

export type IssueSeverity = 'error' | 'warning';

/** One problem found in the input, pointing at the cell a planner should look at. */
export interface Issue {
  key: IssueKey;
  severity: IssueSeverity;
  sheet: string;
  /** Sheet row number (1-based), when the issue belongs to a row. */
  row?: number;
  /** Column letter on the sheet ("D"), when the issue belongs to a cell. */
  column?: string;
  field?: Field | 'product';
  /** Values the message needs: the text found, the other row of a duplicate, … */
  params: Record<string, string | number>;
}
