import type { Language, Localized } from '../../sim/text/language.ts';

/**
 * A feature's UI strings: each key has its English and Simplified Chinese
 * text side by side, so the compiler refuses a string missing in either
 * language. Each feature keeps its own catalog next to its components
 * (`messages.ts`, `lessonMessages.ts`…) and reads it with `useMessages`.
 */
export type Messages<K extends string> = Readonly<Record<K, Localized>>;

export const defineMessages = <K extends string>(messages: Record<K, Localized>): Messages<K> => messages;

/** `{name}` placeholders filled from `vars` (kept as written when a value is missing). */
export type Translate<K extends string> = (key: K, vars?: Readonly<Record<string, string | number>>) => string;

/** The catalog's text for `key` in `language`, placeholders filled. Pure: tests and non-React code call it. */
export function translate<K extends string>(messages: Messages<K>, language: Language, key: K, vars: Readonly<Record<string, string | number>> = {}): string {
  const text = messages[key][language];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
