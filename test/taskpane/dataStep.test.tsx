/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CellValue } from '../../src/engine/types';
import { openXlsx } from '../../src/hosts/xlsx';
import { DataStep } from '../../src/taskpane/steps/data/DataStep';
import { valuesWorkbook } from '../fixtures/xlsxBuilder';
import { customerValues, excelWorkbook, expectAccessible, fileWorkbook, renderStep, type } from './helpers';

test('the customer sheet, its header row, the column mapping, customers and row issues', async () => {
  const { container } = renderStep(<DataStep />, { workbook: fileWorkbook(customerValues(60, 7)) });
  await screen.findByText(/^\d+ customers found$/);
  expect(screen.getByRole('combobox', { name: 'Customer sheet' })).toHaveTextContent('客户');
  expect(screen.getByRole('textbox', { name: 'Header row' })).toHaveValue('3');
  expect(screen.getByText('Found on row 3.')).toBeInTheDocument();
  expect(screen.getByRole('combobox', { name: 'Customer' })).toHaveTextContent('Column A · 客户名称');
  expect(screen.getByRole('combobox', { name: 'City' })).toHaveTextContent('Column B · 城市');
  expect(screen.getByText('Product columns: 产品1, 产品2, 产品3')).toBeInTheDocument();
  const issues = screen.getByText(/row issues \(\d+ errors?, \d+ warnings?\)/);
  fireEvent.click(screen.getByRole('button', { name: 'Show the row issues' }));
  expect(within(screen.getByRole('list', { name: 'Show the row issues' })).getAllByRole('listitem').length).toBe(Number(issues.textContent!.match(/^(\d+)/)![1]));
  await expectAccessible(container);
});

test('a column not found is marked beside its field, and choosing it plans the sheet', async () => {
  // "年度采购额" says neither potential nor market: detection cannot map it.
  const values = customerValues(40, 2).map((row, r) => (r === 2 ? row.map((v) => (v === '客户年市场销售额（万元）' ? '年度预算' : v)) : row));
  const { container } = renderStep(<DataStep />, { workbook: fileWorkbook(values as CellValue[][]) });
  const potential = await screen.findByRole('combobox', { name: 'Potential' });
  await screen.findByText('Not found: choose the column');
  expect(screen.getByText('This sheet cannot be planned yet:')).toBeInTheDocument();
  expect(screen.getByText(/The “Potential” column is missing/)).toBeInTheDocument();
  await expectAccessible(container);
  fireEvent.click(potential);
  fireEvent.click(await screen.findByRole('option', { name: 'Column D · 年度预算' }));
  await screen.findByText(/^\d+ customers found$/);
  expect(screen.queryByText('Not found: choose the column')).toBeNull();
});

test('bad input: a header row that is not a row of the sheet; a wrong row says what is missing', async () => {
  renderStep(<DataStep />, { workbook: fileWorkbook(customerValues(30, 5)) });
  const row = await screen.findByRole('textbox', { name: 'Header row' });
  type(row, 'abc');
  expect(await screen.findByText(/Type a row number from 1 to \d+/)).toBeInTheDocument();
  expect(row).toHaveAttribute('aria-invalid', 'true');
  type(row, '1');
  await screen.findByText('Set to row 1.');
  expect(screen.getByText('This sheet cannot be planned yet:')).toBeInTheDocument();
  fireEvent.click(screen.getByRole('button', { name: 'Find it' }));
  await screen.findByText(/^\d+ customers found$/);
});

test('another sheet can be chosen; an empty one says so', async () => {
  const { wb, workbook } = excelWorkbook(customerValues(30, 9));
  wb.addSheet('空表');
  renderStep(<DataStep />, { workbook, lang: 'zh' });
  await screen.findByText(/^找到 \d+ 个客户$/);
  // Excel: the active sheet was the notes sheet, so the first sheet with customers was taken.
  expect(screen.getByRole('combobox', { name: '客户表' })).toHaveTextContent('客户');
  fireEvent.click(screen.getByRole('combobox', { name: '客户表' }));
  fireEvent.click(await screen.findByRole('option', { name: '空表' }));
  await screen.findByText('工作表“空表”是空的：请选择客户表。');
  await waitFor(() => expect(screen.queryByText(/找到 \d+ 个客户/)).toBeNull());
});

test('an empty sheet: with another sheet to choose, "choose the customer sheet"; alone, what to do instead', async () => {
  const alone = valuesWorkbook([{ name: 'Sheet1', values: [] }]);
  const { unmount } = renderStep(<DataStep />, { workbook: { mode: 'file', host: openXlsx(alone, 'empty.xlsx'), fileName: 'empty.xlsx' } });
  expect(await screen.findByText(/Sheet “Sheet1” is empty and the workbook has no other sheet: put the customer list in it/)).toBeInTheDocument();
  expect(screen.queryByText(/choose the customer sheet/)).toBeNull();
  unmount();

  const two = valuesWorkbook([
    { name: '空表', values: [] },
    { name: '客户', values: [['客户名称', '城市', '客户年市场销售额', '公司销售额'], ['甲', '北京', 600, 200]] },
  ]);
  renderStep(<DataStep />, { workbook: { mode: 'file', host: openXlsx(two, 'two.xlsx'), fileName: 'two.xlsx' } });
  await screen.findByText(/customer found/);
  const picker = screen.getByRole('combobox', { name: /sheet/i });
  fireEvent.click(picker);
  fireEvent.click(await screen.findByRole('option', { name: '空表' }));
  expect(await screen.findByText('Sheet “空表” is empty: choose the customer sheet.')).toBeInTheDocument();
});
