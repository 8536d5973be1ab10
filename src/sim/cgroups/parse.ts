/**
 * What each writable cgroup file accepts, parsed the way its kernel handler
 * parses it, with the kernel's errno for anything else.
 */
import { fail, ok, type SimResult } from '../result.ts';
import { kstrtoint, kstrtoll, kstrtoull, memparse, simpleStrtoull, strstrip } from './kstrto.ts';
import { PIDS_MAX } from './pids.ts';
import { CONTROLLERS, PAGE_SIZE, type Controller, type Limit } from './types.ts';

/** PAGE_COUNTER_MAX on 64-bit: LONG_MAX / PAGE_SIZE pages, which reads back as "max". */
const PAGE_COUNTER_MAX = ((1n << 63n) - 1n) / BigInt(PAGE_SIZE);

/**
 * memory.max and memory.high: "max", or bytes with an optional K/M/G/T/P/E
 * suffix, rounded down to whole pages. An empty write parses as 0, as
 * memparse() of "" does: `echo > memory.max` really sets the limit to 0.
 * @see mm/page_counter.c page_counter_memparse(), mm/memcontrol.c memory_max_write()
 */
export function parseMemoryLimit(data: string): SimResult<Limit> {
  const s = strstrip(data);
  if (s === 'max') return ok('max');
  const { value, rest } = memparse(s);
  if (rest !== '') return fail('EINVAL', `"${s}" is not a size: use bytes, a K/M/G suffix, or "max"`);
  const pages = value / BigInt(PAGE_SIZE);
  return ok(pages >= PAGE_COUNTER_MAX ? 'max' : Number(pages) * PAGE_SIZE);
}

/**
 * pids.max: "max", or 0 up to PIDS_MAX - 1.
 * @see kernel/cgroup/pids.c pids_max_write()
 */
export function parsePidsMax(data: string): SimResult<Limit> {
  const s = strstrip(data);
  if (s === 'max') return ok('max');
  const r = kstrtoll(s);
  if (!r.ok) return r;
  if (r.value < 0n || r.value >= BigInt(PIDS_MAX)) return fail('EINVAL', `pids.max must be from 0 to ${PIDS_MAX - 1}, or "max"`);
  return ok(Number(r.value));
}

/** Bounds tg_set_cfs_bandwidth() puts on cpu.max, in µs: 1 ms ≤ quota, 1 ms ≤ period ≤ 1 s. */
export const CPU_MAX_BOUNDS = { minQuota: 1000, minPeriod: 1000, maxPeriod: 1_000_000, maxQuota: 2 ** 44 - 1 } as const;

/**
 * cpu.max: `QUOTA [PERIOD]` or `max [PERIOD]` in µs; without a period the
 * current one is kept. Read with `sscanf(buf, "%20s %llu")`, so text after
 * the numbers is ignored.
 * @see kernel/sched/core.c cpu_period_quota_parse(), tg_set_cfs_bandwidth()
 */
export function parseCpuMax(data: string, currentPeriod: number): SimResult<{ quotaUsec: Limit; periodUsec: number }> {
  const lead = data.replace(/^[ \t\n\v\f\r]+/, '');
  if (data === '') return fail('EINVAL', 'cpu.max needs "QUOTA PERIOD", "QUOTA" or "max"');
  const tok = lead.match(/^[^ \t\n\v\f\r]{0,20}/)?.[0] ?? '';
  const after = lead.slice(tok.length).replace(/^[ \t\n\v\f\r]+/, '');
  const period = /^[0-9]/.test(after) ? Number(simpleStrtoull(after, 10).value) : currentPeriod;
  let quota: Limit;
  if (/^[0-9]/.test(tok)) quota = Number(simpleStrtoull(tok, 10).value);
  else if (tok === 'max') quota = 'max';
  else return fail('EINVAL', `"${tok}" is neither a quota in µs nor "max"`);
  const b = CPU_MAX_BOUNDS;
  if (period < b.minPeriod || period > b.maxPeriod) return fail('EINVAL', `the period must be from ${b.minPeriod} to ${b.maxPeriod} µs`);
  if (quota !== 'max' && quota < b.minQuota) return fail('EINVAL', `the quota must be at least ${b.minQuota} µs`);
  if (quota !== 'max' && quota > b.maxQuota) return fail('EINVAL', `the quota may be at most ${b.maxQuota} µs`);
  return ok({ quotaUsec: quota, periodUsec: period });
}

/**
 * cpu.weight: 1..10000. Parsed by kstrtoull() without stripping (a trailing
 * newline is fine, spaces are not); out of range is ERANGE, not EINVAL.
 * @see kernel/cgroup/cgroup.c cgroup_file_write(), kernel/sched/core.c cpu_weight_write_u64()
 */
export function parseCpuWeight(data: string): SimResult<number> {
  const r = kstrtoull(data);
  if (!r.ok) return r;
  if (r.value < 1n || r.value > 10000n) return fail('ERANGE', 'cpu.weight must be from 1 to 10000');
  return ok(Number(r.value));
}

/**
 * cgroup.procs: one pid (0 means the writer itself).
 * @see kernel/cgroup/cgroup.c cgroup_procs_write_start()
 */
export function parseProcsPid(data: string): SimResult<number> {
  const r = kstrtoint(strstrip(data));
  if (!r.ok || r.value < 0) return fail('EINVAL', `"${strstrip(data)}" is not a pid`);
  return ok(r.value);
}

/** memory.oom.group: 0 or 1 (mm/memcontrol.c memory_oom_group_write()). */
export function parseOomGroup(data: string): SimResult<boolean> {
  const r = kstrtoint(strstrip(data));
  if (!r.ok) return r;
  if (r.value !== 0 && r.value !== 1) return fail('EINVAL', 'memory.oom.group takes 0 or 1');
  return ok(r.value === 1);
}

/**
 * cgroup.subtree_control: space-separated `+name` and `-name`; the last word
 * about a controller wins; an unknown name or a missing sign is EINVAL.
 * @see kernel/cgroup/cgroup.c cgroup_subtree_control_write()
 */
export function parseSubtreeControl(data: string): SimResult<{ enable: Controller[]; disable: Controller[] }> {
  const enable = new Set<Controller>();
  const disable = new Set<Controller>();
  for (const tok of strstrip(data).split(' ')) {
    if (tok === '') continue;
    const name = CONTROLLERS.find((c) => c === tok.slice(1));
    if (!name || (tok[0] !== '+' && tok[0] !== '-')) return fail('EINVAL', `"${tok}" is not +controller or -controller`);
    (tok[0] === '+' ? enable : disable).add(name);
    (tok[0] === '+' ? disable : enable).delete(name);
  }
  return ok({ enable: [...enable], disable: [...disable] });
}
