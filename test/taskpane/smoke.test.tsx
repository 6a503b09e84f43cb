/** @jest-environment jsdom */
import { screen } from '@testing-library/react';
import { fileWorkbook, renderApp, waitForCustomers } from './helpers';

test('file mode: the pane reads the workbook and shows the steps', async () => {
  renderApp({ workbook: fileWorkbook() });
  await waitForCustomers();
  screen.debug(undefined, 4000);
});
