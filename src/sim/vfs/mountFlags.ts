import type { AtimeMode, MountFlags, Propagation } from './mount.ts';

/**
 * mount(2) and umount2(2) flag values (include/uapi/linux/mount.h) and their
 * translation into per-mount flags.
 * @see mount(2), umount(2)
 */
export const MS_FLAGS = {
  MS_RDONLY: 0x1,
  MS_NOSUID: 0x2,
  MS_NODEV: 0x4,
  MS_NOEXEC: 0x8,
  MS_SYNCHRONOUS: 0x10,
  MS_REMOUNT: 0x20,
  MS_MANDLOCK: 0x40,
  MS_DIRSYNC: 0x80,
  MS_NOSYMFOLLOW: 0x100,
  MS_NOATIME: 0x400,
  MS_NODIRATIME: 0x800,
  MS_BIND: 0x1000,
  MS_MOVE: 0x2000,
  MS_REC: 0x4000,
  MS_SILENT: 0x8000,
  MS_POSIXACL: 0x10000,
  MS_UNBINDABLE: 0x20000,
  MS_PRIVATE: 0x40000,
  MS_SLAVE: 0x80000,
  MS_SHARED: 0x100000,
  MS_RELATIME: 0x200000,
  MS_STRICTATIME: 0x1000000,
  MS_LAZYTIME: 0x2000000,
} as const;

export type MsFlag = keyof typeof MS_FLAGS;

/** The old magic number callers may put in the top 16 bits (MS_MGC_VAL), ignored by the kernel. */
const MS_MGC_MSK = 0xffff0000;
const MS_MGC_VAL = 0xc0ed0000;

export const UMOUNT_FLAGS = { MNT_FORCE: 1, MNT_DETACH: 2, MNT_EXPIRE: 4, UMOUNT_NOFOLLOW: 8 } as const;
export type UmountFlag = keyof typeof UMOUNT_FLAGS;

/** Flag names set in a numeric value, in table order. */
export function msFlagNames(value: number): MsFlag[] {
  const v = (value & MS_MGC_MSK) >>> 0 === MS_MGC_VAL ? value & ~MS_MGC_MSK : value;
  return (Object.keys(MS_FLAGS) as MsFlag[]).filter((n) => (v & MS_FLAGS[n]) !== 0);
}

export function msFlagValue(names: readonly MsFlag[]): number {
  return names.reduce((acc, n) => acc | MS_FLAGS[n], 0);
}

export function umountFlagNames(value: number): UmountFlag[] {
  return (Object.keys(UMOUNT_FLAGS) as UmountFlag[]).filter((n) => (value & UMOUNT_FLAGS[n]) !== 0);
}

/** The atime mode the flags ask for, or undefined when they name none. */
export function atimeOf(names: readonly MsFlag[]): AtimeMode | undefined {
  if (names.includes('MS_NOATIME')) return 'noatime';
  if (names.includes('MS_STRICTATIME')) return 'strictatime';
  if (names.includes('MS_RELATIME')) return 'relatime';
  return undefined;
}

/** Per-mount flags of a new mount: relatime unless another atime mode is asked for. */
export function mountFlagsOf(names: readonly MsFlag[]): MountFlags {
  return {
    ro: names.includes('MS_RDONLY'),
    nosuid: names.includes('MS_NOSUID'),
    nodev: names.includes('MS_NODEV'),
    noexec: names.includes('MS_NOEXEC'),
    atime: atimeOf(names) ?? 'relatime',
  };
}

/** The single propagation type named, undefined for none, 'invalid' for more than one. */
export function propagationFlag(names: readonly MsFlag[]): Propagation | undefined | 'invalid' {
  const types: Array<[MsFlag, Propagation]> = [['MS_SHARED', 'shared'], ['MS_PRIVATE', 'private'], ['MS_SLAVE', 'slave'], ['MS_UNBINDABLE', 'unbindable']];
  const named = types.filter(([f]) => names.includes(f));
  if (named.length === 0) return undefined;
  return named.length === 1 ? named[0]![1] : 'invalid';
}
