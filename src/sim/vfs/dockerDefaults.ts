import type { FsType } from './filesystem.ts';
import type { MsFlag } from './mountFlags.ts';

/**
 * The mounts, masked paths and read-only paths of Docker's default OCI spec
 * for a non-privileged container: the lab's own copy, held against
 * docker_masked_paths.txt and docker_readonly_paths.txt by the tests.
 * @see moby/moby daemon/pkg/oci/defaults.go DefaultLinuxSpec(), defaultLinuxMaskedPaths()
 */

/** Paths runc hides: a file gets /dev/null bound over it, a directory an empty read-only tmpfs. */
export const DOCKER_MASKED_PATHS: readonly string[] = [
  '/proc/acpi', '/proc/asound', '/proc/interrupts', '/proc/kcore', '/proc/keys', '/proc/latency_stats',
  '/proc/sched_debug', '/proc/scsi', '/proc/timer_list', '/proc/timer_stats',
  '/sys/devices/virtual/powercap', '/sys/firmware',
];

/** Paths runc bind-mounts onto themselves and remounts read-only. */
export const DOCKER_READONLY_PATHS: readonly string[] = ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger'];

export interface SpecMount {
  destination: string;
  type: FsType;
  source: string;
  flags: readonly MsFlag[];
  data: string;
}

/**
 * DefaultLinuxSpec().Mounts as runc applies them, in order. The spec names
 * /sys/fs/cgroup's type `cgroup`; on a cgroup v2 host runc mounts cgroup2
 * (libcontainer/rootfs_linux.go mountCgroupV2). /dev/shm is the daemon's own
 * mount for the default "private" IPC mode, 64 MiB (`--shm-size`).
 */
export const DOCKER_DEFAULT_MOUNTS: readonly SpecMount[] = [
  { destination: '/proc', type: 'proc', source: 'proc', flags: ['MS_NOSUID', 'MS_NOEXEC', 'MS_NODEV'], data: '' },
  { destination: '/dev', type: 'tmpfs', source: 'tmpfs', flags: ['MS_NOSUID', 'MS_STRICTATIME'], data: 'mode=755,size=65536k' },
  { destination: '/dev/pts', type: 'devpts', source: 'devpts', flags: ['MS_NOSUID', 'MS_NOEXEC'], data: 'newinstance,ptmxmode=0666,mode=0620,gid=5' },
  { destination: '/sys', type: 'sysfs', source: 'sysfs', flags: ['MS_NOSUID', 'MS_NOEXEC', 'MS_NODEV', 'MS_RDONLY'], data: '' },
  { destination: '/sys/fs/cgroup', type: 'cgroup2', source: 'cgroup', flags: ['MS_RDONLY', 'MS_NOSUID', 'MS_NOEXEC', 'MS_NODEV'], data: '' },
  { destination: '/dev/mqueue', type: 'mqueue', source: 'mqueue', flags: ['MS_NOSUID', 'MS_NOEXEC', 'MS_NODEV'], data: '' },
  { destination: '/dev/shm', type: 'tmpfs', source: 'shm', flags: ['MS_NOSUID', 'MS_NOEXEC', 'MS_NODEV'], data: 'mode=1777,size=65536k' },
];

/** Files the daemon writes per container and bind-mounts (rbind, rprivate) into it. */
export const DOCKER_CONTAINER_FILES = ['resolv.conf', 'hostname', 'hosts'] as const;
