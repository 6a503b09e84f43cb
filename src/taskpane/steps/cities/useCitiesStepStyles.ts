import { makeStyles, tokens } from '@fluentui/react-components';

export const useCitiesStepStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, paddingTop: tokens.spacingVerticalXS },
  caption: { color: tokens.colorNeutralForeground3 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  unlisted: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    maxHeight: '280px',
    overflowY: 'auto',
  },
  unlistedItem: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXXS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  cityName: { fontWeight: tokens.fontWeightSemibold, minWidth: '4em' },
  rows: { color: tokens.colorNeutralForeground3, flexGrow: 1 },
  // As many tiers as the settings have: the buttons wrap under the city at 350 px.
  tierButtons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  tableWrap: { maxHeight: '360px', overflowY: 'auto' },
  table: { tableLayout: 'fixed', width: '100%' },
  // Widths include the cells' padding (border-box): at 350 px the city keeps about 80 px, room for
  // 乌鲁木齐 on one line; tier names are in the dropdown.
  tierColumn: { width: '112px', boxSizing: 'border-box' },
  rowsColumn: { width: '48px', boxSizing: 'border-box', textAlign: 'right', paddingLeft: tokens.spacingHorizontalXS },
  actionColumn: { width: '40px', boxSizing: 'border-box', paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS },
  select: { minWidth: 0, width: '100%' },
  // City, tier and button on one line where they fit; in a narrow pane the button wraps below.
  add: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  addCity: { minWidth: 0, flex: '1 1 120px' },
  fill: { width: '100%', minWidth: 0, boxSizing: 'border-box' },
  addTier: { minWidth: 0, flex: '0 0 112px' },
  // Level with the inputs, below the fields' labels.
  addButton: { marginTop: '26px' },
});
