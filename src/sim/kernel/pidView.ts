import type { NamespaceOf } from './namespaces.ts';
import { mapIdIn, OVERFLOW_ID } from './namespaces.ts';
import type { Process } from './process.ts';
import type { World } from './world.ts';

/** How one process sees others: pid translation across pid namespaces, id mapping across user namespaces. */

export function pidNsLevel(world: World, nsId: number): number {
  const ns = world.namespaces[nsId] as NamespaceOf<'pid'> | undefined;
  return ns?.level ?? 0;
}

/**
 * The pid `target` has as seen from `viewer`'s pid namespace (task_tgid_vnr;
 * with 'tid', task_pid_vnr), or 0
 * when it is not visible there — as getppid() returns 0 in a container's init,
 * whose parent lives in the host's namespace.
 * @see pid_namespaces(7)
 */
export function pidSeenBy(world: World, viewer: Process, target: Process, kind: 'pid' | 'tid' = 'pid'): number {
  // A thread's pid is its group's (task_tgid_vnr); its tid is its own (task_pid_vnr).
  if (kind === 'pid' && target.tgid !== target.pid) target = world.procs[target.tgid] ?? target;
  const level = pidNsLevel(world, viewer.ns.pid);
  if (target.nsPids.length <= level) return 0;
  // Visible only if the target's namespace at that level is the viewer's own.
  return isInPidNs(world, target, viewer.ns.pid) ? (target.nsPids[level] ?? 0) : 0;
}

/** Is `proc` in pid namespace `nsId` or one of its descendants? */
export function isInPidNs(world: World, proc: Process, nsId: number): boolean {
  let cur: number | null = proc.ns.pid;
  while (cur !== null) {
    if (cur === nsId) return true;
    cur = (world.namespaces[cur] as NamespaceOf<'pid'> | undefined)?.parent ?? null;
  }
  return false;
}

/** Finds the process a viewer means by `pid` in its own pid namespace. */
export function procByVisiblePid(world: World, viewer: Process, pid: number): Process | undefined {
  return Object.values(world.procs).find((p) => p.state === 'running' && pidSeenBy(world, viewer, p, 'tid') === pid);
}

/**
 * A kernel uid as a process in user namespace `userNs` sees it: mapped down
 * through each namespace from the initial one, or the overflow id 65534 when
 * unmapped (from_kuid_munged).
 */
export function uidSeenIn(world: World, userNs: number, kuid: number, kind: 'uid' | 'gid' = 'uid'): number {
  return idInNs(world, userNs, kuid, kind) ?? OVERFLOW_ID;
}

/** A kernel id mapped down into user namespace `userNs`, or undefined when some level leaves it unmapped. */
export function idInNs(world: World, userNs: number, kid: number, kind: 'uid' | 'gid'): number | undefined {
  const chain: NamespaceOf<'user'>[] = [];
  let cur: number | null = userNs;
  while (cur !== null && cur !== world.initNs.user) {
    const ns = world.namespaces[cur] as NamespaceOf<'user'> | undefined;
    if (!ns) break;
    chain.unshift(ns);
    cur = ns.parent;
  }
  let id: number | undefined = kid;
  for (const ns of chain) {
    id = mapIdIn(kind === 'uid' ? ns.uidMap : ns.gidMap, id);
    if (id === undefined) return undefined;
  }
  return id;
}
