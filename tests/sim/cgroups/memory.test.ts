import { describe, expect, it } from 'vitest';
import { chargeMemory, chargeWouldOom, memoryCurrent, mkdirCgroup, readCgroupFile, unchargeMemory, writeCgroupFile, addProcess, type CgroupTree } from '../../../src/sim/cgroups/index.ts';
import { charged, hostWith, MiB, must, SCOPE } from './helpers.ts';

const APP = `${SCOPE}/app`;

/** SCOPE with memory.max 64M and a child cgroup `app` with its own limit (or none). */
function nested(appMax: string, procs: [number, string][] = [[100, 'python3'], [101, 'node']]): CgroupTree {
  let tree = must(mkdirCgroup(hostWith({ files: { 'memory.max': '64M' } }), APP));
  tree = must(writeCgroupFile(tree, SCOPE, 'cgroup.subtree_control', '+memory +pids'));
  tree = must(writeCgroupFile(tree, APP, 'memory.max', appMax));
  return procs.reduce((t, [pid, comm]) => must(addProcess(t, { pid, comm, cgroup: APP })), tree);
}

describe('memory controller: charging', () => {
  it('charges whole pages, counted in the cgroup and every ancestor', () => {
    const tree = charged(hostWith({ procs: [{ pid: 100, comm: 'sh' }] }), [[100, 1], [100, 10_000]]);
    expect(memoryCurrent(tree, SCOPE)).toBe(4096 + 12288);
    expect(must(readCgroupFile(tree, SCOPE, 'memory.current'))).toBe('16384\n');
    expect(memoryCurrent(tree, '/system.slice')).toBe(16384);
  });

  it.each([
    { name: 'the child\'s own tighter limit', appMax: '16M', oomCgroup: APP },
    { name: 'the parent\'s limit when the child has none', appMax: 'max', oomCgroup: SCOPE },
    { name: 'the parent\'s limit when it is the tighter one', appMax: '1G', oomCgroup: SCOPE },
  ])('the OOM happens at $name', ({ appMax, oomCgroup }) => {
    const tree = charged(nested(appMax), [[100, 10 * MiB]]);
    const step = chargeMemory(tree, 101, 60 * MiB);
    expect(must(step.result).oomCgroup).toBe(oomCgroup);
  });

  it('counts max, oom and oom_kill in memory.events, hierarchically', () => {
    const tree = charged(nested('16M'), [[100, 12 * MiB]]);
    const step = chargeMemory(tree, 101, 8 * MiB, 5_000);
    expect(must(step.result)).toMatchObject({ callerKilled: false, oomCgroup: APP });
    const events = 'low 0\nhigh 0\nmax 1\noom 1\noom_kill 1\noom_group_kill 0\n';
    expect(must(readCgroupFile(step.tree, APP, 'memory.events'))).toBe(events);
    expect(must(readCgroupFile(step.tree, SCOPE, 'memory.events'))).toBe(events);
    expect(must(readCgroupFile(step.tree, SCOPE, 'memory.events.local'))).toBe('low 0\nhigh 0\nmax 0\noom 0\noom_kill 0\noom_group_kill 0\n');
    expect(memoryCurrent(step.tree, APP)).toBe(8 * MiB);
  });

  it('over memory.high counts `high` and lets the charge through', () => {
    let tree = hostWith({ files: { 'memory.high': '1M' }, procs: [{ pid: 100, comm: 'sh' }] });
    tree = charged(tree, [[100, 512 * 1024], [100, 1 * MiB], [100, 4096]]);
    expect(must(readCgroupFile(tree, SCOPE, 'memory.events'))).toMatch(/^low 0\nhigh 2\nmax 0\n/);
    expect(memoryCurrent(tree, SCOPE)).toBe(1.5 * MiB + 4096);
  });

  it('uncharging frees pages, never below zero', () => {
    const tree = charged(hostWith({ procs: [{ pid: 100, comm: 'sh' }] }), [[100, 3 * 4096]]);
    expect(memoryCurrent(must(unchargeMemory(tree, 100, 4096)), SCOPE)).toBe(8192);
    expect(memoryCurrent(must(unchargeMemory(tree, 100, 1 * MiB)), SCOPE)).toBe(0);
  });

  it.each([
    { name: 'an unknown pid', pid: 9, bytes: 1, errno: 'ESRCH' },
    { name: 'a negative size', pid: 100, bytes: -1, errno: 'EINVAL' },
  ])('charging $name fails with $errno', ({ pid, bytes, errno }) => {
    const step = chargeMemory(hostWith({ procs: [{ pid: 100, comm: 'sh' }] }), pid, bytes);
    expect(step.result.ok ? 'ok' : step.result.errno).toBe(errno);
  });

  it.each([
    { bytes: 4 * MiB, oom: false },
    { bytes: 6 * MiB, oom: false },
    { bytes: 6 * MiB + 1, oom: true },
  ])('chargeWouldOom for $bytes bytes with 10 MiB of 16 MiB used: $oom', ({ bytes, oom }) => {
    const tree = charged(nested('16M'), [[100, 10 * MiB]]);
    expect(chargeWouldOom(tree, 101, bytes)).toBe(oom);
  });

  it('memory charged before a move stays with the old cgroup', () => {
    let tree = must(mkdirCgroup(charged(nested('max'), [[100, 1 * MiB]]), `${SCOPE}/other`));
    tree = must(writeCgroupFile(tree, `${SCOPE}/other`, 'cgroup.procs', '100'));
    tree = charged(tree, [[100, 2 * MiB]]);
    expect(memoryCurrent(tree, APP)).toBe(1 * MiB);
    expect(memoryCurrent(tree, `${SCOPE}/other`)).toBe(2 * MiB);
  });
});
