import type { HelperProcess } from '../hostcalls/helperProcess.ts';
import { allSyscalls } from '../syscalls/catalogue.ts';

/**
 * The Solo5 tenders: the host process a unikernel runs in (spt) or next to
 * (hvt), and the seccomp filter each one puts on itself before it jumps into
 * the unikernel.
 *
 * - `nabla-run` is what nabla-containers/runnc execs: its Makefile builds
 *   solo5-spt from the Solo5 submodule pinned at v0.4.1-54 (2019). Default
 *   action SCMP_ACT_KILL; 7 syscalls.
 *   @see https://github.com/nabla-containers/runnc/blob/ba0f41279361c0815a8b0ebb1650eba71b63ec21/llruntimes/nabla/runnc-cont/runnc_cont.go
 *   @see https://github.com/Solo5/solo5/blob/120848b058c27a359a6cad2cb37ba6adde403d77/tenders/spt/spt_core.c
 * - `solo5-spt` is today's spt tender: epoll_pwait and a timerfd replaced
 *   ppoll, and x86_64 got arch_prctl(ARCH_SET_FS) for TLS. 9 syscalls.
 *   @see https://github.com/Solo5/solo5/blob/469c1a8d935b503fa553aef152d1d57d095fa3a4/tenders/spt/spt_core.c
 *   @see https://github.com/Solo5/solo5/blob/469c1a8d935b503fa553aef152d1d57d095fa3a4/tenders/spt/spt_module_block.c
 * - `solo5-hvt` (KVM) had no seccomp filter on Linux until v0.11.0 (commit
 *   56a9c17, 2026-05-27, "Closes #282"); since then hvt_seccomp_apply() allows
 *   18 syscalls with no argument checks and kills on anything else.
 *   @see https://github.com/Solo5/solo5/blob/469c1a8d935b503fa553aef152d1d57d095fa3a4/tenders/hvt/hvt_seccomp_linux.c
 *   @see https://github.com/Solo5/solo5/blob/63ef7aa72a269d5894ffdadd440cc901fe285bab/tenders/hvt/hvt_kvm.c (v0.10.1: "intentionally left mostly blank")
 */
export type TenderKind = 'nabla-run' | 'solo5-spt' | 'solo5-hvt' | 'solo5-hvt-unfiltered';

/** Solo5's block API works in 512-byte sectors (spt_module_block.c: the default block_size). */
export const BLOCK_SIZE = 512;
/**
 * The capacity of the attached image: runnc's rootfs.iso of the container's
 * files. The lab's figure (80 MiB, about what genisoimage makes of a Debian
 * slim root) is an estimate; only "offset ≤ capacity − 512" depends on it.
 */
export const IMAGE_CAPACITY = 80 * 1024 * 1024;

/**
 * The host fds the tender holds, in the order it opens them. nabla-run's
 * setup_modules() runs the net module first (tap → 3; without --net-mac, which
 * runnc never passes, it opens and closes /dev/urandom for a MAC), then the
 * block module (disk → 4). Today's tenders open devices while parsing
 * `--block:… --net:…` (block → 3, tap → 4), then the spt epoll fd and timerfd;
 * hvt opens /dev/kvm, the VM and the vCPU before its waitset and timerfd.
 */
export interface TenderFds { block: number; tap: number; epoll: number | null; timer: number | null; vcpu: number | null }

export const TENDER_FDS: Readonly<Record<TenderKind, TenderFds>> = {
  'nabla-run': { tap: 3, block: 4, epoll: null, timer: null, vcpu: null },
  'solo5-spt': { block: 3, tap: 4, epoll: 5, timer: 6, vcpu: null },
  'solo5-hvt': { block: 3, tap: 4, vcpu: 7, epoll: 8, timer: 9 },
  'solo5-hvt-unfiltered': { block: 3, tap: 4, vcpu: 7, epoll: 8, timer: 9 },
};

/** The filters' allow-lists, in the order the sources add them. */
export const TENDER_SYSCALLS: Readonly<Record<Exclude<TenderKind, 'solo5-hvt-unfiltered'>, readonly string[]>> = {
  'nabla-run': ['write', 'exit_group', 'ppoll', 'clock_gettime', 'pread64', 'pwrite64', 'read'],
  'solo5-spt': ['write', 'exit_group', 'epoll_pwait', 'timerfd_settime', 'clock_gettime', 'arch_prctl', 'pread64', 'pwrite64', 'read'],
  'solo5-hvt': ['ioctl', 'read', 'write', 'pread64', 'pwrite64', 'epoll_pwait', 'timerfd_settime', 'clock_gettime', 'exit_group',
    'rt_sigreturn', 'futex', 'mmap', 'mprotect', 'munmap', 'madvise', 'rt_sigprocmask', 'exit', 'close'],
};

export const TENDER_LABELS: Readonly<Record<TenderKind, string>> = {
  'nabla-run': 'nabla-run (solo5-spt tender)',
  'solo5-spt': 'solo5-spt (tender)',
  'solo5-hvt': 'solo5-hvt (tender)',
  'solo5-hvt-unfiltered': 'solo5-hvt (tender, no seccomp filter)',
};

const CLOCK_REALTIME = 0;
const CLOCK_MONOTONIC = 1;
const ARCH_SET_FS = 0x1002;

/** SCMP_A0..A3 comparisons of the spt filters, as a reason when one fails (null: the rule matches). */
function sptArgRule(kind: 'nabla-run' | 'solo5-spt') {
  const fds = TENDER_FDS[kind];
  const sector = (name: string, a: readonly number[]): string | null => {
    if (a[0] !== fds.block) return `${name} is allowed only on the block fd ${fds.block}, not fd ${a[0]}`;
    if (a[2] !== BLOCK_SIZE) return `${name} must move exactly block_size (${BLOCK_SIZE}) bytes, not ${a[2]}`;
    const last = IMAGE_CAPACITY - BLOCK_SIZE;
    if (a[3] === undefined || a[3] > last) return `${name} at offset ${a[3]} is past capacity − block_size (${last})`;
    return null;
  };
  return (name: string, a: readonly number[]): string | null => {
    switch (name) {
      case 'write': return a[0] === 1 || a[0] === fds.tap ? null : `write is allowed only to fd 1 (console) or the tap fd ${fds.tap}, not fd ${a[0]}`;
      case 'read': return a[0] === fds.tap ? null : `read is allowed only on the tap fd ${fds.tap}, not fd ${a[0]}`;
      case 'pread64': case 'pwrite64': return sector(name, a);
      case 'clock_gettime': return a[0] === CLOCK_MONOTONIC || a[0] === CLOCK_REALTIME ? null : `clock_gettime is allowed only for CLOCK_MONOTONIC or CLOCK_REALTIME, not clock ${a[0]}`;
      case 'ppoll': return a[3] === 0 ? null : 'ppoll is allowed only with a NULL sigmask';
      case 'epoll_pwait': return a[0] === fds.epoll ? null : `epoll_pwait is allowed only on the tender's epoll fd ${fds.epoll}`;
      case 'timerfd_settime': return a[0] === fds.timer ? null : `timerfd_settime is allowed only on the tender's timerfd ${fds.timer}`;
      case 'arch_prctl': return a[0] === ARCH_SET_FS ? null : 'arch_prctl is allowed only for ARCH_SET_FS';
      default: return null;
    }
  };
}

/** The tender as a host process under its own filter (hostSyscall() runs its calls). */
export function tenderProcess(kind: TenderKind): HelperProcess {
  const base = { layer: 'tender', label: TENDER_LABELS[kind], onDeny: 'kill' as const };
  switch (kind) {
    case 'nabla-run':
    case 'solo5-spt':
      return { ...base, allowed: new Set(TENDER_SYSCALLS[kind]), filterLabel: `${kind}'s seccomp filter (SCMP_ACT_KILL)`, argRule: sptArgRule(kind) };
    case 'solo5-hvt':
      return { ...base, allowed: new Set(TENDER_SYSCALLS[kind]), filterLabel: "solo5-hvt's seccomp filter (hvt_seccomp_apply, SCMP_ACT_KILL)" };
    case 'solo5-hvt-unfiltered':
      return { ...base, allowed: null, filterLabel: 'no filter (solo5-hvt before v0.11.0 installs none on Linux)' };
  }
}

/**
 * The host syscalls the tender can make: its allow-list, or every implemented
 * syscall when it runs without a filter. `argFiltered` is true where every
 * rule for the syscall compares an argument (only exit_group is unconditional
 * in the spt filters; hvt's rules compare none).
 */
export function tenderSurface(kind: TenderKind): { name: string; argFiltered: boolean }[] {
  if (kind === 'solo5-hvt-unfiltered') return allSyscalls().filter((s) => s.implemented).map((s) => ({ name: s.name, argFiltered: false }));
  const spt = kind === 'nabla-run' || kind === 'solo5-spt';
  return TENDER_SYSCALLS[kind].map((name) => ({ name, argFiltered: spt && name !== 'exit_group' }));
}

/** The tender a session runs under: nabla's `--tender`, or hvt's Solo5 release (with or without its filter). */
export function tenderFor(runtime: string, options: Readonly<Record<string, string>>): TenderKind {
  if (runtime === 'unikernel-hvt') return options.solo5 === 'v0.10.1' ? 'solo5-hvt-unfiltered' : 'solo5-hvt';
  return options.tender === 'solo5-spt' ? 'solo5-spt' : 'nabla-run';
}
