import type { JsonFound, JsonProblem } from '../sim/seccomp/jsonText.ts';
import type { StraceLineProblem } from '../sim/strace/lineProblem.ts';
import type { Language } from '../sim/text/language.ts';
import type { SeccompCheck } from './artefactsModel.ts';
import { defineMessages, translate, type Vars } from './localize.ts';
import { fieldProblemIn } from './seccompProblems.ts';

/**
 * "Bring your own" in the page's language: why a strace line could not be
 * read (src/sim/strace/lineProblem.ts) and why a pasted profile is not JSON
 * (src/sim/seccomp/jsonText.ts). These are the lab's own sentences, not a
 * tool's, so they are translated; what they quote from the text (names,
 * `'+++ … +++'`, characters) stays as typed. The English is the sim's own
 * wording (what `isolab replay` prints); the profile validator's own
 * problems are worded in seccompProblems.ts.
 */
const straceText = defineMessages({
  end: { en: 'the end of the text', zh: '文本末尾' },
  prefixOnly: { en: 'only a pid or timestamp, with no event after it', zh: '只有 pid 或时间戳，后面没有事件' },
  nameNotCall: { en: "'{name}' is followed by {char}, not '(': expected a call such as {name}(…) = 0", zh: "'{name}' 后面是 {char}，不是 '('：应为 {name}(…) = 0 这样的调用" },
  resumedNoName: { en: "a '<... ' line must say '<... NAME resumed>'", zh: "以 '<... ' 开头的行必须写成 '<... NAME resumed>'" },
  cutShort: { en: "no ' = ' and return value after the arguments: the line is cut short", zh: "参数后面没有 ' = ' 和返回值：这一行被截断了" },
  attachCut: { en: "strace's attach message cut this line and the log ends before it goes on", zh: 'strace 的 attach 消息截断了这一行，而日志在这一行接续之前就结束了' },
  signalOpen: { en: "a signal line is '--- SIGNAME {…} ---'; this one is not closed by ' ---'", zh: "信号行的格式是 '--- SIGNAME {…} ---'；这一行没有以 ' ---' 结尾" },
  endOpen: { en: "a line about a process's end is '+++ … +++'; this one is not closed by ' +++'", zh: "表示进程结束的行的格式是 '+++ … +++'；这一行没有以 ' +++' 结尾" },
  endUnknown: { en: "'+++ {body} +++' is none of 'exited with N', 'killed by SIG…' or 'superseded by execve in pid N'", zh: "'+++ {body} +++' 不是 'exited with N'、'killed by SIG…' 或 'superseded by execve in pid N' 中的任何一种" },
  straceMessage: { en: "strace's own message, not an event of a traced process", zh: 'strace 自己的消息，不是被跟踪进程的事件' },
  summaryTable: { en: 'part of a strace -c summary table, not a traced event', zh: 'strace -c 汇总表的一部分，不是被跟踪的事件' },
  stackFrame: { en: 'a stack frame printed by strace -k, not a traced event', zh: 'strace -k 打印的栈帧，不是被跟踪的事件' },
  unexpectedStart: { en: "expected a call such as getpid() = 1, a signal '--- SIG… ---', an exit '+++ … +++' or a 'strace:' message, but the line starts with {char}", zh: "应为 getpid() = 1 这样的调用、信号 '--- SIG… ---'、退出 '+++ … +++' 或 'strace:' 消息，但这一行以 {char} 开头" },
  unexpectedAfterPrefix: { en: "expected a call such as getpid() = 1, a signal '--- SIG… ---', an exit '+++ … +++' or a 'strace:' message, but after the prefix, column {column} has {char}", zh: "应为 getpid() = 1 这样的调用、信号 '--- SIG… ---'、退出 '+++ … +++' 或 'strace:' 消息，但前缀之后第 {column} 列是 {char}" },
  noReturnValue: { en: 'the line ends at " = " without a return value', zh: '这一行在 " = " 处结束，没有返回值' },
  badReturnValue: { en: "the return value '{text}' is neither a number nor '?'", zh: "返回值 '{text}' 既不是数字也不是 '?'" },
  afterReturnValue: { en: 'unexpected {char} right after the return value (column {column})', zh: '返回值后面紧跟着意外的 {char}（第 {column} 列）' },
});

const T = (language: Language, key: keyof typeof straceText, vars?: Vars) => translate(straceText, language, key, vars);

/** A character as the sim's `show` prints it (quoted, U+XXXX, or the end). */
function char(c: number, language: Language): string {
  if (c < 0) return T(language, 'end');
  if (c > 32 && c < 127) return `'${String.fromCharCode(c)}'`;
  return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Why a strace line could not be read, in `language`. */
export function straceProblemText(p: StraceLineProblem, language: Language): string {
  switch (p.type) {
    case 'prefix-only': return T(language, 'prefixOnly');
    case 'name-not-call': return T(language, 'nameNotCall', { name: p.name, char: char(p.char, language) });
    case 'resumed-no-name': return T(language, 'resumedNoName');
    case 'cut-short': return T(language, 'cutShort');
    case 'attach-cut': return T(language, 'attachCut');
    case 'signal-open': return T(language, 'signalOpen');
    case 'end-open': return T(language, 'endOpen');
    case 'end-unknown': return T(language, 'endUnknown', { body: p.body });
    case 'strace-message': return T(language, 'straceMessage');
    case 'summary-table': return T(language, 'summaryTable');
    case 'stack-frame': return T(language, 'stackFrame');
    case 'unexpected-start':
      return p.column === null ? T(language, 'unexpectedStart', { char: char(p.char, language) }) : T(language, 'unexpectedAfterPrefix', { column: p.column, char: char(p.char, language) });
    case 'no-return-value': return T(language, 'noReturnValue');
    case 'bad-return-value': return T(language, 'badReturnValue', { text: p.text });
    case 'after-return-value': return T(language, 'afterReturnValue', { char: char(p.char, language), column: p.column });
  }
}

const json = defineMessages({
  syntax: { en: 'JSON syntax error at line {line}, column {column}: {problem}', zh: 'JSON 语法错误，第 {line} 行第 {column} 列：{problem}' },
  empty: { en: "the profile is empty: paste a profile in Docker's JSON format, or load Docker's default", zh: '配置文件是空的：请粘贴 Docker JSON 格式的配置文件，或载入 Docker 的默认配置' },
  endOfText: { en: 'end of text', zh: '文本末尾' },
  control: { en: 'character {code}', zh: '字符 {code}' },
  afterEnd: { en: 'unexpected {found} after the end of the JSON value', zh: 'JSON 值结束之后出现了意外的 {found}' },
  invalid: { en: 'invalid JSON', zh: '无效的 JSON' },
  tooDeep: { en: 'nesting deeper than {max} levels', zh: '嵌套超过 {max} 层' },
  expectedValue: { en: 'expected a value, found {found}', zh: '此处应为一个值，却是 {found}' },
  expectedName: { en: "expected '\"' to start a member name, found {found}", zh: "成员名应以 '\"' 开头，却是 {found}" },
  expectedColon: { en: "expected ':' after the member name \"{key}\", found {found}", zh: "成员名 \"{key}\" 之后应为 ':'，却是 {found}" },
  expectedCommaBrace: { en: "expected ',' or '}' after an object member, found {found}", zh: "对象成员之后应为 ',' 或 '}'，却是 {found}" },
  expectedCommaBracket: { en: "expected ',' or ']' after an array element, found {found}", zh: "数组元素之后应为 ',' 或 ']'，却是 {found}" },
  unterminatedString: { en: "unterminated string (no closing '\"')", zh: "字符串没有结束（缺少结尾的 '\"'）" },
  unescapedControl: { en: '{found} inside a string must be escaped', zh: '字符串中的 {found} 必须转义' },
  badUnicodeEscape: { en: 'expected four hex digits after \\u', zh: '\\u 之后应为四位十六进制数字' },
  badEscape: { en: "invalid escape '\\{escape}' in a string", zh: "字符串中的转义 '\\{escape}' 无效" },
  badNumberStart: { en: 'invalid number starting at {found}', zh: '从 {found} 开始的数字无效' },
  badNumber: { en: "invalid number '{text}…'", zh: "无效的数字 '{text}…'" },
});

const J = (language: Language, key: keyof typeof json, vars?: Vars) => translate(json, language, key, vars);

function found(f: JsonFound, language: Language): string {
  if (f.type === 'end') return J(language, 'endOfText');
  if (f.type === 'control') return J(language, 'control', { code: `U+${f.code.toString(16).toUpperCase().padStart(4, '0')}` });
  return `'${f.char}'`;
}

/** Why the text is not JSON, in `language` (without the line and column). */
export function jsonProblemIn(p: JsonProblem, language: Language): string {
  const f = (x: JsonFound) => found(x, language);
  switch (p.type) {
    case 'after-end': return J(language, 'afterEnd', { found: f(p.found) });
    case 'invalid': return J(language, 'invalid');
    case 'too-deep': return J(language, 'tooDeep', { max: p.max });
    case 'expected-value': return J(language, 'expectedValue', { found: f(p.found) });
    case 'expected-name': return J(language, 'expectedName', { found: f(p.found) });
    case 'expected-colon': return J(language, 'expectedColon', { key: p.key, found: f(p.found) });
    case 'expected-comma-brace': return J(language, 'expectedCommaBrace', { found: f(p.found) });
    case 'expected-comma-bracket': return J(language, 'expectedCommaBracket', { found: f(p.found) });
    case 'unterminated-string': return J(language, 'unterminatedString');
    case 'unescaped-control': return J(language, 'unescapedControl', { found: f(p.found) });
    case 'bad-unicode-escape': return J(language, 'badUnicodeEscape');
    case 'bad-escape': return J(language, 'badEscape', { escape: p.escape });
    case 'bad-number-start': return J(language, 'badNumberStart', { found: f(p.found) });
    case 'bad-number': return J(language, 'badNumber', { text: p.text });
  }
}

/** The profile editor's problem in `language`: the lab's own sentences translated, the validator's English kept. */
export function seccompProblemText(check: Extract<SeccompCheck, { type: 'error' }>, language: Language): string {
  const p = check.problem;
  if (p === null) return check.message;
  if (p.type === 'empty') return J(language, 'empty');
  if (p.type === 'field') return fieldProblemIn(p, language);
  return J(language, 'syntax', { line: p.line, column: p.column, problem: jsonProblemIn(p.problem, language) });
}
