/**
 * Words for what the engine produces: labels of classes, coverage, modes, industry groups and
 * fields (a tier's names are settings: engine/tiers.ts); row issues (what, where, what to do); settings problems; class reasons.
 */
import type { ClassReason } from '../engine/classify';
import type { IndustryGroup, SettingsProblem } from '../engine/settings';
import { TARGET_CHECK_KEYS } from '../engine/targetChecks';
import type { Coverage, CustomerClass, Field, Issue, IssueKey, MatrixMode } from '../engine/types';
import type { Lang } from './index';
import { fill } from './index';

type Labels<K extends string> = Record<Lang, Record<K, string>>;

export const CLASS_LABELS: Labels<CustomerClass> = {
  zh: { A: 'A类', B: 'B类', C: 'C类' },
  en: { A: 'A', B: 'B', C: 'C' },
};

export const COVERAGE_LABELS: Labels<Coverage> = {
  zh: { direct: '公司直接覆盖', joint: '公司与合作伙伴协同', partner: '通过合作伙伴' },
  en: { direct: 'Direct team', joint: 'Us with partners', partner: 'Through partners' },
};

export const MODE_LABELS: Labels<MatrixMode> = {
  zh: { direct: '直接管理', 'direct-reseller': '直接管理+Reseller', problem: '问题管理', reseller: 'Reseller间接管理' },
  en: { direct: 'Direct', 'direct-reseller': 'Direct + reseller', problem: 'Problem account', reseller: 'Reseller-managed' },
};

export const INDUSTRY_LABELS: Labels<IndustryGroup> = {
  zh: { government: '政府', 'finance-telecom': '金融/电信', education: '教育', petrochemical: '石化', enterprise: '企业', other: '其他' },
  en: { government: 'Government', 'finance-telecom': 'Finance/Telecom', education: 'Education', petrochemical: 'Petrochemical', enterprise: 'Enterprise', other: 'Other' },
};

export const FIELD_LABELS: Labels<Field | 'product'> = {
  zh: { name: '客户名称', city: '城市', industry: '行业', potential: '客户年市场销售额', ourSales: '公司销售额', owner: '销售人员', region: '区域/省份', branch: '分公司', product: '产品销售额' },
  en: { name: 'Customer', city: 'City', industry: 'Industry', potential: 'Potential', ourSales: 'Our sales', owner: 'Owner', region: 'Region', branch: 'Branch', product: 'Product sales' },
};

/** What went wrong and what to do, per issue key. */
const ISSUE_TEXT: Record<Lang, Record<IssueKey, { what: string; todo: string }>> = {
  zh: {
    'no-header': { what: '找不到表头行（客户名称、城市、客户年市场销售额、公司销售额等）', todo: '请确认工作表中有表头行，或手动指定表头所在行' },
    'missing-column': { what: '缺少“{fieldLabel}”列', todo: '请添加该列，或在列映射中指定对应的列' },
    'missing-name': { what: '客户名称为空', todo: '请填写客户名称' },
    'missing-amount': { what: '“{fieldLabel}”为空，该客户未分级、不分配目标', todo: '请填写金额（万元），如 350' },
    'marked-missing-amount': { what: '“{fieldLabel}”填的是“{text}”（没有数据），该客户未分级、不分配目标', todo: '请填写金额（万元），如 350' },
    'invalid-amount': { what: '“{text}”不是有效金额，该客户未分级、不分配目标', todo: '请填写数字，如 350、350万 或 ¥3,500,000' },
    'negative-amount': { what: '金额为负数（{value} 万元），该客户未分级、不分配目标', todo: '请改为 0 或正数' },
    'missing-city': { what: '城市为空，按未列出城市的级别处理', todo: '请填写城市，如 北京、西安' },
    'duplicate-customer': { what: '可能与第 {firstRow} 行重复（客户名称和城市相同）', todo: '请确认是否为同一客户，重复的请删除或合并' },
    'sales-above-potential': { what: '公司销售额（{ourSales}）高于客户年市场销售额（{potential}）', todo: '请核对两个金额' },
    'invalid-product-amount': { what: '产品“{product}”的销售额无法识别，按 0 计入产品结构', todo: '请填写数字' },
    'amount-too-large': {
      what: '“{text}”超过单个客户金额上限（{maxText} 万元，即 1 万亿元），该客户未分级、不分配目标',
      todo: '请核对该单元格（是否误粘贴了编号？）；若该列金额以元为单位，请在表头注明，如“客户年市场销售额（元）”',
    },
    'product-amount-too-large': { what: '产品“{product}”的销售额“{text}”超过上限（{maxText} 万元），按 0 计入产品结构', todo: '请核对该单元格；若以元为单位，请在表头注明（元）' },
    'text-too-long': { what: '“{fieldLabel}”有 {length} 个字符，超过 Excel 单元格上限（{max} 个字符），生成的工作表中将截短显示', todo: '请缩短该单元格的内容' },
    'bad-column-override': { what: '{overrideWhat}', todo: '{overrideTodo}' },
    'too-many-products': { what: '表头有 {count} 个产品列，超过上限 {max} 个（从本列起超出）', todo: '请删除多余的产品列，或把不是产品的列改名（不以“产品”开头）' },
    'mix-length-mismatch': { what: '设置中的产品结构有 {shares} 个比例，但本表有 {products} 个产品，已改按各产品的历史销售额分配', todo: '请在设置的产品结构中为每个产品填写一个比例（合计 100%），或清空产品结构' },
    'target-far-from-sales': { what: '公司目标 {target} 万元是今年已分级客户销售额（{current} 万元）的 {ratioPct}%，{direction}', todo: '请核对公司目标（单位为万元），或改按增长率设定' },
    'target-in-yuan': { what: '公司目标 {target} 万元是今年已分级客户销售额（{current} 万元）的 {ratio} 倍，像是按元填写的', todo: '您是想填 ¥{yuan} = {yi}亿 = {wan} 万元 吗？如是，请在公司目标中填 {wanPlain}（单位为万元）' },
    'growth-out-of-range': { what: '增长率 {growth}% 超出常见范围（{low}% 至 {high}%），公司目标将为 {target} 万元（今年 {current} 万元）', todo: '请核对增长率（是否多输或少输了一位？），或直接填写公司目标' },
    'target-too-small': { what: '公司目标 {target} 万元按 {unit} 万元为单位只有 {units} 份，少于已分级客户数（{customers} 个），多数客户的目标将为 0', todo: '{smallTodo}' },
  },
  en: {
    'no-header': { what: 'No header row found (Customer, City, Potential, Our sales, …)', todo: 'Check that the sheet has a header row, or choose the header row by hand' },
    'missing-column': { what: 'The “{fieldLabel}” column is missing', todo: 'Add the column, or choose which column holds it in the column mapping' },
    'missing-name': { what: 'The customer name is blank', todo: 'Type the customer name' },
    'missing-amount': { what: '“{fieldLabel}” is blank: the customer gets no class and no target', todo: 'Type the amount in 万元 (10k CNY), e.g. 350' },
    'marked-missing-amount': { what: '“{fieldLabel}” says “{text}” (no figure): the customer gets no class and no target', todo: 'Type the amount in 万元 (10k CNY), e.g. 350' },
    'invalid-amount': { what: '“{text}” is not an amount: the customer gets no class and no target', todo: 'Type a number, e.g. 350, 350万 or ¥3,500,000' },
    'negative-amount': { what: 'The amount is negative ({value} 万元): the customer gets no class and no target', todo: 'Change it to 0 or more' },
    'missing-city': { what: 'The city is blank: planned in the tier for cities not listed', todo: 'Type the city, e.g. Beijing or 西安' },
    'duplicate-customer': { what: 'May duplicate row {firstRow} (same customer name and city)', todo: 'Check whether it is the same customer; delete or merge the duplicate' },
    'sales-above-potential': { what: 'Our sales ({ourSales}) are above the potential ({potential})', todo: 'Check both amounts' },
    'invalid-product-amount': { what: 'The sales of product “{product}” are not an amount: counted as 0 in the product mix', todo: 'Type a number' },
    'amount-too-large': {
      what: '“{text}” is above the largest amount for one customer ({maxText} 万元, i.e. 10^12 CNY): the customer gets no class and no target',
      todo: 'Check the cell (an ID pasted by mistake?); if the column is in CNY (元), say so in its header, e.g. “Potential (CNY)”',
    },
    'product-amount-too-large': { what: 'The sales “{text}” of product “{product}” are above the largest amount ({maxText} 万元): counted as 0 in the product mix', todo: 'Check the cell; if it is in CNY (元), say so in the header' },
    'text-too-long': { what: '“{fieldLabel}” has {length} characters, more than an Excel cell holds ({max}): it is shortened in the sheets ABC Planner writes', todo: 'Shorten the text in this cell' },
    'bad-column-override': { what: '{overrideWhat}', todo: '{overrideTodo}' },
    'too-many-products': { what: 'The header has {count} product columns, more than the {max} a plan can hold (the excess starts at this column)', todo: 'Delete the extra product columns, or rename columns that are not products (so they do not start with “Product”)' },
    'mix-length-mismatch': { what: 'The product mix in the settings has {shares} shares, but this sheet has {products} products: the products’ sales history is used instead', todo: 'Give each product one share in the settings’ product mix (adding up to 100%), or clear the mix' },
    'target-far-from-sales': { what: 'The company target {target} 万元 is {ratioPct}% of this year’s sales of the classified customers ({current} 万元), {direction}', todo: 'Check the company target (it is in 万元), or set growth instead' },
    'target-in-yuan': { what: 'The company target {target} 万元 is {ratio}× this year’s sales of the classified customers ({current} 万元): it looks typed in CNY (元)', todo: 'Did you mean ¥{yuan} = {yi}亿 = {wan} 万元? If so, type {wanPlain} as the company target (it is in 万元)' },
    'growth-out-of-range': { what: 'Growth of {growth}% is outside the usual range ({low}% to {high}%): the company target would be {target} 万元 (this year {current} 万元)', todo: 'Check the growth (a digit too many or too few?), or type the company target instead' },
    'target-too-small': { what: 'The company target {target} 万元 is only {units} {units|unit|units} of {unit} 万元, fewer than the {customers} classified customers: most customers will get a target of 0', todo: '{smallTodo}' },
  },
};

export interface IssueWords {
  /** "工作表“客户”第 7 行 D 列" / "Sheet “Customers”, row 7, column D". */
  where: string;
  what: string;
  todo: string;
}

export function issueWhere(issue: Pick<Issue, 'sheet' | 'row' | 'column'>, lang: Lang): string {
  if (lang === 'zh') {
    return `工作表“${issue.sheet}”` + (issue.row !== undefined ? `第 ${issue.row} 行` : '') + (issue.column ? ` ${issue.column} 列` : '');
  }
  return `Sheet “${issue.sheet}”` + (issue.row !== undefined ? `, row ${issue.row}` : '') + (issue.column ? `, column ${issue.column}` : '');
}

export function describeIssue(issue: Issue, lang: Lang): IssueWords {
  const params: Record<string, string | number> = { ...issue.params, fieldLabel: issue.field ? FIELD_LABELS[lang][issue.field] : '' };
  if (issue.key === 'missing-column' && typeof issue.params.field === 'string') {
    params.fieldLabel = FIELD_LABELS[lang][issue.params.field as Field] ?? issue.params.field;
  }
  if (typeof issue.params.max === 'number') params.maxText = issue.params.max.toLocaleString('en-US');
  if (typeof params.text === 'string') params.text = quoted(params.text);
  if (issue.key === 'bad-column-override') Object.assign(params, overrideWords(issue, lang));
  if (TARGET_CHECK_KEYS.includes(issue.key)) Object.assign(params, targetCheckWords(issue, lang));
  const text = ISSUE_TEXT[lang][issue.key];
  return { where: issueWhere(issue, lang), what: fill(text.what, params), todo: fill(text.todo, params) };
}

const amount = (x: number, digits = 2) => x.toLocaleString('en-US', { maximumFractionDigits: digits });

/** The numbers of a target check as people read them ("12,000"), and the words that depend on them. */
function targetCheckWords(issue: Issue, lang: Lang): Record<string, string | number> {
  const q = issue.params;
  const zh = lang === 'zh';
  const words: Record<string, string | number> = {};
  for (const name of ['target', 'current', 'ratioPct', 'ratio', 'growth', 'units', 'customers', 'minTarget']) {
    if (typeof q[name] === 'number') words[name] = amount(q[name] as number);
  }
  if (issue.key === 'target-far-from-sales') {
    const below = Number(q.ratioPct) < 100;
    words.direction = below ? (zh ? '低于 50%' : 'below 50%') : zh ? '高于 300%' : 'above 300%';
  }
  if (issue.key === 'target-in-yuan') {
    // The number typed, read as 元: 120000000 is ¥120,000,000 = 1.2亿 = 12,000 万元.
    const typed = Number(q.target);
    words.yuan = amount(typed);
    words.yi = amount(typed / 1e8, 4);
    words.wan = amount(typed / 1e4, 4);
    words.wanPlain = String(Number((typed / 1e4).toFixed(4)));
  }
  if (issue.key === 'target-too-small') {
    const better = q.betterUnit;
    words.smallTodo =
      typeof better === 'number'
        ? zh
          ? `请把分配单位改为 ${better} 万元（每个客户至少 1 份），或提高公司目标`
          : `Choose the allocation unit ${better} 万元 (then every customer can get one), or raise the company target`
        : zh
          ? `请把公司目标提高到至少 ${words.minTarget} 万元（每个客户 1 份），或确认多数客户目标为 0`
          : `Raise the company target to at least ${words.minTarget} 万元 (one unit per customer), or accept that most customers get 0`;
  }
  return words;
}

/** A cell's text as a message quotes it: a long one by its ends ("9999999999…9999999999", 309 characters). */
function quoted(text: string): string {
  return text.length <= 60 ? text : `${text.slice(0, 24)}…${text.slice(-12)}`;
}

/** A column override that points nowhere, or at a column another field already has. */
function overrideWords(issue: Issue, lang: Lang): { overrideWhat: string; overrideTodo: string } {
  const q = issue.params;
  const field = FIELD_LABELS[lang][q.field as Field] ?? String(q.field);
  const other = FIELD_LABELS[lang][q.other as Field] ?? String(q.other ?? '');
  if (q.reason === 'same-column') {
    return lang === 'zh'
      ? { overrideWhat: `设置的列映射把“${field}”和“${other}”都指定为表头“${q.header}”这一列，一列只能对应一个字段，未规划`, overrideTodo: `请在列映射中为“${field}”选择另一列（设置表的“列映射”或面板第 1 步）` }
      : { overrideWhat: `The column mapping puts both “${field}” and “${other}” on the column headed “${q.header}”; one column can hold one field only: not planned`, overrideTodo: `Choose another column for “${field}” in the column mapping (the settings sheet's column mapping, or step 1 of the pane)` };
  }
  return lang === 'zh'
    ? { overrideWhat: `设置的列映射把“${field}”指定为表头“${q.header}”，但此表头行中没有这一列，未规划`, overrideTodo: `请在列映射中重新选择“${field}”对应的列，或删除这项映射以自动识别` }
    : { overrideWhat: `The column mapping puts “${field}” on the header “${q.header}”, which this header row does not have: not planned`, overrideTodo: `Choose the column for “${field}” again in the column mapping, or remove that mapping to let it be detected` };
}

/** One line for a terminal or a list: where: what. What to do. */
export function formatIssue(issue: Issue, lang: Lang): string {
  const w = describeIssue(issue, lang);
  return lang === 'zh' ? `${w.where}：${w.what}。${w.todo}。` : `${w.where}: ${w.what}. ${w.todo}.`;
}

const THRESHOLD_LABELS: Labels<'aPotential' | 'aSales' | 'bPotential' | 'bSales'> = {
  zh: { aPotential: 'A类客户年市场销售额下限', aSales: 'A类公司销售额下限', bPotential: 'B类客户年市场销售额下限', bSales: 'B类公司销售额下限' },
  en: { aPotential: 'A minimum for potential', aSales: 'A minimum for our sales', bPotential: 'B minimum for potential', bSales: 'B minimum for our sales' },
};

/** Paths with a name planners know: [zh, en]; the path itself follows in brackets, for a settings file. */
const PATH_LABELS: Record<string, [string, string]> = {
  version: ['设置版本', 'the settings version'],
  'targets.companyTarget': ['公司目标（万元）', 'the company target (万元)'],
  'targets.growthPct': ['增长率（%）', 'the growth (%)'],
  'targets.blendPotentialWeight': ['混合分配中潜力的权重', 'the weight of potential in the blend'],
  'targets.unit': ['分配单位', 'the allocation unit'],
  'targets.basis': ['分配依据', 'the allocation basis'],
  'products.names': ['产品名称列表', 'the product names'],
  'products.mix': ['产品结构', 'the product mix'],
  columns: ['列映射', 'the column mapping'],
  tiers: ['城市级别列表', 'the tier list'],
  fallbackTier: ['未列出城市的级别', 'the tier for cities not listed'],
};

/**
 * A tier as a message names it: its name, which the settings module puts into the problem's
 * params (tierZh, tierEn) wherever it knows the tier; else its id.
 */
function tierWords(id: string, lang: Lang, params: Record<string, string | number>): string {
  const name = params[lang === 'zh' ? 'tierZh' : 'tierEn'];
  if (typeof name === 'string' && name !== '') return name;
  return lang === 'zh' ? `级别“${id}”` : `Tier “${id}”`;
}

const TIER_FIELD_WORDS: Labels<'id' | 'zh' | 'en'> = {
  zh: { id: '代码', zh: '中文名称', en: '英文名称' },
  en: { id: 'ID', zh: 'Chinese name', en: 'English name' },
};

/**
 * Names a settings path the way the settings sheet shows it: "Tier 2: the A minimum for potential".
 * `params` are the problem's (they carry the tier's names).
 */
export function settingsPathLabel(path: (string | number)[], lang: Lang, params: Record<string, string | number> = {}): string {
  const [group, a, b] = path;
  const zh = lang === 'zh';
  if (group === 'thresholds' && typeof a === 'string') {
    const tier = tierWords(a, lang, params);
    if (typeof b !== 'string' || !(b in THRESHOLD_LABELS.en)) return zh ? `${tier}：分级标准` : `${tier}: the class thresholds`;
    const label = THRESHOLD_LABELS[lang][b as keyof (typeof THRESHOLD_LABELS)['en']];
    return zh ? `${tier}：${label}` : `${tier}: the ${label}`;
  }
  if (group === 'matrix' && typeof a === 'string') {
    const tier = tierWords(a, lang, params);
    const what = b === 'share' ? (zh ? '占有率分界' : 'share split') : b === 'potential' ? (zh ? '潜力分界' : 'potential split') : zh ? '分界' : 'splits';
    return zh ? `${tier}：矩阵${what}` : `${tier}: the matrix ${what}`;
  }
  if (group === 'tiers' && typeof a === 'number') {
    const field = typeof b === 'string' && b in TIER_FIELD_WORDS.en ? TIER_FIELD_WORDS[lang][b as 'id' | 'zh' | 'en'] : '';
    return zh ? `城市级别第 ${a + 1} 项${field ? `的${field}` : ''}` : `tier ${a + 1}${field ? `, its ${field}` : ''}`;
  }
  if (group === 'cities' && typeof a === 'number' && b === 'tier') return zh ? `城市列表第 ${a + 1} 项的级别` : `city list, entry ${a + 1}, its tier`;
  if (group === 'cities' && typeof a === 'number') return lang === 'zh' ? `城市列表第 ${a + 1} 项` : `city list, entry ${a + 1}`;
  if (group === 'industries' && typeof a === 'number') return lang === 'zh' ? `行业对应表第 ${a + 1} 项` : `industry mapping, entry ${a + 1}`;
  const known = PATH_LABELS[path.join('.')];
  if (known) return lang === 'zh' ? `${known[0]}（${path.join('.')}）` : `${known[1]} (${path.join('.')})`;
  if (group === 'products' && (a === 'names' || a === 'mix') && typeof b === 'number') {
    return lang === 'zh' ? `产品${a === 'names' ? '名称' : '结构'}第 ${b + 1} 项（${path.join('.')}）` : `product ${a === 'names' ? 'name' : 'share'} ${b + 1} (${path.join('.')})`;
  }
  return path.join('.') || (lang === 'zh' ? '设置' : 'settings');
}

/** zod's type names in words: [zh, en]. */
const TYPE_WORDS: Record<string, [string, string]> = {
  number: ['数字', 'a number'],
  int: ['整数', 'a whole number'],
  string: ['文本', 'text'],
  object: ['一组设置（对象）', 'a group of settings (an object)'],
  array: ['列表', 'a list'],
  boolean: ['TRUE 或 FALSE', 'true or false'],
  null: ['空值 (null)', 'null'],
};

export function formatSettingsProblem(p: SettingsProblem, lang: Lang): string {
  const where = settingsPathLabel(p.path, lang, p.params);
  const zh = lang === 'zh';
  const q = p.params;
  switch (p.key) {
    case 'settings-a-below-b': {
      const measure = q.measure === 'potential' ? (zh ? '客户年市场销售额' : 'potential') : zh ? '公司销售额' : 'our sales';
      const tier = tierWords(String(q.tier), lang, q);
      return zh
        ? `${tier}：A类${measure}下限（${q.a}）低于B类下限（${q.b}）。A类下限应不低于B类。`
        : `${tier}: the A minimum for ${measure} (${q.a}) is below the B minimum (${q.b}). Make the A minimum at least the B minimum.`;
    }
    case 'settings-duplicate-tier':
      return zh
        ? `级别代码“${q.tier}”重复（第 ${q.first} 和第 ${q.second} 个级别；代码不区分大小写）。每个级别需要不同的代码。`
        : `The tier ID “${q.tier}” is used twice (tiers ${q.first} and ${q.second}; IDs ignore case). Give each tier its own ID.`;
    case 'settings-duplicate-tier-name':
      return zh ? `${where}：名称“${q.name}”与第 ${q.first} 个级别相同。请给每个级别不同的名称。` : `${where}: “${q.name}” is also the name of tier ${q.first}. Give each tier its own name.`;
    case 'settings-unknown-tier':
      return zh
        ? `${where}：没有代码为“${q.found}”的城市级别（现有级别的代码：${q.tiers}）。请填写其中之一，或先添加这个级别。`
        : `${where}: there is no tier with the ID “${q.found}” (the tier IDs are ${q.tiers}). Use one of them, or add that tier first.`;
    case 'settings-missing-tier':
      return zh ? `${where}：缺少这个级别的值。请为每个城市级别各填一项。` : `${where}: missing. Give every tier its values.`;
    case 'settings-invalid-tier-id':
      return zh
        ? `${where}：“${q.found}”不能作为级别代码。请用 1–16 个英文字母、数字、- 或 _，以字母或数字开头，如 1、T2。`
        : `${where}: “${q.found}” cannot be a tier ID. Use 1–16 letters, digits, - or _, starting with a letter or digit, e.g. 1 or T2.`;
    case 'settings-not-object':
      return zh ? '设置内容不是有效的设置表。请使用 ABC Planner 生成的设置。' : 'These are not settings. Use settings that ABC Planner wrote.';
    case 'settings-newer-version':
      return zh
        ? `这份设置由更新版本的 ABC Planner 生成（版本 ${q.found}，当前支持 ${q.supported}）。请更新 ABC Planner。`
        : `These settings come from a newer ABC Planner (version ${q.found}; this one reads ${q.supported}). Update ABC Planner.`;
    case 'settings-invalid-type': {
      const [zhType, enType] = TYPE_WORDS[String(q.expected)] ?? [String(q.expected), String(q.expected)];
      return zh ? `${where}：值的类型不对，应为${zhType}。请更正。` : `${where}: expected ${enType}. Correct it.`;
    }
    case 'settings-too-small': {
      const min = Number(q.minimum).toLocaleString('en-US');
      if (q.origin === 'array') return zh ? `${where}：至少需要 ${min} 项。` : `${where}: needs at least ${min} ${Number(q.minimum) === 1 ? 'entry' : 'entries'}.`;
      if (q.origin === 'string') return zh ? `${where}：不能为空。请填写名称。` : `${where}: must not be blank. Type a name.`;
      return zh ? `${where}：不能小于 ${min}。请改为不小于 ${min} 的数。` : `${where}: must be at least ${min}. Change it to ${min} or more.`;
    }
    case 'settings-too-big': {
      const max = Number(q.maximum).toLocaleString('en-US');
      if (q.origin === 'array') return zh ? `${where}：最多 ${max} 项。请删除多余的项。` : `${where}: at most ${max} entries. Remove the extra ones.`;
      if (q.origin === 'string') return zh ? `${where}：最多 ${max} 个字符。请缩短。` : `${where}: at most ${max} characters. Shorten it.`;
      // Why the bound: targets beyond it cannot be split exactly; no customer's amount can pass a threshold's.
      const group = p.path[0];
      const why = group === 'targets' ? (zh ? '（超出后无法精确规划）' : ' (beyond it the plan cannot be exact)') : group === 'thresholds' || group === 'matrix' ? (zh ? '（单个客户金额的上限）' : ' (the largest amount one customer can have)') : '';
      return zh ? `${where}：不能大于 ${max}${why}。请改为不大于 ${max} 的数。` : `${where}: must be at most ${max}${why}. Change it to ${max} or less.`;
    }
    case 'settings-unknown-field':
      return zh ? `${where}：无法识别的设置项（${q.fields}）。请删除或更正。` : `${where}: unknown setting (${q.fields}). Remove or correct it.`;
    case 'settings-mix-length':
      return zh ? `产品结构有 ${q.shares} 个比例，但有 ${q.products} 个产品。每个产品需要一个比例。` : `The product mix has ${q.shares} shares for ${q.products} products. Give each product one share.`;
    case 'settings-mix-sum':
      return zh ? `产品结构比例合计为 ${q.sum}%，应为 100%。` : `The product mix adds up to ${q.sum}%; it must add up to 100%.`;
    case 'settings-duplicate-city':
      return zh ? `城市“${q.city}”在城市列表中出现两次（第 ${q.first} 和第 ${q.second} 项）。请只保留一项。` : `The city “${q.city}” is listed twice (entries ${q.first} and ${q.second}). Keep one.`;
    case 'settings-duplicate-product':
      return zh ? `产品“${q.product}”重复。产品名称不能重复。` : `The product “${q.product}” is listed twice. Product names must differ.`;
    case 'settings-invalid':
      return zh ? `${where}：值无效。` : `${where}: the value is not valid.`;
  }
}

const fmt = (x: number) => String(Math.round(x * 100) / 100);

/** "A: potential 620 ≥ 500 and our sales 240 ≥ 200, Tier 1" and its Chinese twin. */
export function describeReason(r: ClassReason, lang: Lang): string {
  const zh = lang === 'zh';
  const pot = zh ? '客户年市场销售额' : 'potential';
  const sales = zh ? '公司销售额' : 'our sales';
  const tier = r.tierNames[lang];
  if (r.class === 'A') {
    return zh
      ? `A类：${pot} ${fmt(r.potential)} ≥ ${fmt(r.minPotential)}，且${sales} ${fmt(r.ourSales)} ≥ ${fmt(r.minSales)}（${tier}）`
      : `A: ${pot} ${fmt(r.potential)} ≥ ${fmt(r.minPotential)} and ${sales} ${fmt(r.ourSales)} ≥ ${fmt(r.minSales)}, ${tier}`;
  }
  if (r.class === 'B') {
    const missed = r.missed.map((m) => (m === 'potential' ? pot : sales)).join(zh ? '、' : ' and ');
    return zh
      ? `B类：${pot} ${fmt(r.potential)} ≥ ${fmt(r.minPotential)}，且${sales} ${fmt(r.ourSales)} ≥ ${fmt(r.minSales)}，未达A类${missed}下限（${tier}）`
      : `B: ${pot} ${fmt(r.potential)} ≥ ${fmt(r.minPotential)} and ${sales} ${fmt(r.ourSales)} ≥ ${fmt(r.minSales)}, below the A minimum for ${missed}, ${tier}`;
  }
  const parts = r.missed.map((m) => (m === 'potential' ? `${pot} ${fmt(r.potential)} < ${fmt(r.minPotential)}` : `${sales} ${fmt(r.ourSales)} < ${fmt(r.minSales)}`));
  return zh ? `C类：${parts.join('，')}，未达B类下限（${tier}）` : `C: ${parts.join(' and ')}, below the B minimum, ${tier}`;
}
