import { NS_TYPES, type NsType } from './namespaces.ts';
import { pidSeenBy } from './pidView.ts';
import type { Process } from './process.ts';
import type { World } from './world.ts';

/**
 * A process's namespace set read the way /proc/PID/ns lists it, and small
 * questions about it: what changed between two moments, whether the process
 * is still in the host's namespaces, how to name a namespace by a path.
 * @see proc_pid_ns(5), namespaces(7)
 */

/** The entries of /proc/PID/ns: one per type, plus the pid and time namespaces children will be born in. */
export const NS_ENTRIES = [...NS_TYPES, 'pid_for_children', 'time_for_children'] as const;
export type NsEntry = (typeof NS_ENTRIES)[number];

export function isNsEntry(name: string): name is NsEntry {
  return (NS_ENTRIES as readonly string[]).includes(name);
}

/** The namespace type an entry refers to (`pid_for_children` is a pid namespace). */
export function nsEntryType(entry: NsEntry): NsType {
  return entry === 'pid_for_children' ? 'pid' : entry === 'time_for_children' ? 'time' : entry;
}

/** The id of the namespace behind one /proc/PID/ns entry. */
export function nsEntryId(proc: Process, entry: NsEntry): number {
  if (entry === 'pid_for_children') return proc.pidNsForChildren;
  if (entry === 'time_for_children') return proc.timeNsForChildren;
  return proc.ns[entry];
}

/** One namespace entry whose id changed (`nsType` names the /proc/PID/ns entry). */
export interface NsChange {
  nsType: NsEntry;
  from: number;
  to: number;
}

/** The entries whose namespace differs between two views of a process (or a parent and its child). */
export function nsDiff(before: Process, after: Process): NsChange[] {
  return NS_ENTRIES.filter((e) => nsEntryId(before, e) !== nsEntryId(after, e))
    .map((e) => ({ nsType: e, from: nsEntryId(before, e), to: nsEntryId(after, e) }));
}

/** Where a process stands: gone, in every initial namespace, or isolated with or without a user namespace of its own. */
export type NsStanding = 'gone' | 'initial' | 'hostUserNs' | 'userNamespaced';

export function nsStanding(world: World, pid: number): NsStanding {
  const p = world.procs[pid];
  if (!p || p.state !== 'running') return 'gone';
  if (p.ns.user !== world.initNs.user) return 'userNamespaced';
  return NS_TYPES.every((t) => p.ns[t] === world.initNs[t]) ? 'initial' : 'hostUserNs';
}

export function isInInitialNamespaces(world: World, pid: number): boolean {
  return nsStanding(world, pid) === 'initial';
}

/** The types in which the process has left the host's namespace. */
export function isolatedTypes(world: World, pid: number): NsType[] {
  const p = world.procs[pid];
  return p ? NS_TYPES.filter((t) => p.ns[t] !== world.initNs[t]) : [];
}

/**
 * A path the process at `viewerPid` can open to get a handle on namespace
 * `nsId`: /proc/PID/ns/ENTRY of a process it can see that is in it (itself
 * first, as /proc/self), the way `nsenter -t PID` finds one. Undefined when no
 * visible process is in that namespace.
 */
export function nsProcPath(world: World, viewerPid: number, nsId: number): string | undefined {
  const viewer = world.procs[viewerPid];
  const ns = world.namespaces[nsId];
  if (!viewer || !ns) return undefined;
  const entries = NS_ENTRIES.filter((e) => nsEntryType(e) === ns.type);
  const candidates = [viewer, ...Object.values(world.procs).filter((p) => p.pid !== viewerPid && p.state === 'running')];
  for (const p of candidates) {
    const entry = entries.find((e) => nsEntryId(p, e) === nsId);
    const seen = p === viewer ? 'self' : pidSeenBy(world, viewer, p);
    if (entry && seen !== 0) return `/proc/${seen}/ns/${entry}`;
  }
  return undefined;
}

/** Is pid namespace `nsId` the namespace `ancestorId` or one nested below it? */
export function isPidNsWithin(world: World, nsId: number, ancestorId: number): boolean {
  let cur: number | null = nsId;
  for (let depth = 0; cur !== null && depth < 40; depth++) {
    if (cur === ancestorId) return true;
    const ns: World['namespaces'][number] | undefined = world.namespaces[cur];
    cur = ns?.type === 'pid' ? ns.parent : null;
  }
  return false;
}

/** The youngest living child of `parentPid` (the one a clone just made), by host pid. */
export function newestChild(world: World, parentPid: number): Process | undefined {
  return Object.values(world.procs).filter((p) => p.ppid === parentPid).sort((a, b) => b.pid - a.pid)[0];
}
