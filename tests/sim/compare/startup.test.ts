import { describe, expect, it } from 'vitest';
import { measurements } from '../../helpers/reference.ts';
import { startupFigures } from '../../../src/sim/compare/startup.ts';
import { RUNTIME_IDS } from '../../../src/sim/runtime/registry.ts';
import type { RuntimeId } from '../../../src/sim/runtime/types.ts';

/** Start-up figures cite the measurements file, in milliseconds. */
const byId = new Map(measurements().map((m) => [m.id, m]));
const inMs = (id: string) => {
  const m = byId.get(id);
  if (!m) return undefined;
  return m.unit === 's' ? m.value * 1000 : m.value;
};

describe('startup figures', () => {
  const cases: [RuntimeId, Record<string, string>][] = [
    ...RUNTIME_IDS.map((id) => [id, {}] as [RuntimeId, Record<string, string>]),
    ['kata', { hypervisor: 'qemu' }], ['kata', { hypervisor: 'clh' }], ['kata', { hypervisor: 'firecracker' }],
    ['firecracker', {}], ['lightvm', {}],
  ];
  it.each(cases)('%s %o', (runtime, options) => {
    for (const f of startupFigures(runtime, options)) expect(inMs(f.id), f.id).toBeCloseTo(f.ms, 6);
  });
});
