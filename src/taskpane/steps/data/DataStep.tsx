/** Step 1, Data: the customer sheet, its header row, the column mapping, customers and row issues. */
import { Badge, Button, Caption1, Dropdown, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Option, Spinner, Subtitle2, Text } from '@fluentui/react-components';
import { ArrowSyncRegular, ChevronDownRegular, ChevronUpRegular } from '@fluentui/react-icons';
import { IssueList } from '../../components/IssueList/IssueList';
import { usePlannerState } from '../../state/PlannerContext';
import { useText } from '../../text';
import { useFocusOnArrival } from '../../useFocusOnArrival';
import { useDataStep } from './useDataStep';
import { useDataStepStyles } from './useDataStepStyles';

export function DataStep() {
  const { t, n } = useText();
  const styles = useDataStepStyles();
  const d = useDataStep();
  // A file (or the sample) just opened and read: its customer count takes the focus. Not in Excel,
  // where the pane opening must not take the focus from the grid.
  const { state } = usePlannerState();
  const stats = useFocusOnArrival<HTMLDivElement>(d.ok && state.workbook?.mode === 'file' ? state.workbook : undefined);

  if (!d.hasWorkbook) return <Text>{d.reading ? <Spinner size="tiny" label={t('app-busy-workbook')} /> : t('data-no-workbook')}</Text>;
  if (d.candidates.length === 0) return <Text>{t('data-no-candidates')}</Text>;

  return (
    <div className={styles.root}>
      {d.signed && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody className={styles.noticeBody}>
            <MessageBarTitle>{t('data-signed-title')}</MessageBarTitle>
            <span>{t('data-signed')}</span>
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Field className={styles.grow} label={t('data-sheet')}>
          <Dropdown
            className={styles.dropdown}
            value={d.sheetName ?? ''}
            selectedOptions={d.sheetName ? [d.sheetName] : []}
            onOptionSelect={(_, data) => data.optionValue && data.optionValue !== d.sheetName && d.chooseSheet(data.optionValue)}
            disabled={d.busy}
          >
            {d.candidates.map((name) => (
              <Option key={name} value={name}>
                {name}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Button icon={<ArrowSyncRegular />} onClick={d.reread} disabled={d.busy || !d.sheetName}>
          {t('data-reread')}
        </Button>
      </div>
      {d.reading && <Spinner size="tiny" label={t('app-busy-reading', { sheet: d.sheetName ?? '' })} />}

      {d.empty ? (
        <MessageBar intent="warning">
          <MessageBarBody>{t(d.candidates.length > 1 ? 'data-empty' : 'data-empty-only', { sheet: d.sheetName ?? '' })}</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <div className={styles.headerRow}>
            <Field
              label={t('data-header-row')}
              validationState={d.header.invalid ? 'error' : 'none'}
              validationMessage={d.header.invalid ?? d.header.hint}
            >
              <Input className={styles.headerInput} inputMode="numeric" value={d.header.text} onChange={(_, data) => d.header.type(data.value)} />
            </Field>
            {d.header.overridden && (
              <Button appearance="subtle" className={styles.autoButton} onClick={d.header.auto}>
                {t('data-header-auto')}
              </Button>
            )}
          </div>

          {d.headerCells.length > 0 && (
            <section aria-labelledby="abc-mapping-title">
              <Subtitle2 id="abc-mapping-title" as="h3" block className={styles.sectionTitle}>
                {t('data-mapping')}
              </Subtitle2>
              <Caption1 as="p" block className={styles.caption}>
                {t('data-mapping-hint')}
              </Caption1>
              <div className={styles.mapping}>
                {d.fields.map((f) => (
                  <Field
                    key={f.field}
                    orientation="horizontal"
                    required={f.required}
                    label={f.label}
                    validationState={f.value === undefined ? (f.required ? 'error' : 'none') : 'none'}
                    validationMessage={f.value === undefined ? t(f.required ? 'data-column-missing' : 'data-column-optional') : undefined}
                  >
                    <Dropdown
                      className={styles.dropdown}
                      value={f.shown}
                      selectedOptions={f.value !== undefined ? [f.value] : []}
                      placeholder="—"
                      onOptionSelect={(_, data) => data.optionValue && d.setColumn(f.field, data.optionValue)}
                    >
                      {d.headerCells.map((o) => (
                        <Option key={o.value} value={o.value}>
                          {o.label}
                        </Option>
                      ))}
                    </Dropdown>
                  </Field>
                ))}
              </div>
              <Caption1 as="p" block className={styles.caption}>
                {d.products.length ? t('data-products', { products: d.products.join(', ') }) : t('data-products-none')}
              </Caption1>
              {d.unmapped.length > 0 && (
                <Caption1 as="p" block className={styles.caption}>
                  {t('data-unmapped', { columns: d.unmapped.join(', ') })}
                </Caption1>
              )}
            </section>
          )}

          {d.problems.length > 0 && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{t('data-cannot-plan')}</MessageBarTitle>
                {d.problems.map((p, i) => (
                  <div key={i}>{p}</div>
                ))}
              </MessageBarBody>
            </MessageBar>
          )}

          {d.ok && (
            <div className={styles.stats} role="status" ref={stats} tabIndex={-1}>
              <Badge appearance="filled" color="brand" size="large">
                {t('data-customers', { count: n(d.customers) })}
              </Badge>
              <Badge appearance="tint" color={d.errors ? 'danger' : d.issues.length ? 'warning' : 'success'} size="large">
                {d.issues.length ? t('data-issues', { count: n(d.issues.length), errors: n(d.errors), warnings: n(d.warnings) }) : t('data-no-issues')}
              </Badge>
            </div>
          )}
          {d.ok && d.issues.length > 0 && (
            <div>
              <Button
                appearance="subtle"
                icon={d.issuesOpen ? <ChevronUpRegular /> : <ChevronDownRegular />}
                iconPosition="after"
                aria-expanded={d.issuesOpen}
                onClick={d.toggleIssues}
              >
                {d.issuesOpen ? t('data-hide-issues') : t('data-show-issues')}
              </Button>
              {d.issuesOpen && <IssueList issues={d.issues} label={t('data-show-issues')} {...(d.selectIssue ? { onSelect: d.selectIssue } : {})} />}
            </div>
          )}
        </>
      )}
    </div>
  );
}
