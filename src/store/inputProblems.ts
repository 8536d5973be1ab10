import type { InputProblem } from '../machines/inputProblem.ts';
import type { StraceSyntaxProblem } from '../sim/strace/syntaxProblem.ts';
import type { ShellProblem } from '../sim/shell/tokenize.ts';
import type { Language } from '../sim/text/language.ts';
import { defineMessages, translate, type Vars } from './localize.ts';

/**
 * Why the terminal refused a line (src/machines/inputProblem.ts, and the
 * strace syntax problems of src/sim/strace/syntaxProblem.ts) in the page's
 * language. These are the lab's own sentences, so they are translated; what
 * they quote from the line (names, brackets, characters) stays as typed. The
 * English is the sim's own wording (what `isolab trace` prints).
 */
const text = defineMessages({
  end: { en: 'the end of the text', zh: '文本末尾' },
  unterminatedComment: { en: 'unterminated comment starting at column {column}', zh: '从第 {column} 列开始的注释没有结束' },
  unterminatedString: { en: 'unterminated string starting at column {column}', zh: '从第 {column} 列开始的字符串没有结束' },
  badHexEscape: { en: "'\\x' at column {column} must be followed by hex digits", zh: "第 {column} 列的 '\\x' 后面必须跟十六进制数字" },
  unknownEscape: { en: "unknown escape '\\{escape}' at column {column}", zh: "第 {column} 列是未知的转义 '\\{escape}'" },
  tooDeep: { en: 'nesting deeper than {max} levels at column {column}', zh: '第 {column} 列的嵌套超过 {max} 层' },
  mismatch: { en: "expected '{want}' to close '{open}' from column {openColumn}, found {found} at column {column}", zh: "第 {openColumn} 列的 '{open}' 应由 '{want}' 闭合，但第 {column} 列是 {found}" },
  unclosed: { en: "missing '{want}' to close '{open}' from column {openColumn}", zh: "缺少 '{want}' 来闭合第 {openColumn} 列的 '{open}'" },
  emptyArgument: { en: 'empty argument at column {column}', zh: '第 {column} 列的参数是空的' },
  strayCloser: { en: 'unexpected {found} at column {column}: no bracket is open', zh: '第 {column} 列出现了意外的 {found}：没有未闭合的括号' },
  expectedDelimiter: { en: "expected ',' or {want} at column {column}, found {found}", zh: "第 {column} 列应为 ',' 或 {want}，却是 {found}" },
  theEnd: { en: 'the end', zh: '行尾' },
  missingValue: { en: "missing value after '{key}=' at column {column}", zh: "第 {column} 列的 '{key}=' 后面缺少值" },
  unreadableArguments: { en: 'unreadable arguments', zh: '无法读取参数' },
  unreadableInput: { en: 'unreadable input', zh: '无法读取输入' },
  emptyInput: { en: 'empty input: type a syscall such as getpid()', zh: '输入为空：请输入 getpid() 这样的系统调用' },
  expectedParen: { en: "expected '(' after '{name}' at column {column}", zh: "第 {column} 列应为 '{name}' 后面的 '('" },
  missingName: { en: "missing syscall name before '(' at column {column}", zh: "第 {column} 列的 '(' 前面缺少系统调用名" },
  badNameStart: { en: "a syscall name starts with a letter or '_', not {found} (column {column})", zh: "系统调用名以字母或 '_' 开头，而不是 {found}（第 {column} 列）" },
  badNameChar: { en: 'unexpected character {found} in syscall name at column {column}', zh: '系统调用名的第 {column} 列有意外的字符 {found}' },
  resultAfterCall: { en: "unexpected text after ')' at column {column}: leave out the ' = …' result, the lab works it out", zh: "第 {column} 列在 ')' 之后有多余的文本：不要写 ' = …' 结果，实验室会算出它" },
  textAfterCall: { en: "unexpected text after ')' at column {column} (the call ended at column {close})", zh: "第 {column} 列在 ')' 之后有多余的文本（调用在第 {close} 列已经结束）" },
  ended: { en: 'the process this terminal talked to (pid {pid} on the host) has ended; boot the runtime again', zh: '这个终端所连接的进程（宿主机上的 pid {pid}）已经结束；请重新启动运行时' },
  empty: { en: 'empty input: type a syscall such as getpid() or a command such as cat /etc/passwd', zh: '输入为空：请输入 getpid() 这样的系统调用，或 cat /etc/passwd 这样的命令' },
  unknownCommand: { en: "unknown command '{name}'{mean}{syscall}", zh: "未知的命令 '{name}'{mean}{syscall}" },
  didYouMean: { en: '; did you mean {hint}?', zh: '；是不是想输入 {hint}？' },
  isSyscall: { en: ' — {name} is a syscall: type {name}(…) with its arguments', zh: '——{name} 是系统调用：请输入带参数的 {name}(…)' },
  unknownSyscall: { en: "unknown syscall '{name}'{mean}", zh: "未知的系统调用 '{name}'{mean}" },
  pipe: { en: 'pipes are not supported yet: run each command on its own', zh: '暂不支持管道：请把每条命令单独运行' },
  semicolon: { en: 'one command per line, please', zh: '请每行只写一条命令' },
  background: { en: 'background jobs and && are not supported', zh: '不支持后台作业和 &&' },
  backtick: { en: 'command substitution is not supported', zh: '不支持命令替换' },
  variable: { en: 'variables are not supported', zh: '不支持变量' },
  inputRedirect: { en: 'input redirection is not supported', zh: '不支持输入重定向' },
  noRedirectFile: { en: 'a file name must follow >', zh: '> 后面必须跟一个文件名' },
  unterminatedDouble: { en: 'unterminated double quote', zh: '双引号没有闭合' },
  unterminatedSingle: { en: 'unterminated single quote', zh: '单引号没有闭合' },
});

const T = (language: Language, key: keyof typeof text, vars?: Vars) => translate(text, language, key, vars);

/** A character as the sim's `show` prints it (quoted, U+XXXX, or the end). */
function char(c: number, language: Language): string {
  if (c < 0) return T(language, 'end');
  if (c > 32 && c < 127) return `'${String.fromCharCode(c)}'`;
  return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Why typed strace syntax cannot be read, in `language`. */
export function syntaxProblemText(p: StraceSyntaxProblem, language: Language): string {
  const c = (x: number) => char(x, language);
  switch (p.type) {
    case 'unterminated-comment': return T(language, 'unterminatedComment', p);
    case 'unterminated-string': return T(language, 'unterminatedString', p);
    case 'bad-hex-escape': return T(language, 'badHexEscape', p);
    case 'unknown-escape': return T(language, 'unknownEscape', p);
    case 'too-deep': return T(language, 'tooDeep', p);
    case 'mismatch': return T(language, 'mismatch', { ...p, found: c(p.found) });
    case 'unclosed': return T(language, 'unclosed', p);
    case 'empty-argument': return T(language, 'emptyArgument', p);
    case 'stray-closer': return T(language, 'strayCloser', { ...p, found: c(p.found) });
    case 'expected-delimiter': return T(language, 'expectedDelimiter', { column: p.column, found: c(p.found), want: p.want === null ? T(language, 'theEnd') : `'${p.want}'` });
    case 'missing-value': return T(language, 'missingValue', p);
    case 'unreadable-arguments': return T(language, 'unreadableArguments');
    case 'unreadable-input': return T(language, 'unreadableInput');
    case 'empty-input': return T(language, 'emptyInput');
    case 'expected-paren': return T(language, 'expectedParen', p);
    case 'missing-name': return T(language, 'missingName', p);
    case 'bad-name-start': return T(language, 'badNameStart', { ...p, found: c(p.found) });
    case 'bad-name-char': return T(language, 'badNameChar', { ...p, found: c(p.found) });
    case 'result-after-call': return T(language, 'resultAfterCall', p);
    case 'text-after-call': return T(language, 'textAfterCall', p);
  }
}

const UNSUPPORTED = { '|': 'pipe', ';': 'semicolon', '&': 'background', '`': 'backtick', $: 'variable', '<': 'inputRedirect' } as const;

/** Why the lab's shell cannot split a line, in `language`. */
function shellProblemIn(p: ShellProblem, language: Language): string {
  if (p.type === 'unsupported') return T(language, UNSUPPORTED[p.char]);
  if (p.type === 'no-redirect-file') return T(language, 'noRedirectFile');
  return T(language, p.quote === 'double' ? 'unterminatedDouble' : 'unterminatedSingle');
}

/** Why the terminal refused a line, in `language`. */
export function inputProblemIn(p: InputProblem, language: Language): string {
  const mean = (hint: readonly string[]) => (hint.length ? T(language, 'didYouMean', { hint: hint.join(', ') }) : '');
  switch (p.type) {
    case 'ended': return T(language, 'ended', { pid: p.pid });
    case 'empty': return T(language, 'empty');
    case 'syntax': return syntaxProblemText(p.problem, language);
    case 'shell': return shellProblemIn(p.problem, language);
    case 'worded': return p.text[language];
    case 'unknown-command':
      return T(language, 'unknownCommand', { name: p.name, mean: mean(p.hint), syscall: p.syscall ? T(language, 'isSyscall', { name: p.name }) : '' });
    case 'unknown-syscall': return T(language, 'unknownSyscall', { name: p.name, mean: mean(p.hint) });
  }
}
