/**
 * virtiofsd's seccomp allow-list on x86_64 (a glibc build), grouped by what
 * the daemon needs each call for. Every rule is unconditional; anything else
 * kills the process (--seccomp=kill, the default). Kata starts virtiofsd with
 * --syslog, which adds sendto for syslog(3).
 * @see https://github.com/openresearchtools/virtiofsd/blob/47e1f31ec9e5dbc8f2a0fec98f2b88cf1ef81369/src/seccomp.rs (upstream gitlab.com/virtio-fs/virtiofsd 1.13.3)
 * @see https://github.com/kata-containers/kata-containers/blob/7c6ba40c54ea29b459b4997cff948caaba4e658b/src/runtime/virtcontainers/virtiofsd.go (args: --syslog, --cache, --shared-dir, --fd)
 */
const words = (s: string): string[] => s.trim().split(/\s+/);

const GROUPS: Readonly<Record<string, readonly string[]>> = {
  /** Walking and opening the shared tree on the guest's behalf (FUSE_LOOKUP, FUSE_OPEN, FUSE_CREATE…). */
  paths: words(`open openat openat2 open_by_handle_at name_to_handle_at newfstatat fstat statx fstatfs readlinkat
    getdents getdents64 fchdir umask`),
  /** File data (FUSE_READ, FUSE_WRITE, FUSE_FSYNC, FUSE_FALLOCATE, FUSE_COPY_FILE_RANGE, FUSE_LSEEK). */
  data: words(`read readv pread64 preadv preadv2 write writev pwrite64 pwritev pwritev2 lseek fsync fdatasync syncfs
    fallocate ftruncate copy_file_range flock fcntl dup close`),
  /** Changing the tree and its attributes (FUSE_MKDIR, FUSE_UNLINK, FUSE_RENAME, FUSE_SETATTR, xattrs). */
  tree: words(`mkdirat mknodat linkat symlinkat unlink unlinkat renameat renameat2 fchmod fchmodat fchownat utimensat
    getxattr setxattr listxattr removexattr fgetxattr fsetxattr flistxattr fremovexattr`),
  /** Switching credentials per request, as the guest's caller. */
  credentials: words('capget capset setresuid setresgid setgroups geteuid getegid'),
  /** The vhost-user socket and the kick/call eventfds. */
  vhostUser: words('accept4 recvmsg sendmsg epoll_create epoll_create1 epoll_ctl epoll_wait epoll_pwait eventfd2'),
  /** Threads, memory and signals of the Rust runtime and glibc. */
  runtime: words(`brk mmap munmap mremap mprotect madvise membarrier futex clone clone3 set_robust_list rseq exit
    exit_group gettid getpid tkill tgkill sched_getaffinity sched_yield rt_sigaction rt_sigprocmask rt_sigreturn
    sigaltstack prctl unshare getrandom clock_gettime gettimeofday time`),
};

/** Added when virtiofsd runs with --syslog (allow_remote_logging). */
export const VIRTIOFSD_SYSLOG_EXTRA: readonly string[] = ['sendto'];

/** The allow-list as Kata runs virtiofsd: the filter plus the --syslog extra. */
export function virtiofsdAllowList(syslog = true): ReadonlySet<string> {
  const all = Object.values(GROUPS).flat();
  return new Set(syslog ? [...all, ...VIRTIOFSD_SYSLOG_EXTRA] : all);
}
