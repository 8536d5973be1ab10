/**
 * The lab's table of the syscalls Docker's default seccomp profile allows
 * every container, whatever its capabilities, architecture or kernel: the
 * profile's first, unconditional SCMP_ACT_ALLOW entry. Grouped here by what
 * the calls touch so a reader can see what a container keeps; the profile
 * itself lists them alphabetically. Names from other architectures and
 * 32-bit ABIs are in the table too, because the profile is one file for all
 * architectures; runc skips names libseccomp does not know for the host.
 * tests/sim/seccomp/dockerDefault.test.ts holds this table against the
 * reference copy of the profile.
 * @see moby/profiles seccomp/default.json @ cd3bed8061c7b7378b61fc6827c7885779417a75
 */

const words = (text: string): string[] => text.trim().split(/\s+/);

/** Paths, inodes and directories. */
const FILES = words(`
  access faccessat faccessat2 chdir fchdir getcwd chmod fchmod fchmodat fchmodat2
  chown fchown fchownat lchown creat open openat openat2 close close_range
  link linkat symlink symlinkat unlink unlinkat rename renameat renameat2
  mkdir mkdirat mknod mknodat rmdir readlink readlinkat getdents getdents64
  stat fstat lstat newfstatat statx statfs fstatfs truncate ftruncate umask
  utime utimes utimensat futimesat name_to_handle_at statmount listmount
`);

const XATTRS = words(`
  getxattr lgetxattr fgetxattr getxattrat setxattr lsetxattr fsetxattr setxattrat
  listxattr llistxattr flistxattr listxattrat removexattr lremovexattr fremovexattr removexattrat
`);

/** Reading, writing and moving data through file descriptors. */
const FD_IO = words(`
  read write readv writev pread64 pwrite64 preadv preadv2 pwritev pwritev2 lseek
  dup dup2 dup3 pipe pipe2 splice tee vmsplice sendfile copy_file_range ioctl fcntl flock
  fsync fdatasync sync syncfs sync_file_range fallocate fadvise64 readahead cachestat
`);

/** Waiting for events: poll/epoll, eventfd/signalfd, inotify, fanotify marks, Linux AIO. */
const EVENTS = words(`
  poll ppoll select pselect6 epoll_create epoll_create1 epoll_ctl epoll_wait epoll_pwait
  epoll_pwait2 epoll_ctl_old epoll_wait_old eventfd eventfd2 signalfd signalfd4
  inotify_init inotify_init1 inotify_add_watch inotify_rm_watch fanotify_mark
  io_setup io_submit io_getevents io_pgetevents io_cancel io_destroy
`);

const MEMORY = words(`
  brk mmap munmap mremap mprotect madvise mincore mlock mlock2 mlockall munlock munlockall
  msync remap_file_pages membarrier memfd_create memfd_secret pkey_alloc pkey_free
  pkey_mprotect map_shadow_stack mseal process_mrelease
`);

/** Creating, running and inspecting one's own processes and threads. */
const PROCESSES = words(`
  fork vfork execve execveat exit exit_group wait4 waitid getpid getppid gettid
  getpgid getpgrp setpgid getsid setsid set_tid_address set_robust_list get_robust_list
  futex futex_wait futex_wake futex_requeue futex_waitv rseq restart_syscall prctl
  capget capset seccomp landlock_create_ruleset landlock_add_rule landlock_restrict_self
  pidfd_open pidfd_send_signal getrlimit setrlimit prlimit64 getrusage getpriority
  setpriority ioprio_get ioprio_set times sysinfo uname getrandom getcpu
  get_thread_area set_thread_area uretprobe
`);

const SCHEDULING = words(`
  sched_yield sched_getaffinity sched_setaffinity sched_getattr sched_setattr
  sched_getparam sched_setparam sched_getscheduler sched_setscheduler
  sched_get_priority_max sched_get_priority_min sched_rr_get_interval
`);

const SIGNALS = words(`
  kill tkill tgkill rt_sigaction rt_sigprocmask rt_sigpending rt_sigqueueinfo
  rt_tgsigqueueinfo rt_sigreturn rt_sigsuspend rt_sigtimedwait sigaltstack
  pause alarm getitimer setitimer
`);

/** User and group ids; the chown family is under FILES. */
const IDENTITY = words(`
  getuid geteuid getgid getegid getresuid getresgid getgroups setuid setgid
  setreuid setregid setresuid setresgid setgroups setfsuid setfsgid
`);

/** Reading the clocks and sleeping; setting the clock needs CAP_SYS_TIME (dockerDefaultRules.ts). */
const TIME = words(`
  time gettimeofday clock_gettime clock_getres clock_nanosleep nanosleep adjtimex clock_adjtime
  timer_create timer_delete timer_gettime timer_settime timer_getoverrun
  timerfd_create timerfd_gettime timerfd_settime
`);

/** Every socket call but socket itself, which is filtered by address family. */
const SOCKETS = words(`
  accept accept4 bind connect listen getsockname getpeername getsockopt setsockopt
  socketpair sendto sendmsg sendmmsg recvfrom recvmsg recvmmsg shutdown
`);

/** System V IPC and POSIX message queues (both namespaced by the IPC namespace). */
const IPC = words(`
  msgget msgsnd msgrcv msgctl semget semop semtimedop semctl shmget shmat shmdt shmctl
  mq_open mq_unlink mq_timedsend mq_timedreceive mq_notify mq_getsetattr
`);

/** 32-bit ABIs spell the uid/gid calls with 32-bit ids as `<name>32`. */
const IDS_32 = [...IDENTITY, 'chown', 'fchown', 'lchown'].map((n) => `${n}32`);

/** 32-bit ABIs: 64-bit file offsets, 64-bit time (y2038), and multiplexed or legacy entry points. */
const ABI_32 = words(`
  _llseek fcntl64 fstat64 fstatat64 fstatfs64 ftruncate64 lstat64 stat64 statfs64 truncate64
  sendfile64 fadvise64_64 mmap2
  clock_adjtime64 clock_getres_time64 clock_gettime64 clock_nanosleep_time64 futex_time64
  io_pgetevents_time64 mq_timedreceive_time64 mq_timedsend_time64 ppoll_time64 pselect6_time64
  recvmmsg_time64 rt_sigtimedwait_time64 sched_rr_get_interval_time64 semtimedop_time64
  timer_gettime64 timer_settime64 timerfd_gettime64 timerfd_settime64 utimensat_time64
  socketcall ipc _newselect send recv sigprocmask sigreturn waitpid ugetrlimit
`);

/** RISC-V's hardware probe is in the unconditional list, not behind an arch rule. */
const OTHER_ARCH = ['riscv_hwprobe'];

export const DOCKER_ALWAYS_ALLOWED: Readonly<Record<string, readonly string[]>> = {
  files: FILES,
  xattrs: XATTRS,
  fdIo: FD_IO,
  events: EVENTS,
  memory: MEMORY,
  processes: PROCESSES,
  scheduling: SCHEDULING,
  signals: SIGNALS,
  identity: IDENTITY,
  time: TIME,
  sockets: SOCKETS,
  ipc: IPC,
  ids32: IDS_32,
  abi32: ABI_32,
  otherArch: OTHER_ARCH,
};
