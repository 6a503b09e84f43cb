/**
 * Words the renderer writes into a workbook: sheet names, titles, headers, notes, the settings
 * sheet's labels, and problems found when reading a settings sheet back. Chinese and English.
 *
 * The settings sheet's headings and labels are also what the reader looks for, in either
 * language (a Chinese settings sheet can be read by an English task pane), so they must stay
 * distinct from each other within a language.
 */
import type { AllocationBasis, SettingsProblem } from '../engine/settings';
import type { Field } from '../engine/types';
import type { Lang } from './index';
import { fill } from './index';
import { formatSettingsProblem, settingsPathLabel } from './engine';

export type SheetKind = 'settings' | 'summary' | 'customers' | 'industries' | 'regions' | 'salespeople' | 'issues';

export const SHEET_NAMES: Record<Lang, Record<SheetKind, string>> = {
  zh: {
    settings: 'ABC 设置',
    summary: 'ABC 汇总',
    customers: 'ABC 按客户',
    industries: 'ABC 按行业',
    regions: 'ABC 按地区',
    salespeople: 'ABC 按销售',
    issues: 'ABC 问题',
  },
  en: {
    settings: 'ABC Settings',
    summary: 'ABC Summary',
    customers: 'ABC By customer',
    industries: 'ABC By industry',
    regions: 'ABC By region',
    salespeople: 'ABC By salesperson',
    issues: 'ABC Issues',
  },
};

/**
 * The tag columns on the customer sheet, left to right. The helpers come first so that every
 * formula refers only to columns on its left: LibreOffice 7.4's threaded calculation of
 * formula groups gave #VALUE! in a few rows when a group's inputs sat to its right.
 */
export type TagColumn = 'tier' | 'class' | 'coverage' | 'mode' | 'city' | 'potential' | 'ourSales';
export const TAG_COLUMNS: readonly TagColumn[] = ['city', 'potential', 'ourSales', 'tier', 'class', 'coverage', 'mode'];

export const TAG_HEADERS: Record<Lang, Record<TagColumn, string>> = {
  zh: {
    tier: '城市级别',
    class: '客户级别',
    coverage: '覆盖方式',
    mode: '管理模式',
    city: '标准城市',
    potential: '分级用潜力（万元）',
    ourSales: '分级用销售额（万元）',
  },
  en: {
    tier: 'Tier',
    class: 'Class',
    coverage: 'Coverage',
    mode: 'Mode',
    city: 'City (std)',
    potential: 'Potential for class (万元)',
    ourSales: 'Our sales for class (万元)',
  },
};

// ---------------------------------------------------------------------------------------------
// The settings sheet

export type SettingsHeading =
  | 'title'
  | 'thresholds'
  | 'matrix'
  | 'coverage'
  | 'targets'
  | 'load'
  | 'columns'
  | 'products'
  | 'cities'
  | 'industries'
  | 'tiers';

export const SETTINGS_HEADINGS: Record<Lang, Record<SettingsHeading, string>> = {
  zh: {
    title: 'ABC Planner 设置',
    thresholds: '客户分级标准（万元）',
    matrix: '潜力 × 占有率矩阵分界',
    coverage: '各级客户的覆盖方式',
    targets: '目标与分配',
    load: '每位销售人员的负荷',
    columns: '手动指定的列（留空＝自动识别）',
    products: '产品与产品结构',
    cities: '城市级别表',
    industries: '行业对应表',
    tiers: '城市级别的定义',
  },
  en: {
    title: 'ABC Planner settings',
    thresholds: 'Class thresholds (万元)',
    matrix: 'Potential × share matrix splits',
    coverage: 'Coverage by class',
    targets: 'Target and allocation',
    load: 'Load per salesperson',
    columns: 'Columns chosen by hand (blank = detect)',
    products: 'Products and mix',
    cities: 'City tiers',
    industries: 'Industry mapping',
    tiers: 'Tier definitions',
  },
};

export type SettingsLabel =
  | 'version'
  | 'tier'
  | 'aPotential'
  | 'aSales'
  | 'bPotential'
  | 'bSales'
  | 'matrixPotential'
  | 'matrixShare'
  | 'class'
  | 'coverage'
  | 'companyTarget'
  | 'growthPct'
  | 'basis'
  | 'blendPotentialWeight'
  | 'unit'
  | 'accounts'
  | 'industries'
  | 'regions'
  | 'field'
  | 'header'
  | 'product'
  | 'mix'
  | 'city'
  | 'cityTier'
  | 'tierId'
  | 'tierZh'
  | 'tierEn'
  | 'fallbackTier'
  | 'industryText'
  | 'industryGroup'
  | 'setting'
  | 'value';

export const SETTINGS_LABELS: Record<Lang, Record<SettingsLabel, string>> = {
  zh: {
    version: '设置版本',
    tier: '城市级别',
    aPotential: 'A类：客户年市场销售额 ≥',
    aSales: 'A类：公司销售额 ≥',
    bPotential: 'B类：客户年市场销售额 ≥',
    bSales: 'B类：公司销售额 ≥',
    matrixPotential: '高潜力：客户年市场销售额 ≥（万元）',
    matrixShare: '高占有率：公司销售额 ÷ 市场销售额 ≥',
    class: '客户级别',
    coverage: '覆盖方式',
    companyTarget: '公司年度目标（万元，留空＝按增长率）',
    growthPct: '增长率（%，未填公司目标时使用）',
    basis: '分配依据',
    blendPotentialWeight: '混合依据中潜力的权重（0–1）',
    unit: '分配单位（万元：0.1、1 或 10）',
    accounts: 'A类客户数',
    industries: '行业数',
    regions: '地区数',
    field: '字段',
    header: '客户表中的列标题',
    product: '产品',
    mix: '产品结构（%）',
    city: '城市（标准名称）',
    cityTier: '级别代码',
    tierId: '代码',
    tierZh: '中文名称',
    tierEn: '英文名称',
    fallbackTier: '未列出的城市归入（级别代码）',
    industryText: '客户表中的行业写法',
    industryGroup: '行业组',
    setting: '项目',
    value: '值',
  },
  en: {
    version: 'Settings version',
    tier: 'City tier',
    aPotential: 'A: potential ≥',
    aSales: 'A: our sales ≥',
    bPotential: 'B: potential ≥',
    bSales: 'B: our sales ≥',
    matrixPotential: 'High potential: potential ≥ (万元)',
    matrixShare: 'High share: our sales ÷ potential ≥',
    class: 'Class',
    coverage: 'Coverage',
    companyTarget: 'Company target (万元; blank = use growth)',
    growthPct: 'Growth (%, used without a company target)',
    basis: 'Allocate by',
    blendPotentialWeight: 'Weight of potential in the blend (0–1)',
    unit: 'Allocation unit (万元: 0.1, 1 or 10)',
    accounts: 'A customers',
    industries: 'Industries',
    regions: 'Regions',
    field: 'Field',
    header: 'Column header in the customer sheet',
    product: 'Product',
    mix: 'Mix (%)',
    city: 'City (standard name)',
    cityTier: 'Tier ID',
    tierId: 'ID',
    tierZh: 'Chinese name',
    tierEn: 'English name',
    fallbackTier: 'Cities not listed fall to (tier ID)',
    industryText: 'Industry as written in the customer sheet',
    industryGroup: 'Industry group',
    setting: 'Setting',
    value: 'Value',
  },
};

export const BASIS_LABELS: Record<Lang, Record<AllocationBasis, string>> = {
  zh: { potential: '客户年市场销售额', ourSales: '公司销售额', blend: '两者混合', even: '平均分配' },
  en: { potential: 'Potential', ourSales: 'Our sales', blend: 'Blend of both', even: 'Evenly' },
};

/** Notes on the settings sheet: what a person may change and how the formulas use it. */
export const SETTINGS_NOTES: Record<Lang, { intro: string; tags: string; cities: string; tiers: string; industries: string; products: string; share: string }> = {
  zh: {
    intro: '本表是这个工作簿的 ABC 设置，客户表右侧的级别公式直接引用本表。可以修改数值；请勿移动或改写各表的标题。',
    tags: '客户表右侧的“标准城市”和“分级用”金额是公式的依据：数字单元格按列单位直接读取；“350万”这类文字和“Beijing”这类写法按 ABC Planner 读到的值计算，修改后请重新计划。',
    cities: '级别填级别代码（见右侧“城市级别的定义”）；未列出的城市归入那里指定的级别。可在表末继续添加城市（请写标准名称，如“西安”而不是“西安市”）。',
    tiers: '各城市级别从高到低排列；分级标准和矩阵分界按此顺序每个级别一行。增加、删除级别或修改代码后，请重新计划（也可在任务窗格第 3 步修改级别）。',
    industries: '先按整段文字匹配，再按包含关系匹配（较长的写法优先）；都不匹配的归入“其他”。',
    products: '不填产品名称＝使用客户表中的产品列（没有时为产品1–产品4）；不填结构＝按历史销售额，没有时平均。',
    share: '占有率以百分比填写，如 40%。',
  },
  en: {
    intro: "This workbook's ABC settings. The tag formulas on the customer sheet read this sheet directly. Change the values; do not move or retype the tables' titles.",
    tags: 'The City (std) and "for class" amount columns on the customer sheet feed the formulas: number cells are read directly in their column\'s unit; text such as "350万" and names such as "Beijing" count as ABC Planner read them: after changing those, plan again.',
    cities: 'Give each city a tier ID (see the tier definitions on the right); cities not listed fall to the tier named there. Add cities at the end of the list (use the standard Chinese name, e.g. 西安, not 西安市 or Xi\'an).',
    tiers: 'The city tiers, highest first; the thresholds and matrix tables have one row per tier, in this order. After adding or removing a tier or changing an ID, plan again (or change the tiers in step 3 of the task pane).',
    industries: 'The whole text is matched first, then any listed text it contains (longer first); anything else is Other.',
    products: "No product names = the customer sheet's product columns (else Product 1–4); no mix = historic sales, else equal.",
    share: 'Type the share as a percentage, e.g. 40%.',
  },
};

// ---------------------------------------------------------------------------------------------
// Breakdown sheets

export type TableWord =
  | 'customer'
  | 'city'
  | 'tier'
  | 'class'
  | 'industry'
  | 'owner'
  | 'mode'
  | 'potential'
  | 'ourSales'
  | 'target'
  | 'customers'
  | 'region'
  | 'row'
  | 'total'
  | 'unassigned'
  | 'accountsCount'
  | 'accountsCheck'
  | 'industriesCount'
  | 'industriesCheck'
  | 'regionsCount'
  | 'regionsCheck'
  | 'accountNames'
  | 'industryNames'
  | 'regionNames'
  | 'checkOk'
  | 'checkUnder'
  | 'checkOver';

export const TABLE_WORDS: Record<Lang, Record<TableWord, string>> = {
  zh: {
    customer: '客户名称',
    city: '城市',
    tier: '城市级别',
    class: '客户级别',
    industry: '行业',
    owner: '销售人员',
    mode: '管理模式',
    potential: '客户年市场销售额',
    ourSales: '公司销售额',
    target: '目标',
    customers: '客户数',
    region: '地区',
    row: '客户表行号',
    total: '合计',
    unassigned: '（未指定）',
    accountsCount: 'A类客户数',
    accountsCheck: '客户负荷',
    industriesCount: '行业数',
    industriesCheck: '行业负荷',
    regionsCount: '地区数',
    regionsCheck: '地区负荷',
    accountNames: 'A类客户',
    industryNames: '行业',
    regionNames: '地区',
    checkOk: '符合',
    checkUnder: '偏少',
    checkOver: '偏多',
  },
  en: {
    customer: 'Customer',
    city: 'City',
    tier: 'Tier',
    class: 'Class',
    industry: 'Industry',
    owner: 'Salesperson',
    mode: 'Mode',
    potential: 'Potential',
    ourSales: 'Our sales',
    target: 'Target',
    customers: 'Customers',
    region: 'Region',
    row: 'Row in customer sheet',
    total: 'Total',
    unassigned: '(no salesperson)',
    accountsCount: 'A customers',
    accountsCheck: 'Account load',
    industriesCount: 'Industries',
    industriesCheck: 'Industry load',
    regionsCount: 'Regions',
    regionsCheck: 'Region load',
    accountNames: 'A customers (names)',
    industryNames: 'Industries (names)',
    regionNames: 'Regions (names)',
    checkOk: 'OK',
    checkUnder: 'Under',
    checkOver: 'Over',
  },
};

export const SHEET_TITLES: Record<Lang, Record<Exclude<SheetKind, 'settings'>, string>> = {
  zh: {
    summary: 'ABC 客户分级与目标汇总',
    customers: '按客户目标分解（A类客户）',
    industries: '按行业目标分解（B类客户）',
    regions: '按地区目标分解（C类客户）',
    salespeople: '按销售人员目标分解（负荷标准：{accounts} 个客户 · {industries} 个行业 · {regions} 个地区）',
    issues: '需要检查的问题',
  },
  en: {
    summary: 'ABC customer classes and targets',
    customers: 'Target by customer (A customers)',
    industries: 'Target by industry (B customers)',
    regions: 'Target by region (C customers)',
    salespeople: 'Target by salesperson (load: {accounts} customers · {industries} industries · {regions} regions)',
    issues: 'Issues to check',
  },
};

export const SHEET_NOTES: Record<Lang, { amounts: string; totals: string; issues: string }> = {
  zh: {
    amounts: '金额单位：万元。由 ABC Planner 生成，重新计划时会被替换。',
    totals: '合计行是公式，修改上方数字后会自动重算。',
    issues: '以下单元格需要检查；修改后请重新计划。',
  },
  en: {
    amounts: 'Amounts in 万元 (10k CNY). Made by ABC Planner; replaced when you plan again.',
    totals: 'Total rows are formulas: they re-total when you change the numbers above.',
    issues: 'Check these cells, then plan again.',
  },
};

/** The issues sheet when it lists only the first issues: how many there are in all, and what to do. */
export const ISSUES_CUT: Record<Lang, (shown: string, total: string, more: string) => string> = {
  zh: (shown, total, more) =>
    `共 ${total} 个问题，此表只列出前 ${shown} 个（错误在前，按行排列），另有 ${more} 个未列出。这么多问题通常出自同一原因（如列对应错了、整列为空或单位不对）：请先改正上面的问题，再重新计划。`,
  en: (shown, total, more) =>
    `${total} issues in all: this sheet lists the first ${shown} (errors first, by row); ${more} more are not listed. So many issues usually have one cause (a column mapped wrongly, a blank column, a wrong unit): fix the ones above, then plan again.`,
};

export type SummaryWord =
  | 'companyTarget'
  | 'source'
  | 'sourceTarget'
  | 'sourceGrowth'
  | 'growthPct'
  | 'currentSales'
  | 'basis'
  | 'unit'
  | 'classified'
  | 'issues'
  | 'sheet';

export const SUMMARY_WORDS: Record<Lang, Record<SummaryWord, string>> = {
  zh: {
    companyTarget: '公司目标（万元）',
    source: '目标来源',
    sourceTarget: '公司年度目标',
    sourceGrowth: '按增长率',
    growthPct: '增长率（%）',
    currentSales: '当前公司销售额（万元，已分级客户）',
    basis: '分配依据',
    unit: '分配单位（万元）',
    classified: '已分级客户 / 全部客户',
    issues: '问题数（见“问题”表）',
    sheet: '客户表',
  },
  en: {
    companyTarget: 'Company target (万元)',
    source: 'Target from',
    sourceTarget: 'Company target',
    sourceGrowth: 'Growth',
    growthPct: 'Growth (%)',
    currentSales: 'Current sales (万元, classified customers)',
    basis: 'Allocated by',
    unit: 'Allocation unit (万元)',
    classified: 'Classified / all customers',
    issues: 'Issues (see the Issues sheet)',
    sheet: 'Customer sheet',
  },
};

export const ISSUE_HEADERS: Record<Lang, { sheet: string; row: string; column: string; severity: string; what: string; todo: string; error: string; warning: string }> = {
  zh: { sheet: '工作表', row: '行', column: '列', severity: '级别', what: '问题', todo: '怎么做', error: '错误', warning: '提醒' },
  en: { sheet: 'Sheet', row: 'Row', column: 'Column', severity: 'Severity', what: 'What', todo: 'What to do', error: 'Error', warning: 'Warning' },
};

// ---------------------------------------------------------------------------------------------
// Problems found when reading a settings sheet back

export type SheetProblemKey =
  | 'sheet-missing-table'
  | 'sheet-not-number'
  | 'sheet-unknown-tier'
  | 'sheet-unknown-choice'
  | 'sheet-missing-value'
  | 'sheet-tier-row'
  | 'sheet-class-row';

/** A problem in a settings sheet, with the cell to look at when there is one. */
export interface SettingsSheetProblem {
  key: SheetProblemKey | SettingsProblem['key'];
  /** Path into the settings object, as in SettingsProblem. */
  path: (string | number)[];
  params: Record<string, string | number>;
  /** A1 address of the cell to look at ("C7"), when the problem belongs to one. */
  cell?: string;
  /** The settings sheet's name, for messages. */
  sheet?: string;
}

const SHEET_PROBLEM_TEXT: Record<Lang, Record<SheetProblemKey, string>> = {
  zh: {
    'sheet-missing-table': '找不到“{table}”表。请勿删除或改写各表的标题；或删除本表，重新计划以生成新的设置表。',
    'sheet-not-number': '“{found}”不是数字。请填写数字。',
    'sheet-unknown-tier': '“{found}”不是城市级别。请填写级别代码之一：{tiers}。',
    'sheet-unknown-choice': '“{found}”无法识别。请填写以下之一：{choices}。',
    'sheet-missing-value': '此处需要填写内容（{what}）。',
    'sheet-tier-row': '这一行应为“{expected}”。请按“城市级别的定义”的顺序，每个级别一行。',
    'sheet-class-row': '这一行应为“{expected}”。请保持 A、B、C 的行顺序。',
  },
  en: {
    'sheet-missing-table': 'The “{table}” table is missing. Do not delete or retype the tables\' titles; or delete this sheet and plan again to get a fresh one.',
    'sheet-not-number': '“{found}” is not a number. Type a number.',
    'sheet-unknown-tier': '“{found}” is not a tier. Type one of the tier IDs: {tiers}.',
    'sheet-unknown-choice': '“{found}” is not one of the choices. Type one of: {choices}.',
    'sheet-missing-value': 'This cell needs a value ({what}).',
    'sheet-tier-row': 'This row should be “{expected}”. Keep one row per tier, in the order of the tier definitions.',
    'sheet-class-row': 'This row should be “{expected}”. Keep the A, B, C rows in order.',
  },
};

const SHEET_KEYS = new Set<string>(Object.keys(SHEET_PROBLEM_TEXT.en));

/** "工作表“ABC 设置” C7：…" / "Sheet “ABC Settings”, cell C7: …". */
export function formatSettingsSheetProblem(p: SettingsSheetProblem, lang: Lang): string {
  const zh = lang === 'zh';
  const sheet = p.sheet ?? SHEET_NAMES[lang].settings;
  const where = zh ? `工作表“${sheet}”${p.cell ? ` ${p.cell} 单元格` : ''}` : `Sheet “${sheet}”${p.cell ? `, cell ${p.cell}` : ''}`;
  let what: string;
  if (SHEET_KEYS.has(p.key)) {
    what = fill(SHEET_PROBLEM_TEXT[lang][p.key as SheetProblemKey], p.params);
  } else {
    what = formatSettingsProblem(p as SettingsProblem, lang);
    // The engine's messages name the setting; with a cell, say both.
    if (p.cell && p.path.length) {
      const label = settingsPathLabel(p.path, lang, p.params);
      if (!what.includes(label)) what = `${label}: ${what}`;
    }
  }
  return zh ? `${where}：${what}` : `${where}: ${what}`;
}

/** Field names for the column-override table. */
export type { Field };
