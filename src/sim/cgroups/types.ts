/**
 * The cgroup v2 hierarchy as plain data: one record per cgroup keyed by its
 * absolute path, one record per process the hierarchy knows, and the kernel
 * log lines the controllers printed. Every function over it returns a new
 * tree and leaves its input alone.
 * @see Documentation/admin-guide/cgroup-v2.rst
 */
import type { SimResult } from '../result.ts';

/** x86_64 page size: the memory controller charges and limits whole pages. */
export const PAGE_SIZE = 4096;

/**
 * Controllers in the kernel's subsystem order (include/linux/cgroup_subsys.h),
 * the order cgroup.controllers and cgroup.subtree_control print them in. The
 * lab models the files of cpu, memory and pids; the others are names only.
 */
export const CONTROLLERS = ['cpuset', 'cpu', 'io', 'memory', 'hugetlb', 'pids', 'rdma', 'misc'] as const;
export type Controller = (typeof CONTROLLERS)[number];

/** A limit file's value: a number, or "max" for none. */
export type Limit = number | 'max';

/** memory.events keys, in the order the kernel prints them (mm/memcontrol.c __memory_events_show). */
export const MEMORY_EVENT_KEYS = ['low', 'high', 'max', 'oom', 'oom_kill', 'oom_group_kill'] as const;
export type MemoryEventKey = (typeof MEMORY_EVENT_KEYS)[number];
export type MemoryEvents = Record<MemoryEventKey, number>;

export interface MemoryState {
  /** memory.max in bytes (a whole number of pages), or "max". */
  max: Limit;
  /** memory.high in bytes, or "max". */
  high: Limit;
  /** memory.oom.group: kill the whole cgroup rather than one task. */
  oomGroup: boolean;
  /** Events raised in this cgroup itself (memory.events.local); memory.events sums the subtree. */
  events: MemoryEvents;
}

export interface PidsState {
  /** pids.max: "max" or a number of tasks. */
  max: Limit;
  /** Forks refused because this cgroup's own limit was hit (pids.events.local `max`). */
  maxLocal: number;
  /** Forks from this cgroup refused anywhere (PIDCG_FORKFAIL), which decides the one-time log line. */
  forkFailLocal: number;
}

/** cpu.stat counters in the order the kernel prints them. */
export const CPU_STAT_KEYS = ['usage_usec', 'user_usec', 'system_usec', 'nr_periods', 'nr_throttled', 'throttled_usec', 'nr_bursts', 'burst_usec'] as const;
export type CpuStatKey = (typeof CPU_STAT_KEYS)[number];
export type CpuStat = Record<CpuStatKey, number>;

export interface CpuState {
  /** cpu.max quota in µs per period, or "max". */
  quotaUsec: Limit;
  /** cpu.max period in µs (kernel default 100000). */
  periodUsec: number;
  /** cpu.weight, 1..10000, default 100. */
  weight: number;
  /** cpu.stat: usage is hierarchical (this cgroup and its descendants); bandwidth counters are its own. */
  stat: CpuStat;
}

export interface Cgroup {
  /** cgroup.subtree_control: the controllers this cgroup hands to its children. */
  subtreeControl: Controller[];
  memory: MemoryState;
  pids: PidsState;
  cpu: CpuState;
}

/** What the hierarchy knows about one process (the lab models one task per process). */
export interface CgroupProc {
  pid: number;
  comm: string;
  uid: number;
  /** The cgroup the process is in now (the line in cgroup.procs). */
  cgroup: string;
  /** /proc/PID/oom_score_adj, -1000..1000. */
  oomScoreAdj: number;
  /**
   * Bytes charged, by the cgroup they were charged to. Memory stays charged
   * where it was instantiated when a process moves (cgroup-v2.rst "Memory
   * Ownership"), so a process can hold charges in more than one cgroup.
   */
  charged: Record<string, number>;
}

/** One OOM kill, with the lines dmesg would show for it. */
export interface OomKillEntry {
  type: 'oomKill';
  /** The cgroup whose limit was hit (oom_memcg). */
  cgroup: string;
  /** The cgroup the victim was in (task_memcg). */
  taskCgroup: string;
  pid: number;
  comm: string;
  rssBytes: number;
  at: number;
  /** `oom-kill:constraint=CONSTRAINT_MEMCG,…` */
  summary: string;
  /** `Memory cgroup out of memory: Killed process …` */
  line: string;
}

export interface ForkRejectedEntry {
  type: 'forkRejected';
  /** The cgroup the forking task was in. */
  cgroup: string;
  at: number;
  line: string;
}

export type CgroupLogEntry = OomKillEntry | ForkRejectedEntry;

export interface CgroupTree {
  cgroups: Record<string, Cgroup>;
  procs: Record<number, CgroupProc>;
  log: CgroupLogEntry[];
  /** Physical memory, for memory.max "max" in the OOM score's denominator. */
  ramBytes: number;
}

/** An operation that changes the tree even when it fails (a refused fork still counts in pids.events). */
export interface CgroupStep<T> {
  tree: CgroupTree;
  result: SimResult<T>;
}
