import { dockerFlagsToCgroupWrites, parseDockerBytes, parseDockerCpus, type DockerResourceFlags } from '../cgroups/docker.ts';
import { ok, type SimResult } from '../result.ts';
import { hostDeviceEntries } from '../vfs/devices.ts';
import type { OciDevice, OciDeviceRule, OciResources } from './spec.ts';

/**
 * linux.resources and linux.devices of the spec dockerd writes.
 * @see moby/moby daemon/oci_linux.go WithResources, WithDevices
 * @see moby/moby daemon/daemon_unix.go getMemoryResources, getCPUResources, getPidsLimit, adaptContainerSettings
 * @see moby/moby daemon/pkg/oci/defaults.go DefaultLinuxSpec (Resources.Devices)
 */

const rule = (allow: boolean, major: number, minor: number): OciDeviceRule => ({ allow, type: 'c', major, minor, access: 'rwm' });

/**
 * Docker's device cgroup rules for every container: deny all, then allow
 * /dev/zero, null, urandom, random, tty and console, and deny /dev/fuse
 * (10:229). runc adds its own allow list on top (ptmx, pts, mknod…).
 */
export const DOCKER_DEVICE_RULES: readonly OciDeviceRule[] = [
  { allow: false, access: 'rwm' },
  rule(true, 1, 5), rule(true, 1, 3), rule(true, 1, 9), rule(true, 1, 8), rule(true, 5, 0), rule(true, 5, 1),
  rule(false, 10, 229),
];

/** `--cpus N` is a 100 ms CFS period with N × 100 ms of quota. */
export const CPU_PERIOD_US = 100_000;

export interface ResourceOptions {
  privileged: boolean;
  /** CPUs on the host, for the `--cpus` range check. */
  hostCpus?: number;
  /**
   * Whether the host's cgroup has memory.swap.max. Then dockerd sets swap to
   * twice `--memory` (memory plus as much swap again); without it, it warns
   * "Memory limited without swap" and sets none.
   */
  swapLimit: boolean;
}

/** The limits for `--memory`, `--cpus` and `--pids-limit`; the flags' errors are the CLI's and the daemon's. */
export function dockerResources(flags: DockerResourceFlags, opts: ResourceOptions): SimResult<OciResources> {
  const checked = dockerFlagsToCgroupWrites(flags, opts.hostCpus === undefined ? {} : { hostCpus: opts.hostCpus });
  if (!checked.ok) return checked;
  // WithDevices appends allow-all to the default rules for a privileged container; the last matching rule wins.
  const devices = opts.privileged ? [...DOCKER_DEVICE_RULES, { allow: true, access: 'rwm' }] : [...DOCKER_DEVICE_RULES];
  const out: OciResources = { devices };
  const bytes = flags.memory === undefined ? undefined : parseDockerBytes(flags.memory);
  if (bytes?.ok && bytes.value > 0) out.memory = opts.swapLimit ? { limit: bytes.value, swap: bytes.value * 2 } : { limit: bytes.value };
  const nano = flags.cpus === undefined ? undefined : parseDockerCpus(flags.cpus);
  if (nano?.ok && nano.value > 0) out.cpu = { quota: Math.trunc((nano.value * CPU_PERIOD_US) / 1e9), period: CPU_PERIOD_US };
  if (flags.pidsLimit !== undefined) {
    // getPidsLimit(): 0 and negative values mean unlimited, which runc is told as -1.
    const n = Number(flags.pidsLimit);
    out.pids = { limit: n > 0 ? n : -1 };
  }
  out.blockIO = {};
  return ok(out);
}

/**
 * What containerd's HostDevices() finds under the host's /dev for a
 * privileged container: every block and character device, in name order,
 * with its mode bits and owner; /dev/console and the pts, shm, mqueue and fd
 * directories are skipped.
 * @see moby/moby vendor/github.com/containerd/containerd/v2/pkg/oci/utils_unix.go HostDevices, getDevices, DeviceFromPath
 */
export function hostDevices(): OciDevice[] {
  return hostDeviceEntries()
    .filter((e) => (e.kind === 'chardev' || e.kind === 'blockdev') && e.path !== '/console')
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((e) => ({
      path: `/dev${e.path}`, type: e.kind === 'blockdev' ? 'b' : 'c', major: e.rdev?.major ?? 0, minor: e.rdev?.minor ?? 0,
      fileMode: e.mode & 0o7777, uid: e.uid, gid: e.gid,
    }));
}
