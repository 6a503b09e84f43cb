/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { plan } from '../../src/engine/plan';
import { defaultSettings } from '../../src/engine/settings';
import { withoutTagColumns } from '../../src/render';
import { settingsSheetName, viewWorkbook } from '../../src/app/workbook';
import { settingsFromSheet } from '../../src/render';
import { tierClassCounts } from '../../src/taskpane/model/preview';
import { ThresholdsStep } from '../../src/taskpane/steps/thresholds/ThresholdsStep';
import { SHEET, cellNumber, customerValues, expectAccessible, fieldAt, fileWorkbook, fileWorkbookWithSettings, renderStep, type } from './helpers';
import { FIVE_TIERS, fiveTierSettings } from '../fixtures/fiveTiers';

async function ready() {
  const workbook = fileWorkbook(customerValues(80, 3));
  const view = renderStep(<ThresholdsStep />, { workbook });
  await waitFor(() => expect(document.querySelector('[data-cell="totalA"]')).not.toBeNull());
  return { ...view, workbook };
}

async function engineCounts(workbook: ReturnType<typeof fileWorkbook>, settings = defaultSettings()) {
  const host = workbook.host as ReturnType<typeof import('../../src/hosts/xlsx').openXlsx>;
  const read = await host.readSheet(SHEET);
  return tierClassCounts(plan(withoutTagColumns(read, await host.listNames(), null), settings));
}

test('shows the tier × class minimums and the preview counts the engine computes', async () => {
  const { workbook, container } = await ready();
  expect(fieldAt('thresholds.1.aPotential').value).toBe('500');
  expect(fieldAt('matrix.2.share').value).toBe('40');
  const counts = await engineCounts(workbook);
  expect(cellNumber('totalA')).toBe(counts.byClass.A);
  expect(cellNumber('3C')).toBe(counts.cells[2][2]);
  expect(screen.getByText('No customer changes class against the saved settings.')).toBeInTheDocument();
  await expectAccessible(container);
});

test('a change moves the counts at once and says how many customers change class', async () => {
  const { workbook } = await ready();
  type(fieldAt('thresholds.3.bSales'), '0');
  const settings = defaultSettings();
  settings.thresholds['3'].bSales = 0;
  const after = await engineCounts(workbook, settings);
  await waitFor(() => expect(cellNumber('totalC')).toBe(after.byClass.C));
  expect(cellNumber('3B')).toBe(after.cells[2][1]);
  const moved = (await engineCounts(workbook)).byClass.C - after.byClass.C;
  expect(moved).toBeGreaterThan(0);
  expect(screen.getByText(`${moved} customers change class against the saved settings.`)).toBeInTheDocument();
});

test('bad input: text that is not a number, a negative, A below B, a share over 100 — each message beside its field', async () => {
  const { container } = await ready();
  const before = cellNumber('totalA');
  type(fieldAt('thresholds.1.aPotential'), 'abc');
  type(fieldAt('thresholds.2.bSales'), '-5');
  type(fieldAt('thresholds.3.aSales'), '1');
  type(fieldAt('matrix.1.share'), '140');
  await screen.findByText('Type a number in 万元, e.g. 500');
  expect(screen.getByText('Must be 0 or more')).toBeInTheDocument();
  expect(screen.getByText('Below the B minimum (5): make A at least B')).toBeInTheDocument();
  expect(screen.getByText('Type a percentage from 0 to 100, e.g. 40')).toBeInTheDocument();
  // Beside the field: the message is the field's description, and the input is marked invalid.
  const input = fieldAt('thresholds.1.aPotential');
  expect(input).toHaveAttribute('aria-invalid', 'true');
  expect(input).toHaveAccessibleDescription('Type a number in 万元, e.g. 500');
  expect(input).toHaveAccessibleName('Tier 1 A: potential ≥');
  // The preview keeps the last valid settings and says so; saving waits for the fix.
  expect(screen.getByText('Some input is wrong: the preview uses the last valid settings.')).toBeInTheDocument();
  expect(cellNumber('totalA')).toBe(before);
  expect(screen.getByRole('button', { name: 'Save to workbook' })).toBeDisabled();
  await expectAccessible(container);
});

test('amounts may be typed as planners write them: 1,000 and 1.2亿', async () => {
  await ready();
  type(fieldAt('thresholds.1.aPotential'), '1,000');
  type(fieldAt('matrix.1.potential'), '0.1亿');
  await waitFor(() => expect(screen.getByText('Unsaved changes.')).toBeInTheDocument());
  expect(document.querySelectorAll('[aria-invalid="true"]')).toHaveLength(0);
  // With a unit, the field says what it comes to in 万元; a plain number (万元 already) says nothing.
  expect(fieldAt('matrix.1.potential')).toHaveAccessibleDescription('0.1亿 = 1,000 万元');
  expect(fieldAt('thresholds.1.aPotential')).not.toHaveAccessibleDescription(/万元/);
});

test('an amount typed in 元 is said in 万元 beside the field, so that its refusal makes sense', async () => {
  await ready();
  // Tier 2's A minimum for our sales typed as "300元": 0.03 万元, below the B minimum (15).
  type(fieldAt('thresholds.2.aSales'), '300元');
  const field = fieldAt('thresholds.2.aSales');
  await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
  expect(screen.getByText('300元 = 0.03 万元')).toBeInTheDocument();
  expect(field).toHaveAccessibleDescription(expect.stringContaining('300元 = 0.03 万元'));
  expect(field).toHaveAccessibleDescription(expect.stringMatching(/B minimum/));
});

test('Reset to defaults puts back the thresholds and splits; Save to workbook writes the settings sheet', async () => {
  const { workbook } = await ready();
  type(fieldAt('thresholds.1.aPotential'), '800');
  fireEvent.click(screen.getByRole('button', { name: 'Reset to defaults' }));
  expect(fieldAt('thresholds.1.aPotential').value).toBe('500');

  type(fieldAt('thresholds.2.aPotential'), '350');
  fireEvent.click(screen.getByRole('button', { name: 'Save to workbook' }));
  await screen.findByText(/Settings saved in “ABC 设置”/);
  const host = workbook.host as ReturnType<typeof import('../../src/hosts/xlsx').openXlsx>;
  const sheet = settingsSheetName(await viewWorkbook(host))!;
  const read = await host.readSheet(sheet);
  const saved = settingsFromSheet(read.values, { sheet });
  expect(saved.ok && saved.settings.thresholds['2'].aPotential).toBe(350);
  // Saved: the baseline of "changes class" is now these settings.
  expect(screen.getByText('No customer changes class against the saved settings.')).toBeInTheDocument();
});

describe('five tiers a company set', () => {
  async function readyFive() {
    const workbook = await fileWorkbookWithSettings(fiveTierSettings(), customerValues(120, 5));
    const view = renderStep(<ThresholdsStep />, { workbook });
    await waitFor(() => expect(document.querySelector('[data-cell="new1A"]')).not.toBeNull());
    return { ...view, workbook };
  }

  test('one row of minimums and splits per tier, named; the preview counts per tier are the engine’s', async () => {
    const { workbook, container } = await readyFive();
    expect(fieldAt('thresholds.new1.aPotential').value).toBe('400');
    expect(fieldAt('thresholds.4.bSales').value).toBe('3');
    expect(fieldAt('matrix.4.share').value).toBe('30');
    expect(fieldAt('thresholds.new1.aPotential')).toHaveAccessibleName('New tier 1 A: potential ≥');
    const limits = screen.getByRole('table', { name: 'Minimums per tier (万元)' });
    for (const t of FIVE_TIERS) expect(within(limits).getByText(t.en)).toBeInTheDocument();
    const counts = await engineCounts(workbook, fiveTierSettings());
    FIVE_TIERS.forEach((t, i) => ['A', 'B', 'C', 'none'].forEach((c, j) => expect([t.id, c, cellNumber(`${t.id}${c}`)]).toEqual([t.id, c, counts.cells[i][j]])));
    expect(counts.cells.every((row) => row.reduce((a, b) => a + b, 0) > 0)).toBe(true);
    expect(screen.getByText('Each city’s tier is in step 3 (where tiers can also be added, removed or renamed); any city not listed is Tier 4 and below.')).toBeInTheDocument();
    await expectAccessible(container);
  });

  test('a change in one tier moves that tier’s counts as the engine says', async () => {
    const { workbook } = await readyFive();
    type(fieldAt('thresholds.new1.aPotential'), '100');
    type(fieldAt('thresholds.new1.aSales'), '30');
    const settings = fiveTierSettings();
    settings.thresholds.new1.aPotential = 100;
    settings.thresholds.new1.aSales = 30;
    const after = await engineCounts(workbook, settings);
    await waitFor(() => expect(cellNumber('new1A')).toBe(after.cells[1][0]));
    expect(after.cells[1][0]).toBeGreaterThan((await engineCounts(workbook, fiveTierSettings())).cells[1][0]);
    expect(cellNumber('1A')).toBe(after.cells[0][0]);
    expect(cellNumber('totalA')).toBe(after.byClass.A);
  });
});
