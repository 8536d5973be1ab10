import type { ArgNode } from '../../syscalls/args.ts';
import type { NamespaceOf } from '../namespaces.ts';
import { inUserNs, nsCapable, ownerOf } from '../nsCapable.ts';
import type { CallContext, CheckResult, SyscallHandler } from './types.ts';
import { caller, deny, done, failed, num, pass } from './util.ts';

/**
 * ioctl on a socket to change a network interface: SIOCSIFFLAGS (bring a link
 * up or down) needs CAP_NET_ADMIN in the user namespace that owns the
 * socket's network namespace; reading the flags (SIOCGIFFLAGS) needs nothing.
 * Other ioctls pass the gates and are not modelled further.
 * @see netdevice(7), net/core/dev_ioctl.c dev_ioctl()
 */
const SIOCGIFFLAGS = 0x8913;
const SIOCSIFFLAGS = 0x8914;
const IFF_UP = 0x1;

function request(c: CallContext): number | undefined {
  const node = c.call.args[1];
  if (node?.type === 'ident' && node.name === 'SIOCSIFFLAGS') return SIOCSIFFLAGS;
  if (node?.type === 'ident' && node.name === 'SIOCGIFFLAGS') return SIOCGIFFLAGS;
  return num(c, 1);
}

/** `{ifr_name="eth0", ifr_flags=IFF_UP|IFF_BROADCAST}` → the name and whether IFF_UP is set. */
function ifreq(node: ArgNode | undefined): { name: string; up: boolean } | undefined {
  if (node?.type !== 'struct') return undefined;
  const name = node.fields.find((f) => f.key === 'ifr_name')?.value;
  const flags = node.fields.find((f) => f.key === 'ifr_flags')?.value;
  if (name?.type !== 'string') return undefined;
  const up = flags ? /(^|\|)IFF_UP(\||$)/.test(flags.text) || (flags.type === 'number' && (flags.value & IFF_UP) !== 0) : false;
  return { name: name.value, up };
}

function netAdmin(c: CallContext): CheckResult | null {
  if (request(c) !== SIOCSIFFLAGS) return null;
  const p = caller(c);
  const owner = ownerOf(c.world, p.ns.net);
  const where = inUserNs(c.world, owner);
  return nsCapable(c.world, p, owner, 'CAP_NET_ADMIN')
    ? pass(`Changing a link needs CAP_NET_ADMIN in ${where}, which owns network namespace ${p.ns.net}; the caller holds it`)
    : deny('EPERM', `Changing a link needs CAP_NET_ADMIN in ${where}, which owns network namespace ${p.ns.net}; the caller lacks it`, 'capabilities: SIOCSIFFLAGS needs CAP_NET_ADMIN');
}

export const ioctlHandler: SyscallHandler = {
  checks: { capabilities: netAdmin },
  execute: (c) => {
    const p = caller(c);
    const fd = num(c, 0) ?? -1;
    const f = p.fds[fd];
    if (!f) return failed(c, 'EBADF', `fd ${fd} is not open`, `kernel: fd ${fd} is not open`);
    const req = request(c);
    if (req !== SIOCSIFFLAGS && req !== SIOCGIFFLAGS) return done(c, 0, 'The driver handles the request; the lab does not model it', { simplified: true });
    if (f.kind !== 'socket') return failed(c, 'ENOTTY', `fd ${fd} is not a socket`, 'kernel: interface ioctls go to a socket');
    const ifr = ifreq(c.call.args[2]);
    const net = c.world.namespaces[p.ns.net] as NamespaceOf<'net'>;
    const dev = ifr && net.interfaces.find((i) => i.name === ifr.name);
    if (!ifr || !dev) return failed(c, 'ENODEV', `No interface ${ifr?.name ?? '?'} in network namespace ${net.id}`, 'kernel: no such interface in this network namespace');
    if (req === SIOCGIFFLAGS) return done(c, 0, `${dev.name} is ${dev.up ? 'up' : 'down'} in network namespace ${net.id}`);
    const interfaces = net.interfaces.map((i) => (i.name === dev.name ? { ...i, up: ifr.up } : i));
    const world = { ...c.world, namespaces: { ...c.world.namespaces, [net.id]: { ...net, interfaces } } };
    return done(c, 0, `Sets ${dev.name} ${ifr.up ? 'up' : 'down'} in network namespace ${net.id} only`, { world });
  },
};
