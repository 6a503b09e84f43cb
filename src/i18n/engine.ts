/**
 * Words for what the engine produces: labels of tiers, classes, coverage, modes, industry
 * groups and fields; row issues (what, where, what to do); settings problems; class reasons.
 */
import type { ClassReason } from '../engine/classify';
import type { IndustryGroup, SettingsProblem } from '../engine/settings';
import type { Coverage, CustomerClass, Field, Issue, IssueKey, MatrixMode, Tier } from '../engine/types';
import type { Lang } from './index';
import { fill } from './index';

type Labels<K extends string> = Record<Lang, Record<K, string>>;

export const TIER_LABELS: Labels<`${Tier}`> = {
  zh: { '1': '一级城市', '2': '二级城市', '3': '三级城市' },
  en: { '1': 'Tier 1', '2': 'Tier 2', '3': 'Tier 3' },
};

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
    'invalid-amount': { what: '“{text}”不是有效金额，该客户未分级、不分配目标', todo: '请填写数字，如 350、350万 或 ¥3,500,000' },
    'negative-amount': { what: '金额为负数（{value} 万元），该客户未分级、不分配目标', todo: '请改为 0 或正数' },
    'missing-city': { what: '城市为空，按三级城市处理', todo: '请填写城市，如 北京、西安' },
    'duplicate-customer': { what: '可能与第 {firstRow} 行重复（客户名称和城市相同）', todo: '请确认是否为同一客户，重复的请删除或合并' },
    'sales-above-potential': { what: '公司销售额（{ourSales}）高于客户年市场销售额（{potential}）', todo: '请核对两个金额' },
    'invalid-product-amount': { what: '产品“{product}”的销售额无法识别，按 0 计入产品结构', todo: '请填写数字' },
  },
  en: {
    'no-header': { what: 'No header row found (Customer, City, Potential, Our sales, …)', todo: 'Check that the sheet has a header row, or choose the header row by hand' },
    'missing-column': { what: 'The “{fieldLabel}” column is missing', todo: 'Add the column, or choose which column holds it in the column mapping' },
    'missing-name': { what: 'The customer name is blank', todo: 'Type the customer name' },
    'missing-amount': { what: '“{fieldLabel}” is blank: the customer gets no class and no target', todo: 'Type the amount in 万元 (10k CNY), e.g. 350' },
    'invalid-amount': { what: '“{text}” is not an amount: the customer gets no class and no target', todo: 'Type a number, e.g. 350, 350万 or ¥3,500,000' },
    'negative-amount': { what: 'The amount is negative ({value} 万元): the customer gets no class and no target', todo: 'Change it to 0 or more' },
    'missing-city': { what: 'The city is blank: planned as Tier 3', todo: 'Type the city, e.g. Beijing or 西安' },
    'duplicate-customer': { what: 'May duplicate row {firstRow} (same customer name and city)', todo: 'Check whether it is the same customer; delete or merge the duplicate' },
    'sales-above-potential': { what: 'Our sales ({ourSales}) are above the potential ({potential})', todo: 'Check both amounts' },
    'invalid-product-amount': { what: 'The sales of product “{product}” are not an amount: counted as 0 in the product mix', todo: 'Type a number' },
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
  const params = { ...issue.params, fieldLabel: issue.field ? FIELD_LABELS[lang][issue.field] : '' };
  if (issue.key === 'missing-column' && typeof issue.params.field === 'string') {
    params.fieldLabel = FIELD_LABELS[lang][issue.params.field as Field] ?? issue.params.field;
  }
  const text = ISSUE_TEXT[lang][issue.key];
  return { where: issueWhere(issue, lang), what: fill(text.what, params), todo: fill(text.todo, params) };
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

/** Names a settings path the way the settings sheet shows it: "Tier 2: the A minimum for potential". */
export function settingsPathLabel(path: (string | number)[], lang: Lang): string {
  const [group, a, b] = path;
  if (group === 'thresholds' && typeof a === 'string' && typeof b === 'string' && b in THRESHOLD_LABELS.en) {
    const label = THRESHOLD_LABELS[lang][b as keyof (typeof THRESHOLD_LABELS)['en']];
    return lang === 'zh' ? `${TIER_LABELS.zh[a as `${Tier}`]}：${label}` : `Tier ${a}: the ${label}`;
  }
  if (group === 'matrix' && typeof a === 'string') {
    const what = b === 'share' ? (lang === 'zh' ? '占有率分界' : 'share split') : lang === 'zh' ? '潜力分界' : 'potential split';
    return lang === 'zh' ? `${TIER_LABELS.zh[a as `${Tier}`]}：矩阵${what}` : `Tier ${a}: the matrix ${what}`;
  }
  if (group === 'cities' && typeof a === 'number') return lang === 'zh' ? `城市列表第 ${a + 1} 项` : `city list, entry ${a + 1}`;
  if (group === 'industries' && typeof a === 'number') return lang === 'zh' ? `行业对应表第 ${a + 1} 项` : `industry mapping, entry ${a + 1}`;
  return path.join('.') || (lang === 'zh' ? '设置' : 'settings');
}

export function formatSettingsProblem(p: SettingsProblem, lang: Lang): string {
  const where = settingsPathLabel(p.path, lang);
  const zh = lang === 'zh';
  const q = p.params;
  switch (p.key) {
    case 'settings-a-below-b': {
      const measure = q.measure === 'potential' ? (zh ? '客户年市场销售额' : 'potential') : zh ? '公司销售额' : 'our sales';
      return zh
        ? `${TIER_LABELS.zh[q.tier as `${Tier}`]}：A类${measure}下限（${q.a}）低于B类下限（${q.b}）。A类下限应不低于B类。`
        : `Tier ${q.tier}: the A minimum for ${measure} (${q.a}) is below the B minimum (${q.b}). Make the A minimum at least the B minimum.`;
    }
    case 'settings-not-object':
      return zh ? '设置内容不是有效的设置表。请使用 ABC Planner 生成的设置。' : 'These are not settings. Use settings that ABC Planner wrote.';
    case 'settings-newer-version':
      return zh
        ? `这份设置由更新版本的 ABC Planner 生成（版本 ${q.found}，当前支持 ${q.supported}）。请更新 ABC Planner。`
        : `These settings come from a newer ABC Planner (version ${q.found}; this one reads ${q.supported}). Update ABC Planner.`;
    case 'settings-invalid-type':
      return zh ? `${where}：值的类型不对，应为${q.expected === 'number' ? '数字' : q.expected}。` : `${where}: expected ${q.expected === 'number' ? 'a number' : q.expected}.`;
    case 'settings-too-small':
      return zh ? `${where}：不能小于 ${q.minimum}。` : `${where}: must be at least ${q.minimum}.`;
    case 'settings-too-big':
      return zh ? `${where}：不能大于 ${q.maximum}。` : `${where}: must be at most ${q.maximum}.`;
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
  const tier = TIER_LABELS[lang][`${r.tier}`];
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
