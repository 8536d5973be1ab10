import { describe, expect, it } from 'vitest';
import { boot, call, run } from '../sim/runtime/sessions.ts';
import { measurements } from '../helpers/reference.ts';
import type { CallTrace } from '../../src/sim/trace.ts';

/** Issue 3, gVisor: where each call is served, and which host syscalls it causes. */
const hostCalls = (c: CallTrace) => c.hops.flatMap((h) => (h.hostCall ? [`${h.hostCall.name} by ${h.hostCall.by.split(' ')[0]}`] : []));
const gvisor = (options: Record<string, string> = {}) => boot('gvisor', { options });

describe('calls the Sentry answers alone: no host syscall', () => {
  it.each([
    ['getpid()', {}],
    ['getpid()', { platform: 'kvm' }],
    ['getuid()', { directfs: 'off' }],
    ['openat(AT_FDCWD, "/proc/self/status", O_RDONLY)', {}],
    ['openat(AT_FDCWD, "/dev/shm/x", O_RDWR|O_CREAT, 0600)', {}],
    ['mkdir("/newdir", 0755)', {}],
    ['socket(AF_INET, SOCK_STREAM, 0)', {}],
    ['sethostname("sandbox", 7)', {}],
  ])('%s %o', (input, options) => {
    const c = call(gvisor(options), input);
    expect(c.servedBy).toBe('sentry');
    expect(hostCalls(c)).toEqual([]);
    expect(c.hops.some((h) => h.layer === 'host-kernel')).toBe(false);
  });
});

describe('a bind-mounted file reaches the host through directfs or the Gofer, inside their filters', () => {
  const open = 'openat(AT_FDCWD, "/etc/hostname", O_RDONLY)';
  it.each([
    [{}, ['openat by runsc-sandbox', 'statx by runsc-sandbox', 'openat by runsc-sandbox']],
    [{ directfs: 'off' }, ['futex by runsc-sandbox', 'openat by runsc-gofer', 'statx by runsc-gofer', 'openat by runsc-gofer', 'dup by runsc-gofer', 'recvmsg by runsc-sandbox']],
  ])('%o', (options, expected) => {
    const c = call(gvisor(options), open);
    expect(c.retval).toBe(3);
    expect(hostCalls(c)).toEqual(expected);
    expect(c.hops.filter((h) => h.hostCall).every((h) => h.hostCall?.filter === 'allowed')).toBe(true);
  });

  it('a second open of a rootfs file finds the dentry cached: one host openat', () => {
    const first = run(gvisor(), 'openat(AT_FDCWD, "/etc/os-release", O_RDONLY)');
    const again = run(first.session, 'openat(AT_FDCWD, "/etc/os-release", O_RDONLY)').calls[0]!;
    expect(hostCalls(again)).toEqual(['openat by runsc-sandbox']);
  });

  it('reading the file is a pread64 on the host fd; writing the terminal is a host write', () => {
    const r = run(gvisor(), 'cat /etc/hostname');
    const read = r.calls.find((c) => c.name === 'read' && (c.retval ?? 0) > 0)!;
    const write = r.calls.find((c) => c.name === 'write')!;
    expect(hostCalls(read)).toEqual(['pread64 by runsc-sandbox']);
    expect(hostCalls(write)).toEqual(['write by runsc-sandbox']);
    expect(r.stdout).toMatch(/^[0-9a-f]{12}\n$/);
  });
});

describe("the Sentry's syscall table", () => {
  it.each([
    ['openat2(AT_FDCWD, "/etc/passwd", {flags=O_RDONLY, mode=0, resolve=0}, 24)', 'ENOSYS', 'sentry-syscall'],
    ['landlock_create_ruleset(NULL, 0, LANDLOCK_CREATE_RULESET_VERSION)', 'ENOSYS', 'sentry-syscall'],
    ['io_uring_register(3, 0, NULL, 0)', 'ENOSYS', 'sentry-syscall'],
    ['settimeofday(NULL, NULL)', 'EPERM', 'sentry-syscall'],
    ['mount("none", "/mnt", "tmpfs", 0, NULL)', 'EPERM', 'sentry'],
  ])('%s → %s from %s', (input, errno, layer) => {
    const c = call(gvisor(), input);
    expect(c.errno).toBe(errno);
    expect(c.deniedBy).toBe(layer);
    expect(hostCalls(c)).toEqual([]);
  });

  it('uname says the Sentry\'s release', () => {
    expect(call(gvisor(), 'uname({...})').line).toContain('release="4.19.0-gvisor"');
  });
});

describe('--oci-seccomp', () => {
  it.each([
    [{}, null, 'sentry'],
    [{ 'oci-seccomp': 'on' }, 'EPERM', 'sentry-seccomp'],
  ])('keyctl with %o', (options, errno, layer) => {
    const c = call(gvisor(options), 'keyctl(KEYCTL_JOIN_SESSION_KEYRING, NULL)');
    if (errno) expect(c).toMatchObject({ errno, deniedBy: layer });
    else expect(c.hops.some((h) => h.layer === layer && h.state?.startsWith('sentry.handler'))).toBe(true);
  });
});

describe('the platforms', () => {
  it.each([
    ['systrap', ['platform.seccompTrap', 'platform.sigsys']],
    ['ptrace', ['platform.sysemuStop']],
    ['kvm', ['platform.guestTrap']],
  ])('%s catches the call with %o', (platform, states) => {
    const c = call(gvisor({ platform }), 'getppid()');
    expect(c.hops.map((h) => h.state).filter((s) => s?.startsWith('platform.') && s !== 'platform.resume')).toEqual(states);
    expect(c.hops.at(-1)?.state).toBe('platform.resume');
  });

  it('systrap patches the call site after its first SIGSYS', () => {
    const first = run(gvisor(), 'getppid()');
    const again = run(first.session, 'getppid()').calls[0]!;
    expect(again.hops.map((h) => h.state)).toContain('platform.patchedJump');
    expect(again.hops.map((h) => h.state)).not.toContain('platform.sigsys');
  });

  it('ptrace costs the Sentry host calls of its own, inside its filter', () => {
    expect(hostCalls(call(gvisor({ platform: 'ptrace' }), 'getpid()'))).toEqual(['wait4 by runsc-sandbox', 'ptrace by runsc-sandbox', 'ptrace by runsc-sandbox', 'ptrace by runsc-sandbox']);
  });
});

describe('network', () => {
  const remote = 'connect(3, {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("93.184.216.34")}, 16)';
  const loop = 'connect(3, {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("127.0.0.1")}, 16)';
  it.each([
    [{}, remote, ['sendmmsg by runsc-sandbox']],
    [{}, loop, []],
    [{ network: 'host' }, remote, ['connect by runsc-sandbox']],
  ])('%o %s', (options, input, expected) => {
    const s = run(gvisor(options), 'socket(AF_INET, SOCK_STREAM, 0)').session;
    const c = run(s, input).calls[0]!;
    expect(hostCalls(c)).toEqual(expected);
    expect(c.hops.filter((h) => h.hostCall).every((h) => h.hostCall?.filter === 'allowed')).toBe(true);
  });
});

describe('every gVisor cost cites a measurement or says estimate', () => {
  const ids = new Set(measurements().map((m) => m.id));
  it.each(['getpid()', 'cat /etc/hostname', 'ls /', 'openat(AT_FDCWD, "/etc/hostname", O_RDONLY)'])('%s', (input) => {
    for (const platform of ['systrap', 'ptrace', 'kvm']) {
      for (const directfs of ['on', 'off']) {
        for (const c of run(gvisor({ platform, directfs }), input).calls) {
          for (const h of c.hops) expect(h.source === 'estimate' || ids.has(h.source), `${h.layer}: ${h.source}`).toBe(true);
        }
      }
    }
  });
});
