import { fail, type SimError } from '../result.ts';
import type { VfsEnv } from './env.ts';
import type { InodeKind } from './inode.ts';
import type { Loc } from './location.ts';
import { getMount, type Mount } from './mount.ts';

/**
 * The read-only checks writes pass, in the two places the kernel makes them:
 * the superblock (sb_permission, inside inode_permission) and the mount
 * (mnt_want_write).
 * @see fs/namei.c sb_permission, fs/namespace.c mnt_want_write, fs/open.c do_dentry_open
 */

export function mountOfLoc(env: VfsEnv, loc: Loc): Mount {
  const m = getMount(env.ns, loc.mountId);
  if (m === undefined) throw new Error(`no mount ${loc.mountId} in namespace ${env.ns.id}`);
  return m;
}

/**
 * A read-only superblock refuses writes to regular files, directories and
 * symlinks; device nodes, fifos and sockets on it stay writable.
 */
export function superblockRo(env: VfsEnv, loc: Loc, kind: InodeKind, what: string): SimError | null {
  const fs = env.store.filesystems[loc.fsId];
  if (fs?.readOnly && (kind === 'file' || kind === 'dir' || kind === 'symlink')) {
    return fail('EROFS', `${what} is on ${fs.type} ${fs.source}, whose superblock is read-only`);
  }
  return null;
}

/** mnt_want_write(): the mount (or its superblock) is read-only. */
export function mountRo(env: VfsEnv, loc: Loc, what: string): SimError | null {
  const m = mountOfLoc(env, loc);
  const fs = env.store.filesystems[loc.fsId];
  if (m.flags.ro) return fail('EROFS', `${what} is under the read-only mount at ${m.mountpoint}`);
  if (fs?.readOnly) return fail('EROFS', `${what} is on ${fs.type} ${fs.source}, whose superblock is read-only`);
  return null;
}

/** A special file (device, fifo, socket) opened for write does not need a writable mount. */
export function isSpecial(kind: InodeKind): boolean {
  return kind === 'chardev' || kind === 'blockdev' || kind === 'fifo' || kind === 'socket';
}
