import type { Capability } from './capabilities.ts';
import type { NamespaceOf } from './namespaces.ts';
import type { Process } from './process.ts';
import type { World } from './world.ts';

/**
 * ns_capable(): does `proc` hold `cap` in the user namespace `targetNs`?
 * Walks from the target up towards the initial user namespace as
 * security/commoncap.c cap_capable() does: a task has a capability in its own
 * user namespace if it is in its effective set; it has every capability in a
 * child namespace whose owner it is (same euid) when it lives in the parent.
 * @see user_namespaces(7), security/commoncap.c cap_capable()
 */
export function nsCapable(world: World, proc: Process, targetNs: number, cap: Capability): boolean {
  let ns: number | null = targetNs;
  for (let depth = 0; ns !== null && depth < 33; depth++) {
    if (ns === proc.ns.user) return proc.cred.effective.includes(cap);
    const userNs = world.namespaces[ns] as NamespaceOf<'user'> | undefined;
    if (!userNs || userNs.type !== 'user') return false;
    if (userNs.parent === proc.ns.user && userNs.creatorUid === proc.cred.euid) return true;
    ns = userNs.parent;
  }
  return false;
}

/** capable(): the capability in the initial user namespace (module loading, reboot of the host, raw I/O). */
export function capableInit(world: World, proc: Process, cap: Capability): boolean {
  return nsCapable(world, proc, world.initNs.user, cap);
}

/** The user namespace that owns the namespace `nsId` (its ownerUserNs; a user namespace owns itself). */
export function ownerOf(world: World, nsId: number): number {
  const ns = world.namespaces[nsId];
  if (!ns) return world.initNs.user;
  return ns.type === 'user' ? ns.id : ns.ownerUserNs;
}

/** One phrase naming where a capability is checked, for hop notes. */
export function inUserNs(world: World, userNs: number): string {
  return userNs === world.initNs.user ? 'the initial user namespace' : `user namespace ${userNs}`;
}
