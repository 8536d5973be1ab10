import type { Capability } from '../kernel/capabilities.ts';
import type { KernelVersion } from './profile.ts';

/**
 * The lab's table of the conditional part of Docker's default seccomp
 * profile: what a container gets only on some kernels or architectures, with
 * some capabilities, or for some argument values. Each row is one idea;
 * dockerDefaultProfile.ts expands the rows into profile entries (a row with
 * several alternatives becomes one entry per alternative, as in the JSON).
 * `why` is the lab's explanation, shown after the verdict.
 * @see moby/profiles seccomp/default.json @ cd3bed8061c7b7378b61fc6827c7885779417a75
 * @see https://docs.docker.com/engine/security/seccomp/ (significant syscalls blocked)
 */
export type DockerRuleRow =
  | { type: 'kernel'; names: readonly string[]; minKernel: KernelVersion; why: string }
  | { type: 'arch'; names: readonly string[]; arches: readonly string[]; why: string }
  | { type: 'cap'; names: readonly string[]; cap: Capability; why: string }
  /** Allowed when argument `index` passes any one of the tests. */
  | { type: 'arg-any'; name: string; index: number; anyOf: readonly ArgTest[]; why: string }
  /** Without `unlessCap`, allowed only when argument `index` has none of `bits`. */
  | { type: 'no-bits'; name: string; index: number; bits: bigint; unlessCap: Capability; arches: ArchScope; why: string }
  /** Without `unlessCap`, fails with this errno instead of the default EPERM. */
  | { type: 'errno'; name: string; errno: number; unlessCap: Capability; why: string };

export type ArgTest = readonly ['<' | '==' | '>', bigint];
export type ArchScope = { only: readonly string[] } | { except: readonly string[] };

/** @see include/linux/socket.h */
const AF_ALG = 38n;
const AF_NFC = 39n;
const AF_VSOCK = 40n;
/** @see include/uapi/linux/personality.h; 0xffffffff asks for the current persona. */
const PER_LINUX = 0n;
const PER_LINUX32 = 0x8n;
const UNAME26 = 0x20000n;
const PERSONA_QUERY = 0xffffffffn;
/** CLONE_NEWNS|CLONE_NEWCGROUP|CLONE_NEWUTS|CLONE_NEWIPC|CLONE_NEWUSER|CLONE_NEWPID|CLONE_NEWNET. @see include/uapi/linux/sched.h */
const CLONE_NAMESPACE_BITS = 0x20000n | 0x2000000n | 0x4000000n | 0x8000000n | 0x10000000n | 0x20000000n | 0x40000000n;
const ENOSYS = 38;
const S390 = ['s390', 's390x'];

/** Calls that need CAP_SYS_ADMIN, by what they reach. */
const SYS_ADMIN_CALLS = [
  'mount', 'umount', 'umount2', 'fsopen', 'fsconfig', 'fsmount', 'fspick', 'move_mount', 'open_tree', 'mount_setattr',
  'clone', 'clone3', 'unshare', 'setns',
  'sethostname', 'setdomainname',
  'bpf', 'perf_event_open', 'fanotify_init', 'lookup_dcookie', 'syslog',
  'quotactl', 'quotactl_fd',
  'lsm_get_self_attr', 'lsm_set_self_attr', 'lsm_list_modules',
];

export const DOCKER_RULE_ROWS: readonly DockerRuleRow[] = [
  { type: 'kernel', names: ['ptrace', 'process_vm_readv', 'process_vm_writev'], minKernel: [4, 8], why: 'before Linux 4.8 a tracer could change a syscall after seccomp had checked it, so ptrace is allowed only on newer kernels' },
  { type: 'arg-any', name: 'socket', index: 0, anyOf: [['<', AF_ALG], ['==', AF_NFC], ['>', AF_VSOCK]], why: 'every address family but AF_ALG (the kernel crypto API) and AF_VSOCK (host–guest sockets)' },
  { type: 'arg-any', name: 'personality', index: 0, anyOf: [['==', PER_LINUX], ['==', PER_LINUX32], ['==', UNAME26], ['==', UNAME26 | PER_LINUX32], ['==', PERSONA_QUERY]], why: 'only the Linux personas and the query; other execution domains are little-used kernel code' },
  { type: 'arch', names: ['sync_file_range2', 'swapcontext'], arches: ['ppc64le'], why: 'these exist only on POWER' },
  { type: 'arch', names: ['arm_fadvise64_64', 'arm_sync_file_range', 'sync_file_range2', 'breakpoint', 'cacheflush', 'set_tls'], arches: ['arm', 'arm64'], why: 'these exist only on ARM' },
  { type: 'arch', names: ['arch_prctl'], arches: ['amd64', 'x32'], why: 'x86-64 threads set their FS/GS base (thread-local storage) with it' },
  { type: 'arch', names: ['modify_ldt'], arches: ['amd64', 'x32', 'x86'], why: 'the x86 local descriptor table' },
  { type: 'arch', names: ['s390_pci_mmio_read', 's390_pci_mmio_write', 's390_runtime_instr'], arches: S390, why: 'these exist only on IBM Z' },
  { type: 'arch', names: ['riscv_flush_icache'], arches: ['riscv64'], why: 'this exists only on RISC-V' },
  { type: 'cap', names: ['open_by_handle_at'], cap: 'CAP_DAC_READ_SEARCH', why: 'a file handle opens any file of the host filesystem, which is how the 2014 "shocker" escape worked' },
  { type: 'cap', names: SYS_ADMIN_CALLS, cap: 'CAP_SYS_ADMIN', why: 'mounts, namespaces, hostnames, BPF, perf, quotas and the kernel log belong to CAP_SYS_ADMIN' },
  { type: 'no-bits', name: 'clone', index: 0, bits: CLONE_NAMESPACE_BITS, unlessCap: 'CAP_SYS_ADMIN', arches: { except: S390 }, why: 'a container without CAP_SYS_ADMIN may fork and make threads but not create namespaces' },
  { type: 'no-bits', name: 'clone', index: 1, bits: CLONE_NAMESPACE_BITS, unlessCap: 'CAP_SYS_ADMIN', arches: { only: S390 }, why: "on s390 clone's flags are its second argument" },
  { type: 'errno', name: 'clone3', errno: ENOSYS, unlessCap: 'CAP_SYS_ADMIN', why: 'clone3 passes its flags in memory, where seccomp cannot look, so it reports ENOSYS and libc falls back to clone, whose flags the filter can check' },
  { type: 'cap', names: ['reboot'], cap: 'CAP_SYS_BOOT', why: 'rebooting' },
  { type: 'cap', names: ['chroot'], cap: 'CAP_SYS_CHROOT', why: 'changing the root directory' },
  { type: 'cap', names: ['delete_module', 'init_module', 'finit_module'], cap: 'CAP_SYS_MODULE', why: 'kernel modules are loaded into the one shared kernel' },
  { type: 'cap', names: ['acct'], cap: 'CAP_SYS_PACCT', why: 'process accounting is host-wide' },
  { type: 'cap', names: ['kcmp', 'pidfd_getfd', 'process_madvise', 'process_vm_readv', 'process_vm_writev', 'ptrace'], cap: 'CAP_SYS_PTRACE', why: 'inspecting and changing other processes' },
  { type: 'cap', names: ['iopl', 'ioperm'], cap: 'CAP_SYS_RAWIO', why: 'raw access to I/O ports' },
  { type: 'cap', names: ['settimeofday', 'stime', 'clock_settime', 'clock_settime64'], cap: 'CAP_SYS_TIME', why: 'the clock is not namespaced: setting it sets the host clock' },
  { type: 'cap', names: ['vhangup'], cap: 'CAP_SYS_TTY_CONFIG', why: 'hanging up the terminal' },
  { type: 'cap', names: ['get_mempolicy', 'mbind', 'set_mempolicy', 'set_mempolicy_home_node'], cap: 'CAP_SYS_NICE', why: 'NUMA memory placement' },
  { type: 'cap', names: ['syslog'], cap: 'CAP_SYSLOG', why: 'the kernel log is host-wide' },
  { type: 'cap', names: ['bpf'], cap: 'CAP_BPF', why: 'loading BPF programs into the kernel' },
  { type: 'cap', names: ['perf_event_open'], cap: 'CAP_PERFMON', why: 'performance monitoring sees the whole host' },
];
