/** Row issues: where, what, what to do. In Excel a click selects the cell the issue points at. */
import { Button, Caption1, Link, Text, mergeClasses } from '@fluentui/react-components';
import { ErrorCircleRegular, WarningRegular } from '@fluentui/react-icons';
import type { Issue } from '../../../engine/types';
import { useText } from '../../text';
import { useIssueList } from './useIssueList';
import { useIssueListStyles } from './useIssueListStyles';

export interface IssueListProps {
  issues: readonly Issue[];
  /** In Excel: select the issue's cell. */
  onSelect?: (issue: Issue) => void;
  /** The issues sheet a run made, named where the list stops. */
  issuesSheet?: string;
  label: string;
}

export function IssueList({ issues, onSelect, issuesSheet, label }: IssueListProps) {
  const { t, lang } = useText();
  const styles = useIssueListStyles();
  const { items, rest, showMore } = useIssueList(issues, lang);
  return (
    <div>
      <ul className={styles.list} aria-label={label}>
        {items.map(({ key, issue, words, canSelect }) => {
          const Icon = issue.severity === 'error' ? ErrorCircleRegular : WarningRegular;
          return (
            <li key={key} className={styles.item}>
              <Icon className={mergeClasses(styles.icon, issue.severity === 'error' ? styles.error : styles.warning)} aria-hidden />
              <span className={styles.text}>
                {onSelect && canSelect ? (
                  <Link as="button" className={mergeClasses(styles.where, styles.link)} onClick={() => onSelect(issue)}>
                    {words.where}
                  </Link>
                ) : (
                  <Text className={styles.where}>{words.where}</Text>
                )}
                <Text size={200}>{words.what}</Text>
                <Caption1 className={styles.todo}>{words.todo}</Caption1>
              </span>
            </li>
          );
        })}
      </ul>
      {rest > 0 && (
        <div className={styles.more}>
          <Caption1>{issuesSheet ? t('run-issues-more', { count: rest, sheet: issuesSheet }) : t('run-issues-more-plain', { count: rest })}</Caption1>{' '}
          <Button size="small" appearance="subtle" onClick={showMore}>
            {t('issues-show-more')}
          </Button>
        </div>
      )}
    </div>
  );
}
