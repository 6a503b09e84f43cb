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
import { CLASS_LABELS } from '../../../i18n/engine';
import { SaveBar } from '../../components/SaveBar/SaveBar';
import { useText } from '../../text';
import { useSharedStyles } from '../../useSharedStyles';
import type { NumberFieldView } from './useThresholdsStep';
import { useThresholdsStep } from './useThresholdsStep';
import { useThresholdsStepStyles } from './useThresholdsStepStyles';

const COLUMNS = ['A', 'B', 'C', 'none'] as const;

export function ThresholdsStep() {
  const { t, n, lang } = useText();
  const styles = useThresholdsStepStyles();
  const shared = useSharedStyles();
  const s = useThresholdsStep();

  const input = (f: NumberFieldView) => (
    <Field label={{ children: f.label, className: shared.visuallyHidden }} validationState={f.error ? 'error' : 'none'} validationMessage={f.error} hint={f.hint}>
      <Input className={styles.input} inputMode="decimal" value={f.text} onChange={(_, data) => s.setText(f.path, data.value)} data-path={f.path} />
    </Field>
  );

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
      <Caption1 as="p" block className={styles.caption}>
        {t('th-intro')}
      </Caption1>
      <section aria-labelledby="abc-th-limits">
        <Subtitle2 id="abc-th-limits" as="h3" block>
          {t('th-limits')}
        </Subtitle2>
        <Table size="small" className={styles.table} aria-labelledby="abc-th-limits">
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.tierColumn}>{t('th-col-tier')}</TableHeaderCell>
              <TableHeaderCell className={styles.classColumn}>{t('th-col-class')}</TableHeaderCell>
              <TableHeaderCell>{t('th-col-potential')}</TableHeaderCell>
              <TableHeaderCell>{t('th-col-sales')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {s.tiers.flatMap(({ tier, name, classes }) =>
              classes.map((row, i) => (
                <TableRow key={`${tier}${row.cls}`} className={i === 1 ? styles.tierEnd : undefined}>
                  {i === 0 && (
                    <TableCell rowSpan={2} className={styles.tierCell}>
                      {name}
                    </TableCell>
                  )}
                  <TableCell className={styles.classCell}>{CLASS_LABELS[lang][row.cls]}</TableCell>
                  <TableCell className={styles.inputCell}>{input(row.potential)}</TableCell>
                  <TableCell className={styles.inputCell}>{input(row.sales)}</TableCell>
                </TableRow>
              )),
            )}
          </TableBody>
        </Table>
        <Caption1 as="p" block className={styles.caption}>
          {t('th-tiers-note', { fallback: s.fallback })}
        </Caption1>
      </section>

      <section aria-labelledby="abc-th-matrix">
        <Subtitle2 id="abc-th-matrix" as="h3" block>
          {t('th-matrix')}
        </Subtitle2>
        <Table size="small" className={styles.table} aria-labelledby="abc-th-matrix">
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.tierColumn}>{t('th-col-tier')}</TableHeaderCell>
              <TableHeaderCell>{t('th-col-matrix-potential')}</TableHeaderCell>
              <TableHeaderCell>{t('th-col-matrix-share')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {s.tiers.map(({ tier, name, matrix }) => (
              <TableRow key={tier}>
                <TableCell className={styles.tierCell}>{name}</TableCell>
                <TableCell className={styles.inputCell}>{input(matrix.potential)}</TableCell>
                <TableCell className={styles.inputCell}>{input(matrix.share)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Caption1 as="p" block className={styles.caption}>
          {t('th-matrix-intro')}
        </Caption1>
      </section>

      <section aria-labelledby="abc-th-preview" aria-busy={s.pending}>
        <Subtitle2 id="abc-th-preview" as="h3" block>
          {t('th-preview')}
        </Subtitle2>
        {s.stale && (
          <MessageBar intent="warning">
            <MessageBarBody>{t('th-preview-stale')}</MessageBarBody>
          </MessageBar>
        )}
        {s.counts && s.preview ? (
          <>
            <Table size="small" className={styles.table} aria-labelledby="abc-th-preview">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell className={styles.previewTier}>{t('th-col-tier')}</TableHeaderCell>
                  {COLUMNS.map((c) => (
                    <TableHeaderCell key={c} className={mergeClasses(styles.numberCell, styles.numberHeader)}>
                      {c === 'none' ? t('th-col-none') : CLASS_LABELS[lang][c]}
                    </TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {s.preview.map((row) => (
                  <TableRow key={row.tier}>
                    <TableCell className={styles.previewTier}>{row.name}</TableCell>
                    {row.cells.map((count, j) => (
                      <TableCell key={j} className={styles.numberCell} data-cell={`${row.tier}${COLUMNS[j]}`}>
                        {n(count)}
                        {delta(count, row.before?.[j])}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
                <TableRow className={styles.totalRow}>
                  <TableCell className={styles.previewTier}>{t('th-total')}</TableCell>
                  {COLUMNS.map((c) => (
                    <TableCell key={c} className={styles.numberCell} data-cell={`total${c}`}>
                      {n(s.counts!.byClass[c])}
                      {delta(s.counts!.byClass[c], s.baselineCounts?.byClass[c])}
                    </TableCell>
                  ))}
                </TableRow>
              </TableBody>
            </Table>
            <Text as="p" block role="status" className={styles.changes}>
              {s.changes ? t('th-changes', { count: n(s.changes) }) : t('th-changes-none')}
            </Text>
          </>
        ) : (
          <Caption1 as="p" block className={styles.caption}>
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
