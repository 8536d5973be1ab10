/**
 * Creating, looking up and removing cgroups (mkdir and rmdir under
 * /sys/fs/cgroup), and the controllers each one has.
 * @see Documentation/admin-guide/cgroup-v2.rst "Creating Cgroups", "Enabling and Disabling"
 */
import { fail, ok, type SimResult } from '../result.ts';
import { isWithinCgroup, normalizeCgroupPath, parentCgroupPath } from './paths.ts';
import { CONTROLLERS, MEMORY_EVENT_KEYS, CPU_STAT_KEYS, type Cgroup, type CgroupTree, type Controller, type CpuStat, type MemoryEvents } from './types.ts';

export const zeroMemoryEvents = (): MemoryEvents => Object.fromEntries(MEMORY_EVENT_KEYS.map((k) => [k, 0])) as MemoryEvents;
const zeroCpuStat = (): CpuStat => Object.fromEntries(CPU_STAT_KEYS.map((k) => [k, 0])) as CpuStat;

/** A new cgroup with the kernel's defaults: no limits, weight 100, period 100 ms. */
export function newCgroup(subtreeControl: Controller[] = []): Cgroup {
  return {
    subtreeControl,
    memory: { max: 'max', high: 'max', oomGroup: false, events: zeroMemoryEvents() },
    pids: { max: 'max', maxLocal: 0, forkFailLocal: 0 },
    cpu: { quotaUsec: 'max', periodUsec: 100_000, weight: 100, stat: zeroCpuStat() },
  };
}

export interface CgroupTreeOptions {
  /** Physical memory in bytes (default 8 GiB). */
  ramBytes?: number;
}

/**
 * A host as systemd leaves it: itself in /init.scope as pid 1, services under
 * /system.slice (where Docker's systemd cgroup driver puts containers) and
 * logins under /user.slice, with cpu, memory and pids delegated down to them.
 * @see systemd.special(7) "-.slice", "system.slice", "user.slice", "init.scope"
 */
export function createCgroupTree(options: CgroupTreeOptions = {}): CgroupTree {
  const all: Controller[] = [...CONTROLLERS];
  return {
    cgroups: {
      '/': newCgroup(all),
      '/init.scope': newCgroup(),
      '/system.slice': newCgroup(all),
      '/user.slice': newCgroup(['cpu', 'memory', 'pids']),
    },
    procs: { 1: { pid: 1, comm: 'systemd', uid: 0, cgroup: '/init.scope', oomScoreAdj: 0, charged: {} } },
    log: [],
    ramBytes: options.ramBytes ?? 8 * 1024 ** 3,
  };
}

export function getCgroup(tree: CgroupTree, path: string): Cgroup | undefined {
  return Object.hasOwn(tree.cgroups, path) ? tree.cgroups[path] : undefined;
}

/** Replaces one cgroup's record, returning a new tree. */
export function withCgroup(tree: CgroupTree, path: string, update: (cg: Cgroup) => Cgroup): CgroupTree {
  const cg = getCgroup(tree, path);
  return cg ? { ...tree, cgroups: { ...tree.cgroups, [path]: update(cg) } } : tree;
}

/** Direct children, sorted by name. */
export function childCgroups(tree: CgroupTree, path: string): string[] {
  return Object.keys(tree.cgroups).filter((p) => p !== path && parentCgroupPath(p) === path).sort();
}

/** The cgroup and every descendant, parents before children (the order the kernel walks them). */
export function subtreeCgroups(tree: CgroupTree, path: string): string[] {
  return Object.keys(tree.cgroups).filter((p) => isWithinCgroup(p, path)).sort();
}

/** cgroup.controllers: all of them at the root, elsewhere what the parent's subtree_control hands down. */
export function controllersOf(tree: CgroupTree, path: string): Controller[] {
  const parent = parentCgroupPath(path);
  if (parent === undefined) return [...CONTROLLERS];
  return getCgroup(tree, parent)?.subtreeControl ?? [];
}

export function hasController(tree: CgroupTree, path: string, controller: Controller): boolean {
  return controllersOf(tree, path).includes(controller);
}

/**
 * mkdir: the parent must exist, the name must be new. A child starts with no
 * limits and no processes.
 * @see kernel/cgroup/cgroup.c cgroup_mkdir()
 */
export function mkdirCgroup(tree: CgroupTree, rawPath: string): SimResult<CgroupTree> {
  const path = normalizeCgroupPath(rawPath);
  const parent = parentCgroupPath(path);
  if (parent === undefined || getCgroup(tree, path)) return fail('EEXIST', `cgroup ${path} already exists`);
  if (!getCgroup(tree, parent)) return fail('ENOENT', `parent cgroup ${parent} does not exist`);
  if (path.includes('\n')) return fail('EINVAL', 'a cgroup name may not contain a newline');
  return ok({ ...tree, cgroups: { ...tree.cgroups, [path]: newCgroup() } });
}

/**
 * rmdir: only an empty cgroup with no children goes (EBUSY otherwise). Memory
 * still charged to it moves to the parent; the kernel keeps such a cgroup as a
 * dying zombie until the pages are freed, which the lab simplifies away.
 * @see kernel/cgroup/cgroup.c cgroup_destroy_locked()
 */
export function rmdirCgroup(tree: CgroupTree, rawPath: string): SimResult<CgroupTree> {
  const path = normalizeCgroupPath(rawPath);
  const parent = parentCgroupPath(path);
  if (!getCgroup(tree, path)) return fail('ENOENT', `no cgroup ${path}`);
  if (parent === undefined) return fail('EBUSY', 'the root cgroup cannot be removed');
  if (childCgroups(tree, path).length > 0) return fail('EBUSY', `${path} still has child cgroups`);
  if (Object.values(tree.procs).some((p) => p.cgroup === path)) return fail('EBUSY', `${path} still has processes in cgroup.procs`);
  const cgroups = { ...tree.cgroups };
  delete cgroups[path];
  const procs = Object.fromEntries(Object.values(tree.procs).map((p) => [p.pid, { ...p, charged: reparentCharge(p.charged, path, parent) }]));
  return ok({ ...tree, cgroups, procs });
}

function reparentCharge(charged: Record<string, number>, from: string, to: string): Record<string, number> {
  const bytes = charged[from];
  if (bytes === undefined) return charged;
  const next = { ...charged };
  delete next[from];
  next[to] = (next[to] ?? 0) + bytes;
  return next;
}
