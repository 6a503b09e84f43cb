/** The tiers in step 3: rename (zh and en), remove, add one at the end, choose the tier for cities not listed. */
import { Button, Caption1, Field, Input, Select, Subtitle2, Tooltip } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useText } from '../../text';
import { useSharedStyles } from '../../useSharedStyles';
import { useTierList } from './useTierList';
import { useTierListStyles } from './useTierListStyles';

export function TierList({ className }: { className?: string }) {
  const { t } = useText();
  const styles = useTierListStyles();
  const shared = useSharedStyles();
  const s = useTierList();

  return (
    <section className={className} aria-labelledby="abc-tiers">
      <Subtitle2 id="abc-tiers" as="h3" block>
        {t('tiers-title', { count: s.count })}
      </Subtitle2>
      <Caption1 className={styles.caption}>{t('tiers-intro')}</Caption1>
      <div className={styles.head} aria-hidden="true">
        <Caption1>{t('tiers-col-id')}</Caption1>
        <Caption1>{t('tiers-col-zh')}</Caption1>
        <Caption1>{t('tiers-col-en')}</Caption1>
      </div>
      <ul className={styles.list} aria-labelledby="abc-tiers">
        {s.rows.map((row) => (
          <li key={row.id} className={styles.row} data-tier={row.id}>
            <span className={styles.id}>{row.id}</span>
            {(['zh', 'en'] as const).map((lang) => {
              const error = lang === 'zh' ? row.zhError : row.enError;
              return (
                <Field
                  key={lang}
                  className={styles.field}
                  label={{ children: t(lang === 'zh' ? 'tiers-name-zh' : 'tiers-name-en', { id: row.id }), className: shared.visuallyHidden }}
                  validationState={error ? 'error' : 'none'}
                  validationMessage={error}
                >
                  <Input className={styles.fill} size="small" value={row[lang]} onChange={(_, data) => s.rename(row.id, lang, data.value)} />
                </Field>
              );
            })}
            <Tooltip content={row.removable ? t('tiers-remove', { name: row.name }) : t('tiers-remove-fallback')} relationship="description">
              <Button
                size="small"
                appearance="subtle"
                icon={<DeleteRegular />}
                aria-label={t('tiers-remove', { name: row.name })}
                disabledFocusable={!row.removable}
                onClick={() => row.removable && s.remove(row.id)}
              />
            </Tooltip>
          </li>
        ))}
      </ul>
      <div className={styles.actions}>
        <Field className={styles.fallback} label={t('tiers-fallback')}>
          <Select className={styles.fill} value={s.fallback} onChange={(_, data) => s.setFallback(data.value)}>
            {s.options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </Select>
        </Field>
        <Button icon={<AddRegular />} disabled={!s.canAdd} onClick={s.add}>
          {t('tiers-add')}
        </Button>
      </div>
      {!s.canAdd && <Caption1 className={styles.caption}>{t('tiers-max', { max: s.max })}</Caption1>}
    </section>
  );
}
