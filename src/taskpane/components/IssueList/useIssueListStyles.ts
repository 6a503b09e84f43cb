import { makeStyles, tokens } from '@fluentui/react-components';

export const useIssueListStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    maxHeight: '320px',
    overflowY: 'auto',
  },
  item: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'flex-start',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  icon: { flexShrink: 0, marginTop: '2px' },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  where: { fontWeight: tokens.fontWeightSemibold },
  link: { textAlign: 'left' },
  todo: { color: tokens.colorNeutralForeground3 },
  more: { color: tokens.colorNeutralForeground3, marginTop: tokens.spacingVerticalXS },
});
