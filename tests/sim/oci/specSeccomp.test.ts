import { describe, expect, it } from 'vitest';
import { DOCKER_DEFAULT_CAPS, type CapSet } from '../../../src/sim/kernel/capabilities.ts';
import type { OciSeccomp, OciSeccompRule } from '../../../src/sim/oci/spec.ts';
import { ociSeccompToProfile, profileToOciSeccomp } from '../../../src/sim/oci/specSeccomp.ts';
import { DOCKER_DEFAULT_PROFILE } from '../../../src/sim/seccomp/dockerDefaultProfile.ts';
import { evaluateSeccomp, type SeccompEvaluation } from '../../../src/sim/seccomp/evaluate.ts';
import { CAP_SETS, X86_64_NAMES, loadReferenceProfile } from '../seccomp/referenceProfile.ts';
import { specOf } from './fixtures.ts';

/**
 * The seccomp part of the spec: moby's setupSeccomp applied to Docker's
 * default profile (held against the reference default.json converted the
 * same way), and the way back, so the evaluator runs a spec's filter.
 */

/** Each syscall name's rules, without names, as sorted comparable strings. */
function shapes(s: OciSeccomp): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const shape = (r: OciSeccompRule) => JSON.stringify({ action: r.action, errnoRet: r.errnoRet, args: r.args });
  for (const r of s.syscalls ?? []) for (const n of r.names) out.set(n, [...(out.get(n) ?? []), shape(r)].sort());
  return out;
}

/** What a call's evaluation comes to, without rule indexes and sentences. */
function outcome(e: SeccompEvaluation): string {
  if (e.type === 'decided') return `${e.action}:${e.errno ?? ''}`;
  return `depends on ${e.unknownArgs.join(',')}: ${e.outcomes.map((o) => `${o.action}:${o.errno ?? ''}`).sort().join(' | ')}`;
}

const reference = loadReferenceProfile();

describe('profileToOciSeccomp (moby setupSeccomp)', () => {
  it.each(CAP_SETS)('Docker\'s default profile under "%s" gives the same rules per syscall as the reference default.json', (_name, caps) => {
    const lab = profileToOciSeccomp(DOCKER_DEFAULT_PROFILE, caps);
    const ref = profileToOciSeccomp(reference, caps);
    expect(Object.fromEntries(shapes(lab))).toEqual(Object.fromEntries(shapes(ref)));
    expect([lab.defaultAction, lab.defaultErrnoRet, lab.architectures]).toEqual([ref.defaultAction, ref.defaultErrnoRet, ref.architectures]);
  });

  it('is what dockerSpec puts in linux.seccomp for a default container', () => {
    expect(specOf().linux.seccomp).toEqual(profileToOciSeccomp(DOCKER_DEFAULT_PROFILE, DOCKER_DEFAULT_CAPS));
  });

  it.each([
    ['amd64', ['SCMP_ARCH_X86_64', 'SCMP_ARCH_X86', 'SCMP_ARCH_X32']],
    ['arm64', ['SCMP_ARCH_AARCH64', 'SCMP_ARCH_ARM']],
    ['s390x', ['SCMP_ARCH_S390X', 'SCMP_ARCH_S390']],
  ])('on %s the architectures come from archMap: %j', (arch, arches) => {
    expect(profileToOciSeccomp(DOCKER_DEFAULT_PROFILE, DOCKER_DEFAULT_CAPS, arch).architectures).toEqual(arches);
  });

  it.each(['keyctl', 'add_key', 'request_key', 'io_uring_setup', 'userfaultfd', 'kexec_load'])(
    '%s is in no rule of the default filter: the default action (EPERM) refuses it', (name) => {
      const names = (specOf().linux.seccomp?.syscalls ?? []).flatMap((r) => r.names);
      expect(names).not.toContain(name);
    });

  it.each([
    ['read', [], true],
    ['arch_prctl', [], true],
    ['sync_file_range2', [], false],
    ['bpf', [], false],
    ['bpf', ['CAP_SYS_ADMIN'], true],
    ['clone3', [], true],
  ] as const)('%s with extra caps %j is named by a rule: %s', (name, extra, named) => {
    const caps: CapSet = [...DOCKER_DEFAULT_CAPS, ...extra];
    const names = (profileToOciSeccomp(DOCKER_DEFAULT_PROFILE, caps).syscalls ?? []).flatMap((r) => r.names);
    expect(names.includes(name)).toBe(named);
  });

  it('drops the minKernel rule on a kernel older than it asks for', () => {
    const names = (k: readonly [number, number]) => (profileToOciSeccomp(DOCKER_DEFAULT_PROFILE, DOCKER_DEFAULT_CAPS, 'amd64', k).syscalls ?? []).flatMap((r) => r.names);
    expect(names([4, 4])).not.toContain('ptrace');
    expect(names([4, 8])).toContain('ptrace');
  });
});

describe('ociSeccompToProfile: the evaluator runs a spec\'s filter', () => {
  it.each(CAP_SETS)('under "%s" every x86_64 syscall is decided as the profile decides it for those caps', (_name, caps) => {
    const back = ociSeccompToProfile(profileToOciSeccomp(DOCKER_DEFAULT_PROFILE, caps));
    const mismatches = X86_64_NAMES.filter((name) => {
      const call = { name, args: [] };
      return outcome(evaluateSeccomp(back, call, { caps: [] })) !== outcome(evaluateSeccomp(DOCKER_DEFAULT_PROFILE, call, { caps }));
    });
    expect(mismatches).toEqual([]);
  });

  it.each([
    ['keyctl', [3], 'SCMP_ACT_ERRNO:EPERM'],
    ['add_key', [0], 'SCMP_ACT_ERRNO:EPERM'],
    ['read', [0], 'SCMP_ACT_ALLOW:'],
    ['clone3', [0], 'SCMP_ACT_ERRNO:ENOSYS'],
    ['socket', [38], 'SCMP_ACT_ERRNO:EPERM'],
    ['socket', [2], 'SCMP_ACT_ALLOW:'],
    ['clone', [0x10000000 | 17], 'SCMP_ACT_ERRNO:EPERM'],
    ['clone', [17], 'SCMP_ACT_ALLOW:'],
  ] as const)('%s(%j) in a default container: %s', (name, args, expected) => {
    const back = ociSeccompToProfile(specOf().linux.seccomp ?? { defaultAction: 'SCMP_ACT_ALLOW' });
    expect(outcome(evaluateSeccomp(back, { name, args: [...args] }))).toBe(expected);
  });

  it('round-trips: back to OCI form gives the same filter', () => {
    const oci = profileToOciSeccomp(DOCKER_DEFAULT_PROFILE, DOCKER_DEFAULT_CAPS);
    expect(profileToOciSeccomp(ociSeccompToProfile(oci), DOCKER_DEFAULT_CAPS)).toEqual(oci);
  });

  it('keeps errno, flags, architectures and argument pairs', () => {
    const oci: OciSeccomp = {
      defaultAction: 'SCMP_ACT_KILL_PROCESS', defaultErrnoRet: 38, architectures: ['SCMP_ARCH_X86_64'], flags: ['SECCOMP_FILTER_FLAG_LOG'],
      syscalls: [{ names: ['mmap'], action: 'SCMP_ACT_ERRNO', errnoRet: 13, args: [{ index: 2, value: 4, valueTwo: 4, op: 'SCMP_CMP_MASKED_EQ' }] }],
    };
    const profile = ociSeccompToProfile(oci);
    expect(profile.syscalls[0]?.args).toEqual([{ index: 2, value: 4n, valueTwo: 4n, op: 'SCMP_CMP_MASKED_EQ' }]);
    expect(profileToOciSeccomp(profile, [])).toEqual(oci);
    expect(outcome(evaluateSeccomp(profile, { name: 'mmap', args: [0, 0, 7] }))).toBe('SCMP_ACT_ERRNO:EACCES');
    expect(outcome(evaluateSeccomp(profile, { name: 'mmap', args: [0, 0, 3] }))).toBe('SCMP_ACT_KILL_PROCESS:');
  });
});
