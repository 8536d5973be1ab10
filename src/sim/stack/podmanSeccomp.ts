import type { Capability } from '../kernel/capabilities.ts';
import { errnoNumber } from '../errno.ts';
import { DOCKER_ALWAYS_ALLOWED } from '../seccomp/dockerDefaultAllowList.ts';
import type { SeccompArchMapEntry, SeccompArg, SeccompProfile, SeccompRule } from '../seccomp/profile.ts';

/**
 * The seccomp profile podman loads by default: containers-common's
 * /usr/share/containers/seccomp.json, in the lab's own form. It is not
 * Docker's. Three differences matter to a lecture:
 * - an unknown syscall fails with ENOSYS (the default action's errno), not
 *   EPERM, so new programs fall back as on an older kernel;
 * - mount, umount2, unshare, clone, clone3, setns, keyctl, pivot_root,
 *   ptrace, reboot and syslog are allowed whatever the capabilities: the
 *   capability checks in the kernel (and the user namespace of a rootless
 *   container) decide instead of the filter;
 * - 31 calls are refused with EPERM by name (kexec_load, swapon, userfaultfd…).
 * The unconditional allow-list is written as Docker's (the lab's table of
 * moby's profile) with podman's differences; each difference is a fact of
 * the JSON file.
 * @see containers/container-libs common/pkg/seccomp/seccomp.json @ f0ddf1a745bb52c26889dcd69499c2dd9d4f40c1 (generated from default_linux.go; shipped by containers-common)
 * @see containers/common pkg/config/containers.conf `seccomp_profile = "/usr/share/containers/seccomp.json"`
 */

const words = (text: string): string[] => text.trim().split(/\s+/);

/** In Docker's unconditional list but not in podman's (podman refuses some by name below, knows others not at all). */
const NOT_IN_PODMAN = new Set(words(`
  cachestat getxattrat io_pgetevents io_pgetevents_time64 listmount listxattrat map_shadow_stack
  mseal removexattrat riscv_hwprobe setxattrat statmount uretprobe vmsplice
`));

/** In podman's unconditional list, where Docker asks for a capability or a kernel version. */
const ONLY_IN_PODMAN = words(`
  clone clone3 unshare setns mount umount umount2 fsconfig fsmount fsopen fspick move_mount open_tree
  mount_setattr pivot_root keyctl fanotify_init get_mempolicy set_mempolicy mbind pidfd_getfd
  process_vm_readv process_vm_writev ptrace reboot signal syslog
`);

/** Refused with EPERM by name, before anything else is looked at. */
const REFUSED = words(`
  bdflush cachestat io_pgetevents io_pgetevents_time64 kexec_file_load kexec_load map_shadow_stack
  migrate_pages move_pages nfsservctl nice oldfstat oldlstat oldolduname oldstat olduname
  pciconfig_iobase pciconfig_read pciconfig_write sgetmask ssetmask swapoff swapon syscall sysfs
  uselib userfaultfd ustat vm86 vm86old vmsplice
`);

const ARCH_MAP: readonly SeccompArchMapEntry[] = [
  { architecture: 'SCMP_ARCH_X86_64', subArchitectures: ['SCMP_ARCH_X86', 'SCMP_ARCH_X32'] },
  { architecture: 'SCMP_ARCH_AARCH64', subArchitectures: ['SCMP_ARCH_ARM'] },
  { architecture: 'SCMP_ARCH_MIPS64', subArchitectures: ['SCMP_ARCH_MIPS', 'SCMP_ARCH_MIPS64N32'] },
  { architecture: 'SCMP_ARCH_MIPS64N32', subArchitectures: ['SCMP_ARCH_MIPS', 'SCMP_ARCH_MIPS64'] },
  { architecture: 'SCMP_ARCH_MIPSEL64', subArchitectures: ['SCMP_ARCH_MIPSEL', 'SCMP_ARCH_MIPSEL64N32'] },
  { architecture: 'SCMP_ARCH_MIPSEL64N32', subArchitectures: ['SCMP_ARCH_MIPSEL', 'SCMP_ARCH_MIPSEL64'] },
  { architecture: 'SCMP_ARCH_S390X', subArchitectures: ['SCMP_ARCH_S390'] },
];

const EPERM = errnoNumber('EPERM');
const allow = (names: readonly string[], extra: Partial<SeccompRule> = {}): SeccompRule => ({ names, action: 'SCMP_ACT_ALLOW', ...extra });
const refuse = (names: readonly string[], errnoRet: number, extra: Partial<SeccompRule> = {}): SeccompRule => ({ names, action: 'SCMP_ACT_ERRNO', errnoRet, ...extra });
const arg = (index: number, op: SeccompArg['op'], value: bigint): SeccompArg => ({ index, value, valueTwo: 0n, op });

/** A pair of rules: allowed with the capability, EPERM without it. */
function withCap(names: readonly string[], cap: Capability): SeccompRule[] {
  return [allow(names, { includes: { caps: [cap] } }), refuse(names, EPERM, { excludes: { caps: [cap] } })];
}

/** @see include/linux/socket.h (AF_NETLINK 16, AF_VSOCK 40), include/uapi/linux/netlink.h (NETLINK_AUDIT 9), include/uapi/linux/personality.h */
const AF_NETLINK = 16n;
const AF_VSOCK = 40n;
const NETLINK_AUDIT = 9n;
const PERSONAS = [0n, 0x8n, 0x20000n, 0x20008n, 0xffffffffn];

function conditionalRules(): SeccompRule[] {
  return [
    ...PERSONAS.map((p) => allow(['personality'], { args: [arg(0, 'SCMP_CMP_EQ', p)] })),
    allow(['sync_file_range2', 'swapcontext'], { includes: { arches: ['ppc64le'] } }),
    allow(['arm_fadvise64_64', 'arm_sync_file_range', 'breakpoint', 'cacheflush', 'set_tls', 'sync_file_range2'], { includes: { arches: ['arm', 'arm64'] } }),
    allow(['arch_prctl'], { includes: { arches: ['amd64', 'x32'] } }),
    allow(['modify_ldt'], { includes: { arches: ['amd64', 'x32', 'x86'] } }),
    allow(['s390_pci_mmio_read', 's390_pci_mmio_write', 's390_runtime_instr'], { includes: { arches: ['s390', 's390x'] } }),
    allow(['riscv_flush_icache'], { includes: { arches: ['riscv64'] } }),
    ...withCap(['open_by_handle_at'], 'CAP_DAC_READ_SEARCH'),
    allow(['bpf', 'lookup_dcookie', 'perf_event_open', 'quotactl', 'quotactl_fd', 'setdomainname', 'sethostname', 'setns'], { includes: { caps: ['CAP_SYS_ADMIN'] } }),
    refuse(['lookup_dcookie', 'quotactl', 'quotactl_fd', 'setdomainname', 'sethostname', 'setns'], EPERM, { excludes: { caps: ['CAP_SYS_ADMIN'] } }),
    ...withCap(['chroot'], 'CAP_SYS_CHROOT'),
    ...withCap(['delete_module', 'finit_module', 'init_module', 'query_module'], 'CAP_SYS_MODULE'),
    ...withCap(['acct'], 'CAP_SYS_PACCT'),
    ...withCap(['kcmp', 'process_madvise'], 'CAP_SYS_PTRACE'),
    ...withCap(['ioperm', 'iopl'], 'CAP_SYS_RAWIO'),
    ...withCap(['clock_settime', 'clock_settime64', 'settimeofday', 'stime'], 'CAP_SYS_TIME'),
    ...withCap(['vhangup'], 'CAP_SYS_TTY_CONFIG'),
    ...socketRules(),
    refuse(['bpf'], EPERM, { excludes: { caps: ['CAP_SYS_ADMIN', 'CAP_BPF'] } }),
    allow(['bpf'], { includes: { caps: ['CAP_BPF'] } }),
    refuse(['perf_event_open'], EPERM, { excludes: { caps: ['CAP_SYS_ADMIN', 'CAP_PERFMON'] } }),
    allow(['perf_event_open'], { includes: { caps: ['CAP_PERFMON'] } }),
  ];
}

/** AF_VSOCK is refused; without CAP_AUDIT_WRITE an audit netlink socket fails with EINVAL, as on a kernel without audit. */
function socketRules(): SeccompRule[] {
  const noAudit = { excludes: { caps: ['CAP_AUDIT_WRITE'] } };
  return [
    refuse(['socket'], EPERM, { args: [arg(0, 'SCMP_CMP_EQ', AF_VSOCK)] }),
    refuse(['socket'], errnoNumber('EINVAL'), { args: [arg(0, 'SCMP_CMP_EQ', AF_NETLINK), arg(2, 'SCMP_CMP_EQ', NETLINK_AUDIT)], ...noAudit }),
    allow(['socket'], { args: [arg(0, 'SCMP_CMP_EQ', AF_NETLINK), arg(2, 'SCMP_CMP_NE', NETLINK_AUDIT)], ...noAudit }),
    allow(['socket'], { args: [arg(0, 'SCMP_CMP_NE', AF_NETLINK)], ...noAudit }),
    allow(['socket'], { args: [arg(0, 'SCMP_CMP_NE', AF_VSOCK)], includes: { caps: ['CAP_AUDIT_WRITE'] } }),
  ];
}

/** The names podman's profile allows unconditionally. */
export function podmanAllowList(): string[] {
  const docker = Object.values(DOCKER_ALWAYS_ALLOWED).flat().filter((n) => !NOT_IN_PODMAN.has(n));
  return [...new Set([...docker, ...ONLY_IN_PODMAN])].sort();
}

export function buildPodmanDefaultProfile(): SeccompProfile {
  return {
    label: "podman's default profile (containers-common seccomp.json)",
    defaultAction: 'SCMP_ACT_ERRNO',
    defaultErrnoRet: errnoNumber('ENOSYS'),
    archMap: ARCH_MAP,
    syscalls: [refuse(REFUSED, EPERM), allow(podmanAllowList()), ...conditionalRules()],
  };
}

/** Built once; the evaluator caches an index per profile object. */
export const PODMAN_DEFAULT_PROFILE: SeccompProfile = buildPodmanDefaultProfile();
