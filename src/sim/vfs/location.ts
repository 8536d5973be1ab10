import type { FsStore } from './filesystem.ts';
import { mountAt, type Mount, type MountNamespace } from './mount.ts';
import { syntheticIno } from './synthetic.ts';

/**
 * A position in the namespace's tree: the kernel's `struct path` (a mount and
 * a dentry) plus the names that lead to it. This is the handle the kernel keeps
 * in an fd and passes back for read, write, getdents and fstat.
 */
export interface Loc {
  mountId: number;
  fsId: string;
  /** The inode (inode filesystems) or a stable number derived from the path (synthetic ones). */
  ino: number;
  /** Path inside the filesystem from its root; what a synthetic provider is asked about. */
  fsParts: string[];
  /** Canonical absolute path in the mount namespace (before any chroot is applied). */
  path: string;
}

/** The position at the root of a mount, as seen at its mountpoint. */
export function mountRootLoc(store: FsStore, m: Mount): Loc {
  const fs = store.filesystems[m.fsId];
  const ino = fs === undefined || fs.synthetic ? syntheticIno(m.fsId, m.root) : m.rootIno;
  return { mountId: m.id, fsId: m.fsId, ino, fsParts: [...m.root], path: m.mountpoint };
}

/**
 * Follows mounts stacked on a position: the topmost mount wins.
 * @see fs/namei.c traverse_mounts
 */
export function crossMounts(store: FsStore, ns: MountNamespace, loc: Loc): Loc {
  let cur = loc;
  for (let m = mountAt(ns, cur.mountId, cur.path); m !== undefined; m = mountAt(ns, cur.mountId, cur.path)) {
    cur = mountRootLoc(store, m);
  }
  return cur;
}

/** True when `loc` is the root of its mount (path_mounted() in fs/namespace.c). */
export function isMountRoot(ns: MountNamespace, loc: Loc): boolean {
  const m = ns.mounts.find((x) => x.id === loc.mountId);
  return m !== undefined && m.root.join('/') === loc.fsParts.join('/');
}

export function sameLoc(a: Loc, b: Loc): boolean {
  return a.mountId === b.mountId && a.fsId === b.fsId && a.fsParts.join('/') === b.fsParts.join('/');
}

/** Just the position, without any extra fields a Resolved carries. */
export function locOf(x: Loc): Loc {
  return { mountId: x.mountId, fsId: x.fsId, ino: x.ino, fsParts: x.fsParts, path: x.path };
}
