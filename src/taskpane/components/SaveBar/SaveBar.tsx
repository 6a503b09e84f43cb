/** Save to workbook, with whether the settings are saved; `children` adds buttons (Reset). */
import { Button, Caption1, Spinner, mergeClasses } from '@fluentui/react-components';
import { SaveRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { useText } from '../../text';
import { useSaveBar } from './useSaveBar';
import { useSaveBarStyles } from './useSaveBarStyles';

export function SaveBar({ children }: { children?: ReactNode }) {
  const { t } = useText();
  const styles = useSaveBarStyles();
  const { status, tone, canSave, saving, save } = useSaveBar();
  return (
    <div className={styles.root}>
      <Caption1 className={mergeClasses(styles.status, styles[tone])} role="status">
        {status}
      </Caption1>
      <Button appearance="primary" icon={saving ? <Spinner size="tiny" /> : <SaveRegular />} disabled={!canSave} onClick={() => void save()}>
        {saving ? t('save-saving') : t('save-button')}
      </Button>
      {children}
    </div>
  );
}
