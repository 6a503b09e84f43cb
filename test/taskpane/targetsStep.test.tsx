/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { plan } from '../../src/engine/plan';
import { defaultSettings } from '../../src/engine/settings';
import { openXlsx } from '../../src/hosts/xlsx';
import { withoutTagColumns } from '../../src/render';
import { TargetsStep } from '../../src/taskpane/steps/targets/TargetsStep';
import { SHEET, customerValues, expectAccessible, fileWorkbook, renderStep, type } from './helpers';

async function ready(lang: 'zh' | 'en' = 'en') {
  const workbook = fileWorkbook(customerValues(80, 11));
  const view = renderStep(<TargetsStep />, { workbook, lang });
  await screen.findAllByRole('table');
  return { ...view, workbook };
}

const mixInputs = () => ['产品1', '产品2', '产品3'].map((name) => screen.getByRole('textbox', { name }));

test('a company target: the preview splits it by class, industry and product as the engine does', async () => {
  const { workbook, container } = await ready();
  fireEvent.click(screen.getByRole('radio', { name: 'A company target' }));
  type(screen.getByRole('textbox', { name: 'Company target (万元)' }), '1.2亿');
  await screen.findByText('Company target 12,000 万元');
  const host = workbook.host as ReturnType<typeof openXlsx>;
  const settings = defaultSettings();
  settings.targets.companyTarget = 12000;
  const result = plan(withoutTagColumns(await host.readSheet(SHEET), [], null), settings);
  const a = result.tables.summary.lines.filter((l) => l.class === 'A').reduce((s, l) => s + l.target, 0);
  const byClass = screen.getByRole('table', { name: 'By class' });
  expect(byClass).toHaveTextContent(a.toLocaleString('en-US', { maximumFractionDigits: 2 }));
  expect(screen.getByRole('table', { name: 'By product' })).toHaveTextContent(`产品1 (${result.products[0].mixPct.toLocaleString('en-US', { maximumFractionDigits: 2 })}%)`);
  await expectAccessible(container);
});

test('growth over current sales', async () => {
  await ready();
  fireEvent.click(screen.getByRole('radio', { name: 'Growth over this year’s sales' }));
  type(screen.getByRole('textbox', { name: 'Growth (%)' }), '10');
  await screen.findByText(/Company target [\d,]+ 万元 \(this year [\d,.]+ 万元, growth 10%\)/);
  type(screen.getByRole('textbox', { name: 'Growth (%)' }), '-150');
  expect(await screen.findByText('Type a percentage (at least -100), e.g. 8')).toBeInTheDocument();
});

test('bad input: a target that is not an amount, a mix that does not sum to 100, a share that is not a number', async () => {
  const { container } = await ready();
  fireEvent.click(screen.getByRole('radio', { name: 'A company target' }));
  const target = screen.getByRole('textbox', { name: 'Company target (万元)' });
  expect(await screen.findByText('Type the company target in 万元, e.g. 12000 or 1.2亿')).toBeInTheDocument();
  type(target, 'lots');
  expect(await screen.findByText('Type a number in 万元, e.g. 500')).toBeInTheDocument();
  type(target, '5000');

  // The mix starts from the sheet's history; typing one share makes it the planner's.
  const [p1, p2, p3] = mixInputs();
  type(p1, '50');
  type(p2, '30');
  type(p3, '10');
  const sumMessage = await screen.findByText('The product mix adds up to 90%; it must add up to 100%.');
  expect(sumMessage).toHaveAttribute('role', 'alert');
  expect(p1).toHaveAccessibleDescription(expect.stringContaining('The product mix adds up to 90%'));
  expect(screen.getByText('Sum 90%')).toBeInTheDocument();
  // The preview still shows the last valid mix, and says so.
  expect(screen.getByText('Some input is wrong: the preview uses the last valid settings.')).toBeInTheDocument();
  await expectAccessible(container);
  type(p3, 'x');
  expect(await screen.findByText('Type a percentage from 0 to 100, e.g. 40')).toBeInTheDocument();
  expect(screen.queryByText(/adds up to/)).toBeNull();
  type(p3, '20');
  await waitFor(() => expect(screen.queryByText(/adds up to/)).toBeNull());
  expect(screen.queryByText('Some input is wrong: the preview uses the last valid settings.')).toBeNull();
  expect(screen.getByRole('table', { name: 'By product' })).toHaveTextContent('产品1 (50%)');
  // Each product gets its share of the company target, beside the share it is given.
  const byProduct = within(screen.getByRole('table', { name: 'By product' }));
  const rows = byProduct.getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent));
  expect(rows).toEqual([
    ['产品1 (50%)', '2,500', '50%'],
    ['产品2 (30%)', '1,500', '30%'],
    ['产品3 (20%)', '1,000', '20%'],
  ]);

  fireEvent.click(screen.getByRole('button', { name: 'Back to the history' }));
  expect(screen.queryByText('Sum 100%')).toBeInTheDocument();
});

test('allocation basis and unit', async () => {
  await ready('zh');
  fireEvent.click(screen.getByRole('radio', { name: '两者混合' }));
  const weight = await screen.findByRole('textbox', { name: '混合时客户年市场销售额的权重（%）' });
  expect(weight).toHaveValue('50');
  type(weight, '120');
  expect(await screen.findByText('请输入 0 到 100 之间的百分比，如 40')).toBeInTheDocument();
  fireEvent.click(screen.getByRole('combobox', { name: '分配单位' }));
  fireEvent.click(await screen.findByRole('option', { name: '10 万元' }));
  expect(screen.getByRole('combobox', { name: '分配单位' })).toHaveTextContent('10 万元');
});

test('a target typed in 元: the field asks “did you mean”, and the warning goes once the target is in 万元', async () => {
  const { container } = await ready();
  fireEvent.click(screen.getByRole('radio', { name: 'A company target' }));
  const target = screen.getByRole('textbox', { name: 'Company target (万元)' });
  type(target, '120000000');
  const warning = await screen.findByText(/Did you mean ¥120,000,000 = 1\.2亿 = 12,000 万元\? If so, type 12000 as the company target/);
  expect(warning).toHaveTextContent(/The company target 120,000,000 万元 is [\d,.]+× this year’s sales of the classified customers \([\d,.]+ 万元\): it looks typed in CNY \(元\)/);
  // Beside the field: the input is described by it, as a screen reader reads it.
  expect(target).toHaveAccessibleDescription(expect.stringContaining('Did you mean ¥120,000,000'));
  await expectAccessible(container);
  type(target, '12000');
  await waitFor(() => expect(screen.queryByText(/Did you mean/)).toBeNull());
});

test('growth beyond 300 %: the growth field warns, in Chinese too', async () => {
  await ready('zh');
  fireEvent.click(screen.getByRole('radio', { name: '按今年销售额增长' }));
  type(screen.getByRole('textbox', { name: '增长率（%）' }), '400');
  expect(await screen.findByText(/增长率 400% 超出常见范围（-90% 至 300%），公司目标将为 [\d,.]+ 万元（今年 [\d,.]+ 万元）/)).toBeInTheDocument();
  type(screen.getByRole('textbox', { name: '增长率（%）' }), '300');
  await waitFor(() => expect(screen.queryByText(/超出常见范围/)).toBeNull());
});
