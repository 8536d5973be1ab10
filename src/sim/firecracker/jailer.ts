import type { RuntimeOptions } from '../runtime/types.ts';

/**
 * How a production microVM comes up: the jailer (run as root) sets up what
 * needs privilege, drops it and execs Firecracker, which installs its own
 * per-thread seccomp filters before any guest code runs. Steps are in the
 * jailer's documented order; `optional` names the flag a step needs.
 * @see https://github.com/firecracker-microvm/firecracker/blob/81b38b9dad6056d7a48073e95ac5a9aed51cb2ab/docs/jailer.md ("Jailer Operation")
 * @see https://github.com/firecracker-microvm/firecracker/blob/81b38b9dad6056d7a48073e95ac5a9aed51cb2ab/docs/seccomp.md (when each thread's filter is loaded); src/vmm/src/seccomp.rs: prctl(PR_SET_NO_NEW_PRIVS), then seccomp(SECCOMP_SET_MODE_FILTER)
 * @see https://github.com/firecracker-microvm/firecracker/blob/81b38b9dad6056d7a48073e95ac5a9aed51cb2ab/docs/design.md ("Jailer process")
 */
export type BootStepKind = 'files' | 'limits' | 'cgroups' | 'namespace' | 'chroot' | 'devices' | 'privileges' | 'exec' | 'seccomp' | 'api' | 'vm';

export interface BootStep {
  id: string;
  by: 'jailer' | 'firecracker';
  kind: BootStepKind;
  what: string;
  /** The syscalls the step makes, as the docs name them. */
  syscalls: readonly string[];
  /** The flag the step needs (`--netns`), when it is not always done. */
  optional?: string;
  /** A published figure for the step, by measurement id. */
  figure?: string;
}

const JAILER: readonly BootStep[] = [
  { id: 'close-fds', by: 'jailer', kind: 'files', what: 'close every inherited fd but 0, 1 and 2, and clear the environment', syscalls: ['close'] },
  { id: 'chroot-dir', by: 'jailer', kind: 'files', what: 'create <chroot_base>/firecracker/<id>/root and copy the Firecracker binary into it, so no two microVMs share its pages', syscalls: ['mkdir', 'open', 'write'] },
  { id: 'rlimits', by: 'jailer', kind: 'limits', what: 'set resource limits (--resource-limit; by default no-file = 2048)', syscalls: ['setrlimit'] },
  { id: 'cgroups', by: 'jailer', kind: 'cgroups', what: 'create the cgroup <parent_cgroup>/<id>, write its pid there and the --cgroup values (v1 or v2)', syscalls: ['mkdir', 'write'] },
  { id: 'mount-ns', by: 'jailer', kind: 'namespace', what: 'unshare a new mount namespace, make every mount private (MS_PRIVATE|MS_REC) and bind-mount the chroot dir on itself', syscalls: ['unshare', 'mount'] },
  { id: 'pivot-root', by: 'jailer', kind: 'chroot', what: 'pivot_root into the chroot dir, chdir to /, unmount the old root, then chroot(".")', syscalls: ['pivot_root', 'chdir', 'umount2', 'chroot'] },
  { id: 'devices', by: 'jailer', kind: 'devices', what: 'mknod /dev/net/tun and /dev/kvm inside the jail and chown them and the jail root to --uid:--gid', syscalls: ['mknod', 'chown'] },
  { id: 'net-ns', by: 'jailer', kind: 'namespace', what: 'join the network namespace given with --netns (setns CLONE_NEWNET)', syscalls: ['open', 'setns', 'close'], optional: '--netns' },
  { id: 'daemonize', by: 'jailer', kind: 'files', what: 'setsid and point stdin, stdout and stderr at /dev/null', syscalls: ['setsid', 'dup2'], optional: '--daemonize' },
  { id: 'pid-ns', by: 'jailer', kind: 'namespace', what: 'clone a child into a new pid namespace, where Firecracker will be pid 1', syscalls: ['clone'], optional: '--new-pid-ns' },
  { id: 'drop-privileges', by: 'jailer', kind: 'privileges', what: 'drop to the unprivileged --uid and --gid', syscalls: ['setgid', 'setuid'] },
  { id: 'exec', by: 'jailer', kind: 'exec', what: 'exec the jail\'s copy of Firecracker with --id and the jailer\'s start time', syscalls: ['execve'] },
];

const FIRECRACKER: readonly BootStep[] = [
  { id: 'seccomp-api', by: 'firecracker', kind: 'seccomp', what: "install the API thread's filter (31 syscalls) right before the HTTP server starts", syscalls: ['prctl', 'seccomp'] },
  { id: 'api-socket', by: 'firecracker', kind: 'api', what: 'serve the REST API on its Unix socket; the microVM is configured through it (kernel, rootfs drive, tap, vCPUs, memory)', syscalls: ['socket', 'bind', 'listen'], figure: 'fc-spec-vmm-start' },
  { id: 'load-kernel', by: 'firecracker', kind: 'vm', what: 'on InstanceStart, load the guest kernel straight into guest memory and enter it by the Linux boot protocol: no BIOS or firmware, virtio-mmio devices given on the kernel command line', syscalls: ['ioctl'] },
  { id: 'seccomp-vmm-vcpu', by: 'firecracker', kind: 'seccomp', what: "install the VMM thread's filter (50 syscalls) and each vCPU thread's (27) right before guest code runs", syscalls: ['prctl', 'seccomp'] },
  { id: 'guest-boot', by: 'firecracker', kind: 'vm', what: 'the vCPU threads run KVM_RUN; the guest kernel boots to /sbin/init', syscalls: ['ioctl'], figure: 'fc-spec-boot' },
];

/** The boot sequence for these options: with `jailer` on (the default, as in production) the jailer's steps come first. */
export function bootSequence(options: RuntimeOptions): BootStep[] {
  return options.jailer === 'off' ? [...FIRECRACKER] : [...JAILER, ...FIRECRACKER];
}
