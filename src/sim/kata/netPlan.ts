import type { ArgNode } from '../syscalls/args.ts';
import type { KataGuestState, SocketInfo } from './guestState.ts';
import { packetTrip } from './netTrips.ts';
import { argNum, NO_IO, succeeded, type IoPlan, type PlanCtx } from './planTypes.ts';

/**
 * The container's sockets are the guest kernel's: socket(), bind(), a Unix
 * socket or anything on loopback never leaves the VM. A packet to another
 * address does: a TCP connect() sends its SYN, a send on an IPv4 or IPv6
 * socket its segment or datagram, each through virtio-net (netTrips.ts).
 * The lab keeps each socket's family and type to tell them apart.
 * @see socket(2), connect(2), ip(7)
 */
const AF_INET = 2;
const AF_INET6 = 10;
const SOCK_STREAM = 1;
const SOCK_TYPE_MASK = 0xf;
const SENDS = new Set(['sendto', 'sendmsg', 'sendmmsg', 'write', 'writev']);
export const NET_CALLS: ReadonlySet<string> = new Set(['socket', 'connect', 'close', ...SENDS]);

/** An address strace printed as 127.x.x.x or ::1: the guest's loopback. */
export function isLoopbackAddr(node: ArgNode | undefined): boolean {
  const text = node?.text ?? '';
  return /inet_addr\("127\./.test(text) || /"::1"/.test(text);
}

function withSocket(state: KataGuestState, fd: number, info: SocketInfo | null): KataGuestState {
  const sockets: Record<number, SocketInfo> = { ...state.sockets };
  if (info) sockets[fd] = info;
  else delete sockets[fd];
  return { ...state, sockets };
}

const isInet = (s: SocketInfo | undefined): s is SocketInfo => s !== undefined && (s.family === AF_INET || s.family === AF_INET6);

/** Null when the call is not a socket call the network cares about (the fd planner then takes it). */
export function planNetCall(x: PlanCtx): IoPlan | null {
  const { call } = x.facts;
  const fd = argNum(call, 0) ?? -1;
  if (call.name === 'socket') {
    if (!succeeded(x.facts)) return NO_IO(x.state);
    const info = { family: argNum(call, 0) ?? -1, type: (argNum(call, 1) ?? 0) & SOCK_TYPE_MASK, loopback: false };
    return NO_IO(withSocket(x.state, x.facts.retval ?? -1, info));
  }
  const sock = x.state.sockets[fd];
  if (!sock) return null;
  if (call.name === 'close') return NO_IO(succeeded(x.facts) ? withSocket(x.state, fd, null) : x.state);
  if (!succeeded(x.facts) || !isInet(sock)) return call.name === 'connect' || SENDS.has(call.name) ? NO_IO(x.state) : null;
  if (call.name === 'connect') {
    const loopback = isLoopbackAddr(call.args[1]);
    const state = withSocket(x.state, fd, { ...sock, loopback });
    if (loopback || sock.type !== SOCK_STREAM) return NO_IO(state);
    return { before: [], after: [{ type: 'trip', trip: packetTrip(x.settings, "the connection's first segment (SYN)") }], state };
  }
  if (!SENDS.has(call.name)) return null;
  const dest = call.name === 'sendto' ? call.args[4] : undefined;
  const loopback = dest && dest.type !== 'ident' ? isLoopbackAddr(dest) : sock.loopback;
  if (loopback) return NO_IO(x.state);
  return { before: [], after: [{ type: 'trip', trip: packetTrip(x.settings, sock.type === SOCK_STREAM ? 'a TCP segment' : 'a datagram') }], state: x.state };
}
