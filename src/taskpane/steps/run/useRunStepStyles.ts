import { makeStyles, tokens } from '@fluentui/react-components';

export const useRunStepStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, paddingTop: tokens.spacingVerticalXS },
  caption: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  blocker: { color: tokens.colorPaletteDarkOrangeForeground1 },
  sheets: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexWrap: 'wrap',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
  },
  sheet: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXXS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  sheetLink: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  sheetIcon: { flexShrink: 0, fontSize: '16px' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  notices: { listStyleType: 'none', margin: `${tokens.spacingVerticalXS} 0 0`, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // Names like ABC_Sheet_Summary_2 are long words in a 350 px pane: break them where they must.
  notice: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, overflowWrap: 'break-word', minWidth: 0 },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});
