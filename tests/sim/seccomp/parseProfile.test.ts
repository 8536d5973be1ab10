import { describe, expect, it } from 'vitest';
import { evaluateSeccomp } from '../../../src/sim/seccomp/evaluate.ts';
import { parseSeccompProfile } from '../../../src/sim/seccomp/parseProfile.ts';
import { staticSeccompVerdict } from '../../../src/sim/seccomp/staticVerdict.ts';
import { REFERENCE_PROFILE_TEXT } from './referenceProfile.ts';
import { prng } from '../../helpers/prng.ts';

/** A profile text with one syscalls entry (or a replaced top level) for the error table. */
const withRule = (rule: string) => `{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [${rule}]}`;

describe('parseSeccompProfile: the reference profile', () => {
  it('loads with its 33 entries, default action and architecture map', () => {
    const result = parseSeccompProfile(REFERENCE_PROFILE_TEXT);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.profile).toMatchObject({ defaultAction: 'SCMP_ACT_ERRNO', defaultErrnoRet: 1 });
    expect(result.profile.syscalls).toHaveLength(33);
    expect(result.profile.archMap).toHaveLength(9);
    expect(result.profile.archMap?.[7]).toEqual({ architecture: 'SCMP_ARCH_RISCV64', subArchitectures: [] });
    expect(result.profile.syscalls[1]).toEqual({ names: ['process_vm_readv', 'process_vm_writev', 'ptrace'], action: 'SCMP_ACT_ALLOW', includes: { minKernel: [4, 8] } });
    expect(result.profile.syscalls[18]?.args).toEqual([{ index: 0, value: 0x7e020000n, valueTwo: 0n, op: 'SCMP_CMP_MASKED_EQ' }]);
  });
});

describe('parseSeccompProfile: errors name where the profile is wrong', () => {
  /**
   * Each row: the text, the message (`{at}` stands for "line L, column C"),
   * the path, and the text the error must point at (its first occurrence).
   */
  it.each([
    ['JSON: missing comma', '{\n  "defaultAction": "SCMP_ACT_ERRNO"\n  "syscalls": []\n}', `JSON syntax error at {at}: expected ',' or '}' after an object member, found '"'`, null, '"syscalls"'],
    ['JSON: trailing comma', '{"defaultAction": "SCMP_ACT_ERRNO",\n "syscalls": [{},]}', `JSON syntax error at {at}: expected a value, found ']'`, null, ']}'],
    ['JSON: unterminated string', '{"defaultAction": "SCMP_ACT', `JSON syntax error at {at}: unterminated string (no closing '"')`, null, '"SCMP_ACT'],
    ['JSON: empty text', '', 'JSON syntax error at {at}: expected a value, found end of text', null, ''],
    ['JSON: text after the value', '{"defaultAction": "SCMP_ACT_ALLOW"} x', `JSON syntax error at {at}: unexpected 'x' after the end of the JSON value`, null, 'x'],
    ['JSON: single quotes', "{'defaultAction': 1}", `JSON syntax error at {at}: expected '"' to start a member name, found '''`, null, "'"],
    ['JSON: leading zero', '{"defaultErrnoRet": 01}', "JSON syntax error at {at}: invalid number '01…'", null, '01'],
    ['JSON: raw newline in a string', '{"defaultAction": "SCMP\nACT"}', 'JSON syntax error at {at}: character U+000A inside a string must be escaped', null, '\nACT'],
    ['not an object', '[1, 2]', 'profile: a seccomp profile is a JSON object, found an array at {at}', '', '['],
    ['no defaultAction', '{"syscalls": []}', "profile: missing 'defaultAction' (the action for syscalls no rule matches) at {at}", '', '{'],
    ['defaultAction of the wrong type', '{"defaultAction": 1}', 'defaultAction: expected a string, found a number at {at}', 'defaultAction', '1'],
    ['unknown defaultAction', '{"defaultAction": "DENY"}', /^defaultAction: unknown action 'DENY' \(expected one of SCMP_ACT_KILL, .*SCMP_ACT_NOTIFY\) at line 1, column 19$/, 'defaultAction', '"DENY"'],
    ['defaultErrnoRet negative', '{"defaultAction": "SCMP_ACT_ERRNO", "defaultErrnoRet": -1}', 'defaultErrnoRet: must be an errno number from 0 to 65535, found -1 at {at}', 'defaultErrnoRet', '-1'],
    ['syscalls not an array', '{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": {}}', 'syscalls: expected an array, found an object at {at}', 'syscalls', '{}'],
    ['unknown action', '{"defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [\n    {"names": ["read"], "action": "SCMP_ACT_ALLOW"},\n    {"names": ["write"], "action": "SCMP_ACT_FOO"}]}',
      /^syscalls\[1\]\.action: unknown action 'SCMP_ACT_FOO' \(expected one of .*\) at line 4, column 36$/, 'syscalls[1].action', '"SCMP_ACT_FOO"'],
    ['missing names', withRule('{"action": "SCMP_ACT_ALLOW"}'), "syscalls[0]: missing 'names' (the syscalls this entry applies to) at {at}", 'syscalls[0]', '{"action"'],
    ['names with a number', withRule('{"names": ["read", 3], "action": "SCMP_ACT_ALLOW"}'), 'syscalls[0].names[1]: expected a string, found a number at {at}', 'syscalls[0].names[1]', '3]'],
    ['names not an array', withRule('{"names": "read", "action": "SCMP_ACT_ALLOW"}'), 'syscalls[0].names: expected an array, found a string at {at}', 'syscalls[0].names', '"read"'],
    ['name and names', withRule('{"name": "read", "names": ["write"], "action": "SCMP_ACT_ALLOW"}'), "syscalls[0]: both 'name' and 'names' are set; use 'names' at {at}", 'syscalls[0]', '{"name"'],
    ['an empty name', withRule('{"names": ["read", ""], "action": "SCMP_ACT_ALLOW"}'), 'syscalls[0].names[1]: empty syscall name at {at}', 'syscalls[0].names[1]', '""'],
    ['missing action', withRule('{"names": ["read"]}'), "syscalls[0]: missing 'action' at {at}", 'syscalls[0]', '{"names"'],
    ['errnoRet as a string', withRule('{"names": ["read"], "action": "SCMP_ACT_ERRNO", "errnoRet": "1"}'), 'syscalls[0].errnoRet: must be an errno number from 0 to 65535, found a string at {at}', 'syscalls[0].errnoRet', '"1"'],
    ['errnoRet too large', withRule('{"names": ["read"], "action": "SCMP_ACT_ERRNO", "errnoRet": 70000}'), 'syscalls[0].errnoRet: must be an errno number from 0 to 65535, found 70000 at {at}', 'syscalls[0].errnoRet', '70000'],
    ['unknown op', withRule('{"names": ["socket"], "action": "SCMP_ACT_ALLOW", "args": [{"index": 0, "value": 1, "op": "SCMP_CMP_FOO"}]}'),
      /^syscalls\[0\]\.args\[0\]\.op: unknown comparison operator 'SCMP_CMP_FOO' \(expected one of SCMP_CMP_NE, .*SCMP_CMP_MASKED_EQ\)/, 'syscalls[0].args[0].op', '"SCMP_CMP_FOO"'],
    ['index beyond the sixth argument', withRule('{"names": ["socket"], "action": "SCMP_ACT_ALLOW", "args": [{"index": 6, "value": 1, "op": "SCMP_CMP_EQ"}]}'),
      'syscalls[0].args[0].index: must be an argument index from 0 to 5, found 6 at {at}', 'syscalls[0].args[0].index', '6,'],
    ['a negative value', withRule('{"names": ["socket"], "action": "SCMP_ACT_ALLOW", "args": [{"index": 0, "value": -1, "op": "SCMP_CMP_EQ"}]}'),
      'syscalls[0].args[0].value: must be an unsigned 64-bit integer from 0 to 18446744073709551615, found -1 at {at}', 'syscalls[0].args[0].value', '-1'],
    ['a fractional value', withRule('{"names": ["socket"], "action": "SCMP_ACT_ALLOW", "args": [{"index": 0, "value": 1.5, "op": "SCMP_CMP_EQ"}]}'),
      /^syscalls\[0\]\.args\[0\]\.value: must be an unsigned 64-bit integer .* found 1\.5/, 'syscalls[0].args[0].value', '1.5'],
    ['a value of 2^64', withRule('{"names": ["socket"], "action": "SCMP_ACT_ALLOW", "args": [{"index": 0, "value": 18446744073709551616, "op": "SCMP_CMP_EQ"}]}'),
      /found 18446744073709551616/, 'syscalls[0].args[0].value', '18446744073709551616'],
    ['an argument without op', withRule('{"names": ["socket"], "action": "SCMP_ACT_ALLOW", "args": [{"index": 0, "value": 1}]}'),
      "syscalls[0].args[0]: missing 'op' at {at}", 'syscalls[0].args[0]', '{"index"'],
    ['args not an array', withRule('{"names": ["socket"], "action": "SCMP_ACT_ALLOW", "args": {"index": 0}}'),
      'syscalls[0].args: expected an array of argument conditions at {at}', 'syscalls[0].args', '{"index"'],
    ['includes.caps as a string', withRule('{"names": ["mount"], "action": "SCMP_ACT_ALLOW", "includes": {"caps": "CAP_SYS_ADMIN"}}'),
      'syscalls[0].includes.caps: expected an array, found a string at {at}', 'syscalls[0].includes.caps', '"CAP_SYS_ADMIN"'],
    ['minKernel without a minor', withRule('{"names": ["ptrace"], "action": "SCMP_ACT_ALLOW", "includes": {"minKernel": "4"}}'),
      `syscalls[0].includes.minKernel: invalid kernel version '4', expected "<kernel>.<major>" such as "4.8" at {at}`, 'syscalls[0].includes.minKernel', '"4"'],
    ['minKernel 0.0', withRule('{"names": ["ptrace"], "action": "SCMP_ACT_ALLOW", "excludes": {"minKernel": "0.0"}}'),
      "syscalls[0].excludes.minKernel: invalid kernel version '0.0' at {at}", 'syscalls[0].excludes.minKernel', '"0.0"'],
    ['minKernel as a number', withRule('{"names": ["ptrace"], "action": "SCMP_ACT_ALLOW", "includes": {"minKernel": 4.8}}'),
      'syscalls[0].includes.minKernel: expected a kernel version string such as "4.8" at {at}', 'syscalls[0].includes.minKernel', '4.8'],
    ['an unknown architecture', '{"defaultAction": "SCMP_ACT_ERRNO", "architectures": ["SCMP_ARCH_X86_64", "SCMP_ARCH_Z80"]}',
      /^architectures\[1\]: unknown architecture 'SCMP_ARCH_Z80'/, 'architectures[1]', '"SCMP_ARCH_Z80"'],
    ['architectures and archMap', '{"defaultAction": "SCMP_ACT_ERRNO", "architectures": ["SCMP_ARCH_X86_64"], "archMap": [{"architecture": "SCMP_ARCH_X86_64"}]}',
      "archMap: both 'architectures' and 'archMap' are set; use one of them at {at}", 'archMap', '[{"architecture"'],
    ['archMap without architecture', '{"defaultAction": "SCMP_ACT_ERRNO", "archMap": [{"subArchitectures": []}]}',
      "archMap[0]: missing 'architecture' at {at}", 'archMap[0]', '{"sub'],
    ['flags not an array', '{"defaultAction": "SCMP_ACT_ERRNO", "flags": "SECCOMP_FILTER_FLAG_LOG"}', 'flags: expected an array, found a string at {at}', 'flags', '"SECCOMP'],
  ])('%s', (_label, text, message, path, needle) => {
    const before = text.slice(0, text.indexOf(needle)).split('\n');
    const line = before.length;
    const column = (before[before.length - 1] ?? '').length + 1;
    const result = parseSeccompProfile(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    if (typeof message === 'string') expect(result.message).toBe(message.replace('{at}', `line ${line}, column ${column}`));
    else expect(result.message).toMatch(message);
    expect({ path: result.path, line: result.line, column: result.column }).toEqual({ path, line, column });
  });

  it('refuses nesting deeper than any profile without overflowing the stack', () => {
    const result = parseSeccompProfile('['.repeat(100_000));
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/nesting deeper than \d+ levels/) });
  });

  it('answers a non-string input with an error value', () => {
    expect(parseSeccompProfile(42 as unknown as string)).toMatchObject({ ok: false });
  });
});

describe('parseSeccompProfile: what Docker also accepts', () => {
  it.each([
    ['the deprecated single name', withRule('{"name": "read", "action": "SCMP_ACT_ALLOW"}'), { syscalls: [{ names: ['read'], action: 'SCMP_ACT_ALLOW' }] }],
    ['null for optional members', '{"defaultAction": "SCMP_ACT_ALLOW", "defaultErrnoRet": null, "syscalls": null, "archMap": [{"architecture": "SCMP_ARCH_RISCV64", "subArchitectures": null}]}',
      { syscalls: [], archMap: [{ architecture: 'SCMP_ARCH_RISCV64', subArchitectures: [] }] }],
    ['an empty minKernel as no minimum', withRule('{"names": ["ptrace"], "action": "SCMP_ACT_ALLOW", "includes": {"minKernel": ""}}'), { syscalls: [{ names: ['ptrace'], includes: {} }] }],
    ['unknown members, ignored as Go ignores them', '{"defaultAction": "SCMP_ACT_ALLOW", "x-note": [1, {"a": null}]}', { defaultAction: 'SCMP_ACT_ALLOW', syscalls: [] }],
    ['a repeated member, whose last value counts', '{"defaultAction": "SCMP_ACT_ERRNO", "defaultAction": "SCMP_ACT_LOG"}', { defaultAction: 'SCMP_ACT_LOG' }],
    ['runtime-spec extras', '{"defaultAction": "SCMP_ACT_ERRNO", "flags": ["SECCOMP_FILTER_FLAG_LOG"], "listenerPath": "/run/agent.sock"}',
      { flags: ['SECCOMP_FILTER_FLAG_LOG'], listenerPath: '/run/agent.sock' }],
    ['exact unsigned 64-bit values, valueTwo defaulting to 0', withRule('{"names": ["x"], "action": "SCMP_ACT_ALLOW", "args": [{"index": 5, "value": 18446744073709551615, "op": "SCMP_CMP_MASKED_EQ"}]}'),
      { syscalls: [{ args: [{ index: 5, value: 18446744073709551615n, valueTwo: 0n, op: 'SCMP_CMP_MASKED_EQ' }] }] }],
  ])('%s', (_label, text, expected) => {
    const result = parseSeccompProfile(text);
    expect(result.ok && result.profile).toMatchObject(expected);
  });

  it('takes a label for the sentences it will appear in', () => {
    const result = parseSeccompProfile('{"defaultAction": "SCMP_ACT_ERRNO"}', { label: 'the uploaded profile' });
    expect(result.ok && staticSeccompVerdict(result.profile, 'read').reason).toBe('The uploaded profile has no rule for read, so the default action makes read fail with EPERM');
  });
});


const NOISE = ['{', '}', '[', ']', ',', ':', '"', '\\', '-', '0', '1', '9', '.', 'e', 'null', 'true', ' ', '\n', '\u0000', 'é', '"SCMP_ACT_FOO"', '18446744073709551616', '-1', '1.5', '{}', '[]'];

function mangle(text: string, rand: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const at = () => Math.floor(rand() * (text.length + 1));
  let out = text;
  const edits = 1 + Math.floor(rand() * 4);
  for (let k = 0; k < edits; k++) {
    const i = at();
    const j = Math.min(out.length, i + Math.floor(rand() * 40));
    const choice = Math.floor(rand() * 5);
    if (choice === 0) out = out.slice(0, i) + out.slice(j); // delete a span
    else if (choice === 1) out = out.slice(0, i) + pick(NOISE) + out.slice(i); // insert a token
    else if (choice === 2) out = out.slice(0, i) + pick(NOISE) + out.slice(j); // replace a span
    else if (choice === 3) out = out.slice(0, i) + out.slice(i, j) + out.slice(i); // duplicate a span
    else out = out.slice(0, i); // truncate
  }
  return out;
}

/** Replace one value somewhere in the parsed reference with a value of another kind. */
function mutateStructure(rand: () => number): string {
  const doc = JSON.parse(REFERENCE_PROFILE_TEXT) as Record<string, unknown>;
  const replacements: unknown[] = [null, 0, -1, 1.5, 'x', 'SCMP_ACT_LOG', [], {}, [1, 'a'], { index: 9 }, true, 2 ** 60];
  const containers: [Record<string, unknown> | unknown[], string | number][] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach((v, i) => { containers.push([node, i]); walk(v); });
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) { containers.push([node as Record<string, unknown>, k]); walk(v); }
  };
  walk(doc);
  for (let k = 0; k < 1 + Math.floor(rand() * 3); k++) {
    const [parent, key] = containers[Math.floor(rand() * containers.length)] ?? [doc, 'defaultAction'];
    (parent as Record<string | number, unknown>)[key] = replacements[Math.floor(rand() * replacements.length)];
  }
  return JSON.stringify(doc, null, rand() < 0.5 ? 2 : undefined);
}

describe('parseSeccompProfile: fuzz', () => {
  it('never throws on 2,000 mangled copies of the reference profile, and what loads evaluates', () => {
    const rand = prng(0x5ecc0);
    const outcomes = { ok: 0, failed: 0 };
    for (let n = 0; n < 2000; n++) {
      const text = n % 2 === 0 ? mangle(REFERENCE_PROFILE_TEXT, rand) : mutateStructure(rand);
      const result = parseSeccompProfile(text);
      if (result.ok) {
        outcomes.ok++;
        for (const name of ['clone', 'socket', 'read', 'personality']) {
          expect(() => evaluateSeccomp(result.profile, { name, args: [rand() < 0.5 ? undefined : 0x10000011] })).not.toThrow();
          expect(() => staticSeccompVerdict(result.profile, name)).not.toThrow();
        }
      } else {
        outcomes.failed++;
        expect(result.message.length).toBeGreaterThan(0);
        if (result.line !== null) expect(result.line).toBeLessThanOrEqual(text.split('\n').length);
      }
    }
    // Both kinds of answer occur, so the fuzz exercises the loader and the evaluator.
    expect(outcomes.ok).toBeGreaterThan(50);
    expect(outcomes.failed).toBeGreaterThan(500);
  });
});
