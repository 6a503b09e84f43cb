/**
 * The product's words. Every user-facing string lives under src/i18n, in Chinese and English;
 * each area (engine, render, cli, taskpane) keeps its own catalogue file.
 */
export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

/** A catalogue entry: text with {name} placeholders, or a function for text that needs logic. */
export type Message = string | ((params: Record<string, string | number>) => string);
export type Catalogue<K extends string> = Record<Lang, Record<K, Message>>;

/** Fills {name} placeholders; a missing parameter stays visible as {name} rather than vanishing. */
export function fill(text: string, params: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)\}/g, (all, name: string) => (name in params ? String(params[name]) : all));
}

export function translate<K extends string>(catalogue: Catalogue<K>, lang: Lang, key: K, params: Record<string, string | number> = {}): string {
  const message = catalogue[lang][key];
  return typeof message === 'function' ? message(params) : fill(message, params);
}

/** zh for Chinese locales ("zh-CN", "zh-Hans", "zh_TW"), en for everything else. */
export function langFromLocale(locale: string | undefined | null): Lang {
  return locale && /^zh\b/i.test(locale.replace('_', '-')) ? 'zh' : 'en';
}
