/**
 * Issue 9, item 3: a full sheet (1,048,575 customers under a header, Excel's last row) is planned
 * and rendered without a stack overflow, and so is a sheet where every row has an issue. Before,
 * rows.push(...body) in tableSheet threw "Maximum call stack size exceeded" past ~125,000 rows,
 * and 140,000 issues crashed while building the issues sheet.
 *
 * The input shares its strings between rows where it can (cities, industries, owners), so the
 * test stays near 2 GB of memory at most.
 */
import { CLASS_OF_CODE } from '../../src/engine/classify';
import { plan } from '../../src/engine/plan';
import { defaultSettings } from '../../src/engine/settings';
import type { CellValue, SheetData } from '../../src/engine/types';
import { SHEET_NAMES } from '../../src/i18n/render';
import { renderPlan } from '../../src/render';
import { MAX_ISSUE_ROWS } from '../../src/render/issuesSheet';
import type { SpecCell } from '../../src/spec/write';
import { tableSheet } from '../../src/render/tableSheet';
import { cellValue } from './helpers';

jest.setTimeout(600_000);

const LAST_ROW = 1_048_576;
const CUSTOMERS = LAST_ROW - 1;
const HEAD = ['客户名称', '城市', '行业', '客户年市场销售额', '公司销售额', '销售人员', '省份'];
const CITIES = ['北京', '上海', '西安', '淄博', '深圳', '南京', '乌鲁木齐'];
const INDUSTRIES = ['银行', '高校', '石化', '制造', '政府', '网吧'];
const OWNERS = Array.from({ length: 500 }, (_, i) => `销售${i}`);

/** A sheet filling every row of Excel: one in six customers is A (about 175,000 named accounts). */
function fullSheet(potentialOf: (i: number) => CellValue): SheetData {
  const values: CellValue[][] = new Array(LAST_ROW);
  values[0] = HEAD;
  for (let i = 1; i < LAST_ROW; i++) {
    values[i] = [`客户${i}`, CITIES[i % CITIES.length], INDUSTRIES[i % INDUSTRIES.length], potentialOf(i), i % 6 === 0 ? 600 : i % 40, OWNERS[i % OWNERS.length], null];
  }
  return { name: '客户', values, firstRow: 1, firstColumn: 1 };
}

const textOf = (c: SpecCell | undefined) => String(cellValue(c) ?? '');

describe('plans as large as a sheet', () => {
  it('renders a table body of 200,000 rows (more than a spread fits on the stack)', () => {
    const body: SpecCell[][] = Array.from({ length: 200_000 }, (_, i) => [{ kind: 'text', text: `r${i}` }]);
    const spec = tableSheet({ name: 't', title: 'T', notes: [], headers: ['h'], body, after: [[{ kind: 'text', text: 'end' }]] });
    expect(spec.rows).toHaveLength(2 + 200_000 + 2);
    expect(textOf(spec.rows[2][0])).toBe('r0');
    expect(textOf(spec.rows.at(-1)![0])).toBe('end');
  });

  it('plans and renders 1,048,575 customers: tag columns down to row 1,048,576 and a By customer sheet of every A customer', () => {
    const sheet = fullSheet((i) => (i % 6 === 0 ? 1000 : i % 90));
    const settings = defaultSettings();
    const result = plan(sheet, settings, { growthPct: 10 });
    expect(result.ok).toBe(true);
    expect(result.customerColumns.count).toBe(CUSTOMERS);
    const write = renderPlan(result, settings, { sheetNames: [sheet.name], names: [], proof: [], customerSheet: sheet });

    const tags = write.columns.at(-1)!;
    expect(tags.firstRow).toBe(1);
    expect(tags.cells).toHaveLength(LAST_ROW);
    // The last row's class, as the engine has it (read from its columns: no million customer objects).
    expect(cellValue(tags.cells[LAST_ROW - 1][4])).toBe(CLASS_OF_CODE[result.customerColumns.classCode[CUSTOMERS - 1]]);
    expect(cellValue(tags.cells[LAST_ROW - 1][4])).not.toBe('');

    const byCustomer = write.addSheets.find((s) => s.name === SHEET_NAMES.zh.customers)!;
    const aCount = result.tables.byCustomer.lines.length;
    expect(aCount).toBeGreaterThan(150_000);
    // Title, note(s), header, one row per A customer, the total row.
    const headerAt = byCustomer.rows.findIndex((r) => r.length > 5);
    expect(byCustomer.rows.length).toBe(headerAt + 1 + aCount + 1);
    // The company target ties out in whole units.
    expect(result.tables.summary.total.target).toBe(result.target.company);
  });

  it('plans and renders a sheet where all 1,048,575 rows have an issue: the issues sheet lists the first 100,000 and says how many more', () => {
    const sheet = fullSheet(() => null); // every potential blank
    const settings = defaultSettings();
    const result = plan(sheet, settings);
    expect(result.ok).toBe(true);
    expect(result.issues).toHaveLength(CUSTOMERS);
    const write = renderPlan(result, settings, { sheetNames: [sheet.name], names: [], proof: [], customerSheet: sheet });

    const issues = write.addSheets.find((s) => s.name === SHEET_NAMES.zh.issues)!;
    const texts = issues.rows.map((r) => textOf(r[0]));
    const cutLine = `共 1,048,575 个问题，此表只列出前 100,000 个（错误在前，按行排列），另有 948,575 个未列出。这么多问题通常出自同一原因（如列对应错了、整列为空或单位不对）：请先改正上面的问题，再重新计划。`;
    // Said above the table and again below it.
    expect(texts.slice(0, 4)).toContain(cutLine);
    expect(texts.at(-1)).toBe(cutLine);
    const listed = issues.rows.filter((r) => textOf(r[0]) === '客户');
    expect(listed).toHaveLength(MAX_ISSUE_ROWS);
    expect(cellValue(listed[0][1])).toBe(2);
    expect(cellValue(listed.at(-1)![1])).toBe(MAX_ISSUE_ROWS + 1);
    // The summary counts every issue, not only those listed.
    const summary = write.addSheets.find((s) => s.name === SHEET_NAMES.zh.summary)!;
    expect(summary.rows.some((r) => r.some((c) => cellValue(c) === CUSTOMERS))).toBe(true);
  });

  it('in English, says the same', () => {
    const sheet: SheetData = { name: 'Customers', values: [['Customer', 'City', 'Potential', 'Our sales']], firstRow: 1, firstColumn: 1 };
    for (let i = 0; i < MAX_ISSUE_ROWS + 5; i++) sheet.values.push([`c${i}`, 'Beijing', null, 1]);
    const result = plan(sheet, defaultSettings());
    const write = renderPlan(result, defaultSettings(), { sheetNames: [sheet.name], names: [], proof: [], customerSheet: sheet });
    const issues = write.addSheets.find((s) => s.name === SHEET_NAMES.en.issues)!;
    expect(textOf(issues.rows.at(-1)![0])).toBe(
      '100,005 issues in all: this sheet lists the first 100,000 (errors first, by row); 5 more are not listed. So many issues usually have one cause (a column mapped wrongly, a blank column, a wrong unit): fix the ones above, then plan again.',
    );
  });
});
