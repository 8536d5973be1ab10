import { describe, expect, it } from 'vitest';
import { DOCKER_DEFAULT_CAPS, type Capability } from '../../../src/sim/kernel/capabilities.ts';
import type { ArgValue } from '../../../src/sim/seccomp/compare.ts';
import { evaluateSeccomp } from '../../../src/sim/seccomp/evaluate.ts';
import { parseSeccompProfile } from '../../../src/sim/seccomp/parseProfile.ts';
import type { SeccompProfile } from '../../../src/sim/seccomp/profile.ts';
import type { SeccompEnv } from '../../../src/sim/seccomp/seccompEnv.ts';

/**
 * How a profile is applied, rule by rule, as moby (includes/excludes), runc
 * (errnoRet, redundant rules, same-argument split) and libseccomp (rule
 * precedence, unsigned 64-bit comparisons) do it.
 */
function load(syscalls: unknown[], top: Record<string, unknown> = {}): SeccompProfile {
  const result = parseSeccompProfile(JSON.stringify({ defaultAction: 'SCMP_ACT_ERRNO', defaultErrnoRet: 1, ...top, syscalls }));
  if (!result.ok) throw new Error(result.message);
  return result.profile;
}

const allow = (extra: Record<string, unknown>) => ({ names: ['probe'], action: 'SCMP_ACT_ALLOW', ...extra });
const eq = (index: number, value: number) => ({ index, value, op: 'SCMP_CMP_EQ' });
const run = (profile: SeccompProfile, args: readonly ArgValue[] = [], env: Partial<SeccompEnv> = {}) =>
  evaluateSeccomp(profile, { name: 'probe', args }, env);
const withCaps = (...caps: Capability[]) => ({ caps });

describe('moby includes/excludes (seccomp_linux.go setupSeccomp)', () => {
  it.each([
    ['includes.caps needs every listed cap: none held', { includes: { caps: ['CAP_SYS_ADMIN', 'CAP_BPF'] } }, withCaps(), 'errno'],
    ['includes.caps needs every listed cap: one of two', { includes: { caps: ['CAP_SYS_ADMIN', 'CAP_BPF'] } }, withCaps('CAP_BPF'), 'errno'],
    ['includes.caps needs every listed cap: both', { includes: { caps: ['CAP_SYS_ADMIN', 'CAP_BPF'] } }, withCaps('CAP_BPF', 'CAP_SYS_ADMIN'), 'allow'],
    ['excludes.caps drops the rule if any is held', { excludes: { caps: ['CAP_SYS_ADMIN', 'CAP_BPF'] } }, withCaps('CAP_BPF'), 'errno'],
    ['excludes.caps keeps the rule if none is held', { excludes: { caps: ['CAP_SYS_ADMIN', 'CAP_BPF'] } }, withCaps('CAP_CHOWN'), 'allow'],
    ['includes.arches must contain the host arch', { includes: { arches: ['arm64'] } }, { arch: 'amd64' }, 'errno'],
    ['includes.arches matching the host', { includes: { arches: ['arm64', 'amd64'] } }, { arch: 'amd64' }, 'allow'],
    ['includes.arches uses the native name only (x86 is a sub-arch)', { includes: { arches: ['x86'] } }, { arch: 'amd64' }, 'errno'],
    ['excludes.arches containing the host arch', { excludes: { arches: ['amd64'] } }, { arch: 'amd64' }, 'errno'],
    ['includes.minKernel met', { includes: { minKernel: '4.8' } }, { kernel: [4, 8] as const }, 'allow'],
    ['includes.minKernel not met', { includes: { minKernel: '4.8' } }, { kernel: [4, 7] as const }, 'errno'],
    ['includes.minKernel compares the major first', { includes: { minKernel: '4.8' } }, { kernel: [5, 0] as const }, 'allow'],
    ['excludes.minKernel drops the rule on newer kernels', { excludes: { minKernel: '5.10' } }, { kernel: [6, 8] as const }, 'errno'],
    ['excludes.minKernel keeps it on older kernels', { excludes: { minKernel: '5.10' } }, { kernel: [5, 4] as const }, 'allow'],
  ])('%s', (_label, filters, env, outcome) => {
    expect(run(load([allow(filters)]), [], env)).toMatchObject({ type: 'decided', outcome });
  });

  it('says which capability an excluded rule would need', () => {
    const profile = load([allow({ includes: { caps: ['CAP_SYS_ADMIN'] } })]);
    expect(run(profile, [], withCaps(...DOCKER_DEFAULT_CAPS)).reason).toBe(
      'The seccomp profile allows probe only with CAP_SYS_ADMIN, so for this container the default action makes probe fail with EPERM');
  });
});

describe('argument conditions', () => {
  const and = load([allow({ args: [eq(0, 1), eq(1, 2)] })]);
  // runc matchCall: an argument compared twice turns every comparison of the entry into its own rule (OR).
  const sameIndex = load([allow({ args: [eq(0, 1), eq(0, 2)] })]);
  const mixed = load([allow({ args: [eq(0, 1), eq(0, 2), eq(1, 5)] })]);
  it.each([
    ['different arguments are ANDed: both hold', and, [1, 2], 'allow'],
    ['different arguments are ANDed: one fails', and, [1, 3], 'errno'],
    ['the same argument twice is ORed: first', sameIndex, [1], 'allow'],
    ['the same argument twice is ORed: second', sameIndex, [2], 'allow'],
    ['the same argument twice is ORed: neither', sameIndex, [3], 'errno'],
    ['after a split every comparison stands alone', mixed, [9, 5], 'allow'],
    ['after a split every comparison stands alone: none', mixed, [9, 6], 'errno'],
    ['a known failing comparison settles an AND with an unknown one', and, [5, undefined], 'errno'],
  ] as const)('%s', (_label, profile, args, outcome) => {
    expect(run(profile, args)).toMatchObject({ type: 'decided', outcome });
  });

  it('reports an unknown argument that decides, with every possible outcome', () => {
    const result = run(and, [1, undefined]);
    expect(result).toMatchObject({ type: 'argument-dependent', unknownArgs: [1] });
    expect(result.type === 'argument-dependent' && result.outcomes.map((o) => [o.outcome, o.errno, o.rule])).toEqual([
      ['allow', null, 0], ['errno', 'EPERM', 'default'],
    ]);
    expect(result.reason).toBe('The seccomp profile allows probe only when arg0 == 1 and arg1 == 2; otherwise the default action makes probe fail with EPERM; arg1 is not known here, so the outcome depends on it');
  });

  it('is decided when the unknown argument cannot change the outcome', () => {
    const profile = load([allow({ args: [eq(0, 1)] }), allow({ args: [eq(1, 2)] })]);
    expect(run(profile, [1, undefined])).toMatchObject({ type: 'decided', outcome: 'allow', rule: 0 });
  });
});

describe('rule precedence (libseccomp db_rule_add) and runc', () => {
  const errno = (n: number, extra: Record<string, unknown> = {}) => ({ names: ['probe'], action: 'SCMP_ACT_ERRNO', errnoRet: n, ...extra });
  it.each([
    ['the first unconditional rule wins', [errno(5), allow({})], 'EIO', 0],
    ['an unconditional rule beats an earlier conditional one', [errno(13, { args: [eq(0, 1)] }), allow({})], null, 1],
    ['an unconditional rule beats a later conditional one', [errno(13), allow({ args: [eq(0, 1)] })], 'EACCES', 0],
    ['a rule equal to the default action is dropped (runc)', [{ names: ['probe'], action: 'SCMP_ACT_ERRNO' }, allow({})], null, 1],
    ['a rule with another errno is kept', [errno(2), allow({})], 'ENOENT', 0],
  ] as const)('%s', (_label, rules, errnoName, rule) => {
    expect(run(load([...rules]), [1])).toMatchObject({ type: 'decided', errno: errnoName, rule });
  });

  it('notes when two conditional rules with different actions both match', () => {
    const result = run(load([errno(13, { args: [eq(0, 1)] }), allow({ args: [eq(0, 1)] })]), [1]);
    expect(result).toMatchObject({ errno: 'EACCES', rule: 0 });
    expect(result.reason).toContain('rule 1 also matches with another action');
  });
});

describe('actions and errnos', () => {
  it.each([
    ['SCMP_ACT_ERRNO without errnoRet is EPERM, not defaultErrnoRet', { action: 'SCMP_ACT_ERRNO' }, { errno: 'EPERM', errnoNumber: 1 }],
    ['errnoRet above MAX_ERRNO is capped at 4095', { action: 'SCMP_ACT_ERRNO', errnoRet: 5000 }, { errno: null, errnoNumber: 4095 }],
    ['errnoRet 0 returns 0 without running the call', { action: 'SCMP_ACT_ERRNO', errnoRet: 0 }, { outcome: 'errno', errno: null, errnoNumber: 0 }],
    ['SCMP_ACT_KILL kills the thread', { action: 'SCMP_ACT_KILL' }, { outcome: 'kill-thread', errno: null, signal: 'SIGSYS', action: 'SCMP_ACT_KILL' }],
    ['SCMP_ACT_KILL_PROCESS', { action: 'SCMP_ACT_KILL_PROCESS' }, { outcome: 'kill-process', errno: null, signal: 'SIGSYS' }],
    ['SCMP_ACT_TRAP', { action: 'SCMP_ACT_TRAP' }, { outcome: 'trap', errno: null, signal: 'SIGSYS' }],
    ['SCMP_ACT_TRACE without a tracer', { action: 'SCMP_ACT_TRACE' }, { outcome: 'trace', errno: 'ENOSYS' }],
    ['SCMP_ACT_LOG', { action: 'SCMP_ACT_LOG' }, { outcome: 'log', errno: null, signal: null }],
    ['SCMP_ACT_NOTIFY', { action: 'SCMP_ACT_NOTIFY' }, { outcome: 'notify', errno: null }],
  ])('%s', (_label, rule, expected) => {
    const profile = load([{ names: ['probe'], ...rule }], { defaultAction: 'SCMP_ACT_ALLOW', defaultErrnoRet: 38 });
    expect(run(profile)).toMatchObject({ type: 'decided', rule: 0, ...expected });
  });

  it.each([
    ['defaultErrnoRet', { defaultErrnoRet: 38 }, 'ENOSYS'],
    ['no defaultErrnoRet means EPERM', { defaultErrnoRet: undefined }, 'EPERM'],
  ])('the default action uses %s', (_label, top, errnoName) => {
    expect(run(load([], top))).toMatchObject({ rule: 'default', errno: errnoName, action: 'SCMP_ACT_ERRNO' });
  });
});

describe('input that is not what the types promise', () => {
  const profile = load([allow({ args: [eq(0, 1)] })]);
  it.each([
    ['NaN', [Number.NaN]], ['Infinity', [Infinity]], ['1.5', [1.5]], ['2^70 + 1', [2n ** 70n + 1n]], ['no args', []],
  ])('args %s do not throw', (_label, args) => {
    expect(() => run(profile, args as ArgValue[])).not.toThrow();
  });

  it('reads 2^64 + 1 as 1 and -(2^64) + 1 as 1, as a 64-bit register would', () => {
    expect(run(profile, [2n ** 64n + 1n])).toMatchObject({ outcome: 'allow' });
    expect(run(profile, [-(2n ** 64n) + 1n])).toMatchObject({ outcome: 'allow' });
  });

  it('a call without a name or args is evaluated as an unknown syscall', () => {
    expect(evaluateSeccomp(profile, {} as never)).toMatchObject({ type: 'decided', rule: 'default' });
  });
});
