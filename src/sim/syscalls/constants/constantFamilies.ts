import type { ConstantFamily } from './constantFamily.ts';
import { ACCESS_MODES, AT_FLAGS, DIRFD, FCNTL_COMMANDS, FD_FLAGS, FILE_MODE, FLOCK_OPS, LOCK_TYPES, OPEN_FLAGS, RENAME_FLAGS, SEALS, SEEK_WHENCE } from './fileConstants.ts';
import { SIGACTION_FLAGS, SIGNALS, SIGNAL_HANDLERS, SIGPROCMASK_HOW } from './signalConstants.ts';
import { CLONE_FLAGS, ID_TYPES, PERSONALITY, RLIMITS, UNSHARE_FLAGS, WAIT_OPTIONS } from './processConstants.ts';
import { MADVISE_ADVICE, MAP_FLAGS, MEMFD_FLAGS, MLOCKALL_FLAGS, MREMAP_FLAGS, PROT_FLAGS } from './memoryConstants.ts';
import { MOUNT_FLAGS, MOVE_MOUNT_FLAGS, OPEN_TREE_FLAGS, UMOUNT_FLAGS } from './mountConstants.ts';
import { ADDRESS_FAMILIES, IP_PROTOCOLS, SHUTDOWN_HOW, SOCKET_TYPES } from './networkConstants.ts';
import { EPOLL_CREATE_FLAGS, EPOLL_CTL_OPS, EPOLL_EVENTS, EVENTFD_FLAGS, POLL_EVENTS } from './eventConstants.ts';
import { CLOCK_IDS, ITIMER_WHICH, TIMERFD_CREATE_FLAGS, TIMERFD_SETTIME_FLAGS, TIMER_FLAGS } from './timeConstants.ts';
import { CAP_AMBIENT_OPS, KEYCTL_COMMANDS, KEY_SPEC_IDS, PRCTL_OPTIONS, SECCOMP_FILTER_FLAGS, SECCOMP_MODES, SECCOMP_OPS } from './securityConstants.ts';
import { ARCH_PRCTL_CODES, FUTEX_OP, GETRANDOM_FLAGS, REBOOT_COMMANDS, REBOOT_MAGIC } from './systemConstants.ts';

/**
 * Every constant family the lab decodes, by the id callers pass to
 * formatFlags (`formatFlags(0x80000, 'open')`). The comment on each says
 * which argument strace decodes with it.
 */
export const CONSTANT_FAMILIES = {
  open: OPEN_FLAGS, // open/openat flags, openat2 how.flags
  at: AT_FLAGS, // flags of newfstatat, unlinkat, linkat, fchownat, utimensat, statx…
  dirfd: DIRFD, // every dirfd argument
  access: ACCESS_MODES, // access/faccessat mode
  seek: SEEK_WHENCE, // lseek whence
  mode: FILE_MODE, // st_mode, mknod mode
  fcntl: FCNTL_COMMANDS, // fcntl cmd
  fd: FD_FLAGS, // F_SETFD argument
  'lock-type': LOCK_TYPES, // struct flock l_type
  flock: FLOCK_OPS, // flock operation
  seal: SEALS, // F_ADD_SEALS argument
  rename: RENAME_FLAGS, // renameat2 flags
  signal: SIGNALS, // kill, tgkill, rt_sigaction signum
  sigprocmask: SIGPROCMASK_HOW, // rt_sigprocmask how
  sighandler: SIGNAL_HANDLERS, // sa_handler
  sigaction: SIGACTION_FLAGS, // sa_flags
  clone: CLONE_FLAGS, // clone flags
  unshare: UNSHARE_FLAGS, // unshare flags, setns nstype, clone3 flags
  wait: WAIT_OPTIONS, // wait4/waitid options
  idtype: ID_TYPES, // waitid idtype
  personality: PERSONALITY, // personality persona
  rlimit: RLIMITS, // getrlimit/setrlimit/prlimit64 resource
  prot: PROT_FLAGS, // mmap/mprotect prot
  map: MAP_FLAGS, // mmap flags
  mremap: MREMAP_FLAGS, // mremap flags
  mlockall: MLOCKALL_FLAGS, // mlockall flags
  madvise: MADVISE_ADVICE, // madvise advice
  memfd: MEMFD_FLAGS, // memfd_create flags
  mount: MOUNT_FLAGS, // mount mountflags
  umount: UMOUNT_FLAGS, // umount2 flags
  'open-tree': OPEN_TREE_FLAGS, // open_tree flags
  'move-mount': MOVE_MOUNT_FLAGS, // move_mount flags
  af: ADDRESS_FAMILIES, // socket/socketpair domain, sa_family
  sock: SOCKET_TYPES, // socket/socketpair type
  ipproto: IP_PROTOCOLS, // socket protocol
  shutdown: SHUTDOWN_HOW, // shutdown how
  'epoll-ctl': EPOLL_CTL_OPS, // epoll_ctl op
  'epoll-create': EPOLL_CREATE_FLAGS, // epoll_create1 flags
  'epoll-events': EPOLL_EVENTS, // struct epoll_event events
  poll: POLL_EVENTS, // struct pollfd events/revents
  eventfd: EVENTFD_FLAGS, // eventfd2 flags
  clock: CLOCK_IDS, // clock_* and timer_create clockid
  timer: TIMER_FLAGS, // clock_nanosleep, timer_settime flags
  itimer: ITIMER_WHICH, // getitimer/setitimer which
  'timerfd-create': TIMERFD_CREATE_FLAGS, // timerfd_create flags
  'timerfd-settime': TIMERFD_SETTIME_FLAGS, // timerfd_settime flags
  prctl: PRCTL_OPTIONS, // prctl option
  'cap-ambient': CAP_AMBIENT_OPS, // prctl(PR_CAP_AMBIENT) arg2
  'seccomp-op': SECCOMP_OPS, // seccomp operation
  'seccomp-filter': SECCOMP_FILTER_FLAGS, // seccomp flags
  'seccomp-mode': SECCOMP_MODES, // prctl(PR_SET_SECCOMP) arg2
  keyctl: KEYCTL_COMMANDS, // keyctl operation
  'key-spec': KEY_SPEC_IDS, // keyring ids
  'reboot-magic': REBOOT_MAGIC, // reboot magic, magic2
  'reboot-cmd': REBOOT_COMMANDS, // reboot cmd
  getrandom: GETRANDOM_FLAGS, // getrandom flags
  futex: FUTEX_OP, // futex futex_op
  'arch-prctl': ARCH_PRCTL_CODES, // arch_prctl op
} as const satisfies Record<string, ConstantFamily>;

export type ConstantFamilyId = keyof typeof CONSTANT_FAMILIES;

export function isConstantFamilyId(id: string): id is ConstantFamilyId {
  return Object.hasOwn(CONSTANT_FAMILIES, id);
}
