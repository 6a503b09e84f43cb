/** @jest-environment jsdom */
import { fireEvent, screen, within } from '@testing-library/react';
import type { CellValue } from '../../src/engine/types';
import { CitiesStep } from '../../src/taskpane/steps/cities/CitiesStep';
import { expectAccessible, fileWorkbook, fileWorkbookWithSettings, renderStep, type } from './helpers';
import { settingsFromSheet } from '../../src/render';
import { FIVE_TIERS, fiveTierSettings } from '../fixtures/fiveTiers';

/** Customers in cities the default list does not name (南通, 昆山) and in listed ones (成都 is 新一线 in the five tiers). */
function values(): CellValue[][] {
  const rows: CellValue[][] = [['客户名称', '城市', '客户年市场销售额', '公司销售额']];
  const cities = ['南通', '南通', '南通', '昆山', '昆山', '北京', '西安', '南通市', '成都'];
  cities.forEach((city, i) => rows.push([`客户${i}`, city, 100 + i, 10]));
  return rows;
}

async function ready(lang: 'zh' | 'en' = 'en') {
  const view = renderStep(<CitiesStep />, { workbook: fileWorkbook(values()), lang });
  await screen.findByRole('list', { name: lang === 'en' ? /Cities in the sheet/ : /客户表中不在列表里的城市/ });
  return view;
}

test('the sheet’s cities not in the list, with their row counts; one click gives a tier', async () => {
  const { container } = await ready();
  const list = screen.getByRole('list', { name: /Cities in the sheet/ });
  const items = within(list).getAllByRole('listitem');
  // 南通 and 南通市 are one city: 4 rows; 昆山 2.
  expect(items.map((li) => li.textContent)).toEqual([expect.stringMatching(/^南通4 rows/), expect.stringMatching(/^昆山2 rows/)]);
  await expectAccessible(container);

  fireEvent.click(screen.getByRole('button', { name: 'Make “南通” Tier 2' }));
  expect(within(screen.getByRole('list', { name: /Cities in the sheet/ })).getAllByRole('listitem')).toHaveLength(1);
  fireEvent.change(screen.getByRole('searchbox', { name: 'Search cities' }), { target: { value: '南通' } });
  const row = await screen.findByRole('combobox', { name: 'Tier of “南通”' });
  expect(row).toHaveValue('2');
  expect(screen.getByText('Unsaved changes.')).toBeInTheDocument();
});

test('the list is searchable; a tier can be changed and a city removed', async () => {
  await ready();
  fireEvent.change(screen.getByRole('searchbox', { name: 'Search cities' }), { target: { value: '西安' } });
  const tier = await screen.findByRole('combobox', { name: 'Tier of “西安”' });
  expect(screen.getAllByRole('row')).toHaveLength(2); // header + 西安
  fireEvent.change(tier, { target: { value: '1' } });
  expect(screen.getByRole('combobox', { name: 'Tier of “西安”' })).toHaveValue('1');
  fireEvent.click(screen.getByRole('button', { name: 'Remove “西安” from the list' }));
  await screen.findByText('No city matches “西安”.');
  // Removed from the list: 西安 is now a city of the sheet that the list does not name.
  expect(screen.getByRole('button', { name: 'Make “西安” Tier 1' })).toBeInTheDocument();
});

test('bad input when adding a city: blank, or already listed; a new one is added', async () => {
  const { container } = await ready('zh');
  const add = screen.getByRole('button', { name: '添加' });
  fireEvent.click(add);
  expect(await screen.findByText('请输入城市名称')).toBeInTheDocument();
  type(screen.getByRole('textbox', { name: '城市名称' }), '北京市');
  expect(await screen.findByText('“北京”已在列表中（一级城市）')).toBeInTheDocument();
  await expectAccessible(container);
  type(screen.getByRole('textbox', { name: '城市名称' }), '苏州');
  fireEvent.change(screen.getByRole('combobox', { name: '级别' }), { target: { value: '2' } });
  fireEvent.click(add);
  fireEvent.change(screen.getByRole('searchbox', { name: '搜索城市' }), { target: { value: '苏州' } });
  expect(await screen.findByRole('combobox', { name: '“苏州”的级别' })).toHaveValue('2');
});

describe('five tiers a company set', () => {
  async function readyFive(lang: 'zh' | 'en' = 'en') {
    const workbook = await fileWorkbookWithSettings(fiveTierSettings(), values());
    const view = renderStep(<CitiesStep />, { workbook, lang });
    await screen.findByRole('list', { name: lang === 'en' ? /Cities in the sheet/ : /客户表中不在列表里的城市/ });
    return { ...view, workbook };
  }
  const listed = (city: string) => {
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search cities' }), { target: { value: city } });
    return screen.findByRole('combobox', { name: `Tier of “${city}”` });
  };

  test('the unlisted cities count in the tier for cities not listed; one click per tier; the dropdowns list the five tiers', async () => {
    const { container } = await readyFive();
    expect(screen.getByText('They count as Tier 4 and below now; one click gives a city its tier.')).toBeInTheDocument();
    const group = screen.getByRole('group', { name: '南通' });
    expect(within(group).getAllByRole('button').map((b) => b.textContent)).toEqual(FIVE_TIERS.map((t) => t.en));
    fireEvent.click(screen.getByRole('button', { name: 'Make “南通” New tier 1' }));
    const tier = await listed('南通');
    expect(tier).toHaveValue('new1');
    expect(within(tier).getAllByRole('option').map((o) => [o.getAttribute('value'), o.textContent])).toEqual(FIVE_TIERS.map((t) => [t.id, t.en]));
    fireEvent.change(tier, { target: { value: '3' } });
    expect(await listed('南通')).toHaveValue('3');
    await expectAccessible(container);
  });

  test('the tiers: rename, add at the end, remove (its cities become unlisted), another tier for cities not listed; Save writes them', async () => {
    const { container, workbook } = await readyFive();
    const tiers = screen.getByRole('list', { name: /City tiers \(5, highest first\)/ });
    expect(within(tiers).getAllByRole('listitem').map((li) => li.getAttribute('data-tier'))).toEqual(FIVE_TIERS.map((t) => t.id));
    // The tier for cities not listed cannot be removed.
    expect(screen.getByRole('button', { name: 'Remove the tier “Tier 4 and below”' })).toHaveAttribute('aria-disabled', 'true');

    type(screen.getByRole('textbox', { name: 'Chinese name of tier new1' }), '新一线');
    type(screen.getByRole('textbox', { name: 'English name of tier new1' }), ' ');
    expect(await screen.findByText('tier 2, its English name: must not be blank. Type a name.')).toBeInTheDocument();
    type(screen.getByRole('textbox', { name: 'English name of tier new1' }), 'New first tier');
    expect(screen.getByRole('button', { name: 'Make “南通” New first tier' })).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Add a tier' }));
    expect(await screen.findByRole('list', { name: /City tiers \(6, highest first\)/ })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Chinese name of tier 5' })).toHaveValue('五级城市');

    // 成都 is of 新一线: removing the tier takes it off the list; it shows among the unlisted cities.
    expect(screen.queryByRole('button', { name: 'Make “成都” Tier 1' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Remove the tier “New first tier”' }));
    expect(await screen.findByRole('button', { name: 'Make “成都” Tier 1' })).toBeInTheDocument();

    fireEvent.change(screen.getByRole('combobox', { name: 'Cities not listed fall to' }), { target: { value: '3' } });
    expect(screen.getByText('They count as Tier 3 now; one click gives a city its tier.')).toBeInTheDocument();
    await expectAccessible(container);

    fireEvent.click(screen.getByRole('button', { name: 'Save to workbook' }));
    await screen.findByText(/Settings saved in “ABC 设置”/);
    const saved = settingsFromSheet((await workbook.host.readSheet('ABC 设置')).values, { sheet: 'ABC 设置' });
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    expect(saved.settings.tiers.map((t) => t.id)).toEqual(['1', '2', '3', '4', '5']);
    expect(saved.settings.tiers.at(-1)).toEqual({ id: '5', zh: '五级城市', en: 'Tier 5' });
    expect(saved.settings.fallbackTier).toBe('3');
    expect(saved.settings.cities.some((c) => c.city === '成都')).toBe(false);
  });

  test('in Chinese too', async () => {
    const { container } = await readyFive('zh');
    expect(screen.getByText('这些城市现按“四线及以下”处理；点一下即可指定级别。')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '把“南通”设为新一线城市' })).toBeInTheDocument();
    expect(screen.getByRole('list', { name: /城市级别（5 个，从高到低）/ })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: '级别 new1 的中文名称' })).toHaveValue('新一线城市');
    expect(screen.getByRole('button', { name: '删除级别“四线及以下”' })).toHaveAttribute('aria-disabled', 'true');
    await expectAccessible(container);
  });
});
