import type { MsFlag } from '../vfs/mountFlags.ts';
import { DOCKER_CONTAINER_FILES, DOCKER_DEFAULT_MOUNTS, type SpecMount } from '../vfs/dockerDefaults.ts';
import type { OciMount } from './spec.ts';

/**
 * The mounts of the spec dockerd writes: the default spec's seven, then the
 * container's own mounts (volumes and the three files the daemon writes for
 * it), as withMounts() puts them together.
 * @see moby/moby daemon/pkg/oci/defaults.go DefaultLinuxSpec (Mounts)
 * @see moby/moby daemon/oci_linux.go withMounts; daemon/volumes_unix.go setupMounts; daemon/volumes.go sortMounts
 * @see moby/moby daemon/container/container_unix.go NetworkMounts
 */

/** The mount option each flag of the lab's table is written as. */
const OPTION_OF: Partial<Record<MsFlag, string>> = {
  MS_RDONLY: 'ro', MS_NOSUID: 'nosuid', MS_NODEV: 'nodev', MS_NOEXEC: 'noexec', MS_STRICTATIME: 'strictatime', MS_RELATIME: 'relatime',
};

/** Docker's default /dev/shm size (`--shm-size`), 64 MiB; the daemon appends it as `size=<bytes>`. */
export const DOCKER_SHM_SIZE = 64 * 1024 * 1024;

/** Where dockerd keeps a container's own files (its resolv.conf, hostname and hosts). */
export const dockerContainerDir = (id: string) => `/var/lib/docker/containers/${id}`;

/**
 * One of the lab's default mounts as the spec writes it: flags then data as
 * options. The spec names /sys/fs/cgroup's type `cgroup` (runc mounts cgroup2
 * on a v2 host), and /dev/shm carries no size: the daemon adds it.
 */
function defaultMount(m: SpecMount, shmSize: number): OciMount {
  const flags = m.flags.flatMap((f) => (OPTION_OF[f] ? [OPTION_OF[f]] : []));
  const data = m.data === '' ? [] : m.data.split(',');
  const shm = m.destination === '/dev/shm';
  const options = [...flags, ...(shm ? data.filter((o) => !o.startsWith('size=')) : data), ...(shm ? [`size=${shmSize}`] : [])];
  return { destination: m.destination, type: m.type === 'cgroup2' ? 'cgroup' : m.type, source: m.source, options };
}

export interface UserMount {
  source: string;
  destination: string;
  writable: boolean;
}

export interface MountOptions {
  readOnlyRoot: boolean;
  privileged: boolean;
  /** Whether read-only binds are recursive (`rro`): kernel 5.12+ and a runtime that lists `rro` in its features. */
  recursiveReadOnly: boolean;
  shmSize: number;
}

/** Depth of a path (slashes after cleaning), sortMounts' key; Array.prototype.sort is stable, like Go's insertion sort for short lists. */
const depth = (p: string) => p.replace(/\/+$/, '').split('/').filter((s) => s !== '').length;

/** A bind mount as withMounts writes it: rbind, then rro or ro when read-only, then the default propagation, rprivate. */
function bindMount(m: UserMount, opts: MountOptions): OciMount {
  const ro = m.writable ? [] : [opts.recursiveReadOnly ? 'rro' : 'ro'];
  return { destination: m.destination, type: 'bind', source: m.source, options: ['rbind', ...ro, 'rprivate'] };
}

/** The container's own files; read-only with `--read-only`, like the root. */
function containerFiles(id: string, readOnlyRoot: boolean): UserMount[] {
  return DOCKER_CONTAINER_FILES.map((f) => ({ source: `${dockerContainerDir(id)}/${f}`, destination: `/etc/${f}`, writable: !readOnlyRoot }));
}

/**
 * All the spec's mounts. A default mount is dropped where the container
 * mounts something at the same place (everything under /dev when /dev is
 * mounted). `--read-only` adds `ro` to the defaults that are not already
 * read-only, except /proc, /dev and its tmpfs/devpts/mqueue mounts.
 * `--privileged` removes `ro` from /sys and /sys/fs/cgroup.
 */
export function dockerMounts(id: string, volumes: readonly UserMount[], opts: MountOptions): OciMount[] {
  const own = [...volumes, ...containerFiles(id, opts.readOnlyRoot)];
  own.sort((a, b) => depth(a.destination) - depth(b.destination));
  const taken = new Set(own.map((m) => m.destination));
  const defaults = DOCKER_DEFAULT_MOUNTS
    .filter((m) => !taken.has(m.destination) && !(taken.has('/dev') && m.destination.startsWith('/dev/')))
    .map((m) => defaultMount(m, opts.shmSize));
  const exempt = ['/proc', '/dev/pts', '/dev/shm', '/dev/mqueue', '/dev'];
  for (const m of defaults) {
    if (opts.readOnlyRoot && !exempt.includes(m.destination) && !m.options?.includes('ro')) m.options = [...(m.options ?? []), 'ro'];
    // writableCgroups defaults to privileged: the cgroup mount loses `ro` as well as /sys.
    if (opts.privileged && (m.destination === '/sys' || m.type === 'cgroup')) m.options = (m.options ?? []).filter((o) => o !== 'ro');
  }
  return [...defaults, ...own.map((m) => bindMount(m, opts))];
}
