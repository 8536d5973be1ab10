import { describe, expect, it } from 'vitest';
import { referenceCsv, referenceList } from '../../helpers/reference.ts';
import {
  FIRECRACKER_THREADS, firecrackerThread, isArgFiltered, threadFilter, vmmFilterUnion, type FirecrackerThread,
} from '../../../src/sim/firecracker/vmmFilter.ts';
import { hostSyscall } from '../../../src/sim/hostcalls/helperProcess.ts';

const ROWS = referenceCsv('firecracker_seccomp_x86_64_by_thread.csv');
const sorted = (xs: Iterable<string>): string[] => [...xs].sort();

describe('Firecracker per-thread seccomp filters against resources/seccomp/x86_64-unknown-linux-musl.json', () => {
  it.each(FIRECRACKER_THREADS.map((t) => [t] as const))('the %s thread allows exactly the CSV column', (thread) => {
    const expected = ROWS.filter((r) => r[thread]).map((r) => r.syscall ?? '');
    expect(sorted(threadFilter(thread).keys())).toEqual(sorted(expected));
    expect(sorted(firecrackerThread(thread).allowed ?? [])).toEqual(sorted(expected));
  });

  it.each(ROWS.flatMap((r) => FIRECRACKER_THREADS.filter((t) => r[t]).map((t) => [r.syscall ?? '', t, r[t]] as const)))(
    '%s in the %s thread is %s', (name, thread, rule) => {
      expect(threadFilter(thread).get(name)).toBe(rule);
      expect(isArgFiltered(thread, name)).toBe(rule === 'allow_args');
    });

  it.each([['vmm', 50], ['api', 31], ['vcpu', 27]] as const)('the %s thread allows %i syscalls', (thread, n) => {
    expect(threadFilter(thread).size).toBe(n);
  });

  it('the union over the threads equals firecracker_vmm_seccomp_x86_64.txt (50)', () => {
    const union = referenceList('firecracker_vmm_seccomp_x86_64.txt');
    expect(union).toHaveLength(50);
    expect(sorted(vmmFilterUnion().keys())).toEqual(sorted(union));
  });

  it.each(FIRECRACKER_THREADS.map((t) => [t] as const))('the %s thread traps (SIGSYS) and is drawn as the vmm layer', (thread) => {
    const p = firecrackerThread(thread);
    expect([p.layer, p.onDeny]).toEqual(['vmm', 'trap']);
  });
});

describe('a Firecracker thread making host syscalls', () => {
  const step = { purpose: 'test', costNs: 100, source: 'estimate' };
  it.each<[FirecrackerThread, string, boolean]>([
    ['vmm', 'readv', true], // the sync block engine reads the backing file
    ['vmm', 'io_uring_enter', true], // the async block engine
    ['vmm', 'openat', false], // after boot no thread may open a new file (only legacy open is allowed)
    ['vmm', 'pread64', false],
    ['vmm', 'execve', false],
    ['api', 'readv', false],
    ['api', 'accept4', true],
    ['vcpu', 'ioctl', true], // KVM_RUN
    ['vcpu', 'read', false],
    ['vcpu', 'socket', false],
  ])('the %s thread calling %s is allowed: %s', (thread, name, allowed) => {
    const r = hostSyscall(firecrackerThread(thread), name, step);
    expect(r.allowed).toBe(allowed);
    const last = r.hops[r.hops.length - 1];
    expect(last?.hostCall?.filter).toBe(allowed ? 'allowed' : 'trapped');
    expect(last?.layer).toBe(allowed ? 'host-kernel' : 'host-seccomp');
  });
});
