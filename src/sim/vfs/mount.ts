/**
 * Mounts and mount namespaces as plain data.
 * @see mount_namespaces(7), proc_pid_mountinfo(5), fs/mount.h struct mount
 */

export type Propagation = 'private' | 'shared' | 'slave' | 'unbindable';
export type AtimeMode = 'relatime' | 'strictatime' | 'noatime';

/** Per-mount flags (MNT_* in include/linux/mount.h), the first options column of mountinfo. */
export interface MountFlags {
  ro: boolean;
  nosuid: boolean;
  nodev: boolean;
  noexec: boolean;
  atime: AtimeMode;
}

export const DEFAULT_MOUNT_FLAGS: MountFlags = { ro: false, nosuid: false, nodev: false, noexec: false, atime: 'relatime' };

export interface Mount {
  /** Mount id (mountinfo field 1); unique across namespaces. */
  id: number;
  /** The mount this one is attached to (field 2). The namespace root's parent is not in the table. */
  parentId: number;
  /** Canonical absolute path in the namespace where it is attached. */
  mountpoint: string;
  fsId: string;
  /** The source column (mnt_devname is per mount: a cgroup2 superblock mounted as `cgroup` shows `cgroup`). */
  source: string;
  /** Path of the mount's root inside the filesystem (field 4): [] for a whole filesystem, more for a bind mount. */
  root: string[];
  /** The inode at the mount's root (inode filesystems); 0 for synthetic ones. */
  rootIno: number;
  flags: MountFlags;
  propagation: Propagation;
  /** `shared:N`: the peer group of a shared mount. */
  peerGroup?: number;
  /** `master:N`: the peer group a slave receives events from. */
  master?: number;
}

/** A mount namespace's table. `mounts` is in the order /proc/PID/mounts lists them. */
export interface MountNamespace {
  id: string;
  rootId: number;
  mounts: Mount[];
}

export function getMount(ns: MountNamespace, id: number): Mount | undefined {
  return ns.mounts.find((m) => m.id === id);
}

export function rootMount(ns: MountNamespace): Mount {
  const m = getMount(ns, ns.rootId);
  if (m === undefined) throw new Error(`mount namespace ${ns.id} has no root mount ${ns.rootId}`);
  return m;
}

/**
 * The mount attached at `path` on top of mount `parentId`, topmost first:
 * a later mount on the same spot covers an earlier one (its parent is then the
 * covered mount, so this finds the next layer up).
 */
export function mountAt(ns: MountNamespace, parentId: number, path: string): Mount | undefined {
  for (let i = ns.mounts.length - 1; i >= 0; i--) {
    const m = ns.mounts[i]!;
    if (m.parentId === parentId && m.mountpoint === path && m.id !== parentId) return m;
  }
  return undefined;
}

/** Mounts attached directly to `id`. */
export function childMounts(ns: MountNamespace, id: number): Mount[] {
  return ns.mounts.filter((m) => m.parentId === id && m.id !== id);
}

/** Every mount below `id` (children, their children…), in table order. */
export function descendantMounts(ns: MountNamespace, id: number): Mount[] {
  const ids = new Set<number>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const m of ns.mounts) {
      if (!ids.has(m.id) && ids.has(m.parentId)) {
        ids.add(m.id);
        grew = true;
      }
    }
  }
  return ns.mounts.filter((m) => m.id !== id && ids.has(m.id));
}

export function replaceMount(ns: MountNamespace, mount: Mount): MountNamespace {
  return { ...ns, mounts: ns.mounts.map((m) => (m.id === mount.id ? mount : m)) };
}

/** mountinfo's options column: `rw,nosuid,nodev,noexec,relatime`. */
export function mountFlagsText(flags: MountFlags, forceRo = false): string {
  const out = [flags.ro || forceRo ? 'ro' : 'rw'];
  if (flags.nosuid) out.push('nosuid');
  if (flags.nodev) out.push('nodev');
  if (flags.noexec) out.push('noexec');
  if (flags.atime !== 'strictatime') out.push(flags.atime);
  return out.join(',');
}
