/**
 * The languages the lab speaks (issue 6): every UI string and every lesson
 * has an English and a Simplified Chinese text. The model's own output —
 * strace's results, errno names, a hop's note — is what the real tools print
 * and stays as they print it.
 */
export const LANGUAGES = ['en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A text in every language the lab speaks. */
export type Localized = Readonly<Record<Language, string>>;

export const isLanguage = (value: unknown): value is Language => typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/** The language's own name, as a language menu shows it. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: 'English', zh: '简体中文' };

