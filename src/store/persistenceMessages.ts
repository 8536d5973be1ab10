import { defineMessages } from './localize.ts';

/**
 * What persistence.ts tells a person whose saved session could not be
 * restored: the problem, where it is (which line), and that a new session
 * replaced it. In both languages; the English is what load() reports.
 */
export const persistenceText = defineMessages({
  unreadable: { en: 'the browser would not give back the saved session ({error})', zh: '浏览器没有交回保存的会话（{error}）' },
  notJson: { en: 'the saved session is not valid JSON', zh: '保存的会话不是有效的 JSON' },
  notObject: { en: 'the saved session is not an object', zh: '保存的会话不是一个对象' },
  version: { en: 'the saved session has version {version}, not {expected}', zh: '保存的会话版本是 {version}，而不是 {expected}' },
  noRuntime: { en: 'the saved session names no runtime', zh: '保存的会话没有指明运行时' },
  noSettings: { en: 'the saved session has no settings', zh: '保存的会话没有设置' },
  noLines: { en: 'the saved session has no list of lines', zh: '保存的会话没有输入行列表' },
  badLine: { en: 'the saved session has a malformed line (number {n})', zh: '保存的会话中有一行格式错误（第 {n} 行）' },
  badTheme: { en: 'the saved session has an unknown theme', zh: '保存的会话的主题未知' },
  noFontSize: { en: 'the saved session has no font size', zh: '保存的会话没有字号' },
  badLanguage: { en: 'the saved session has an unknown language ({language})', zh: '保存的会话的语言未知（{language}）' },
  replaced: { en: '{problem}: it was replaced by a new session.', zh: '{problem}：已用一个新会话替换它。' },
});

export type PersistenceKey = keyof typeof persistenceText;
