import type { DevNumber, Inode, InodeKind } from './inode.ts';
import { splitAbsolute } from './path.ts';

/**
 * A compact description of a directory tree and the builder that turns it
 * into inodes. Root filesystems (images, the host) are written in this form.
 */

export interface TreeEntry {
  path: string;
  kind: InodeKind;
  mode: number;
  uid: number;
  gid: number;
  content?: string;
  /** For files without content (binaries, libraries): their size in bytes. */
  size?: number;
  target?: string;
  rdev?: DevNumber;
}

type Owner = { uid?: number; gid?: number };

export const dir = (path: string, mode = 0o755, o: Owner = {}): TreeEntry =>
  ({ path, kind: 'dir', mode, uid: o.uid ?? 0, gid: o.gid ?? 0 });

export const file = (path: string, content: string, mode = 0o644, o: Owner = {}): TreeEntry =>
  ({ path, kind: 'file', mode, uid: o.uid ?? 0, gid: o.gid ?? 0, content });

/** An executable or library whose bytes the lab does not model, only its size. */
export const binary = (path: string, size: number, mode = 0o755): TreeEntry =>
  ({ path, kind: 'file', mode, uid: 0, gid: 0, size });

export const link = (path: string, target: string): TreeEntry =>
  ({ path, kind: 'symlink', mode: 0o777, uid: 0, gid: 0, target });

export const chr = (path: string, major: number, minor: number, mode: number, o: Owner = {}): TreeEntry =>
  ({ path, kind: 'chardev', mode, uid: o.uid ?? 0, gid: o.gid ?? 0, rdev: { major, minor } });

export const blk = (path: string, major: number, minor: number, mode: number, o: Owner = {}): TreeEntry =>
  ({ path, kind: 'blockdev', mode, uid: o.uid ?? 0, gid: o.gid ?? 0, rdev: { major, minor } });

export const sock = (path: string, mode: number, o: Owner = {}): TreeEntry =>
  ({ path, kind: 'socket', mode, uid: o.uid ?? 0, gid: o.gid ?? 0 });

/** Several binaries in one directory: `binaries('/usr/bin', { cat: 44016, ls: 151344 })`. */
export function binaries(dirPath: string, sizes: Record<string, number>): TreeEntry[] {
  return Object.entries(sizes).map(([name, size]) => binary(`${dirPath}/${name}`, size));
}

export interface BuiltTree {
  inodes: Record<number, Inode>;
  rootIno: number;
}

/**
 * Builds inodes from entries. Parents that are not listed are created as
 * 0755 root:root directories; a later entry for the same path replaces the
 * earlier one's attributes. Inode 2 is the root, as on ext4 (EXT4_ROOT_INO).
 */
export function buildTree(entries: readonly TreeEntry[], mtime: number, rootMode = 0o755): BuiltTree {
  const inodes: Record<number, Inode> = {};
  const rootIno = 2;
  inodes[rootIno] = { ino: rootIno, kind: 'dir', mode: rootMode, uid: 0, gid: 0, size: 4096, nlink: 2, mtime, entries: {} };
  let next = rootIno + 1;
  const ensure = (parent: number, name: string, entry: TreeEntry | undefined): number => {
    const p = inodes[parent]!;
    const existing = p.entries![name];
    const ino = existing ?? next++;
    const spec = entry ?? dir('', 0o755);
    const old = existing === undefined ? undefined : inodes[existing];
    inodes[ino] = makeInode(ino, spec, mtime, old);
    if (existing === undefined) p.entries![name] = ino;
    return ino;
  };
  for (const entry of entries) {
    const parts = splitAbsolute(entry.path);
    if (parts.length === 0) {
      inodes[rootIno] = { ...inodes[rootIno]!, mode: entry.mode, uid: entry.uid, gid: entry.gid };
      continue;
    }
    let cur = rootIno;
    parts.slice(0, -1).forEach((name) => {
      const child = inodes[cur]!.entries![name];
      cur = child ?? ensure(cur, name, undefined);
    });
    ensure(cur, parts[parts.length - 1]!, entry);
  }
  return { inodes: withLinkCounts(inodes), rootIno };
}

function makeInode(ino: number, e: TreeEntry, mtime: number, old: Inode | undefined): Inode {
  const base: Inode = { ino, kind: e.kind, mode: e.mode, uid: e.uid, gid: e.gid, size: 0, nlink: 1, mtime };
  switch (e.kind) {
    case 'dir': return { ...base, size: 4096, entries: old?.entries ?? {} };
    case 'file': return e.content === undefined ? { ...base, size: e.size ?? 0 } : { ...base, size: e.content.length, content: e.content };
    case 'symlink': return { ...base, size: (e.target ?? '').length, target: e.target ?? '' };
    case 'chardev':
    case 'blockdev': return { ...base, rdev: e.rdev ?? { major: 0, minor: 0 } };
    default: return base;
  }
}

/** A directory's nlink is 2 plus its subdirectories (`.` and each child's `..`). */
function withLinkCounts(inodes: Record<number, Inode>): Record<number, Inode> {
  for (const inode of Object.values(inodes)) {
    if (inode.kind !== 'dir') continue;
    const subdirs = Object.values(inode.entries ?? {}).filter((i) => inodes[i]?.kind === 'dir').length;
    inodes[inode.ino] = { ...inode, nlink: 2 + subdirs };
  }
  return inodes;
}
