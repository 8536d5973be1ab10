import { describe, expect, it } from 'vitest';
import { COST } from '../../../src/sim/kernel/costs.ts';
import { measurements } from '../../helpers/reference.ts';

const byId = new Map(measurements().map((m) => [m.id, m]));

describe('modelled costs', () => {
  it.each(Object.entries(COST).filter(([, c]) => c.source !== 'estimate'))('%s cites a published measurement that exists', (_name, cost) => {
    expect(byId.has(cost.source)).toBe(true);
  });

  it.each(['functionCall', 'syscallEntryExit', 'openClose', 'read4k', 'processSwitch'] as const)('%s equals its source figure in ns', (name) => {
    const m = byId.get(COST[name].source);
    const ns = m?.unit === 'us' ? m.value * 1000 : (m?.value ?? NaN);
    expect(COST[name].ns).toBeCloseTo(ns, 5);
  });

  it("the seccomp cost is the gap between getuid() under runc and in a bare process (Young et al. 2019)", () => {
    const runc = byId.get('young19-getuid-runc')?.value ?? NaN;
    const bare = byId.get('young19-getuid-native-linux')?.value ?? NaN;
    expect(COST.seccompDockerFilter.ns).toBeCloseTo((runc - bare) * 1000, 5);
  });
});
