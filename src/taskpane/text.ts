/** The pane's language, shared down the tree, and a `t()` for the pane's words in it. */
import { createContext, useContext, useMemo } from 'react';
import type { Lang } from '../i18n';
import { langFromLocale } from '../i18n';
import type { TaskpaneKey } from '../i18n/taskpane';
import { formatNumber, paneText } from '../i18n/taskpane';

export const LangContext = createContext<Lang>('en');

export interface Text {
  lang: Lang;
  t: (key: TaskpaneKey, params?: Record<string, string | number>) => string;
  /** A number as planners read it (thousands separators, ≤ 2 decimals). */
  n: (x: number, decimals?: number) => string;
}

export function useText(): Text {
  const lang = useContext(LangContext);
  return useMemo(() => ({ lang, t: (key, params) => paneText(lang, key, params), n: (x, d) => formatNumber(x, lang, d) }), [lang]);
}

/**
 * The pane's language: `?lang=zh|en` in the page address first (for trying both), then Office's
 * display language, then the browser's.
 */
export function chooseLang(search: string, displayLanguage: string | undefined, navigatorLanguage: string | undefined): Lang {
  const asked = new URLSearchParams(search).get('lang');
  if (asked === 'zh' || asked === 'en') return asked;
  return langFromLocale(displayLanguage ?? navigatorLanguage);
}
