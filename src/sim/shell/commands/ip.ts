import { call, flags, id, n, ptr } from '../build.ts';
import { closeFd, complain, writeFd } from '../io.ts';
import type { Command, Reply } from '../program.ts';
import type { SyscallCall } from '../../syscalls/args.ts';

/**
 * `ip link` and `ip addr` (iproute2 6.1, Debian bookworm). strace shows:
 * socket(AF_NETLINK, SOCK_RAW|SOCK_CLOEXEC, NETLINK_ROUTE), setsockopts
 * (SO_SNDBUF, SO_RCVBUF, NETLINK_EXT_ACK, NETLINK_GET_STRICT_CHK), bind,
 * getsockname, then sendto of an RTM_GETLINK dump request and recvmsg until
 * NLMSG_DONE; `ip addr` then sends RTM_GETADDR and reads its dump too
 * (lib/libnetlink.c rtnl_linkdump_req, rtnl_dump_filter). The lab keeps the
 * socket, bind, each request and one recvmsg per dump (the kernel's answer
 * with NLMSG_DONE in it); the setsockopts only size buffers.
 * The answer is the interfaces of the caller's network namespace.
 */
interface Link { index: number; name: string; kind: string; up: boolean; mac: string; master: string | null; addrs: string[] }

function parseLinks(data: string): Link[] {
  return data.split('\n').filter(Boolean).map((line) => {
    const [index = '0', name = '?', kind = '', state = '', mac = '', master = '-', addrs = '-'] = line.split(' ');
    return { index: Number(index), name, kind, up: state === 'up', mac, master: master === '-' ? null : master, addrs: addrs === '-' ? [] : addrs.split(',') };
  });
}

const REQUEST: Record<'link' | 'addr', string> = {
  link: '[{nlmsg_len=40, nlmsg_type=RTM_GETLINK, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=1, nlmsg_pid=0}, {ifi_family=AF_UNSPEC, ...}]',
  addr: '[{nlmsg_len=24, nlmsg_type=RTM_GETADDR, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=2, nlmsg_pid=0}, {ifa_family=AF_UNSPEC, ...}]',
};

function* dump(fd: number, what: 'link' | 'addr'): Generator<SyscallCall, Reply, Reply> {
  const sent = yield call('sendto', n(fd), ptr(REQUEST[what]), n(what === 'link' ? 40 : 24), n(0), ptr('NULL'), n(0));
  if (sent.errno) return sent;
  const reply = what === 'link' ? 'RTM_NEWLINK' : 'RTM_NEWADDR';
  return yield call('recvmsg', n(fd), ptr(`{msg_name={sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, msg_namelen=12, msg_iov=[{iov_base=[{nlmsg_type=${reply}, nlmsg_flags=NLM_F_MULTI, ...}, ..., {nlmsg_type=NLMSG_DONE, ...}], iov_len=32768}], msg_iovlen=1, msg_controllen=0, msg_flags=0}`), n(0));
}

export const ip: Command = function* (argv) {
  const object = argv[1] ?? '';
  const what = /^l(i(nk?)?)?$/.test(object) ? 'link' : /^a(d(dr?)?)?$|^address$/.test(object) ? 'addr' : null;
  if (!what) {
    yield* writeFd(2, 'Usage: ip link | ip addr (the lab models these two objects, show only)\n');
    return 255;
  }
  const sock = yield call('socket', id('AF_NETLINK'), flags('SOCK_RAW', 'SOCK_CLOEXEC'), id('NETLINK_ROUTE'));
  if (sock.errno || sock.retval === null) return yield* complain('ip', 'Cannot open netlink socket', sock.errno);
  const fd = sock.retval;
  yield call('bind', n(fd), ptr('{sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}'), n(12));
  let r = yield* dump(fd, 'link');
  if (!r.errno && what === 'addr') r = yield* dump(fd, 'addr');
  yield* closeFd(fd);
  if (r.errno) return yield* complain('ip', 'Dump terminated', r.errno);
  const links = parseLinks(r.data ?? '');
  yield* writeFd(1, links.map((l) => linkText(l, links, what)).join(''));
  return 0;
};

function flagsOf(l: Link): string {
  const base = l.kind === 'loopback' ? ['LOOPBACK'] : ['BROADCAST', 'MULTICAST'];
  return `<${[...base, ...(l.up ? ['UP', 'LOWER_UP'] : [])].join(',')}>`;
}

/** The `N: name: <FLAGS> mtu …` block ip prints for one interface (ip/ipaddress.c print_linkinfo). */
function linkText(l: Link, all: Link[], what: 'link' | 'addr'): string {
  const lo = l.kind === 'loopback';
  // A veth prints its peer's ifindex (eth0@if4); the lab's runc numbers the pair consecutively, host side first.
  const name = l.kind === 'veth' && !l.master ? `${l.name}@if${l.index - 1}` : l.master ? `${l.name}@if${l.index + 1}` : l.name;
  const qdisc = lo || l.kind === 'veth' || l.kind === 'bridge' ? 'noqueue' : 'fq_codel';
  const state = !l.up ? 'DOWN' : lo ? 'UNKNOWN' : 'UP';
  const master = l.master && all.some((x) => x.name === l.master) ? ` master ${l.master}` : '';
  const mode = what === 'link' ? ' mode DEFAULT' : '';
  const qlen = lo || qdisc === 'fq_codel' ? ' qlen 1000' : '';
  const head = `${l.index}: ${name}: ${flagsOf(l)} mtu ${lo ? 65536 : 1500} qdisc ${qdisc}${master} state ${state}${mode} group default${qlen}\n`;
  const link = lo ? '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n' : `    link/ether ${l.mac} brd ff:ff:ff:ff:ff:ff\n`;
  return head + link + (what === 'addr' ? l.addrs.map((a) => addrText(a, l)).join('') : '');
}

function addrText(cidr: string, l: Link): string {
  const [addr = '', bits = '32'] = cidr.split('/');
  const scope = l.kind === 'loopback' ? 'host' : 'global';
  if (addr.includes(':')) return `    inet6 ${cidr} scope ${scope} \n       valid_lft forever preferred_lft forever\n`;
  const brd = l.kind === 'loopback' ? '' : ` brd ${broadcast(addr, Number(bits))}`;
  return `    inet ${cidr}${brd} scope ${scope} ${l.name}\n       valid_lft forever preferred_lft forever\n`;
}

function broadcast(addr: string, bits: number): string {
  const value = addr.split('.').reduce((acc, p) => acc * 256 + (Number(p) || 0), 0);
  const host = 2 ** (32 - Math.min(Math.max(bits, 0), 32)) - 1;
  const b = value - (value % (host + 1)) + host;
  return [24, 16, 8, 0].map((s) => Math.floor(b / 2 ** s) % 256).join('.');
}
