/**
 * The memory cgroup OOM killer: when a cgroup's memory.max is hit and reclaim
 * cannot help, pick the task with the most points in that cgroup's subtree and
 * kill it, freeing its memory.
 * @see mm/oom_kill.c oom_badness(), select_bad_process(), oom_kill_process()
 */
import { cgroupBaseName, isWithinCgroup, selfAndAncestors } from './paths.ts';
import { procsIn, withoutProc } from './procs.ts';
import { procRss, raiseMemoryEvent } from './memoryCounters.ts';
import { getCgroup, subtreeCgroups } from './tree.ts';
import { PAGE_SIZE, type CgroupProc, type CgroupTree, type OomKillEntry } from './types.ts';

/** oom_score_adj that exempts a task from the OOM killer (include/uapi/linux/oom.h). */
export const OOM_SCORE_ADJ_MIN = -1000;

/**
 * A task's OOM points, or undefined if it may never be chosen: host pid 1 and
 * tasks with oom_score_adj -1000. Points are resident pages plus
 * oom_score_adj thousandths of `totalPages` (rss, swap and page tables in the
 * kernel; the lab has only anonymous rss).
 * @see mm/oom_kill.c oom_badness(): `adj *= totalpages / 1000; points += adj;`
 */
export function oomBadness(proc: CgroupProc, totalPages: number): number | undefined {
  if (proc.pid === 1 || proc.oomScoreAdj === OOM_SCORE_ADJ_MIN) return undefined;
  return procRss(proc) / PAGE_SIZE + proc.oomScoreAdj * Math.floor(totalPages / 1000);
}

/**
 * For a memcg OOM the kernel measures against the cgroup's limit, not the
 * machine: totalpages = memory.max (plus swap, which the lab has none of).
 * @see mm/oom_kill.c constrained_alloc(), mm/memcontrol.c mem_cgroup_get_max()
 */
export function oomTotalPages(tree: CgroupTree, oomCgroup: string): number {
  const max = getCgroup(tree, oomCgroup)?.memory.max ?? 'max';
  return Math.max(1, Math.floor((max === 'max' ? tree.ramBytes : max) / PAGE_SIZE));
}

/**
 * The victim: the most points in the subtree, cgroups walked parents first and
 * tasks by pid; on a tie the later task wins, as `points < chosen_points`
 * skips only strictly smaller scores.
 * @see mm/oom_kill.c oom_evaluate_task()
 */
export function selectOomVictim(tree: CgroupTree, oomCgroup: string): CgroupProc | undefined {
  const total = oomTotalPages(tree, oomCgroup);
  let chosen: { proc: CgroupProc; points: number } | undefined;
  for (const cg of subtreeCgroups(tree, oomCgroup)) {
    for (const pid of procsIn(tree, cg)) {
      const proc = tree.procs[pid];
      const points = proc ? oomBadness(proc, total) : undefined;
      if (proc && points !== undefined && (!chosen || points >= chosen.points)) chosen = { proc, points };
    }
  }
  return chosen?.proc;
}

/**
 * With memory.oom.group set, the highest such cgroup between the victim and
 * the OOM cgroup is killed whole.
 * @see mm/memcontrol.c mem_cgroup_get_oom_group()
 */
export function oomGroupOf(tree: CgroupTree, victimCgroup: string, oomCgroup: string): string | undefined {
  let group: string | undefined;
  for (const p of selfAndAncestors(victimCgroup)) {
    if (getCgroup(tree, p)?.memory.oomGroup) group = p;
    if (p === oomCgroup) break;
  }
  return group;
}

const kB = (bytes: number): number => Math.floor(bytes / 1024);

/**
 * The two dmesg lines of a memcg OOM kill. The lab counts only anonymous
 * memory, so total-vm equals anon-rss and page tables show as 0kB; `cpuset=`
 * names the allocating task's cgroup in the kernel, the victim's here (the
 * same cgroup when a container's own process hits its limit).
 * @see mm/oom_kill.c dump_oom_victim(), __oom_kill_process()
 */
export function oomKillEntry(proc: CgroupProc, oomCgroup: string, at: number): OomKillEntry {
  const rss = procRss(proc);
  return {
    type: 'oomKill', cgroup: oomCgroup, taskCgroup: proc.cgroup, pid: proc.pid, comm: proc.comm, rssBytes: rss, at,
    summary: `oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=${cgroupBaseName(proc.cgroup)},mems_allowed=0,oom_memcg=${oomCgroup},task_memcg=${proc.cgroup},task=${proc.comm},pid=${proc.pid},uid=${proc.uid}`,
    line: `Memory cgroup out of memory: Killed process ${proc.pid} (${proc.comm}) total-vm:${kB(rss)}kB, anon-rss:${kB(rss)}kB, file-rss:0kB, shmem-rss:0kB, UID:${proc.uid} pgtables:0kB oom_score_adj:${proc.oomScoreAdj}`,
  };
}

/**
 * One OOM kill in `oomCgroup`: the victim (and, with memory.oom.group, the rest
 * of its group except oom_score_adj -1000 tasks) is killed with SIGKILL, its
 * memory uncharged, `oom_kill` counted in its cgroup, and the kill logged.
 * Returns undefined when nothing in the subtree may be killed.
 * @see mm/oom_kill.c __oom_kill_process(), oom_kill_memcg_member()
 */
export function oomKill(tree: CgroupTree, oomCgroup: string, at: number): { tree: CgroupTree; kills: OomKillEntry[] } | undefined {
  const victim = selectOomVictim(tree, oomCgroup);
  if (!victim) return undefined;
  const group = oomGroupOf(tree, victim.cgroup, oomCgroup);
  const members = group === undefined ? [] : Object.values(tree.procs)
    .filter((p) => p.pid !== victim.pid && p.pid !== 1 && p.oomScoreAdj !== OOM_SCORE_ADJ_MIN && isWithinCgroup(p.cgroup, group));
  let next = group === undefined ? tree : raiseMemoryEvent(tree, group, 'oom_group_kill');
  const kills: OomKillEntry[] = [];
  for (const proc of [victim, ...members]) {
    const entry = oomKillEntry(proc, oomCgroup, at);
    kills.push(entry);
    next = withoutProc(raiseMemoryEvent(next, proc.cgroup, 'oom_kill'), proc.pid);
  }
  return { tree: { ...next, log: [...next.log, ...kills] }, kills };
}
