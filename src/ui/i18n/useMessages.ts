import { useCallback } from 'react';
import type { Language, Localized } from '../../sim/text/language.ts';
import { useLab } from '../useLab.ts';
import { translate, type Messages, type Translate } from './messages.ts';

/** The chosen language (the store's `language`). */
export const useLanguage = (): Language => useLab((s) => s.language);

/** A catalog's texts in the chosen language; the component re-renders when the language changes. */
export function useMessages<K extends string>(messages: Messages<K>): Translate<K> {
  const language = useLanguage();
  return useCallback((key, vars) => translate(messages, language, key, vars), [messages, language]);
}

/** A text the model holds in both languages (a lesson's step), in the chosen one. */
export function useLocalized(): (text: Localized) => string {
  const language = useLanguage();
  return useCallback((text: Localized) => text[language], [language]);
}
