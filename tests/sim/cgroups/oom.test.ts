import { describe, expect, it } from 'vitest';
import { chargeMemory, memoryCurrent, mkdirCgroup, oomBadness, readCgroupFile, selectOomVictim, setOomScoreAdj, writeCgroupFile, addProcess, type CgroupProc, type CgroupTree } from '../../../src/sim/cgroups/index.ts';
import { charged, hostWith, MiB, must, SCOPE } from './helpers.ts';

const proc = (pid: number, rssPages: number, oomScoreAdj = 0): CgroupProc => ({ pid, comm: 'x', uid: 0, cgroup: SCOPE, oomScoreAdj, charged: { [SCOPE]: rssPages * 4096 } });

/** SCOPE limited to 64 MiB with these [pid, comm, MiB, oom_score_adj] processes charged. */
function scope(procs: [number, string, number, number?][], files: Record<string, string> = {}): CgroupTree {
  let tree = hostWith({ files: { 'memory.max': '64M', ...files }, procs: procs.map(([pid, comm, , adj]) => ({ pid, comm, oomScoreAdj: adj ?? 0 })) });
  tree = charged(tree, procs.map(([pid, , mib]) => [pid, mib * MiB]));
  return tree;
}

describe('OOM killer: badness', () => {
  it.each([
    { name: 'rss only', p: proc(10, 1000), total: 16384, points: 1000 },
    { name: 'positive adj adds adj thousandths of totalpages', p: proc(10, 1000, 500), total: 16384, points: 1000 + 500 * 16 },
    { name: 'negative adj subtracts (and may go below zero)', p: proc(10, 100, -500), total: 16384, points: 100 - 500 * 16 },
    { name: 'totalpages/1000 is integer division', p: proc(10, 0, 1), total: 1999, points: 1 },
    { name: 'oom_score_adj -1000 is never chosen', p: proc(10, 99999, -1000), total: 16384, points: undefined },
    { name: 'host pid 1 is never chosen', p: proc(1, 99999), total: 16384, points: undefined },
  ])('$name', ({ p, total, points }) => {
    expect(oomBadness(p, total)).toBe(points);
  });
});

describe('OOM killer: victim selection', () => {
  it.each([
    { name: 'the largest wins', procs: [[100, 'python3', 40], [101, 'sh', 1], [102, 'node', 20]], victim: 100 },
    { name: 'oom_score_adj -1000 is spared even when largest', procs: [[100, 'python3', 40, -1000], [101, 'sh', 1], [102, 'node', 20]], victim: 102 },
    { name: 'a positive adj outweighs more memory', procs: [[100, 'python3', 40], [102, 'node', 20, 500]], victim: 102 },
    { name: 'on a tie the later task wins', procs: [[100, 'a', 10], [101, 'b', 10]], victim: 101 },
    { name: 'nothing is killable', procs: [[100, 'a', 10, -1000]], victim: undefined },
  ] as { name: string; procs: [number, string, number, number?][]; victim: number | undefined }[])('$name', ({ procs, victim }) => {
    expect(selectOomVictim(scope(procs), SCOPE)?.pid).toBe(victim);
  });
});

describe('OOM killer: a charge over memory.max', () => {
  it('kills the largest other task, then the charge succeeds', () => {
    const tree = scope([[100, 'python3', 40], [101, 'sh', 1], [102, 'node', 20]]);
    const step = chargeMemory(tree, 102, 10 * MiB, 1_234);
    const report = must(step.result);
    expect(report).toMatchObject({ callerKilled: false, oomCgroup: SCOPE });
    expect(report.victims.map((v) => v.pid)).toEqual([100]);
    expect(step.tree.procs[100]).toBeUndefined();
    expect(memoryCurrent(step.tree, SCOPE)).toBe(31 * MiB);
  });

  it('writes the kernel log lines', () => {
    const step = chargeMemory(scope([[4242, 'python3', 40], [101, 'sh', 20]]), 101, 10 * MiB, 1_234);
    expect(step.tree.log).toEqual([{
      type: 'oomKill', cgroup: SCOPE, taskCgroup: SCOPE, pid: 4242, comm: 'python3', rssBytes: 40 * MiB, at: 1_234,
      summary: `oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=docker-4242.scope,mems_allowed=0,oom_memcg=${SCOPE},task_memcg=${SCOPE},task=python3,pid=4242,uid=0`,
      line: 'Memory cgroup out of memory: Killed process 4242 (python3) total-vm:40960kB, anon-rss:40960kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:0kB oom_score_adj:0',
    }]);
  });

  it('kills the caller when it is the largest: SIGKILL, and its charge never lands', () => {
    const step = chargeMemory(scope([[100, 'python3', 40], [101, 'sh', 1]]), 100, 30 * MiB);
    expect(must(step.result)).toMatchObject({ callerKilled: true, victims: [{ pid: 100 }] });
    expect(memoryCurrent(step.tree, SCOPE)).toBe(1 * MiB);
  });

  it('kills as many as it takes', () => {
    const step = chargeMemory(scope([[100, 'a', 20], [101, 'b', 20], [102, 'c', 4]]), 102, 50 * MiB);
    expect(must(step.result).victims.map((v) => v.pid)).toEqual([101, 100]);
    expect(must(readCgroupFile(step.tree, SCOPE, 'memory.events'))).toBe('low 0\nhigh 0\nmax 2\noom 2\noom_kill 2\noom_group_kill 0\n');
  });

  it('fails with ENOMEM when nothing may be killed', () => {
    const step = chargeMemory(scope([[100, 'a', 60, -1000]]), 100, 8 * MiB);
    expect(step.result.ok ? 'ok' : step.result.errno).toBe('ENOMEM');
    expect(must(readCgroupFile(step.tree, SCOPE, 'memory.events'))).toMatch(/max 1\noom 1\noom_kill 0\n/);
  });

  it('with memory.oom.group kills the whole cgroup except oom_score_adj -1000', () => {
    const tree = scope([[100, 'a', 20], [101, 'b', 10], [102, 'keeper', 1, -1000], [103, 'c', 30]], { 'memory.oom.group': '1' });
    const step = chargeMemory(tree, 101, 10 * MiB);
    expect(must(step.result).victims.map((v) => v.pid)).toEqual([103, 100, 101]);
    expect(Object.keys(step.tree.procs)).toEqual(['1', '102']);
    expect(must(readCgroupFile(step.tree, SCOPE, 'memory.events'))).toMatch(/oom_kill 3\noom_group_kill 1\n$/);
  });

  it('lowering memory.max below usage OOM-kills until it fits', () => {
    const tree = scope([[100, 'a', 20], [101, 'b', 10], [102, 'c', 5]]);
    const after = must(writeCgroupFile(tree, SCOPE, 'memory.max', '16M', { at: 9 }));
    expect(Object.keys(after.procs)).toEqual(['1', '101', '102']);
    expect(must(readCgroupFile(after, SCOPE, 'memory.events'))).toBe('low 0\nhigh 0\nmax 0\noom 1\noom_kill 1\noom_group_kill 0\n');
  });

  it('counts oom_kill in the victim\'s cgroup when the limit is its parent\'s', () => {
    let tree = must(mkdirCgroup(hostWith({ files: { 'memory.max': '16M' } }), `${SCOPE}/app`));
    tree = must(writeCgroupFile(tree, SCOPE, 'cgroup.subtree_control', '+memory'));
    tree = must(addProcess(tree, { pid: 100, comm: 'a', cgroup: `${SCOPE}/app` }));
    tree = must(setOomScoreAdj(charged(tree, [[100, 12 * MiB]]), 100, 0));
    const step = chargeMemory(tree, 100, 8 * MiB);
    expect(must(readCgroupFile(step.tree, `${SCOPE}/app`, 'memory.events.local'))).toMatch(/max 0\noom 0\noom_kill 1\n/);
    expect(must(readCgroupFile(step.tree, SCOPE, 'memory.events.local'))).toMatch(/max 1\noom 1\noom_kill 0\n/);
  });
});
