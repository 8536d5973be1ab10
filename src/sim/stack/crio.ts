import type { ShimSpec } from '../runtime/runcContainer.ts';
import type { RuntimeId } from '../runtime/types.ts';
import { podCgroup } from './kubernetes.ts';

/**
 * CRI-O on the lab-crio node, as its defaults and the lab's drop-in set it
 * up: it listens on /var/run/crio/crio.sock; its runtime table has crun (the
 * default_runtime since CRI-O 1.31) and runc as "oci" runtimes, each
 * container watched by its own conmon, and runsc and kata as "vm" runtimes:
 * containerd shim v2 binaries CRI-O starts and talks ttRPC to itself, with no
 * conmon and no containerd. The RuntimeClasses gvisor, kata and runc name the
 * handlers runsc, kata and runc; a Pod without one gets crun.
 * @see cri-o/cri-o docs/crio.conf.5.md (listen, default_runtime, runtime_type "oci" | "vm", pause_image, cgroup_manager "systemd", drop_infra_ctr)
 * @see cri-o/cri-o pkg/config/config_linux.go (DefaultRuntime "crun", DefaultRuntimeRoot "/run/crun", DefaultPauseImage); commit 5e21d495 "config: default to crun", first in v1.31.0
 * @see kata-containers docs/how-to/run-kata-with-k8s.md ([crio.runtime.runtimes.kata]: containerd-shim-kata-v2, runtime_type "vm", runtime_root /run/vc)
 * @see google/gvisor g3doc/user_guide/containerd/crio.md ([crio.runtime.runtimes.runsc]: containerd-shim-runsc-v1, runtime_type "vm"; CRI-O 1.37 at least; best effort, not in gVisor's tests)
 */
export const CRIO_SOCKET = '/var/run/crio/crio.sock';

export interface CrioRuntime {
  /** The table's name: what a RuntimeClass's handler names. */
  handler: string;
  runtimeType: 'oci' | 'vm';
  /** runtime_path: the OCI runtime, or the shim a "vm" runtime is. */
  path: string;
  /** runtime_root. */
  root: string;
  /** The lab runtime whose kernel serves the containers. */
  runtime: RuntimeId;
}

export const CRIO_RUNTIMES: Readonly<Record<string, CrioRuntime>> = {
  crun: { handler: 'crun', runtimeType: 'oci', path: '/usr/bin/crun', root: '/run/crun', runtime: 'runc' },
  runc: { handler: 'runc', runtimeType: 'oci', path: '/usr/bin/runc', root: '/run/runc', runtime: 'runc' },
  runsc: { handler: 'runsc', runtimeType: 'vm', path: '/usr/local/bin/containerd-shim-runsc-v1', root: '/run/runsc', runtime: 'gvisor' },
  kata: { handler: 'kata', runtimeType: 'vm', path: '/usr/bin/containerd-shim-kata-v2', root: '/run/vc', runtime: 'kata' },
};

export const CRIO_DEFAULT_RUNTIME = 'crun';

/** The handler a RuntimeClass names ('' or none: default_runtime), as CRI-O resolves it. */
export const crioRuntime = (handler: string | null): CrioRuntime | undefined => CRIO_RUNTIMES[handler === null || handler === '' ? CRIO_DEFAULT_RUNTIME : handler];

export const binaryOf = (r: CrioRuntime): string => r.path.split('/').pop() ?? r.path;

/**
 * pause_image, CRI-O's default. CRI-O makes the sandbox's storage from it
 * even when it drops the infra container; it runs /pause only when it keeps
 * one (a "vm" runtime, or a pod that shares one PID namespace).
 * @see cri-o/cri-o pkg/config/config_linux.go DefaultPauseImage "registry.k8s.io/pause:3.10.1" (commit c7474a34, 2025-07)
 */
export const CRIO_PAUSE_IMAGE = 'registry.k8s.io/pause:3.10.1';

/**
 * default_capabilities: nine, where Docker and containerd grant fourteen —
 * no NET_RAW, MKNOD, SYS_CHROOT, AUDIT_WRITE or SETFCAP. CRI-O adds them to
 * bounding, effective and permitted (inheritable only with
 * add_inheritable_capabilities, false by default; never ambient).
 * @see cri-o/cri-o internal/config/capabilities/capabilities_linux.go Default(); internal/factory/container/container.go SpecSetupCapabilities
 */
export const CRIO_DEFAULT_CAPABILITIES: readonly string[] = ['CHOWN', 'DAC_OVERRIDE', 'FSETID', 'FOWNER', 'SETGID', 'SETUID', 'SETPCAP', 'NET_BIND_SERVICE', 'KILL'];

/**
 * The masked paths CRI-O adds to the kubelet's: containers-common's list
 * with /proc/asound and /proc/interrupts, merged, sorted, once each.
 * (containers-common also masks /sys/devices/system/cpu/cpu*\/thermal_throttle,
 * a glob over the host's CPUs, which the lab leaves out.)
 * @see cri-o/cri-o server/masked_paths.go appendDefaultMaskedPaths; go.podman.io/common pkg/config/default.go getMaskedPaths
 */
export const CRIO_MASKED_PATHS: readonly string[] = [
  '/proc/acpi', '/proc/kcore', '/proc/keys', '/proc/latency_stats', '/proc/sched_debug', '/proc/scsi', '/proc/timer_list',
  '/proc/timer_stats', '/sys/devices/virtual/powercap', '/sys/firmware', '/sys/fs/selinux', '/proc/interrupts', '/proc/asound',
];

/**
 * Cgroups with cgroup_manager "systemd": the spec asks for
 * `<pod slice>:crio:<id>`, which becomes crio-<id>.scope in the pod's slice;
 * crun then moves the process into the scope's subgroup `container` (no
 * run.oci.systemd.subgroup annotation), runc leaves it in the scope. Each
 * conmon goes in system.slice (monitor_cgroup's default) as
 * crio-conmon-<id>.scope.
 * @see cri-o/cri-o internal/config/cgmgr/systemd_linux.go ContainerCgroupPath, MoveConmonToCgroup; pkg/config/config_linux.go defaultMonitorCgroup
 * @see containers/crun src/libcrun/cgroup-systemd.c find_systemd_subgroup
 */
export const crioCgroupsPath = (uid: string, id: string): string => `${podCgroup(uid).split('/').pop() ?? ''}:crio:${id}`;
export const crioScope = (uid: string, id: string): string => `${podCgroup(uid)}/crio-${id}.scope`;
export const crioCgroup = (uid: string, id: string, r: CrioRuntime): string => (r.handler === 'crun' ? `${crioScope(uid, id)}/container` : crioScope(uid, id));
export const conmonScope = (id: string): string => `/system.slice/crio-conmon-${id}.scope`;

/**
 * conmon as CRI-O starts it for one container (the arguments that matter
 * here; the log and exit paths are CRI-O's defaults), `-s` for systemd.
 * @see cri-o/cri-o internal/oci/runtime_oci.go CreateContainer (the conmon arguments)
 */
export function conmonShim(id: string, r: CrioRuntime, tty: boolean): ShimSpec {
  const userdata = `/run/containers/storage/overlay-containers/${id}/userdata`;
  const argv = ['/usr/bin/conmon', '-b', userdata, '-c', id, '--exit-dir', '/var/run/crio/exits', '-r', r.path, '--runtime-arg', `--root=${r.root}`, '--syslog', '-u', id, '-s', ...(tty ? ['-t'] : [])];
  return { comm: 'conmon', exe: '/usr/bin/conmon', argv };
}

/** A "vm" runtime's shim, as CRI-O starts it (`<shim> -id <sandbox id> start`, in containerd's "default" namespace). @see cri-o/cri-o internal/oci/runtime_vm.go startRuntimeDaemon */
export function vmShim(id: string, r: CrioRuntime): ShimSpec {
  return { comm: binaryOf(r).slice(0, 15), exe: r.path, argv: [r.path, '-namespace', 'default', '-id', id, 'start'] };
}

/**
 * pinns: CRI-O's helper that makes the pod's network, IPC and UTS namespaces
 * and pins each with a bind mount at <namespaces_dir>/<type>ns/<uuid>
 * (namespaces_dir /var/run), so they live without a process.
 * @see cri-o/cri-o internal/config/nsmgr/nsmgr_linux.go NewPodNamespaces; pinns/src/pinns.c
 */
export const pinPath = (type: 'net' | 'ipc' | 'uts', uuid: string): string => `/var/run/${type}ns/${uuid}`;
