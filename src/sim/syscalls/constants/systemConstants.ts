import type { ConstantEntry, ConstantFamily } from './constantFamily.ts';

/** reboot, getrandom, futex and arch_prctl constants. */

/**
 * reboot(2) magic numbers; magic2 is one of four dates.
 * @see include/uapi/linux/reboot.h
 */
export const REBOOT_MAGIC: ConstantFamily = {
  kind: 'enum',
  entries: [
    ['LINUX_REBOOT_MAGIC1', 0xfee1dead], ['LINUX_REBOOT_MAGIC2', 0x28121969], ['LINUX_REBOOT_MAGIC2A', 0x05121996],
    ['LINUX_REBOOT_MAGIC2B', 0x16041998], ['LINUX_REBOOT_MAGIC2C', 0x20112000],
  ],
};

/** reboot(2) commands. @see include/uapi/linux/reboot.h */
export const REBOOT_COMMANDS: ConstantFamily = {
  kind: 'enum',
  entries: [
    ['LINUX_REBOOT_CMD_RESTART', 0x01234567], ['LINUX_REBOOT_CMD_HALT', 0xcdef0123],
    ['LINUX_REBOOT_CMD_CAD_ON', 0x89abcdef], ['LINUX_REBOOT_CMD_CAD_OFF', 0x00000000],
    ['LINUX_REBOOT_CMD_POWER_OFF', 0x4321fedc], ['LINUX_REBOOT_CMD_RESTART2', 0xa1b2c3d4],
    ['LINUX_REBOOT_CMD_SW_SUSPEND', 0xd000fce2], ['LINUX_REBOOT_CMD_KEXEC', 0x45584543],
  ],
};

/** getrandom(2) flags. @see include/uapi/linux/random.h */
export const GETRANDOM_FLAGS: ConstantFamily = {
  kind: 'flags',
  entries: [['GRND_NONBLOCK', 1], ['GRND_RANDOM', 2], ['GRND_INSECURE', 4]],
};

const FUTEX_PRIVATE_FLAG = 128;
const FUTEX_OPS: readonly ConstantEntry[] = [
  ['FUTEX_WAIT', 0], ['FUTEX_WAKE', 1], ['FUTEX_FD', 2], ['FUTEX_REQUEUE', 3], ['FUTEX_CMP_REQUEUE', 4],
  ['FUTEX_WAKE_OP', 5], ['FUTEX_LOCK_PI', 6], ['FUTEX_UNLOCK_PI', 7], ['FUTEX_TRYLOCK_PI', 8],
  ['FUTEX_WAIT_BITSET', 9], ['FUTEX_WAKE_BITSET', 10], ['FUTEX_WAIT_REQUEUE_PI', 11],
  ['FUTEX_CMP_REQUEUE_PI', 12], ['FUTEX_LOCK_PI2', 13],
];
/** The header defines a _PRIVATE twin of every op except FUTEX_FD (removed in 2.6.26). */
const FUTEX_PRIVATE_OPS: readonly ConstantEntry[] = FUTEX_OPS.filter(([name]) => name !== 'FUTEX_FD').map(
  ([name, value]) => [`${name}_PRIVATE`, value | FUTEX_PRIVATE_FLAG],
);

/**
 * futex(2) op: the command and FUTEX_PRIVATE_FLAG together name one op
 * (`FUTEX_WAKE_PRIVATE`), FUTEX_CLOCK_REALTIME is a flag after it.
 * @see include/uapi/linux/futex.h
 */
export const FUTEX_OP: ConstantFamily = {
  kind: 'flags',
  field: { mask: 0xff, position: 'first', entries: [...FUTEX_OPS, ...FUTEX_PRIVATE_OPS] },
  entries: [['FUTEX_CLOCK_REALTIME', 256]],
  aliases: [['FUTEX_PRIVATE_FLAG', FUTEX_PRIVATE_FLAG]],
};

/**
 * arch_prctl(2) codes. Solo5's spt tender allows only ARCH_SET_FS.
 * @see arch/x86/include/uapi/asm/prctl.h
 */
export const ARCH_PRCTL_CODES: ConstantFamily = {
  kind: 'enum',
  entries: [
    ['ARCH_SET_GS', 0x1001], ['ARCH_SET_FS', 0x1002], ['ARCH_GET_FS', 0x1003], ['ARCH_GET_GS', 0x1004],
    ['ARCH_GET_CPUID', 0x1011], ['ARCH_SET_CPUID', 0x1012], ['ARCH_GET_XCOMP_SUPP', 0x1021],
    ['ARCH_GET_XCOMP_PERM', 0x1022], ['ARCH_REQ_XCOMP_PERM', 0x1023], ['ARCH_MAP_VDSO_X32', 0x2001],
    ['ARCH_MAP_VDSO_32', 0x2002], ['ARCH_MAP_VDSO_64', 0x2003],
  ],
};
