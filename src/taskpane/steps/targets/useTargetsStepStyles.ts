import { makeStyles, tokens } from '@fluentui/react-components';

export const useTargetsStepStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, paddingTop: tokens.spacingVerticalXS },
  caption: { color: tokens.colorNeutralForeground3 },
  amount: { maxWidth: '240px' },
  warning: { display: 'block' },
  fieldset: {
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  legend: { padding: `0 ${tokens.spacingHorizontalXS}`, fontWeight: tokens.fontWeightSemibold },
  mixGrid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(120px, 1fr))',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
  },
  mixFoot: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  sum: { fontWeight: tokens.fontWeightSemibold },
  sumError: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  mixError: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, color: tokens.colorPaletteRedForeground1 },
  input: { minWidth: 0, width: '100%' },
  unit: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  previewTitle: { marginTop: tokens.spacingVerticalS },
  company: { fontWeight: tokens.fontWeightSemibold },
  table: { tableLayout: 'fixed', width: '100%', marginTop: tokens.spacingVerticalS },
  tableTitle: { fontWeight: tokens.fontWeightSemibold },
  numberCell: {
    textAlign: 'right',
    fontVariantNumeric: 'tabular-nums',
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    boxSizing: 'border-box',
  },
  // A header's text sits in a flex button: right-aligned with the numbers under it.
  numberHeader: { '& .fui-TableHeaderCell__button': { justifyContent: 'flex-end', textAlign: 'right' } },
  // Widths with padding (border-box) that hold "Customers", "203,596" and "86.7%" at 350 px.
  firstCell: { width: '30%', boxSizing: 'border-box' },
  customersColumn: { width: '25%' },
  targetColumn: { width: '25%' },
  shareColumn: { width: '20%' },
});
