/** @jest-environment jsdom */
import fs from 'node:fs';
import path from 'node:path';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { REPO_ROOT } from '../support/requirements';
import { defaultSettings } from '../../src/engine/settings';
import { ExcelHost } from '../../src/hosts/excel';
import { planCustomerSheet, renderWrite } from '../../src/app/plan';
import { viewWorkbook } from '../../src/app/workbook';
import { fakeRun } from '../support/fakeExcel';
import { SHEET, customerValues, excelWorkbook, expectAccessible, fieldAt, renderApp } from './helpers';

const sample = () => new Uint8Array(fs.readFileSync(path.join(REPO_ROOT, 'assets', 'sample-customers.xlsx')));
const xlsx = () => import('../../src/hosts/xlsx');

test('file mode: nothing open yet, then the bundled sample; the steps in order', async () => {
  const { container } = renderApp({ services: { loadSample: async () => sample(), loadXlsx: xlsx } });
  expect(screen.getByText(/^File mode:/)).toBeInTheDocument();
  expect(screen.getByText('Open a workbook first.')).toBeInTheDocument();
  await expectAccessible(container);
  fireEvent.click(screen.getByRole('button', { name: 'Use the sample workbook' }));
  await screen.findByText('320 customers found', {}, { timeout: 10_000 });
  expect(screen.getByText('Workbook: sample-customers.xlsx')).toBeInTheDocument();
  const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
  expect(headings).toEqual([expect.stringMatching(/^1Data/), expect.stringMatching(/^2Thresholds/), expect.stringMatching(/^3Cities/), expect.stringMatching(/^4Targets/), expect.stringMatching(/^5Run/)]);
  await expectAccessible(container);
});

test('a file that is not a workbook: a plain message naming it', async () => {
  renderApp({ services: { loadXlsx: xlsx } });
  const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
  const file = new File(['name,city\n'], '客户.csv', { type: 'text/csv' });
  Object.defineProperty(file, 'arrayBuffer', { value: async () => new TextEncoder().encode('name,city\n').buffer });
  fireEvent.change(input, { target: { files: [file] } });
  await screen.findByText('“客户.csv” cannot be opened');
  expect(screen.getByText(/This is a text \(CSV\) file, not an Excel workbook/)).toBeInTheDocument();
  fireEvent.click(screen.getByRole('button', { name: 'Technical details' }));
  expect(screen.getByText(/"code": "not-a-workbook"/)).toBeVisible();
});

test('Chinese, and every step reachable by keyboard (headers are buttons)', async () => {
  const { workbook } = excelWorkbook(customerValues(40, 2));
  const { container } = renderApp({ workbook, lang: 'zh' });
  await screen.findByText(/^找到 \d+ 个客户$/);
  const headers = screen.getAllByRole('heading', { level: 2 }).map((h) => h.querySelector('button'));
  // Data and Thresholds open at first; Run opens once the sheet is planned.
  await waitFor(() => expect(headers.map((b) => b?.getAttribute('aria-expanded'))).toEqual(['true', 'true', 'false', 'false', 'true']));
  expect(headers.map((b) => b?.textContent)).toEqual([expect.stringMatching(/^1数据/), expect.stringMatching(/^2分级标准/), expect.stringMatching(/^3城市级别/), expect.stringMatching(/^4目标/), expect.stringMatching(/^5运行/)]);
  fireEvent.click(screen.getByRole('button', { name: /城市级别/ }));
  fireEvent.click(screen.getByRole('button', { name: /^目标/ }));
  await screen.findByRole('radio', { name: '指定公司目标' });
  await expectAccessible(container);
});

test('Excel without ExcelApi 1.7 says so plainly and leaves the workbook alone', () => {
  const excelHost = jest.fn();
  renderApp({ env: { kind: 'excel', apiSupported: false }, services: { excelHost } });
  expect(screen.getByText('Excel is too old')).toBeInTheDocument();
  expect(screen.getByText(/lacks features ABC Planner needs \(ExcelApi 1\.7\)/)).toBeInTheDocument();
  expect(excelHost).not.toHaveBeenCalled();
  expect(screen.queryByRole('button', { name: /Run/ })).toBeNull();
});

test('Excel: a failed write shows what failed and that the workbook was put back, details collapsible', async () => {
  const { wb, workbook } = excelWorkbook(customerValues(40, 3));
  renderApp({ workbook });
  const run = await screen.findByRole('button', { name: 'Run the plan' });
  await waitFor(() => expect(run).toBeEnabled());
  const before = JSON.stringify(wb.snapshot());
  // How many syncs the write takes, on a copy: then the last but one of them fails, as a protected sheet would.
  const copy = wb.clone();
  const host = new ExcelHost(fakeRun(copy));
  const view = await viewWorkbook(host);
  const read = await host.readSheet(SHEET);
  const planned = renderWrite(planCustomerSheet(read, view.names, defaultSettings()).result, read, view);
  const start = copy.syncCount;
  await host.apply(planned.write);
  const applySyncs = copy.syncCount - start;
  // The run first lists the sheets and names (2 syncs) and reads the sheet (2).
  wb.failSync(4 + applySyncs - 1, { code: 'AccessDenied' });
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  fireEvent.click(run);
  await screen.findByText('Something went wrong', {}, { timeout: 10_000 });
  expect(screen.getByText(/the sheet or workbook is protected.* The workbook was put back exactly as it was before the write\./)).toBeInTheDocument();
  expect(JSON.stringify(wb.snapshot())).toBe(before);
  expect(screen.getByText(/Unprotect the sheet or workbook/)).toBeInTheDocument();
  const details = screen.getByRole('button', { name: 'Technical details' });
  expect(details).toHaveAttribute('aria-expanded', 'false');
  fireEvent.click(details);
  expect(details).toHaveAttribute('aria-expanded', 'true');
  expect(screen.getByText(/"code": "AccessDenied"/)).toBeVisible();
  fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
  expect(screen.queryByText('Something went wrong')).toBeNull();
});

test('Excel: a coauthor’s change of the settings sheet reloads the settings and says so', async () => {
  const { wb, workbook } = excelWorkbook(customerValues(40, 4));
  renderApp({ workbook });
  const save = await screen.findByRole('button', { name: 'Save to workbook' });
  await waitFor(() => expect(save).toBeEnabled());
  fireEvent.click(save);
  await screen.findByText(/Settings saved to “ABC 设置”/);
  wb.editCell('ABC 设置', 'B7', 640);
  await screen.findByText('A coauthor changed “ABC 设置”; the settings were read again.');
  await waitFor(() => expect(fieldAt('thresholds.1.aPotential').value).toBe('640'));
});
