/**
 * The environment notice: in another Office application, that ABC Planner works in Excel (naming
 * the application and its platform); in Excel, a quiet line saying which Excel ("Excel on the
 * web"), as office-js-helpers detected it. Nothing in a plain browser (file mode says so itself).
 */
import { Caption1, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { type Environment, environmentWhere } from '../../environment';
import { useText } from '../../text';
import { useNoticeBarStyles } from './useNoticeBarStyles';

export function EnvironmentNotice({ env }: { env: Environment }) {
  const { t, lang } = useText();
  const styles = useNoticeBarStyles();
  const where = environmentWhere(env, lang);
  if (env.kind === 'office') {
    return (
      <MessageBar intent="info">
        <MessageBarBody>{t('app-other-host', { host: where ?? env.host })}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!where) return null;
  return <Caption1 className={styles.where}>{t('env-where', { where })}</Caption1>;
}
