import { describe, expect, it } from 'vitest';
import { runFirecracker, runFirecrackerCall } from '../../src/machines/firecrackerRunner.ts';
import { hostCallsOf } from '../../src/sim/hostcalls/helperProcess.ts';
import { FIRECRACKER } from '../../src/sim/runtime/firecracker.ts';
import type { RuntimeOptions } from '../../src/sim/runtime/types.ts';
import { FIRECRACKER_LAYERS } from '../../src/sim/firecracker/layers.ts';
import { measurements } from '../helpers/reference.ts';
import { lastRun, OPEN_PASSWD, runLines, SEND_DNS, syscall } from '../sim/firecracker/fcCalls.ts';

const boot = (options: RuntimeOptions = {}) => FIRECRACKER.boot({ options });
const VMM = 'firecracker (vmm thread)';
const calls = (run: ReturnType<typeof lastRun>) => hostCallsOf(run.trace.hops).map((c) => `${c.by}: ${c.name} ${c.filter}`);

describe('I/O that leaves a Firecracker microVM', () => {
  it.each<[string, RuntimeOptions, string[], string[]]>([
    ['a virtio-blk read (Sync engine)', {}, [OPEN_PASSWD, 'read(3, "", 4096)'], ['read', 'lseek', 'read', 'write']],
    ['a virtio-blk read (Async engine)', { 'io-engine': 'async' }, [OPEN_PASSWD, 'read(3, "", 4096)'], ['read', 'io_uring_enter', 'read', 'write']],
    ['an fsync (flush request)', {}, [OPEN_PASSWD, 'fsync(3)'], ['read', 'fsync', 'write']],
    ['a datagram to 8.8.8.8 (virtio-net TX)', {}, ['socket(AF_INET, SOCK_DGRAM, 0)', SEND_DNS], ['read', 'writev', 'write']],
  ])('%s ends in host syscalls by the VMM thread, each allowed by its filter', (_what, options, lines, expected) => {
    const run = lastRun(boot(options), runFirecrackerCall, ...lines);
    expect(calls(run)).toEqual(expected.map((n) => `${VMM}: ${n} allowed`));
    expect(run.terminated).toBeNull();
    expect(run.trace.errno).toBeNull();
  });

  it('goes guest → virtio-mmio → VM exit → KVM ioeventfd → VMM thread → host, and back by irqfd', () => {
    const run = lastRun(boot(), runFirecrackerCall, OPEN_PASSWD, 'read(3, "", 4096)');
    const states = run.trace.hops.map((h) => h.state);
    const order = ['guestEntry', 'virtqueue', 'vmExit', 'kvmIoeventfd', 'vmmWake', 'hostSeccomp', 'hostKernel', 'irqInject', 'guestComplete', 'handler.execute', 'returning'];
    expect(order.map((s) => states.indexOf(s))).toEqual([...order.map((s) => states.indexOf(s))].sort((a, b) => a - b));
    expect(order.every((s) => states.includes(s))).toBe(true);
    expect(run.trace.servedBy).toBe('guest');
  });
});

describe('calls the guest kernel answers alone', () => {
  it.each<[string, RuntimeOptions, string[]]>([
    ['getpid()', {}, ['getpid()']],
    ['getpid() without the jailer', { jailer: 'off' }, ['getpid()']],
    ['getpid() with the Async engine and a guest filter', { 'io-engine': 'async', 'guest-seccomp': 'docker-default' }, ['getpid()']],
    ['an open of the rootfs (no data read)', {}, [OPEN_PASSWD]],
    ['a read at end of file', {}, [OPEN_PASSWD, 'read(3, "", 4096)', 'read(3, "", 4096)']],
    ['a read of /proc (in guest memory)', {}, ['openat(AT_FDCWD, "/proc/self/status", O_RDONLY)', 'read(3, "", 4096)']],
    ['a datagram to loopback', {}, ['socket(AF_INET, SOCK_DGRAM, 0)', 'sendto(3, "x", 1, 0, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("127.0.0.1")}, 16)']],
  ])('%s makes no host syscall and no VM exit', (_what, options, lines) => {
    const run = lastRun(boot(options), runFirecrackerCall, ...lines);
    expect(hostCallsOf(run.trace.hops)).toEqual([]);
    expect(run.trace.hops.filter((h) => ['vm-exit', 'kvm', 'vmm', 'host-seccomp', 'host-kernel'].includes(h.layer))).toEqual([]);
  });

  it.each([
    ['kexec_load(0, 0, NULL, 0)', 'ENOSYS', 'guest-kernel'],
    ['init_module(NULL, 0, "")', 'ENOSYS', 'guest-kernel'],
    ['cachestat(3, NULL, NULL, 0)', 'ENOSYS', 'guest-kernel'],
    ['uselib("/lib/x")', 'ENOSYS', 'guest-kernel'],
    // The guest kernel has it; the container's shell lacks CAP_SYS_BOOT there.
    ['kexec_file_load(3, 4, 0, "", 0)', 'EPERM', 'guest-kernel'],
  ])('%s → %s in the guest', (line, errno, deniedBy) => {
    const run = runFirecrackerCall(boot(), syscall(line));
    expect(run.trace.errno).toBe(errno);
    expect(run.trace.deniedBy).toBe(deniedBy);
    expect(hostCallsOf(run.trace.hops)).toEqual([]);
  });

  it.each([
    ['off', null],
    ['docker-default', 'EPERM'],
  ])('with guest-seccomp %s, keyctl gets %s from inside the guest', (value, errno) => {
    const run = runFirecrackerCall(boot({ 'guest-seccomp': value }), syscall('keyctl(KEYCTL_GET_KEYRING_ID, 0, 0)'));
    expect(run.trace.errno).toBe(errno);
    if (errno) expect([run.trace.deniedBy, run.trace.hops.find((h) => h.verdict === 'deny')?.layer]).toEqual(['guest-seccomp', 'guest-seccomp']);
  });
});

describe("a Firecracker thread's filter traps a syscall it does not allow", () => {
  // Real cases: a glibc build's getpid (firecracker#1960, "bad syscall (39)"); an openat of a new file after boot is in no filter.
  it.each([
    ['getpid', 'https://github.com/firecracker-microvm/firecracker/issues/1960'],
    ['openat', 'no thread may open a new file once the filters are on'],
  ])('the VMM thread calling %s (%s) ends the microVM', (name) => {
    const session = boot();
    const open = runFirecrackerCall(session, syscall(OPEN_PASSWD));
    const planner = () => [{ thread: 'vmm' as const, name, purpose: 'test', cost: { ns: 100, source: 'estimate' } }];
    const run = runFirecracker(open.world, session.pid, syscall('read(3, "", 4096)'), session.options, planner);
    expect(calls(run)).toEqual([`${VMM}: ${name} trapped`]);
    expect(run.terminated).toMatch(/SIGSYS.*148/);
    expect(run.trace.line).toMatch(/= \?$/);
    expect([run.trace.retval, run.trace.errno, run.trace.deniedBy]).toEqual([null, null, 'host-seccomp']);
    expect(run.world.procs[session.pid]).toBeUndefined();
  });
});

describe('the modelled cost', () => {
  const ids = new Set(measurements().map((m) => m.id));
  it.each([
    ['getpid()', []],
    ['a block read', [OPEN_PASSWD, 'read(3, "", 4096)']],
    ['a flush', [OPEN_PASSWD, 'fsync(3)']],
  ])('%s: every hop cites a measurement or estimate, and the clock moves by their sum', (_what, lines) => {
    const session = boot();
    const { runs } = runLines(session, runFirecrackerCall, ...(lines.length ? lines : ['getpid()']));
    const last = runs[runs.length - 1]!;
    const before = runs.length > 1 ? runs[runs.length - 2]!.world.timeNs : session.world.timeNs;
    expect(last.trace.hops.filter((h) => h.source !== 'estimate' && !ids.has(h.source))).toEqual([]);
    expect(last.trace.hops.filter((h) => !FIRECRACKER_LAYERS.some((l) => l.id === h.layer))).toEqual([]);
    expect(last.world.timeNs - before).toBeCloseTo(last.trace.hops.reduce((s, h) => s + h.costNs, 0), 3);
  });

  it.each([
    ['on', /jailed: an unprivileged uid in its chroot/],
    ['off', /not jailed/],
  ])('the jailer (%s) shows in the VMM thread\'s hop', (jailer, note) => {
    const run = lastRun(boot({ jailer }), runFirecrackerCall, OPEN_PASSWD, 'read(3, "", 4096)');
    expect(run.trace.hops.find((h) => h.state === 'vmmWake')?.note).toMatch(note);
  });
});
