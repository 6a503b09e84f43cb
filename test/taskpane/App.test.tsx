/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import type { Environment } from '../../src/taskpane/environment';

function renderApp(env: Environment) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App detect={() => Promise.resolve(env)} />
    </FluentProvider>,
  );
}

test('shows the product name and that it runs in Excel', async () => {
  renderApp({ kind: 'excel' });
  expect(screen.getByRole('heading', { name: 'ABC Planner' })).toBeTruthy();
  expect(await screen.findByText('Running in Excel.')).toBeTruthy();
});

test('says so when it runs in a plain browser', async () => {
  renderApp({ kind: 'browser' });
  expect(await screen.findByText(/Running in a browser/)).toBeTruthy();
});
