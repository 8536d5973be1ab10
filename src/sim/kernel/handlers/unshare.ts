import { ALL_CAPS } from '../capabilities.ts';
import { NS_FLAG_NAME, nsTypesInFlags, type NamespaceOf, type NsType } from '../namespaces.ts';
import { MAX_USER_NS_LEVEL, createNamespace } from '../nsCreate.ts';
import { inUserNs, nsCapable } from '../nsCapable.ts';
import type { Process } from '../process.ts';
import type { World } from '../world.ts';
import type { CallContext, CheckResult, SyscallHandler } from './types.ts';
import { caller, deny, done, num, pass, withProc } from './util.ts';

/**
 * unshare(2): moves the caller into new namespaces. A new user namespace needs
 * no privilege and gives the caller every capability inside it; any other
 * type needs CAP_SYS_ADMIN in the caller's (possibly just created) user
 * namespace. CLONE_NEWPID and CLONE_NEWTIME affect only children created later.
 * @see unshare(2), kernel/fork.c ksys_unshare(), kernel/user_namespace.c create_user_ns()
 */
const UNSHARE_ALLOWED = 0x00000100 /* VM */ | 0x00000200 /* FS */ | 0x00000400 /* FILES */ | 0x00000800 /* SIGHAND */
  | 0x00010000 /* THREAD */ | 0x00040000 /* SYSVSEM */ | 0x00020000 | 0x02000000 | 0x04000000 | 0x08000000
  | 0x10000000 | 0x20000000 | 0x40000000 | 0x00000080;

export function flagNames(types: NsType[]): string {
  return types.map((t) => NS_FLAG_NAME[t]).join('|') || 'no namespace flags';
}

/** The capability check shared by unshare and clone: CAP_SYS_ADMIN for every type but user. */
export function nsCreateCheck(c: CallContext, flags: number): CheckResult | null {
  const p = caller(c);
  const types = nsTypesInFlags(flags);
  if (types.length === 0) return null;
  const userNs = c.world.namespaces[p.ns.user] as NamespaceOf<'user'>;
  if (types.includes('user')) {
    if (p.root !== '/') return deny('EPERM', 'A chrooted process may not create a user namespace', 'kernel: create_user_ns refuses a chrooted caller');
    if (userNs.level >= MAX_USER_NS_LEVEL) return deny('EUSERS', 'User namespaces nest at most 32 deep', 'kernel: too many nested user namespaces');
  }
  const others = types.filter((t) => t !== 'user');
  if (others.length === 0) return pass('Creating a user namespace needs no capability; the creator gets all of them inside it');
  if (types.includes('user')) return pass(`The new user namespace is created first, so the caller holds CAP_SYS_ADMIN over ${flagNames(others)}`);
  const where = inUserNs(c.world, p.ns.user);
  return nsCapable(c.world, p, p.ns.user, 'CAP_SYS_ADMIN')
    ? pass(`The caller holds CAP_SYS_ADMIN in ${where}`)
    : deny('EPERM', `${flagNames(others)} needs CAP_SYS_ADMIN in ${where}, and the caller lacks it`, `capabilities: ${flagNames(others)} needs CAP_SYS_ADMIN`);
}

/** Applies the namespace part of clone/unshare flags to `proc`; the caller puts the process back into the world. */
export function enterNewNamespaces(world: World, proc: Process, flags: number, forChild: boolean): { world: World; proc: Process } {
  let w = world;
  let p = proc;
  for (const type of orderedTypes(flags)) {
    const made = createNamespace(w, p, type, p.ns.user);
    w = made.world;
    if (type === 'user') p = { ...p, ns: { ...p.ns, user: made.id }, cred: { ...p.cred, effective: ALL_CAPS, permitted: ALL_CAPS, bounding: ALL_CAPS } };
    else if (type === 'pid') p = forChild ? { ...p, ns: { ...p.ns, pid: made.id }, pidNsForChildren: made.id } : { ...p, pidNsForChildren: made.id };
    else if (type === 'time') p = forChild ? { ...p, ns: { ...p.ns, time: made.id }, timeNsForChildren: made.id } : { ...p, timeNsForChildren: made.id };
    else p = { ...p, ns: { ...p.ns, [type]: made.id } };
  }
  return { world: w, proc: p };
}

/** The user namespace first: every other new namespace is owned by it (create_new_namespaces after prepare_creds). */
function orderedTypes(flags: number): NsType[] {
  const types = nsTypesInFlags(flags);
  return types.includes('user') ? ['user', ...types.filter((t) => t !== 'user')] : types;
}

export const unshareHandler: SyscallHandler = {
  checks: {
    namespaces: (c) => {
      const flags = num(c, 0) ?? 0;
      if ((flags & ~UNSHARE_ALLOWED) !== 0) return deny('EINVAL', `Flag bits 0x${(flags & ~UNSHARE_ALLOWED).toString(16)} are not valid for unshare`, 'kernel: unshare got flags it does not take');
      return pass(`Decodes the flags: new ${flagNames(nsTypesInFlags(flags))}`);
    },
    capabilities: (c) => nsCreateCheck(c, num(c, 0) ?? 0),
  },
  execute: (c) => {
    const flags = num(c, 0) ?? 0;
    const entered = enterNewNamespaces(c.world, caller(c), flags, false);
    const proc = entered.proc;
    const world = withProc(entered.world, proc);
    const made = nsTypesInFlags(flags).map((t) => `${t}:[${t === 'pid' ? proc.pidNsForChildren : t === 'time' ? proc.timeNsForChildren : proc.ns[t]}]`);
    const later = flags & 0x20000000 ? '; the caller stays in its pid namespace and its next child becomes pid 1 in the new one' : '';
    return done(c, 0, `Creates ${made.join(', ') || 'no namespaces'} and switches the caller into them${later}`, { world });
  },
};
