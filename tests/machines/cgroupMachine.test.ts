import { describe, expect, it } from 'vitest';
import { createActor, getMicrosteps, initialTransition, transition } from 'xstate';
import { cgroupMachine, type CgroupEmitted, type CgroupEvent } from '../../src/machines/cgroupMachine.ts';
import { addProcess, createCgroupTree, mkdirCgroup, readCgroupFile, type CgroupTree } from '../../src/sim/cgroups/index.ts';
import type { SimResult } from '../../src/sim/result.ts';

const SCOPE = '/system.slice/docker-4242.scope';
const MiB = 1024 * 1024;

function must<T>(r: SimResult<T>): T {
  if (!r.ok) throw new Error(`${r.errno}: ${r.reason}`);
  return r.value;
}

/** A host with the container scope and these [pid, comm] processes in it. */
function host(procs: [number, string][] = [[100, 'bash']]): CgroupTree {
  const tree = must(mkdirCgroup(createCgroupTree(), SCOPE));
  return procs.reduce((t, [pid, comm]) => must(addProcess(t, { pid, comm, cgroup: SCOPE })), tree);
}

const stateOf = (value: unknown): string => (typeof value === 'string' ? value : Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}.${stateOf(v)}`).join(','));

/** Drives an actor with events; returns each resting state (deduplicated in order), the facts emitted, and the last snapshot. */
function run(events: CgroupEvent[], tree = host()) {
  const actor = createActor(cgroupMachine, { input: { tree, path: SCOPE } });
  const facts: CgroupEmitted[] = [];
  const states: string[] = [];
  actor.on('*', (e) => facts.push(e));
  actor.subscribe((s) => { if (states.at(-1) !== stateOf(s.value)) states.push(stateOf(s.value)); });
  actor.start();
  events.forEach((e) => actor.send(e));
  const snap = actor.getSnapshot();
  actor.stop();
  return { states, facts, snap };
}

const fork = (parentPid: number, childPid: number): CgroupEvent => ({ type: 'cgroup.fork', parentPid, childPid });
const limit = (file: 'memory.max' | 'pids.max' | 'cpu.max', value: string): CgroupEvent => ({ type: 'cgroup.setLimit', file, value });
const charge = (pid: number, mib: number): CgroupEvent => ({ type: 'cgroup.charge', pid, bytes: mib * MiB, at: 1000 });

describe('cgroupMachine', () => {
  it.each([
    { name: 'no limits, some forks', events: [fork(100, 101), fork(100, 102)], path: ['active.underLimit'] },
    { name: 'a fork bomb reaches pids.max', events: [limit('pids.max', '3'), fork(100, 101), fork(100, 102), fork(100, 103)], path: ['active.underLimit', 'active.atLimit'] },
    { name: 'an exit frees a slot', events: [limit('pids.max', '2'), fork(100, 101), { type: 'cgroup.exit', pid: 101 }], path: ['active.underLimit', 'active.atLimit', 'active.underLimit'] },
    { name: 'memory climbs past 90 % of memory.max', events: [limit('memory.max', '10M'), charge(100, 9.5)], path: ['active.underLimit', 'active.atLimit'] },
    { name: 'raising the limit relaxes it', events: [limit('pids.max', '1'), limit('pids.max', 'max')], path: ['active.underLimit', 'active.atLimit', 'active.underLimit'] },
    { name: 'rmdir once empty', events: [{ type: 'cgroup.exit', pid: 100 }, { type: 'cgroup.remove' }], path: ['active.underLimit', 'removed'] },
  ] as { name: string; events: CgroupEvent[]; path: string[] }[])('$name', ({ events, path }) => {
    expect(run(events).states).toEqual(path);
  });

  it('refuses the 11th process of a fork bomb under pids.max=10 with EAGAIN', () => {
    const events = [limit('pids.max', '10'), ...Array.from({ length: 10 }, (_, i) => fork(100, 101 + i))];
    const { facts, snap } = run(events);
    expect(facts).toEqual([{ type: 'cgroup.forkRefused', parentPid: 100, childPid: 110, errno: 'EAGAIN', reason: `pids.max of ${SCOPE} reached: fork refused` }]);
    expect(must(readCgroupFile(snap.context.tree, SCOPE, 'pids.current'))).toBe('10\n');
    expect(must(readCgroupFile(snap.context.tree, SCOPE, 'pids.events'))).toBe('max 1\n');
    expect(snap.value).toEqual({ active: 'atLimit' });
  });

  it('passes through oomKilling when a charge hits memory.max, and says who died', () => {
    const tree = host([[100, 'python3'], [101, 'sh']]);
    const [start] = initialTransition(cgroupMachine, { tree, path: SCOPE });
    const [limited] = transition(cgroupMachine, start, limit('memory.max', '64M'));
    const [grown] = transition(cgroupMachine, limited, charge(100, 40));
    const steps = getMicrosteps(cgroupMachine, grown, charge(101, 30));
    expect(steps.map(([s]) => stateOf(s.value))).toEqual(['active.oomKilling', 'active.underLimit']);
    const [after] = transition(cgroupMachine, grown, charge(101, 30));
    expect(after.context.lastKills.map((k) => k.pid)).toEqual([100]);
    expect(must(readCgroupFile(after.context.tree, SCOPE, 'memory.events'))).toBe('low 0\nhigh 0\nmax 1\noom 1\noom_kill 1\noom_group_kill 0\n');
  });

  it.each([
    { name: 'another task is the victim', charger: 101, callerKilled: false, pid: 100 },
    { name: 'the charging task is the victim', charger: 100, callerKilled: true, pid: 100 },
  ])('emits cgroup.oomKilled when $name', ({ charger, callerKilled, pid }) => {
    const { facts } = run([limit('memory.max', '64M'), charge(100, 40), charge(charger, 30)], host([[100, 'python3'], [101, 'sh']]));
    expect(facts).toEqual([expect.objectContaining({ type: 'cgroup.oomKilled', pid, comm: 'python3', rssBytes: 40 * MiB, cgroup: SCOPE, callerKilled, at: 1000 })]);
    expect((facts[0] as { line: string }).line).toMatch(/^Memory cgroup out of memory: Killed process 100 \(python3\) total-vm:40960kB, anon-rss:40960kB/);
  });

  it('lowering memory.max below usage goes through oomKilling too', () => {
    const { states, facts } = run([charge(100, 40), limit('memory.max', '16M')], host([[100, 'python3'], [101, 'sh']]));
    expect(facts.map((f) => f.type)).toEqual(['cgroup.oomKilled']);
    expect(states).toEqual(['active.underLimit']);
  });

  it('emits cgroup.throttled with the bandwidth numbers', () => {
    const { facts, snap } = run([limit('cpu.max', '50000 100000'), { type: 'cgroup.runCpu', demandUsec: 1_000_000, wallUsec: 1_000_000 }]);
    expect(facts).toEqual([{ type: 'cgroup.throttled', grantedUsec: 500_000, throttledUsec: 500_000, throttledPeriods: 10, limitedBy: SCOPE }]);
    expect(snap.context.lastCpu).toMatchObject({ periods: 10 });
  });

  it.each([
    { name: 'a bad limit', event: limit('memory.max', 'lots'), errno: 'EINVAL' },
    { name: 'charging a pid nobody has', event: charge(999, 1), errno: 'ESRCH' },
    { name: 'rmdir while busy', event: { type: 'cgroup.remove' }, errno: 'EBUSY' },
  ] as { name: string; event: CgroupEvent; errno: string }[])('rejects $name with $errno and stays put', ({ event, errno }) => {
    const { facts, states } = run([event]);
    expect(facts).toEqual([expect.objectContaining({ type: 'cgroup.rejected', event: event.type, errno })]);
    expect(states).toEqual(['active.underLimit']);
  });

  it('rejects with ENOMEM a charge the OOM killer cannot make room for (oom_score_adj -1000)', () => {
    const tree = must(addProcess(must(mkdirCgroup(createCgroupTree(), SCOPE)), { pid: 100, comm: 'postgres', cgroup: SCOPE, oomScoreAdj: -1000 }));
    const { facts, snap } = run([limit('memory.max', '16M'), charge(100, 20)], tree);
    expect(facts).toEqual([expect.objectContaining({ type: 'cgroup.rejected', event: 'cgroup.charge', errno: 'ENOMEM' })]);
    expect(snap.context.tree.procs[100]).toBeDefined();
  });

  it('makes its cgroup when the tree lacks it', () => {
    const { snap } = run([], createCgroupTree());
    expect(Object.keys(snap.context.tree.cgroups)).toContain(SCOPE);
  });
});
