import type { DevNumber, Inode } from './inode.ts';

/**
 * Filesystems (superblocks) and the store that holds every one of them.
 * An inode-backed filesystem keeps its inodes; a synthetic one (proc, sysfs,
 * cgroup2) keeps none and is answered by the provider registered for its type.
 * @see filesystems(5), proc(5)
 */

export type FsType =
  | 'ext4' | 'xfs' | 'overlay' | 'tmpfs' | 'devtmpfs' | 'devpts' | 'mqueue'
  | 'proc' | 'sysfs' | 'cgroup2' | 'securityfs' | 'debugfs' | 'tracefs' | 'bpf' | 'fusectl' | 'binfmt_misc';

/** Types whose content comes from a SyntheticProvider, not from inodes. */
export const SYNTHETIC_TYPES: readonly FsType[] = ['proc', 'sysfs', 'cgroup2', 'securityfs', 'debugfs', 'tracefs', 'bpf', 'fusectl', 'binfmt_misc'];

/** Types mount(2) needs a block device for; the rest take any source string. */
export const BLOCK_TYPES: readonly FsType[] = ['ext4', 'xfs'];

export function isFsType(name: string): name is FsType {
  return [...SYNTHETIC_TYPES, 'ext4', 'xfs', 'overlay', 'tmpfs', 'devtmpfs', 'devpts', 'mqueue'].includes(name as FsType);
}

export interface Filesystem {
  /** Stable id in the store, e.g. `ext4:sda1`, `tmpfs:7`. */
  id: string;
  type: FsType;
  /** The source column of /proc/mounts: `/dev/sda1`, `overlay`, `tmpfs`, `shm`, `proc`. */
  source: string;
  /** st_dev and the major:minor column of mountinfo; anonymous filesystems get 0:N. */
  dev: DevNumber;
  /** Filesystem-specific superblock options as show_options() prints them (`size=65536k,mode=755,inode64`). */
  options: string;
  /** Superblock read-only (SB_RDONLY): every mount of it is read-only. */
  readOnly: boolean;
  synthetic: boolean;
  rootIno: number;
  nextIno: number;
  /** ino → inode; empty for synthetic filesystems. */
  inodes: Record<number, Inode>;
  /** Free-form facts the kernel's provider needs (the pid namespace a proc instance belongs to…). */
  meta: Record<string, string>;
}

export interface FsStore {
  filesystems: Record<string, Filesystem>;
  /** Next anonymous device minor (get_anon_bdev(): 0:N). */
  nextAnonMinor: number;
  /** Mount ids are global in the kernel (mnt_alloc_id), so their counter lives here. */
  nextMountId: number;
  /** Peer group ids of shared mounts (the N of `shared:N`). */
  nextPeerGroup: number;
}

export function emptyFsStore(): FsStore {
  // Boot-time mounts use the first ids; the lab's first visible ones start near where a host's do.
  return { filesystems: {}, nextAnonMinor: 20, nextMountId: 21, nextPeerGroup: 1 };
}

export function getFs(store: FsStore, fsId: string): Filesystem | undefined {
  return store.filesystems[fsId];
}

export function getInode(store: FsStore, fsId: string, ino: number): Inode | undefined {
  return store.filesystems[fsId]?.inodes[ino];
}

export function putFs(store: FsStore, fs: Filesystem): FsStore {
  return { ...store, filesystems: { ...store.filesystems, [fs.id]: fs } };
}

/** Replaces (or adds) inodes of one filesystem; returns the new store. */
export function putInodes(store: FsStore, fsId: string, inodes: readonly Inode[]): FsStore {
  const fs = store.filesystems[fsId];
  if (fs === undefined) throw new Error(`putInodes: no filesystem ${fsId}`);
  const next: Record<number, Inode> = { ...fs.inodes };
  let nextIno = fs.nextIno;
  for (const inode of inodes) {
    next[inode.ino] = inode;
    nextIno = Math.max(nextIno, inode.ino + 1);
  }
  return putFs(store, { ...fs, inodes: next, nextIno });
}

export interface NewFilesystem {
  type: FsType;
  source: string;
  options?: string;
  readOnly?: boolean;
  /** A fixed device number (a block device); otherwise an anonymous 0:N is allocated. */
  dev?: DevNumber;
  /** A fixed id; otherwise `type:minor`. */
  id?: string;
  inodes?: Record<number, Inode>;
  rootIno?: number;
  meta?: Record<string, string>;
}

/** Adds a superblock to the store; returns the new store and the filesystem. */
export function addFilesystem(store: FsStore, init: NewFilesystem): { store: FsStore; fs: Filesystem } {
  const anon = init.dev === undefined;
  const dev = init.dev ?? { major: 0, minor: store.nextAnonMinor };
  const id = init.id ?? `${init.type}:${dev.minor}`;
  if (store.filesystems[id] !== undefined) throw new Error(`addFilesystem: duplicate id ${id}`);
  const inodes = init.inodes ?? {};
  const maxIno = Object.keys(inodes).reduce((m, k) => Math.max(m, Number(k)), 0);
  const fs: Filesystem = {
    id, type: init.type, source: init.source, dev, options: init.options ?? '',
    readOnly: init.readOnly ?? false, synthetic: SYNTHETIC_TYPES.includes(init.type),
    rootIno: init.rootIno ?? 1, nextIno: maxIno + 1, inodes, meta: init.meta ?? {},
  };
  const next = putFs(store, fs);
  return { store: anon ? { ...next, nextAnonMinor: store.nextAnonMinor + 1 } : next, fs };
}

/** The filesystem on a block device (mount(2) of `/dev/sda1` finds the existing superblock). */
export function findFsByDev(store: FsStore, dev: DevNumber): Filesystem | undefined {
  return Object.values(store.filesystems).find((fs) => fs.dev.major === dev.major && fs.dev.minor === dev.minor);
}
