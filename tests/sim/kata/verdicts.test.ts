import { describe, expect, it } from 'vitest';
import { KATA } from '../../../src/sim/runtime/kata.ts';
import type { SyscallVerdict } from '../../../src/sim/trace.ts';
import { referenceCsv } from '../../helpers/reference.ts';

/**
 * verdicts() under Kata: the guest kernel answers. Held against the x86_64
 * table (an empty entry point, or _sysctl's sys_ni_syscall, is ENOSYS) and,
 * with guest-seccomp=on, against Docker's profile evaluated for a default
 * container (docker_default_seccomp_summary.csv).
 */
const TABLE = referenceCsv('syscalls_x86_64.csv');
const SUMMARY = referenceCsv('docker_default_seccomp_summary.csv');
const NO_ENTRY = new Set(TABLE.filter((r) => !r.entry_point || r.entry_point === 'sys_ni_syscall').map((r) => r.name ?? ''));

const byName = (rows: SyscallVerdict[]) => new Map(rows.map((r) => [r.name, r]));
const OFF = byName(KATA.verdicts());
const ON = byName(KATA.verdicts({ 'guest-seccomp': 'on' }));

const EXPECTED: Record<string, Pick<SyscallVerdict, 'verdict' | 'errno'>> = {
  allowed: { verdict: 'allow', errno: null },
  allowed_if_args_match: { verdict: 'conditional', errno: null },
  EPERM: { verdict: 'deny', errno: 'EPERM' },
  ENOSYS: { verdict: 'deny', errno: 'ENOSYS' },
};

describe('Kata verdicts with guest seccomp off (the default)', () => {
  it('has one row per x86_64 syscall, and 17 are ENOSYS (16 empty slots and _sysctl)', () => {
    expect(OFF.size).toBe(385);
    expect(NO_ENTRY.size).toBe(17);
  });

  it.each(TABLE.map((r) => ({ name: r.name ?? '', number: Number(r.number) })))('$number $name: the guest kernel answers', ({ name, number }) => {
    const v = OFF.get(name);
    expect(v?.number).toBe(number);
    expect(v?.handledBy).toBe('guest-kernel');
    expect(v?.verdict).toBe(NO_ENTRY.has(name) ? 'deny' : 'allow');
    expect(v?.errno).toBe(NO_ENTRY.has(name) ? 'ENOSYS' : null);
  });
});

/** Docker's profile allows these, but x86_64 has no entry point: the guest kernel returns ENOSYS. */
const NO_ENTRY_BUT_ALLOWED = ['set_thread_area', 'get_thread_area', 'epoll_ctl_old', 'epoll_wait_old'];

describe('Kata verdicts with guest-seccomp=on: the agent installs the OCI profile', () => {
  it.each(SUMMARY.filter((r) => !NO_ENTRY_BUT_ALLOWED.includes(r.name ?? '')).map((r) => ({ name: r.name ?? '', result: r.default_container_result ?? '' })))(
    '$name: $result, decided by the guest seccomp filter when denied',
    ({ name, result }) => {
      const v = ON.get(name);
      expect({ verdict: v?.verdict, errno: v?.errno }).toEqual(EXPECTED[result]);
      if (v?.verdict !== 'allow') expect(v?.handledBy).toBe('guest-seccomp');
    },
  );

  it.each(NO_ENTRY_BUT_ALLOWED)('%s passes the filter and meets the guest kernel\'s ENOSYS', (name) => {
    expect(ON.get(name)).toMatchObject({ verdict: 'deny', errno: 'ENOSYS', handledBy: 'guest-kernel' });
  });

  it.each(['open_tree_attr', 'file_getattr', 'file_setattr', 'listns', 'rseq_slice_yield'])('%s gets the profile\'s EPERM: the agent adds no runc-style ENOSYS stub', (name) => {
    expect(ON.get(name)).toMatchObject({ verdict: 'deny', errno: 'EPERM', handledBy: 'guest-seccomp' });
  });
});

describe('the replay classifier (defaults)', () => {
  it.each<[string, boolean, string | null, string]>([
    ['keyctl', true, null, 'guest-kernel'],
    ['mount', true, null, 'guest-kernel'],
    ['uselib', false, 'ENOSYS', 'guest-kernel'],
    ['not_a_syscall', false, 'ENOSYS', 'guest-kernel'],
  ])('%s → allowed %s, %s, at %s', (name, allowed, errno, layer) => {
    const out = KATA.classify(name, () => []);
    expect({ allowed: out.allowed, errno: out.errno, layer: out.layer }).toEqual({ allowed, errno, layer });
    expect(KATA.argDependent(name)).toBe(false);
  });
});
