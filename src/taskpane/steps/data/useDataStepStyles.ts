import { makeStyles, tokens } from '@fluentui/react-components';

export const useDataStepStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, paddingTop: tokens.spacingVerticalXS },
  row: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1, minWidth: 0 },
  headerRow: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  headerInput: { width: '96px' },
  autoButton: { marginTop: tokens.spacingVerticalXXL },
  mapping: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    margin: `${tokens.spacingVerticalS} 0`,
  },
  dropdown: { minWidth: 0, width: '100%' },
  caption: { color: tokens.colorNeutralForeground3 },
  stats: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  noticeBody: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  sectionTitle: { marginTop: tokens.spacingVerticalXS },
});
