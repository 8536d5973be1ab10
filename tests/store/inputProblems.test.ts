import { describe, expect, it } from 'vitest';
import { inputProblemIn, syntaxProblemText } from '../../src/store/inputProblems.ts';
import { transcriptOf } from '../../src/store/views.ts';
import { runInput } from '../../src/machines/runInput.ts';
import { inputProblemText } from '../../src/machines/inputProblem.ts';
import { parseCall } from '../../src/sim/strace/callParser.ts';
import { parseArgs } from '../../src/sim/strace/argParser.ts';
import { straceSyntaxText, type StraceSyntaxProblem } from '../../src/sim/strace/syntaxProblem.ts';
import { RUNC } from '../../src/sim/runtime/runc.ts';

/**
 * The terminal's refusals in Chinese (issue 6 point 6): the strace parsers'
 * and runInput's own sentences come as data and are worded in the store; the
 * English is word for word the sim's (what `isolab trace` prints).
 */
const HAN = /[\u4e00-\u9fff]/;

/** A typed line for each kind of syntax problem, how it is parsed, and what its Chinese must say. */
const SYNTAX: readonly [kind: StraceSyntaxProblem['type'], parse: 'call' | 'args', text: string, zh: string][] = [
  ['unterminated-comment', 'call', 'getpid(/* x)', '从第 8 列开始的注释没有结束'],
  ['unterminated-string', 'call', 'open("abc)', '从第 6 列开始的字符串没有结束'],
  ['bad-hex-escape', 'call', 'write(1, "\\xq", 1)', "第 11 列的 '\\x' 后面必须跟十六进制数字"],
  ['unknown-escape', 'call', 'write(1, "\\q", 1)', "未知的转义 '\\q'"],
  ['too-deep', 'call', `getpid(${'['.repeat(70)}`, '嵌套超过 64 层'],
  ['mismatch', 'call', 'getpid([1)', "第 8 列的 '[' 应由 ']' 闭合，但第 10 列是 ')'"],
  ['unclosed', 'call', 'getpid(', "缺少 ')' 来闭合第 7 列的 '('"],
  ['empty-argument', 'call', 'read(3, , 4)', '第 9 列的参数是空的'],
  ['stray-closer', 'args', '1]', "第 2 列出现了意外的 ']'：没有未闭合的括号"],
  ['missing-value', 'call', 'clone(flags=)', "'flags=' 后面缺少值"],
  ['empty-input', 'call', '   ', '输入为空'],
  ['expected-paren', 'call', 'getpid x', "第 8 列应为 'getpid' 后面的 '('"],
  ['missing-name', 'call', '(1)', "'(' 前面缺少系统调用名"],
  ['bad-name-start', 'call', '1getpid()', "而不是 '1'（第 1 列）"],
  ['bad-name-char', 'call', 'get-pid()', "意外的字符 '-'"],
  ['result-after-call', 'call', 'getpid() = 0', "不要写 ' = …' 结果"],
  ['text-after-call', 'call', 'getpid() x', '调用在第 8 列已经结束'],
];

describe('a mistyped syscall', () => {
  it.each(SYNTAX)('%s (%s %j): English as the sim wrote it, Chinese of its own', (kind, parse, text, zh) => {
    const r = parse === 'call' ? parseCall(text) : parseArgs(text);
    if (r.ok) throw new Error(`${text} parsed`);
    expect(r.problem.type).toBe(kind);
    expect(syntaxProblemText(r.problem, 'en')).toBe(r.message);
    const chinese = syntaxProblemText(r.problem, 'zh');
    expect(chinese).toMatch(HAN);
    expect(chinese).toContain(zh);
  });

  // The raw scanner takes what would reach these first, so the formatter is checked directly.
  it.each<[StraceSyntaxProblem, string]>([
    [{ type: 'expected-delimiter', want: ')', found: 52, column: 8 }, "第 8 列应为 ',' 或 ')'，却是 '4'"],
    [{ type: 'expected-delimiter', want: null, found: -1, column: 3 }, "第 3 列应为 ',' 或 行尾，却是 文本末尾"],
  ])('%j, which the raw scanner pre-empts, is worded too', (p, zh) => {
    expect(syntaxProblemText(p, 'en')).toBe(straceSyntaxText(p));
    expect(syntaxProblemText(p, 'zh')).toBe(zh);
  });

  it.each(['unreadable-arguments', 'unreadable-input'] as const)('%s, which no typed line reaches, is worded too', (type) => {
    expect(syntaxProblemText({ type }, 'en')).toBe(straceSyntaxText({ type }));
    expect(syntaxProblemText({ type }, 'zh')).toMatch(/^无法读取/);
  });
});

const LINES: readonly [what: string, text: string, zh: string][] = [
  ['empty line', '  ', '输入为空：请输入 getpid() 这样的系统调用，或 cat /etc/passwd 这样的命令'],
  ['unknown command', 'cta /etc/passwd', "未知的命令 'cta'；是不是想输入 cat"],
  ['a syscall without parentheses', 'getpid', '——getpid 是系统调用：请输入带参数的 getpid(…)'],
  ['unknown syscall', 'opnat("/etc/passwd", O_RDONLY)', "未知的系统调用 'opnat'；是不是想输入 openat"],
  ['syntax', 'getpid(', "缺少 ')'"],
  ['a pipe', 'cat /etc/passwd | wc -l', '暂不支持管道：请把每条命令单独运行'],
  ['two commands', 'id; id', '请每行只写一条命令'],
  ['&&', 'id && id', '不支持后台作业和 &&'],
  ['a backtick', 'echo `id`', '不支持命令替换'],
  ['a variable', 'echo $HOME', '不支持变量'],
  ['input redirection', 'cat < /etc/passwd', '不支持输入重定向'],
  ['a redirect without a file', 'echo hi >', '> 后面必须跟一个文件名'],
  ['an open double quote', 'echo "hi', '双引号没有闭合'],
  ['an open single quote', "echo 'hi", '单引号没有闭合'],
];

describe('a line the terminal refuses', () => {
  it.each(LINES)('%s: English as runInput says it, Chinese in the transcript', (_what, text, zh) => {
    const r = runInput(RUNC.boot(), text);
    if (r.ok || !r.problem) throw new Error(`${text} ran`);
    expect(inputProblemIn(r.problem, 'en')).toBe(r.message);
    const run = { type: 'refused', runtime: 'runc', input: text, message: r.message, column: r.column ?? null, problem: r.problem } as const;
    expect(transcriptOf(run).at(-1)?.text).toBe(r.message);
    const chinese = transcriptOf(run, 6, 'zh');
    expect(chinese.at(-1)?.text).toContain(zh);
    // The caret stays under the same column in both languages.
    expect(chinese.slice(0, -1)).toEqual(transcriptOf(run, 6, 'en').slice(0, -1));
  });

  it('a process that has ended: worded in both languages', () => {
    const p = { type: 'ended', pid: 42 } as const;
    expect(inputProblemIn(p, 'en')).toBe(inputProblemText(p, straceSyntaxText));
    expect(inputProblemIn(p, 'zh')).toContain('宿主机上的 pid 42');
  });

  it('a refusal without a problem (a command of its own) is shown as it is', () => {
    const run = { type: 'refused', runtime: 'runc', input: 'x', message: 'sh: 1: unterminated quote', column: null } as const;
    expect(transcriptOf(run, 6, 'zh')).toEqual([{ kind: 'error', text: 'sh: 1: unterminated quote' }]);
  });
});
