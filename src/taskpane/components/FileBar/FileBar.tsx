/** Browser file mode: open an .xlsx (picker or drop) or the sample; download the planned workbook. */
import {
  Badge,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Text,
  mergeClasses,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, DocumentTableRegular, FolderOpenRegular } from '@fluentui/react-icons';
import { useText } from '../../text';
import { useFileBar } from './useFileBar';
import { useFileBarStyles } from './useFileBarStyles';

export function FileBar() {
  const { t } = useText();
  const styles = useFileBarStyles();
  const { input, ...bar } = useFileBar();
  return (
    <section className={mergeClasses(styles.zone, bar.dragging && styles.dragging)} aria-label={t('file-drop')}>
      <Caption1 className={styles.note}>{t('app-mode-file')}</Caption1>
      <Text weight="semibold">{bar.dragging ? t('file-drop-active') : `${t('file-drop')} ${t('file-drop-or')}`}</Text>
      <div className={styles.buttons}>
        <Button icon={<FolderOpenRegular />} appearance={bar.fileName ? 'secondary' : 'primary'} onClick={bar.pick} disabled={bar.busy}>
          {t('file-open')}
        </Button>
        <Button icon={<DocumentTableRegular />} onClick={bar.openSample} disabled={bar.busy}>
          {t('file-sample')}
        </Button>
        <input
          ref={input}
          className={styles.hidden}
          type="file"
          accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={t('file-input-label')}
          tabIndex={-1}
          onChange={(e) => bar.picked(e.currentTarget.files)}
        />
      </div>
      {bar.fileName && (
        <div className={styles.file}>
          <Text className={styles.fileName}>{t('file-current', { file: bar.fileName })}</Text>
          {bar.changed && (
            <Badge appearance="tint" color="warning">
              {t('file-changed')}
            </Badge>
          )}
          {bar.canDownload && (
            <Button icon={<ArrowDownloadRegular />} appearance={bar.changed ? 'primary' : 'secondary'} onClick={bar.download} disabled={bar.busy}>
              {t('file-download')}
            </Button>
          )}
        </div>
      )}
      <Dialog open={bar.replacing !== null} modalType="alert" onOpenChange={(_, data) => !data.open && bar.replacing?.cancel()}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t('file-replace-title')}</DialogTitle>
            <DialogContent>
              <Text as="p" block>
                {t('file-replace-body', { file: bar.fileName ?? '' })}
              </Text>
              <Text as="p" block>
                {bar.replacing?.next ? t('file-replace-next', { file: bar.replacing.next }) : t('file-replace-sample')}
              </Text>
            </DialogContent>
            <DialogActions className={styles.dialogActions}>
              <Button appearance="primary" icon={<ArrowDownloadRegular />} onClick={bar.replacing?.downloadFirst}>
                {t('file-replace-download')}
              </Button>
              <Button appearance="secondary" onClick={bar.replacing?.discard}>
                {t('file-replace-discard')}
              </Button>
              <Button appearance="subtle" onClick={bar.replacing?.cancel}>
                {t('file-replace-cancel')}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
