/** @jest-environment jsdom */
/**
 * The two contexts: a component that only acts holds one actions object for the pane's life
 * and does not render again when the state changes; a component that reads the state does.
 */
import { memo, useState } from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import type { PlannerActions } from '../../src/taskpane/state/effects';
import { PlannerProvider, usePlannerActions, usePlannerState } from '../../src/taskpane/state/PlannerContext';
import { fileWorkbook } from './fixtures';
import { Providers } from './helpers';

/** Buttons only: types a threshold, dismisses the notice. */
/** `rendered` is called on each render of the component (what React's Profiler would count). */
function ActionsOnly({ rendered }: { rendered: (actions: PlannerActions) => void }) {
  const actions = usePlannerActions();
  rendered(actions);
  return (
    <>
      <button onClick={() => actions.setText('thresholds.1.aPotential', '640')}>type 640</button>
      <button onClick={() => actions.setCityTier('喀什', '1')}>Kashgar tier 1</button>
    </>
  );
}

function StateReader({ rendered }: { rendered: () => void }) {
  const { state, counts } = usePlannerState();
  rendered();
  return (
    <p>
      {`A minimum ${state.draft.texts['thresholds.1.aPotential']}; ${state.draft.base.cities.length} cities; `}
      {counts ? `${counts.total} customers` : 'no sheet'}
    </p>
  );
}

// Memoised, as a step would be: then only a context can make them render again.
const MemoActionsOnly = memo(ActionsOnly);
const MemoStateReader = memo(StateReader);

test('a component using only the actions does not render again when the state changes', async () => {
  const renders = { actions: 0, state: 0 };
  const seenActions = new Set<PlannerActions>();
  // Made once, outside the component: the same props on every render of Pane.
  const onActionsRender = (actions: PlannerActions) => {
    renders.actions++;
    seenActions.add(actions);
  };
  const onStateRender = () => renders.state++;
  function Pane() {
    // The test's own state: the provider's parent renders again.
    const [, setTick] = useState(0);
    return (
      <Providers lang="en">
        <button onClick={() => setTick((n) => n + 1)}>re-render parent</button>
        <PlannerProvider lang="en" mode="file" initialWorkbook={fileWorkbook()}>
          <MemoActionsOnly rendered={onActionsRender} />
          <MemoStateReader rendered={onStateRender} />
        </PlannerProvider>
      </Providers>
    );
  }
  render(<Pane />);
  await screen.findByText(/A minimum 500; 35 cities; \d+ customers/);
  const afterLoad = renders.state;
  expect(afterLoad).toBeGreaterThan(1);

  fireEvent.click(screen.getByRole('button', { name: 'type 640' }));
  await screen.findByText(/A minimum 640;/);
  fireEvent.click(screen.getByRole('button', { name: 'Kashgar tier 1' }));
  await screen.findByText(/36 cities/);
  expect(renders.state).toBeGreaterThan(afterLoad);

  // The actions-only component rendered once (at mount), whatever changed since.
  expect(renders.actions).toBe(1);
  expect(seenActions.size).toBe(1);
  // The provider's parent rendering again does not reach it either (its props are the same).
  const stateBefore = renders.state;
  fireEvent.click(screen.getByRole('button', { name: 're-render parent' }));
  await act(async () => undefined);
  expect(renders.actions).toBe(1);
  // Nor the state reader: with no change, the state context's value is the same object.
  expect(renders.state).toBe(stateBefore);
});
