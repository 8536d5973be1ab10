import { describe, expect, it } from 'vitest';
import { addProcess, attachProcess, exitProcess, procsIn, setOomScoreAdj } from '../../../src/sim/cgroups/index.ts';
import { hostWith, must, SCOPE } from './helpers.ts';

describe('process membership', () => {
  const tree = hostWith({ procs: [{ pid: 300, comm: 'nginx' }, { pid: 20, comm: 'sh' }] });

  it('lists cgroup.procs in pid order', () => {
    expect(procsIn(tree, SCOPE)).toEqual([20, 300]);
  });

  it.each([
    { name: 'add a pid already known', run: () => addProcess(tree, { pid: 20, comm: 'x', cgroup: SCOPE }), errno: 'EEXIST' },
    { name: 'add into a missing cgroup', run: () => addProcess(tree, { pid: 21, comm: 'x', cgroup: '/nope' }), errno: 'ENOENT' },
    { name: 'attach an unknown pid', run: () => attachProcess(tree, 21, SCOPE), errno: 'ESRCH' },
    { name: 'attach into a missing cgroup', run: () => attachProcess(tree, 20, '/nope'), errno: 'ENOENT' },
    { name: 'exit an unknown pid', run: () => exitProcess(tree, 21), errno: 'ESRCH' },
    { name: 'oom_score_adj below -1000', run: () => setOomScoreAdj(tree, 20, -1001), errno: 'EINVAL' },
    { name: 'oom_score_adj above 1000', run: () => setOomScoreAdj(tree, 20, 1001), errno: 'EINVAL' },
  ])('$name fails with $errno', ({ run, errno }) => {
    const r = run();
    expect(r.ok ? 'ok' : r.errno).toBe(errno);
  });

  it.each([-1000, 0, 1000])('oom_score_adj %i is accepted', (adj) => {
    expect(must(setOomScoreAdj(tree, 20, adj)).procs[20]?.oomScoreAdj).toBe(adj);
  });

  it('the root cgroup may hold processes although it hands on controllers', () => {
    expect(procsIn(must(attachProcess(tree, 20, '/')), '/')).toEqual([20]);
  });
});
