import { describe, expect, it } from 'vitest';
import { DOCKER_DEFAULT_CAPS } from '../../../src/sim/kernel/capabilities.ts';
import type { ArgValue } from '../../../src/sim/seccomp/compare.ts';
import { DOCKER_DEFAULT_PROFILE } from '../../../src/sim/seccomp/dockerDefaultProfile.ts';
import { evaluateSeccomp, type SeccompDecision, type SeccompEvaluation } from '../../../src/sim/seccomp/evaluate.ts';
import type { SeccompProfile } from '../../../src/sim/seccomp/profile.ts';
import type { SeccompEnv } from '../../../src/sim/seccomp/seccompEnv.ts';
import { staticSeccompVerdict, type SeccompStaticVerdict } from '../../../src/sim/seccomp/staticVerdict.ts';
import { CAP_SETS, X86_64_NAMES, loadReferenceProfile, ruleShape, shapesByName } from './referenceProfile.ts';

/**
 * The lab's own table of Docker's default profile against the reference
 * copy of moby/profiles seccomp/default.json, loaded with the lab's loader:
 * the same rules for every name, and the same verdicts and decisions for
 * every x86_64 syscall under several capability sets.
 */
const reference = loadReferenceProfile();
const builtin = DOCKER_DEFAULT_PROFILE;

/** A static verdict with the deciding entries replaced by their shapes (indexes may differ). */
function comparableVerdict(profile: SeccompProfile, v: SeccompStaticVerdict) {
  const { reason: _reason, rules, ...rest } = v;
  return { ...rest, rules: rules.map((i) => ruleShape(profile.syscalls[i] ?? { names: [], action: 'SCMP_ACT_ALLOW' })).sort() };
}

function comparableDecision(profile: SeccompProfile, d: SeccompDecision) {
  const { reason: _reason, rule, ...rest } = d;
  return { ...rest, rule: rule === 'default' ? rule : ruleShape(profile.syscalls[rule] ?? { names: [], action: 'SCMP_ACT_ALLOW' }) };
}

function comparableEvaluation(profile: SeccompProfile, e: SeccompEvaluation) {
  if (e.type === 'decided') return comparableDecision(profile, e);
  const outcomes = e.outcomes.map((o) => JSON.stringify(comparableDecision(profile, o))).sort();
  return { type: e.type, unknownArgs: e.unknownArgs, outcomes };
}

describe("the lab's Docker default profile", () => {
  it('has the same default action, errno and architecture map as the reference', () => {
    expect(builtin.defaultAction).toBe(reference.defaultAction);
    expect(builtin.defaultErrnoRet).toBe(reference.defaultErrnoRet);
    expect(builtin.archMap).toEqual(reference.archMap);
    expect(builtin.architectures).toEqual(reference.architectures);
  });

  it('gives every syscall name (x86_64 or not) the same rules as the reference', () => {
    expect(Object.fromEntries(shapesByName(builtin))).toEqual(Object.fromEntries(shapesByName(reference)));
  });

  it('names the 426 distinct syscalls the reference README counts, 351 of them x86_64', () => {
    const names = new Set(builtin.syscalls.flatMap((r) => r.names));
    expect(names.size).toBe(426);
    expect(X86_64_NAMES.filter((n) => names.has(n))).toHaveLength(351);
  });
});

describe.each(CAP_SETS)('built-in and reference agree for %s', (_label, caps) => {
  const kernels: readonly SeccompEnv['kernel'][] = [[6, 8], [4, 4]];
  it.each(kernels)('on every x86_64 syscall, by name and with unknown arguments (kernel %i.%i)', (major, minor) => {
    const env = { caps, kernel: [major, minor] as const };
    for (const name of X86_64_NAMES) {
      const ours = comparableVerdict(builtin, staticSeccompVerdict(builtin, name, env));
      const theirs = comparableVerdict(reference, staticSeccompVerdict(reference, name, env));
      expect({ name, ...ours }).toEqual({ name, ...theirs });
      const call = { name, args: [] };
      expect({ name, ...comparableEvaluation(builtin, evaluateSeccomp(builtin, call, env)) })
        .toEqual({ name, ...comparableEvaluation(reference, evaluateSeccomp(reference, call, env)) });
    }
  });

  it.each(['x86', 'arm64', 'arm', 's390x', 'ppc64le', 'riscv64'])('on every name the profile lists, on %s', (arch) => {
    const names = new Set(reference.syscalls.flatMap((r) => r.names));
    for (const name of names) {
      const env = { arch, caps };
      const ours = comparableVerdict(builtin, staticSeccompVerdict(builtin, name, env));
      expect({ name, ...ours }).toEqual({ name, ...comparableVerdict(reference, staticSeccompVerdict(reference, name, env)) });
    }
  });

  const samples: readonly (readonly [string, readonly ArgValue[]])[] = [
    ['socket', [2]], ['socket', [38]], ['socket', [40]], ['socket', [16]], ['socket', [39]], ['socket', [undefined]],
    ['clone', [0x11]], ['clone', [0x10000000 | 0x11]], ['clone', [0x20000 | 0x11]], ['clone', [0x3d0f00]], ['clone', [undefined]],
    ['personality', [0]], ['personality', [8]], ['personality', [0x20000]], ['personality', [0x20008]],
    ['personality', [0xffffffff]], ['personality', [0x0400000]], ['personality', [-1]], ['personality', [undefined]],
    ['clone3', []], ['clone3', [undefined, 88]],
  ];
  it.each(samples)('on %s(%j)', (name, args) => {
    const env = { caps };
    const ours = comparableEvaluation(builtin, evaluateSeccomp(builtin, { name, args }, env));
    expect(ours).toEqual(comparableEvaluation(reference, evaluateSeccomp(reference, { name, args }, env)));
  });
});

describe("what Docker's default profile does with arguments", () => {
  const ADMIN = [...DOCKER_DEFAULT_CAPS, 'CAP_SYS_ADMIN' as const];
  it.each([
    ['socket', [2], DOCKER_DEFAULT_CAPS, 'allow', null],
    ['socket', [16], DOCKER_DEFAULT_CAPS, 'allow', null],
    ['socket', [38], DOCKER_DEFAULT_CAPS, 'errno', 'EPERM'],
    ['socket', [40], DOCKER_DEFAULT_CAPS, 'errno', 'EPERM'],
    ['socket', [40], ADMIN, 'errno', 'EPERM'],
    ['clone', [0x11], DOCKER_DEFAULT_CAPS, 'allow', null],
    ['clone', [0x10000011], DOCKER_DEFAULT_CAPS, 'errno', 'EPERM'],
    ['clone', [0x20011], DOCKER_DEFAULT_CAPS, 'errno', 'EPERM'],
    ['clone', [0x10000011], ADMIN, 'allow', null],
    ['personality', [0], DOCKER_DEFAULT_CAPS, 'allow', null],
    ['personality', [8], DOCKER_DEFAULT_CAPS, 'allow', null],
    ['personality', [0x20000], DOCKER_DEFAULT_CAPS, 'allow', null],
    ['personality', [0x20008], DOCKER_DEFAULT_CAPS, 'allow', null],
    ['personality', [0xffffffff], DOCKER_DEFAULT_CAPS, 'allow', null],
    ['personality', [0x0400000], DOCKER_DEFAULT_CAPS, 'errno', 'EPERM'],
    // -1 is 0xffffffffffffffff in a 64-bit register, not the 0xffffffff query.
    ['personality', [-1], DOCKER_DEFAULT_CAPS, 'errno', 'EPERM'],
    ['clone3', [], DOCKER_DEFAULT_CAPS, 'errno', 'ENOSYS'],
    ['clone3', [], ADMIN, 'allow', null],
  ] as const)('%s(%j) with %j → %s %s', (name, args, caps, outcome, errno) => {
    const result = evaluateSeccomp(builtin, { name, args }, { caps });
    expect(result).toMatchObject({ type: 'decided', outcome, errno });
  });

  it('explains the clone rule the way a lecturer would say it', () => {
    const result = evaluateSeccomp(builtin, { name: 'clone', args: [0x10000011] });
    expect(result.reason).toMatch(/^Docker's default profile allows clone only when flags has none of CLONE_NEWNS\|.*CLONE_NEWUSER.* \(0x7e020000\) because the container lacks CAP_SYS_ADMIN; here flags = CLONE_NEWUSER\|SIGCHLD \(0x10000011\)/);
  });
});
