import { hostSyscall, type HelperProcess } from '../hostcalls/helperProcess.ts';
import type { SyscallCall } from '../syscalls/args.ts';
import type { Hop } from '../trace.ts';
import { GVISOR_COST } from './costs.ts';
import type { EgressRun } from './egressHops.ts';

/** Socket calls that queue data or a handshake segment for the wire. */
const SENDS = new Set(['connect', 'sendto', 'sendmsg', 'sendmmsg', 'write', 'writev']);

const loopback = (call: SyscallCall) => call.args.some((a) => /\b127\.\d+\.\d+\.\d+\b|"::1"|inet_addr\("127\./.test(a.text));

/**
 * network=sandbox: netstack, TCP/IP in the Sentry, serves the socket call.
 * Nothing it does is a host syscall on the app's path: a segment to send is
 * queued, and a qdisc goroutine later writes the frames to the sandbox's
 * AF_PACKET socket with sendmmsg (recvmmsg for what arrives). Loopback
 * traffic never leaves the Sentry.
 * @see https://github.com/google/gvisor/blob/3c5eee17dc45659fb86843531074f38e78e0cc35/runsc/boot/network.go (fdbased, RecvMMsg dispatch)
 * @see https://github.com/google/gvisor/blob/3c5eee17dc45659fb86843531074f38e78e0cc35/pkg/tcpip/link/fdbased/endpoint.go (sendmmsg)
 */
export function packetOut(call: SyscallCall, sentry: HelperProcess): EgressRun {
  const c = GVISOR_COST.netstackPacket;
  if (!SENDS.has(call.name) || loopback(call)) {
    const why = SENDS.has(call.name) ? 'the peer is loopback, which netstack answers itself' : 'no packet leaves for it';
    return { hops: [netstackHop(`netstack, in the Sentry, handles ${call.name}: ${why}; the host sees nothing`, 0, 'estimate')], killed: null };
  }
  const queued = netstackHop(`netstack builds the ${call.name === 'connect' ? 'SYN' : 'segment'} in the Sentry and queues it; the app's call does not wait for the host`, c.ns, c.source);
  const r = hostSyscall(sentry, 'sendmmsg', { purpose: 'a qdisc goroutine, after the call, writes the queued frames to the sandbox\'s AF_PACKET socket (asynchronous: not on the app\'s path)', costNs: 0, source: 'estimate' });
  return { hops: [queued, ...r.hops], killed: r.allowed ? null : r.reason };
}

/**
 * network=host: the Sentry's sockets are host sockets (hostinet), so the
 * call becomes the same host syscall by the Sentry, under the hostinet rules
 * its filter adds.
 * @see https://github.com/google/gvisor/blob/3c5eee17dc45659fb86843531074f38e78e0cc35/runsc/boot/filter/config/extra_filters_hostinet.go
 */
export function hostNetworkCall(call: SyscallCall, sentry: HelperProcess): EgressRun {
  const lead: Hop = { layer: 'sentry', state: 'sentry.hostinet', verdict: 'forwarded', note: `network=host: the Sentry passes ${call.name} to a host socket it holds (hostinet), instead of netstack`, costNs: 0, source: 'estimate' };
  const r = hostSyscall(sentry, call.name, { purpose: `the socket call on the host's network stack`, costNs: GVISOR_COST.hostSmallCall.ns, source: GVISOR_COST.hostSmallCall.source });
  return { hops: [lead, ...r.hops], killed: r.allowed ? null : r.reason };
}

function netstackHop(note: string, costNs: number, source: string): Hop {
  return { layer: 'netstack', state: 'sentry.netstack', verdict: 'handled', note, costNs, source };
}
