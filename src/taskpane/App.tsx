import { makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { detectEnvironment, type Environment } from './environment';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
  },
});

function statusLine(env: Environment): string {
  switch (env.kind) {
    case 'excel':
      return 'Running in Excel.';
    case 'office':
      return `Running in ${env.host}; ABC Planner works in Excel.`;
    case 'browser':
      return 'Running in a browser: Excel is not available.';
  }
}

export interface AppProps {
  /** Injected in tests; by default asks office.js where the pane runs. */
  detect?: () => Promise<Environment>;
}

export function App({ detect = detectEnvironment }: AppProps) {
  const styles = useStyles();
  const [env, setEnv] = useState<Environment | undefined>(undefined);

  useEffect(() => {
    let live = true;
    detect().then(
      (found) => live && setEnv(found),
      () => live && setEnv({ kind: 'browser' }),
    );
    return () => {
      live = false;
    };
  }, [detect]);

  return (
    <main className={styles.root}>
      <Text as="h1" size={600} weight="semibold">
        ABC Planner
      </Text>
      <Text lang="zh-CN">ABC 客户分级规划</Text>
      <div role="status">
        {env ? <Text>{statusLine(env)}</Text> : <Spinner size="tiny" label="Looking for Excel…" />}
      </div>
    </main>
  );
}
