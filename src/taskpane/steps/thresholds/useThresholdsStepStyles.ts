import { makeStyles, tokens } from '@fluentui/react-components';

export const useThresholdsStepStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, paddingTop: tokens.spacingVerticalXS },
  caption: { color: tokens.colorNeutralForeground3 },
  input: { minWidth: 0, width: '100%' },
  inputCell: { paddingTop: tokens.spacingVerticalXXS, paddingBottom: tokens.spacingVerticalXXS, verticalAlign: 'top' },
  // Tier names such as 新一线城市 on one line at 350 px.
  tierColumn: { width: '24%' },
  classColumn: { width: '14%' },
  classCell: { verticalAlign: 'top', paddingTop: tokens.spacingVerticalS },
  tierCell: { fontWeight: tokens.fontWeightSemibold, verticalAlign: 'top', paddingTop: tokens.spacingVerticalS },
  previewTier: { width: '30%' },
  tierEnd: { borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}` },
  table: { tableLayout: 'fixed', width: '100%' },
  numberCell: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  totalRow: { fontWeight: tokens.fontWeightSemibold },
  delta: { marginLeft: tokens.spacingHorizontalXXS, fontSize: tokens.fontSizeBase100 },
  up: { color: tokens.colorPaletteGreenForeground1 },
  down: { color: tokens.colorPaletteRedForeground1 },
  changes: { fontWeight: tokens.fontWeightSemibold },
});
