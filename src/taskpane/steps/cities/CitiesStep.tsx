/** Step 3, Cities: the city tier list, the sheet's unlisted cities (one click gives a tier), adding a city. */
import {
  Button,
  Caption1,
  Field,
  Input,
  SearchBox,
  Select,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { SaveBar } from '../../components/SaveBar/SaveBar';
import { useText } from '../../text';
import { useSharedStyles } from '../../useSharedStyles';
import { TierList } from './TierList';
import { useCitiesStep } from './useCitiesStep';
import { useCitiesStepStyles } from './useCitiesStepStyles';

export function CitiesStep() {
  const { t, n } = useText();
  const styles = useCitiesStepStyles();
  const shared = useSharedStyles();
  const c = useCitiesStep();
  const tierOptions = c.tiers.map((tier) => (
    <option key={tier.id} value={tier.id}>
      {tier.name}
    </option>
  ));

  return (
    <div className={styles.root}>
      <Caption1 as="p" block className={styles.caption}>
        {t('cities-intro', { fallback: c.fallback })}
      </Caption1>

      <section className={styles.section} aria-labelledby="abc-cities-unlisted">
        <Subtitle2 id="abc-cities-unlisted" as="h3" block>
          {t('cities-unlisted')} ({n(c.unlistedCount)})
        </Subtitle2>
        {c.unlisted.length === 0 ? (
          <Caption1 className={styles.caption}>{t('cities-unlisted-none')}</Caption1>
        ) : (
          <>
            <Caption1 className={styles.caption}>{t('cities-unlisted-hint', { fallback: c.fallback })}</Caption1>
            <ul className={styles.unlisted} aria-labelledby="abc-cities-unlisted">
              {c.unlisted.map((u) => (
                <li key={u.city} className={styles.unlistedItem}>
                  <Text className={styles.cityName}>{u.city}</Text>
                  <Caption1 className={styles.rows}>{t('cities-rows', { count: n(u.rows) })}</Caption1>
                  <span className={styles.tierButtons} role="group" aria-label={u.city}>
                    {c.tiers.map((tier) => (
                      <Button key={tier.id} size="small" aria-label={t('cities-give', { city: u.city, tier: tier.name })} onClick={() => c.setTier(u.city, tier.id)}>
                        {tier.name}
                      </Button>
                    ))}
                  </span>
                </li>
              ))}
            </ul>
            {c.unlistedMore > 0 && <Caption1 className={styles.caption}>{t('cities-unlisted-more', { count: n(c.unlistedMore) })}</Caption1>}
          </>
        )}
      </section>

      <section className={styles.section} aria-labelledby="abc-cities-list">
        <Subtitle2 id="abc-cities-list" as="h3" block>
          {t('cities-list', { count: n(c.count) })}
        </Subtitle2>
        <SearchBox aria-label={t('cities-search')} placeholder={t('cities-search')} value={c.query} onChange={(_, data) => c.setQuery(data.value)} />
        {c.noMatch ? (
          <Caption1 className={styles.caption} role="status">
            {t('cities-no-match', { query: c.query })}
          </Caption1>
        ) : (
          <div className={styles.tableWrap}>
            <Table size="extra-small" className={styles.table} aria-labelledby="abc-cities-list">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('cities-col-city')}</TableHeaderCell>
                  <TableHeaderCell className={styles.tierColumn}>{t('cities-col-tier')}</TableHeaderCell>
                  {c.hasSheet && <TableHeaderCell className={styles.rowsColumn}>{t('cities-col-rows')}</TableHeaderCell>}
                  <TableHeaderCell className={styles.actionColumn}>
                    <span className={shared.visuallyHidden}>{t('cities-col-actions')}</span>
                  </TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {c.shown.map((city) => (
                  <TableRow key={city.city}>
                    <TableCell>{city.city}</TableCell>
                    <TableCell className={styles.tierColumn}>
                      <Select
                        className={styles.select}
                        size="small"
                        aria-label={t('cities-tier-of', { city: city.city })}
                        value={city.tier}
                        onChange={(_, data) => c.setTier(city.city, data.value)}
                      >
                        {tierOptions}
                      </Select>
                    </TableCell>
                    {c.hasSheet && <TableCell className={styles.rowsColumn}>{n(c.rowsOf(city.city) ?? 0)}</TableCell>}
                    <TableCell className={styles.actionColumn}>
                      <Button
                        size="small"
                        appearance="subtle"
                        icon={<DeleteRegular />}
                        aria-label={t('cities-remove', { city: city.city })}
                        onClick={() => c.remove(city.city)}
                      />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
        {c.more > 0 && <Caption1 className={styles.caption}>{t('cities-more', { count: n(c.more) })}</Caption1>}
      </section>

      <section className={styles.section} aria-labelledby="abc-cities-add">
        <Subtitle2 id="abc-cities-add" as="h3" block>
          {t('cities-add')}
        </Subtitle2>
        <form
          className={styles.add}
          onSubmit={(e) => {
            e.preventDefault();
            c.add.submit();
          }}
        >
          <Field className={styles.addCity} label={t('cities-add-city')} validationState={c.add.error ? 'error' : 'none'} validationMessage={c.add.error}>
            <Input className={styles.fill} value={c.add.city} onChange={(_, data) => c.add.setCity(data.value)} />
          </Field>
          <Field className={styles.addTier} label={t('cities-add-tier')}>
            <Select className={styles.fill} value={c.add.tier} onChange={(_, data) => c.add.setTier(data.value)}>
              {tierOptions}
            </Select>
          </Field>
          <Button className={styles.addButton} type="submit" icon={<AddRegular />}>
            {t('cities-add-button')}
          </Button>
        </form>
      </section>

      <TierList className={styles.section} />

      <SaveBar />
    </div>
  );
}
