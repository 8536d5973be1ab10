import type { CgroupTree, OomKillEntry } from '../sim/cgroups/index.ts';
import type { SimError } from '../sim/result.ts';

/** The limit files a `cgroup.setLimit` may write (what `docker update` and a lecturer's `echo` touch). */
export type CgroupLimitFile = 'memory.max' | 'memory.high' | 'memory.oom.group' | 'pids.max' | 'cpu.max' | 'cpu.weight';

/** Events sent to one cgroup's machine; `at` is the simulated time, stamped on OOM kills and log lines. */
export type CgroupEvent =
  /** `pid` touches `bytes` more anonymous memory. */
  | { type: 'cgroup.charge'; pid: number; bytes: number; at: number }
  /** `pid` frees `bytes` (munmap, free). */
  | { type: 'cgroup.uncharge'; pid: number; bytes: number }
  /** `parentPid` forks; the child would be `childPid`. */
  | { type: 'cgroup.fork'; parentPid: number; childPid: number; at?: number }
  | { type: 'cgroup.exit'; pid: number }
  /** `echo PID > cgroup.procs` of this cgroup: moves a process in. */
  | { type: 'cgroup.attach'; pid: number }
  /** `echo VALUE > FILE` in this cgroup. */
  | { type: 'cgroup.setLimit'; file: CgroupLimitFile; value: string; at?: number }
  /** A CPU-bound workload in this cgroup wanting `demandUsec` over `wallUsec`. */
  | { type: 'cgroup.runCpu'; demandUsec: number; wallUsec: number }
  /** rmdir of this cgroup. */
  | { type: 'cgroup.remove' };

/** Facts the machine emits, past tense. */
export type CgroupEmitted =
  | { type: 'cgroup.oomKilled'; pid: number; comm: string; rssBytes: number; cgroup: string; taskCgroup: string; callerKilled: boolean; line: string; at: number }
  | { type: 'cgroup.forkRefused'; parentPid: number; childPid: number; errno: 'EAGAIN'; reason: string }
  | { type: 'cgroup.throttled'; grantedUsec: number; throttledUsec: number; throttledPeriods: number; limitedBy: string }
  | { type: 'cgroup.rejected'; event: CgroupEvent['type']; errno: SimError['errno']; reason: string };

/** What the last `cgroup.runCpu` got. */
export interface CgroupCpuOutcome {
  grantedUsec: number;
  throttledUsec: number;
  periods: number;
  throttledPeriods: number;
  limitedBy?: string;
}

export interface CgroupMachineContext {
  /** The whole hierarchy: limits on the way to the root apply to this cgroup too. */
  tree: CgroupTree;
  /** The cgroup this machine follows, e.g. `/system.slice/docker-<id>.scope`. */
  path: string;
  /** OOM kills the last event caused, in order. */
  lastKills: OomKillEntry[];
  /** The error the last event met, if any (an EAGAIN fork, an EINVAL write, ENOMEM…). */
  lastError: SimError | null;
  lastCpu: CgroupCpuOutcome | null;
}

export interface CgroupMachineInput {
  /** The hierarchy to start from (a fresh systemd host if omitted). */
  tree?: CgroupTree;
  /** The cgroup to follow; made with mkdir if it does not exist yet. */
  path: string;
}
