import type { NamespaceOf, NetInterface } from '../namespaces.ts';
import type { Process } from '../process.ts';
import type { World } from '../world.ts';
import { socketHandler } from './socket.ts';
import type { CallContext, SyscallHandler } from './types.ts';
import { caller, deny, done, failed, num, pass } from './util.ts';

/**
 * The two kinds of socket `ip` and `ping` use, on top of socket.ts:
 * - AF_NETLINK needs no capability to open (netlink_create() checks none for
 *   NETLINK_ROUTE; a raw socket's CAP_NET_RAW is AF_INET/AF_PACKET's rule);
 * - socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP), the unprivileged "ping socket",
 *   needs the caller's egid or a supplementary group in the network
 *   namespace's net.ipv4.ping_group_range, else EACCES (net/ipv4/ping.c
 *   ping_init_sock(), icmp(7)).
 * recvmsg then answers from the caller's network namespace (see recvmsgHandler).
 */
const AF_INET = 2;
const AF_NETLINK = 16;
const SOCK_DGRAM = 2;
const IPPROTO_ICMP = 1;
const SOCK_TYPE_MASK = 0xf;
const ALL_GIDS: [number, number] = [0, 2147483647];

/**
 * net.ipv4.ping_group_range of a network namespace. The kernel's default is
 * "1 0", nobody (inet_init_net()). systemd's sysctl.d/50-default.conf sets
 * 0 2147483647 on the host (systemd PR #13141, v243; bookworm has 252), and
 * Docker sets the same in every container's namespace since 20.10 (moby PR
 * #41030). The lab knows a Docker network namespace by its eth0, a veth whose
 * peer is on the host.
 */
export function pingGroupRange(world: World, netNs: number): [number, number] {
  if (netNs === world.initNs.net) return ALL_GIDS;
  const ns = world.namespaces[netNs] as NamespaceOf<'net'> | undefined;
  const docker = ns?.interfaces.some((i) => i.kind === 'veth' && i.peer?.ns === world.initNs.net);
  return docker ? ALL_GIDS : [1, 0];
}

function pingSocketCheck(c: CallContext) {
  const p = caller(c);
  const [lo, hi] = pingGroupRange(c.world, p.ns.net);
  const inRange = [p.cred.egid, ...p.cred.groups].some((g) => g >= lo && g <= hi);
  const range = `net.ipv4.ping_group_range is "${lo} ${hi}" in network namespace ${p.ns.net}`;
  return inRange
    ? pass(`An ICMP datagram socket needs the caller's group in the ping range; ${range} and gid ${p.cred.egid} is in it`)
    : deny('EACCES', `An ICMP datagram socket needs the caller's group in the ping range; ${range}`, 'kernel: gid not in net.ipv4.ping_group_range');
}

export const netSocketHandler: SyscallHandler = {
  checks: {
    ...socketHandler.checks,
    capabilities: (c) => {
      const domain = num(c, 0) ?? 0;
      const type = (num(c, 1) ?? 0) & SOCK_TYPE_MASK;
      if (domain === AF_NETLINK) return pass('A netlink socket needs no capability to open; changing the network with it needs CAP_NET_ADMIN');
      if (domain === AF_INET && type === SOCK_DGRAM && num(c, 2) === IPPROTO_ICMP) return pingSocketCheck(c);
      return socketHandler.checks?.capabilities?.(c) ?? null;
    },
  },
  execute: socketHandler.execute,
};

/** One interface as the lab's netlink dump carries it: index, name, flags, mac, then its addresses. */
export function interfaceLine(i: NetInterface): string {
  return [i.index, i.name, i.kind, i.up ? 'up' : 'down', i.mac, i.master ?? '-', i.addrs.join(',') || '-'].join(' ');
}

/** True when an echo request to `addr` from a process in `netNs` gets an answer in the lab's one machine. */
export function answers(world: World, netNs: number, addr: string): boolean {
  const ns = world.namespaces[netNs] as NamespaceOf<'net'> | undefined;
  if (!ns) return false;
  const own = (n: NamespaceOf<'net'>) => n.interfaces.filter((i) => i.up).flatMap((i) => i.addrs.map((a) => a.split('/')[0]));
  if (addr.startsWith('127.')) return ns.interfaces.some((i) => i.kind === 'loopback' && i.up);
  if (own(ns).includes(addr)) return true;
  // Across a veth to its peer's namespace: the container's eth0 to the host, the host's bridge port to the container.
  const linked = ns.interfaces.filter((i) => i.up && i.peer).map((i) => world.namespaces[i.peer?.ns ?? -1] as NamespaceOf<'net'> | undefined);
  return linked.some((n) => n !== undefined && own(n).includes(addr));
}

/**
 * recvmsg(2) on a socket. The lab's sockets keep no queue, so what arrives is
 * read from the msg argument as strace prints it after the call: msg_name
 * AF_NETLINK is the answer to an RTM_GETLINK/RTM_GETADDR dump, from the
 * caller's network namespace (rtnl_dump_ifinfo() walks the socket's netns);
 * msg_name AF_INET with sin_addr is the echo reply from that address, which
 * comes only if the address is in reach — else SO_RCVTIMEO runs out (EAGAIN).
 */
export const recvmsgHandler: SyscallHandler = {
  execute: (c) => {
    const p = caller(c);
    const fd = num(c, 0) ?? -1;
    const f = p.fds[fd];
    if (!f) return failed(c, 'EBADF', `fd ${fd} is not open`, 'kernel: bad file descriptor');
    if (f.kind !== 'socket') return failed(c, 'ENOTSOCK', `fd ${fd} (${f.path}) is not a socket`, 'kernel: not a socket');
    const msg = c.call.args[1]?.text ?? '';
    if (msg.includes('AF_NETLINK')) return netlinkDump(c, p);
    const addr = /inet_addr\("([\d.]+)"\)/.exec(msg)?.[1];
    if (addr && answers(c.world, p.ns.net, addr)) return done(c, 64, `An ICMP echo reply from ${addr} arrives: ${addr} is reachable from network namespace ${p.ns.net}`, { data: `ttl=64` });
    return failed(c, 'EAGAIN', `Nothing arrives before SO_RCVTIMEO runs out: ${addr ?? 'the peer'} is not reachable from network namespace ${p.ns.net} (the lab has no outside network)`, 'network: no reply');
  },
};

function netlinkDump(c: CallContext, p: Process) {
  const ns = c.world.namespaces[p.ns.net] as NamespaceOf<'net'> | undefined;
  const lines = (ns?.interfaces ?? []).map(interfaceLine);
  const data = lines.join('\n');
  return done(c, data.length, `The kernel dumps the ${lines.length} interface(s) of network namespace ${p.ns.net}, the caller's: ${(ns?.interfaces ?? []).map((i) => i.name).join(', ')}`, { data });
}
