/** Rendering the pane in jsdom over a workbook of the fixtures (file mode) or the strict Excel fake. */
import '@testing-library/jest-dom';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { CellValue } from '../../src/engine/types';
import { ExcelHost } from '../../src/hosts/excel';
import type { Lang } from '../../src/i18n';
import { App } from '../../src/taskpane/App';
import type { Environment } from '../../src/taskpane/environment';
import { PlannerProvider } from '../../src/taskpane/state/PlannerContext';
import type { PaneServices, PaneWorkbook } from '../../src/taskpane/state/workbooks';
import { LangContext } from '../../src/taskpane/text';
import { SHEET, customerValues } from './fixtures';
import { FakeWorkbook, fakeRun } from '../support/fakeExcel';

export { SHEET, customerValues, fileWorkbook, fileWorkbookWithSettings } from './fixtures';

export function excelWorkbook(values: CellValue[][] = customerValues()): { wb: FakeWorkbook; workbook: PaneWorkbook } {
  const wb = FakeWorkbook.create(['说明', SHEET]);
  wb.setValues('说明', 'A1', [['填表说明']]);
  wb.setValues(SHEET, 'A1', values as (string | number | boolean | null)[][]);
  // The active sheet is where a planner starts: the customer sheet.
  return { wb, workbook: { mode: 'excel', host: new ExcelHost(fakeRun(wb)) } };
}

export function Providers({ lang, children }: { lang: Lang; children: ReactNode }) {
  return (
    <FluentProvider theme={webLightTheme}>
      <LangContext.Provider value={lang}>{children}</LangContext.Provider>
    </FluentProvider>
  );
}

export interface PaneOptions {
  lang?: Lang;
  env?: Environment;
  workbook?: PaneWorkbook;
  services?: PaneServices;
}

/** The whole pane. */
export function renderApp(options: PaneOptions = {}) {
  const lang = options.lang ?? 'en';
  const env: Environment = options.env ?? (options.workbook?.mode === 'excel' ? { kind: 'excel', apiSupported: true } : { kind: 'browser' });
  return render(
    <Providers lang={lang}>
      <App env={env} {...(options.workbook ? { initialWorkbook: options.workbook } : {})} {...(options.services ? { services: options.services } : {})} />
    </Providers>,
  );
}

/** One step alone, over the planner (steps are usable alone). */
export function renderStep(step: ReactNode, options: PaneOptions = {}) {
  const lang = options.lang ?? 'en';
  const workbook = options.workbook;
  return render(
    <Providers lang={lang}>
      <PlannerProvider lang={lang} mode={workbook?.mode ?? 'file'} {...(workbook ? { initialWorkbook: workbook } : {})} {...(options.services ? { services: options.services } : {})}>
        {step}
      </PlannerProvider>
    </Providers>,
  );
}

/** Waits until the workbook is read and the customer sheet planned (the Data step shows the count). */
export async function waitForCustomers(): Promise<HTMLElement> {
  return screen.findByText(/customers found|个客户$/, {}, { timeout: 10_000 });
}

export async function settle(): Promise<void> {
  await waitFor(() => expect(document.querySelector('[aria-busy="true"]')).toBeNull());
}

/** No axe violations in what is rendered (jsdom cannot judge colour contrast: that rule is left to the browser). */
export async function expectAccessible(container: Element): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { axe } = require('jest-axe') as typeof import('jest-axe');
  const results = await axe(container as HTMLElement, { rules: { 'color-contrast': { enabled: false } } });
  const violations = results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(violations).toEqual([]);
}

/** Types into an input as a planner would (React's onChange). */
export function type(input: HTMLElement, value: string): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { fireEvent } = require('@testing-library/react') as typeof import('@testing-library/react');
  fireEvent.change(input, { target: { value } });
}

export function fieldAt(path: string): HTMLInputElement {
  const el = document.querySelector<HTMLInputElement>(`input[data-path="${path}"]`);
  if (!el) throw new Error(`no input for ${path}`);
  return el;
}

/** The number shown in a preview cell (without the change against the saved settings). */
export function cellNumber(cell: string): number {
  const el = document.querySelector(`[data-cell="${cell}"]`);
  if (!el) throw new Error(`no cell ${cell}`);
  return Number((el.firstChild?.textContent ?? '').replace(/[,\s]/g, ''));
}

/**
 * The question, once open. jsdom has no layout, so Fluent cannot tell its buttons are visible
 * and leaves focus on the surface, where tabster may mark the dialog aria-hidden
 * (microsoft/fluentui#33897); a browser focuses the first button, as done here. The dialog must
 * then be in the accessibility tree (found without `hidden`).
 */
export async function question(name: string): Promise<HTMLElement> {
  const surface = await screen.findByRole('alertdialog', { name, hidden: true });
  act(() => surface.querySelector('button')!.focus());
  return screen.findByRole('alertdialog', { name });
}
