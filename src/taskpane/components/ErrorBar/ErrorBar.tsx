/** An error in plain words (what failed, what to do), technical details behind a toggle. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronUpRegular, DismissRegular } from '@fluentui/react-icons';
import type { PaneError } from '../../model/paneErrors';
import { useText } from '../../text';
import { useErrorBar } from './useErrorBar';
import { useErrorBarStyles } from './useErrorBarStyles';

export interface ErrorBarProps {
  error: PaneError;
  onDismiss?: () => void;
}

export function ErrorBar({ error, onDismiss }: ErrorBarProps) {
  const { t } = useText();
  const styles = useErrorBarStyles();
  const { detailsOpen, toggleDetails, detailsId } = useErrorBar();
  return (
    <MessageBar intent="error" layout="multiline" politeness="assertive">
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>{error.title}</MessageBarTitle>
        <span className={styles.message}>{error.message}</span>
        {error.whatToDo && <span>{error.whatToDo}</span>}
        {error.details && (
          <>
            <Button
              className={styles.toggle}
              appearance="transparent"
              size="small"
              icon={detailsOpen ? <ChevronUpRegular /> : <ChevronDownRegular />}
              iconPosition="after"
              aria-expanded={detailsOpen}
              aria-controls={detailsId}
              onClick={toggleDetails}
            >
              {t('error-details')}
            </Button>
            <pre id={detailsId} className={styles.details} hidden={!detailsOpen}>
              {error.details}
            </pre>
          </>
        )}
      </MessageBarBody>
      {onDismiss && (
        <MessageBarActions
          containerAction={<Button appearance="transparent" aria-label={t('error-dismiss')} icon={<DismissRegular />} onClick={onDismiss} />}
        />
      )}
    </MessageBar>
  );
}
