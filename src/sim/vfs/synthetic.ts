import { fail, type SimResult } from '../result.ts';
import type { InodeKind } from './inode.ts';

/**
 * Synthetic filesystems (proc, sysfs, cgroup2): their files are made up on
 * each lookup from kernel state the VFS does not own. The kernel registers a
 * provider per filesystem type; resolution hands every lookup inside such a
 * filesystem to it.
 * @see proc(5), sysfs(5), Documentation/admin-guide/cgroup-v2.rst
 */

export interface SyntheticNode {
  kind: InodeKind;
  /** Permission bits (0o444, 0o555, 0o200 for /proc/sysrq-trigger…). */
  mode: number;
  uid: number;
  gid: number;
  /** A file's text, computed on read when a function. */
  content?: string | (() => string);
  /** A symlink's target (`/proc/self` → `42`). Magic links are followed as plain symlinks. */
  target?: string;
  /** st_size; proc reports 0, sysfs 4096. Defaults to 0. */
  size?: number;
  /** A stable inode number; when absent one is derived from the path. */
  ino?: number;
}

export interface SyntheticProvider {
  /** The node at `pathParts` (relative to the filesystem root, [] is the root), or undefined for ENOENT. */
  lookup(fsId: string, pathParts: readonly string[], viewer: unknown): SyntheticNode | undefined;
  /** A directory's entry names, without `.` and `..`; undefined when not a directory. */
  list(fsId: string, pathParts: readonly string[], viewer: unknown): string[] | undefined;
  /** A write to a file; returns the number of bytes taken. Absent: writes fail with EACCES. */
  write?(fsId: string, pathParts: readonly string[], data: string, viewer: unknown): SimResult<number>;
  /** mkdir in this filesystem (cgroup2 creates a cgroup). Absent: EACCES (proc: ENOENT). */
  mkdir?(fsId: string, pathParts: readonly string[], mode: number, viewer: unknown): SimResult<SyntheticNode>;
  /** rmdir in this filesystem (cgroup2 removes an empty cgroup). Absent: EACCES. */
  rmdir?(fsId: string, pathParts: readonly string[], viewer: unknown): SimResult<true>;
}

/** Providers by filesystem type (`proc`, `sysfs`, `cgroup2`). Functions: pass them in, keep them out of state. */
export type Providers = Partial<Record<string, SyntheticProvider>>;

/** The text of a synthetic file now. */
export function syntheticContent(node: SyntheticNode): string {
  return typeof node.content === 'function' ? node.content() : (node.content ?? '');
}

/**
 * A stable inode number for a synthetic path (FNV-1a over fsId and path), so
 * stat and getdents show the same ino for the same file every time.
 */
export function syntheticIno(fsId: string, parts: readonly string[]): number {
  let h = 0x811c9dc5;
  for (const ch of `${fsId}/${parts.join('/')}`) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return parts.length === 0 ? 1 : 4096 + (h % 0x3fffffff);
}

/**
 * Layers providers: lookups try each in order and take the first answer;
 * a directory's listing is the union of all. Writes and mkdir go to the first
 * provider that knows the node and has the hook.
 */
export function combineProviders(...layers: readonly SyntheticProvider[]): SyntheticProvider {
  const owner = (fsId: string, parts: readonly string[], viewer: unknown) =>
    layers.find((p) => p.lookup(fsId, parts, viewer) !== undefined);
  return {
    lookup: (fsId, parts, viewer) => {
      for (const p of layers) {
        const node = p.lookup(fsId, parts, viewer);
        if (node !== undefined) return node;
      }
      return undefined;
    },
    list: (fsId, parts, viewer) => {
      const lists = layers.map((p) => p.list(fsId, parts, viewer)).filter((l): l is string[] => l !== undefined);
      return lists.length === 0 ? undefined : [...new Set(lists.flat())];
    },
    write: (fsId, parts, data, viewer) => {
      const p = owner(fsId, parts, viewer);
      return p?.write ? p.write(fsId, parts, data, viewer) : fail('EACCES', 'this attribute has no write handler');
    },
    mkdir: (fsId, parts, mode, viewer) => {
      const p = layers.find((l) => l.mkdir !== undefined);
      return p?.mkdir ? p.mkdir(fsId, parts, mode, viewer) : fail('EACCES', 'this filesystem does not create directories');
    },
    rmdir: (fsId, parts, viewer) => {
      const p = owner(fsId, parts, viewer);
      return p?.rmdir ? p.rmdir(fsId, parts, viewer) : fail('EACCES', 'this filesystem does not remove directories');
    },
  };
}
