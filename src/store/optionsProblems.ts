import type { OptionsProblem } from '../sim/runtime/optionsProblem.ts';
import type { Language } from '../sim/text/language.ts';
import { defineMessages, translate, type Vars } from './localize.ts';

/**
 * Why a runtime's settings were refused (src/sim/runtime/optionsProblem.ts),
 * in the page's language. The lab's own sentences are translated; option
 * names and values stay as typed, and a runtime's own refusal (Kata's config
 * loader: "Cloud Hypervisor does not support virtio-9p shared filesystem
 * option") stays in the real tool's words.
 */
const text = defineMessages({
  noOption: { en: '{runtime} has no option --{key}{mean}; {rest}', zh: '{runtime} 没有 --{key} 这个选项{mean}；{rest}' },
  didYouMean: { en: ' (did you mean --{hint}?)', zh: '（是不是想输入 --{hint}？）' },
  itsOptions: { en: 'its options: {keys}', zh: '它的选项：{keys}' },
  noOptions: { en: 'it takes no options', zh: '它没有选项' },
  badValue: { en: "--{key} takes {values}, not '{value}'", zh: "--{key} 可取 {values}，不能是 '{value}'" },
});

const T = (language: Language, key: keyof typeof text, vars?: Vars) => translate(text, language, key, vars);

/** Why the settings were refused, in `language`. */
export function optionsProblemIn(p: OptionsProblem, language: Language): string {
  switch (p.type) {
    case 'no-option': {
      const mean = p.hint !== null ? T(language, 'didYouMean', { hint: p.hint }) : '';
      const rest = p.keys.length ? T(language, 'itsOptions', { keys: p.keys.map((k) => `--${k}`).join(', ') }) : T(language, 'noOptions');
      return T(language, 'noOption', { runtime: p.runtime, key: p.key, mean, rest });
    }
    case 'bad-value': return T(language, 'badValue', { key: p.key, values: p.values.join(', '), value: p.value });
    // Kata's own words, as its config loader prints them.
    case 'refused': return `${p.runtime}: ${p.text}`;
  }
}
