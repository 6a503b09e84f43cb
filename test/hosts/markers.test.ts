/**
 * Which sheets and names are ours, in both hosts (issues 9 and 15). A name that looks like one
 * of ABC Planner's (ABC_Sheet_Summary, ABC_Cities, abc_thresholds, ABC_TagColumns) but that a
 * person made must never cost them a sheet, a name or a cell: the plan leaves theirs alone,
 * writes ours beside them (ABC 汇总 (2), ABC_Cities_2) and says so in Chinese and English. A
 * workbook planned by the previous version (markers without comments) re-plans in place.
 *
 * The .xlsx host is driven through the command line as a planner runs it; the Excel host
 * through the task pane's way (the use cases of src/app/) on the strict fake.
 */
import { promises as fs } from 'node:fs';
import { unzipSync } from 'fflate';
import path from 'node:path';
import { findCustomerSheet } from '../../src/app/customerSheet';
import { planCustomerSheet, renderWrite } from '../../src/app/plan';
import { openWorkbook } from '../../src/app/workbook';
import { writeAll } from '../../src/app/write';
import { ExcelHost } from '../../src/hosts/excel';
import { openXlsx } from '../../src/hosts/xlsx';
import { formatOwnershipNotice } from '../../src/i18n/ownership';
import { SHEET_TITLES } from '../../src/i18n/render';
import type { DefinedNameSpec, WorkbookWrite } from '../../src/spec/write';
import { removeDir, run, tempDir } from '../cli/helpers';
import { fakeRun, type FakeWorkbook } from '../support/fakeExcel';
import { CUSTOMERS, type FixtureName, type FixtureSheet, customers, fakeWith, withoutNameComments, xlsxWith } from './markerFixtures';

jest.setTimeout(60_000);

let dir: string;
beforeAll(async () => {
  dir = await tempDir('abc-markers-');
});
afterAll(async () => {
  await removeDir(dir);
});

interface Planned {
  sheets: string[];
  names: DefinedNameSpec[];
  values: (sheet: string) => unknown[][];
  /** The tag formulas as written on the customer sheet's first customer row. */
  tagFormulas: string[];
  /** What the planner was told (stderr of the CLI / the write's notices), in zh and en. */
  told: { zh: string; en: string };
  exit?: number;
}

let n = 0;
/** `abc-planner plan in.xlsx --out out.xlsx`, once in each language (the second run's output is kept). */
async function planFile(bytes: Uint8Array): Promise<Planned & { bytes: Uint8Array }> {
  const input = path.join(dir, `in-${++n}.xlsx`);
  await fs.writeFile(input, bytes);
  const told = { zh: '', en: '' };
  let exit = 0;
  let out = '';
  for (const [lang, env] of [['zh', 'zh_CN.UTF-8'], ['en', 'en_US.UTF-8']] as const) {
    out = path.join(dir, `out-${n}-${lang}.xlsx`);
    const r = await run(['plan', input, '--out', out], { cwd: dir, env: { LANG: env } });
    told[lang] = r.stderr;
    exit = Math.max(exit, r.code);
  }
  const outBytes = new Uint8Array(await fs.readFile(out));
  const wb = openXlsx(outBytes);
  const names = await wb.listNames();
  const block = names.find((x) => x.name === 'ABC_TagColumns' || x.name.startsWith('ABC_TagColumns_'));
  const sheets = (await wb.listSheets()).map((s) => s.name);
  const values = new Map<string, unknown[][]>();
  for (const s of sheets) values.set(s.toLowerCase(), (await wb.readSheet(s)).values);
  return {
    bytes: outBytes,
    exit,
    sheets,
    names,
    values: (s) => {
      const v = values.get(s.toLowerCase());
      if (!v) throw new Error(`no sheet ${s}`);
      return v;
    },
    tagFormulas: block ? tagFormulasInXml(outBytes) : [],
    told,
  };
}

/** The formulas of the customer sheet's part (sheet1), as written. */
function tagFormulasInXml(bytes: Uint8Array): string[] {
  const xml = new TextDecoder().decode(unzipSync(bytes)['xl/worksheets/sheet1.xml']!);
  return [...xml.matchAll(/<f[^>]*>([^<]*)<\/f>/g)].map((m) => m[1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
}

/** The task pane's Run on the Excel host: view, settings, customer sheet, plan, write. */
async function planExcel(wb: FakeWorkbook): Promise<Planned & { write: WorkbookWrite }> {
  const host = new ExcelHost(fakeRun(wb));
  const { view, saved } = await openWorkbook(host);
  const found = (await findCustomerSheet(host, view, saved.settings, { prefer: CUSTOMERS }))!;
  const { result } = planCustomerSheet(found.read, view.names, saved.settings);
  const { write } = renderWrite(result, found.read, view);
  await writeAll(host, write);
  const notices = write.notices ?? [];
  return {
    write,
    sheets: wb.sheets.filter((s) => !s.deleted).map((s) => s.name),
    names: wb.names.map((x) => ({ name: x.name, ref: x.formula.replace(/^=/, ''), ...(x.comment ? { comment: x.comment } : {}) })),
    values: (s) => {
      const sheet = wb.sheet(s);
      return sheet.rows.map((r) => (r ? r.v.slice() : []));
    },
    tagFormulas: write.columns.flatMap((b) => b.cells.flatMap((r) => r.map((c) => (c?.kind === 'fill' ? c.fill.formula : c?.kind === 'formula' ? c.formula : '')))).filter(Boolean),
    told: { zh: notices.map((x) => formatOwnershipNotice(x, 'zh')).join('\n'), en: notices.map((x) => formatOwnershipNotice(x, 'en')).join('\n') },
  };
}

const refOf = (p: Planned, name: string) => p.names.find((x) => x.name.toLowerCase() === name.toLowerCase())?.ref;

// ---------------------------------------------------------------------------------------------
// Issue 9: a hidden ABC_Sheet_Summary pointing at a person's sheet

const MY_SUMMARY: FixtureSheet = { name: 'ABC 汇总', values: [['我的汇总'], ['手工数字', 42], ['备注', '不要删除']] };
const ISSUE_9: FixtureName[] = [{ name: 'ABC_Sheet_Summary', ref: "'ABC 汇总'!$A$1", hidden: true }];

function expectSummaryKept(p: Planned): void {
  expect(p.sheets).toContain('ABC 汇总');
  // Every cell as the person typed it (the hosts may pad a row with empty cells).
  expect(p.values('ABC 汇总').map((r) => r.filter((v) => v !== null && v !== undefined))).toEqual(MY_SUMMARY.values);
  expect(p.sheets).toContain('ABC 汇总 (2)');
  expect(p.values('ABC 汇总 (2)')[0]![0]).toBe(SHEET_TITLES.zh.summary);
  expect(refOf(p, 'ABC_Sheet_Summary')).toBe("'ABC 汇总'!$A$1");
  expect(refOf(p, 'ABC_Sheet_Summary_2')).toBe("'ABC 汇总 (2)'!$A$1");
  for (const text of [p.told.zh, p.told.en]) {
    expect(text).toContain('ABC_Sheet_Summary');
    expect(text).toContain('ABC 汇总 (2)');
  }
  expect(p.told.zh).toContain('“ABC 汇总”，但该工作表的内容不是 ABC Planner 生成的');
  expect(p.told.zh).toContain('名称管理器');
  expect(p.told.en).toContain('points at sheet “ABC 汇总”, but that sheet’s content was not generated by ABC Planner');
  expect(p.told.en).toContain('Name Manager');
}

describe('issue 9: a marker name on a person\'s sheet', () => {
  test('.xlsx (abc-planner plan): the sheet is kept, ours is "ABC 汇总 (2)", and the planner is told', async () => {
    const p = await planFile(xlsxWith([customers(), MY_SUMMARY], ISSUE_9));
    expect(p.exit).toBe(0);
    expectSummaryKept(p);
    // Planned again: the same sheets (ours replaced in place, theirs still kept), told again.
    const again = await planFile(p.bytes);
    expect(again.sheets).toEqual(p.sheets);
    expectSummaryKept(again);
  });

  test('Excel host: the same', async () => {
    const wb = fakeWith([customers(), MY_SUMMARY], ISSUE_9);
    const p = await planExcel(wb);
    expectSummaryKept(p);
    // The issues sheet lists it too, for a planner who never sees the pane's messages.
    const issues = p.values('ABC 问题').flat().filter((v) => typeof v === 'string').join(' ');
    expect(issues).toContain('ABC_Sheet_Summary');
    const again = await planExcel(wb);
    expect(again.sheets).toEqual(p.sheets);
    expectSummaryKept(again);
  });

  test('a marker on a person\'s sheet that has our title but not our note (and no comment) is not proof either', async () => {
    const lookalike: FixtureSheet = { name: '汇总', values: [[SHEET_TITLES.zh.summary], ['我自己写的说明']] };
    const p = await planFile(xlsxWith([customers(), lookalike], [{ name: 'ABC_Sheet_Summary', ref: "'汇总'!$A$1", hidden: true }]));
    expect(p.values('汇总')).toEqual([[SHEET_TITLES.zh.summary], ['我自己写的说明']]);
    expect(p.sheets).toContain('ABC 汇总');
    expect(p.told.en).toContain('“ABC_Sheet_Summary” points at sheet “汇总”');
  });
});

// ---------------------------------------------------------------------------------------------
// Issue 15: a person's own ABC_Cities and abc_thresholds

const ISSUE_15: FixtureName[] = [
  { name: 'ABC_Cities', ref: "'客户'!$B$2:$B$31" },
  { name: 'abc_thresholds', ref: "'客户'!$D$2:$E$4" },
];

function expectNamesKept(p: Planned): void {
  expect(refOf(p, 'ABC_Cities')).toBe("'客户'!$B$2:$B$31");
  expect(refOf(p, 'abc_thresholds')).toBe("'客户'!$D$2:$E$4");
  expect(p.names.find((x) => x.name === 'abc_thresholds')).toBeDefined(); // the person's spelling
  const settings = p.sheets.find((s) => s.startsWith('ABC 设置'))!;
  expect(refOf(p, 'ABC_Cities_2')).toMatch(new RegExp(`^'${settings}'!\\$G\\$8:`));
  expect(refOf(p, 'ABC_Thresholds_2')).toBe(`'${settings}'!$B$7:$E$9`);
  // The tag formulas follow our names, never the person's.
  const formulas = p.tagFormulas.join('\n');
  expect(formulas).toContain('ABC_Cities_2');
  expect(formulas).toContain('ABC_Thresholds_2');
  expect(formulas).not.toMatch(/ABC_Cities[,)]/i);
  expect(formulas).not.toMatch(/ABC_Thresholds[,)]/i);
  for (const [name, text] of [['ABC_Cities', p.told.en], ['abc_thresholds', p.told.en], ['ABC_Cities', p.told.zh]] as const) expect(text).toContain(`“${name}”`);
  expect(p.told.en).toContain('uses the name “ABC_Cities_2” instead');
  expect(p.told.zh).toContain('改用名称“ABC_Cities_2”');
}

describe('issue 15: a person\'s names that look like ours', () => {
  test('.xlsx: kept as they are; ours are ABC_Cities_2 and ABC_Thresholds_2, which the tag formulas read', async () => {
    const p = await planFile(xlsxWith([customers()], ISSUE_15));
    expect(p.exit).toBe(0);
    expectNamesKept(p);
    const again = await planFile(p.bytes);
    expect(again.names.map((x) => x.name).sort()).toEqual(p.names.map((x) => x.name).sort());
    expectNamesKept(again);
  });

  test('Excel host: the same', async () => {
    const wb = fakeWith([customers()], ISSUE_15);
    const p = await planExcel(wb);
    expectNamesKept(p);
    const again = await planExcel(wb);
    expect(again.names.map((x) => x.name).sort()).toEqual(p.names.map((x) => x.name).sort());
    expectNamesKept(again);
  });
});

// ---------------------------------------------------------------------------------------------
// The tag columns' marker on a person's columns

function withNotes(): FixtureSheet {
  const sheet = customers();
  const values = sheet.values.map((row, i) => [...row, i === 0 ? '我的备注' : `备注${i}`, i === 0 ? '跟进' : i % 2 ? '是' : '否']);
  return { name: sheet.name, values };
}
// Columns K:L are the person's notes; the marker claims K1:Q31.
const TAG_LOOKALIKE: FixtureName[] = [{ name: 'ABC_TagColumns', ref: "'客户'!$K$1:$Q$31", hidden: true }];

function expectNotesKept(p: Planned, before: FixtureSheet): void {
  const after = p.values(CUSTOMERS);
  for (let r = 0; r < before.values.length; r++) expect(after[r]!.slice(0, 12)).toEqual(before.values[r]);
  expect(refOf(p, 'ABC_TagColumns')).toBe("'客户'!$K$1:$Q$31");
  expect(refOf(p, 'ABC_TagColumns_2')).toBe("'客户'!$M$1:$S$31");
  expect(p.told.en).toContain('“ABC_TagColumns”');
  expect(p.told.en).toContain('those cells were not changed');
  expect(p.told.zh).toContain('这些单元格没有被改写');
}

describe('a tag marker that a person\'s columns carry', () => {
  test('.xlsx: their cells are never overwritten; our tags go right of their data', async () => {
    const sheet = withNotes();
    const p = await planFile(xlsxWith([sheet], TAG_LOOKALIKE));
    expectNotesKept(p, sheet);
    const again = await planFile(p.bytes);
    expectNotesKept(again, sheet);
  });

  test('Excel host: the same', async () => {
    const sheet = withNotes();
    const wb = fakeWith([sheet], TAG_LOOKALIKE);
    expectNotesKept(await planExcel(wb), sheet);
    expectNotesKept(await planExcel(wb), sheet);
  });
});

describe('a tag marker over a person\'s columns that happen to be headed like ours', () => {
  // "城市级别" and "客户级别" are also our headers: a planner may well have such columns of their own.
  function ownTiers(): FixtureSheet {
    const sheet = customers();
    return { name: sheet.name, values: sheet.values.map((row, i) => [...row, i === 0 ? '城市级别' : `${1 + (i % 3)}级`, i === 0 ? '客户级别' : '重点']) };
  }
  const MARKER: FixtureName[] = [{ name: 'ABC_TagColumns', ref: "'客户'!$K$1:$L$31", hidden: true }];
  const expectKept = (p: Planned, before: FixtureSheet) => {
    const after = p.values(CUSTOMERS);
    for (let r = 0; r < before.values.length; r++) expect(after[r]!.slice(0, 12)).toEqual(before.values[r]);
    expect(refOf(p, 'ABC_TagColumns')).toBe("'客户'!$K$1:$L$31");
    expect(refOf(p, 'ABC_TagColumns_2')).toBe("'客户'!$M$1:$S$31");
  };
  test('.xlsx: their columns are not taken for ours', async () => {
    const sheet = ownTiers();
    const p = await planFile(xlsxWith([sheet], MARKER));
    expectKept(p, sheet);
    expectKept(await planFile(p.bytes), sheet);
  });
  test('Excel host: the same', async () => {
    const sheet = ownTiers();
    const wb = fakeWith([sheet], MARKER);
    expectKept(await planExcel(wb), sheet);
    expectKept(await planExcel(wb), sheet);
  });
});

// ---------------------------------------------------------------------------------------------
// Workbooks planned before names carried comments

describe('a workbook planned by the previous version (markers without comments)', () => {
  test('.xlsx: re-plans in place, no second set, nothing said', async () => {
    const first = await planFile(xlsxWith([customers()], []));
    expect(first.names.every((x) => x.comment?.startsWith('ABC Planner '))).toBe(true);
    const legacy = withoutNameComments(first.bytes);
    expect((await openXlsx(legacy).listNames()).some((x) => x.comment)).toBe(false);
    const again = await planFile(legacy);
    expect(again.sheets).toEqual(first.sheets);
    expect(again.names.map((x) => x.name).sort()).toEqual(first.names.map((x) => x.name).sort());
    expect(again.told.en).not.toContain('Warning');
    expect(again.told.zh).not.toContain('提醒');
  });

  test('Excel host: the same', async () => {
    const wb = fakeWith([customers()], []);
    const first = await planExcel(wb);
    for (const x of wb.names) x.comment = '';
    const again = await planExcel(wb);
    expect(again.write.notices).toBeUndefined();
    expect(again.sheets).toEqual(first.sheets);
    expect(again.names.map((x) => x.name).sort()).toEqual(first.names.map((x) => x.name).sort());
  });
});
