import type { Language, Localized } from '../sim/text/language.ts';

/**
 * Catalogs of texts in both languages, and the pure lookup that fills their
 * `{name}` placeholders. The store composes sentences of its own (the lab
 * commands' answers, the inspector's notes), so the catalog helpers live
 * here; src/ui/i18n/messages.ts re-exports them for the components (the UI
 * may import the store, the store may not import the UI).
 */
export type Messages<K extends string> = Readonly<Record<K, Localized>>;

/** Each key has its English and Simplified Chinese text side by side: the compiler refuses one missing in either language. */
export const defineMessages = <K extends string>(messages: Record<K, Localized>): Messages<K> => messages;

export type Vars = Readonly<Record<string, string | number>>;

/** `{name}` placeholders filled from `vars` (kept as written when a value is missing). */
export type Translate<K extends string> = (key: K, vars?: Vars) => string;

/** `{name}` placeholders of `text` filled from `vars`. */
export const fill = (text: string, vars: Vars = {}): string => text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));

/** The catalog's text for `key` in `language`, placeholders filled. Pure: tests and non-React code call it. */
export function translate<K extends string>(messages: Messages<K>, language: Language, key: K, vars: Vars = {}): string {
  return fill(messages[key][language], vars);
}

/** A catalog bound to a language: `t('key', { n: 2 })`. */
export const translator = <K extends string>(messages: Messages<K>, language: Language = 'en'): Translate<K> => (key, vars) => translate(messages, language, key, vars);

/**
 * A space between a Chinese character and a Latin letter or digit that meet
 * where a placeholder was filled (`由gVisor 的 Sentry提供` → `由 gVisor 的
 * Sentry 提供`), as Chinese technical writing spaces them. Other text is kept.
 */
export function cjkSpacing(text: string): string {
  return text.replace(/([\u4e00-\u9fff])(?=[A-Za-z0-9])/g, '$1 ').replace(/([A-Za-z0-9])(?=[\u4e00-\u9fff])/g, '$1 ');
}
