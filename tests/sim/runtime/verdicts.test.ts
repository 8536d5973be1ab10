import { describe, expect, it } from 'vitest';
import { main, type CliIo } from '../../../src/cli/main.ts';
import { findRuntime } from '../../../src/sim/runtime/registry.ts';
import type { RuntimeModel } from '../../../src/sim/runtime/types.ts';
import type { SyscallVerdict } from '../../../src/sim/trace.ts';
import { referenceCsv } from '../../helpers/reference.ts';

/**
 * `verdicts()` of each runtime — what `isolab verdicts` prints — held against
 * the reference: Docker's default profile evaluated for a default container
 * (docker_default_seccomp_summary.csv) and the x86_64 syscall table
 * (syscalls_x86_64.csv, where an empty entry point means sys_ni_syscall).
 */
const SUMMARY = referenceCsv('docker_default_seccomp_summary.csv');
const TABLE = referenceCsv('syscalls_x86_64.csv');

function runtime(id: string): RuntimeModel {
  const rt = findRuntime(id);
  if (!rt) throw new Error(`no runtime ${id}`);
  return rt;
}

function verdictOf(id: string, name: string): SyscallVerdict {
  const v = runtime(id).verdicts().find((r) => r.name === name);
  if (!v) throw new Error(`${id} has no verdict for ${name}`);
  return v;
}

/** default_container_result → the verdict and errno `isolab verdicts` gives. */
const EXPECTED: Record<string, Pick<SyscallVerdict, 'verdict' | 'errno'>> = {
  allowed: { verdict: 'allow', errno: null },
  allowed_if_args_match: { verdict: 'conditional', errno: null },
  EPERM: { verdict: 'deny', errno: 'EPERM' },
  ENOSYS: { verdict: 'deny', errno: 'ENOSYS' },
};

/**
 * Where the model departs from the summary on purpose, and why.
 * (a) Docker's profile allows these four, but x86_64 Linux has no entry point
 *     for them (empty entry_point in syscalls_x86_64.csv: the table slot is
 *     sys_ni_syscall), so the filter lets them through and the kernel returns ENOSYS.
 * (b) runc puts a stub in front of the filter that answers ENOSYS for every
 *     syscall numbered above the highest one the profile names (runc
 *     libcontainer/seccomp/patchbpf/enosys_linux.go), so these newer syscalls
 *     get ENOSYS from seccomp instead of the profile's default EPERM.
 */
const KNOWN_EXCEPTIONS: { name: string; number: number; reference: string; verdict: 'deny'; errno: 'ENOSYS'; handledBy: string; why: string }[] = [
  ...['set_thread_area', 'get_thread_area', 'epoll_ctl_old', 'epoll_wait_old'].map((name) => ({
    name, number: Number(SUMMARY.find((r) => r.name === name)?.number), reference: 'allowed',
    verdict: 'deny' as const, errno: 'ENOSYS' as const, handledBy: 'kernel', why: 'no x86_64 entry point (sys_ni_syscall)',
  })),
  ...['open_tree_attr', 'file_getattr', 'file_setattr', 'listns', 'rseq_slice_yield'].map((name, i) => ({
    name, number: 467 + i, reference: 'EPERM',
    verdict: 'deny' as const, errno: 'ENOSYS' as const, handledBy: 'seccomp', why: "runc's ENOSYS stub for syscalls newer than the profile",
  })),
];
const EXCEPTION_NAMES = new Set(KNOWN_EXCEPTIONS.map((e) => e.name));

describe('runc verdicts against docker_default_seccomp_summary.csv', () => {
  it('has one row per x86_64 syscall, numbered as the table numbers them', () => {
    const rows = runtime('runc').verdicts();
    expect(rows).toHaveLength(385);
    expect(SUMMARY).toHaveLength(385);
    expect(rows.map((r) => [r.number, r.name]).sort((a, b) => Number(a[0]) - Number(b[0])))
      .toEqual(TABLE.map((r) => [Number(r.number), r.name]).sort((a, b) => Number(a[0]) - Number(b[0])));
  });

  it.each(SUMMARY.filter((r) => !EXCEPTION_NAMES.has(r.name ?? '')).map((r) => ({ name: r.name ?? '', number: Number(r.number), result: r.default_container_result ?? '' })))(
    '$number $name: $result',
    ({ name, number, result }) => {
      const v = verdictOf('runc', name);
      expect({ number: v.number, verdict: v.verdict, errno: v.errno }).toEqual({ number, ...EXPECTED[result] });
      // The filter is what decides every row outside the exceptions: it runs before the handler.
      if (v.verdict !== 'allow') expect(v.handledBy).toBe('seccomp');
    },
  );

  it('covers all 385 rows: 376 agree exactly and 9 are the documented exceptions', () => {
    expect(SUMMARY.filter((r) => !EXCEPTION_NAMES.has(r.name ?? ''))).toHaveLength(376);
    expect(KNOWN_EXCEPTIONS).toHaveLength(9);
  });

  it.each(KNOWN_EXCEPTIONS)('known exception: $name ($number) is $errno from $handledBy, not $reference — $why', ({ name, number, reference, verdict, errno, handledBy }) => {
    const row = SUMMARY.find((r) => r.name === name);
    expect({ number: Number(row?.number), result: row?.default_container_result }).toEqual({ number, result: reference });
    expect(verdictOf('runc', name)).toEqual({ number, name, verdict, errno, handledBy });
  });

  it.each(KNOWN_EXCEPTIONS.filter((e) => e.handledBy === 'kernel'))('$name has an empty entry point in syscalls_x86_64.csv', ({ name }) => {
    expect(TABLE.find((r) => r.name === name)?.entry_point).toBe('');
  });
});

describe('host verdicts against syscalls_x86_64.csv', () => {
  /** sys_ni_syscall: an empty entry point, or _sysctl's explicit sys_ni_syscall. */
  const unimplemented = TABLE.filter((r) => r.entry_point === '' || r.entry_point === 'sys_ni_syscall');

  it('has 17 unimplemented syscalls: 16 empty entry points and _sysctl', () => {
    expect(unimplemented).toHaveLength(17);
    expect(TABLE.filter((r) => r.entry_point === '')).toHaveLength(16);
    expect(TABLE.find((r) => r.name === '_sysctl')?.entry_point).toBe('sys_ni_syscall');
  });

  it.each(TABLE.map((r) => ({ name: r.name ?? '', number: Number(r.number), implemented: !unimplemented.includes(r) })))(
    '$number $name (implemented: $implemented)',
    ({ name, number, implemented }) => {
      const expected = implemented
        ? { number, name, verdict: 'allow', errno: null, handledBy: 'kernel' }
        : { number, name, verdict: 'deny', errno: 'ENOSYS', handledBy: 'kernel' };
      expect(verdictOf('host', name)).toEqual(expected);
    },
  );
});

/** A CliIo that keeps what main() writes. */
function fakeIo(): CliIo & { out: string; err: string } {
  const io = {
    out: '', err: '',
    stdout: (s: string) => { io.out += s; },
    stderr: (s: string) => { io.err += s; },
    readFile: () => Promise.reject(Object.assign(new Error('no files in this test'), { code: 'ENOENT' })),
  };
  return io;
}

describe('isolab verdicts --runtime runc', () => {
  it('prints CSV: the fixed header, then one row per syscall that matches verdicts()', async () => {
    const io = fakeIo();
    expect(await main(['verdicts', '--runtime', 'runc'], io)).toBe(0);
    expect(io.err).toBe('');
    const [header, ...rows] = io.out.trimEnd().split('\n');
    expect(header).toBe('number,name,verdict,errno,handled_by');
    expect(rows).toHaveLength(385);
    const expected = runtime('runc').verdicts().map((v) => `${v.number},${v.name},${v.verdict},${v.errno ?? ''},${v.handledBy}`);
    expect(rows).toEqual(expected);
  });

  it.each([
    { name: 'keyctl', row: '250,keyctl,deny,EPERM,seccomp' },
    { name: 'read', row: '0,read,allow,,kernel' },
    { name: 'clone', row: '56,clone,conditional,,seccomp' },
    { name: 'clone3', row: '435,clone3,deny,ENOSYS,seccomp' },
    { name: 'tuxcall', row: '184,tuxcall,deny,EPERM,seccomp' },
  ])('has the row for $name', async ({ row }) => {
    const io = fakeIo();
    await main(['verdicts', '--runtime', 'runc'], io);
    expect(io.out.split('\n')).toContain(row);
  });

  it('prints JSON with --format json: the runtime and 385 verdicts with handled_by', async () => {
    const io = fakeIo();
    expect(await main(['verdicts', '--runtime', 'runc', '--format', 'json'], io)).toBe(0);
    const doc = JSON.parse(io.out) as { runtime: string; verdicts: Record<string, unknown>[] };
    expect(doc.runtime).toBe('runc');
    expect(doc.verdicts).toHaveLength(385);
    expect(doc.verdicts.find((v) => v.name === 'keyctl')).toEqual({ number: 250, name: 'keyctl', verdict: 'deny', errno: 'EPERM', handled_by: 'seccomp' });
    for (const v of doc.verdicts) expect(Object.keys(v)).toEqual(['number', 'name', 'verdict', 'errno', 'handled_by']);
  });
});
