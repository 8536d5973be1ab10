/**
 * Charging and uncharging memory, and what happens at memory.max.
 *
 * The lab's memory is anonymous and the host has no swap, so reclaim can free
 * nothing: a charge that would take any cgroup on the way to the root over its
 * memory.max goes straight to that cgroup's OOM killer. The kernel first
 * retries reclaim (MAX_RECLAIM_RETRIES = 16 times, raising `max` on each),
 * so real `max` counts run higher than the lab's one per attempt.
 * @see Documentation/admin-guide/cgroup-v2.rst "memory.max", mm/memcontrol.c try_charge_memcg()
 */
import { fail, ok, type SimResult } from '../result.ts';
import { memoryCurrent, memoryLimitHit, overHigh, pageAlign, raiseMemoryEvent } from './memoryCounters.ts';
import { oomKill } from './oom.ts';
import { getProc, withProc } from './procs.ts';
import type { CgroupStep, CgroupTree, OomKillEntry } from './types.ts';

export interface ChargeReport {
  /** The charging process itself was the victim: it dies of SIGKILL and the charge never happens. */
  callerKilled: boolean;
  /** Every task the OOM killer took on the way, in order. */
  victims: OomKillEntry[];
  /** The cgroup whose limit was hit, if any was. */
  oomCgroup?: string;
}

/** True when charging `bytes` to `pid` would hit a memory.max and wake the OOM killer. */
export function chargeWouldOom(tree: CgroupTree, pid: number, bytes: number): boolean {
  const proc = getProc(tree, pid);
  return proc !== undefined && bytes > 0 && memoryLimitHit(tree, proc.cgroup, pageAlign(bytes)) !== undefined;
}

function commitCharge(tree: CgroupTree, pid: number, bytes: number): CgroupTree {
  const proc = tree.procs[pid];
  if (!proc) return tree;
  const charged = { ...proc.charged, [proc.cgroup]: (proc.charged[proc.cgroup] ?? 0) + bytes };
  const next = withProc(tree, { ...proc, charged });
  // Over memory.high the kernel throttles and reclaims but lets the charge through.
  return overHigh(next, proc.cgroup).reduce((t, p) => raiseMemoryEvent(t, p, 'high'), next);
}

/**
 * `pid` touches `bytes` more anonymous memory (rounded up to pages), charged to
 * its cgroup. Over a limit: count `max` and `oom` in the lowest cgroup whose
 * limit is hit, OOM-kill there, and retry; if the charging task is the victim
 * it is killed (SIGKILL); if nothing can be killed the charge fails with ENOMEM.
 */
export function chargeMemory(tree: CgroupTree, pid: number, bytes: number, at = 0): CgroupStep<ChargeReport> {
  const proc = getProc(tree, pid);
  if (!proc) return { tree, result: fail('ESRCH', `no process ${pid} in the hierarchy`) };
  if (!Number.isFinite(bytes) || bytes < 0) return { tree, result: fail('EINVAL', `cannot charge ${bytes} bytes`) };
  const amount = pageAlign(bytes);
  const victims: OomKillEntry[] = [];
  let next = tree;
  let oomCgroup: string | undefined;
  for (let hit = memoryLimitHit(next, proc.cgroup, amount); hit !== undefined; hit = memoryLimitHit(next, proc.cgroup, amount)) {
    oomCgroup = hit;
    next = raiseMemoryEvent(raiseMemoryEvent(next, hit, 'max'), hit, 'oom');
    const killed = oomKill(next, hit, at);
    if (!killed) return { tree: next, result: fail('ENOMEM', `memory.max of ${hit} reached and no task there may be killed`) };
    next = killed.tree;
    victims.push(...killed.kills);
    if (killed.kills.some((k) => k.pid === pid)) return { tree: next, result: ok({ callerKilled: true, victims, oomCgroup }) };
  }
  return { tree: commitCharge(next, pid, amount), result: ok({ callerKilled: false, victims, ...(oomCgroup ? { oomCgroup } : {}) }) };
}

/** `pid` frees `bytes` (rounded up to pages): from its current cgroup first, then older charges. */
export function unchargeMemory(tree: CgroupTree, pid: number, bytes: number): SimResult<CgroupTree> {
  const proc = getProc(tree, pid);
  if (!proc) return fail('ESRCH', `no process ${pid} in the hierarchy`);
  if (!Number.isFinite(bytes) || bytes < 0) return fail('EINVAL', `cannot uncharge ${bytes} bytes`);
  let left = pageAlign(bytes);
  const charged: Record<string, number> = {};
  const order = [proc.cgroup, ...Object.keys(proc.charged).filter((c) => c !== proc.cgroup)];
  for (const cg of order) {
    const have = proc.charged[cg];
    if (have === undefined) continue;
    const take = Math.min(have, left);
    left -= take;
    if (have - take > 0) charged[cg] = have - take;
  }
  return ok(withProc(tree, { ...proc, charged }));
}

/**
 * After memory.max is lowered below memory.current the writer reclaims, then
 * OOM-kills in the cgroup until usage fits (counting `oom` each round, not
 * `max`), and stops when nothing is left to kill.
 * @see mm/memcontrol.c memory_max_write()
 */
export function shrinkToMax(tree: CgroupTree, path: string, at: number): CgroupTree {
  let next = tree;
  for (;;) {
    const max = next.cgroups[path]?.memory.max ?? 'max';
    if (max === 'max' || memoryCurrent(next, path) <= max) return next;
    next = raiseMemoryEvent(next, path, 'oom');
    const killed = oomKill(next, path, at);
    if (!killed) return next;
    next = killed.tree;
  }
}
