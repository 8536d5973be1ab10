import { describe, expect, it } from 'vitest';
import { referenceCsv, referenceList } from '../../helpers/reference.ts';
import { GVISOR } from '../../../src/sim/runtime/gvisor.ts';
import { resolveOptions } from '../../../src/sim/runtime/options.ts';
import { syscallByNumber } from '../../../src/sim/syscalls/catalogue.ts';

/** What `isolab verdicts --runtime gvisor` must say per the reference row (issue 3, point 1). */
function expected(row: Record<string, string>): { verdict: string; errno: string | null } {
  if (row.status === 'supported' || row.status === 'partial') return { verdict: 'allow', errno: null };
  if (row.status === 'unimplemented') return { verdict: 'deny', errno: 'ENOSYS' };
  // CapError: EPERM for a default container, which lacks every capability these rows name.
  return { verdict: 'deny', errno: (row.errno ?? '').startsWith('EPERM without') ? 'EPERM' : row.errno ?? null };
}

const ROWS = referenceCsv('gvisor_syscalls_amd64.csv');

describe('gVisor verdicts against gvisor_syscalls_amd64.csv', () => {
  const verdicts = new Map(GVISOR.verdicts().map((v) => [v.number, v]));
  it('has one row per x86_64 syscall', () => expect(verdicts.size).toBe(385));
  it.each(ROWS.map((r) => [Number(r.number), r] as const))('%i agrees', (number, row) => {
    const v = verdicts.get(number);
    expect(v?.name).toBe(syscallByNumber(number)?.name);
    expect({ verdict: v?.verdict, errno: v?.errno ?? null }).toEqual(expected(row));
  });
});

describe("gVisor's host attack surface: the Sentry's filter", () => {
  const ref = referenceList('gvisor_sentry_host_syscalls.txt');
  const csv = referenceCsv('gvisor_sentry_host_syscalls.csv');
  it('is exactly the reference set with the default options', () => {
    expect(GVISOR.surface().map((r) => r.name).sort()).toEqual([...ref].sort());
  });
  it.each(csv.map((r) => [r.name ?? '', r.arg_filtered === 'yes'] as const))('%s argument-filtered: %s', (name, filtered) => {
    expect(GVISOR.surface().find((r) => r.name === name)?.argFiltered).toBe(filtered);
  });
  it('loses the directfs-only syscalls with directfs off; utimensat stays through the core group', () => {
    const off = new Set(GVISOR.surface({ directfs: 'off' }).map((r) => r.name));
    const directfsOnly = csv.filter((r) => r.groups === 'directfs').map((r) => r.name ?? '');
    expect(directfsOnly).toHaveLength(16);
    for (const name of directfsOnly) expect(off.has(name)).toBe(false);
    expect(off.has('utimensat')).toBe(true);
    expect(off.size).toBe(ref.length - 16);
  });
});

describe('gVisor options', () => {
  it.each([
    [{ platform: 'kvm' }, true, ''],
    [{ platform: 'xen' }, false, '--platform takes systrap, ptrace, kvm'],
    [{ directfs: 'maybe' }, false, '--directfs takes on, off'],
    [{ platfrom: 'kvm' }, false, 'did you mean --platform?'],
  ])('%o', (given, ok, message) => {
    const r = resolveOptions(GVISOR, given);
    expect(r.ok).toBe(ok);
    if (!r.ok) expect(r.message).toContain(message);
  });

  it('--oci-seccomp puts Docker\'s profile in front of the table', () => {
    const by = (o: Record<string, string>) => new Map(GVISOR.verdicts(o).map((v) => [v.name, v]));
    const off = by({});
    const on = by({ 'oci-seccomp': 'on' });
    // keyctl: the profile blocks it (EPERM) before the Sentry's table, which implements it in part.
    expect(on.get('keyctl')).toMatchObject({ verdict: 'deny', errno: 'EPERM', handledBy: 'sentry-seccomp' });
    expect(off.get('keyctl')).toMatchObject({ verdict: 'allow', handledBy: 'sentry' });
    expect(on.get('getpid')).toMatchObject({ verdict: 'allow' });
    expect(on.get('socket')).toMatchObject({ verdict: 'conditional', handledBy: 'sentry-seccomp' });
  });
});

describe("the Sentry's filter under other settings (runsc/boot/filter/config and the platforms' filters.go)", () => {
  it.each([
    [{ network: 'host' }, 105, ['socket', 'connect', 'bind', 'sendto', 'recvfrom', 'setsockopt', 'getsockname', 'getpeername', 'readv']],
    [{ platform: 'ptrace' }, 94, ['ptrace', 'wait4', 'rt_tgsigqueueinfo']],
    [{ platform: 'kvm' }, 94, ['arch_prctl', 'rt_sigsuspend', 'rt_sigtimedwait']],
  ])('%o: %i syscalls, adding %o', (options, count, added) => {
    const names = new Set(GVISOR.surface(options).map((r) => r.name));
    expect(names.size).toBe(count);
    for (const name of added) expect(names.has(name)).toBe(true);
  });
  it('kvm drops the systrap-only rules', () => {
    const names = new Set(GVISOR.surface({ platform: 'kvm' }).map((r) => r.name));
    for (const name of ['ptrace', 'wait4', 'waitid', 'setpriority']) expect(names.has(name)).toBe(false);
  });
});
