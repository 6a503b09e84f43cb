/** @jest-environment jsdom */
/**
 * A digitally signed workbook in browser file mode (issue 15): planning changes what the
 * signature covers, so the Data step says so and Run asks first; Cancel writes nothing. Excel
 * handles signed workbooks itself, so its pane shows neither.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { openXlsx } from '../../src/hosts/xlsx';
import { SHEET_NAMES } from '../../src/i18n/render';
import { DataStep } from '../../src/taskpane/steps/data/DataStep';
import { RunStep } from '../../src/taskpane/steps/run/RunStep';
import { signedFileWorkbook } from './fixtures';
import { customerValues, excelWorkbook, expectAccessible, fileWorkbook, question, renderStep } from './helpers';

const sheetsOf = async (bytes: Uint8Array) => (await openXlsx(bytes).listSheets()).map((s) => s.name);

test('Data step: a signed file says the signature will break and what to do, in both languages', async () => {
  const { container, unmount } = renderStep(<DataStep />, { workbook: signedFileWorkbook() });
  await screen.findByText(/^\d+ customers found$/);
  expect(screen.getByText('This workbook is digitally signed')).toBeInTheDocument();
  expect(screen.getByText(/the signature will no longer be valid .*sign it again in Excel after you plan and download it\./)).toBeInTheDocument();
  await expectAccessible(container);
  unmount();

  renderStep(<DataStep />, { workbook: signedFileWorkbook(), lang: 'zh' });
  await screen.findByText(/^找到 \d+ 个客户$/);
  expect(screen.getByText('此工作簿有数字签名')).toBeInTheDocument();
  expect(screen.getByText(/签名将不再有效.*请在规划并下载后，在 Excel 中重新签名。/)).toBeInTheDocument();
});

test('an unsigned file and Excel show no such notice', async () => {
  const { unmount } = renderStep(<DataStep />, { workbook: fileWorkbook() });
  await screen.findByText(/^\d+ customers found$/);
  expect(screen.queryByText('This workbook is digitally signed')).toBeNull();
  unmount();
  renderStep(<DataStep />, { workbook: excelWorkbook().workbook });
  await screen.findByText(/^\d+ customers found$/);
  expect(screen.queryByText('This workbook is digitally signed')).toBeNull();
});

test('Run on a signed file asks first; Cancel writes nothing; Run anyway plans, and is not asked again', async () => {
  const download = jest.fn();
  const workbook = signedFileWorkbook(customerValues(40, 11), '华东.xlsx');
  const before = workbook.host.toBytes();
  renderStep(<RunStep />, { workbook, services: { download } });
  const run = await screen.findByRole('button', { name: 'Run the plan' });
  await waitFor(() => expect(run).toBeEnabled());

  fireEvent.click(run);
  const dialog = await question('Running the plan breaks the digital signature');
  expect(within(dialog).getByText(/^“华东\.xlsx” is digitally signed\. .*sign it again in Excel afterwards\.$/)).toBeInTheDocument();
  await expectAccessible(dialog);
  fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
  await waitFor(() => expect(screen.queryByRole('alertdialog', { hidden: true })).toBeNull());
  expect(screen.queryByText('Plan done')).toBeNull();
  // The pane is back: the Run button in the accessibility tree again, and enabled.
  await waitFor(() => expect(screen.getByRole('button', { name: 'Run the plan' })).toBeEnabled());
  // Nothing was written into the workbook in memory.
  expect(workbook.host.toBytes()).toEqual(before);
  expect(await sheetsOf(workbook.host.toBytes())).toEqual(['说明', '客户']);

  fireEvent.click(screen.getByRole('button', { name: 'Run the plan' }));
  fireEvent.click(within(await question('Running the plan breaks the digital signature')).getByRole('button', { name: 'Run anyway' }));
  await screen.findByText('Plan done', {}, { timeout: 10_000 });
  expect(screen.getByText(/^The digital signature is no longer valid: sign the workbook again in Excel/)).toBeInTheDocument();
  expect(await sheetsOf(workbook.host.toBytes())).toContain(SHEET_NAMES.zh.summary);

  // Agreed once for this workbook: a second run does not ask again.
  fireEvent.click(screen.getByRole('button', { name: 'Run the plan' }));
  await screen.findByText('Plan done', {}, { timeout: 10_000 });
  expect(screen.queryByRole('alertdialog', { hidden: true })).toBeNull();

  fireEvent.click(screen.getByRole('button', { name: 'Download the planned workbook' }));
  const [bytes, name] = download.mock.calls[0] as [Uint8Array, string];
  expect(name).toBe('华东-planned.xlsx');
  expect(await sheetsOf(bytes)).toContain(SHEET_NAMES.zh.summary);
});

test('zh: the question in Chinese; Escape cancels as the Cancel button does', async () => {
  const workbook = signedFileWorkbook(customerValues(30, 4));
  const before = workbook.host.toBytes();
  renderStep(<RunStep />, { workbook, lang: 'zh' });
  const run = await screen.findByRole('button', { name: '运行规划' });
  await waitFor(() => expect(run).toBeEnabled());
  fireEvent.click(run);
  const dialog = await question('运行规划会使数字签名失效');
  expect(within(dialog).getByText('仍要运行规划吗？选“取消”则不写入任何内容。')).toBeInTheDocument();
  expect(within(dialog).getByRole('button', { name: '继续运行' })).toBeInTheDocument();
  fireEvent.keyDown(dialog, { key: 'Escape' });
  await waitFor(() => expect(screen.queryByRole('alertdialog', { hidden: true })).toBeNull());
  expect(screen.queryByText('规划完成')).toBeNull();
  expect(workbook.host.toBytes()).toEqual(before);
});
