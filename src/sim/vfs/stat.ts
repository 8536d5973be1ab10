import { ok, type SimResult } from '../result.ts';
import type { PathCtx, VfsEnv } from './env.ts';
import { fullMode, S_IFNAME, type DevNumber, type InodeKind } from './inode.ts';
import { resolve, type Resolved } from './resolve.ts';

/**
 * stat(2)/lstat(2)/fstat(2) and the way strace prints a struct stat.
 * @see stat(2), inode(7), strace's print_struct_stat
 */

export interface Stat {
  st_dev: DevNumber;
  st_ino: number;
  /** Type bits and permission bits (S_IFREG|0644 = 0o100644). */
  st_mode: number;
  st_nlink: number;
  st_uid: number;
  st_gid: number;
  st_rdev: DevNumber;
  st_size: number;
  st_blksize: number;
  st_blocks: number;
  st_mtime: number;
  /** Not a stat field: the kind, for callers that would otherwise decode st_mode. */
  kind: InodeKind;
}

/** The stat of a resolved file (or of the position an fd keeps). */
export function statOf(env: VfsEnv, f: Resolved): Stat {
  const fs = env.store.filesystems[f.fsId];
  const n = f.node;
  // 512-byte blocks of whole 4 KiB pages; synthetic files occupy none.
  const blocks = fs?.synthetic || n.kind === 'chardev' || n.kind === 'blockdev' ? 0 : Math.ceil(n.size / 4096) * 8;
  return {
    st_dev: fs?.dev ?? { major: 0, minor: 0 },
    st_ino: n.ino,
    st_mode: fullMode(n.kind, n.mode),
    st_nlink: n.nlink,
    st_uid: n.uid,
    st_gid: n.gid,
    st_rdev: n.rdev ?? { major: 0, minor: 0 },
    st_size: n.size,
    st_blksize: 4096,
    st_blocks: blocks,
    st_mtime: n.mtime,
    kind: n.kind,
  };
}

/** stat (follow) or lstat (follow: false) by path. */
export function stat(env: VfsEnv, ctx: PathCtx, path: string, opts: { follow?: boolean } = {}): SimResult<Stat> {
  const r = resolve(env, ctx, path, { follow: opts.follow !== false });
  return r.ok ? ok(statOf(env, r.value)) : r;
}

/** `S_IFREG|0644`, `S_IFDIR|S_ISVTX|0777` as strace prints st_mode. */
export function formatMode(kind: InodeKind, mode: number): string {
  const flags = [S_IFNAME[kind]];
  if (mode & 0o4000) flags.push('S_ISUID');
  if (mode & 0o2000) flags.push('S_ISGID');
  if (mode & 0o1000) flags.push('S_ISVTX');
  // strace prints the permission bits with %#03o: 0644, 0755, and 000 for none.
  const perm = mode & 0o777;
  return `${flags.join('|')}|${perm === 0 ? '000' : `0${perm.toString(8)}`}`;
}

const makedev = (d: DevNumber): string => `makedev(0x${d.major.toString(16)}, 0x${d.minor.toString(16)})`;

/**
 * strace's rendering: abbreviated by default (`{st_mode=S_IFREG|0644, st_size=926, ...}`,
 * devices show st_rdev instead of st_size), every field with `verbose` (strace -v).
 */
export function formatStat(s: Stat, verbose = false): string {
  const mode = `st_mode=${formatMode(s.kind, s.st_mode)}`;
  const isDev = s.kind === 'chardev' || s.kind === 'blockdev';
  const sizeOrRdev = isDev ? `st_rdev=${makedev(s.st_rdev)}` : `st_size=${s.st_size}`;
  if (!verbose) return `{${mode}, ${sizeOrRdev}, ...}`;
  return `{st_dev=${makedev(s.st_dev)}, st_ino=${s.st_ino}, ${mode}, st_nlink=${s.st_nlink}, st_uid=${s.st_uid}, st_gid=${s.st_gid}, `
    + `st_blksize=${s.st_blksize}, st_blocks=${s.st_blocks}, ${sizeOrRdev}, st_atime=${s.st_mtime}, st_mtime=${s.st_mtime}, st_ctime=${s.st_mtime}}`;
}
