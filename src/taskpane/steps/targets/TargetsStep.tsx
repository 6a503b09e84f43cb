/** Step 4, Targets: the company target or growth, the allocation basis and unit, the product mix, the preview. */
import {
  Button,
  Caption1,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  Radio,
  RadioGroup,
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
import { ArrowUndoRegular, ErrorCircleRegular } from '@fluentui/react-icons';
import { useId } from 'react';
import type { AllocationBasis } from '../../../engine/settings';
import { ALLOCATION_BASES, ALLOCATION_UNITS } from '../../../engine/settings';
import { CLASSES } from '../../../engine/types';
import { CLASS_LABELS, INDUSTRY_LABELS } from '../../../i18n/engine';
import { BASIS_LABELS } from '../../../i18n/render';
import { SaveBar } from '../../components/SaveBar/SaveBar';
import { useText } from '../../text';
import { useTargetsStep } from './useTargetsStep';
import { useTargetsStepStyles } from './useTargetsStepStyles';

export function TargetsStep() {
  const { t, n, lang } = useText();
  const styles = useTargetsStepStyles();
  const s = useTargetsStep();
  const mixErrorId = useId();
  // A warning is a sentence or two: with one, the field takes the pane's width and only the input
  // keeps the narrow one.
  const narrow = (warnings: string[]) => (warnings.length ? { field: undefined, input: styles.amount } : { field: styles.amount, input: undefined });
  // One line per warning; none gives no message at all.
  const warningList = (warnings: string[]) =>
    warnings.length
      ? warnings.map((w) => (
          <span key={w} className={styles.warning}>
            {w}
          </span>
        ))
      : undefined;
  const share = (part: number, whole: number) => (whole > 0 ? `${n((part / whole) * 100, 1)}%` : '—');

  const table = (title: string, rows: { key: string; label: string; customers?: number; target: number }[], showCustomers: boolean) => (
    <>
      <Table size="extra-small" className={styles.table} aria-label={title}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.firstCell}>
              <span className={styles.tableTitle}>{title}</span>
            </TableHeaderCell>
            {showCustomers && <TableHeaderCell className={mergeClasses(styles.numberCell, styles.numberHeader, styles.customersColumn)}>{t('tg-col-customers')}</TableHeaderCell>}
            <TableHeaderCell className={mergeClasses(styles.numberCell, styles.numberHeader, styles.targetColumn)}>{t('tg-col-target')}</TableHeaderCell>
            <TableHeaderCell className={mergeClasses(styles.numberCell, styles.numberHeader, styles.shareColumn)}>{t('tg-col-share')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.key}>
              <TableCell className={styles.firstCell}>{r.label}</TableCell>
              {showCustomers && <TableCell className={styles.numberCell}>{n(r.customers ?? 0)}</TableCell>}
              <TableCell className={styles.numberCell}>{n(r.target)}</TableCell>
              <TableCell className={styles.numberCell}>{share(r.target, s.totals?.company ?? 0)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );

  return (
    <div className={styles.root}>
      <Field label={t('tg-mode')}>
        <RadioGroup value={s.mode} onChange={(_, data) => s.setMode(data.value as 'target' | 'growth')}>
          <Radio value="target" label={t('tg-mode-target')} />
          <Radio value="growth" label={t('tg-mode-growth')} />
        </RadioGroup>
      </Field>
      {s.mode === 'target' ? (
        <Field
          className={narrow(s.target.warnings).field}
          label={t('tg-target')}
          hint={s.target.error ? undefined : t('tg-target-hint')}
          validationState={s.target.error ? 'error' : s.target.warnings.length ? 'warning' : 'none'}
          validationMessage={s.target.error ?? warningList(s.target.warnings)}
        >
          <Input className={narrow(s.target.warnings).input} value={s.target.text} inputMode="decimal" onChange={(_, data) => s.setText('targets.companyTarget', data.value)} contentAfter={<span className={styles.unit}>万元</span>} />
        </Field>
      ) : (
        <Field
          className={narrow(s.growth.warnings).field}
          label={t('tg-growth')}
          validationState={s.growth.error ? 'error' : s.growth.warnings.length ? 'warning' : 'none'}
          validationMessage={s.growth.error ?? warningList(s.growth.warnings)}
        >
          <Input className={narrow(s.growth.warnings).input} value={s.growth.text} inputMode="decimal" onChange={(_, data) => s.setText('targets.growthPct', data.value)} contentAfter={<span className={styles.unit}>%</span>} />
        </Field>
      )}
      {s.plan && <Caption1 className={styles.caption}>{t('tg-current', { sales: n(s.plan.currentSales) })}</Caption1>}

      <Field label={t('tg-basis')}>
        <RadioGroup value={s.basis} onChange={(_, data) => s.setBasis(data.value as AllocationBasis)}>
          {ALLOCATION_BASES.map((b) => (
            <Radio key={b} value={b} label={BASIS_LABELS[lang][b]} />
          ))}
        </RadioGroup>
      </Field>
      {s.basis === 'blend' && (
        <Field className={styles.amount} label={t('tg-blend')} validationState={s.blend.error ? 'error' : 'none'} validationMessage={s.blend.error}>
          <Input value={s.blend.text} inputMode="decimal" onChange={(_, data) => s.setText('targets.blendPotentialWeight', data.value)} contentAfter={<span className={styles.unit}>%</span>} />
        </Field>
      )}
      <Field className={styles.amount} label={t('tg-unit')}>
        <Dropdown
          value={t('tg-unit-option', { unit: s.unit })}
          selectedOptions={[String(s.unit)]}
          onOptionSelect={(_, data) => data.optionValue && s.setUnit(Number(data.optionValue) as 0.1 | 1 | 10)}
        >
          {ALLOCATION_UNITS.map((u) => (
            <Option key={u} value={String(u)}>
              {t('tg-unit-option', { unit: u })}
            </Option>
          ))}
        </Dropdown>
      </Field>

      {s.mix.length > 0 && (
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>{t('tg-mix')}</legend>
          <Caption1 className={styles.caption}>{s.mixFromHistory ? t('tg-mix-from-history') : t('tg-mix-equal')}</Caption1>
          <div className={styles.mixGrid}>
            {s.mix.map((m, i) => (
              <Field
                key={m.path}
                label={m.name}
                hint={m.error ? undefined : m.historyPct !== undefined ? t('tg-mix-history', { pct: n(m.historyPct) }) : t('tg-mix-history-none')}
                validationState={m.error ? 'error' : 'none'}
                validationMessage={m.error}
              >
                <Input
                  className={styles.input}
                  value={m.text}
                  inputMode="decimal"
                  onChange={(_, data) => s.typeMix(i, data.value)}
                  contentAfter={<span className={styles.unit}>%</span>}
                  aria-describedby={s.mixError ? mixErrorId : undefined}
                  aria-invalid={s.mixError || m.error ? true : undefined}
                />
              </Field>
            ))}
          </div>
          <div className={styles.mixFoot}>
            <Text className={s.mixError ? styles.sumError : styles.sum}>{s.mixSum === undefined ? t('tg-mix-sum', { sum: '—' }) : t('tg-mix-sum', { sum: n(s.mixSum) })}</Text>
            {s.mixEdited && (
              <Button size="small" appearance="subtle" icon={<ArrowUndoRegular />} onClick={s.useHistory}>
                {t('tg-mix-use-history')}
              </Button>
            )}
          </div>
          {s.mixError && (
            <Text id={mixErrorId} role="alert" className={styles.mixError}>
              <ErrorCircleRegular aria-hidden />
              {s.mixError}
            </Text>
          )}
        </fieldset>
      )}

      <section aria-labelledby="abc-tg-preview">
        <Subtitle2 id="abc-tg-preview" as="h3" block className={styles.previewTitle}>
          {t('tg-preview')}
        </Subtitle2>
        {s.stale && s.plan && (
          <MessageBar intent="warning">
            <MessageBarBody>{t('th-preview-stale')}</MessageBarBody>
          </MessageBar>
        )}
        {s.plan && s.totals ? (
          s.classified === 0 ? (
            <Text as="p" block>{t('tg-no-classified')}</Text>
          ) : (
            <>
              <Text as="p" block className={styles.company} role="status">
                {s.plan.source === 'growth'
                  ? t('tg-company-growth', { target: n(s.plan.company), current: n(s.plan.currentSales), growth: n(s.plan.growthPct ?? 0) })
                  : t('tg-company', { target: n(s.plan.company) })}
                {s.plan.rounded ? ` ${t('tg-rounded')}` : ''}
              </Text>
              {table(
                t('tg-by-class'),
                CLASSES.map((c) => ({ key: c, label: CLASS_LABELS[lang][c], customers: s.totals!.byClass[c].customers, target: s.totals!.byClass[c].target })),
                true,
              )}
              {table(
                t('tg-by-industry'),
                s.totals.byIndustry.filter((l) => l.customers > 0).map((l) => ({ key: l.group, label: INDUSTRY_LABELS[lang][l.group], customers: l.customers, target: l.target })),
                true,
              )}
              {table(
                t('tg-by-product'),
                s.totals.byProduct.map((p) => ({ key: p.name, label: `${p.name} (${n(p.mixPct)}%)`, target: p.target })),
                false,
              )}
            </>
          )
        ) : (
          <Caption1 as="p" block className={styles.caption}>
            {t('tg-preview-none')}
          </Caption1>
        )}
      </section>

      <SaveBar />
    </div>
  );
}
