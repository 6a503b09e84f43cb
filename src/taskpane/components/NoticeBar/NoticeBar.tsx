/** A notice (settings saved, reloaded, unreadable), dismissable. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { Notice } from '../../state/reducer';
import { useText } from '../../text';
import { useNoticeBarStyles } from './useNoticeBarStyles';

export function NoticeBar({ notice, onDismiss }: { notice: Notice; onDismiss: () => void }) {
  const { t } = useText();
  const styles = useNoticeBarStyles();
  const [first, ...rest] = notice.lines;
  return (
    <MessageBar intent={notice.intent} layout="multiline">
      <MessageBarBody className={styles.body}>
        {notice.title && <MessageBarTitle>{notice.title}</MessageBarTitle>}
        <span>{first}</span>
        {rest.length > 0 && (
          <ul className={styles.list}>
            {rest.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
      <MessageBarActions containerAction={<Button appearance="transparent" aria-label={t('error-dismiss')} icon={<DismissRegular />} onClick={onDismiss} />} />
    </MessageBar>
  );
}
