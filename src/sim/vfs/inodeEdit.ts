import { putInodes, type FsStore } from './filesystem.ts';
import type { Inode } from './inode.ts';

/**
 * Immutable edits of one filesystem's inodes: every function returns a new
 * store and leaves its input untouched.
 */

export function inodeOf(store: FsStore, fsId: string, ino: number): Inode {
  const inode = store.filesystems[fsId]?.inodes[ino];
  if (inode === undefined) throw new Error(`no inode ${ino} in ${fsId}`);
  return inode;
}

export function patchInode(store: FsStore, fsId: string, ino: number, patch: Partial<Inode>): FsStore {
  return putInodes(store, fsId, [{ ...inodeOf(store, fsId, ino), ...patch }]);
}

/** A new inode without its number; addEntry allocates one. */
export type InodeInit = Omit<Inode, 'ino' | 'nlink'>;

/**
 * Links a new inode into a directory: a new subdirectory has nlink 2 and adds
 * one to its parent's (its `..`).
 */
export function addEntry(store: FsStore, fsId: string, dirIno: number, name: string, init: InodeInit, now: number): { store: FsStore; inode: Inode } {
  const fs = store.filesystems[fsId];
  if (fs === undefined) throw new Error(`addEntry: no filesystem ${fsId}`);
  const dir = inodeOf(store, fsId, dirIno);
  const inode: Inode = { ...init, ino: fs.nextIno, nlink: init.kind === 'dir' ? 2 : 1, mtime: now };
  const parent: Inode = {
    ...dir,
    entries: { ...dir.entries, [name]: inode.ino },
    nlink: dir.nlink + (inode.kind === 'dir' ? 1 : 0),
    mtime: now,
  };
  return { store: putInodes(store, fsId, [parent, inode]), inode };
}

/**
 * Unlinks `name` from a directory. The inode itself stays in the table with
 * its nlink lowered: an open fd keeps reading it, as Linux keeps an unlinked
 * inode alive while it is open.
 */
export function removeEntry(store: FsStore, fsId: string, dirIno: number, name: string, now: number): FsStore {
  const dir = inodeOf(store, fsId, dirIno);
  const ino = dir.entries && Object.hasOwn(dir.entries, name) ? dir.entries[name] : undefined;
  if (ino === undefined) return store;
  const child = inodeOf(store, fsId, ino);
  const entries = { ...dir.entries };
  delete entries[name];
  const isDir = child.kind === 'dir';
  const parent: Inode = { ...dir, entries, nlink: dir.nlink - (isDir ? 1 : 0), mtime: now };
  const gone: Inode = { ...child, nlink: isDir ? 0 : Math.max(0, child.nlink - 1) };
  return putInodes(store, fsId, [parent, gone]);
}
