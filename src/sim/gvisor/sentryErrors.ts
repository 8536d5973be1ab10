import type { ErrnoName } from '../errno.ts';
import type { Capability } from '../kernel/capabilities.ts';

/**
 * The syscalls gVisor's Sentry answers with a fixed error on amd64: the
 * table's `Error` and `ErrorWithEvent` entries (the latter also reports an
 * unsupported-syscall event) and its `CapError` entries.
 * @see https://github.com/google/gvisor/blob/3c5eee17dc45659fb86843531074f38e78e0cc35/pkg/sentry/syscalls/linux/linux64.go
 * @see https://github.com/google/gvisor/blob/3c5eee17dc45659fb86843531074f38e78e0cc35/pkg/sentry/syscalls/syscalls.go
 */

export interface SentryError {
  readonly errno: ErrnoName;
  /** Why, in the lab's words; null where the table gives no reason. */
  readonly note: string | null;
}

const NOT_IN_LINUX = 'Linux itself never implemented it.';
const ARCH_32 = 'A 32-bit-only call; ENOSYS on x86_64, as on Linux.';
const MQUEUE = 'POSIX message-queue I/O is not implemented (gvisor.dev/issue/136).';
const PKEYS = 'Memory protection keys are not implemented.';
const FANOTIFY = 'fanotify is not built in, as if CONFIG_FANOTIFY were off.';
const HANDLES = 'gVisor filesystems do not hand out file handles.';
const KEYS = 'The kernel keyring is not offered to users.';
const FSUID = 'Separate filesystem ids are not implemented (gvisor.dev/issue/260).';

const e = (errno: ErrnoName, note: string | null = null): SentryError => ({ errno, note });

/** Fixed-error syscall → the errno it returns. */
export const SENTRY_ERRORS: Readonly<Record<string, SentryError>> = Object.freeze({
  setfsuid: e('ENOSYS', FSUID),
  setfsgid: e('ENOSYS', FSUID),
  uselib: e('ENOSYS', 'Obsolete.'),
  ustat: e('ENOSYS', 'Would need filesystem support.'),
  sysfs: e('ENOSYS', 'Not implemented (gvisor.dev/issue/165).'),
  sched_rr_get_interval: e('EPERM'),
  modify_ldt: e('EPERM'),
  // gVisor's table spells it `sysctl`; syscall_64.tbl and strace call it `_sysctl`.
  _sysctl: e('EPERM', 'Deprecated; /proc/sys is the way to read and write these settings.'),
  get_kernel_syms: e('ENOSYS', 'Gone from Linux since 2.6.'),
  query_module: e('ENOSYS', 'Gone from Linux since 2.6.'),
  nfsservctl: e('ENOSYS', 'Removed from Linux after 3.1.'),
  getpmsg: e('ENOSYS', NOT_IN_LINUX),
  putpmsg: e('ENOSYS', NOT_IN_LINUX),
  tuxcall: e('ENOSYS', NOT_IN_LINUX),
  security: e('ENOSYS', NOT_IN_LINUX),
  vserver: e('ENOSYS', NOT_IN_LINUX),
  set_thread_area: e('ENOSYS', ARCH_32),
  get_thread_area: e('ENOSYS', ARCH_32),
  epoll_ctl_old: e('ENOSYS', 'Deprecated.'),
  epoll_wait_old: e('ENOSYS', 'Deprecated.'),
  remap_file_pages: e('ENOSYS', 'Deprecated in Linux since 3.16.'),
  mq_timedsend: e('ENOSYS', MQUEUE),
  mq_timedreceive: e('ENOSYS', MQUEUE),
  mq_notify: e('ENOSYS', MQUEUE),
  mq_getsetattr: e('ENOSYS', MQUEUE),
  add_key: e('EACCES', KEYS),
  request_key: e('EACCES', KEYS),
  vmsplice: e('ENOSYS', 'Not implemented (gvisor.dev/issue/138).'),
  perf_event_open: e('ENODEV', 'No performance counters in the sandbox.'),
  fanotify_init: e('ENOSYS', FANOTIFY),
  fanotify_mark: e('ENOSYS', FANOTIFY),
  name_to_handle_at: e('EOPNOTSUPP', HANDLES),
  open_by_handle_at: e('EOPNOTSUPP', HANDLES),
  userfaultfd: e('ENOSYS', 'Not implemented (gvisor.dev/issue/266).'),
  copy_file_range: e('ENOSYS'),
  pkey_mprotect: e('ENOSYS', PKEYS),
  pkey_alloc: e('ENOSYS', PKEYS),
  pkey_free: e('ENOSYS', PKEYS),
  io_pgetevents: e('ENOSYS'),
  io_uring_register: e('ENOSYS'),
  fspick: e('ENOSYS'),
});

/**
 * `CapError` syscall → the capability it checks. Without it the caller gets
 * EPERM, as Linux would refuse it; with it, ENOSYS, since gVisor does not
 * implement the operation.
 */
export const SENTRY_CAP_ERRORS: Readonly<Record<string, Capability>> = Object.freeze({
  sched_setparam: 'CAP_SYS_NICE',
  migrate_pages: 'CAP_SYS_NICE',
  move_pages: 'CAP_SYS_NICE',
  vhangup: 'CAP_SYS_TTY_CONFIG',
  adjtimex: 'CAP_SYS_TIME',
  settimeofday: 'CAP_SYS_TIME',
  clock_adjtime: 'CAP_SYS_TIME',
  acct: 'CAP_SYS_PACCT',
  swapon: 'CAP_SYS_ADMIN',
  swapoff: 'CAP_SYS_ADMIN',
  quotactl: 'CAP_SYS_ADMIN',
  lookup_dcookie: 'CAP_SYS_ADMIN',
  reboot: 'CAP_SYS_BOOT',
  kexec_load: 'CAP_SYS_BOOT',
  kexec_file_load: 'CAP_SYS_BOOT',
  iopl: 'CAP_SYS_RAWIO',
  ioperm: 'CAP_SYS_RAWIO',
  create_module: 'CAP_SYS_MODULE',
  init_module: 'CAP_SYS_MODULE',
  delete_module: 'CAP_SYS_MODULE',
  finit_module: 'CAP_SYS_MODULE',
  kcmp: 'CAP_SYS_PTRACE',
});
