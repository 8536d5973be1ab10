import { describe, expect, it } from 'vitest';
import { ESCAPES, findEscape } from '../../src/sim/escapes/index.ts';
import type { RuntimeId } from '../../src/sim/runtime/types.ts';
import { runEscape } from '../../src/machines/escapeRun.ts';
import { referenceCsv } from '../helpers/reference.ts';

/**
 * The escape matrix, cell by cell: what running each scenario through the
 * model gives, and the fact about the real system each expectation rests on.
 * `gate` is the layer that stopped it (stopped), or where it ran (contained).
 */
type Expect = readonly [scenario: string, runtime: RuntimeId, outcome: string, gate: string | null, errno: string | null];

const N_A = (scenario: string): Expect[] => (['nabla', 'unikernel-hvt', 'firecracker', 'lightvm'] as const).map((r) => [scenario, r, 'not-applicable', null, null]);

const TABLE: readonly Expect[] = [
  // --privileged: 41 capabilities and no seccomp profile (moby's WithPrivileged): the host kernel mounts the host's disk.
  ['privileged-mount', 'runc', 'through', null, null],
  // gVisor: the Sentry implements mount itself (gvisor_syscalls_amd64.csv: supported); the mount is in its own VFS.
  ['privileged-mount', 'gvisor', 'contained', 'sentry', null],
  // Kata: the guest kernel mounts, in the VM. The lab gives the guest no host devices; real Kata hot-plugs them unless
  // privileged_without_host_devices is set (kata-containers docs/how-to/privileged.md), which the cell's caveat says.
  ['privileged-mount', 'kata', 'contained', 'guest', null],
  // Solo5, Firecracker, LightVM: no --privileged to give (their device models: block, net, vsock or Xen rings).
  ...N_A('privileged-mount'),
  // CVE-2022-0492: Docker's default profile allows unshare only with CAP_SYS_ADMIN (docker_default_seccomp_summary.csv) — EPERM at seccomp, as Unit 42 says.
  ['cgroup-release-agent', 'runc', 'stopped', 'seccomp', 'EPERM'],
  // The Sentry lets unshare through (its own namespaces); the lab has no cgroup v1, so its mount fails in the Sentry's VFS — host untouched.
  ['cgroup-release-agent', 'gvisor', 'stopped', 'sentry-vfs', 'ENODEV'],
  ['cgroup-release-agent', 'kata', 'stopped', 'guest-vfs', 'ENODEV'],
  // The rump kernel has no namespaces: unshare is ENOSYS in the library OS.
  ['cgroup-release-agent', 'nabla', 'stopped', 'libos', 'ENOSYS'],
  ['cgroup-release-agent', 'firecracker', 'stopped', 'guest-kernel', 'ENODEV'],
  // CVE-2019-5736: /proc/self/exe is the host kernel's procfs under runc; the Sentry and a guest have their own procfs.
  ['runc-proc-self-exe', 'runc', 'through', null, null],
  ['runc-proc-self-exe', 'gvisor', 'contained', 'sentry', null],
  ['runc-proc-self-exe', 'kata', 'contained', 'guest', null],
  // No runc runs for a Firecracker VM or a unikernel.
  ...N_A('runc-proc-self-exe'),
  // Dirty Pipe: Docker's default profile allows splice (summary csv: allow); the host kernel's splice runs.
  ['dirty-pipe', 'runc', 'through', null, null],
  // The Sentry implements splice itself (csv: supported) and its host filter has no splice: the host's splice is never reached.
  ['dirty-pipe', 'gvisor', 'contained', 'sentry', null],
  ['dirty-pipe', 'kata', 'contained', 'guest', null],
  ['dirty-pipe', 'firecracker', 'contained', 'guest', null],
  // NetBSD's rump kernel has no splice: ENOSYS in the library OS.
  ['dirty-pipe', 'nabla', 'stopped', 'libos', 'ENOSYS'],
  ['dirty-pipe', 'unikernel-hvt', 'stopped', 'libos', 'ENOSYS'],
  // Mini-OS has no file system to open /etc/passwd from: the first step fails.
  ['dirty-pipe', 'lightvm', 'stopped', 'minios', 'EIO'],
  // CVE-2022-0185 with no seccomp profile (Kubernetes' old default): unshare(CLONE_NEWUSER) gives CAP_SYS_ADMIN in the new namespace, fsconfig runs in the host kernel.
  ['fsconfig-0185', 'runc', 'through', null, null],
  // The Sentry implements fsopen and fsconfig itself (csv: partial), and its host filter has neither.
  ['fsconfig-0185', 'gvisor', 'contained', 'sentry', null],
  ['fsconfig-0185', 'kata', 'contained', 'guest', null],
  ['fsconfig-0185', 'firecracker', 'contained', 'guest', null],
  ['fsconfig-0185', 'nabla', 'stopped', 'libos', 'ENOSYS'],
  // Docker's default profile allows init_module only with CAP_SYS_MODULE (summary csv: EPERM), which Docker does not grant.
  ['module-load', 'runc', 'stopped', 'seccomp', 'EPERM'],
  // gVisor's table: init_module is EPERM without CAP_SYS_MODULE (ENOSYS with it): no module ever loads.
  ['module-load', 'gvisor', 'stopped', 'sentry-syscall', 'EPERM'],
  // Kata's guest kernel: the container's root lacks CAP_SYS_MODULE in the guest.
  ['module-load', 'kata', 'stopped', 'guest-kernel', 'EPERM'],
  // Firecracker's CI guest kernel is built without CONFIG_MODULES: sys_ni_syscall, ENOSYS.
  ['module-load', 'firecracker', 'stopped', 'guest-kernel', 'ENOSYS'],
  ['module-load', 'nabla', 'stopped', 'libos', 'ENOSYS'],
  ['module-load', 'lightvm', 'stopped', 'minios', 'ENOSYS'],
  // --pid=host + CAP_SYS_PTRACE: Docker's default profile allows process_vm_writev on kernels ≥ 4.8 (summary csv); the host kernel writes pid 1's memory.
  ['ptrace-host', 'runc', 'through', null, null],
  // The Sentry has its own pid namespace; ptrace and process_vm_writev are its own (csv: partial, supported).
  ['ptrace-host', 'gvisor', 'contained', 'sentry', null],
  ['ptrace-host', 'kata', 'contained', 'guest', null],
  ...N_A('ptrace-host'),
  // A bind-mounted daemon socket: the host kernel's AF_UNIX connect under runc.
  ['docker-sock', 'runc', 'through', null, null],
  // The Sentry's own unix sockets (runsc connects to host sockets only with --host-uds), and a guest's: not the host's.
  ['docker-sock', 'gvisor', 'contained', 'sentry', null],
  ['docker-sock', 'kata', 'contained', 'guest', null],
  ...N_A('docker-sock'),
  // moby#46762: io_uring_* removed from Docker's default profile (summary csv: blocked, EPERM).
  ['io-uring', 'runc', 'stopped', 'seccomp', 'EPERM'],
  // The Sentry has its own io_uring (csv: partial); its host filter has none: the host's io_uring is not reached.
  ['io-uring', 'gvisor', 'contained', 'sentry', null],
  ['io-uring', 'kata', 'contained', 'guest', null],
  ['io-uring', 'firecracker', 'contained', 'guest', null],
  ['io-uring', 'nabla', 'stopped', 'libos', 'ENOSYS'],
  ['io-uring', 'lightvm', 'stopped', 'minios', 'ENOSYS'],
];

describe('runEscape: each scenario under each runtime, read from the trace', () => {
  it.each(TABLE)('%s under %s: %s (%s %s)', (id, runtime, outcome, gate, errno) => {
    const s = findEscape(id);
    if (!s) throw new Error(`no scenario ${id}`);
    const v = runEscape(s, runtime).verdict;
    expect(v.type).toBe(outcome);
    if (v.type === 'stopped') expect([v.layer, v.errno]).toEqual([gate, errno]);
    if (v.type === 'contained') expect(v.servedBy).toBe(gate);
    if (v.type === 'not-applicable') expect(v.why.en.length).toBeGreaterThan(20);
  });

  it.each(ESCAPES.map((s) => [s.id, s] as const))('%s gets through on the bare host (the contrast column), but for the lab\'s missing cgroup v1', (_id, s) => {
    const v = runEscape(s, 'host').verdict;
    expect(v.type).toBe(s.id === 'cgroup-release-agent' ? 'stopped' : 'through');
  });

  it.each(ESCAPES.flatMap((s) => (['runc', 'gvisor', 'kata'] as const).map((r) => [s.id, r, s] as const)))('%s under %s: the container is made with docker run and every line runs', (_id, runtime, s) => {
    const run = runEscape(s, runtime);
    expect(run.setup).toMatch(/^docker run -it .*--runtime (runc|runsc|kata-runtime) debian sh$/);
    expect(run.steps.every((st) => st.refused === undefined)).toBe(true);
  });

  it('keeps the calls of every step, so the page can replay them', () => {
    const s = findEscape('dirty-pipe');
    if (!s) throw new Error('no dirty-pipe');
    const run = runEscape(s, 'gvisor');
    expect(run.steps.map((st) => st.calls.map((c) => c.name))).toEqual([['openat'], ['pipe2'], ['splice']]);
    expect(run.steps.every((st) => st.calls.every((c) => c.hops.length > 0))).toBe(true);
  });
});

describe('the facts the table rests on, from the reference data', () => {
  const docker = new Map(referenceCsv('docker_default_seccomp_summary.csv').map((r) => [r.name, r]));
  const gvisor = new Map(referenceCsv('gvisor_syscalls_amd64.csv').map((r) => [r.name, r]));
  const sentryHost = new Set(referenceCsv('gvisor_sentry_host_syscalls.csv').map((r) => r.name));
  const firecracker = new Map(referenceCsv('firecracker_seccomp_x86_64_by_thread.csv').map((r) => [r.syscall, r]));
  const solo5 = new Set(referenceCsv('solo5_spt_seccomp.csv').map((r) => r.syscall));

  it.each([
    ['unshare', 'EPERM'], ['init_module', 'EPERM'], ['io_uring_setup', 'EPERM'], ['mount', 'EPERM'], ['fsconfig', 'EPERM'],
    ['splice', 'allowed'], ['process_vm_writev', 'allowed'], ['connect', 'allowed'],
  ])("Docker's default profile gives a default container %s: %s", (name, result) => {
    expect(docker.get(name)?.default_container_result).toBe(result);
  });

  it.each([['splice', 'supported'], ['mount', 'supported'], ['process_vm_writev', 'supported'], ['io_uring_setup', 'partial'], ['fsconfig', 'partial'], ['init_module', 'error']])(
    "gVisor's Sentry table has %s as %s", (name, status) => {
      expect(gvisor.get(name)?.status).toBe(status);
    });

  it.each(['splice', 'io_uring_setup', 'fsconfig', 'init_module', 'mount', 'process_vm_writev'])("the Sentry's own host filter has no %s: the Sentry cannot pass it to the host", (name) => {
    expect(sentryHost.has(name)).toBe(false);
  });

  it.each(['splice', 'fsconfig', 'init_module', 'mount', 'process_vm_writev'])("no Firecracker thread's filter allows %s", (name) => {
    const row = firecracker.get(name);
    expect([row?.vmm, row?.api, row?.vcpu].filter((a) => a === 'allow')).toEqual([]);
  });

  it("Firecracker's VMM thread may use the host's io_uring itself (the async block engine), which the io-uring scenario's note says", () => {
    expect(firecracker.get('io_uring_setup')?.vmm).toBe('allow');
    expect(findEscape('io-uring')?.simplifies.en).toMatch(/Firecracker's VMM/);
  });

  it.each(['splice', 'io_uring_setup', 'fsconfig', 'init_module', 'mount', 'process_vm_writev', 'connect'])('the solo5-spt tender\'s filter has no %s', (name) => {
    expect(solo5.has(name)).toBe(false);
  });
});
