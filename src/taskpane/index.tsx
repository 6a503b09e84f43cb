/**
 * Starts the pane: finds where it runs (Excel, another Office app, or a plain browser: file
 * mode), picks the language (Office's display language, else the browser's; ?lang=zh|en wins),
 * then shows the App.
 */
import { FluentProvider, Spinner, makeStyles, webLightTheme } from '@fluentui/react-components';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { Lang } from '../i18n';
import { paneText } from '../i18n/taskpane';
import { App } from './App';
import { detectEnvironment, type Environment } from './environment';
import { LangContext, chooseLang } from './text';

const useBootStyles = makeStyles({ starting: { marginTop: '40vh' } });

function Boot() {
  const styles = useBootStyles();
  const [started, setStarted] = useState<{ env: Environment; lang: Lang } | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void detectEnvironment().then((env) => {
      if (!live) return;
      const lang = chooseLang(location.search, 'displayLanguage' in env ? env.displayLanguage : undefined, navigator.language);
      document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
      document.title = paneText(lang, 'app-title');
      setStarted({ env, lang });
    });
    return () => {
      live = false;
    };
  }, []);
  if (!started) {
    const lang = chooseLang(location.search, undefined, navigator.language);
    return <Spinner className={styles.starting} label={paneText(lang, 'app-starting')} />;
  }
  return (
    <LangContext.Provider value={started.lang}>
      <App env={started.env} />
    </LangContext.Provider>
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('taskpane.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <FluentProvider theme={webLightTheme}>
      <Boot />
    </FluentProvider>
  </StrictMode>,
);
