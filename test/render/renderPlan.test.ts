import { columnLetter, columnNumber } from '../../src/engine/a1';
import { plan } from '../../src/engine/plan';
import { defaultSettings } from '../../src/engine/settings';
import type { CellValue, SheetData } from '../../src/engine/types';
import { SHEET_NAMES, TAG_COLUMNS, TAG_HEADERS } from '../../src/i18n/render';
import { TAG_MARKER, parseRef, renderPlan, withoutTagColumns } from '../../src/render';
import type { ExistingWorkbook } from '../../src/render';
import { textWidth } from '../../src/render/sizing';
import type { SpecCell, WorkbookWrite } from '../../src/spec/write';
import { makeCustomerSheet } from '../fixtures/customers';
import { FIVE_TIERS, fiveTierSettings } from '../fixtures/fiveTiers';
import { MODE_LABELS } from '../../src/i18n/engine';
import { classFormula, coverageFormula, modeFormula, tierFormula } from '../../src/render/tagFormulas';
import { cellValue, formulaText } from './helpers';

const settings = defaultSettings();

function sheetOf(values: CellValue[][], name = '客户'): SheetData {
  return { name, values, firstRow: 1, firstColumn: 1 };
}

const SMALL: CellValue[][] = [
  ['2025 客户清单（单位：万元）'],
  ['客户名称', '城市', '行业', '客户年市场销售额（万元）', '公司销售额（万元）', '销售人员', '备注'],
  ['北京银行', '北京', '银行', 800, 300, '张三', null],
  ['西安交大', '陕西省西安市', '大学', '350万', 120, '李四', 'x'],
  [null, null, null, null, null, null, null],
  ['坏数据', '上海', '企业', '待定', 10, '张三', null],
  ['合计', null, null, 1150, 430, null, null],
];

/** The sheet as a host would read it after the write: the block's values laid over the user's. */
function afterWrite(sheet: SheetData, write: WorkbookWrite): SheetData {
  const values = sheet.values.map((r) => [...r]);
  for (const b of write.columns) {
    if (b.sheet !== sheet.name) continue;
    b.cells.forEach((row, i) => {
      const r = b.firstRow - sheet.firstRow + i;
      while (values.length <= r) values.push([]);
      row.forEach((cell, j) => {
        const c = b.firstColumn - sheet.firstColumn + j;
        while (values[r].length <= c) values[r].push(null);
        values[r][c] = cellValue(cell);
      });
    });
  }
  return { ...sheet, values };
}

function existingAfter(sheet: SheetData, write: WorkbookWrite, userSheets: string[]): ExistingWorkbook {
  return {
    sheetNames: [...userSheets, ...write.addSheets.map((s) => s.name)],
    names: write.addNames,
    // What a host reads of the generated sheets to prove them ours (their titles and notes).
    proof: write.addSheets.map((s) => ({ name: s.name, values: s.rows.map((r) => r.map(cellValue)), firstRow: 1, firstColumn: 1 })),
    customerSheet: afterWrite(sheet, write),
  };
}

function render(sheet: SheetData, existing: Partial<ExistingWorkbook> = {}) {
  const planned = plan(withoutTagColumns(sheet, existing.names ?? []), settings);
  const write = renderPlan(planned, settings, { sheetNames: [sheet.name], names: [], proof: [], customerSheet: sheet, ...existing });
  return { planned, write };
}

const allCells = (write: WorkbookWrite): SpecCell[] => [...write.addSheets.flatMap((s) => s.rows.flat()), ...write.columns.flatMap((b) => b.cells.flat())];

describe('renderPlan', () => {
  test('first plan: our sheets after the user\'s, tag columns in the first empty column, names and markers', () => {
    const sheet = sheetOf(SMALL);
    const { write } = render(sheet, { sheetNames: ['说明', '客户'] });
    expect(write.removeSheets).toEqual([]);
    expect(write.removeNames).toEqual([]);
    expect(write.addSheets.map((s) => s.name)).toEqual(['ABC 汇总', 'ABC 按客户', 'ABC 按行业', 'ABC 按地区', 'ABC 按销售', 'ABC 问题', 'ABC 设置']);
    const [block] = write.columns;
    expect(block).toMatchObject({ sheet: '客户', firstRow: 2, firstColumn: 8 }); // H: after 备注 in G
    expect(block.cells[0].map((c) => cellValue(c))).toEqual(TAG_COLUMNS.map((t) => TAG_HEADERS.zh[t]));
    expect(block.cells).toHaveLength(5); // header row to the last customer row (6)
    expect(block.cells[3].every((c) => c === null)).toBe(true); // the blank row 5
    const names = new Map(write.addNames.map((n) => [n.name, n]));
    expect(parseRef(names.get(TAG_MARKER)!.ref)).toEqual({ sheet: '客户', firstRow: 2, lastRow: 6, firstColumn: 8, lastColumn: 14 });
    for (const marker of ['ABC_Sheet_Settings', 'ABC_Sheet_Summary', 'ABC_Sheet_Customers', 'ABC_Sheet_Industries', 'ABC_Sheet_Regions', 'ABC_Sheet_Salespeople', 'ABC_Sheet_Issues', TAG_MARKER]) {
      expect(names.get(marker)).toMatchObject({ hidden: true });
    }
    expect(names.get('ABC_Thresholds')?.hidden).toBeUndefined();
  });

  test('cached values are the engine\'s tags; the helpers carry what formulas cannot read', () => {
    const sheet = sheetOf(SMALL);
    const { write, planned } = render(sheet);
    const [block] = write.columns;
    const row = (r: number) => Object.fromEntries(TAG_COLUMNS.map((t, j) => [t, cellValue(block.cells[r - block.firstRow][j])]));
    // 300 ÷ 800 and 120 ÷ 350 are below the 40% share split: big potential not yet won.
    expect(row(3)).toEqual({ city: '北京', potential: 800, ourSales: 300, tier: 1, class: 'A', coverage: '公司直接覆盖', mode: '问题管理' });
    expect(row(4)).toEqual({ city: '西安', potential: 350, ourSales: 120, tier: 2, class: 'A', coverage: '公司直接覆盖', mode: '问题管理' });
    expect(row(6)).toEqual({ city: '上海', potential: '', ourSales: 10, tier: 1, class: '', coverage: '', mode: '' });
    const cellOf = (r: number, t: (typeof TAG_COLUMNS)[number]) => block.cells[r - block.firstRow][TAG_COLUMNS.indexOf(t)];
    const formulaOf = (r: number, t: (typeof TAG_COLUMNS)[number]) => formulaText(cellOf(r, t), r);
    expect(formulaOf(3, 'city')).toBe('TRIM(B3)');
    expect(formulaOf(4, 'city')).toBe('IF(B4="陕西省西安市","西安",TRIM(B4))');
    expect(formulaOf(4, 'potential')).toBe('IF(ISLOGICAL(D4),"",IF(ISNUMBER(D4),IF(D4<0,"",IF(D4>100000000,"",D4)),IF(D4="350万",350,"")))');
    expect(formulaOf(3, 'potential')).toBe('IF(ISLOGICAL(D3),"",IF(ISNUMBER(D3),IF(D3<0,"",IF(D3>100000000,"",D3)),""))');
    // Plain rows are one fill-down per column (its formula written for the first customer row);
    // the rows whose helper must say more are formulas of their own.
    expect(cellOf(3, 'city')).toMatchObject({ kind: 'fill', fill: { formula: 'TRIM(B3)', row: 3 } });
    expect(cellOf(6, 'city')).toMatchObject({ kind: 'fill', fill: { formula: 'TRIM(B3)', row: 3 } });
    expect(cellOf(4, 'city')).toMatchObject({ kind: 'formula' });
    expect(cellOf(4, 'potential')).toMatchObject({ kind: 'formula' });
    expect(cellOf(4, 'ourSales')).toMatchObject({ kind: 'fill', fill: { formula: 'IF(ISLOGICAL(E3),"",IF(ISNUMBER(E3),IF(E3<0,"",IF(E3>100000000,"",E3)),""))', row: 3 } });
    expect(formulaOf(6, 'ourSales')).toBe('IF(ISLOGICAL(E6),"",IF(ISNUMBER(E6),IF(E6<0,"",IF(E6>100000000,"",E6)),""))');
    expect(planned.customers).toHaveLength(3);
  });

  test('the tag formulas are true fill-downs: each row\'s is the formula built for that row', () => {
    const sheet = makeCustomerSheet({ count: 400, seed: 11, language: 'zh', messy: true, products: 0 });
    const planned = plan(sheet, settings);
    const write = renderPlan(planned, settings, { sheetNames: [sheet.name], names: [], proof: [], customerSheet: sheet });
    const [block] = write.columns;
    const letter = (t: (typeof TAG_COLUMNS)[number]) => columnLetter(block.firstColumn + TAG_COLUMNS.indexOf(t));
    const labels = MODE_LABELS.zh;
    const fills = new Map<string, Set<unknown>>();
    let fillCells = 0;
    let explicit = 0;
    for (const c of planned.customers) {
      const cells = block.cells[c.row - block.firstRow];
      const ref = (t: (typeof TAG_COLUMNS)[number]) => `${letter(t)}${c.row}`;
      const want: Partial<Record<(typeof TAG_COLUMNS)[number], string>> = {
        tier: tierFormula(ref('city')),
        class: classFormula(ref('tier'), ref('potential'), ref('ourSales')),
        coverage: coverageFormula(ref('class')),
        mode: modeFormula(ref('tier'), ref('potential'), ref('ourSales'), labels),
      };
      TAG_COLUMNS.forEach((t, j) => {
        const cell = cells[j];
        if (want[t] !== undefined) {
          expect(cell?.kind).toBe('fill');
          expect(formulaText(cell, c.row)).toBe(want[t]);
        }
        if (cell?.kind === 'fill') {
          fillCells++;
          fills.set(t, (fills.get(t) ?? new Set()).add(cell.fill));
        } else if (cell?.kind === 'formula') explicit++;
      });
    }
    // One FillDown object per column.
    expect([...fills.values()].map((s) => s.size)).toEqual(TAG_COLUMNS.map(() => 1));
    expect(fillCells).toBeGreaterThan(planned.customers.length * 6);
    expect(explicit).toBeGreaterThan(0); // the messy sheet has "350万"-style amounts
  });

  test('re-planning is idempotent: our sheets and names replaced, tags rewritten in place, nothing else', () => {
    const sheet = sheetOf(SMALL);
    const first = render(sheet, { sheetNames: ['说明', '客户'] }).write;
    const existing = existingAfter(sheet, first, ['说明', '客户']);
    const second = render(existing.customerSheet, existing).write;
    expect(second.removeSheets.sort()).toEqual(first.addSheets.map((s) => s.name).sort());
    expect(second.removeNames.sort()).toEqual(first.addNames.map((n) => n.name).sort());
    expect(second.addSheets).toEqual(first.addSheets);
    expect(second.addNames).toEqual(first.addNames);
    expect(second.columns).toEqual(first.columns);
    // And a third time, from the second's result.
    const third = render(afterWrite(existing.customerSheet, second), existingAfter(existing.customerSheet, second, ['说明', '客户'])).write;
    expect(third.columns).toEqual(first.columns);
  });

  test('re-plan finds the tag columns by their headers when the marker name is gone', () => {
    const sheet = sheetOf(SMALL);
    const first = render(sheet).write;
    const existing = existingAfter(sheet, first, ['客户']);
    existing.names = existing.names.filter((n) => n.name !== TAG_MARKER);
    const second = render(existing.customerSheet, existing).write;
    expect(second.columns.map((b) => [b.firstRow, b.firstColumn])).toEqual([[2, 8]]);
  });

  test('a column the user added right of our tags stays theirs', () => {
    const sheet = sheetOf(SMALL);
    const first = render(sheet).write;
    const existing = existingAfter(sheet, first, ['客户']);
    existing.customerSheet.values[1][14] = '我的备注'; // column O, right after the tags (H:N)
    existing.customerSheet.values[2][14] = '重要';
    const second = render(existing.customerSheet, existing).write;
    expect(second.columns).toHaveLength(1);
    expect(second.columns[0].firstColumn).toBe(8);
    expect(second.columns[0].cells.every((r) => r.length === TAG_COLUMNS.length)).toBe(true);
  });

  test('a column inserted into our block: the tags move right of all user data, what is left of ours is cleared', () => {
    const sheet = sheetOf(SMALL);
    const first = render(sheet).write;
    const existing = existingAfter(sheet, first, ['客户']);
    // Excel inserted column K inside H:N; the marker now spans H:O and the user typed in K.
    existing.customerSheet.values = existing.customerSheet.values.map((r, i) => {
      const row = [...r];
      while (row.length < 14) row.push(null);
      row.splice(10, 0, i === 1 ? '插入的列' : i === 2 ? 42 : null);
      return row;
    });
    existing.names = existing.names.map((n) => (n.name === TAG_MARKER ? { ...n, ref: "'客户'!$H$2:$O$6" } : n));
    const second = render(existing.customerSheet, existing).write;
    const clears = second.columns.filter((b) => b.cells.every((r) => r.every((c) => c === null)));
    expect(clears.map((b) => b.firstColumn).sort((a, b) => a - b)).toEqual([8, 9, 10]);
    const tags = second.columns.find((b) => !clears.includes(b))!;
    expect(tags.firstColumn).toBe(12); // L: after the user's K; L:O were ours and are overwritten
    expect(second.columns.some((b) => b.firstColumn <= 11 && b.firstColumn + (b.cells[0]?.length ?? 1) - 1 >= 11)).toBe(false);
  });

  test('fewer rows on re-plan: the old tag rows below are cleared', () => {
    const sheet = sheetOf(SMALL);
    const first = render(sheet).write;
    const existing = existingAfter(sheet, first, ['客户']);
    existing.customerSheet.values = existing.customerSheet.values.map((r, i) => (i >= 3 ? r.map((v, c) => (c < 7 ? null : v)) : r));
    const second = render(existing.customerSheet, existing).write;
    const [block] = second.columns;
    expect(block.firstRow + block.cells.length - 1).toBe(6);
    expect(block.cells.slice(2).every((r) => r.every((c) => c === null))).toBe(true);
    expect(parseRef(second.addNames.find((n) => n.name === TAG_MARKER)!.ref)!.lastRow).toBe(3);
  });

  test('a user sheet with our name is not ours: ours becomes "ABC 设置 (2)", stably across re-plans', () => {
    const sheet = sheetOf(SMALL);
    const first = render(sheet, { sheetNames: ['客户', 'ABC 设置', 'abc 汇总'] }).write;
    expect(first.addSheets.map((s) => s.name)).toContain('ABC 设置 (2)');
    expect(first.addSheets.map((s) => s.name)).toContain('ABC 汇总 (2)');
    expect(first.removeSheets).toEqual([]);
    const existing = existingAfter(sheet, first, ['客户', 'ABC 设置', 'abc 汇总']);
    const second = render(existing.customerSheet, existing).write;
    expect(second.removeSheets).not.toContain('ABC 设置');
    expect(second.removeSheets).toContain('ABC 设置 (2)');
    expect(second.addSheets.map((s) => s.name)).toEqual(first.addSheets.map((s) => s.name));
  });

  test('a sheet of ours that a person renamed is still found and replaced', () => {
    const sheet = sheetOf(SMALL);
    const first = render(sheet).write;
    const existing = existingAfter(sheet, first, ['客户']);
    existing.sheetNames = existing.sheetNames.map((s) => (s === 'ABC 汇总' ? '我的汇总' : s));
    existing.names = existing.names.map((n) => (n.name === 'ABC_Sheet_Summary' ? { ...n, ref: "'我的汇总'!$A$1" } : n));
    existing.proof = existing.proof.map((p) => (p.name === 'ABC 汇总' ? { ...p, name: '我的汇总' } : p));
    const second = render(existing.customerSheet, existing).write;
    expect(second.removeSheets).toContain('我的汇总');
  });

  test('text from the user\'s cells is text everywhere; formulas are built from our own tokens only', () => {
    const tricky = ['=1+1', '=HYPERLINK("http://evil","click")', '+x', '-x', '@x', '=cmd|\' /C calc\'!A0'];
    const values: CellValue[][] = [['客户名称', '城市', '行业', '客户年市场销售额', '公司销售额', '销售人员', '区域']];
    tricky.forEach((t, i) => values.push([t, i % 2 ? t : '北京', t, i === 5 ? t : 900, 400, t, t]));
    const { write } = render(sheetOf(values));
    const cells = allCells(write);
    for (const t of tricky) {
      const holding = cells.filter((c) => c && c.kind === 'text' && c.text.includes(t));
      expect(holding.length).toBeGreaterThan(0);
    }
    const allowed = new Set(['IF', 'AND', 'OR', 'ISNUMBER', 'ISLOGICAL', 'INDEX', 'MATCH', 'EXACT', 'VLOOKUP', 'CHOOSE', 'IFERROR', 'TRIM', 'SUM', 'FALSE', 'TRUE']);
    for (const c of cells) {
      if (!c || (c.kind !== 'formula' && c.kind !== 'fill')) continue;
      const outsideStrings = (c.kind === 'fill' ? c.fill.formula : c.formula).replace(/"(?:[^"]|"")*"/g, '""');
      expect(outsideStrings).not.toMatch(/[|!@']/);
      for (const [, fn] of outsideStrings.matchAll(/([A-Z][A-Z0-9_.]*)\(/g)) expect(allowed).toContain(fn);
    }
  });

  test('breakdown totals are SUMs over the rows above, cached with the engine\'s totals; headers frozen', () => {
    const sheet = makeCustomerSheet({ count: 120, seed: 3, language: 'zh', messy: true, products: 3 });
    const planned = plan(sheet, settings);
    const write = renderPlan(planned, settings, { sheetNames: [sheet.name], names: [], proof: [], customerSheet: sheet });
    const industries = write.addSheets.find((s) => s.name === SHEET_NAMES.zh.industries)!;
    expect(industries.freeze).toEqual({ rows: 3, columns: 1 });
    const total = industries.rows.at(-1)!;
    expect(cellValue(total[0])).toBe('合计');
    expect(total[2]).toEqual({ kind: 'formula', formula: 'SUM(C4:C9)', cached: planned.tables.byIndustry.total.target, style: 'total' });
    expect(total.slice(3).map(cellValue)).toEqual(planned.tables.byIndustry.total.products);
    const summary = write.addSheets.find((s) => s.name === SHEET_NAMES.zh.summary)!;
    const summaryTotal = summary.rows.find((r) => cellValue(r[0]) === '合计')!;
    expect(cellValue(summaryTotal[5])).toBe(planned.tables.summary.total.target);
    const people = write.addSheets.find((s) => s.name === SHEET_NAMES.zh.salespeople)!;
    const check = people.rows[3].find((c) => c?.kind === 'fill')!;
    expect(check).toMatchObject({ kind: 'fill' });
    expect(formulaText(check, 4)).toMatch(/^IF\([A-Z]+4=ABC_LoadAccounts,"符合",IF\([A-Z]+4<ABC_LoadAccounts,"偏少","偏多"\)\)$/);
    // The same check filled down: row 6's reads row 6.
    const later = people.rows[5]?.find((c) => c?.kind === 'fill');
    if (later) expect(formulaText(later, 6)).toMatch(/^IF\([A-Z]+6=ABC_LoadAccounts,/);
  });

  test('five tiers a company set: tag cells hold the tier ids, the sheets name the tiers, the names reach the tier definitions', () => {
    const five = fiveTierSettings();
    const sheet = sheetOf(SMALL);
    const planned = plan(sheet, five);
    const write = renderPlan(planned, five, { sheetNames: [sheet.name], names: [], proof: [], customerSheet: sheet });
    const [block] = write.columns;
    const tierAt = (r: number) => cellValue(block.cells[r - block.firstRow][TAG_COLUMNS.indexOf('tier')]);
    expect([tierAt(3), tierAt(4), tierAt(6)]).toEqual([1, 'new1', 1]); // 北京, 西安 (新一线), 上海
    const summary = write.addSheets.find((x) => x.name === 'ABC 汇总')!;
    const labels = summary.rows.map((r) => cellValue(r[0]));
    for (const t of FIVE_TIERS) expect(labels.filter((l) => l === t.zh)).toHaveLength(3);
    const byCustomer = write.addSheets.find((x) => x.name === 'ABC 按客户')!;
    expect(byCustomer.rows.flat().map(cellValue)).toContain('一线城市'); // 北京银行, the one A customer
    const names = new Map(write.addNames.map((n) => [n.name, parseRef(n.ref)!]));
    expect(names.get('ABC_TierIds')).toMatchObject({ sheet: 'ABC 设置', firstRow: 9, lastRow: 13 });
    expect(names.get('ABC_FallbackTier')).toMatchObject({ sheet: 'ABC 设置', firstRow: 7, lastRow: 7 });
  });

  test('English headers give English sheets; no issues, no issues sheet', () => {
    const values: CellValue[][] = [
      ['Customer', 'City', 'Potential', 'Our sales'],
      ['Acme', 'Shanghai', 600, 250],
    ];
    const { write } = render(sheetOf(values, 'Customers'));
    expect(write.addSheets.map((s) => s.name)).toEqual(['ABC Summary', 'ABC By customer', 'ABC By industry', 'ABC By region', 'ABC By salesperson', 'ABC Settings']);
    expect(cellValue(write.columns[0].cells[0][0])).toBe('City (std)');
  });

  test('a sheet that cannot be planned gets the settings and the issues, and no tag columns', () => {
    const { write } = render(sheetOf([['hello', 'world'], [1, 2]]));
    expect(write.columns).toEqual([]);
    expect(write.addSheets.map((s) => s.name)).toEqual(['ABC 问题', 'ABC 设置']);
  });

  test('columns are sized to content, CJK counting double', () => {
    expect(textWidth('北京')).toBe(4);
    expect(textWidth('Beijing')).toBe(7);
    const sheet = sheetOf(SMALL);
    const { write } = render(sheet);
    const customers = write.addSheets.find((s) => s.name === 'ABC 按客户')!;
    expect(customers.columnWidths![0]).toBe(Math.max(6, textWidth('西安交大') + 2, textWidth('北京银行') + 2));
  });

  test('the planned sheet must be the sheet given', () => {
    const planned = plan(sheetOf(SMALL), settings);
    expect(() => renderPlan(planned, settings, { sheetNames: [], names: [], proof: [], customerSheet: sheetOf(SMALL, 'Other') })).toThrow(/Other/);
  });

  test('column letters of issues stay right when earlier tag columns are blanked for planning', () => {
    const sheet = sheetOf(SMALL);
    const first = render(sheet).write;
    const existing = existingAfter(sheet, first, ['客户']);
    const stripped = withoutTagColumns(existing.customerSheet, existing.names);
    expect(stripped.values[1].length).toBe(existing.customerSheet.values[1].length);
    expect(stripped.values[1].slice(7).every((v) => v === null)).toBe(true);
    const again = plan(stripped, settings);
    expect(again.issues.map((i) => i.column)).toEqual(plan(sheet, settings).issues.map((i) => i.column));
    expect(columnNumber(again.columns.find((c) => c.field === 'potential')!.column)).toBe(4);
  });
});
