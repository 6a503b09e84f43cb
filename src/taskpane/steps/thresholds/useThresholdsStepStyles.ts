import { makeStyles, tokens } from '@fluentui/react-components';

export const useThresholdsStepStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  caption: { color: tokens.colorNeutralForeground3 },
  tier: {
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  legend: {
    padding: `0 ${tokens.spacingHorizontalXS}`,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
  },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
  },
  input: { minWidth: 0, width: '100%' },
  unit: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  table: { tableLayout: 'fixed', width: '100%' },
  numberCell: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  tierCell: { width: '34%' },
  totalRow: { fontWeight: tokens.fontWeightSemibold },
  delta: { marginLeft: tokens.spacingHorizontalXXS, fontSize: tokens.fontSizeBase100 },
  up: { color: tokens.colorPaletteGreenForeground1 },
  down: { color: tokens.colorPaletteRedForeground1 },
  changes: { fontWeight: tokens.fontWeightSemibold },
});
