import { describe, expect, it } from 'vitest';
import { ALL_CAPS } from '../../../src/sim/kernel/capabilities.ts';
import { DOCKER_DEFAULT_PROFILE } from '../../../src/sim/seccomp/dockerDefaultProfile.ts';
import type { SeccompAction, SeccompProfile } from '../../../src/sim/seccomp/profile.ts';
import { staticSeccompVerdict } from '../../../src/sim/seccomp/staticVerdict.ts';
import { referenceCsv } from '../../helpers/reference.ts';
import { loadReferenceProfile } from './referenceProfile.ts';

/**
 * staticSeccompVerdict against docker_default_seccomp_summary.csv: each
 * x86_64 syscall evaluated for a default `docker run` container (amd64,
 * kernel ≥ 4.8, Docker's default capabilities).
 */
const SUMMARY = referenceCsv('docker_default_seccomp_summary.csv');
const PROFILES: readonly (readonly [string, SeccompProfile])[] = [
  ['built-in', DOCKER_DEFAULT_PROFILE],
  ['reference', loadReferenceProfile()],
];

const EXPECTED = {
  allowed: { verdict: 'allow', errno: null },
  allowed_if_args_match: { verdict: 'conditional' },
  EPERM: { verdict: 'deny', errno: 'EPERM', errnoNumber: 1, signal: null },
  ENOSYS: { verdict: 'deny', errno: 'ENOSYS', errnoNumber: 38, signal: null },
} as const;

describe('docker_default_seccomp_summary.csv', () => {
  it('has the 385 rows and the counts its README gives', () => {
    const count = (value: string) => SUMMARY.filter((r) => r.default_container_result === value).length;
    expect(SUMMARY).toHaveLength(385);
    expect([count('allowed'), count('allowed_if_args_match'), count('ENOSYS'), count('EPERM')]).toEqual([306, 3, 1, 75]);
  });

  describe.each(PROFILES)('the %s profile', (_label, profile) => {
    it('agrees with default_container_result on every row', () => {
      for (const row of SUMMARY) {
        const expected = EXPECTED[row.default_container_result as keyof typeof EXPECTED];
        expect({ name: row.name, ...staticSeccompVerdict(profile, row.name ?? '') }).toMatchObject({ name: row.name, ...expected });
      }
    });

    it('denies every `blocked` row even with every capability', () => {
      for (const row of SUMMARY.filter((r) => r.action_default_profile === 'blocked')) {
        expect({ name: row.name, ...staticSeccompVerdict(profile, row.name ?? '', { caps: ALL_CAPS }) }).toMatchObject({ name: row.name, verdict: 'deny' });
      }
    });
  });
});

describe('staticSeccompVerdict', () => {
  const profile = (action: SeccompAction, errnoRet?: number): SeccompProfile => ({
    defaultAction: 'SCMP_ACT_ERRNO',
    syscalls: [{ names: ['probe'], action, errnoRet }, { names: ['picky'], action: 'SCMP_ACT_ALLOW', args: [{ index: 0, value: 1n, valueTwo: 0n, op: 'SCMP_CMP_EQ' }] }],
  });

  it.each([
    ['SCMP_ACT_ALLOW', undefined, { verdict: 'allow', errno: null, signal: null }],
    ['SCMP_ACT_LOG', undefined, { verdict: 'allow', errno: null, signal: null }],
    ['SCMP_ACT_ERRNO', 13, { verdict: 'deny', errno: 'EACCES', errnoNumber: 13, signal: null }],
    ['SCMP_ACT_KILL', undefined, { verdict: 'deny', action: 'SCMP_ACT_KILL', errno: null, signal: 'SIGSYS' }],
    ['SCMP_ACT_KILL_THREAD', undefined, { verdict: 'deny', errno: null, signal: 'SIGSYS' }],
    ['SCMP_ACT_KILL_PROCESS', undefined, { verdict: 'deny', action: 'SCMP_ACT_KILL_PROCESS', errno: null, signal: 'SIGSYS' }],
    ['SCMP_ACT_TRAP', undefined, { verdict: 'deny', errno: null, signal: 'SIGSYS' }],
    ['SCMP_ACT_TRACE', undefined, { verdict: 'deny', errno: 'ENOSYS' }],
    ['SCMP_ACT_NOTIFY', undefined, { verdict: 'conditional', errno: null }],
  ] as const)('a rule with %s (errnoRet %s) gives %j', (action, errnoRet, expected) => {
    expect(staticSeccompVerdict(profile(action, errnoRet), 'probe')).toMatchObject({ ...expected, rules: [0] });
  });

  it.each([
    ['picky', { verdict: 'conditional', action: 'SCMP_ACT_ERRNO', errno: 'EPERM', rules: [1] }],
    ['absent', { verdict: 'deny', action: 'SCMP_ACT_ERRNO', errno: 'EPERM', rules: [] }],
  ] as const)('%s → %j (no defaultErrnoRet means EPERM)', (name, expected) => {
    expect(staticSeccompVerdict(profile('SCMP_ACT_ALLOW'), name)).toMatchObject(expected);
  });

  it.each([
    ['mount', /allows mount only with CAP_SYS_ADMIN, so for this container the default action makes mount fail with EPERM/],
    ['keyctl', /has no rule for keyctl, so the default action makes keyctl fail with EPERM/],
    ['socket', /allows socket only when domain < AF_ALG \(38\), domain == AF_NFC \(39\) or domain > AF_VSOCK \(40\); otherwise/],
    ['clone3', /makes clone3 fail with ENOSYS because the container lacks CAP_SYS_ADMIN/],
    ['ptrace', /allows ptrace because the kernel is 4.8 or later/],
    ['arch_prctl', /allows arch_prctl because the host is amd64/],
  ])('explains %s in one sentence', (name, pattern) => {
    expect(staticSeccompVerdict(DOCKER_DEFAULT_PROFILE, name).reason).toMatch(pattern);
  });
});
