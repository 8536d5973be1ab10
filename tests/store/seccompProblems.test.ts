import { describe, expect, it } from 'vitest';
import { checkSeccomp } from '../../src/store/artefactsModel.ts';
import { seccompProblemText } from '../../src/store/artefactsProblems.ts';

/**
 * The profile editor's validator in Chinese (issue 6 point 6): parseProfile's
 * problems come as data and are worded in the store; the English is word for
 * word the validator's, and JSON paths, names and values stay as written.
 */
const HAN = /[\u4e00-\u9fff]/;
const rule = (r: string) => `{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [${r}]}`;

const CASES: readonly [what: string, text: string, zh: string][] = [
  ['not an object', '[1, 2]', '配置文件：seccomp 配置文件是一个 JSON 对象，这里却是数组（第 1 行第 1 列）'],
  ['no defaultAction', '{"syscalls": []}', "配置文件：缺少 'defaultAction'（没有规则匹配的系统调用所用的动作）"],
  ['a string expected', '{"defaultAction": 1}', 'defaultAction：应为字符串，却是数字（第 1 行第 19 列）'],
  ['unknown action', rule('{"names": ["write"], "action": "SCMP_ACT_FOO"}'), "syscalls[0].action：未知的动作 'SCMP_ACT_FOO'（应为以下之一：SCMP_ACT_KILL, "],
  ['errno out of range', '{"defaultAction": "SCMP_ACT_ERRNO", "defaultErrnoRet": -1}', 'defaultErrnoRet：必须是 0 到 65535 之间的 errno 编号，却是 -1'],
  ['an array expected', '{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": {}}', 'syscalls：应为数组，却是对象'],
  ['missing names', rule('{"action": "SCMP_ACT_ALLOW"}'), "syscalls[0]：缺少 'names'（这一条目适用的系统调用）"],
  ['name and names', rule('{"name": "read", "names": ["write"], "action": "SCMP_ACT_ALLOW"}'), "'name' 和 'names' 同时设置了"],
  ['empty name', rule('{"names": [""], "action": "SCMP_ACT_ALLOW"}'), 'syscalls[0].names[0]：系统调用名为空'],
  ['args not an array', rule('{"names": ["read"], "action": "SCMP_ACT_ALLOW", "args": 1}'), '应为由参数条件组成的数组'],
  ['unknown operator', rule('{"names": ["read"], "action": "SCMP_ACT_ALLOW", "args": [{"index": 0, "value": 1, "op": "EQ"}]}'), "未知的比较运算符 'EQ'"],
  ['missing op', rule('{"names": ["read"], "action": "SCMP_ACT_ALLOW", "args": [{"index": 0, "value": 1}]}'), "缺少 'op'"],
  ['index out of range', rule('{"names": ["read"], "action": "SCMP_ACT_ALLOW", "args": [{"index": 9, "value": 1, "op": "SCMP_CMP_EQ"}]}'), '必须是 0 到 5 之间的参数序号，却是 9'],
  ['kernel version', rule('{"names": ["read"], "action": "SCMP_ACT_ALLOW", "includes": {"minKernel": "4"}}'), "无效的内核版本 '4'"],
  ['unknown architecture', '{"defaultAction": "SCMP_ACT_ERRNO", "architectures": ["SCMP_ARCH_Z80"]}', "architectures[0]：未知的架构 'SCMP_ARCH_Z80'"],
];

describe('a profile the validator refuses', () => {
  it.each(CASES)('%s: English as the validator wrote it, Chinese of its own', (_what, text, zh) => {
    const check = checkSeccomp(text);
    if (check.type !== 'error') throw new Error('accepted');
    expect(check.problem?.type).toBe('field');
    expect(seccompProblemText(check, 'en')).toBe(check.message);
    const chinese = seccompProblemText(check, 'zh');
    expect(chinese).toMatch(HAN);
    expect(chinese).toContain(zh);
  });
});

describe("JSON's own words", () => {
  it('null, true and false stay as JSON writes them', () => {
    const check = checkSeccomp('{"defaultAction": true}');
    if (check.type !== 'error') throw new Error('accepted');
    expect(seccompProblemText(check, 'en')).toBe(check.message);
    expect(seccompProblemText(check, 'zh')).toBe('defaultAction：应为字符串，却是 true（第 1 行第 19 列）');
  });
});
