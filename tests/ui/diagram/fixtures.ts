import type { HopRow, LayerRow } from '../../../src/store/labStore.ts';

/**
 * Layer lists copied from the runtime models (src/sim/runtime/*), so the
 * layout is tested on the shapes it meets without importing the model: if a
 * model changes, these still hold the layout to every mix of kinds.
 */
type Row = [id: string, label: string, kind: LayerRow['kind'], hostKernel: boolean];
const rows = (list: Row[]): LayerRow[] => list.map(([id, label, kind, hostKernel]) => ({ id, label, kind, hostKernel, description: '' }));

export const RUNC = rows([
  ['app', 'Application', 'user', false],
  ['libc', 'glibc', 'user', false],
  ['syscall', 'syscall entry', 'boundary', true],
  ['seccomp', 'seccomp filter', 'boundary', true],
  ['namespaces', 'namespaces', 'kernel', true],
  ['capabilities', 'capabilities', 'kernel', true],
  ['cgroups', 'cgroups v2', 'kernel', true],
  ['vfs', 'VFS', 'kernel', true],
  ['kernel', 'host kernel', 'kernel', true],
  ['hardware', 'hardware', 'hardware', false],
]);

export const GVISOR = rows([
  ['app', 'Application', 'user', false],
  ['libc', 'glibc', 'user', false],
  ['platform', 'platform trap', 'boundary', false],
  ['sentry-seccomp', 'OCI seccomp (in the Sentry)', 'boundary', false],
  ['sentry-syscall', 'Sentry syscall table', 'boundary', false],
  ['sentry', 'Sentry', 'kernel', false],
  ['sentry-vfs', 'Sentry VFS', 'kernel', false],
  ['netstack', 'netstack', 'kernel', false],
  ['gofer', 'Gofer', 'helper', false],
  ['host-seccomp', 'host seccomp filter', 'boundary', true],
  ['host-kernel', 'host kernel', 'kernel', true],
  ['hardware', 'hardware', 'hardware', false],
]);

export const KATA = rows([
  ['app', 'Application', 'user', false],
  ['libc', 'glibc', 'user', false],
  ['guest-syscall', 'guest syscall entry', 'boundary', false],
  ['guest-seccomp', 'guest seccomp (OCI profile)', 'boundary', false],
  ['guest-kernel', 'guest kernel', 'kernel', false],
  ['guest-vfs', 'guest VFS', 'kernel', false],
  ['guest-driver', 'guest virtio driver', 'kernel', false],
  ['kata-agent', 'kata-agent', 'user', false],
  ['vm-exit', 'VM exit', 'boundary', true],
  ['kvm', 'KVM', 'kernel', true],
  ['vhost', 'vhost worker', 'kernel', true],
  ['vmm', 'VMM', 'helper', false],
  ['virtiofsd', 'virtiofsd', 'helper', false],
  ['shim', 'containerd-shim-kata-v2', 'helper', false],
  ['host-seccomp', 'host seccomp filter', 'boundary', true],
  ['host-kernel', 'host kernel', 'kernel', true],
  ['hardware', 'hardware', 'hardware', false],
]);

export const HVT = rows([
  ['app', 'Application', 'user', false],
  ['libc', 'NetBSD libc (rumprun)', 'user', false],
  ['libos', 'rump kernel', 'kernel', false],
  ['libos-vfs', 'rump VFS', 'kernel', false],
  ['libos-net', 'rump TCP/IP', 'kernel', false],
  ['solo5', 'Solo5 bindings', 'boundary', false],
  ['kvm', 'KVM (VM exit)', 'boundary', true],
  ['tender', 'solo5-hvt tender', 'helper', false],
  ['host-seccomp', "tender's seccomp filter", 'boundary', true],
  ['host-kernel', 'host kernel', 'kernel', true],
]);

export const LIGHTVM = rows([
  ['app', 'Application', 'user', false],
  ['libc', 'libc', 'user', false],
  ['minios', 'Mini-OS', 'kernel', false],
  ['guest-syscall', 'PV syscall (via Xen)', 'boundary', false],
  ['guest-kernel', 'Tinyx Linux kernel', 'kernel', false],
  ['frontend', 'split-driver frontend', 'boundary', false],
  ['hypercall', 'hypercall', 'boundary', true],
  ['xen', 'Xen hypervisor', 'kernel', true],
  ['backend', 'Dom0 backend', 'kernel', true],
  ['host-kernel', 'Dom0 Linux kernel', 'kernel', true],
  ['console-backend', 'xenconsoled (Dom0)', 'helper', false],
  ['hardware', 'hardware', 'hardware', false],
]);

/** Mixes no runtime has today, so the layout is not fitted to the eight. */
export const SYNTHETIC = {
  helpersFirst: rows([['h1', 'first helper', 'helper', false], ['h2', 'second helper', 'helper', false], ['app', 'app', 'user', false], ['k', 'kernel', 'kernel', true]]),
  onlyHelpers: rows([['h1', 'a helper', 'helper', false], ['h2', 'another', 'helper', false]]),
  gatesOnly: rows([['g1', 'gate one', 'boundary', true], ['g2', 'gate two', 'boundary', false], ['g3', 'gate three', 'boundary', true]]),
  twoBands: rows([['app', 'app', 'user', false], ['k1', 'host a', 'kernel', true], ['g', 'guest', 'kernel', false], ['k2', 'host b', 'kernel', true], ['hw', 'hw', 'hardware', false]]),
  oneLayer: rows([['app', 'app', 'user', false]]),
  manyHelpers: rows([
    ['app', 'app', 'user', false],
    ...Array.from({ length: 12 }, (_, i): Row => [`h${i}`, `helper ${i}`, 'helper', false]),
    ['k', 'kernel', 'kernel', true],
  ]),
};

/** A hop with only what a test sets; the rest is neutral. */
export const hop = (layerId: string, verdict: HopRow['verdict'], costNs = 0, hostCall: string | null = null): HopRow => ({
  layer: layerId, layerId, verdict, note: `${layerId} ${verdict}`, costNs, source: 'estimate', hostEntry: null, hostCall,
});

/** runc running keyctl under Docker's default profile: denied at the seccomp filter (the model's trace, abridged). */
export const RUNC_KEYCTL: HopRow[] = [
  hop('app', 'pass', 1.11),
  hop('libc', 'pass', 0),
  hop('syscall', 'pass', 62, 'keyctl by sh (pid 4201)'),
  hop('seccomp', 'deny', 74),
  hop('syscall', 'deny', 0),
];
