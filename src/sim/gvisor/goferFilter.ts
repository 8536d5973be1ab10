import type { HelperProcess } from '../hostcalls/helperProcess.ts';

const words = (s: string): readonly string[] => s.trim().split(/\s+/);

/**
 * The Gofer's own seccomp filter on amd64 (runsc-gofer, the host process that
 * opens the container's files for the Sentry): its always-on rules, and the
 * LISAFS rules it adds when the Sentry depends on it for every path
 * operation (directfs off). Most rules constrain arguments; the lab checks names.
 * @see https://github.com/google/gvisor/blob/3c5eee17dc45659fb86843531074f38e78e0cc35/runsc/fsgofer/filter/config.go
 * @see https://github.com/google/gvisor/blob/3c5eee17dc45659fb86843531074f38e78e0cc35/runsc/fsgofer/filter/config_amd64.go
 * @see https://github.com/google/gvisor/blob/3c5eee17dc45659fb86843531074f38e78e0cc35/runsc/fsgofer/filter/filter.go
 */
export const GOFER_ALWAYS: readonly string[] = words(`
  accept clock_gettime close dup epoll_ctl epoll_pwait eventfd2 exit exit_group fchmod fchmodat fchownat fcntl statx
  fsync futex getcpu getpid getrandom gettid gettimeofday lgetxattr llistxattr lremovexattr lsetxattr lseek madvise
  memfd_create mmap mprotect munmap nanosleep openat openat2 ppoll prctl pread64 pwrite64 read recvmsg restart_syscall
  rt_sigaction rt_sigprocmask rt_sigreturn sched_getaffinity sched_yield sendmsg shutdown sigaltstack socketpair tgkill
  write clone newfstatat`);

/** lisafsFilters: merged only when directfs is off (or a mount needs the Gofer). */
export const GOFER_LISAFS: readonly string[] = words(`
  fallocate fgetxattr flistxattr fremovexattr fsetxattr fstatfs getdents64 linkat mkdirat mknodat readlinkat renameat2
  symlinkat ftruncate unlinkat utimensat`);

/** The Gofer serving LISAFS requests, with directfs off: 54 + 16 syscalls. */
export function goferProcess(): HelperProcess {
  return {
    layer: 'gofer',
    label: 'runsc-gofer (Gofer)',
    allowed: new Set([...GOFER_ALWAYS, ...GOFER_LISAFS]),
    onDeny: 'kill',
    filterLabel: "the Gofer's seccomp filter",
  };
}
