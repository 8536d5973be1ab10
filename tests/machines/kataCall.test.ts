import { describe, expect, it } from 'vitest';
import type { RuntimeOptions } from '../../src/sim/runtime/types.ts';
import type { CallTrace } from '../../src/sim/trace.ts';
import { KATA } from '../../src/sim/runtime/kata.ts';
import { bootKata, callsOf, hostCalls, onlyCall, requests, runLines, withCaps } from '../sim/kata/session.ts';
import { measurements } from '../helpers/reference.ts';

const HOST_LAYERS = new Set(KATA.layers.filter((l) => l.hostKernel).map((l) => l.id));
const touchesHost = (c: CallTrace) => c.hops.some((h) => h.hostCall || HOST_LAYERS.has(h.layer));
const OPEN_PASSWD = 'openat(AT_FDCWD, "/etc/passwd", O_RDONLY)';

describe('calls the guest kernel answers alone', () => {
  it.each<[string, RuntimeOptions, string, number, string | null]>([
    ['getpid', {}, 'getpid()', 1, null],
    ['getpid on Firecracker', { hypervisor: 'firecracker' }, 'getpid()', 1, null],
    ['a /proc read', {}, 'openat(AT_FDCWD, "/proc/self/status", O_RDONLY)', 3, null],
    ['a tmpfs file (/dev/shm)', {}, 'openat(AT_FDCWD, "/dev/shm/x", O_RDWR|O_CREAT, 0600)', 3, null],
    ['mount tmpfs: Docker\'s capabilities lack CAP_SYS_ADMIN', {}, 'mount("none", "/mnt", "tmpfs", 0, NULL)', -1, 'EPERM'],
    ['keyctl with guest seccomp off: the guest kernel runs it', {}, 'keyctl(KEYCTL_GET_KEYRING_ID, KEY_SPEC_SESSION_KEYRING, 0)', 0, null],
    ['keyctl with guest-seccomp=on: the agent\'s filter refuses it', { 'guest-seccomp': 'on' }, 'keyctl(KEYCTL_GET_KEYRING_ID, KEY_SPEC_SESSION_KEYRING, 0)', -1, 'EPERM'],
    ['a UDP socket', {}, 'socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP)', 3, null],
  ])('%s: no hop reaches the host', (_label, options, input, retval, errno) => {
    const c = onlyCall(options, input);
    expect({ retval: c.retval, errno: c.errno, servedBy: c.servedBy }).toEqual({ retval, errno, servedBy: 'guest' });
    expect(touchesHost(c)).toBe(false);
    expect(c.hops.map((h) => h.layer)).not.toContain('host-kernel');
  });

  it.each<[RuntimeOptions, string, string | null]>([
    [{}, 'guest-kernel', 'in the guest: capabilities: mount needs CAP_SYS_ADMIN'],
    [{ 'guest-seccomp': 'on' }, 'guest-seccomp', null],
  ])('mount is denied by %j at %s', (options, layer, reason) => {
    const c = onlyCall(options, 'mount("none", "/mnt", "tmpfs", 0, NULL)');
    expect(c.deniedBy).toBe(layer);
    if (reason) expect(c.reason).toBe(reason);
  });

  it('mount tmpfs with CAP_SYS_ADMIN granted succeeds, still only in the guest', () => {
    const s = withCaps(bootKata(), 'CAP_SYS_ADMIN');
    const { run } = runLines(s, 'mount -t tmpfs none /mnt');
    const mount = run.calls.find((c) => c.name === 'mount');
    expect(mount?.retval).toBe(0);
    expect(run.calls.some(touchesHost)).toBe(false);
  });

  it.each<[RuntimeOptions, string, string]>([
    [{}, 'guest-seccomp', 'pass'],
    [{ 'guest-seccomp': 'on' }, 'guest-seccomp', 'deny'],
  ])('keyctl under %j: the %s hop says %s', (options, layer, verdict) => {
    const c = onlyCall(options, 'keyctl(KEYCTL_GET_KEYRING_ID, KEY_SPEC_SESSION_KEYRING, 0)');
    expect(c.hops.find((h) => h.layer === layer)?.verdict).toBe(verdict);
    if (verdict === 'pass') expect(c.hops.some((h) => h.layer === 'guest-kernel' && h.state === 'handler.execute')).toBe(true);
  });

  it('a syscall enters the guest kernel without a VM exit', () => {
    const c = onlyCall({}, 'getpid()');
    expect(c.hops.map((h) => h.layer)).toEqual(['app', 'libc', 'guest-syscall', 'guest-seccomp', 'guest-kernel', 'guest-syscall']);
  });
});

describe('a rootfs file leaves the VM by the configured transport', () => {
  it.each<[string, RuntimeOptions, string[], string[]]>([
    ['virtio-fs → virtiofsd', {}, ['FUSE_LOOKUP', 'FUSE_OPEN'], [
      'virtiofsd: read (allowed)', 'virtiofsd: openat2 (allowed)', 'virtiofsd: statx (allowed)', 'virtiofsd: write (allowed)',
      'virtiofsd: read (allowed)', 'virtiofsd: openat (allowed)', 'virtiofsd: write (allowed)']],
    ['virtio-9p → QEMU\'s 9p server, no filter', { 'shared-fs': 'virtio-9p' }, ['Twalk', 'Tlopen'], [
      'qemu-system-x86_64: read (none)', 'qemu-system-x86_64: openat (none)', 'qemu-system-x86_64: newfstatat (none)', 'qemu-system-x86_64: close (none)', 'qemu-system-x86_64: write (none)',
      'qemu-system-x86_64: read (none)', 'qemu-system-x86_64: openat (none)', 'qemu-system-x86_64: write (none)']],
    ['Cloud Hypervisor still uses virtiofsd', { hypervisor: 'clh' }, ['FUSE_LOOKUP', 'FUSE_OPEN'], [
      'virtiofsd: read (allowed)', 'virtiofsd: openat2 (allowed)', 'virtiofsd: statx (allowed)', 'virtiofsd: write (allowed)',
      'virtiofsd: read (allowed)', 'virtiofsd: openat (allowed)', 'virtiofsd: write (allowed)']],
    ['Firecracker → virtio-blk in the VMM thread', { hypervisor: 'firecracker' }, ['VIRTIO_BLK_T_IN'], [
      'firecracker (vmm thread): read (allowed)', 'firecracker (vmm thread): lseek (allowed)', 'firecracker (vmm thread): read (allowed)', 'firecracker (vmm thread): write (allowed)']],
  ])('%s', (_label, options, reqs, calls) => {
    const c = onlyCall(options, OPEN_PASSWD);
    expect(c.retval).toBe(3);
    expect(requests([c])).toEqual(reqs);
    expect(hostCalls(c)).toEqual(calls);
    expect(c.hops.filter((h) => h.layer === 'vm-exit')).toHaveLength(reqs.length);
  });

  it('the FUSE path runs guest VFS → FUSE → VM exit → virtiofsd → its filter → the host kernel → interrupt back', () => {
    const c = onlyCall({}, OPEN_PASSWD);
    const layers = c.hops.map((h) => h.layer);
    const order = ['guest-vfs', 'guest-driver', 'vm-exit', 'virtiofsd', 'host-seccomp', 'host-kernel', 'kvm', 'guest-kernel'].map((l) => layers.indexOf(l));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(c.hops.find((h) => h.hostCall?.name === 'openat2')?.hostEntry).toBe('sys_openat2');
  });

  it.each<[RuntimeOptions, string[]]>([
    [{}, ['FUSE_LOOKUP']],
    [{ hypervisor: 'firecracker' }, ['VIRTIO_BLK_T_IN']],
  ])('a missing rootfs name is still looked up on the server under %j', (options, reqs) => {
    const c = onlyCall(options, 'openat(AT_FDCWD, "/etc/nope", O_RDONLY)');
    expect(c.errno).toBe('ENOENT');
    expect(requests([c])).toEqual(reqs);
  });

  it.each<[RuntimeOptions, boolean]>([[{}, true], [{ hypervisor: 'firecracker' }, false]])('/etc/hostname (a bind mount) under %j leaves the VM: %s (Firecracker copied it in with CopyFile)', (options, leaves) => {
    expect(touchesHost(onlyCall(options, 'openat(AT_FDCWD, "/etc/hostname", O_RDONLY)'))).toBe(leaves);
  });
});

describe('virtio-fs caching: what a repeat cat asks the host for', () => {
  const second = (options: RuntimeOptions) => {
    const { session } = runLines(bootKata(options), 'cat /etc/passwd');
    return requests(runLines(session, 'cat /etc/passwd').run.calls);
  };

  it.each<[string, RuntimeOptions, string[]]>([
    // auto: the name is trusted for 1 s, but the open drops the pages (no FOPEN_KEEP_CACHE): the data is read again.
    ['auto (the default)', {}, ['FUSE_OPEN', 'FUSE_READ', 'FUSE_FLUSH', 'FUSE_RELEASE']],
    // always: names for a day and pages kept across opens: the repeat read never leaves the guest.
    ['always', { 'virtio-fs-cache': 'always' }, ['FUSE_OPEN', 'FUSE_FLUSH', 'FUSE_RELEASE']],
    // never: no name cache, no attribute cache, direct I/O: every read goes out, the end-of-file read too.
    ['never', { 'virtio-fs-cache': 'never' }, ['FUSE_LOOKUP', 'FUSE_OPEN', 'FUSE_GETATTR', 'FUSE_READ', 'FUSE_READ', 'FUSE_FLUSH', 'FUSE_RELEASE']],
    ['metadata', { 'virtio-fs-cache': 'metadata' }, ['FUSE_OPEN', 'FUSE_READ', 'FUSE_READ', 'FUSE_FLUSH', 'FUSE_RELEASE']],
    // DAX: the file is mapped once; reads are copies through the window.
    ['auto with DAX', { dax: 'on' }, ['FUSE_OPEN', 'FUSE_FLUSH', 'FUSE_RELEASE']],
    ['9p (cache=mmap) asks every time', { 'shared-fs': 'virtio-9p' }, ['Twalk', 'Tlopen', 'Tgetattr', 'Tread', 'Tread', 'Tclunk']],
    ['Firecracker: the guest page cache holds the blocks', { hypervisor: 'firecracker' }, []],
  ])('%s', (_label, options, expected) => {
    expect(second(options)).toEqual(expected);
  });

  it('the first cat with DAX maps the file (FUSE_SETUPMAPPING: virtiofsd asks QEMU to mmap it) and reads through the window', () => {
    const calls = callsOf({ dax: 'on' }, 'cat /etc/passwd');
    expect(requests(calls)).toEqual(['FUSE_LOOKUP', 'FUSE_OPEN', 'FUSE_SETUPMAPPING', 'FUSE_FLUSH', 'FUSE_RELEASE']);
    const read = calls.find((c) => c.name === 'read');
    expect(hostCalls(read as CallTrace)).toEqual(['virtiofsd: read (allowed)', 'virtiofsd: sendmsg (allowed)', 'qemu-system-x86_64: mmap (none)', 'virtiofsd: write (allowed)']);
    expect(read?.hops.some((h) => h.layer === 'guest-vfs' && /DAX window/.test(h.note))).toBe(true);
  });

  it('auto trusts a name for 1 s of modelled time', () => {
    const { session } = runLines(bootKata(), OPEN_PASSWD);
    const later = { ...session, world: { ...session.world, timeNs: session.world.timeNs + 2e9 } };
    expect(requests(runLines(session, OPEN_PASSWD).run.calls)).toEqual(['FUSE_OPEN']);
    expect(requests(runLines(later, OPEN_PASSWD).run.calls)).toEqual(['FUSE_LOOKUP', 'FUSE_OPEN']);
  });
});

describe('packets and the terminal', () => {
  const SOCKET = 'socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)';
  const connect = (ip: string) => `connect(3, {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("${ip}")}, 16)`;

  it.each<[string, RuntimeOptions, string[], string[]]>([
    ['QEMU: vhost-net, a host kernel thread, no helper syscall', {}, ['vm-exit', 'vhost', 'vhost'], []],
    ['Cloud Hypervisor: its virtio-net thread writev()s the tap', { hypervisor: 'clh' }, ['vm-exit', 'vmm', 'vmm'], ['cloud-hypervisor (virtio-net thread): read (allowed)', 'cloud-hypervisor (virtio-net thread): writev (allowed)']],
    ['Firecracker: its VMM thread writev()s the tap', { hypervisor: 'firecracker' }, ['vm-exit', 'vmm', 'vmm'], ['firecracker (vmm thread): read (allowed)', 'firecracker (vmm thread): writev (allowed)']],
  ])('a TCP connect to another host, %s', (_label, options, layers, calls) => {
    const { run } = runLines(bootKata(options), SOCKET, connect('93.184.216.34'));
    const [c] = run.calls;
    expect(c?.retval).toBe(0);
    expect(c?.hops.filter((h) => ['vm-exit', 'vhost', 'vmm'].includes(h.layer)).map((h) => h.layer)).toEqual(layers);
    expect(hostCalls(c as CallTrace)).toEqual(calls);
  });

  it('a connect to loopback never leaves the guest', () => {
    const { run } = runLines(bootKata(), SOCKET, connect('127.0.0.1'));
    expect(touchesHost(run.calls[0] as CallTrace)).toBe(false);
  });

  it.each<[RuntimeOptions, string[]]>([
    [{}, ['containerd-shim-kata-v2: read (none)', 'containerd-shim-kata-v2: write (none)']],
    [{ hypervisor: 'firecracker' }, ['firecracker (vmm thread): read (allowed)', 'firecracker (vmm thread): write (allowed)', 'containerd-shim-kata-v2: read (none)', 'containerd-shim-kata-v2: write (none)']],
  ])('terminal output under %j goes out through kata-agent and ReadStdout', (options, calls) => {
    const c = onlyCall(options, 'write(1, "hi\\n", 3)');
    expect(c.hops.some((h) => h.layer === 'kata-agent' && /ReadStdout/.test(h.note))).toBe(true);
    expect(hostCalls(c)).toEqual(calls);
  });
});

describe('every trace', () => {
  const SOURCES = new Set(measurements().map((m) => m.id));
  const INPUTS = ['cat /etc/passwd', 'ls /', 'echo hi > /tmp/x', 'rm /tmp/x', 'mkdir /tmp/d', 'uname -a', 'id'];
  const CONFIGS: RuntimeOptions[] = [{}, { 'shared-fs': 'virtio-9p' }, { hypervisor: 'clh' }, { hypervisor: 'firecracker' }, { dax: 'on' }, { 'virtio-fs-cache': 'never' }, { 'guest-seccomp': 'on' }];
  const cases = CONFIGS.flatMap((o) => INPUTS.map((i) => [o, i] as const));

  it.each(cases)('%j %s: every cost cites a measurement or estimate, and the clock moves by the hops', (options, input) => {
    const s = bootKata(options);
    const { run, session } = runLines(s, input);
    for (const c of run.calls) for (const h of c.hops) expect(h.source === 'estimate' || SOURCES.has(h.source), `${h.layer}: ${h.source}`).toBe(true);
    const total = run.calls.flatMap((c) => c.hops).reduce((sum, h) => sum + h.costNs, 0);
    expect(session.world.timeNs - s.world.timeNs).toBeCloseTo(total, 1);
  });

  it.each(cases)('%j %s: every hop names a layer of the runtime', (options, input) => {
    const ids = new Set(KATA.layers.map((l) => l.id));
    for (const c of runLines(bootKata(options), input).run.calls) for (const h of c.hops) expect(ids.has(h.layer), h.layer).toBe(true);
  });
});

describe('bad input never throws', () => {
  it.each([
    'read(99, "", 10)', 'close(-1)', 'write(42, "x", 1)', 'openat(77, "rel", O_RDONLY)', 'connect(9, NULL, 0)',
    'sendto(3, "x", 1, 0, NULL, 0)', 'getdents64(3, NULL, 10)', 'fsync(0)', 'newfstatat(5, "", NULL, AT_EMPTY_PATH)',
    'openat(AT_FDCWD, "", O_RDONLY)', 'uselib("/x")', 'mount(NULL, NULL, NULL, 0, NULL)', 'unlinkat(AT_FDCWD, "/", AT_REMOVEDIR)',
  ])('%s gives a trace with its errno or value', (input) => {
    const c = onlyCall({ hypervisor: 'firecracker' }, input);
    expect(c.line.startsWith(c.name)).toBe(true);
    expect(c.errno !== null || c.retval !== null).toBe(true);
  });
});
