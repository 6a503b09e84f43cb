import { makeStyles, tokens } from '@fluentui/react-components';

export const useFileBarStyles = makeStyles({
  zone: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  dragging: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  buttons: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  hidden: { display: 'none' },
  file: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  fileName: { fontWeight: tokens.fontWeightSemibold, wordBreak: 'break-all' },
  note: { color: tokens.colorNeutralForeground3 },
  // Three buttons do not fit side by side in a 350 px pane: they wrap.
  dialogActions: { flexWrap: 'wrap' },
});
