/** Step 2, Thresholds: minimums per tier and class, matrix splits, the live preview, save and reset. */
import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  mergeClasses,
} from '@fluentui/react-components';
import { ArrowResetRegular } from '@fluentui/react-icons';
import { CLASS_LABELS, TIER_LABELS } from '../../../i18n/engine';
import { SaveBar } from '../../components/SaveBar/SaveBar';
import { useText } from '../../text';
import { useSharedStyles } from '../../useSharedStyles';
import { useThresholdsStep } from './useThresholdsStep';
import { useThresholdsStepStyles } from './useThresholdsStepStyles';

const COLUMNS = ['A', 'B', 'C', 'none'] as const;

export function ThresholdsStep() {
  const { t, n, lang } = useText();
  const styles = useThresholdsStepStyles();
  const shared = useSharedStyles();
  const s = useThresholdsStep();

  const delta = (now: number, before: number | undefined) => {
    if (before === undefined || now === before) return null;
    const d = now - before;
    return (
      <span className={mergeClasses(styles.delta, d > 0 ? styles.up : styles.down)}>
        {d > 0 ? `+${d}` : `−${-d}`}
        <span className={shared.visuallyHidden}> ({t(d > 0 ? 'th-delta-up' : 'th-delta-down', { n: Math.abs(d) })})</span>
      </span>
    );
  };

  return (
    <div className={styles.root}>
      <Caption1 as="p" className={styles.caption}>
        {t('th-intro')}
      </Caption1>
      {s.tiers.map(({ tier, fields }) => (
        <fieldset key={tier} className={styles.tier}>
          <legend className={styles.legend}>{t(`th-tier-${tier}` as const)}</legend>
          <div className={styles.grid}>
            {fields.map((f) => (
              <Field key={f.path} label={t(f.label)} validationState={f.error ? 'error' : 'none'} validationMessage={f.error}>
                <Input
                  className={styles.input}
                  inputMode="decimal"
                  value={f.text}
                  onChange={(_, data) => s.setText(f.path, data.value)}
                  contentAfter={<span className={styles.unit}>{f.unit === 'wan' ? '万元' : '%'}</span>}
                  data-path={f.path}
                />
              </Field>
            ))}
          </div>
        </fieldset>
      ))}

      <section aria-labelledby="abc-th-preview" aria-busy={s.pending}>
        <Subtitle2 id="abc-th-preview" as="h3">
          {t('th-preview')}
        </Subtitle2>
        {s.stale && (
          <MessageBar intent="warning">
            <MessageBarBody>{t('th-preview-stale')}</MessageBarBody>
          </MessageBar>
        )}
        {s.counts ? (
          <>
            <Table size="small" className={styles.table} aria-labelledby="abc-th-preview">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell className={styles.tierCell}>{t('th-col-tier')}</TableHeaderCell>
                  {COLUMNS.map((c) => (
                    <TableHeaderCell key={c} className={styles.numberCell}>
                      {c === 'none' ? t('th-col-none') : CLASS_LABELS[lang][c]}
                    </TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {s.counts.cells.map((row, i) => (
                  <TableRow key={i}>
                    <TableCell className={styles.tierCell}>{TIER_LABELS[lang][`${(i + 1) as 1 | 2 | 3}`]}</TableCell>
                    {row.map((count, j) => (
                      <TableCell key={j} className={styles.numberCell} data-cell={`${i + 1}${COLUMNS[j]}`}>
                        {n(count)}
                        {delta(count, s.baselineCounts?.cells[i][j])}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
                <TableRow className={styles.totalRow}>
                  <TableCell className={styles.tierCell}>{t('th-total')}</TableCell>
                  {COLUMNS.map((c) => (
                    <TableCell key={c} className={styles.numberCell} data-cell={`total${c}`}>
                      {n(s.counts!.byClass[c])}
                      {delta(s.counts!.byClass[c], s.baselineCounts?.byClass[c])}
                    </TableCell>
                  ))}
                </TableRow>
              </TableBody>
            </Table>
            <Text as="p" role="status" className={styles.changes}>
              {s.changes ? t('th-changes', { count: n(s.changes) }) : t('th-changes-none')}
            </Text>
          </>
        ) : (
          <Caption1 as="p" className={styles.caption}>
            {t('th-preview-none')}
          </Caption1>
        )}
      </section>

      <SaveBar>
        <Button icon={<ArrowResetRegular />} onClick={s.reset}>
          {t('th-reset')}
        </Button>
      </SaveBar>
    </div>
  );
}
