/** @jest-environment jsdom */
import fs from 'node:fs';
import path from 'node:path';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { REPO_ROOT } from '../support/requirements';
import { valuesWorkbook } from '../fixtures/xlsxBuilder';
import { SHEET, customerValues, fileWorkbook, question, renderApp } from './helpers';

const xlsx = () => import('../../src/hosts/xlsx');
const loadSample = async () => new Uint8Array(fs.readFileSync(path.join(REPO_ROOT, 'assets', 'sample-customers.xlsx')));

/** A picked file as the browser hands it over (jsdom's File has no arrayBuffer). */
function pickedFile(name: string, customers: number): File {
  const bytes = valuesWorkbook([{ name: SHEET, values: customerValues(customers, 5) }]);
  const file = new File([new Uint8Array(bytes)], name);
  Object.defineProperty(file, 'arrayBuffer', { value: async () => bytes.slice().buffer });
  return file;
}

/** The file bar (the Run step has a download button of its own). */
const fileBar = () => within(screen.getByRole('region', { name: 'Drop an .xlsx file here' }));
const downloadButton = () => fileBar().queryByRole('button', { name: 'Download the planned workbook' });

const pick = (file: File) => fireEvent.change(document.querySelector<HTMLInputElement>('input[type=file]')!, { target: { files: [file] } });

/** Whether leaving the page now would make the browser ask. */
function leavingAsks(): boolean {
  const e = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(e);
  return e.defaultPrevented;
}

async function plannedPane(download = jest.fn()) {
  renderApp({ workbook: fileWorkbook(customerValues(30, 2), '华东客户.xlsx'), services: { loadXlsx: xlsx, loadSample, download } });
  const run = await screen.findByRole('button', { name: 'Run the plan' });
  // Nothing to take away before a plan: no download offered, and leaving does not ask.
  expect(downloadButton()).toBeNull();
  expect(leavingAsks()).toBe(false);
  await waitFor(() => expect(run).toBeEnabled());
  fireEvent.click(run);
  await screen.findByText('Plan done', {}, { timeout: 10_000 });
  return download;
}

test('after a run, opening another file asks first; Cancel keeps the plan, discarding opens the other', async () => {
  await plannedPane();
  expect(downloadButton()).toBeInTheDocument();
  expect(leavingAsks()).toBe(true);

  pick(pickedFile('华南客户.xlsx', 24));
  const ask = await question('The plan is not downloaded yet');
  expect(within(ask).getByText(/The planned “华东客户.xlsx” is only in this page/)).toBeInTheDocument();
  expect(within(ask).getByText('Open “华南客户.xlsx”?')).toBeInTheDocument();
  fireEvent.click(within(ask).getByRole('button', { name: 'Cancel' }));
  await waitFor(() => expect(screen.queryByRole('alertdialog', { hidden: true })).toBeNull());
  expect(screen.getByText('Workbook: 华东客户.xlsx')).toBeInTheDocument();
  expect(screen.getByText('Plan done')).toBeInTheDocument();

  pick(pickedFile('华南客户.xlsx', 24));
  fireEvent.click(within(await question('The plan is not downloaded yet')).getByRole('button', { name: 'Open without downloading' }));
  await screen.findByText('Workbook: 华南客户.xlsx');
  await screen.findByText('24 customers found');
  // The new workbook has nothing planned yet.
  expect(downloadButton()).toBeNull();
  expect(leavingAsks()).toBe(false);
});

test('"Download, then open" hands over the planned workbook before the other opens', async () => {
  const download = await plannedPane();
  fireEvent.click(screen.getByRole('button', { name: 'Use the sample workbook' }));
  const ask = await question('The plan is not downloaded yet');
  expect(within(ask).getByText('Open the sample workbook?')).toBeInTheDocument();
  fireEvent.click(within(ask).getByRole('button', { name: 'Download, then open' }));
  expect(download).toHaveBeenCalledTimes(1);
  const [bytes, name] = download.mock.calls[0] as [Uint8Array, string];
  expect(name).toBe('华东客户-planned.xlsx');
  // What was handed over is the planned workbook: it has the plan's sheets.
  const { openXlsx } = await xlsx();
  expect((await openXlsx(bytes).listSheets()).map((s) => s.name)).toContain('ABC 按客户');
  await screen.findByText('Workbook: sample-customers.xlsx');
  await screen.findByText('320 customers found');
});

test('a downloaded plan opens another file without asking, and the download stays offered', async () => {
  await plannedPane();
  fireEvent.click(downloadButton()!);
  expect(leavingAsks()).toBe(false);
  expect(downloadButton()).toBeInTheDocument();
  pick(pickedFile('华南客户.xlsx', 21));
  await screen.findByText('21 customers found');
  expect(screen.queryByRole('alertdialog', { hidden: true })).toBeNull();
});

test('the focus goes to what came: the customers found after opening the sample, the result after a run', async () => {
  renderApp({ services: { loadXlsx: xlsx, loadSample } });
  fireEvent.click(screen.getByRole('button', { name: 'Use the sample workbook' }));
  const found = await screen.findByText('320 customers found', {}, { timeout: 10_000 });
  await waitFor(() => expect(document.activeElement).toBe(found.closest('[role="status"]')));
  const run = screen.getByRole('button', { name: 'Run the plan' });
  await waitFor(() => expect(run).toBeEnabled());
  fireEvent.click(run);
  const done = await screen.findByText('Plan done', {}, { timeout: 10_000 });
  await waitFor(() => expect(document.activeElement).toBe(done.closest('.fui-MessageBar')));
  expect(document.activeElement).not.toBe(document.body);
});
