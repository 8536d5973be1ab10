import { describe, expect, it } from 'vitest';
import { measurements } from '../../helpers/reference.ts';
import { kernelFunctionCounts } from '../../../src/sim/compare/kernelFunctions.ts';
import type { RuntimeId } from '../../../src/sim/runtime/types.ts';

/** The host kernel function counts agree with the Nabla measurements they cite. */
const byId = new Map(measurements().map((m) => [m.id, m.value]));

describe('host kernel functions per runtime', () => {
  it.each([
    ['runc', {}, 3], ['nabla', {}, 3], ['gvisor', { platform: 'ptrace' }, 3], ['gvisor', { platform: 'kvm' }, 3],
    ['gvisor', { platform: 'systrap' }, 0], ['kata', { hypervisor: 'qemu' }, 3], ['kata', { hypervisor: 'firecracker' }, 3], ['kata', { hypervisor: 'clh' }, 0], ['host', {}, 0],
  ] as [RuntimeId, Record<string, string>, number][])('%s %o', (runtime, options, n) => {
    const counts = kernelFunctionCounts(runtime, options);
    expect(counts).toHaveLength(n);
    for (const c of counts) expect(byId.get(c.id)).toBe(c.functions);
  });
});
