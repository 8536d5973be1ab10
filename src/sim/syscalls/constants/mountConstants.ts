import type { ConstantFamily } from './constantFamily.ts';

/** Constants of the mount syscalls. */

/**
 * mount(2) flags. Before Linux 2.4 the top 16 bits had to hold the magic
 * 0xC0ED; strace still names it when a caller passes it.
 * @see include/uapi/linux/mount.h, mount(2)
 */
export const MOUNT_FLAGS: ConstantFamily = {
  kind: 'flags',
  field: { mask: 0xffff0000, position: 'first', entries: [['MS_MGC_VAL', 0xc0ed0000]] },
  entries: [
    ['MS_RDONLY', 2 ** 0], ['MS_NOSUID', 2 ** 1], ['MS_NODEV', 2 ** 2], ['MS_NOEXEC', 2 ** 3],
    ['MS_SYNCHRONOUS', 2 ** 4], ['MS_REMOUNT', 2 ** 5], ['MS_MANDLOCK', 2 ** 6], ['MS_DIRSYNC', 2 ** 7],
    ['MS_NOSYMFOLLOW', 2 ** 8], ['MS_NOATIME', 2 ** 10], ['MS_NODIRATIME', 2 ** 11], ['MS_BIND', 2 ** 12],
    ['MS_MOVE', 2 ** 13], ['MS_REC', 2 ** 14], ['MS_SILENT', 2 ** 15], ['MS_POSIXACL', 2 ** 16],
    ['MS_UNBINDABLE', 2 ** 17], ['MS_PRIVATE', 2 ** 18], ['MS_SLAVE', 2 ** 19], ['MS_SHARED', 2 ** 20],
    ['MS_RELATIME', 2 ** 21], ['MS_KERNMOUNT', 2 ** 22], ['MS_I_VERSION', 2 ** 23], ['MS_STRICTATIME', 2 ** 24],
    ['MS_LAZYTIME', 2 ** 25], ['MS_SUBMOUNT', 2 ** 26], ['MS_NOREMOTELOCK', 2 ** 27], ['MS_NOSEC', 2 ** 28],
    ['MS_BORN', 2 ** 29], ['MS_ACTIVE', 2 ** 30], ['MS_NOUSER', 2 ** 31],
  ],
  aliases: [['MS_VERBOSE', 2 ** 15], ['MS_MGC_MSK', 0xffff0000]],
};

/**
 * umount2 flags. These live in include/linux/fs.h, outside uapi; glibc
 * repeats them in <sys/mount.h>.
 * @see umount(2)
 */
export const UMOUNT_FLAGS: ConstantFamily = {
  kind: 'flags',
  entries: [['MNT_FORCE', 1], ['MNT_DETACH', 2], ['MNT_EXPIRE', 4], ['UMOUNT_NOFOLLOW', 8]],
};

/**
 * open_tree flags: its own two plus the AT_ path flags it accepts.
 * OPEN_TREE_CLOEXEC is O_CLOEXEC.
 * @see include/uapi/linux/mount.h, open_tree(2)
 */
export const OPEN_TREE_FLAGS: ConstantFamily = {
  kind: 'flags',
  entries: [
    ['OPEN_TREE_CLONE', 1], ['OPEN_TREE_CLOEXEC', 0o2000000], ['AT_SYMLINK_NOFOLLOW', 0x100],
    ['AT_NO_AUTOMOUNT', 0x800], ['AT_EMPTY_PATH', 0x1000], ['AT_RECURSIVE', 0x8000],
  ],
};

/** move_mount flags. @see include/uapi/linux/mount.h, move_mount(2) */
export const MOVE_MOUNT_FLAGS: ConstantFamily = {
  kind: 'flags',
  entries: [
    ['MOVE_MOUNT_F_SYMLINKS', 0x1], ['MOVE_MOUNT_F_AUTOMOUNTS', 0x2], ['MOVE_MOUNT_F_EMPTY_PATH', 0x4],
    ['MOVE_MOUNT_T_SYMLINKS', 0x10], ['MOVE_MOUNT_T_AUTOMOUNTS', 0x20], ['MOVE_MOUNT_T_EMPTY_PATH', 0x40],
    ['MOVE_MOUNT_SET_GROUP', 0x100], ['MOVE_MOUNT_BENEATH', 0x200],
  ],
};
