/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { openXlsx } from '../../src/hosts/xlsx';
import { SHEET_NAMES, TAG_HEADERS } from '../../src/i18n/render';
import { RunStep } from '../../src/taskpane/steps/run/RunStep';
import { ThresholdsStep } from '../../src/taskpane/steps/thresholds/ThresholdsStep';
import { activeOf } from '../support/fakeExcel';
import { SHEET, customerValues, excelWorkbook, expectAccessible, fieldAt, fileWorkbook, renderStep, type } from './helpers';

test('file mode: run writes the tags and sheets into the workbook in memory; download hands over the file', async () => {
  const download = jest.fn();
  const workbook = fileWorkbook(customerValues(60, 13), '华北.xlsx');
  const { container } = renderStep(<RunStep />, { workbook, services: { download } });
  const run = await screen.findByRole('button', { name: 'Run the plan' });
  await waitFor(() => expect(run).toBeEnabled());
  fireEvent.click(run);
  await screen.findByText('Plan done', {}, { timeout: 10_000 });
  expect(screen.getByText(/^\d+ customers: A \d+, B \d+, C \d+, no class \d+\.$/)).toBeInTheDocument();
  const zh = SHEET_NAMES.zh;
  const sheets = within(screen.getByRole('region', { name: 'Sheets made' })).getAllByRole('listitem').map((li) => li.textContent);
  expect(sheets).toEqual([zh.summary, zh.customers, zh.industries, zh.regions, zh.salespeople, zh.issues, zh.settings]);
  expect(screen.getByText(/^Tag columns: “客户”, columns [A-Z]+–[A-Z]+, rows 3–\d+\.$/)).toBeInTheDocument();
  // Issues are listed, not clickable outside Excel.
  const issues = screen.getByRole('list', { name: /Row issues/ });
  expect(within(issues).queryAllByRole('button')).toHaveLength(0);
  await expectAccessible(container);

  fireEvent.click(screen.getByRole('button', { name: 'Download the planned workbook' }));
  expect(download).toHaveBeenCalledTimes(1);
  const [bytes, name] = download.mock.calls[0] as [Uint8Array, string];
  expect(name).toBe('华北-planned.xlsx');
  const planned = openXlsx(bytes);
  expect((await planned.listSheets()).map((s) => s.name)).toContain(zh.summary);
  expect((await planned.readSheet(SHEET)).values.some((row) => row.includes(TAG_HEADERS.zh.class))).toBe(true);
});

test('Excel: run, then links open the generated sheets and an issue selects its cell', async () => {
  const { wb, workbook } = excelWorkbook(customerValues(60, 13));
  renderStep(<RunStep />, { workbook });
  const run = await screen.findByRole('button', { name: 'Run the plan' });
  await waitFor(() => expect(run).toBeEnabled());
  fireEvent.click(run);
  await screen.findByText('Plan done', {}, { timeout: 10_000 });
  const zh = SHEET_NAMES.zh;
  expect(wb.sheets.map((s) => s.name)).toEqual(['说明', SHEET, zh.summary, zh.customers, zh.industries, zh.regions, zh.salespeople, zh.issues, zh.settings]);

  fireEvent.click(screen.getByRole('button', { name: `Open sheet “${zh.regions}”` }));
  await waitFor(() => expect(activeOf(wb).sheet).toBe(zh.regions));

  const first = within(screen.getByRole('list', { name: /Row issues/ })).getAllByRole('button')[0];
  const [, row, column] = first.textContent!.match(/row (\d+)(?:, column ([A-Z]+))?/)!;
  fireEvent.click(first);
  await waitFor(() => expect(activeOf(wb).selection).toEqual({ sheet: SHEET, address: `${column ?? 'A'}${row}` }));
});

test('a failed write: a plain message, the workbook as it was, technical details on request', async () => {
  const { wb, workbook } = excelWorkbook(customerValues(40, 3));
  renderStep(
    <>
      <RunStep />
    </>,
    { workbook },
  );
  const run = await screen.findByRole('button', { name: 'Run the plan' });
  await waitFor(() => expect(run).toBeEnabled());
  const before = JSON.stringify(wb.snapshot());
  // The 6th sync from now (inside the write) fails as a protected sheet would.
  wb.failSync(6, { code: 'AccessDenied' });
  fireEvent.click(run);
  // The pane shows errors through App's ErrorBar; alone, the step shows the run did not finish.
  await waitFor(() => expect(screen.getByRole('button', { name: 'Run the plan' })).toBeEnabled(), { timeout: 10_000 });
  expect(screen.queryByText('Plan done')).toBeNull();
  expect(JSON.stringify(wb.snapshot())).toBe(before);
});

test('Run waits for valid settings and a planned sheet', async () => {
  renderStep(
    <>
      <ThresholdsStep />
      <RunStep />
    </>,
    { workbook: fileWorkbook(customerValues(30, 1)) },
  );
  const run = await screen.findByRole('button', { name: 'Run the plan' });
  await waitFor(() => expect(run).toBeEnabled());
  type(fieldAt('thresholds.1.aSales'), 'abc');
  await waitFor(() => expect(run).toBeDisabled());
  expect(screen.getAllByText('Correct the fields marked in red first.').length).toBeGreaterThan(0);
});
