import type { KernelIdentity } from '../kernel/world.ts';
import { syscallByName } from '../syscalls/catalogue.ts';

/**
 * The guest kernel Firecracker's CI boots: the Amazon Linux microVM kernel
 * built from resources/guest_configs/microvm-kernel-ci-x86_64-6.1.config
 * (guest kernels 5.10, 6.1 and 6.18 are supported; the lab takes 6.1). The
 * release is the config header's; the build date in `uname -v` is not
 * published, so the lab shows only the config's SMP PREEMPT_DYNAMIC flags.
 * @see https://github.com/firecracker-microvm/firecracker/blob/81b38b9dad6056d7a48073e95ac5a9aed51cb2ab/docs/kernel-policy.md
 * @see https://github.com/firecracker-microvm/firecracker/blob/81b38b9dad6056d7a48073e95ac5a9aed51cb2ab/resources/guest_configs/microvm-kernel-ci-x86_64-6.1.config
 */
export const FC_GUEST_KERNEL: KernelIdentity = {
  release: '6.1.167-27.319.amzn2023.x86_64',
  version: '#1 SMP PREEMPT_DYNAMIC',
};

/** Linux 6.1's last syscall is 450 (set_mempolicy_home_node, 5.17); 451 cachestat and later came with 6.5+. */
const LAST_SYSCALL_6_1 = 450;
/** Below 451 but added after 6.1: uretprobe (335, Linux 6.11) and uprobe (336). */
const NEWER_LOW_NUMBERS = new Set([335, 336]);

/**
 * Syscalls the CI config compiles out (kernel/sys_ni.c turns them into
 * sys_ni_syscall, which returns ENOSYS).
 */
const CONFIGURED_OUT: Readonly<Record<string, string>> = {
  init_module: 'CONFIG_MODULES is not set',
  finit_module: 'CONFIG_MODULES is not set',
  delete_module: 'CONFIG_MODULES is not set',
  kexec_load: 'CONFIG_KEXEC is not set (only CONFIG_KEXEC_FILE is)',
  kcmp: 'CONFIG_KCMP is off (it defaults to CONFIG_CHECKPOINT_RESTORE, which is not set)',
  landlock_create_ruleset: 'CONFIG_SECURITY_LANDLOCK is not set',
  landlock_add_rule: 'CONFIG_SECURITY_LANDLOCK is not set',
  landlock_restrict_self: 'CONFIG_SECURITY_LANDLOCK is not set',
};

/** Why a guest kernel answers a syscall with ENOSYS, or null when it has it. */
export type GuestLacks = (name: string) => string | null;

/** Why Firecracker's 6.1 CI guest kernel lacks `name` (ENOSYS), or null when it has it. */
export const fcGuestLacks: GuestLacks = (name) => {
  const info = syscallByName(name);
  if (!info) return `${name} is not an x86_64 syscall`;
  if (info.number > LAST_SYSCALL_6_1 || NEWER_LOW_NUMBERS.has(info.number)) return `${name} (${info.number}) was added to Linux after 6.1`;
  const off = CONFIGURED_OUT[name];
  return off ? `${name} is compiled out of the CI guest kernel: ${off}` : null;
};
