import { describe, expect, it } from 'vitest';
import { checkSeccomp } from '../../src/store/artefactsModel.ts';
import { seccompProblemText, straceProblemText } from '../../src/store/artefactsProblems.ts';
import { multiReplay } from '../../src/sim/strace/multiReplay.ts';

/**
 * "Bring your own" in Chinese (issue 6 point 6): the strace reader's and the
 * profile reader's own sentences come as data and are worded here; the
 * English is word for word the sim's (what `isolab replay` prints).
 */
const HAN = /[\u4e00-\u9fff]/;

/** One line for each kind of unreadable line, with what its Chinese must say. */
const LINES: readonly [kind: string, line: string, zh: string][] = [
  ['prefix-only', '1234  04:07:51', '只有 pid 或时间戳'],
  ['name-not-call', 'garbage here', "'garbage' 后面是 U+0020，不是 '('"],
  ['name-not-call at the end', 'garbage', "'garbage' 后面是 文本末尾"],
  ['resumed-no-name', '<... read', "'<... NAME resumed>'"],
  ['cut-short', 'read(3, "abc"', "参数后面没有 ' = ' 和返回值"],
  ['signal-open', '--- SIGCHLD {si_signo=SIGCHLD}', "没有以 ' ---' 结尾"],
  ['end-open', '+++ exited with 0', "没有以 ' +++' 结尾"],
  ['end-unknown', '+++ vanished +++', "'+++ vanished +++' 不是"],
  ['strace-message', 'strace: Process 12 resumed', 'strace 自己的消息'],
  ['summary-table', '% time     seconds  usecs/call     calls    errors syscall', 'strace -c 汇总表'],
  ['stack-frame', ' > /usr/lib/libc.so.6(__read+0x12) [0x1234]', 'strace -k 打印的栈帧'],
  ['unexpected-start', '#!/bin/sh', "但这一行以 '#' 开头"],
  ['unexpected-start after a prefix', '1234  #x', "前缀之后第 7 列是 '#'"],
  ['no-return-value', 'getpid() = ', '没有返回值'],
  ['bad-return-value', 'getpid() = x1', "返回值 'x1' 既不是数字也不是 '?'"],
  ['after-return-value', 'getpid() = 12x', "返回值后面紧跟着意外的 'x'（第 "],
  // Last: the reader only knows at the end of the log that the cut line never goes on.
  ['attach-cut', 'clone(child_stack=NULL, flags=SIGCHLDstrace: Process 5334 attached', 'strace 的 attach 消息截断了这一行'],
];

describe('an unreadable strace line', () => {
  const report = multiReplay(LINES.map(([, line]) => line).join('\n'), []);

  it('every line of the table is unreadable, each with its problem as data', () => {
    expect(report.unreadable.map((u) => u.line)).toEqual(LINES.map((_, i) => i + 1));
  });

  it.each(LINES.map(([kind, line, zh], i) => [kind, line, zh, i] as const))('%s: English as the sim wrote it, Chinese of its own', (_kind, _line, zh, i) => {
    const u = report.unreadable[i];
    if (!u) throw new Error('no unreadable line');
    expect(straceProblemText(u.problem, 'en')).toBe(u.why);
    const text = straceProblemText(u.problem, 'zh');
    expect(text).toMatch(HAN);
    expect(text).toContain(zh);
  });
});

describe("the seccomp profile editor's problem", () => {
  it.each([
    ['{ not json', 'JSON 语法错误，第 1 行第 3 列：成员名应以 \'"\' 开头，却是 \'n\''],
    ['{"defaultAction": "SCMP_ACT_ERRNO"\n "syscalls": []}', "JSON 语法错误，第 2 行第 2 列：对象成员之后应为 ',' 或 '}'，却是 '\"'"],
    ['{"defaultAction": "SCMP', 'JSON 语法错误，第 1 行第 19 列：字符串没有结束（缺少结尾的 \'"\'）'],
    ['{"a": "x\ty"}', 'JSON 语法错误，第 1 行第 9 列：字符串中的 字符 U+0009 必须转义'],
    ['[1, 2', 'JSON 语法错误，第 1 行第 6 列：数组元素之后应为 \',\' 或 \']\'，却是 文本末尾'],
    ['   ', '配置文件是空的'],
  ])('%j: in Chinese, and in English word for word the reader\'s', (text, zh) => {
    const check = checkSeccomp(text);
    if (check.type !== 'error') throw new Error('expected an error');
    expect(seccompProblemText(check, 'en')).toBe(check.message);
    expect(seccompProblemText(check, 'zh')).toContain(zh);
  });

  it("words the validator's own problem too (tests/store/seccompProblems.test.ts has each kind)", () => {
    const check = checkSeccomp('{"defaultAction": "SCMP_ACT_NOPE"}');
    if (check.type !== 'error') throw new Error('expected an error');
    expect(check.problem?.type).toBe('field');
    expect(seccompProblemText(check, 'en')).toBe(check.message);
    expect(seccompProblemText(check, 'zh')).toContain("defaultAction：未知的动作 'SCMP_ACT_NOPE'");
  });
});
