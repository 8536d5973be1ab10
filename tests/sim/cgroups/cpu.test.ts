import { describe, expect, it } from 'vitest';
import { mkdirCgroup, readCgroupFile, runCpu, writeCgroupFile, type CgroupTree } from '../../../src/sim/cgroups/index.ts';
import { hostWith, must, SCOPE } from './helpers.ts';

const APP = `${SCOPE}/app`;
const SECOND = 1_000_000;

function withCpuMax(scopeMax: string, appMax?: string): CgroupTree {
  let tree = must(mkdirCgroup(hostWith({ files: { 'cpu.max': scopeMax } }), APP));
  tree = must(writeCgroupFile(tree, SCOPE, 'cgroup.subtree_control', '+cpu'));
  return appMax ? must(writeCgroupFile(tree, APP, 'cpu.max', appMax)) : tree;
}

describe('cpu bandwidth controller', () => {
  it.each([
    { name: '--cpus 0.5: 1 s of demand over 1 s', max: '50000 100000', demand: SECOND, wall: SECOND, granted: 500_000, throttled: 500_000, periods: 10, throttledPeriods: 10 },
    { name: 'no limit', max: 'max 100000', demand: SECOND, wall: SECOND, granted: SECOND, throttled: 0, periods: 0, throttledPeriods: 0 },
    { name: 'demand under the quota', max: '50000 100000', demand: 300_000, wall: SECOND, granted: 300_000, throttled: 0, periods: 10, throttledPeriods: 0 },
    { name: 'two busy CPUs under --cpus 1.5', max: '150000 100000', demand: 2 * SECOND, wall: SECOND, granted: 1_500_000, throttled: 500_000, periods: 10, throttledPeriods: 10 },
    { name: 'a partial last period', max: '20000 100000', demand: 250_000, wall: 250_000, granted: 60_000, throttled: 190_000, periods: 3, throttledPeriods: 3 },
    { name: 'a short period', max: '5000 10000', demand: SECOND, wall: SECOND, granted: 500_000, throttled: 500_000, periods: 100, throttledPeriods: 100 },
  ])('$name', ({ max, demand, wall, granted, throttled, periods, throttledPeriods }) => {
    const run = must(runCpu(hostWith({ files: { 'cpu.max': max } }), SCOPE, demand, wall));
    expect(run).toMatchObject({ grantedUsec: granted, throttledUsec: throttled, periods, throttledPeriods });
  });

  it('writes the run into cpu.stat', () => {
    const run = must(runCpu(hostWith({ files: { 'cpu.max': '50000' } }), SCOPE, SECOND, SECOND));
    expect(must(readCgroupFile(run.tree, SCOPE, 'cpu.stat'))).toBe(
      'usage_usec 500000\nuser_usec 500000\nsystem_usec 0\nnr_periods 10\nnr_throttled 10\nthrottled_usec 500000\nnr_bursts 0\nburst_usec 0\n',
    );
    expect(must(readCgroupFile(run.tree, '/', 'cpu.stat'))).toMatch(/^usage_usec 500000\n.*nr_periods 0\n/s);
  });

  it.each([
    { name: 'the parent\'s tighter quota limits the child', scopeMax: '20000 100000', appMax: '50000 100000', granted: 200_000, limitedBy: SCOPE },
    { name: 'the child\'s own tighter quota', scopeMax: '50000 100000', appMax: '20000 100000', granted: 200_000, limitedBy: APP },
    { name: 'a parent limit with no child limit', scopeMax: '30000 100000', appMax: undefined, granted: 300_000, limitedBy: SCOPE },
  ])('hierarchy: $name', ({ scopeMax, appMax, granted, limitedBy }) => {
    const run = must(runCpu(withCpuMax(scopeMax, appMax), APP, SECOND, SECOND));
    expect(run).toMatchObject({ grantedUsec: granted, limitedBy });
    expect(must(readCgroupFile(run.tree, SCOPE, 'cpu.stat'))).toMatch(new RegExp(`^usage_usec ${granted}\n`));
    expect(must(readCgroupFile(run.tree, limitedBy, 'cpu.stat'))).toMatch(/nr_throttled 10\n/);
  });

  it.each([
    { path: '/nope', demand: 1, wall: 1, errno: 'ENOENT' },
    { path: SCOPE, demand: -1, wall: 1, errno: 'EINVAL' },
    { path: SCOPE, demand: 1, wall: Number.NaN, errno: 'EINVAL' },
  ])('runCpu($path, $demand, $wall) fails with $errno', ({ path, demand, wall, errno }) => {
    const r = runCpu(hostWith(), path, demand, wall);
    expect(r.ok ? 'ok' : r.errno).toBe(errno);
  });
});
