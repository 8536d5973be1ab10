import { describe, expect, it } from 'vitest';
import { defineMessages, translate } from '../../src/ui/i18n/messages.ts';
import { isLanguage, LANGUAGES } from '../../src/sim/text/language.ts';

const catalog = defineMessages({
  greet: { en: 'Hello, {name}', zh: '你好，{name}' },
  plain: { en: 'Step', zh: '单步' },
});

describe('translate', () => {
  it.each([
    ['en', 'greet', { name: 'runc' }, 'Hello, runc'],
    ['zh', 'greet', { name: 'runc' }, '你好，runc'],
    ['zh', 'plain', {}, '单步'],
    ['en', 'greet', {}, 'Hello, {name}'],
  ] as const)('%s %s %o → %s', (language, key, vars, text) => {
    expect(translate(catalog, language, key, vars)).toBe(text);
  });
});

describe('languages', () => {
  it.each([['en', true], ['zh', true], ['fr', false], [undefined, false]])('isLanguage(%s) is %s', (value, yes) => {
    expect(isLanguage(value)).toBe(yes);
  });
  it('speaks English and Simplified Chinese', () => expect(LANGUAGES).toEqual(['en', 'zh']));
});
