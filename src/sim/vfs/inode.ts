/**
 * Inodes: the files of an inode-backed filesystem (ext4, overlay, tmpfs…).
 * @see inode(7), include/uapi/linux/stat.h
 */

export type InodeKind = 'file' | 'dir' | 'symlink' | 'chardev' | 'blockdev' | 'socket' | 'fifo';

/** A device number as `ls -l` and /proc/PID/mountinfo show it (`1, 3` / `8:1`). */
export interface DevNumber {
  major: number;
  minor: number;
}

export interface Inode {
  ino: number;
  kind: InodeKind;
  /** Permission bits including S_ISUID 04000, S_ISGID 02000, S_ISVTX 01000; no S_IF* type bits. */
  mode: number;
  uid: number;
  gid: number;
  /** Bytes; for a file with `content` it equals content.length. */
  size: number;
  nlink: number;
  /** Seconds since the epoch, passed in by the caller (src/sim has no clock). */
  mtime: number;
  /** Text of a small file, one character per byte. Absent for binaries: reads give an ELF-shaped placeholder. */
  content?: string;
  /** A symlink's target, as readlink(2) returns it. */
  target?: string;
  /** A directory's entries without `.` and `..`: name → ino. */
  entries?: Record<string, number>;
  /** A device node's device number. */
  rdev?: DevNumber;
}

/** S_IF* file type bits (include/uapi/linux/stat.h). */
export const S_IFMT = 0o170000;
export const S_IFTYPE: Record<InodeKind, number> = {
  socket: 0o140000,
  symlink: 0o120000,
  file: 0o100000,
  blockdev: 0o060000,
  dir: 0o040000,
  chardev: 0o020000,
  fifo: 0o010000,
};
export const S_IFNAME: Record<InodeKind, string> = {
  socket: 'S_IFSOCK', symlink: 'S_IFLNK', file: 'S_IFREG', blockdev: 'S_IFBLK',
  dir: 'S_IFDIR', chardev: 'S_IFCHR', fifo: 'S_IFIFO',
};

export const S_ISUID = 0o4000;
export const S_ISGID = 0o2000;
export const S_ISVTX = 0o1000;
/** S_IXUGO: any execute bit. */
export const S_IXUGO = 0o111;

/** getdents64 d_type values (include/linux/fs_types.h DT_*). */
export const DT_TYPE: Record<InodeKind, number> = {
  fifo: 1, chardev: 2, dir: 4, blockdev: 6, file: 8, symlink: 10, socket: 12,
};

/** st_mode: type bits plus permission bits. */
export function fullMode(kind: InodeKind, mode: number): number {
  return S_IFTYPE[kind] | (mode & 0o7777);
}

/** The kind named by an st_mode's type bits, or undefined for an invalid type. */
export function kindOfMode(mode: number): InodeKind | undefined {
  const type = mode & S_IFMT;
  return (Object.keys(S_IFTYPE) as InodeKind[]).find((k) => S_IFTYPE[k] === type);
}

/** `ls -l` style: `drwxr-xr-x`, `crw-rw-rw-`, `-rwsr-xr-x`, `drwxrwxrwt`. */
export function modeString(kind: InodeKind, mode: number): string {
  const typeChar: Record<InodeKind, string> = { file: '-', dir: 'd', symlink: 'l', chardev: 'c', blockdev: 'b', socket: 's', fifo: 'p' };
  const triplet = (shift: number, special: number, on: string, off: string): string => {
    const r = mode & (4 << shift) ? 'r' : '-';
    const w = mode & (2 << shift) ? 'w' : '-';
    const x = mode & (1 << shift);
    const xs = mode & special ? (x ? on : off) : x ? 'x' : '-';
    return r + w + xs;
  };
  return typeChar[kind] + triplet(6, S_ISUID, 's', 'S') + triplet(3, S_ISGID, 's', 'S') + triplet(0, S_ISVTX, 't', 'T');
}
