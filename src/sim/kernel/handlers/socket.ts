import { COST } from '../costs.ts';
import { inUserNs, nsCapable, ownerOf } from '../nsCapable.ts';
import { lowestFreeFd } from '../process.ts';
import type { SyscallHandler } from './types.ts';
import { caller, deny, done, failed, num, pass, withProc } from './util.ts';

/**
 * socket(2): a raw or packet socket needs CAP_NET_RAW in the user namespace
 * that owns the caller's network namespace; the socket then belongs to that
 * network namespace and sees only its interfaces.
 * @see socket(2), raw(7), packet(7), net/ipv4/af_inet.c inet_create()
 */
const AF_PACKET = 17;
const SOCK_RAW = 3;
const SOCK_TYPE_MASK = 0xf;
const SOCK_CLOEXEC = 0x80000;
/** Address families a stock kernel knows; beyond AF_MAX (46) socket() fails with EAFNOSUPPORT. */
const AF_MAX = 46;

export const socketHandler: SyscallHandler = {
  checks: {
    namespaces: (c) => pass(`The socket will belong to the caller's network namespace ${caller(c).ns.net}`),
    capabilities: (c) => {
      const domain = num(c, 0) ?? 0;
      const type = (num(c, 1) ?? 0) & SOCK_TYPE_MASK;
      if (type !== SOCK_RAW && domain !== AF_PACKET) return null;
      const owner = ownerOf(c.world, caller(c).ns.net);
      return nsCapable(c.world, caller(c), owner, 'CAP_NET_RAW')
        ? pass(`A raw socket needs CAP_NET_RAW in ${inUserNs(c.world, owner)}; the caller holds it`)
        : deny('EPERM', `A raw socket needs CAP_NET_RAW in ${inUserNs(c.world, owner)}; the caller lacks it`, 'capabilities: raw sockets need CAP_NET_RAW');
    },
  },
  execute: (c) => {
    const domain = num(c, 0) ?? -1;
    if (domain < 0 || domain >= AF_MAX) return failed(c, 'EAFNOSUPPORT', `Address family ${domain} is not one the kernel knows`, 'kernel: unknown address family');
    const p = caller(c);
    const fd = lowestFreeFd(p.fds);
    const cloexec = ((num(c, 1) ?? 0) & SOCK_CLOEXEC) !== 0;
    const file = { path: `socket:[${c.world.nextInode}]`, kind: 'socket' as const, flags: 2, offset: 0, cloexec };
    const world = { ...withProc(c.world, { ...p, fds: { ...p.fds, [fd]: file } }), nextInode: c.world.nextInode + 1 };
    return done(c, fd, `Creates a socket in network namespace ${p.ns.net} and returns fd ${fd}`, { world, cost: COST.generic });
  },
};
