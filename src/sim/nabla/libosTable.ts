import type { OwnImpl } from './libosRoutes.ts';

/**
 * The library OS's answer per syscall, as data (libosRoutes.ts reads it).
 * Anything not listed here is a NetBSD syscall the rump kernel serves.
 * Sources, by group:
 * @see https://github.com/nabla-containers/rumprun/blob/7471b7df086d9d7b836eacb95599b731006ef779/lib/librumprun_base/libc_stubs.c (fork, vfork, execve, kill, priorities, wait, cancellation stubs)
 * @see https://github.com/nabla-containers/rumprun/blob/7471b7df086d9d7b836eacb95599b731006ef779/lib/librumprun_base/signals.c (sigaction, sigprocmask, sigpending ignored; sigqueueinfo EPERM)
 * @see https://github.com/nabla-containers/rumprun/blob/7471b7df086d9d7b836eacb95599b731006ef779/lib/librumprun_base/syscall_mman.c (mprotect, mlock… are madvise: return 0)
 * @see https://github.com/nabla-containers/rumprun/blob/7471b7df086d9d7b836eacb95599b731006ef779/lib/librumprun_base/syscall_misc.c (_exit, sigtimedwait, getrusage)
 * @see https://github.com/nabla-containers/rumprun/blob/7471b7df086d9d7b836eacb95599b731006ef779/lib/librumprun_base/_lwp.c (threads: _lwp_create, _lwp_self, sched_yield)
 * @see https://github.com/rumpkernel-attic/rumpkernel-netbsd-src/blob/1a213b3ceb87c87600a50ad595d0925cc5162104/sys/rump/rump.sysmap (what the rump kernel serves)
 */

interface Stub { netbsd: string; returnsErrno: boolean; reason: string }

const ONE_PROCESS = 'a unikernel is a single process';
const stubErrno = (netbsd: string, what: string): Stub => ({
  netbsd, returnsErrno: true,
  reason: `${what}: rumprun's libc stubs ${netbsd} (STUB_ERRNO): errno ENOTSUP, and it returns ENOTSUP (86) rather than -1 — "XXX: incorrect return value"`,
});

export const LIBOS_STUBS: Readonly<Record<string, Stub>> = {
  fork: stubErrno('__fork', `${ONE_PROCESS}, it cannot fork`),
  vfork: stubErrno('__vfork14', `${ONE_PROCESS}, it cannot vfork`),
  execve: { netbsd: 'execve', returnsErrno: false, reason: `${ONE_PROCESS} image, it cannot exec another program: rumprun's execve prints "execve not implemented" and fails with ENOTSUP` },
  kill: stubErrno('kill', 'there are no other processes to signal'),
  getpriority: stubErrno('getpriority', 'rumprun has no process priorities'),
  setpriority: stubErrno('setpriority', 'rumprun has no process priorities'),
  wait4: stubErrno('_sys___wait450', 'there are no child processes to wait for'),
  pause: stubErrno('_sys___sigsuspend14', 'no signal is ever delivered, so there is nothing to wait for'),
  rt_sigsuspend: stubErrno('_sys___sigsuspend14', 'no signal is ever delivered, so there is nothing to wait for'),
  msgsnd: stubErrno('_sys_msgsnd', 'System V message queues are not in the rump kernel'),
  msgrcv: stubErrno('_sys_msgrcv', 'System V message queues are not in the rump kernel'),
  mq_timedsend: stubErrno('_sys___mq_timedsend50', 'POSIX message queues are not in the rump kernel'),
  mq_timedreceive: stubErrno('_sys___mq_timedreceive50', 'POSIX message queues are not in the rump kernel'),
};

/** Calls the libOS answers with its own code (or, for the rump kernel, differently from Linux). */
export const LIBOS_OWN: Readonly<Record<string, { netbsd: string; impl: OwnImpl; by: 'rump' | 'rumprun' }>> = {
  rt_sigaction: { netbsd: 'sigaction', impl: 'sigaction', by: 'rumprun' },
  rt_sigprocmask: { netbsd: '__sigprocmask14', impl: 'sigmaskZero', by: 'rumprun' },
  rt_sigpending: { netbsd: 'sigpending', impl: 'sigmaskZero', by: 'rumprun' },
  rt_sigtimedwait: { netbsd: '____sigtimedwait50', impl: 'sigtimedwait', by: 'rumprun' },
  rt_sigqueueinfo: { netbsd: 'sigqueueinfo', impl: 'sigqueueinfo', by: 'rumprun' },
  ...Object.fromEntries(['mprotect', 'madvise', 'mlock', 'munlock', 'mlockall', 'munlockall'].map((n) => [n, { netbsd: n, impl: 'noop' as const, by: 'rumprun' as const }])),
  sched_yield: { netbsd: '_sys_sched_yield', impl: 'yield', by: 'rumprun' },
  gettid: { netbsd: '_lwp_self', impl: 'gettid', by: 'rumprun' },
  // exit ends the calling thread (_lwp_exit); the lab's program has one thread, so it is the program's _exit.
  exit: { netbsd: '_exit', impl: 'exit', by: 'rumprun' },
  exit_group: { netbsd: '_exit', impl: 'exit', by: 'rumprun' },
  reboot: { netbsd: 'reboot', impl: 'reboot', by: 'rump' },
  uname: { netbsd: '__sysctl (kern.ostype, kern.hostname, kern.osrelease…)', impl: 'uname', by: 'rump' },
  getrusage: { netbsd: '__getrusage50', impl: 'getrusage', by: 'rumprun' },
  nanosleep: { netbsd: '__nanosleep50', impl: 'sleep', by: 'rump' },
  clock_nanosleep: { netbsd: 'clock_nanosleep', impl: 'sleep', by: 'rump' },
};

/** Groups of calls the unikernel does not have at all, each with the one reason that covers it. */
const MISSING_GROUPS: ReadonlyArray<[string, string]> = [
  ['sendfile splice tee vmsplice readahead fallocate name_to_handle_at open_by_handle_at syncfs copy_file_range preadv2 pwritev2 close_range openat2 cachestat',
    'a Linux-only I/O call: NetBSD 7.99, whose code the rump kernel is, has no such syscall'],
  ['ustat renameat2 statx futimesat setxattrat getxattrat listxattrat removexattrat file_getattr file_setattr',
    'a Linux-only file-metadata call: NetBSD 7.99 has no such syscall'],
  ['epoll_create epoll_create1 epoll_ctl epoll_wait epoll_pwait epoll_pwait2 epoll_ctl_old epoll_wait_old inotify_init inotify_init1 inotify_add_watch inotify_rm_watch eventfd eventfd2 fanotify_init fanotify_mark',
    'epoll, inotify, eventfd and fanotify are Linux interfaces; the rump kernel offers NetBSD\'s poll, select and kqueue'],
  ['brk mremap remap_file_pages mbind set_mempolicy get_mempolicy migrate_pages move_pages memfd_create userfaultfd membarrier mlock2 pkey_mprotect pkey_alloc pkey_free process_madvise memfd_secret process_mrelease set_mempolicy_home_node map_shadow_stack mseal',
    'rumprun has one flat heap and no virtual memory system: malloc is rumprun\'s own allocator and mmap comes from librumpkern_mman, so there is no brk, remapping, NUMA policy, pkeys or userfaultfd'],
  ['rt_sigreturn sigaltstack tkill tgkill signalfd signalfd4 rt_tgsigqueueinfo pidfd_send_signal restart_syscall',
    'rumprun never delivers a signal to a handler (rump_boot_setsigmodel(RUMP_SIGMODEL_IGNORE)), so there is no signal frame, alternate stack, signalfd or per-thread kill'],
  ['shmget shmat shmctl shmdt semget semop semctl semtimedop msgget msgctl mq_open mq_unlink mq_notify mq_getsetattr getpmsg putpmsg',
    'System V IPC and POSIX message queues are not in the rump kernel\'s syscall table (rump.sysmap)'],
  ['sched_setparam sched_getparam sched_setscheduler sched_getscheduler sched_get_priority_max sched_get_priority_min sched_rr_get_interval ioprio_set ioprio_get getcpu sched_setattr sched_getattr rseq rseq_slice_yield',
    'threads run on rumprun\'s own cooperative scheduler (bmk): there are no scheduling policies, I/O priorities or restartable sequences to set; the rump kernel exposes only the affinity calls'],
  ['adjtimex clock_adjtime timerfd_create timerfd_settime timerfd_gettime',
    'a Linux clock or timer interface: NetBSD 7.99 has no timerfd or adjtimex, and the rump kernel has no ntp_adjtime'],
  ['execveat waitid personality prctl set_tid_address prlimit64 pidfd_open pidfd_getfd uselib',
    'a unikernel is one process with no other processes to manage, and these calls are Linux process interfaces NetBSD 7.99 does not have'],
  ['sysinfo syslog sysfs vhangup _sysctl acct swapon swapoff quotactl_fd nfsservctl afs_syscall tuxcall vserver getrandom',
    'a Linux whole-machine interface with no counterpart in the rump kernel (which has no swap, accounting or kernel log syscalls, and gets entropy through sysctl)'],
  ['ptrace lookup_dcookie perf_event_open process_vm_readv process_vm_writev kcmp bpf uretprobe uprobe',
    'there is no other process to trace or inspect, and no Linux kernel to instrument: no ptrace, perf or BPF in the rump kernel'],
  ['setresuid getresuid setresgid getresgid setfsuid setfsgid',
    'Linux-only credential calls: NetBSD has setuid/seteuid/setreuid (which the rump kernel serves) but no saved-id or fsuid calls'],
  ['capget capset security seccomp landlock_create_ruleset landlock_add_rule landlock_restrict_self lsm_get_self_attr lsm_set_self_attr lsm_list_modules',
    'capabilities, seccomp, Landlock and LSMs are Linux; the rump kernel authorises with NetBSD\'s kauth, and its one process is root'],
  ['modify_ldt arch_prctl iopl ioperm set_thread_area get_thread_area',
    'an x86 descriptor, TLS or I/O-port call the program cannot make: rumprun sets the FS base itself when it switches threads (solo5_set_tls_base), and NetBSD has no arch_prctl'],
  ['pivot_root open_tree move_mount fsopen fsconfig fsmount fspick mount_setattr statmount listmount open_tree_attr',
    'Linux\'s new mount API and pivot_root are not NetBSD: the rump kernel has mount(2), unmount and chroot (served), not these'],
  ['create_module init_module delete_module get_kernel_syms query_module finit_module kexec_load kexec_file_load',
    'no module loading or kexec: the unikernel is one statically linked image (rumprun-bake), and a Linux module is code for Linux'],
  ['futex set_robust_list get_robust_list futex_waitv futex_wake futex_wait futex_requeue',
    'NetBSD\'s libpthread parks threads with _lwp_park/_lwp_unpark, which rumprun implements in its scheduler: there is no futex'],
  ['io_setup io_destroy io_getevents io_submit io_cancel io_pgetevents',
    'Linux native AIO is Linux-only (the rump kernel\'s POSIX aio_* slots are sys_nomodule: not linked)'],
  ['add_key request_key keyctl', 'there is no kernel key retention service in the rump kernel'],
  ['unshare setns listns', 'there are no namespaces to make or join: the unikernel\'s one process has the whole (rump) kernel to itself'],
  ['io_uring_setup io_uring_enter io_uring_register', 'io_uring is a Linux interface the rump kernel does not have'],
];

export const LIBOS_MISSING: ReadonlyMap<string, string> = new Map(
  MISSING_GROUPS.flatMap(([names, reason]) => names.split(/\s+/).map((n): [string, string] => [n, reason])),
);

/** The NetBSD call a Linux name is served by, where the names differ (rump.sysmap spells the versioned ones). */
export const NETBSD_NAMES: Readonly<Record<string, string>> = {
  stat: '__stat50', lstat: '__lstat50', fstat: '__fstat50', newfstatat: 'fstatat', getdents: '__getdents30', getdents64: '__getdents30',
  socket: '__socket30', accept4: 'paccept', ppoll: '__pollts50', pselect6: '__pselect50', select: '__select50',
  gettimeofday: '__gettimeofday50', settimeofday: '__settimeofday50', clock_gettime: '__clock_gettime50', clock_settime: '__clock_settime50',
  clock_getres: '__clock_getres50', getitimer: '__getitimer50', setitimer: '__setitimer50', alarm: '__setitimer50', time: '__gettimeofday50',
  times: '__getrusage50 and __gettimeofday50', timer_settime: '__timer_settime50', timer_gettime: '__timer_gettime50',
  utime: '__utimes50', utimes: '__utimes50', mount: '__mount50', umount2: 'unmount', statfs: 'statvfs1', fstatfs: 'fstatvfs1',
  fadvise64: '__posix_fadvise50', mknod: '__mknod50', getcwd: '__getcwd', creat: 'open', pread64: 'pread', pwrite64: 'pwrite',
  sync_file_range: 'fsync_range', faccessat2: 'faccessat', fchmodat2: 'fchmodat', sethostname: '__sysctl (kern.hostname)',
  setdomainname: '__sysctl (kern.domainname)', sched_setaffinity: '_sched_setaffinity', sched_getaffinity: '_sched_getaffinity',
  mmap: 'mmap (librumpkern_mman)', munmap: 'munmap (librumpkern_mman)', msync: '__msync13', mincore: 'mincore (librumpkern_mman)',
  pipe: 'pipe', pipe2: 'pipe2', recvmmsg: 'recvmmsg', sendmmsg: 'sendmmsg',
};
