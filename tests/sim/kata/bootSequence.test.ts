import { describe, expect, it } from 'vitest';
import { kataBootSequence } from '../../../src/sim/kata/bootSequence.ts';
import { KATA_OPTIONS } from '../../../src/sim/kata/options.ts';
import type { RuntimeOptions } from '../../../src/sim/runtime/types.ts';
import { measurements, referenceCsv, referenceList } from '../../helpers/reference.ts';

const AGENT_RPCS = new Set(referenceList('kata_agent_api.txt'));
const HEALTH_RPCS = new Set(referenceCsv('kata_agent_api.csv').filter((r) => r.service === 'Health').map((r) => r.rpc ?? ''));
const BY_ID = new Map(measurements().map((m) => [m.id, m]));

/** Every combination of the options that change the boot. */
const CONFIGS: RuntimeOptions[] = ['qemu', 'clh', 'firecracker'].flatMap((hypervisor) =>
  ['virtio-fs', 'virtio-9p'].flatMap((sharedFs) => ['off', 'on'].map((guestSeccomp) => ({ hypervisor, 'shared-fs': sharedFs, 'guest-seccomp': guestSeccomp }))))
  .filter((o) => !(o.hypervisor === 'clh' && o['shared-fs'] === 'virtio-9p'));

const rpcNames = (o: RuntimeOptions) => kataBootSequence(o).steps.flatMap((s) => (s.rpc ? [`${s.rpc.service}.${s.rpc.name}`] : []));

describe('kataBootSequence: the agent RPCs', () => {
  it.each(CONFIGS)('%j: every AgentService rpc is in kata_agent_api.txt, every Health rpc in the CSV', (o) => {
    for (const step of kataBootSequence(o).steps.filter((s) => s.rpc)) {
      const known = step.rpc?.service === 'Health' ? HEALTH_RPCS : AGENT_RPCS;
      expect(known.has(step.rpc?.name ?? ''), `${step.rpc?.service}.${step.rpc?.name}`).toBe(true);
    }
  });

  it.each<[RuntimeOptions, string[]]>([
    [{}, ['Health.Check', 'AgentService.UpdateInterface', 'AgentService.UpdateRoutes', 'AgentService.CreateSandbox', 'AgentService.CreateContainer', 'AgentService.StartContainer']],
    [{ hypervisor: 'clh' }, ['Health.Check', 'AgentService.UpdateInterface', 'AgentService.UpdateRoutes', 'AgentService.CreateSandbox', 'AgentService.CreateContainer', 'AgentService.StartContainer']],
    // Firecracker cannot share files: the shim copies hostname, hosts and resolv.conf in before CreateContainer.
    [{ hypervisor: 'firecracker' }, ['Health.Check', 'AgentService.UpdateInterface', 'AgentService.UpdateRoutes', 'AgentService.CreateSandbox', 'AgentService.CopyFile', 'AgentService.CopyFile', 'AgentService.CopyFile', 'AgentService.CreateContainer', 'AgentService.StartContainer']],
  ])('%j sends %j in that order', (o, expected) => {
    expect(rpcNames(o)).toEqual(expected);
  });

  it.each<[RuntimeOptions, string[]]>([
    [{}, ['containerd-shim-kata-v2', 'virtiofsd', 'qemu-system-x86_64']],
    [{ 'shared-fs': 'virtio-9p' }, ['containerd-shim-kata-v2', 'qemu-system-x86_64']],
    [{ hypervisor: 'clh' }, ['containerd-shim-kata-v2', 'virtiofsd', 'cloud-hypervisor']],
    [{ hypervisor: 'firecracker' }, ['containerd-shim-kata-v2', 'firecracker']],
  ])('%j starts the host processes %j', (o, expected) => {
    expect(kataBootSequence(o).steps.flatMap((s) => s.starts)).toEqual(expected);
  });
});

describe('kataBootSequence: timings', () => {
  it.each<[string, string]>([['qemu', 'kata-ci-boot-qemu'], ['clh', 'kata-ci-boot-clh']])('%s adds up to Kata CI\'s measured boot (%s)', (hypervisor, id) => {
    const seq = kataBootSequence({ hypervisor });
    const m = BY_ID.get(id);
    expect(m?.unit).toBe('s');
    expect(seq.measured?.source).toBe(id);
    expect(seq.totalNs).toBeCloseTo((m?.value ?? NaN) * 1e9, 0);
    expect(seq.steps.find((s) => s.state === 'guestBooted')?.source).toBe(id);
  });

  it('says Kata on Firecracker has no measured whole, and boots the guest on Firecracker\'s own bound', () => {
    const seq = kataBootSequence({ hypervisor: 'firecracker' });
    expect(seq.measured).toBeNull();
    const guest = seq.steps.find((s) => s.state === 'guestBooted');
    expect(guest?.source).toBe('fc-spec-boot');
    expect(guest?.costNs).toBe((BY_ID.get('fc-spec-boot')?.value ?? NaN) * 1e6);
    expect(guest?.note).toMatch(/no published whole-boot figure/);
  });

  it.each(CONFIGS)('%j: every step cites a measurement id or estimate, and costs something', (o) => {
    for (const s of kataBootSequence(o).steps) {
      expect(s.source === 'estimate' || BY_ID.has(s.source), `${s.state}: ${s.source}`).toBe(true);
      expect(s.costNs).toBeGreaterThan(0);
    }
  });

  it('offers exactly the options the boot reads', () => {
    expect(KATA_OPTIONS.map((o) => o.key)).toEqual(['hypervisor', 'shared-fs', 'virtio-fs-cache', 'dax', 'guest-seccomp']);
  });
});
