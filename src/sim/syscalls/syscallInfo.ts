/**
 * What the lab knows about one x86_64 syscall: its slot in the 64-bit table,
 * whether the kernel has an entry point for it, what it is for, and — for the
 * calls people meet in traces — its argument list and what it returns.
 * @see arch/x86/entry/syscalls/syscall_64.tbl, syscalls(2)
 */

/** The area of the kernel a syscall belongs to; every syscall has exactly one. */
export const SYSCALL_CATEGORIES = [
  'file', // I/O on file descriptors: read, write, open, dup, splice, fsync…
  'fs-metadata', // names, directories and inode attributes: stat, chmod, rename, xattrs…
  'mount', // the mount table and the root: mount, pivot_root, chroot, the new mount API
  'event', // readiness and notification fds: poll, select, epoll, eventfd, inotify, fanotify
  'memory', // address space: mmap, mprotect, brk, madvise, NUMA policy, memfd
  'ipc', // pipes, System V IPC, POSIX message queues
  'sync', // futexes and robust lists
  'network', // sockets
  'process', // creation, exec, exit, wait, ids, process groups, limits, prctl, pidfds
  'sched', // scheduling policy, affinity, priorities, rseq
  'credentials', // user and group ids
  'signal', // signal delivery, masks, handlers, signalfd
  'time', // clocks, timers, sleeps
  'namespace', // unshare, setns, listns
  'security', // capabilities, seccomp, Landlock, LSM attributes
  'keys', // the kernel key retention service
  'module', // loading kernel code: modules and kexec
  'system', // whole-machine state: reboot, hostname, swap, quotas, syslog, sysinfo
  'debug', // tracing and introspection: ptrace, perf, bpf, process_vm_*, kcmp, uprobes
  'aio', // Linux native asynchronous I/O (io_setup…)
  'io-uring', // io_uring
  'arch', // x86-specific: arch_prctl, LDT, TLS areas, I/O port permissions
] as const;

export type SyscallCategory = (typeof SYSCALL_CATEGORIES)[number];

/** What a successful call returns, so a model can invent a plausible return value. */
export const RETURN_KINDS = [
  'fd', // a new file descriptor
  'zero', // 0 on success
  'count', // a number of bytes or items
  'pid', // a process, thread, process-group or session id
  'id', // another kind of id: uid/gid, IPC id, key serial, watch descriptor, pkey
  'pointer', // an address in the caller's memory
  'offset', // a file offset
  'value', // a value whose meaning depends on the operation (fcntl, prctl, ioctl…)
  'noreturn', // does not return on success (exit, execve)
] as const;

export type ReturnKind = (typeof RETURN_KINDS)[number];

/** One argument as the man page's SYNOPSIS names it. */
export interface SyscallArg {
  /** `pathname` */
  name: string;
  /** `const char *` */
  type: string;
}

export interface SyscallInfo {
  /** x86_64 64-bit ABI number (`__NR_openat` = 257). */
  number: number;
  /** The name syscall_64.tbl gives the slot (`newfstatat`, `_sysctl`). */
  name: string;
  /** The kernel function the slot points at (`sys_openat`); null when the slot is empty. */
  entryPoint: string | null;
  /**
   * False when calling it can only return ENOSYS: the slot is empty, or it
   * points at sys_ni_syscall (`_sysctl`, removed in Linux 5.5).
   */
  implemented: boolean;
  /** `common` slots are shared with the x32 ABI; `64` slots have an x32 twin elsewhere. */
  abi: 'common' | '64';
  category: SyscallCategory;
  /**
   * The raw kernel argument list (what strace prints), in the man page's
   * words; null where the lab does not describe the call's arguments.
   */
  args: readonly SyscallArg[] | null;
  /** What success returns; null when `args` is null. */
  returns: ReturnKind | null;
}
