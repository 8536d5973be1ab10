import { describe, expect, it } from 'vitest';
import { cgroupLimitState, chargeMemory } from '../../../src/sim/cgroups/index.ts';
import { hostWith, MiB, SCOPE } from './helpers.ts';

describe('limit state summary', () => {
  it.each([
    { name: 'no limits', files: {}, mib: 50, want: { pidsAtMax: false, memoryNearMax: false } },
    { name: 'pids at max', files: { 'pids.max': '1' }, mib: 0, want: { pidsAtMax: true, memoryNearMax: false } },
    { name: 'memory at 89 %', files: { 'memory.max': '100M' }, mib: 89, want: { pidsAtMax: false, memoryNearMax: false } },
    { name: 'memory at 90 %', files: { 'memory.max': '100M' }, mib: 90, want: { pidsAtMax: false, memoryNearMax: true } },
  ] as { name: string; files: Record<string, string>; mib: number; want: object }[])('$name', ({ files, mib, want }) => {
    const tree = chargeMemory(hostWith({ files, procs: [{ pid: 100, comm: 'a' }] }), 100, mib * MiB).tree;
    expect(cgroupLimitState(tree, SCOPE)).toEqual(want);
  });

  it('a missing cgroup is at no limit', () => {
    expect(cgroupLimitState(hostWith(), '/nope')).toEqual({ pidsAtMax: false, memoryNearMax: false });
  });
});
