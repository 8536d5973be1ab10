import { fail, ok, type SimResult } from '../result.ts';
import { DEVICE_NUMBERS } from './devices.ts';
import { addFilesystem, BLOCK_TYPES, findFsByDev, type Filesystem, type FsStore, type FsType } from './filesystem.ts';
import { fsOptions } from './fsOptions.ts';
import type { DevNumber, Inode } from './inode.ts';
import { crossMounts } from './location.ts';
import { DEFAULT_MOUNT_FLAGS, type MountFlags, type MountNamespace } from './mount.ts';
import { attachMount, inheritPropagation, propagationOf, type MountChange } from './mountAttach.ts';
import type { Resolved } from './resolve.ts';
import type { BuiltTree } from './treeSpec.ts';

/**
 * Mounting a filesystem instance at a directory (mount(2) without MS_BIND,
 * MS_REMOUNT, MS_MOVE or a propagation flag).
 * @see mount(2), fs/namespace.c do_new_mount, graft_tree
 */

export interface NewMountSpec {
  type: FsType;
  /** The source column (`tmpfs`, `shm`, `proc`, `/dev/sda1`). */
  source: string;
  flags?: Partial<MountFlags>;
  /** mount(2)'s data: `size=65536k,mode=755`, `newinstance,ptmxmode=0666,mode=0620,gid=5`. */
  data?: string;
  /** ext4/xfs: the device number of the block device the source names (the caller resolved it). */
  device?: DevNumber;
  /** cgroup2 has one hierarchy; inside a cgroup namespace a new mount's root is the namespace's cgroup. */
  rootParts?: string[];
  /** Content for a new inode filesystem (an overlay built from an image, a populated devtmpfs). */
  tree?: BuiltTree;
  meta?: Record<string, string>;
}

/** A fresh root directory (and, for devpts, its ptmx node 5:2). */
function freshTree(type: FsType, rootMode: number, ptmxMode: number | undefined): BuiltTree {
  const root: Inode = { ino: 1, kind: 'dir', mode: rootMode, uid: 0, gid: 0, size: 0, nlink: 2, mtime: 0, entries: {} };
  if (type !== 'devpts') return { inodes: { 1: root }, rootIno: 1 };
  const ptmx: Inode = { ino: 2, kind: 'chardev', mode: ptmxMode ?? 0, uid: 0, gid: 0, size: 0, nlink: 1, mtime: 0, rdev: DEVICE_NUMBERS.ptmx };
  return { inodes: { 1: { ...root, entries: { ptmx: 2 } }, 2: ptmx }, rootIno: 1 };
}

/** The superblock a new mount uses: an existing one (block device, cgroup2) or a new instance. */
function superblockFor(store: FsStore, spec: NewMountSpec): SimResult<{ store: FsStore; fs: Filesystem }> {
  if (BLOCK_TYPES.includes(spec.type)) {
    if (spec.device === undefined) return fail('ENOTBLK', `${spec.type} needs a block device as its source`);
    const fs = findFsByDev(store, spec.device);
    if (fs === undefined || fs.type !== spec.type) return fail('EINVAL', `no ${spec.type} filesystem on ${spec.source} (wrong fs type, bad superblock)`);
    return ok({ store, fs });
  }
  if (spec.type === 'cgroup2') {
    const existing = Object.values(store.filesystems).find((f) => f.type === 'cgroup2');
    if (existing) return ok({ store, fs: existing });
  }
  const opts = fsOptions(spec.type, spec.data ?? '');
  const tree = spec.tree ?? freshTree(spec.type, opts.rootMode, opts.ptmxMode);
  return ok(addFilesystem(store, {
    type: spec.type, source: spec.source, options: opts.shown, readOnly: spec.flags?.ro === true,
    inodes: tree.inodes, rootIno: tree.rootIno, ...(spec.meta ? { meta: spec.meta } : {}),
  }));
}

/** Mounts a filesystem on a directory; the new mount goes on top of anything already there. */
export function mountNew(store: FsStore, ns: MountNamespace, target: Resolved, spec: NewMountSpec): SimResult<MountChange> {
  if (target.node.kind !== 'dir') return fail('ENOTDIR', `${target.path} is not a directory; a filesystem mounts on a directory`);
  const sb = superblockFor(store, spec);
  if (!sb.ok) return sb;
  const top = crossMounts(sb.value.store, ns, target);
  const inherited = inheritPropagation(sb.value.store, ns, top.mountId, propagationOf(undefined, undefined));
  const fs = sb.value.fs;
  return ok(attachMount(inherited.store, ns, {
    parentId: top.mountId, mountpoint: top.path, fsId: fs.id, source: spec.source,
    root: spec.rootParts ?? [], rootIno: fs.rootIno,
    flags: { ...DEFAULT_MOUNT_FLAGS, ...spec.flags }, ...inherited.prop,
  }));
}
