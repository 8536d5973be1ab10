import { ALL_CAPS, type Capability } from './capabilities.ts';
import type { Namespace } from './namespaces.ts';
import { nsCapable, ownerOf } from './nsCapable.ts';
import { isPidNsWithin } from './nsOps.ts';
import type { Process } from './process.ts';
import type { World } from './world.ts';

/**
 * What setns(2) asks of each namespace type and what it changes: the
 * install() operation of each type's proc_ns_operations.
 * @see setns(2), kernel/nsproxy.c, kernel/utsname.c utsns_install(),
 *   kernel/pid_namespace.c pidns_install(), fs/namespace.c mntns_install(),
 *   kernel/user_namespace.c userns_install(), kernel/time/namespace.c timens_install()
 */

/** One capability an install() checks, and in which user namespace. */
export interface InstallNeed {
  cap: Capability;
  userNs: number;
  /** Whose user namespace it is, for the hop's note. */
  whose: 'target' | 'owner' | 'caller';
}

/**
 * The capabilities each install() checks, in its order. Every type but user
 * wants CAP_SYS_ADMIN over the target (in the user namespace that owns it)
 * and in the caller's own user namespace; a mount namespace also wants
 * CAP_SYS_CHROOT, since it changes the root; a user namespace wants
 * CAP_SYS_ADMIN in the target itself.
 */
export function installNeeds(world: World, proc: Process, ns: Namespace): InstallNeed[] {
  if (ns.type === 'user') return [{ cap: 'CAP_SYS_ADMIN', userNs: ns.id, whose: 'target' }];
  const owner: InstallNeed = { cap: 'CAP_SYS_ADMIN', userNs: ownerOf(world, ns.id), whose: 'owner' };
  const own: InstallNeed = { cap: 'CAP_SYS_ADMIN', userNs: proc.ns.user, whose: 'caller' };
  return ns.type === 'mnt' ? [owner, { cap: 'CAP_SYS_CHROOT', userNs: proc.ns.user, whose: 'caller' }, own] : [owner, own];
}

/** The first capability the caller lacks, or undefined when every check passes. */
export function missingInstallCap(world: World, proc: Process, ns: Namespace): InstallNeed | undefined {
  return installNeeds(world, proc, ns).find((n) => !nsCapable(world, proc, n.userNs, n.cap));
}

/** userns_install(): re-entering one's own user namespace would regain capabilities, so it is EINVAL. */
export function isOwnUserNs(proc: Process, ns: Namespace): boolean {
  return ns.type === 'user' && ns.id === proc.ns.user;
}

/**
 * pidns_install(): only the caller's active pid namespace or one below it;
 * a process never moves up or sideways in the pid tree.
 */
export function canEnterPidNs(world: World, proc: Process, ns: Namespace): boolean {
  return ns.type !== 'pid' || isPidNsWithin(world, ns.id, proc.ns.pid);
}

/**
 * The caller after install() and commit_nsset(). A pid namespace changes only
 * where children are born; a time namespace both the caller's and its
 * children's; a mount namespace moves root and cwd to its root; a user
 * namespace gives a full capability set there (set_cred_user_ns()).
 */
export function installNamespace(proc: Process, ns: Namespace): Process {
  switch (ns.type) {
    case 'pid':
      return { ...proc, pidNsForChildren: ns.id };
    case 'time':
      return { ...proc, ns: { ...proc.ns, time: ns.id }, timeNsForChildren: ns.id };
    case 'mnt':
      return { ...proc, ns: { ...proc.ns, mnt: ns.id }, root: '/', cwd: '/' };
    case 'user':
      return {
        ...proc, ns: { ...proc.ns, user: ns.id },
        cred: { ...proc.cred, effective: ALL_CAPS, permitted: ALL_CAPS, bounding: ALL_CAPS, inheritable: [], ambient: [] },
      };
    default:
      return { ...proc, ns: { ...proc.ns, [ns.type]: ns.id } };
  }
}
