import { describe, expect, it } from 'vitest';
import { LIGHTVM } from '../../../src/sim/runtime/lightvm.ts';
import { LIGHTVM_COST, LIGHTVM_FIGURES } from '../../../src/sim/lightvm/costs.ts';
import { LIGHTVM_BOOT } from '../../../src/sim/lightvm/boot.ts';
import { LIGHTVM_LAYERS } from '../../../src/sim/lightvm/layers.ts';
import { backendHop, xenHop } from '../../../src/sim/lightvm/hops.ts';
import { allSyscalls, syscallByName } from '../../../src/sim/syscalls/catalogue.ts';
import { measurements } from '../../helpers/reference.ts';

const byId = new Map(measurements().map((m) => [m.id, m]));

describe("LightVM figures that rest on the paper's abstract only", () => {
  const fromAbstract = measurements().filter((m) => m.runtime === 'lightvm' || m.id.startsWith('lightvm-'));
  it.each(fromAbstract.map((m) => [m.id, m] as const))('%s is in the model, marked abstract-only, and agrees with the reference', (id, m) => {
    const figure = LIGHTVM_FIGURES.find((f) => f.id === id);
    expect(m.source).toMatch(/abstract/);
    expect(figure).toMatchObject({ value: m.value, unit: m.unit, abstractOnly: true });
    expect(figure?.what).toMatch(/abstract only/);
  });

  it('the boot step that carries the 2.3 ms figure says it is abstract-only', () => {
    const steps = LIGHTVM_BOOT.filter((s) => s.figure);
    expect(steps.map((s) => s.figure)).toEqual([{ id: 'lightvm-boot', abstractOnly: true }]);
  });

  it.each([
    ['the xen layer description', LIGHTVM_LAYERS.find((l) => l.id === 'xen')?.description ?? ''],
    ['the Xen hop of a split-driver request', xenHop({ type: 'console' }).note],
    ['the Xen hop of a page-table update', xenHop({ type: 'mmu' }).note],
  ])('%s marks the abstract-only figures', (_where, text) => {
    expect(text).toMatch(/abstract only/);
  });

  it.each(Object.entries(LIGHTVM_COST))('cost %s cites a measurement id or estimate', (_name, cost) => {
    expect(cost.source === 'estimate' || byId.has(cost.source)).toBe(true);
  });

  it('a backend hop is not a host syscall and not under a seccomp filter', () => {
    const hop = backendHop({ type: 'net-tx', bytes: 1, dest: 'x' });
    expect([hop.layer, hop.hostCall]).toEqual(['backend', undefined]);
  });
});

describe('LightVM verdicts()', () => {
  it.each([
    ['unikernel', 'getpid', 'allow', null],
    ['unikernel', 'openat', 'conditional', null],
    ['unikernel', 'fork', 'deny', null],
    ['unikernel', 'execve', 'deny', null],
    ['unikernel', 'rt_sigaction', 'deny', 'ENOSYS'],
    ['unikernel', 'uname', 'deny', 'ENOSYS'],
    ['unikernel', 'fsync', 'deny', 'EBADF'],
    ['unikernel', 'mkdir', 'deny', 'EIO'],
    ['tinyx', 'fork', 'allow', null],
    ['tinyx', 'uname', 'allow', null],
    ['tinyx', 'uselib', 'deny', 'ENOSYS'],
  ])('%s guest: %s → %s %s', (guest, name, verdict, errno) => {
    expect(LIGHTVM.verdicts({ guest }).find((v) => v.name === name)).toMatchObject({ verdict, errno });
  });

  it.each([
    ['unikernel', 'minios'],
    ['tinyx', 'guest-kernel'],
  ])('%s: one row per x86_64 syscall, all decided by %s', (guest, layer) => {
    const rows = LIGHTVM.verdicts({ guest });
    expect(rows.map((r) => r.name)).toEqual(allSyscalls().map((s) => s.name));
    expect(new Set(rows.map((r) => r.handledBy))).toEqual(new Set([layer]));
  });
});

describe('LightVM surface(): hypercalls and Dom0 backends, no host syscalls', () => {
  // Hypercall numbers from xen/include/public/xen.h.
  const XEN_H: Record<string, number> = {
    HYPERVISOR_mmu_update: 1, HYPERVISOR_set_timer_op: 15, HYPERVISOR_grant_table_op: 20, HYPERVISOR_iret: 23, HYPERVISOR_sched_op: 29, HYPERVISOR_event_channel_op: 32,
  };
  it.each([
    ['unikernel', 5, 4],
    ['tinyx', 6, 4],
  ])('%s guest: %i hypercall rows and %i backend rows', (guest, hypercalls, backends) => {
    const rows = LIGHTVM.surface({ guest });
    expect(rows.filter((r) => r.name.startsWith('HYPERVISOR_'))).toHaveLength(hypercalls);
    expect(rows.filter((r) => r.number === -1)).toHaveLength(backends);
    expect(rows).toHaveLength(hypercalls + backends);
  });

  it.each(LIGHTVM.surface({ guest: 'tinyx' }).map((r) => [r.name, r] as const))('%s says what it is, and is no host syscall', (name, row) => {
    expect(syscallByName(name)).toBeUndefined();
    if (name.startsWith('HYPERVISOR_')) expect([row.number, row.processes.join()]).toEqual([XEN_H[name], expect.stringMatching(/Xen hypervisor/)]);
    else expect(row.processes.join()).toMatch(/Dom0/);
  });
});
