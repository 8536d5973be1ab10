/**
 * The slots of the x86_64 64-bit syscall table: number, name, entry point.
 * Each line starts with the number of its first name; the names that follow
 * take the next numbers in turn. Numbers 337–423 are unused on x86_64 (the
 * table jumps to 424 so that new syscalls get one number on every
 * architecture) and 512–547 are the x32 ABI, which the lab leaves out.
 * @see arch/x86/entry/syscalls/syscall_64.tbl
 * @see syscalls(2)
 */
const SLOTS = `
    0  read write open close stat fstat lstat poll lseek mmap mprotect munmap brk
   13  rt_sigaction rt_sigprocmask rt_sigreturn ioctl pread64 pwrite64 readv writev access
   22  pipe select sched_yield mremap msync mincore madvise shmget shmat shmctl dup dup2
   34  pause nanosleep getitimer alarm setitimer getpid sendfile socket connect accept
   44  sendto recvfrom sendmsg recvmsg shutdown bind listen getsockname getpeername
   53  socketpair setsockopt getsockopt clone fork vfork execve exit wait4 kill uname
   64  semget semop semctl shmdt msgget msgsnd msgrcv msgctl fcntl flock fsync fdatasync
   76  truncate ftruncate getdents getcwd chdir fchdir rename mkdir rmdir creat link
   87  unlink symlink readlink chmod fchmod chown fchown lchown umask gettimeofday
   97  getrlimit getrusage sysinfo times ptrace getuid syslog getgid setuid setgid geteuid
  108  getegid setpgid getppid getpgrp setsid setreuid setregid getgroups setgroups
  117  setresuid getresuid setresgid getresgid getpgid setfsuid setfsgid getsid capget
  126  capset rt_sigpending rt_sigtimedwait rt_sigqueueinfo rt_sigsuspend sigaltstack
  132  utime mknod uselib personality ustat statfs fstatfs sysfs getpriority setpriority
  142  sched_setparam sched_getparam sched_setscheduler sched_getscheduler
  146  sched_get_priority_max sched_get_priority_min sched_rr_get_interval mlock munlock
  151  mlockall munlockall vhangup modify_ldt pivot_root _sysctl prctl arch_prctl adjtimex
  160  setrlimit chroot sync acct settimeofday mount umount2 swapon swapoff reboot
  170  sethostname setdomainname iopl ioperm create_module init_module delete_module
  177  get_kernel_syms query_module quotactl nfsservctl getpmsg putpmsg afs_syscall
  184  tuxcall security gettid readahead setxattr lsetxattr fsetxattr getxattr lgetxattr
  193  fgetxattr listxattr llistxattr flistxattr removexattr lremovexattr fremovexattr
  200  tkill time futex sched_setaffinity sched_getaffinity set_thread_area io_setup
  207  io_destroy io_getevents io_submit io_cancel get_thread_area lookup_dcookie
  213  epoll_create epoll_ctl_old epoll_wait_old remap_file_pages getdents64
  218  set_tid_address restart_syscall semtimedop fadvise64 timer_create timer_settime
  224  timer_gettime timer_getoverrun timer_delete clock_settime clock_gettime
  229  clock_getres clock_nanosleep exit_group epoll_wait epoll_ctl tgkill utimes vserver
  237  mbind set_mempolicy get_mempolicy mq_open mq_unlink mq_timedsend mq_timedreceive
  244  mq_notify mq_getsetattr kexec_load waitid add_key request_key keyctl ioprio_set
  252  ioprio_get inotify_init inotify_add_watch inotify_rm_watch migrate_pages openat
  258  mkdirat mknodat fchownat futimesat newfstatat unlinkat renameat linkat symlinkat
  267  readlinkat fchmodat faccessat pselect6 ppoll unshare set_robust_list
  274  get_robust_list splice tee sync_file_range vmsplice move_pages utimensat
  281  epoll_pwait signalfd timerfd_create eventfd fallocate timerfd_settime
  287  timerfd_gettime accept4 signalfd4 eventfd2 epoll_create1 dup3 pipe2 inotify_init1
  295  preadv pwritev rt_tgsigqueueinfo perf_event_open recvmmsg fanotify_init
  301  fanotify_mark prlimit64 name_to_handle_at open_by_handle_at clock_adjtime syncfs
  307  sendmmsg setns getcpu process_vm_readv process_vm_writev kcmp finit_module
  314  sched_setattr sched_getattr renameat2 seccomp getrandom memfd_create
  320  kexec_file_load bpf execveat userfaultfd membarrier mlock2 copy_file_range preadv2
  328  pwritev2 pkey_mprotect pkey_alloc pkey_free statx io_pgetevents rseq uretprobe
  336  uprobe
  424  pidfd_send_signal io_uring_setup io_uring_enter io_uring_register open_tree
  429  move_mount fsopen fsconfig fsmount fspick pidfd_open clone3 close_range openat2
  438  pidfd_getfd faccessat2 process_madvise epoll_pwait2 mount_setattr quotactl_fd
  444  landlock_create_ruleset landlock_add_rule landlock_restrict_self memfd_secret
  448  process_mrelease futex_waitv set_mempolicy_home_node cachestat fchmodat2
  453  map_shadow_stack futex_wake futex_wait futex_requeue statmount listmount
  459  lsm_get_self_attr lsm_set_self_attr lsm_list_modules mseal setxattrat getxattrat
  465  listxattrat removexattrat open_tree_attr file_getattr file_setattr listns
  471  rseq_slice_yield
`;

/**
 * Slots whose entry point is not `sys_<name>`. `_sysctl` points at
 * sys_ni_syscall, which returns ENOSYS (the syscall was removed in Linux 5.5).
 */
const ENTRY_EXCEPTIONS: Readonly<Record<string, string>> = {
  stat: 'sys_newstat',
  fstat: 'sys_newfstat',
  lstat: 'sys_newlstat',
  sendfile: 'sys_sendfile64',
  uname: 'sys_newuname',
  _sysctl: 'sys_ni_syscall',
  umount2: 'sys_umount',
};

/** Slots with no entry point at all: never implemented or long removed; the kernel returns ENOSYS. */
const EMPTY_SLOTS = new Set([
  'uselib', 'create_module', 'get_kernel_syms', 'query_module', 'nfsservctl', 'getpmsg',
  'putpmsg', 'afs_syscall', 'tuxcall', 'security', 'set_thread_area', 'get_thread_area',
  'lookup_dcookie', 'epoll_ctl_old', 'epoll_wait_old', 'vserver',
]);

/**
 * Slots marked `64` rather than `common`: their x32 callers use a separate
 * compat slot (512 and up), usually because a pointer-sized field differs.
 */
const ABI_64_ONLY = new Set([
  'rt_sigaction', 'rt_sigreturn', 'ioctl', 'readv', 'writev', 'recvfrom', 'sendmsg', 'recvmsg',
  'setsockopt', 'getsockopt', 'execve', 'ptrace', 'rt_sigpending', 'rt_sigtimedwait',
  'rt_sigqueueinfo', 'sigaltstack', 'uselib', '_sysctl', 'create_module', 'get_kernel_syms',
  'query_module', 'nfsservctl', 'set_thread_area', 'io_setup', 'io_submit', 'get_thread_area',
  'epoll_ctl_old', 'epoll_wait_old', 'timer_create', 'vserver', 'mq_notify', 'kexec_load',
  'waitid', 'set_robust_list', 'get_robust_list', 'vmsplice', 'move_pages', 'preadv', 'pwritev',
  'rt_tgsigqueueinfo', 'recvmmsg', 'sendmmsg', 'process_vm_readv', 'process_vm_writev',
  'execveat', 'preadv2', 'pwritev2',
]);

export interface SyscallSlot {
  number: number;
  name: string;
  entryPoint: string | null;
  abi: 'common' | '64';
}

function entryPointOf(name: string): string | null {
  if (EMPTY_SLOTS.has(name)) return null;
  return ENTRY_EXCEPTIONS[name] ?? `sys_${name}`;
}

/** Every slot of the table in number order. Throws only if the table above is malformed. */
export function syscallSlots(): SyscallSlot[] {
  const slots: SyscallSlot[] = [];
  for (const line of SLOTS.split('\n')) {
    const [first, ...names] = line.trim().split(/\s+/);
    if (!first) continue;
    const start = Number(first);
    const last = slots.at(-1);
    if (last && start <= last.number) throw new Error(`syscall slots out of order at ${start}`);
    names.forEach((name, i) => {
      slots.push({ number: start + i, name, entryPoint: entryPointOf(name), abi: ABI_64_ONLY.has(name) ? '64' : 'common' });
    });
  }
  return slots;
}
