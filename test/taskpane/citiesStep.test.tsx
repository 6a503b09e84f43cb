/** @jest-environment jsdom */
import { fireEvent, screen, within } from '@testing-library/react';
import type { CellValue } from '../../src/engine/types';
import { CitiesStep } from '../../src/taskpane/steps/cities/CitiesStep';
import { expectAccessible, fileWorkbook, renderStep, type } from './helpers';

/** Customers in cities the default list does not name (南通, 昆山) and in listed ones. */
function values(): CellValue[][] {
  const rows: CellValue[][] = [['客户名称', '城市', '客户年市场销售额', '公司销售额']];
  const cities = ['南通', '南通', '南通', '昆山', '昆山', '北京', '西安', '南通市'];
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
