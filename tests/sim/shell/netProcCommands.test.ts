import { describe, expect, it } from 'vitest';
import { HOST_SHELL_PID } from '../../../src/sim/kernel/boot.ts';
import type { Session } from '../../../src/sim/runtime/types.ts';
import { asUser, boot, callNamed, run } from '../runtime/sessions.ts';

/**
 * The shell's ps, ip, ping, nsenter, chroot, sysctl and dd: what they print
 * and the calls they make, with their results, under host, runc and a sandbox.
 */
const hostShellOf = (s: Session): Session => ({ runtime: 'host', world: s.world, pid: HOST_SHELL_PID, options: {} });
const lines = (r: { calls: { line: string }[] }) => r.calls.map((c) => c.line);

describe('ps', () => {
  it.each([
    { runtime: 'host' as const, pids: ['1', '612', '788', String(HOST_SHELL_PID)] },
    { runtime: 'runc' as const, pids: ['1'] },
    { runtime: 'gvisor' as const, pids: ['1'] },
  ])('$runtime: lists the pids of its pid namespace: $pids', ({ runtime, pids }) => {
    const r = run(boot(runtime), 'ps');
    expect(r.status).toBe(0);
    const out = r.stdout.split('\n').filter(Boolean);
    expect(out[0]).toBe('    PID TTY          TIME CMD');
    expect(out.slice(1).map((l) => l.trim().split(/\s+/)[0])).toEqual(pids);
    expect(r.stdout).toMatch(/ ps\n$/);
    expect(callNamed(r, 'getdents64').errno).toBeNull();
    expect(lines(r)).toContain(`openat(AT_FDCWD, "/proc/${pids[0]}/status", O_RDONLY) = 3`);
  });

  it('the host sees the container and its own processes; the container sees only its own', () => {
    const c = boot('runc');
    expect(run(hostShellOf(c), 'ps').stdout).toContain('dockerd');
    expect(run(c, 'ps').stdout).not.toContain('dockerd');
  });
});

describe('ip link / ip addr', () => {
  it.each([
    { runtime: 'host' as const, line: 'ip link', has: ['1: lo: <LOOPBACK,UP,LOWER_UP>', '2: eth0:', '3: docker0:'], not: [] },
    { runtime: 'runc' as const, line: 'ip link', has: ['1: lo: <LOOPBACK,UP,LOWER_UP>', 'eth0@if'], not: ['docker0'] },
    { runtime: 'runc' as const, line: 'ip addr', has: ['inet 127.0.0.1/8 scope host lo', 'inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0'], not: ['10.0.2.15'] },
    { runtime: 'kata' as const, line: 'ip addr', has: ['inet 127.0.0.1/8 scope host lo'], not: ['docker0'] },
  ])('$runtime: $line', ({ runtime, line, has, not }) => {
    const r = run(boot(runtime), line);
    expect(r.status).toBe(0);
    for (const h of has) expect(r.stdout).toContain(h);
    for (const x of not) expect(r.stdout).not.toContain(x);
    expect(callNamed(r, 'socket').line).toBe('socket(AF_NETLINK, SOCK_RAW|SOCK_CLOEXEC, NETLINK_ROUTE) = 3');
    expect(callNamed(r, 'recvmsg').retval).toBeGreaterThan(0);
    expect(r.calls.filter((c) => c.name === 'sendto')).toHaveLength(line === 'ip addr' ? 2 : 1);
  });

  it('a plain user may open a netlink socket (no CAP_NET_RAW needed)', () => {
    const r = run(asUser(boot('host')), 'ip link');
    expect(callNamed(r, 'socket').errno).toBeNull();
    expect(r.stdout).toContain('2: eth0:');
  });

  it('a new network namespace has only lo, down', () => {
    const r = run(boot('host'), 'unshare -n', 'ip link');
    expect(r.stdout).toBe('1: lo: <LOOPBACK> mtu 65536 qdisc noqueue state DOWN mode DEFAULT group default qlen 1000\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n');
  });
});

describe('ping', () => {
  it.each([
    { runtime: 'host' as const, addr: '127.0.0.1', status: 0, received: 1 },
    { runtime: 'runc' as const, addr: '127.0.0.1', status: 0, received: 1 },
    { runtime: 'runc' as const, addr: '172.17.0.1', status: 0, received: 1 },
    { runtime: 'host' as const, addr: '172.17.0.1', status: 0, received: 1 },
    { runtime: 'runc' as const, addr: '8.8.8.8', status: 1, received: 0 },
  ])('$runtime: ping -c 1 $addr → $received received', ({ runtime, addr, status, received }) => {
    const r = run(boot(runtime), `ping -c 1 ${addr}`);
    expect(r.status).toBe(status);
    expect(callNamed(r, 'socket').line).toBe('socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP) = 3');
    expect(callNamed(r, 'recvmsg').errno).toBe(received ? null : 'EAGAIN');
    expect(r.stdout).toContain(`1 packets transmitted, ${received} received`);
    if (received) expect(r.stdout).toContain(`64 bytes from ${addr}: icmp_seq=1 ttl=64`);
  });

  it('runc: a plain user pings through Docker\'s ping_group_range, with no CAP_NET_RAW', () => {
    const r = run(asUser(boot('runc')), 'ping -c 1 127.0.0.1');
    expect(callNamed(r, 'socket').errno).toBeNull();
    expect(r.status).toBe(0);
  });

  it('a fresh network namespace keeps the kernel default "1 0": EACCES, then SOCK_RAW without CAP_NET_RAW: EPERM', () => {
    const r = run(asUser(run(boot('host'), 'unshare -n').session), 'ping -c 1 127.0.0.1');
    const sockets = r.calls.filter((c) => c.name === 'socket').map((c) => c.errno);
    expect(sockets).toEqual(['EACCES', 'EPERM']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('ping: socket: Operation not permitted');
  });
});

describe('nsenter', () => {
  it("host: after unshare -n, nsenter -t 1 -n ip link shows the host's interfaces, and the shell comes back", () => {
    const s = run(boot('host'), 'unshare -n').session;
    const r = run(s, 'nsenter -t 1 -n ip link');
    expect(r.stdout).toContain('2: eth0:');
    expect(lines(r).slice(0, 4)).toEqual([
      'openat(AT_FDCWD, "/proc/self/ns/net", O_RDONLY) = 3', 'openat(AT_FDCWD, "/proc/1/ns/net", O_RDONLY) = 4',
      'setns(4, CLONE_NEWNET) = 0', 'close(4) = 0',
    ]);
    expect(run(r.session, 'ip link').stdout).not.toContain('eth0');
  });

  it("host: nsenter into the container's namespaces sees its hostname and interfaces", () => {
    const c = boot('runc');
    const r = run(hostShellOf(c), `nsenter -t ${c.pid} -u -n ip link`);
    expect(r.stdout).toContain('eth0@if');
    expect(r.stdout).not.toContain('docker0');
    expect(r.calls.filter((x) => x.name === 'setns').map((x) => x.errno)).toEqual([null, null, null, null]);
  });

  it('runc: a container cannot setns into pid 1\'s mount namespace without CAP_SYS_ADMIN', () => {
    const r = run(boot('runc'), 'nsenter -t 1 -m hostname');
    expect(callNamed(r, 'setns').errno).toBe('EPERM');
    expect(r.stderr).toContain('nsenter: reassociate to namespace failed: Operation not permitted');
  });
});

describe('chroot', () => {
  it.each([
    { runtime: 'runc' as const, user: false, status: 0, errno: null },
    { runtime: 'host' as const, user: false, status: 0, errno: null },
    { runtime: 'runc' as const, user: true, status: 125, errno: 'EPERM' },
  ])('$runtime (user: $user): chroot /tmp → $status', ({ runtime, user, status, errno }) => {
    const s = user ? asUser(boot(runtime)) : boot(runtime);
    const r = run(s, 'chroot /tmp');
    expect(r.status).toBe(status);
    expect(callNamed(r, 'chroot').errno).toBe(errno);
    if (!errno) expect(callNamed(r, 'chdir').line).toBe('chdir("/") = 0');
  });
});

describe('sysctl', () => {
  it.each([
    { runtime: 'host' as const, line: 'sysctl -w kernel.hostname=lab', status: 0, out: 'kernel.hostname = lab\n', err: '' },
    { runtime: 'runc' as const, line: 'sysctl -w kernel.hostname=lab', status: 1, out: '', err: 'sysctl: setting key "kernel.hostname": Read-only file system\n' },
    { runtime: 'runc' as const, line: 'sysctl kernel.ostype', status: 0, out: 'kernel.ostype = Linux\n', err: '' },
  ])('$runtime: $line', ({ runtime, line, status, out, err }) => {
    const r = run(boot(runtime), line);
    expect([r.status, r.stdout, r.stderr]).toEqual([status, out, err]);
    expect(callNamed(r, 'openat').errno).toBe(status ? 'EROFS' : null);
  });
});

describe('dd', () => {
  it.each([{ runtime: 'host' as const }, { runtime: 'runc' as const }])('$runtime: dd if=/dev/zero of=/tmp/out bs=512 count=2', ({ runtime }) => {
    const r = run(boot(runtime), 'dd if=/dev/zero of=/tmp/out bs=512 count=2');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('2+0 records in\n2+0 records out\n1024 bytes (1.0 kB, 1.0 KiB) copied, 0.001 s, 1.0 MB/s\n');
    expect(lines(r)[1]).toBe('openat(AT_FDCWD, "/tmp/out", O_WRONLY|O_CREAT|O_TRUNC, 0666) = 4');
    expect(r.calls.filter((c) => c.name === 'write' && c.retval === 512)).toHaveLength(2);
  });
});
