/**
 * The product's words. Every user-facing string lives under src/i18n, in Chinese and English;
 * each area (engine, render, cli, taskpane) keeps its own catalogue file.
 */
export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

/** A catalogue entry: text with {name} placeholders, or a function for text that needs logic. */
export type Message = string | ((params: Record<string, string | number>) => string);
export type Catalogue<K extends string> = Record<Lang, Record<K, Message>>;

const ENGLISH_PLURALS = new Intl.PluralRules('en-US');

/** The number a parameter holds, also when it was formatted for people ("1,200"). */
function numberOf(value: string | number): number {
  return typeof value === 'number' ? value : Number(value.replace(/[^\d.-]/g, ''));
}

/**
 * Fills {name} placeholders, and English plural words written {name|one|other} ("{count}
 * {count|customer|customers}": "1 customer", "1,200 customers"), chosen by Intl.PluralRules on
 * the parameter's number. A missing parameter stays visible as {name} rather than vanishing.
 */
export function fill(text: string, params: Record<string, string | number> = {}): string {
  return text
    .replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (all, name: string, one: string, other: string) =>
      name in params ? (ENGLISH_PLURALS.select(numberOf(params[name]!)) === 'one' ? one : other) : all,
    )
    .replace(/\{(\w+)\}/g, (all, name: string) => (name in params ? String(params[name]) : all));
}

export function translate<K extends string>(catalogue: Catalogue<K>, lang: Lang, key: K, params: Record<string, string | number> = {}): string {
  const message = catalogue[lang][key];
  return typeof message === 'function' ? message(params) : fill(message, params);
}

/** zh for Chinese locales ("zh-CN", "zh-Hans", "zh_TW"), en for everything else. */
export function langFromLocale(locale: string | undefined | null): Lang {
  return locale && /^zh\b/i.test(locale.replace('_', '-')) ? 'zh' : 'en';
}
