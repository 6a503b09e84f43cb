import { makeStyles, tokens } from '@fluentui/react-components';

export const useNoticeBarStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  where: { color: tokens.colorNeutralForeground3 },
});
