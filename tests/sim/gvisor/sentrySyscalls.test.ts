import { describe, expect, it } from 'vitest';
import { referenceCsv } from '../../helpers/reference.ts';
import { allSyscalls, syscallByNumber } from '../../../src/sim/syscalls/catalogue.ts';
import type { Capability } from '../../../src/sim/kernel/capabilities.ts';
import type { ErrnoName } from '../../../src/sim/errno.ts';
import { sentryHandling, sentryVerdict } from '../../../src/sim/gvisor/sentrySyscalls.ts';

const ROWS = referenceCsv('gvisor_syscalls_amd64.csv');

/** A reference row keyed by the catalogue's name (the CSV follows gVisor's `sysctl` for `_sysctl`). */
const CASES = ROWS.map((row) => {
  const info = syscallByNumber(Number(row.number));
  if (!info) throw new Error(`catalogue has no syscall ${row.number}`);
  return [info.name, row] as const;
});

/** `EPERM without CAP_SYS_NICE; ENOSYS with it` → errno EPERM, capability CAP_SYS_NICE. */
function expectedError(field: string): { errno: string | null; capability: string | null } {
  const cap = /^EPERM without (CAP_\w+); ENOSYS with it$/.exec(field);
  if (cap) return { errno: 'EPERM', capability: cap[1] ?? null };
  return { errno: field || null, capability: null };
}

describe('sentryHandling against gVisor linux64.go (reference CSV)', () => {
  it('covers every catalogue syscall, one reference row each', () => {
    expect(CASES.map(([name]) => name)).toEqual(allSyscalls().map((s) => s.name));
  });

  it.each(CASES)('%s', (name, row) => {
    const handling = sentryHandling(name);
    expect(handling.status).toBe(row.status);
    const { errno, capability } = expectedError(row.errno ?? '');
    expect(handling.errno).toBe(errno);
    expect(handling.capability).toBe(capability);
  });

  it.each([
    ['supported', 224],
    ['partial', 64],
    ['error', 63],
    ['unimplemented', 34],
  ])('counts %s: %i', (status, count) => {
    expect(allSyscalls().filter((s) => sentryHandling(s.name).status === status)).toHaveLength(count);
  });

  it('gives every partial syscall a note', () => {
    const partial = allSyscalls().map((s) => sentryHandling(s.name)).filter((h) => h.status === 'partial');
    expect(partial.filter((h) => !h.note?.trim())).toEqual([]);
  });

  it.each(['not_a_syscall', 'constructor', 'toString'])('treats %s as missing from the table', (name) => {
    expect(sentryHandling(name).status).toBe('unimplemented');
  });
});

describe('sentryVerdict', () => {
  it.each<[string, Capability[], 'allow' | 'deny', ErrnoName | null]>([
    ['getpid', [], 'allow', null],
    ['openat', [], 'allow', null],
    // Partial: runs in the Sentry, with the gaps its note names.
    ['mincore', [], 'allow', null],
    ['clone3', [], 'allow', null],
    // Missing from the table: the Missing handler.
    ['openat2', [], 'deny', 'ENOSYS'],
    ['landlock_create_ruleset', ['CAP_SYS_ADMIN'], 'deny', 'ENOSYS'],
    // Fixed errors.
    ['perf_event_open', [], 'deny', 'ENODEV'],
    ['add_key', [], 'deny', 'EACCES'],
    ['name_to_handle_at', [], 'deny', 'EOPNOTSUPP'],
    ['_sysctl', [], 'deny', 'EPERM'],
    ['userfaultfd', ['CAP_SYS_PTRACE'], 'deny', 'ENOSYS'],
    // CapError: EPERM without the capability, ENOSYS with it.
    ['reboot', [], 'deny', 'EPERM'],
    ['reboot', ['CAP_SYS_BOOT'], 'deny', 'ENOSYS'],
    ['reboot', ['CAP_SYS_ADMIN'], 'deny', 'EPERM'],
    ['settimeofday', ['CAP_SYS_TIME'], 'deny', 'ENOSYS'],
    ['init_module', ['CAP_SYS_ADMIN', 'CAP_SYS_MODULE'], 'deny', 'ENOSYS'],
    ['kcmp', [], 'deny', 'EPERM'],
  ])('%s with %j → %s %s', (name, caps, verdict, errno) => {
    expect(sentryVerdict(name, caps)).toEqual({ verdict, errno });
  });
});
