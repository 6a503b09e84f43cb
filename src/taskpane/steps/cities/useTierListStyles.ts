import { makeStyles, tokens } from '@fluentui/react-components';

/** One row per tier at 350 px: the id, the two names side by side, the remove button. */
export const useTierListStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  head: { display: 'grid', gridTemplateColumns: '44px minmax(0, 1fr) minmax(0, 1fr) 32px', gap: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground3 },
  row: { display: 'grid', gridTemplateColumns: '44px minmax(0, 1fr) minmax(0, 1fr) 32px', gap: tokens.spacingHorizontalXS, alignItems: 'start' },
  id: { fontWeight: tokens.fontWeightSemibold, paddingTop: tokens.spacingVerticalXS, overflowWrap: 'anywhere' },
  fill: { width: '100%', minWidth: 0, boxSizing: 'border-box' },
  field: { minWidth: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalS },
  fallback: { minWidth: 0, flexGrow: 1 },
  caption: { color: tokens.colorNeutralForeground3 },
});
