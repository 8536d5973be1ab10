/**
 * The CPU bandwidth controller (cpu.max): in every period a cgroup may run for
 * at most its quota; when the quota is spent its tasks are throttled until the
 * next period refills it.
 * @see Documentation/scheduler/sched-bwc.rst, kernel/sched/fair.c throttle_cfs_rq(), do_sched_cfs_period_timer()
 */
import { fail, ok, type SimResult } from '../result.ts';
import { selfAndAncestors } from './paths.ts';
import { getCgroup, hasController, withCgroup } from './tree.ts';
import type { CgroupTree, CpuStat } from './types.ts';

export interface CpuRun {
  tree: CgroupTree;
  /** CPU time the workload got, in µs. */
  grantedUsec: number;
  /** CPU time it wanted but was throttled out of (per CPU, as throttled_usec sums it). */
  throttledUsec: number;
  /** Bandwidth periods that elapsed for the limiting cgroup, and how many of them throttled. */
  periods: number;
  throttledPeriods: number;
  /** The cgroup whose cpu.max was the limit, if any. */
  limitedBy?: string;
}

interface Bandwidth { path: string; quota: number; period: number }

/**
 * The quotas on the way to the root, and the tightest one. On cgroup v2 the
 * kernel takes the smallest quota/period ratio of a cgroup and its ancestors
 * as its effective bandwidth (tg_cfs_schedulable_down); the lab then runs the
 * whole workload on that cgroup's period, a simplification of the nested
 * per-CPU runtime pools.
 */
function bandwidths(tree: CgroupTree, path: string): { all: Bandwidth[]; tightest?: Bandwidth } {
  const all: Bandwidth[] = [];
  for (const p of selfAndAncestors(path)) {
    const cpu = getCgroup(tree, p)?.cpu;
    if (p === '/' || !cpu || cpu.quotaUsec === 'max' || !hasController(tree, p, 'cpu')) continue;
    all.push({ path: p, quota: cpu.quotaUsec, period: cpu.periodUsec });
  }
  const tightest = all.reduce<Bandwidth | undefined>((best, b) => (!best || b.quota / b.period < best.quota / best.period ? b : best), undefined);
  return tightest ? { all, tightest } : { all };
}

/** Period by period: the workload wants `rate` CPUs' worth and gets at most `quota` in each. */
function throttle(b: Bandwidth, rate: number, wallUsec: number): { granted: number; throttled: number; periods: number; throttledPeriods: number } {
  const full = Math.floor(wallUsec / b.period);
  const rest = wallUsec - full * b.period;
  const lengths = rest > 0 ? [{ len: b.period, n: full }, { len: rest, n: 1 }] : [{ len: b.period, n: full }];
  let granted = 0, throttled = 0, periods = 0, throttledPeriods = 0;
  for (const { len, n } of lengths) {
    const want = rate * len;
    const got = Math.min(want, b.quota);
    granted += n * got;
    throttled += n * (want - got);
    periods += n;
    if (want > got) throttledPeriods += n;
  }
  return { granted, throttled, periods, throttledPeriods };
}

const addStat = (stat: CpuStat, add: Partial<CpuStat>): CpuStat =>
  Object.fromEntries(Object.entries(stat).map(([k, v]) => [k, v + Math.round(add[k as keyof CpuStat] ?? 0)])) as CpuStat;

/**
 * A CPU-bound workload in `path` that wants `demandUsec` of CPU spread evenly
 * over `wallUsec` of wall time (demand above wall time means several CPUs).
 * Updates cpu.stat: usage (all user time, as a busy loop is) in the cgroup and
 * every ancestor, nr_periods in each cgroup with a quota, and nr_throttled and
 * throttled_usec in the one whose quota ran out.
 */
export function runCpu(tree: CgroupTree, path: string, demandUsec: number, wallUsec: number): SimResult<CpuRun> {
  if (!getCgroup(tree, path)) return fail('ENOENT', `no cgroup ${path}`);
  if (!(demandUsec >= 0) || !(wallUsec >= 0) || !Number.isFinite(demandUsec) || !Number.isFinite(wallUsec)) return fail('EINVAL', 'demand and wall time must be non-negative numbers of µs');
  if (demandUsec === 0 || wallUsec === 0) return ok({ tree, grantedUsec: 0, throttledUsec: 0, periods: 0, throttledPeriods: 0 });
  const { all, tightest } = bandwidths(tree, path);
  const run = tightest ? throttle(tightest, demandUsec / wallUsec, wallUsec) : { granted: demandUsec, throttled: 0, periods: 0, throttledPeriods: 0 };
  let next = tree;
  for (const p of selfAndAncestors(path)) next = withCgroup(next, p, (cg) => ({ ...cg, cpu: { ...cg.cpu, stat: addStat(cg.cpu.stat, { usage_usec: run.granted, user_usec: run.granted }) } }));
  for (const b of all) {
    const own = b === tightest ? { nr_throttled: run.throttledPeriods, throttled_usec: run.throttled } : {};
    next = withCgroup(next, b.path, (cg) => ({ ...cg, cpu: { ...cg.cpu, stat: addStat(cg.cpu.stat, { nr_periods: Math.ceil(wallUsec / b.period), ...own }) } }));
  }
  const result: CpuRun = { tree: next, grantedUsec: Math.round(run.granted), throttledUsec: Math.round(run.throttled), periods: run.periods, throttledPeriods: run.throttledPeriods };
  return ok(tightest ? { ...result, limitedBy: tightest.path } : result);
}

/** True when that workload would be throttled (some of its demand refused by a cpu.max). */
export function cpuWouldThrottle(tree: CgroupTree, path: string, demandUsec: number, wallUsec: number): boolean {
  const run = runCpu(tree, path, demandUsec, wallUsec);
  return run.ok && run.value.throttledUsec > 0;
}
