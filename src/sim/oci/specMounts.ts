import type { SpecMount } from '../vfs/dockerDefaults.ts';
import type { FsType } from '../vfs/filesystem.ts';
import type { MsFlag } from '../vfs/mountFlags.ts';
import type { SpecDeviceNode, SpecVolume } from '../vfs/containerSpecFs.ts';
import { fail, ok, type SimResult } from '../result.ts';
import type { OciDevice, OciMount, OciSpec } from './spec.ts';

/**
 * An OCI spec's mounts and devices as the lab's VFS makes them: mount
 * options split into MS_* flags and filesystem data as runc's parseMountOptions
 * does, bind mounts apart (volumes), devices as nodes.
 * @see opencontainers/runc libcontainer/specconv/spec_linux.go parseMountOptions, mountPropagationMapping
 */
const FLAG_OPTIONS: Readonly<Record<string, MsFlag>> = {
  ro: 'MS_RDONLY', nosuid: 'MS_NOSUID', nodev: 'MS_NODEV', noexec: 'MS_NOEXEC', sync: 'MS_SYNCHRONOUS',
  dirsync: 'MS_DIRSYNC', noatime: 'MS_NOATIME', nodiratime: 'MS_NODIRATIME', relatime: 'MS_RELATIME',
  strictatime: 'MS_STRICTATIME', mand: 'MS_MANDLOCK', nosymfollow: 'MS_NOSYMFOLLOW',
};
/** Options runc reads as clearing a flag, or as propagation or bind: not filesystem data. */
const NOT_DATA = new Set(['rw', 'suid', 'dev', 'exec', 'async', 'atime', 'diratime', 'norelatime', 'nostrictatime', 'bind', 'rbind',
  'private', 'rprivate', 'slave', 'rslave', 'shared', 'rshared', 'unbindable', 'runbindable', 'defaults']);

const FS_TYPES: readonly FsType[] = ['ext4', 'xfs', 'overlay', 'tmpfs', 'devtmpfs', 'devpts', 'mqueue', 'proc', 'sysfs', 'cgroup2', 'securityfs', 'debugfs', 'tracefs', 'bpf', 'fusectl', 'binfmt_misc'];

/** Docker's own per-container files, which the lab's container setup binds itself. */
const isDockerFile = (m: OciMount) => (m.source ?? '').startsWith('/var/lib/docker/containers/');

export const isBind = (m: OciMount) => m.type === 'bind' || (m.options ?? []).some((o) => o === 'bind' || o === 'rbind');

export function specMounts(spec: OciSpec): SimResult<{ mounts: SpecMount[]; volumes: SpecVolume[] }> {
  const mounts: SpecMount[] = [];
  const volumes: SpecVolume[] = [];
  for (const m of spec.mounts) {
    if (isBind(m)) {
      if (isDockerFile(m)) continue;
      if (!m.source?.startsWith('/')) return fail('EINVAL', `mount ${m.destination}: a bind mount needs an absolute source, not "${m.source ?? ''}"`);
      volumes.push({ host: m.source, container: m.destination, readOnly: (m.options ?? []).some((o) => o === 'ro' || o === 'rro') });
      continue;
    }
    // runc mounts cgroup v2 for a "cgroup" mount on a cgroup v2 host (rootfs_linux.go mountCgroupV2).
    const type = m.type === 'cgroup' ? 'cgroup2' : m.type;
    if (!type || !(FS_TYPES as readonly string[]).includes(type)) return fail('ENODEV', `mount ${m.destination}: the lab's kernel has no filesystem type "${m.type ?? ''}"`);
    const options = m.options ?? [];
    const flags = options.flatMap((o) => (FLAG_OPTIONS[o] ? [FLAG_OPTIONS[o]] : []));
    const data = options.filter((o) => !FLAG_OPTIONS[o] && !NOT_DATA.has(o)).join(',');
    mounts.push({ destination: m.destination, type: type as FsType, source: m.source ?? type, flags, data });
  }
  return ok({ mounts, volumes });
}

export function specDevices(devices: readonly OciDevice[] | undefined): SpecDeviceNode[] {
  return (devices ?? []).flatMap((d): SpecDeviceNode[] => {
    if ((d.type !== 'c' && d.type !== 'b') || !d.path.startsWith('/dev/')) return [];
    return [{ name: d.path.slice('/dev/'.length), kind: d.type === 'b' ? 'blockdev' : 'chardev', dev: { major: d.major, minor: d.minor }, mode: (d.fileMode ?? 0o666) & 0o7777 }];
  });
}
