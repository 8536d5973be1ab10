/**
 * Process membership: which cgroup each process is in (cgroup.procs), and how
 * fork, exit and a write to cgroup.procs change it.
 * @see Documentation/admin-guide/cgroup-v2.rst "Organizing Processes and Threads"
 */
import { fail, ok, type SimResult } from '../result.ts';
import { normalizeCgroupPath } from './paths.ts';
import { countRefusedFork, pidsLimitHit } from './pids.ts';
import { getCgroup } from './tree.ts';
import type { CgroupProc, CgroupStep, CgroupTree } from './types.ts';

export interface NewProcess {
  pid: number;
  comm: string;
  cgroup: string;
  uid?: number;
  oomScoreAdj?: number;
}

export function getProc(tree: CgroupTree, pid: number): CgroupProc | undefined {
  return Object.hasOwn(tree.procs, pid) ? tree.procs[pid] : undefined;
}

export function withProc(tree: CgroupTree, proc: CgroupProc): CgroupTree {
  return { ...tree, procs: { ...tree.procs, [proc.pid]: proc } };
}

export function withoutProc(tree: CgroupTree, pid: number): CgroupTree {
  const procs = { ...tree.procs };
  delete procs[pid];
  return { ...tree, procs };
}

/** cgroup.procs: the pids directly in this cgroup, ascending. */
export function procsIn(tree: CgroupTree, path: string): number[] {
  return Object.values(tree.procs).filter((p) => p.cgroup === path).map((p) => p.pid).sort((a, b) => a - b);
}

/**
 * Puts a process into the hierarchy without a fork check: how a scenario seeds
 * the processes that were already running when it starts.
 */
export function addProcess(tree: CgroupTree, spec: NewProcess): SimResult<CgroupTree> {
  const cgroup = normalizeCgroupPath(spec.cgroup);
  if (getProc(tree, spec.pid)) return fail('EEXIST', `pid ${spec.pid} is already in the hierarchy`);
  if (!getCgroup(tree, cgroup)) return fail('ENOENT', `no cgroup ${cgroup}`);
  return ok(withProc(tree, { pid: spec.pid, comm: spec.comm, uid: spec.uid ?? 0, cgroup, oomScoreAdj: spec.oomScoreAdj ?? 0, charged: {} }));
}

/**
 * fork/clone: the child starts in its parent's cgroup with the parent's comm,
 * uid and oom_score_adj. If one more task would exceed pids.max anywhere up
 * the tree, the fork fails with EAGAIN and pids.events counts it; the first
 * refusal from a cgroup also prints a kernel log line. The child's memory is
 * the parent's, shared copy-on-write, so it starts with nothing charged.
 * @see kernel/cgroup/pids.c pids_can_fork(), kernel/fork.c copy_process()
 */
export function forkProcess(tree: CgroupTree, parentPid: number, childPid: number, at = 0): CgroupStep<number> {
  const parent = getProc(tree, parentPid);
  if (!parent) return { tree, result: fail('ESRCH', `no process ${parentPid} in the hierarchy`) };
  if (getProc(tree, childPid)) return { tree, result: fail('EEXIST', `pid ${childPid} is already in use`) };
  const hit = pidsLimitHit(tree, parent.cgroup);
  if (hit !== undefined) {
    const counted = countRefusedFork(tree, parent.cgroup, hit);
    const line = `cgroup: fork rejected by pids controller in ${parent.cgroup}`;
    const next = counted.firstFailure ? { ...counted.tree, log: [...counted.tree.log, { type: 'forkRejected' as const, cgroup: parent.cgroup, at, line }] } : counted.tree;
    return { tree: next, result: fail('EAGAIN', `pids.max of ${hit} reached: fork refused`) };
  }
  const child: CgroupProc = { ...parent, pid: childPid, charged: {} };
  return { tree: withProc(tree, child), result: ok(childPid) };
}

/** True when a fork by `parentPid` would be refused by a pids.max (an unknown parent is not a refusal but ESRCH). */
export function forkWouldBeRefused(tree: CgroupTree, parentPid: number): boolean {
  const parent = getProc(tree, parentPid);
  return parent !== undefined && pidsLimitHit(tree, parent.cgroup) !== undefined;
}

/** exit: the process leaves its cgroup and its memory is freed, wherever it was charged. */
export function exitProcess(tree: CgroupTree, pid: number): SimResult<CgroupTree> {
  if (!getProc(tree, pid)) return fail('ESRCH', `no process ${pid} in the hierarchy`);
  return ok(withoutProc(tree, pid));
}

/**
 * A write of a pid to cgroup.procs moves that process. Moving ignores
 * pids.max (pids.current may exceed it that way), and memory already charged
 * stays with the old cgroup. A non-root cgroup that hands controllers to its
 * children may hold no processes itself ("no internal processes", EBUSY).
 * @see kernel/cgroup/cgroup.c cgroup_migrate_vet_dst(), cgroup-v2.rst "PID" and "Memory Ownership"
 */
export function attachProcess(tree: CgroupTree, pid: number, rawPath: string): SimResult<CgroupTree> {
  const path = normalizeCgroupPath(rawPath);
  const cg = getCgroup(tree, path);
  if (!cg) return fail('ENOENT', `no cgroup ${path}`);
  const proc = getProc(tree, pid);
  if (!proc) return fail('ESRCH', `no process ${pid}`);
  if (path !== '/' && cg.subtreeControl.length > 0) {
    return fail('EBUSY', `${path} enables controllers for its children, so it may not hold processes (no internal processes rule)`);
  }
  return ok(withProc(tree, { ...proc, cgroup: path }));
}

/**
 * /proc/PID/oom_score_adj: -1000 (never chosen by the OOM killer) to 1000.
 * @see proc(5) /proc/pid/oom_score_adj, fs/proc/base.c oom_score_adj_write()
 */
export function setOomScoreAdj(tree: CgroupTree, pid: number, adj: number): SimResult<CgroupTree> {
  const proc = getProc(tree, pid);
  if (!proc) return fail('ESRCH', `no process ${pid}`);
  if (!Number.isInteger(adj) || adj < -1000 || adj > 1000) return fail('EINVAL', 'oom_score_adj must be an integer from -1000 to 1000');
  return ok(withProc(tree, { ...proc, oomScoreAdj: adj }));
}
