/** @jest-environment jsdom */
/**
 * The environment notice: which Excel the pane runs in (host and platform from office-js-helpers),
 * another Office application told to use Excel, nothing in a plain browser; both languages.
 */
import { render, screen } from '@testing-library/react';
import type { Lang } from '../../src/i18n';
import { EnvironmentNotice } from '../../src/taskpane/components/NoticeBar/EnvironmentNotice';
import type { Environment } from '../../src/taskpane/environment';
import { Providers, renderApp } from './helpers';

const web = { host: 'EXCEL', platform: 'OFFICE_ONLINE', inExcel: true };

function notice(env: Environment, lang: Lang = 'en') {
  return render(
    <Providers lang={lang}>
      <EnvironmentNotice env={env} />
    </Providers>,
  );
}

test('in Excel: a quiet line naming the Excel and its platform', () => {
  notice({ kind: 'excel', apiSupported: true, platform: web });
  expect(screen.getByText('Running in Excel on the web')).toBeVisible();
});

test('in Chinese', () => {
  notice({ kind: 'excel', apiSupported: true, platform: { host: 'EXCEL', platform: 'PC', inExcel: true } }, 'zh');
  expect(screen.getByText('运行环境：Windows 版 Excel')).toBeVisible();
});

test('another Office application: told that ABC Planner works in Excel, with the application and platform', () => {
  notice({ kind: 'office', host: 'Word', platform: { host: 'WORD', platform: 'MAC', inExcel: false } });
  expect(screen.getByText('ABC Planner works in Excel (this is Word on Mac). You can use file mode below to plan an .xlsx file.')).toBeVisible();
  notice({ kind: 'office', host: 'PowerPoint' }, 'zh');
  expect(screen.getByText('ABC Planner 在 Excel 中使用（当前是 PowerPoint）。下面可以用文件模式处理 .xlsx 文件。')).toBeVisible();
});

test('nothing in a plain browser, nor when the platform was not detected', () => {
  // The Fluent provider's own element is all there is.
  const { container } = notice({ kind: 'browser' });
  expect(container.firstElementChild).toBeEmptyDOMElement();
  const other = notice({ kind: 'excel', apiSupported: true });
  expect(other.container.firstElementChild).toBeEmptyDOMElement();
});

test('an Excel too old for the add-in: the message and which Excel it is', () => {
  renderApp({ env: { kind: 'excel', apiSupported: false, platform: { host: 'EXCEL', platform: 'MAC', inExcel: true } }, services: { excelHost: jest.fn() } });
  expect(screen.getByText('Excel is too old')).toBeInTheDocument();
  expect(screen.getByText('Running in Excel on Mac')).toBeVisible();
});
