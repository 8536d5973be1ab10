import { parseSpec, type SpecParseFailure } from '../sim/oci/specParse.ts';
import type { SpecReason } from '../sim/oci/specProblem.ts';
import type { JsonKind } from '../sim/seccomp/fieldReason.ts';
import type { Language } from '../sim/text/language.ts';
import { jsonProblemIn } from './artefactsProblems.ts';
import { cjkSpacing, defineMessages, translate, type Vars } from './localize.ts';
import { fieldReasonIn } from './seccompProblems.ts';

/**
 * Why config.json was refused (src/sim/oci/specProblem.ts), in the page's
 * language: the reader's own sentences translated; JSON paths, field names,
 * values and runc's quoted words stay as written. The English is the
 * reader's (specReasonText), word for word, which the CLI prints.
 */
const text = defineMessages({
  at: { en: '{path}: {detail} (line {line}, column {column})', zh: '{path}：{detail}（第 {line} 行第 {column} 列）' },
  noPlace: { en: '{path}: {detail}', zh: '{path}：{detail}' },
  kindString: { en: 'a string', zh: '字符串' },
  kindNumber: { en: 'a number', zh: '数字' },
  kindArray: { en: 'an array', zh: '数组' },
  kindObject: { en: 'an object', zh: '对象' },
  notText: { en: 'config.json must be given as text', zh: 'config.json 必须以文本形式给出' },
  syntax: { en: 'JSON syntax error at line {line}, column {column}: {problem}', zh: 'JSON 语法错误，第 {line} 行第 {column} 列：{problem}' },
  notObject: { en: 'config.json holds one JSON object, found {found}', zh: 'config.json 应是一个 JSON 对象，这里却是{found}' },
  missing: { en: 'missing; {what}', zh: '缺少；{what}' },
  expectedBool: { en: 'expected true or false, found {found}', zh: '应为 true 或 false，却是{found}' },
  expectedString: { en: 'expected a string, found {found}', zh: '应为字符串，却是{found}' },
  expectedWhole: { en: 'expected a whole number, found {found}', zh: '应为整数，却是{found}' },
  fraction: { en: 'must be a whole number written without a fraction or exponent (a {goType}), found {found}', zh: '必须是不带小数或指数的整数（{goType}），却是 {found}' },
  outOfRange: { en: 'must be from {min} to {max} (a {goType}), found {found}', zh: '必须在 {min} 到 {max} 之间（{goType}），却是 {found}' },
  beyondSafe: { en: '{value} is beyond ±{safe} (2^53 − 1), the largest whole number the lab holds exactly', zh: '{value} 超出了 ±{safe}（2^53 − 1），这是实验室能精确保存的最大整数' },
  notAbsolute: { en: '{value} is not an absolute path; {what} must start with /', zh: '{value} 不是绝对路径；{what}必须以 / 开头' },
  notOneOf: { en: '{value} is not {what}; {listed} {allowed}', zh: '{value} 不是{what}；{listed} {allowed}' },
  emptyRoot: { en: "is empty; it names the container's root filesystem (runc: \"rootfs\" in the bundle)", zh: '为空；它指明容器的根文件系统（runc 的默认值是 bundle 中的 "rootfs"）' },
  emptyDestination: { en: 'is empty; it is the path in the container to mount on', zh: '为空；它是容器中要挂载到的路径' },
  emptyArgs: { en: 'is empty; runc refuses that ("args must not be empty"): the first is the program to run', zh: '为空；runc 会拒绝（"args must not be empty"）：第一个参数是要运行的程序' },
  emptyRuleName: { en: 'is empty; a rule names syscalls such as "read"', zh: '为空；规则要写出系统调用名，例如 "read"' },
  duplicateNamespace: { en: '"{ns}" is listed twice (first at {first}); runc refuses a namespace type given more than once', zh: '"{ns}" 出现了两次（第一次在 {first}）；runc 拒绝重复给出的命名空间类型' },
  emptyMapping: { en: 'is 0; a mapping must hold at least one id (the kernel refuses an empty range with EINVAL)', zh: '为 0；一个映射至少要包含一个 id（内核以 EINVAL 拒绝空范围）' },
  unknownRlimit: { en: '{value} is not a resource limit runc knows; it knows {known}', zh: '{value} 不是 runc 认识的资源限制；它认识 {known}' },
  softAboveHard: { en: 'soft limit {soft} is above the hard limit {hard}; setrlimit(2) refuses that with EINVAL', zh: '软限制 {soft} 高于硬限制 {hard}；setrlimit(2) 会以 EINVAL 拒绝' },
  badAccess: { en: '{value} is not an access; it is made of r (read), w (write) and m (mknod)', zh: '{value} 不是有效的访问权限；它由 r（读）、w（写）和 m（mknod）组成' },
  hostnameNoUts: { en: 'is set, but linux.namespaces has no uts namespace; runc refuses that ("unable to set hostname without a private UTS namespace")', zh: '已设置，但 linux.namespaces 中没有 uts 命名空间；runc 会拒绝（"unable to set hostname without a private UTS namespace"）' },
  maskedNoMount: { en: 'needs a mount namespace, and linux.namespaces has none; runc refuses that ("unable to restrict sys entries without a private MNT namespace")', zh: '需要 mount 命名空间，而 linux.namespaces 中没有；runc 会拒绝（"unable to restrict sys entries without a private MNT namespace"）' },
  usernsNoMappings: { en: 'missing; a new user namespace needs uid and gid mappings (runc: "user namespaces enabled, but no namespace path to join nor mappings to apply specified")', zh: '缺少；新的 user 命名空间需要 uid 和 gid 映射（runc："user namespaces enabled, but no namespace path to join nor mappings to apply specified"）' },
  mappingsNoUserns: { en: 'are given, but linux.namespaces has no user namespace; runc refuses that ("user namespace mappings specified, but user namespace isn\'t enabled in the config")', zh: '已给出，但 linux.namespaces 中没有 user 命名空间；runc 会拒绝（"user namespace mappings specified, but user namespace isn\'t enabled in the config"）' },
});

type Key = keyof typeof text;
const T = (language: Language, key: Key, vars?: Vars) => translate(text, language, key, vars);

const KIND: Record<Exclude<JsonKind, 'null' | 'true' | 'false'>, Key> = { string: 'kindString', number: 'kindNumber', array: 'kindArray', object: 'kindObject' };
const EMPTY: Record<Extract<SpecReason, { type: 'empty' }>['what'], Key> = { 'root-path': 'emptyRoot', 'mount-destination': 'emptyDestination', args: 'emptyArgs', 'rule-name': 'emptyRuleName' };
const FIXED: Partial<Record<SpecReason['type'], Key>> = {
  'not-text': 'notText', 'empty-mapping': 'emptyMapping', 'hostname-no-uts': 'hostnameNoUts', 'masked-no-mount': 'maskedNoMount',
  'userns-no-mappings': 'usernsNoMappings', 'mappings-no-userns': 'mappingsNoUserns',
};

/** What is wrong, in `language` (without the path and place). */
export function specReasonIn(r: SpecReason, language: Language): string {
  const kind = (k: JsonKind) => (k === 'null' || k === 'true' || k === 'false' ? k : T(language, KIND[k]));
  const q = (s: string) => JSON.stringify(s);
  const fixed = FIXED[r.type];
  if (fixed) return T(language, fixed);
  switch (r.type) {
    case 'field': return fieldReasonIn(r.reason, language);
    case 'syntax': return T(language, 'syntax', { line: r.line, column: r.column, problem: jsonProblemIn(r.problem, language) });
    case 'not-object': return T(language, 'notObject', { found: kind(r.found) });
    case 'missing': return T(language, 'missing', { what: r.what[language] });
    case 'expected-bool': return T(language, 'expectedBool', { found: kind(r.found) });
    case 'expected-string': return T(language, 'expectedString', { found: kind(r.found) });
    case 'expected-whole': return T(language, 'expectedWhole', { found: kind(r.found) });
    case 'fraction': return T(language, 'fraction', { goType: r.goType[language], found: r.found });
    case 'out-of-range': return T(language, 'outOfRange', { min: r.min, max: r.max, goType: r.goType[language], found: r.found });
    case 'beyond-safe': return T(language, 'beyondSafe', { value: r.value, safe: r.safe });
    case 'not-absolute': return T(language, 'notAbsolute', { value: q(r.value), what: r.what[language] });
    case 'not-one-of': return T(language, 'notOneOf', { value: q(r.value), what: r.what[language], listed: r.listed[language], allowed: r.allowed.join(', ') });
    case 'empty': return T(language, EMPTY[r.what]);
    case 'duplicate-namespace': return T(language, 'duplicateNamespace', { ns: r.ns, first: r.first });
    case 'unknown-rlimit': return T(language, 'unknownRlimit', { value: q(r.value), known: r.known.join(', ') });
    case 'soft-above-hard': return T(language, 'softAboveHard', { soft: r.soft, hard: r.hard });
    case 'bad-access': return T(language, 'badAccess', { value: q(r.value) });
    default: return '';
  }
}

/** The reader's whole sentence in `language`: JSON path, what is wrong, line and column. English: the reader's `message`. */
export function specFailureIn(f: SpecParseFailure, language: Language): string {
  if (language === 'en' || f.reason === null) return f.message;
  const detail = cjkSpacing(specReasonIn(f.reason, language));
  if (f.reason.type === 'syntax' || f.reason.type === 'not-text') return detail;
  const vars = { path: f.path === '' ? 'config.json' : f.path, detail };
  return f.line === undefined ? T(language, 'noPlace', vars) : T(language, 'at', { ...vars, line: f.line, column: f.column ?? 1 });
}

/**
 * The refusal of `message` (what the pane or the Import tab was told) in
 * `language`, read again from the text that was run; the message as it is
 * when the text is not what the reader refused (runc's own errors after it).
 */
export function specMessageIn(specText: string, message: string, language: Language): string {
  if (language === 'en') return message;
  const parsed = parseSpec(specText);
  return !parsed.ok && parsed.message === message ? specFailureIn(parsed, language) : message;
}
