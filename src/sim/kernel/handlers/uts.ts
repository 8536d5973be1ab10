import type { NamespaceOf } from '../namespaces.ts';
import { inUserNs, nsCapable, ownerOf } from '../nsCapable.ts';
import type { World } from '../world.ts';
import { HOST_KERNEL_RELEASE } from '../../vfs/images/hostRoot.ts';
import type { CallContext, SyscallHandler } from './types.ts';
import { caller, deny, done, failed, num, pass, quote, str } from './util.ts';

/**
 * uname, sethostname, setdomainname: the UTS namespace holds the host and
 * domain names; changing them needs CAP_SYS_ADMIN in the user namespace that
 * owns the caller's UTS namespace.
 * @see uts_namespaces(7), sethostname(2), kernel/sys.c
 */
const NEW_UTS_LEN = 64;
/** The release the lab's kernel reports: the host image's kernel. */
export const KERNEL_RELEASE = HOST_KERNEL_RELEASE;
export const KERNEL_VERSION_STRING = '#1 SMP PREEMPT_DYNAMIC';

function utsOf(c: CallContext): NamespaceOf<'uts'> {
  const ns = c.world.namespaces[caller(c).ns.uts];
  if (!ns || ns.type !== 'uts') throw new Error('caller has no UTS namespace');
  return ns;
}

function withUts(world: World, ns: NamespaceOf<'uts'>): World {
  return { ...world, namespaces: { ...world.namespaces, [ns.id]: ns } };
}

function setter(field: 'hostname' | 'domainname'): SyscallHandler {
  return {
    checks: {
      namespaces: (c) => pass(`Resolves the caller's UTS namespace ${utsOf(c).id}, the one whose ${field} would change`),
      capabilities: (c) => {
        const owner = ownerOf(c.world, utsOf(c).id);
        const where = inUserNs(c.world, owner);
        return nsCapable(c.world, caller(c), owner, 'CAP_SYS_ADMIN')
          ? pass(`The caller holds CAP_SYS_ADMIN in ${where}, which owns this UTS namespace`)
          : deny('EPERM', `The caller lacks CAP_SYS_ADMIN in ${where}, which owns this UTS namespace`, `capabilities: set${field} needs CAP_SYS_ADMIN over the UTS namespace`);
      },
    },
    execute: (c) => {
      const name = str(c, 0) ?? '';
      const len = num(c, 1) ?? name.length;
      if (len < 0 || len > NEW_UTS_LEN) return failed(c, 'EINVAL', `A name of ${len} bytes is longer than __NEW_UTS_LEN (64)`, `kernel: set${field} takes at most 64 bytes`);
      const value = name.slice(0, len);
      const ns = { ...utsOf(c), [field]: value };
      return done(c, 0, `Writes ${quote(value)} into UTS namespace ${ns.id}; processes in other UTS namespaces still see their own ${field}`, { world: withUts(c.world, ns) });
    },
  };
}

export const utsHandlers: Record<string, SyscallHandler> = {
  sethostname: setter('hostname'),
  setdomainname: setter('domainname'),
  uname: {
    checks: { namespaces: (c) => pass(`Reads the names of the caller's UTS namespace ${utsOf(c).id}`) },
    execute: (c) => {
      const ns = utsOf(c);
      const text = `{sysname="Linux", nodename=${quote(ns.hostname, 64)}, release="${c.world.kernel?.release ?? KERNEL_RELEASE}", version="${c.world.kernel?.version ?? KERNEL_VERSION_STRING}", machine="x86_64", domainname=${quote(ns.domainname, 64)}}`;
      // data: the struct utsname as the shell's uname/hostname commands read it (they parse nodename= and release=).
      return done(c, 0, `Copies the UTS names out: nodename is "${ns.hostname}" in this namespace`, { outArgs: { 0: text }, data: text });
    },
  },
};
