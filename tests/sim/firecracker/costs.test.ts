import { describe, expect, it } from 'vitest';
import { FC_COST, FC_FIGURES } from '../../../src/sim/firecracker/costs.ts';
import { measurements } from '../../helpers/reference.ts';

const byId = new Map(measurements().map((m) => [m.id, m]));

describe("Firecracker's modelled costs and published figures", () => {
  it.each(Object.entries(FC_COST))('%s cites a measurement id or estimate', (_name, cost) => {
    expect(cost.source === 'estimate' || byId.has(cost.source)).toBe(true);
  });

  it.each(FC_FIGURES.map((f) => [f.id, f] as const))('%s agrees with published_measurements.json', (id, figure) => {
    const m = byId.get(id);
    expect(m).toBeDefined();
    expect([figure.value, figure.unit]).toEqual([m?.value, m?.unit]);
  });

  it.each([
    ['fc-spec-boot', 125, 'ms'],
    ['fc-spec-vmm-mem', 5, 'MiB'],
    ['fc-spec-vmm-start', 8, 'CPU ms'],
    ['uk21-vmm-boot-firecracker', 1.48, 'ms'],
    ['uk21-boot-linux-on-firecracker', 331.6, 'ms'],
  ])('the boot and memory figures include %s (%s %s)', (id, value, unit) => {
    expect(FC_FIGURES.find((f) => f.id === id)).toMatchObject({ value, unit });
  });

  it('the VM exit is the Nehalem direct cost: 2,000 cycles at 2.93 GHz', () => {
    const m = byId.get('vmexit-direct-cost-nehalem');
    expect(FC_COST.vmExit.source).toBe('vmexit-direct-cost-nehalem');
    expect(FC_COST.vmExit.ns).toBeCloseTo((m?.value ?? 0) / 2.93, 6);
    expect((m as { conditions?: string } | undefined)?.conditions).toMatch(/2\.93GHz/);
  });
});
