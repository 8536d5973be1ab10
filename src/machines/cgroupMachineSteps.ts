/**
 * What each event does to the cgroup machine's context: one call into
 * src/sim/cgroups, its result folded into the tree, the kills and the error.
 * Also the facts the machine emits, built from the context.
 */
import {
  attachProcess, chargeMemory, createCgroupTree, exitProcess, forkProcess, mkdirCgroup, rmdirCgroup, runCpu, unchargeMemory, writeCgroupFile,
  type CgroupTree, type OomKillEntry,
} from '../sim/cgroups/index.ts';
import type { SimResult } from '../sim/result.ts';
import type { CgroupEmitted, CgroupEvent, CgroupMachineContext, CgroupMachineInput } from './cgroupMachineTypes.ts';

type Patch = Partial<CgroupMachineContext>;

export function initialCgroupContext(input: CgroupMachineInput): CgroupMachineContext {
  const base = input.tree ?? createCgroupTree();
  const made = base.cgroups[input.path] ? ({ ok: true, value: base } as const) : mkdirCgroup(base, input.path);
  return { tree: made.ok ? made.value : base, path: input.path, lastKills: [], lastError: made.ok ? null : made, lastCpu: null };
}

/** The OOM kills logged between two trees. */
const killsBetween = (before: CgroupTree, after: CgroupTree): OomKillEntry[] =>
  after.log.slice(before.log.length).filter((e): e is OomKillEntry => e.type === 'oomKill');

function fromTree(context: CgroupMachineContext, r: SimResult<CgroupTree>): Patch {
  return r.ok ? { tree: r.value, lastKills: killsBetween(context.tree, r.value), lastError: null } : { lastKills: [], lastError: r };
}

/** Folds one event into the context (events the step does not handle leave it as it is). */
export function applyCgroupEvent(context: CgroupMachineContext, event: CgroupEvent): Patch {
  const { tree, path } = context;
  switch (event.type) {
    case 'cgroup.charge': {
      const step = chargeMemory(tree, event.pid, event.bytes, event.at);
      return { tree: step.tree, lastKills: step.result.ok ? step.result.value.victims : [], lastError: step.result.ok ? null : step.result };
    }
    case 'cgroup.fork': {
      const step = forkProcess(tree, event.parentPid, event.childPid, event.at ?? 0);
      return { tree: step.tree, lastKills: [], lastError: step.result.ok ? null : step.result };
    }
    case 'cgroup.runCpu': {
      const run = runCpu(tree, path, event.demandUsec, event.wallUsec);
      if (!run.ok) return { lastError: run, lastKills: [] };
      const { tree: next, ...outcome } = run.value;
      return { tree: next, lastCpu: outcome, lastKills: [], lastError: null };
    }
    case 'cgroup.uncharge': return fromTree(context, unchargeMemory(tree, event.pid, event.bytes));
    case 'cgroup.exit': return fromTree(context, exitProcess(tree, event.pid));
    case 'cgroup.attach': return fromTree(context, attachProcess(tree, event.pid, path));
    case 'cgroup.setLimit': return fromTree(context, writeCgroupFile(tree, path, event.file, event.value, { at: event.at ?? 0 }));
    case 'cgroup.remove': return fromTree(context, rmdirCgroup(tree, path));
  }
}

export function oomKilledFacts(context: CgroupMachineContext, event: CgroupEvent): CgroupEmitted[] {
  return context.lastKills.map((k) => ({
    type: 'cgroup.oomKilled', pid: k.pid, comm: k.comm, rssBytes: k.rssBytes, cgroup: k.cgroup, taskCgroup: k.taskCgroup,
    callerKilled: event.type === 'cgroup.charge' && event.pid === k.pid, line: k.line, at: k.at,
  }));
}

export function rejectedFacts(context: CgroupMachineContext, event: CgroupEvent): CgroupEmitted[] {
  const e = context.lastError;
  return e ? [{ type: 'cgroup.rejected', event: event.type, errno: e.errno, reason: e.reason }] : [];
}

export function forkRefusedFact(context: CgroupMachineContext, event: CgroupEvent): CgroupEmitted {
  const ids = event.type === 'cgroup.fork' ? event : { parentPid: 0, childPid: 0 };
  return { type: 'cgroup.forkRefused', parentPid: ids.parentPid, childPid: ids.childPid, errno: 'EAGAIN', reason: context.lastError?.reason ?? 'pids.max reached' };
}

export function throttledFact(context: CgroupMachineContext): CgroupEmitted {
  const cpu = context.lastCpu;
  return { type: 'cgroup.throttled', grantedUsec: cpu?.grantedUsec ?? 0, throttledUsec: cpu?.throttledUsec ?? 0, throttledPeriods: cpu?.throttledPeriods ?? 0, limitedBy: cpu?.limitedBy ?? context.path };
}
