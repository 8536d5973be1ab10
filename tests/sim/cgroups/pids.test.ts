import { describe, expect, it } from 'vitest';
import { addProcess, attachProcess, exitProcess, forkProcess, mkdirCgroup, pidsCurrent, readCgroupFile, writeCgroupFile, type CgroupTree } from '../../../src/sim/cgroups/index.ts';
import { hostWith, must, SCOPE } from './helpers.ts';

/** A fork bomb: every live process forks until the kernel says no; returns the tree and each fork's errno or 'ok'. */
function forkBomb(tree: CgroupTree, firstPid: number, attempts: number): { tree: CgroupTree; results: string[] } {
  let next = tree;
  const results: string[] = [];
  for (let i = 0; i < attempts; i++) {
    const step = forkProcess(next, firstPid, 1000 + i, i);
    next = step.tree;
    results.push(step.result.ok ? 'ok' : step.result.errno);
  }
  return { tree: next, results };
}

describe('pids controller', () => {
  it('a fork bomb under pids.max=10 gets 10 processes; the 11th fork fails with EAGAIN', () => {
    const start = hostWith({ files: { 'pids.max': '10' }, procs: [{ pid: 100, comm: 'bash' }] });
    const { tree, results } = forkBomb(start, 100, 12);
    expect(results).toEqual([...Array<string>(9).fill('ok'), 'EAGAIN', 'EAGAIN', 'EAGAIN']);
    expect(pidsCurrent(tree, SCOPE)).toBe(10);
    expect(must(readCgroupFile(tree, SCOPE, 'pids.current'))).toBe('10\n');
    expect(must(readCgroupFile(tree, SCOPE, 'pids.events'))).toBe('max 3\n');
  });

  it.each([
    { name: 'exactly at the limit', max: '3', procs: 3, ok: false },
    { name: 'one below the limit', max: '3', procs: 2, ok: true },
    { name: 'pids.max 0', max: '0', procs: 1, ok: false },
    { name: 'no limit', max: 'max', procs: 50, ok: true },
  ])('fork $name: allowed=$ok', ({ max, procs, ok }) => {
    const tree = hostWith({ files: { 'pids.max': max }, procs: Array.from({ length: procs }, (_, i) => ({ pid: 100 + i, comm: 'sh' })) });
    const step = forkProcess(tree, 100, 999);
    expect(step.result.ok).toBe(ok);
    if (!step.result.ok) expect(step.result.errno).toBe('EAGAIN');
  });

  it('an ancestor\'s pids.max applies to a child cgroup, and is counted where the limit was hit', () => {
    let tree = must(mkdirCgroup(hostWith({ files: { 'pids.max': '2' } }), `${SCOPE}/app`));
    tree = must(writeCgroupFile(tree, SCOPE, 'cgroup.subtree_control', '+pids'));
    tree = must(writeCgroupFile(tree, `${SCOPE}/app`, 'pids.max', '100'));
    tree = must(addProcess(tree, { pid: 7, comm: 'sh', cgroup: `${SCOPE}/app` }));
    tree = forkProcess(tree, 7, 8).tree;
    const refused = forkProcess(tree, 7, 9);
    expect(refused.result.ok ? 'ok' : refused.result.errno).toBe('EAGAIN');
    expect(must(readCgroupFile(refused.tree, SCOPE, 'pids.events'))).toBe('max 1\n');
    expect(must(readCgroupFile(refused.tree, SCOPE, 'pids.events.local'))).toBe('max 1\n');
    expect(must(readCgroupFile(refused.tree, `${SCOPE}/app`, 'pids.events'))).toBe('max 0\n');
    expect(must(readCgroupFile(refused.tree, '/system.slice', 'pids.events'))).toBe('max 1\n');
    expect(must(readCgroupFile(refused.tree, '/system.slice', 'pids.current'))).toBe('2\n');
  });

  it('logs the first refused fork from a cgroup once', () => {
    const tree = hostWith({ files: { 'pids.max': '1' }, procs: [{ pid: 100, comm: 'bash' }] });
    const { tree: after } = forkBomb(tree, 100, 3);
    expect(after.log).toEqual([{ type: 'forkRejected', cgroup: SCOPE, at: 0, line: `cgroup: fork rejected by pids controller in ${SCOPE}` }]);
  });

  it('moving a process in ignores pids.max, so pids.current can exceed it', () => {
    let tree = must(mkdirCgroup(hostWith({ files: { 'pids.max': '1' }, procs: [{ pid: 100, comm: 'bash' }] }), '/system.slice/other.scope'));
    tree = must(addProcess(tree, { pid: 200, comm: 'sh', cgroup: '/system.slice/other.scope' }));
    tree = must(attachProcess(tree, 200, SCOPE));
    expect(pidsCurrent(tree, SCOPE)).toBe(2);
  });

  it('a child inherits the parent\'s cgroup; its exit frees the slot', () => {
    const tree = hostWith({ files: { 'pids.max': '2' }, procs: [{ pid: 100, comm: 'bash', oomScoreAdj: 500 }] });
    const forked = forkProcess(tree, 100, 101);
    expect(forked.tree.procs[101]).toMatchObject({ cgroup: SCOPE, comm: 'bash', oomScoreAdj: 500, charged: {} });
    expect(forkProcess(forked.tree, 100, 102).result.ok).toBe(false);
    expect(forkProcess(must(exitProcess(forked.tree, 101)), 100, 102).result.ok).toBe(true);
  });

  it.each([
    { name: 'an unknown parent', parent: 5, child: 6, errno: 'ESRCH' },
    { name: 'a child pid already in use', parent: 100, child: 100, errno: 'EEXIST' },
  ])('fork from $name fails with $errno and leaves the tree as it was', ({ parent, child, errno }) => {
    const tree = hostWith({ procs: [{ pid: 100, comm: 'bash' }] });
    const step = forkProcess(tree, parent, child);
    expect(step.result.ok ? 'ok' : step.result.errno).toBe(errno);
    expect(step.tree).toBe(tree);
  });
});
