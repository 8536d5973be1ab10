import type { HelperProcess } from '../hostcalls/helperProcess.ts';
import type { RuntimeOptions } from '../runtime/types.ts';

/**
 * The host syscalls gVisor's Sentry may make under its own seccomp filter
 * (runsc installs it on itself before it runs any application code), on
 * amd64, by the rule group runsc merges them from. A name marked `*` in a
 * comment is allowed only for some arguments in the real filter; the lab
 * checks names.
 * @see https://github.com/google/gvisor/blob/3c5eee17dc45659fb86843531074f38e78e0cc35/runsc/boot/filter/config/config_main.go
 * @see https://github.com/google/gvisor/blob/3c5eee17dc45659fb86843531074f38e78e0cc35/runsc/boot/filter/config/config_amd64.go
 * @see https://github.com/google/gvisor/blob/3c5eee17dc45659fb86843531074f38e78e0cc35/pkg/sentry/platform/systrap/filters.go
 * @see https://github.com/google/gvisor/blob/3c5eee17dc45659fb86843531074f38e78e0cc35/pkg/seccomp/seccomp.go (DefaultAction: KILL_PROCESS)
 */
export type SentryFilterGroup = 'core' | 'core_amd64' | 'control_server' | 'self_pid' | 'directfs' | 'platform_systrap' | 'platform_ptrace' | 'platform_kvm' | 'hostinet';

const words = (s: string): readonly string[] => s.trim().split(/\s+/);

/** Group → syscalls (a syscall may sit in several groups). */
export const SENTRY_FILTER_GROUPS: Readonly<Record<SentryFilterGroup, readonly string[]>> = {
  // allowedSyscalls: what any Sentry needs — memory, signals, futexes, timers, epoll, fd I/O on donated fds, memfd.
  core: words(`
    read write close fstat lseek mmap mprotect munmap rt_sigaction rt_sigprocmask rt_sigreturn pread64 pwrite64
    writev sched_yield mincore madvise dup nanosleep setitimer getpid sendmsg recvmsg shutdown exit fcntl fsync
    fdatasync ftruncate fchmod gettimeofday sigaltstack fstatfs mlock munlock prctl gettid futex io_setup io_destroy
    io_getevents io_submit restart_syscall timer_create timer_settime timer_delete clock_gettime exit_group epoll_ctl
    ppoll tee sync_file_range epoll_pwait fallocate eventfd2 epoll_create1 dup3 preadv pwritev recvmmsg sendmmsg
    getcpu getrandom memfd_create membarrier preadv2 pwritev2 statx ioctl getsockopt utimensat`),
  core_amd64: ['clone'],
  // controlServerFilters: the control socket runsc uses to talk to the sandbox.
  control_server: ['listen', 'accept4', 'getsockopt'],
  // selfPIDFilters: signalling its own threads.
  self_pid: ['tgkill'],
  // hostFilesystemFilters: directfs, the Sentry's own fd-relative calls on the container's files.
  directfs: words(`
    fsetxattr fgetxattr flistxattr fremovexattr getdents64 openat mkdirat mknodat fchownat newfstatat unlinkat
    linkat symlinkat readlinkat fchmodat renameat2 utimensat`),
  // systrap: the Sentry drives the stub threads that run the application.
  platform_systrap: words('wait4 ptrace setpriority waitid rt_tgsigqueueinfo tgkill ioctl'),
  // pkg/sentry/platform/ptrace/filters.go: the tracer's PTRACE_SYSEMU loop.
  platform_ptrace: words('ptrace rt_tgsigqueueinfo tgkill wait4'),
  // pkg/sentry/platform/kvm/filters.go, filters_amd64.go: KVM_RUN and friends, and the bluepill signal dance.
  platform_kvm: words('ioctl membarrier mmap rt_sigsuspend rt_sigtimedwait arch_prctl'),
  // runsc/boot/filter/config/extra_filters_hostinet.go: --network=host, the Sentry's sockets are host sockets.
  hostinet: words('accept4 bind connect getpeername getsockname ioctl listen readv recvfrom recvmsg sendmsg sendto shutdown writev socket getsockopt setsockopt'),
};

/** Syscalls every rule for which constrains the arguments (the reference's arg_filtered column). */
export const SENTRY_ARG_FILTERED: ReadonlySet<string> = new Set(words(`
  mmap ioctl writev sendmsg recvmsg shutdown listen getsockopt clone fcntl ptrace fstatfs setpriority prctl fsetxattr
  fgetxattr flistxattr fremovexattr futex getdents64 timer_create timer_settime waitid openat mkdirat mknodat fchownat
  newfstatat unlinkat linkat symlinkat readlinkat fchmodat tee utimensat epoll_pwait accept4 eventfd2 dup3
  rt_tgsigqueueinfo recvmmsg sendmmsg getcpu renameat2 memfd_create membarrier statx`));

/**
 * The groups runsc merges for these options (runsc/boot/filter/config/config.go rules()):
 * one platform's rules, directfs's when it is on, hostinet's with --network=host.
 * The lab's reference lists the default (systrap, directfs, netstack); the
 * other groups' names come from the files cited above, at the same commit.
 */
export function sentryFilterGroups(options: RuntimeOptions): SentryFilterGroup[] {
  const groups: SentryFilterGroup[] = ['core', 'core_amd64', 'control_server', 'self_pid'];
  if (options.directfs !== 'off') groups.push('directfs');
  const platform = options.platform ?? 'systrap';
  groups.push(platform === 'ptrace' ? 'platform_ptrace' : platform === 'kvm' ? 'platform_kvm' : 'platform_systrap');
  if (options.network === 'host') groups.push('hostinet');
  return groups;
}

/** Syscall → the groups that allow it, for these options. */
export function sentryFilter(options: RuntimeOptions): Map<string, SentryFilterGroup[]> {
  const out = new Map<string, SentryFilterGroup[]>();
  for (const g of sentryFilterGroups(options)) {
    for (const name of SENTRY_FILTER_GROUPS[g]) out.set(name, [...(out.get(name) ?? []), g]);
  }
  return out;
}

/** The Sentry as a host process under that filter (SECCOMP_RET_KILL_PROCESS for anything else). */
export function sentryProcess(options: RuntimeOptions): HelperProcess {
  return {
    layer: 'sentry',
    label: 'runsc-sandbox (Sentry)',
    allowed: new Set(sentryFilter(options).keys()),
    // SECCOMP_RET_KILL_PROCESS where the host kernel has it (Linux ≥ 4.14), else RET_TRAP (pkg/seccomp DefaultAction).
    onDeny: 'kill',
    filterLabel: "the Sentry's own seccomp filter",
  };
}
