import type { ConstantFamily } from './constantFamily.ts';

/**
 * Constants of the file syscalls on x86_64 (which uses the generic values).
 * Octal literals follow the headers, which write these in octal.
 */

/**
 * open/openat flags. The low two bits are the access mode, not flags:
 * O_RDONLY is 0, so strace always prints the mode first.
 * @see include/uapi/asm-generic/fcntl.h, open(2)
 */
export const OPEN_FLAGS: ConstantFamily = {
  kind: 'flags',
  field: { mask: 0o3, position: 'first', entries: [['O_RDONLY', 0], ['O_WRONLY', 0o1], ['O_RDWR', 0o2], ['O_ACCMODE', 0o3]] },
  entries: [
    ['O_CREAT', 0o100], ['O_EXCL', 0o200], ['O_NOCTTY', 0o400], ['O_TRUNC', 0o1000],
    ['O_APPEND', 0o2000], ['O_NONBLOCK', 0o4000],
    // O_SYNC is __O_SYNC|O_DSYNC: list it first so that it wins.
    ['O_SYNC', 0o4010000], ['__O_SYNC', 0o4000000], ['O_DSYNC', 0o10000],
    ['O_DIRECT', 0o40000], ['O_LARGEFILE', 0o100000], ['O_NOFOLLOW', 0o400000],
    ['O_NOATIME', 0o1000000], ['O_CLOEXEC', 0o2000000], ['O_PATH', 0o10000000],
    // O_TMPFILE is __O_TMPFILE|O_DIRECTORY, so that old kernels fail it with ENOTDIR or EISDIR.
    ['O_TMPFILE', 0o20200000], ['__O_TMPFILE', 0o20000000], ['O_DIRECTORY', 0o200000],
    ['FASYNC', 0o20000],
  ],
  // glibc spellings (bits/fcntl-linux.h)
  aliases: [['O_NDELAY', 0o4000], ['O_ASYNC', 0o20000], ['O_FSYNC', 0o4010000], ['O_RSYNC', 0o4010000]],
};

/**
 * The *at() flags.
 * @see include/uapi/linux/fcntl.h
 */
export const AT_FLAGS: ConstantFamily = {
  kind: 'flags',
  entries: [
    ['AT_SYMLINK_NOFOLLOW', 0x100], ['AT_REMOVEDIR', 0x200], ['AT_SYMLINK_FOLLOW', 0x400],
    ['AT_NO_AUTOMOUNT', 0x800], ['AT_EMPTY_PATH', 0x1000], ['AT_STATX_FORCE_SYNC', 0x2000],
    ['AT_STATX_DONT_SYNC', 0x4000], ['AT_RECURSIVE', 0x8000],
  ],
  // AT_EACCESS shares 0x200 with AT_REMOVEDIR: faccessat reads it, unlinkat the other.
  aliases: [['AT_EACCESS', 0x200], ['AT_STATX_SYNC_AS_STAT', 0], ['AT_STATX_SYNC_TYPE', 0x6000]],
};

/**
 * A dirfd argument: a descriptor, or AT_FDCWD for "relative to the cwd".
 * @see include/uapi/linux/fcntl.h
 */
export const DIRFD: ConstantFamily = { kind: 'enum', entries: [['AT_FDCWD', -100]] };

/** POSIX defines these in <unistd.h>; the kernel has no uapi copy. @see access(2) */
export const ACCESS_MODES: ConstantFamily = {
  kind: 'flags',
  entries: [['R_OK', 4], ['W_OK', 2], ['X_OK', 1], ['F_OK', 0]],
};

/** @see include/uapi/linux/fs.h, lseek(2) */
export const SEEK_WHENCE: ConstantFamily = {
  kind: 'enum',
  entries: [['SEEK_SET', 0], ['SEEK_CUR', 1], ['SEEK_END', 2], ['SEEK_DATA', 3], ['SEEK_HOLE', 4]],
};

/**
 * st_mode and mknod modes: a file type field, three special bits, and the
 * permission bits, which strace prints in octal (`S_IFREG|0644`).
 * @see include/uapi/linux/stat.h, inode(7)
 */
export const FILE_MODE: ConstantFamily = {
  kind: 'flags',
  field: {
    mask: 0o170000,
    position: 'first',
    entries: [
      ['S_IFSOCK', 0o140000], ['S_IFLNK', 0o120000], ['S_IFREG', 0o100000], ['S_IFBLK', 0o60000],
      ['S_IFDIR', 0o40000], ['S_IFCHR', 0o20000], ['S_IFIFO', 0o10000],
    ],
  },
  entries: [['S_ISUID', 0o4000], ['S_ISGID', 0o2000], ['S_ISVTX', 0o1000]],
  rest: 'octal',
  aliases: [
    ['S_IFMT', 0o170000], ['S_IRWXU', 0o700], ['S_IRUSR', 0o400], ['S_IWUSR', 0o200], ['S_IXUSR', 0o100],
    ['S_IRWXG', 0o70], ['S_IRGRP', 0o40], ['S_IWGRP', 0o20], ['S_IXGRP', 0o10],
    ['S_IRWXO', 0o7], ['S_IROTH', 0o4], ['S_IWOTH', 0o2], ['S_IXOTH', 0o1],
  ],
};

/**
 * fcntl commands. Linux-specific ones start at F_LINUX_SPECIFIC_BASE (1024).
 * @see include/uapi/asm-generic/fcntl.h, include/uapi/linux/fcntl.h, fcntl(2)
 */
export const FCNTL_COMMANDS: ConstantFamily = {
  kind: 'enum',
  entries: [
    ['F_DUPFD', 0], ['F_GETFD', 1], ['F_SETFD', 2], ['F_GETFL', 3], ['F_SETFL', 4],
    ['F_GETLK', 5], ['F_SETLK', 6], ['F_SETLKW', 7], ['F_SETOWN', 8], ['F_GETOWN', 9],
    ['F_SETSIG', 10], ['F_GETSIG', 11], ['F_SETOWN_EX', 15], ['F_GETOWN_EX', 16],
    ['F_GETOWNER_UIDS', 17], ['F_OFD_GETLK', 36], ['F_OFD_SETLK', 37], ['F_OFD_SETLKW', 38],
    ['F_SETLEASE', 1024], ['F_GETLEASE', 1025], ['F_NOTIFY', 1026], ['F_DUPFD_QUERY', 1027],
    ['F_CREATED_QUERY', 1028], ['F_CANCELLK', 1029], ['F_DUPFD_CLOEXEC', 1030],
    ['F_SETPIPE_SZ', 1031], ['F_GETPIPE_SZ', 1032], ['F_ADD_SEALS', 1033], ['F_GET_SEALS', 1034],
    ['F_GET_RW_HINT', 1035], ['F_SET_RW_HINT', 1036], ['F_GET_FILE_RW_HINT', 1037], ['F_SET_FILE_RW_HINT', 1038],
  ],
  aliases: [['F_LINUX_SPECIFIC_BASE', 1024]],
};

/** F_GETFD/F_SETFD flags. @see include/uapi/asm-generic/fcntl.h */
export const FD_FLAGS: ConstantFamily = { kind: 'flags', entries: [['FD_CLOEXEC', 1]] };

/** struct flock l_type. @see include/uapi/asm-generic/fcntl.h */
export const LOCK_TYPES: ConstantFamily = {
  kind: 'enum',
  entries: [['F_RDLCK', 0], ['F_WRLCK', 1], ['F_UNLCK', 2]],
};

/** flock(2) operations. @see include/uapi/asm-generic/fcntl.h */
export const FLOCK_OPS: ConstantFamily = {
  kind: 'flags',
  entries: [['LOCK_SH', 1], ['LOCK_EX', 2], ['LOCK_NB', 4], ['LOCK_UN', 8]],
};

/** F_ADD_SEALS seals for memfds. @see include/uapi/linux/fcntl.h, memfd_create(2) */
export const SEALS: ConstantFamily = {
  kind: 'flags',
  entries: [
    ['F_SEAL_SEAL', 0x1], ['F_SEAL_SHRINK', 0x2], ['F_SEAL_GROW', 0x4], ['F_SEAL_WRITE', 0x8],
    ['F_SEAL_FUTURE_WRITE', 0x10], ['F_SEAL_EXEC', 0x20],
  ],
};

/** renameat2 flags. @see include/uapi/linux/fs.h, rename(2) */
export const RENAME_FLAGS: ConstantFamily = {
  kind: 'flags',
  entries: [['RENAME_NOREPLACE', 1], ['RENAME_EXCHANGE', 2], ['RENAME_WHITEOUT', 4]],
};
