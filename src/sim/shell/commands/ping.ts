import { call, id, n, ptr } from '../build.ts';
import { closeFd, writeFd } from '../io.ts';
import type { Command, Reply } from '../program.ts';
import type { SyscallCall } from '../../syscalls/args.ts';

/**
 * ping -c N HOST (iputils 20221126, Debian bookworm). ping first asks for an
 * unprivileged ICMP datagram socket, socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP),
 * allowed when the caller's group is in net.ipv4.ping_group_range; when that
 * fails with EACCES it falls back to SOCK_RAW, which needs CAP_NET_RAW
 * (iputils ping/ping.c create_socket(), icmp(7)). Then per packet: sendto of
 * the 64-byte echo request, recvmsg of the reply (the lab's ping waits on
 * SO_RCVTIMEO, the 1 s default of -W, instead of poll).
 * The lab has no outside network: only loopback and the addresses of the
 * namespace's own interfaces and of the other end of its veth (the
 * container ↔ docker0) answer; any other address gets no reply.
 * Round-trip times are the lab's fixed figure, not measured.
 */
const RTT_MS = '0.045';

function parse(argv: string[]): { count: number; host: string } | null {
  let count = 4;
  let host = '';
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '-c') count = Number(argv[++i]);
    else if (/^-c\d+$/.test(a)) count = Number(a.slice(2));
    else if (!a.startsWith('-')) host = a;
  }
  return Number.isInteger(count) && count > 0 && count <= 100 && host ? { count, host } : null;
}

function* openSocket(): Generator<SyscallCall, Reply, Reply> {
  const dgram = yield call('socket', id('AF_INET'), id('SOCK_DGRAM'), id('IPPROTO_ICMP'));
  if (dgram.errno !== 'EACCES') return dgram;
  return yield call('socket', id('AF_INET'), id('SOCK_RAW'), id('IPPROTO_ICMP'));
}

export const ping: Command = function* (argv) {
  const args = parse(argv);
  if (!args) {
    yield* writeFd(2, 'ping: usage: ping [-c COUNT] ADDRESS (1 ≤ COUNT ≤ 100)\n');
    return 2;
  }
  const host = args.host === 'localhost' ? '127.0.0.1' : args.host;
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) {
    // The lab resolves no names: there is no DNS server and no outside network.
    yield* writeFd(2, `ping: ${args.host}: Name or service not known\n`);
    return 2;
  }
  const sock = yield* openSocket();
  if (sock.errno || sock.retval === null) {
    yield* writeFd(2, `ping: socktype: SOCK_RAW\nping: socket: ${sock.errno === 'EPERM' ? 'Operation not permitted' : sock.errno ?? 'failed'}\n`);
    return 2;
  }
  yield* writeFd(1, `PING ${host} (${host}) 56(84) bytes of data.\n`);
  const received = yield* echoLoop(sock.retval, host, args.count);
  yield* closeFd(sock.retval);
  const loss = Math.round(((args.count - received) / args.count) * 100);
  let summary = `\n--- ${host} ping statistics ---\n${args.count} packets transmitted, ${received} received, ${loss}% packet loss, time ${(args.count - 1) * 1000}ms\n`;
  if (received) summary += `rtt min/avg/max/mdev = ${RTT_MS}/${RTT_MS}/${RTT_MS}/0.000 ms\n`;
  yield* writeFd(1, summary);
  return received ? 0 : 1;
};

function* echoLoop(fd: number, host: string, count: number): Generator<SyscallCall, number, Reply> {
  const to = `{sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr("${host}")}`;
  let received = 0;
  for (let seq = 1; seq <= count; seq++) {
    const sent = yield call('sendto', n(fd), ptr(`{type=ICMP_ECHO, code=0, un.echo.sequence=htons(${seq})}`), n(64), n(0), ptr(to), n(16));
    if (sent.errno) break;
    const r = yield call('recvmsg', n(fd), ptr(`{msg_name=${to}, msg_namelen=16, msg_iov=[{iov_base=..., iov_len=192}], msg_iovlen=1, ...}`), n(0));
    if (r.errno) continue;
    received++;
    yield* writeFd(1, `64 bytes from ${host}: icmp_seq=${seq} ttl=64 time=${RTT_MS} ms\n`);
  }
  return received;
}
