/**
 * Step 5, Run: write the tags and breakdown sheets, with progress; then the summary, the names
 * of the planner's that were kept, sheet links and row issues. A signed file asks first.
 */
import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Subtitle2,
  Text,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, OpenRegular, PlayRegular, TableRegular } from '@fluentui/react-icons';
import { IssueList } from '../../components/IssueList/IssueList';
import { useText } from '../../text';
import { useFocusOnArrival } from '../../useFocusOnArrival';
import { useRunStep } from './useRunStep';
import { useRunStepStyles } from './useRunStepStyles';

export function RunStep() {
  const { t, n } = useText();
  const styles = useRunStepStyles();
  const r = useRunStep();
  const o = r.outcome;
  // The result takes the focus when a run ends (the Run button was disabled meanwhile).
  const result = useFocusOnArrival<HTMLDivElement>(o);

  return (
    <div className={styles.root}>
      <Caption1 as="p" block className={styles.caption}>
        {t('run-intro', { sheet: r.sheet ?? '—' })}
      </Caption1>
      <div className={styles.actions}>
        <Button appearance="primary" size="large" icon={r.running ? <Spinner size="tiny" /> : <PlayRegular />} disabled={!r.canRun} onClick={r.run}>
          {r.running ? t('run-running') : t('run-button')}
        </Button>
        {r.blocker && !r.running && <Text className={styles.blocker}>{r.blocker}</Text>}
      </div>
      {r.progress && (
        <Field validationMessage={r.progress.label} validationState="none">
          <ProgressBar value={r.progress.value} thickness="large" aria-label={r.progress.label} />
        </Field>
      )}

      {o && (
        <>
          <MessageBar intent="success" layout="multiline" ref={result} tabIndex={-1}>
            <MessageBarBody className={styles.body}>
              <MessageBarTitle>{t('run-done-title')}</MessageBarTitle>
              <span>
                {t('run-done', {
                  customers: n(o.customers),
                  a: n(o.counts.byClass.A),
                  b: n(o.counts.byClass.B),
                  c: n(o.counts.byClass.C),
                  none: n(o.counts.byClass.none),
                })}
              </span>
              {o.counts.total - o.counts.byClass.none > 0 && <span>{t('run-target', { target: n(o.target.company) })}</span>}
              {r.fileMode && <span>{t('run-download-note')}</span>}
              {r.signature.broken && <span>{t('run-signed-broken')}</span>}
            </MessageBarBody>
          </MessageBar>
          {r.fileMode && (
            <div className={styles.actions}>
              <Button appearance="primary" icon={<ArrowDownloadRegular />} onClick={r.download}>
                {t('file-download')}
              </Button>
            </div>
          )}
          {r.notices.length > 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody className={styles.body}>
                <MessageBarTitle>{t('run-notices-title', { count: n(r.notices.length) })}</MessageBarTitle>
                <span>{t('run-notices-intro')}</span>
                <ul className={styles.notices} aria-label={t('run-notices-title', { count: n(r.notices.length) })}>
                  {r.notices.map((notice, i) => (
                    <li key={i} className={styles.notice}>
                      <span>{notice.what}</span>
                      <Caption1 className={styles.caption}>{notice.todo}</Caption1>
                    </li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          <section className={styles.section} aria-labelledby="abc-run-sheets">
            <Subtitle2 id="abc-run-sheets" as="h3" block>
              {t('run-sheets')}
            </Subtitle2>
            <ul className={styles.sheets}>
              {r.sheets.map((s) => (
                <li key={s.kind} className={styles.sheet}>
                  {r.excel ? (
                    <Link as="button" className={styles.sheetLink} onClick={() => r.openSheet(s.name)} aria-label={t('run-open-sheet', { sheet: s.name })}>
                      <OpenRegular aria-hidden className={styles.sheetIcon} />
                      {s.name}
                    </Link>
                  ) : (
                    <Text className={styles.sheetLink}>
                      <TableRegular aria-hidden className={styles.sheetIcon} />
                      {s.name}
                    </Text>
                  )}
                </li>
              ))}
            </ul>
            {r.tags && <Caption1 className={styles.caption}>{r.tags}</Caption1>}
          </section>
          {o.issues.length > 0 && (
            <section className={styles.section} aria-labelledby="abc-run-issues">
              <Subtitle2 id="abc-run-issues" as="h3" block>
                {t('run-issues', { count: n(o.issues.length) })}
              </Subtitle2>
              {r.excel && <Caption1 className={styles.caption}>{t('run-issues-click')}</Caption1>}
              <IssueList issues={o.issues} label={t('run-issues', { count: o.issues.length })} {...(r.selectIssue ? { onSelect: r.selectIssue } : {})} {...(o.sheets.issues ? { issuesSheet: o.sheets.issues } : {})} />
            </section>
          )}
        </>
      )}

      <Dialog open={r.signature.asking} modalType="alert" onOpenChange={(_, data) => !data.open && r.signature.cancelRun()}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t('run-signed-title')}</DialogTitle>
            <DialogContent className={styles.body}>
              <Text as="p" block>
                {t('run-signed-body', { file: r.signature.file })}
              </Text>
              <Text as="p" block>
                {t('run-signed-question')}
              </Text>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={r.signature.continueRun}>
                {t('run-signed-continue')}
              </Button>
              <Button appearance="secondary" onClick={r.signature.cancelRun}>
                {t('run-signed-cancel')}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
