import { describe, expect, it } from 'vitest';
import { VIRTIOFSD } from '../../../src/sim/kata/processes.ts';
import { KATA_SURFACE_NOTE, kataSurface } from '../../../src/sim/kata/surface.ts';
import { virtiofsdAllowList } from '../../../src/sim/kata/virtiofsdFilter.ts';
import { KATA } from '../../../src/sim/runtime/kata.ts';
import type { RuntimeOptions } from '../../../src/sim/runtime/types.ts';
import { referenceCsv, referenceList } from '../../helpers/reference.ts';

const VIRTIOFSD_TXT = referenceList('virtiofsd_seccomp.txt');
/** The CSV's conditional rows: sendto is allowed only with --syslog, which Kata passes. */
const SYSLOG_ROWS = referenceCsv('virtiofsd_seccomp.csv').filter((r) => /--syslog/.test(r.condition ?? '')).map((r) => r.syscall ?? '');
const FC_UNION = referenceList('firecracker_vmm_seccomp_x86_64.txt');
/** Every syscall Linux implements on x86_64: an entry point that is not sys_ni_syscall. */
const IMPLEMENTED = referenceCsv('syscalls_x86_64.csv').filter((r) => r.entry_point && r.entry_point !== 'sys_ni_syscall').map((r) => r.name ?? '');

const sorted = (xs: Iterable<string>) => [...xs].sort();

describe("virtiofsd's filter", () => {
  it('is virtiofsd_seccomp.txt exactly without --syslog', () => {
    expect(sorted(virtiofsdAllowList(false))).toEqual(sorted(VIRTIOFSD_TXT));
    expect(VIRTIOFSD_TXT).toHaveLength(101);
  });

  it('adds exactly the CSV\'s --syslog row (sendto) as Kata runs it', () => {
    expect(SYSLOG_ROWS).toEqual(['sendto']);
    expect(sorted(VIRTIOFSD.allowed ?? [])).toEqual(sorted([...VIRTIOFSD_TXT, ...SYSLOG_ROWS]));
    expect(VIRTIOFSD.onDeny).toBe('kill');
  });
});

describe('kataSurface against the reference files', () => {
  it.each<[string, RuntimeOptions, string[]]>([
    // QEMU has no filter under Kata's defaults: every implemented syscall; virtiofsd's are a subset.
    ['QEMU + virtio-fs', {}, IMPLEMENTED],
    ['QEMU + virtio-9p', { 'shared-fs': 'virtio-9p' }, IMPLEMENTED],
    // Cloud Hypervisor is left out (no list in the reference): only virtiofsd counts.
    ['Cloud Hypervisor', { hypervisor: 'clh' }, [...VIRTIOFSD_TXT, ...SYSLOG_ROWS]],
    // Firecracker: the union of its thread filters; no virtiofsd.
    ['Firecracker', { hypervisor: 'firecracker' }, FC_UNION],
  ])('%s reaches exactly the reference set', (_label, options, expected) => {
    expect(sorted(kataSurface(options).map((r) => r.name))).toEqual(sorted(new Set(expected)));
  });

  it.each<[RuntimeOptions, number]>([[{}, 368], [{ hypervisor: 'clh' }, 102], [{ hypervisor: 'firecracker' }, 50]])('%j: %i rows', (options, n) => {
    expect(KATA.surface(options)).toHaveLength(n);
  });

  it.each<[RuntimeOptions, string, string[]]>([
    [{}, 'openat2', ['qemu-system-x86_64 (no seccomp filter)', 'virtiofsd']],
    [{}, 'keyctl', ['qemu-system-x86_64 (no seccomp filter)']],
    [{ hypervisor: 'clh' }, 'preadv2', ['virtiofsd']],
    [{ hypervisor: 'firecracker' }, 'writev', ['firecracker (vmm thread)']],
    [{ hypervisor: 'firecracker' }, 'write', ['firecracker (vmm thread)', 'firecracker (api thread, fc_api)', 'firecracker (vcpu thread, fc_vcpu 0)']],
  ])('%j: %s is reached through %j', (options, name, processes) => {
    expect(kataSurface(options).find((r) => r.name === name)?.processes).toEqual(processes);
  });

  it('marks a Firecracker row argument-filtered only when every thread that allows it filters its arguments', () => {
    const rows = referenceCsv('firecracker_seccomp_x86_64_by_thread.csv');
    for (const r of kataSurface({ hypervisor: 'firecracker' })) {
      const ref = rows.find((x) => x.syscall === r.name);
      const rules = [ref?.vmm, ref?.api, ref?.vcpu].filter((x) => x);
      expect(r.argFiltered, r.name).toBe(rules.every((x) => x === 'allow_args'));
    }
  });

  it.each(['qemu', 'clh', 'firecracker'] as const)('explains what %s counts', (h) => {
    expect(KATA_SURFACE_NOTE[h].length).toBeGreaterThan(20);
  });
});
