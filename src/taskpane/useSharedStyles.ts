import { makeStyles } from '@fluentui/react-components';

/** Looks several components share. */
export const useSharedStyles = makeStyles({
  /** Read by screen readers, not shown. */
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0, 0, 0, 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});
