import { describe, expect, it } from 'vitest';
import { boot as session, run } from '../runtime/sessions.ts';

const SOCKET = 'socket(AF_INET, SOCK_DGRAM, IPPROTO_IP)';
const LINK_DOWN = 'ioctl(3, SIOCSIFFLAGS, {ifr_name="eth0", ifr_flags=IFF_BROADCAST|IFF_MULTICAST})';

describe('CAP_NET_ADMIN and CAP_SYS_PTRACE, checked where the kernel checks them', () => {
  it.each([
    ['runc: bringing eth0 down needs CAP_NET_ADMIN, which Docker does not grant', 'runc', [SOCKET, LINK_DOWN], 'EPERM', 'capabilities'],
    ['host: root brings eth0 down', 'host', [SOCKET, LINK_DOWN], null, null],
    ['host: reading the flags needs nothing', 'host', [SOCKET, 'ioctl(3, SIOCGIFFLAGS, {ifr_name="eth0"})'], null, null],
    ['host: no such interface', 'host', [SOCKET, 'ioctl(3, SIOCSIFFLAGS, {ifr_name="wlan9", ifr_flags=IFF_UP})'], 'ENODEV', 'kernel'],
    ['host: root may trace init (CAP_SYS_PTRACE)', 'host', ['ptrace(PTRACE_ATTACH, 1, NULL, NULL)'], null, null],
    ['runc: pid 1 is the shell itself: no tracing your own thread group', 'runc', ['ptrace(PTRACE_ATTACH, 1, NULL, NULL)'], 'EPERM', 'capabilities'],
    ['runc: the host\'s processes are not in the container\'s pid namespace', 'runc', ['ptrace(PTRACE_ATTACH, 612, NULL, NULL)'], 'ESRCH', 'namespaces'],
  ] as const)('%s', (_what, rt, lines, errno, deniedBy) => {
    const c = run(session(rt), ...lines).calls[0];
    expect([c?.errno, c?.deniedBy]).toEqual([errno, deniedBy]);
  });

  it('a link brought down in a new network namespace is that namespace\'s own: the host\'s stays up', () => {
    const s = run(session('host'), 'unshare(CLONE_NEWNET)', SOCKET, 'ioctl(3, SIOCSIFFLAGS, {ifr_name="lo", ifr_flags=IFF_UP|IFF_LOOPBACK})', 'ioctl(3, SIOCSIFFLAGS, {ifr_name="lo", ifr_flags=IFF_LOOPBACK})').session;
    const up = (nsId: number | undefined) => {
      const ns = s.world.namespaces[nsId ?? -1];
      return ns?.type === 'net' ? ns.interfaces.find((i) => i.name === 'lo')?.up : undefined;
    };
    expect(up(s.world.initNs.net)).toBe(true);
    expect(up(s.world.procs[s.pid]?.ns.net)).toBe(false);
  });
});
