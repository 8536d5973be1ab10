/**
 * The pids controller: a cap on the number of tasks in a subtree, checked at
 * fork. The lab models one task per process, so it counts processes.
 * @see Documentation/admin-guide/cgroup-v2.rst "PID", kernel/cgroup/pids.c
 */
import { isWithinCgroup, selfAndAncestors } from './paths.ts';
import { getCgroup, hasController, withCgroup } from './tree.ts';
import type { CgroupTree } from './types.ts';

/** pids.max accepts 0..PIDS_MAX-1; PIDS_MAX is PID_MAX_LIMIT + 1 (4194304 + 1 on 64-bit). */
export const PIDS_MAX = 4_194_305;

/** pids.current: the tasks in the cgroup and all its descendants. */
export function pidsCurrent(tree: CgroupTree, path: string): number {
  return Object.values(tree.procs).filter((p) => isWithinCgroup(p.cgroup, path)).length;
}

/**
 * The lowest cgroup on the way to the root whose pids.max one more task would
 * exceed, or undefined when a fork may go ahead. The root has no limit.
 * @see kernel/cgroup/pids.c pids_try_charge(): `if (new > limit) goto revert;`
 */
export function pidsLimitHit(tree: CgroupTree, path: string): string | undefined {
  for (const p of selfAndAncestors(path)) {
    if (p === '/' || !hasController(tree, p, 'pids')) continue;
    const max = getCgroup(tree, p)?.pids.max ?? 'max';
    if (max !== 'max' && pidsCurrent(tree, p) + 1 > max) return p;
  }
  return undefined;
}

/**
 * Counts a refused fork. Since Linux 6.11 pids.events `max` is hierarchical:
 * the cgroup whose limit was hit and its ancestors count it (modelled as the
 * sum of pids.events.local over the subtree), while the forking cgroup keeps
 * the internal fork-fail count that decides the one-time log line.
 * @see kernel/cgroup/pids.c pids_event() (commit 385a635cacfe "cgroup/pids: Make event counters hierarchical")
 */
export function countRefusedFork(tree: CgroupTree, forking: string, overLimit: string): { tree: CgroupTree; firstFailure: boolean } {
  const before = getCgroup(tree, forking)?.pids.forkFailLocal ?? 0;
  const counted = withCgroup(tree, overLimit, (cg) => ({ ...cg, pids: { ...cg.pids, maxLocal: cg.pids.maxLocal + 1 } }));
  const next = withCgroup(counted, forking, (cg) => ({ ...cg, pids: { ...cg.pids, forkFailLocal: cg.pids.forkFailLocal + 1 } }));
  return { tree: next, firstFailure: before === 0 };
}

/** pids.events `max`: refusals because of a limit in this cgroup or below it. */
export function pidsEventsMax(tree: CgroupTree, path: string): number {
  return Object.entries(tree.cgroups)
    .filter(([p]) => isWithinCgroup(p, path))
    .reduce((sum, [, cg]) => sum + cg.pids.maxLocal, 0);
}
