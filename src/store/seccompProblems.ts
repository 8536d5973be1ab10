import type { EnumWhat, FieldReason, JsonKind, RangeWhat } from '../sim/seccomp/fieldReason.ts';
import type { Language } from '../sim/text/language.ts';
import { cjkSpacing, defineMessages, translate, type Vars } from './localize.ts';

/**
 * The profile editor's validator problems (src/sim/seccomp/fieldReason.ts)
 * in the page's language: the lab's own sentences, translated; JSON paths,
 * member names, actions and values stay as the profile has them. The English
 * is the validator's own (parseProfile.ts), word for word.
 */
const text = defineMessages({
  profile: { en: 'profile', zh: '配置文件' },
  at: { en: '{path}: {detail} at line {line}, column {column}', zh: '{path}：{detail}（第 {line} 行第 {column} 列）' },
  noPlace: { en: '{path}: {detail}', zh: '{path}：{detail}' },
  kindString: { en: 'a string', zh: '字符串' },
  kindNumber: { en: 'a number', zh: '数字' },
  kindArray: { en: 'an array', zh: '数组' },
  kindObject: { en: 'an object', zh: '对象' },
  expected: { en: 'expected {want}, found {found}', zh: '应为{want}，却是{found}' },
  range: { en: 'must be {what} from 0 to {max}, found {found}', zh: '必须是 0 到 {max} 之间的{what}，却是 {found}' },
  whatInteger: { en: 'an integer', zh: '整数' },
  whatErrno: { en: 'an errno number', zh: 'errno 编号' },
  whatIndex: { en: 'an argument index', zh: '参数序号' },
  whatU64: { en: 'an unsigned 64-bit integer', zh: '64 位无符号整数' },
  unknownValue: { en: "unknown {what} '{value}' (expected one of {allowed})", zh: "未知的{what} '{value}'（应为以下之一：{allowed}）" },
  enumAction: { en: 'action', zh: '动作' },
  enumArch: { en: 'architecture', zh: '架构' },
  enumOp: { en: 'comparison operator', zh: '比较运算符' },
  missing: { en: "missing '{key}'", zh: "缺少 '{key}'" },
  missingDefaultAction: { en: "missing 'defaultAction' (the action for syscalls no rule matches)", zh: "缺少 'defaultAction'（没有规则匹配的系统调用所用的动作）" },
  missingNames: { en: "missing 'names' (the syscalls this entry applies to)", zh: "缺少 'names'（这一条目适用的系统调用）" },
  notAnObject: { en: 'a seccomp profile is a JSON object, found {found}', zh: 'seccomp 配置文件是一个 JSON 对象，这里却是{found}' },
  bothArch: { en: "both 'architectures' and 'archMap' are set; use one of them", zh: "'architectures' 和 'archMap' 同时设置了；请只用其中一个" },
  bothName: { en: "both 'name' and 'names' are set; use 'names'", zh: "'name' 和 'names' 同时设置了；请用 'names'" },
  emptyName: { en: 'empty syscall name', zh: '系统调用名为空' },
  argsNotArray: { en: 'expected an array of argument conditions', zh: '应为由参数条件组成的数组' },
  kernelNotString: { en: 'expected a kernel version string such as "4.8"', zh: '应为 "4.8" 这样的内核版本字符串' },
  kernelInvalid: { en: "invalid kernel version '{value}', expected \"<kernel>.<major>\" such as \"4.8\"", zh: "无效的内核版本 '{value}'，应为 \"4.8\" 这样的 \"<kernel>.<major>\"" },
  kernelZero: { en: "invalid kernel version '0.0'", zh: "无效的内核版本 '0.0'" },
});

type Key = keyof typeof text;
const T = (language: Language, key: Key, vars?: Vars) => translate(text, language, key, vars);

/** `null`, `true`, `false` are JSON's own words, the same in both languages. */
const KIND: Record<Exclude<JsonKind, 'null' | 'true' | 'false'>, Key> = { string: 'kindString', number: 'kindNumber', array: 'kindArray', object: 'kindObject' };
const RANGE: Record<RangeWhat, Key> = { 'an integer': 'whatInteger', 'an errno number': 'whatErrno', 'an argument index': 'whatIndex', 'an unsigned 64-bit integer': 'whatU64' };
const ENUM: Record<EnumWhat, Key> = { action: 'enumAction', architecture: 'enumArch', 'comparison operator': 'enumOp' };

/** What is wrong with the member, in `language` (without the path and place); cjkSpacing: `之间的 errno 编号`, `却是 true`. */
export const fieldReasonIn = (r: FieldReason, language: Language): string => cjkSpacing(reasonText(r, language));

function reasonText(r: FieldReason, language: Language): string {
  const kind = (k: JsonKind) => (k === 'null' || k === 'true' || k === 'false' ? k : T(language, KIND[k]));
  switch (r.type) {
    case 'expected': return T(language, 'expected', { want: kind(r.want), found: kind(r.found) });
    case 'range': return T(language, 'range', { what: T(language, RANGE[r.what]), max: r.max, found: 'number' in r.found ? r.found.number : kind(r.found.kind) });
    case 'unknown-value': return T(language, 'unknownValue', { what: T(language, ENUM[r.what]), value: r.value, allowed: r.allowed.join(', ') });
    case 'missing':
      if (r.explained) return T(language, r.key === 'names' ? 'missingNames' : 'missingDefaultAction');
      return T(language, 'missing', { key: r.key });
    case 'not-an-object': return T(language, 'notAnObject', { found: kind(r.found) });
    case 'both-arch': return T(language, 'bothArch');
    case 'both-name': return T(language, 'bothName');
    case 'empty-name': return T(language, 'emptyName');
    case 'args-not-array': return T(language, 'argsNotArray');
    case 'kernel-not-string': return T(language, 'kernelNotString');
    case 'kernel-invalid': return T(language, 'kernelInvalid', { value: r.value });
    case 'kernel-zero': return T(language, 'kernelZero');
  }
}

/** The validator's whole sentence in `language`: where (JSON path, line, column) and what. */
export function fieldProblemIn(p: { path: string; reason: FieldReason; line: number | null; column: number | null }, language: Language): string {
  const vars = { path: p.path === '' ? T(language, 'profile') : p.path, detail: fieldReasonIn(p.reason, language) };
  return p.line === null ? T(language, 'noPlace', vars) : T(language, 'at', { ...vars, line: p.line, column: p.column ?? 1 });
}
