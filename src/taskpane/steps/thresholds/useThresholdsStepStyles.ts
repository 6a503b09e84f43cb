import { makeStyles, tokens } from '@fluentui/react-components';

export const useThresholdsStepStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, paddingTop: tokens.spacingVerticalXS },
  caption: { color: tokens.colorNeutralForeground3 },
  input: { minWidth: 0, width: '100%' },
  inputCell: {
    paddingTop: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    verticalAlign: 'top',
  },
  // Widths include the cells' padding (border-box), so that at 350 px the two amount columns keep
  // room for "1,000" and the tier name (新一线城市) stays on one line.
  tierColumn: { width: '28%', boxSizing: 'border-box' },
  classColumn: { width: '48px', boxSizing: 'border-box' },
  classCell: { verticalAlign: 'top', paddingTop: tokens.spacingVerticalS },
  tierCell: { fontWeight: tokens.fontWeightSemibold, verticalAlign: 'top', paddingTop: tokens.spacingVerticalS },
  // 一级城市 on one line and 未分级 over each count column at 350 px.
  previewTier: { width: '26%', boxSizing: 'border-box', paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS },
  tierEnd: { borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}` },
  table: { tableLayout: 'fixed', width: '100%' },
  numberCell: {
    textAlign: 'right',
    fontVariantNumeric: 'tabular-nums',
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
  },
  // A header's text sits in a flex button: right-aligned with the numbers under it.
  numberHeader: { '& .fui-TableHeaderCell__button': { justifyContent: 'flex-end', textAlign: 'right' } },
  totalRow: { fontWeight: tokens.fontWeightSemibold },
  // Under its count, not beside it: in a 350 px pane the two would run together ("132+26").
  delta: { display: 'block', fontSize: tokens.fontSizeBase100, lineHeight: tokens.lineHeightBase100 },
  up: { color: tokens.colorPaletteGreenForeground1 },
  down: { color: tokens.colorPaletteRedForeground1 },
  changes: { fontWeight: tokens.fontWeightSemibold },
});
