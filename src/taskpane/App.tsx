/**
 * The task pane: the header, file mode's bar (outside Excel), messages, and the five steps a
 * planner follows top to bottom (each can be opened and used alone).
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
} from '@fluentui/react-components';
import { ErrorCircleFilled } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { REQUIRED_EXCEL_API } from '../hosts/excel';
import { ErrorBar } from './components/ErrorBar/ErrorBar';
import { FileBar } from './components/FileBar/FileBar';
import { EnvironmentNotice } from './components/NoticeBar/EnvironmentNotice';
import { NoticeBar } from './components/NoticeBar/NoticeBar';
import type { Environment } from './environment';
import { PlannerProvider } from './state/PlannerContext';
import type { PaneServices, PaneWorkbook } from './state/workbooks';
import { CitiesStep } from './steps/cities/CitiesStep';
import { DataStep } from './steps/data/DataStep';
import { RunStep } from './steps/run/RunStep';
import { TargetsStep } from './steps/targets/TargetsStep';
import { ThresholdsStep } from './steps/thresholds/ThresholdsStep';
import { useText } from './text';
import type { StepId } from './useApp';
import { STEPS, useApp } from './useApp';
import { useAppStyles } from './useAppStyles';

export interface AppProps {
  env: Environment;
  services?: PaneServices;
  /** Start on this workbook (tests). */
  initialWorkbook?: PaneWorkbook;
}

export function App({ env, services, initialWorkbook }: AppProps) {
  const { lang } = useText();
  // An Excel without the API the host needs: say so, and touch nothing.
  if (env.kind === 'excel' && !env.apiSupported) return <Unsupported env={env} />;
  const mode = env.kind === 'excel' ? 'excel' : 'file';
  return (
    <PlannerProvider lang={lang} mode={mode} {...(services ? { services } : {})} {...(initialWorkbook ? { initialWorkbook } : {})}>
      <Shell env={env} />
    </PlannerProvider>
  );
}

function Header() {
  const { t } = useText();
  const styles = useAppStyles();
  return (
    <header className={styles.header}>
      <Text as="h1" size={600} weight="semibold" className={styles.title}>
        {t('app-title')}
      </Text>
      <Caption1 className={styles.subtitle}>{t('app-subtitle')}</Caption1>
    </header>
  );
}

function Unsupported({ env }: { env: Environment }) {
  const { t } = useText();
  const styles = useAppStyles();
  return (
    <main className={styles.root}>
      <Header />
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('app-api-missing-title')}</MessageBarTitle>
          {t('app-api-missing', { version: REQUIRED_EXCEL_API })}
        </MessageBarBody>
      </MessageBar>
      <EnvironmentNotice env={env} />
    </main>
  );
}

const STEP_VIEWS: Record<StepId, () => ReactNode> = {
  data: () => <DataStep />,
  thresholds: () => <ThresholdsStep />,
  cities: () => <CitiesStep />,
  targets: () => <TargetsStep />,
  run: () => <RunStep />,
};

const STEP_TITLES = { data: 'step-data', thresholds: 'step-thresholds', cities: 'step-cities', targets: 'step-targets', run: 'step-run' } as const;

function Shell({ env }: { env: Environment }) {
  const { t } = useText();
  const styles = useAppStyles();
  const app = useApp();
  const { state } = app.planner;
  const { actions } = app;
  const busy = state.busy;

  return (
    <main className={styles.root}>
      <Header />
      <EnvironmentNotice env={env} />
      {env.kind !== 'excel' && <FileBar />}

      <div role="status" aria-live="polite">
        {busy?.kind === 'opening' && <Spinner size="tiny" labelPosition="after" label={t('app-busy-opening', { file: busy.file })} />}
        {busy?.kind === 'workbook' && <Spinner size="tiny" labelPosition="after" label={t('app-busy-workbook')} />}
      </div>
      {state.error && <ErrorBar error={state.error} onDismiss={actions.dismissError} />}
      {state.notice && <NoticeBar notice={state.notice} onDismiss={actions.dismissNotice} />}

      <Accordion multiple collapsible openItems={app.open} onToggle={app.toggle} className={styles.steps} aria-label={t('app-steps')}>
        {STEPS.map((id, i) => (
          <AccordionItem key={id} value={id} className={styles.item} data-step={id}>
            <AccordionHeader as="h2" size="large" expandIconPosition="end">
              <span className={styles.headerContent}>
                <span className={styles.number} aria-hidden>
                  {i + 1}
                </span>
                <span className={styles.stepTitle}>
                  <span className={styles.stepName}>{t(STEP_TITLES[id])}</span>
                  {app.summaries[id] && <span className={styles.stepSummary}>{app.summaries[id]}</span>}
                </span>
                {app.invalidSteps.includes(id) && <ErrorCircleFilled className={styles.invalid} aria-label={t('step-invalid')} role="img" />}
              </span>
            </AccordionHeader>
            <AccordionPanel className={styles.panel}>{STEP_VIEWS[id]()}</AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </main>
  );
}
