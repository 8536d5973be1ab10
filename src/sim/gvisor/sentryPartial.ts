/**
 * The syscalls gVisor's Sentry implements only in part on amd64 (the table's
 * `PartiallySupported` and `PartiallySupportedPoint` entries), each with what
 * is missing, summarised in the lab's own words from the table's note.
 * @see https://github.com/google/gvisor/blob/3c5eee17dc45659fb86843531074f38e78e0cc35/pkg/sentry/syscalls/linux/linux64.go
 */

// Notes shared by several entries of the table.
const STUB = 'Stub: succeeds or returns fixed values without changing scheduling or placement.';
const NO_LOCK = 'Stub: the sandbox lacks the privilege to pin pages, so nothing is locked.';
const AIO = 'Works, but without the user-space ring shortcut (gvisor.dev/issue/204).';
const INOTIFY = 'Only sees events caused inside the sandbox, not changes made on the host.';
const SOME_OPTIONS = 'Only some options are implemented.';
const PLATFORM = 'Depends on the platform; not available on every one.';
const RWF = 'RWF_* per-call flags are rejected (gvisor.dev/issue/2601).';

/** Partially supported syscall → what the Sentry leaves out. */
export const SENTRY_PARTIAL: Readonly<Record<string, string>> = Object.freeze({
  msync: 'Does not promise that all data reaches storage.',
  mincore: 'Stub: cannot see host residency, so reports every mapped page as resident.',
  madvise: 'Acts on MADV_DONTNEED and MADV_DONTFORK; other advice is accepted and ignored.',
  shmget: 'SHM_HUGETLB is not implemented.',
  shmat: 'SHM_RND is not implemented.',
  shmctl: 'SHM_LOCK and SHM_UNLOCK are not implemented.',
  clone: 'CLONE_NEWTIME and CLONE_SYSVSEM are not implemented.',
  semop: 'SEM_UNDO is not implemented.',
  getrusage: 'Memory, fault and block-I/O fields stay zero; CPU times are coarse.',
  sysinfo: 'Load averages, shared/buffer RAM, swap and high-memory fields are not filled in.',
  ptrace: 'PTRACE_PEEKSIGINFO and PTRACE_SECCOMP_GET_FILTER are not implemented.',
  syslog: 'Returns a canned message instead of a real kernel log, by design.',
  personality: 'Only personality bits that change nothing can be set; reading them works.',
  getpriority: STUB,
  setpriority: STUB,
  sched_getparam: STUB,
  sched_setscheduler: STUB,
  sched_getscheduler: STUB,
  sched_get_priority_max: STUB,
  sched_get_priority_min: STUB,
  mlock: NO_LOCK,
  munlock: NO_LOCK,
  mlockall: NO_LOCK,
  munlockall: NO_LOCK,
  mlock2: NO_LOCK,
  prctl: SOME_OPTIONS,
  arch_prctl: 'ARCH_GET_GS and ARCH_SET_GS are not implemented.',
  setrlimit: 'Some resource limits are recorded but not enforced.',
  afs_syscall: 'Present only as a test hook.',
  futex: 'Robust futexes are not implemented.',
  sched_setaffinity: STUB,
  sched_getaffinity: STUB,
  io_setup: AIO,
  io_destroy: AIO,
  io_getevents: AIO,
  io_submit: AIO,
  io_cancel: AIO,
  fadvise64: 'Accepted, but all advice is ignored.',
  mbind: 'Stub: one NUMA node is advertised; the policy is remembered for get_mempolicy but has no effect.',
  set_mempolicy: STUB,
  get_mempolicy: STUB,
  keyctl: 'Only session keyrings that hold no keys.',
  ioprio_set: STUB,
  ioprio_get: STUB,
  inotify_init: INOTIFY,
  inotify_init1: INOTIFY,
  inotify_add_watch: INOTIFY,
  inotify_rm_watch: INOTIFY,
  unshare: 'Time and cgroup namespaces are not implemented.',
  fallocate: SOME_OPTIONS,
  sched_setattr: STUB,
  sched_getattr: STUB,
  bpf: 'Only CGROUP_DEVICE programs can be loaded, queried and attached, and they have no effect.',
  membarrier: PLATFORM,
  rseq: PLATFORM,
  preadv2: RWF,
  pwritev2: RWF,
  io_uring_setup: 'Some flags and features are missing.',
  io_uring_enter: 'Some flags and features are missing.',
  move_mount: 'MOVE_MOUNT_SET_GROUP and MOVE_MOUNT_BENEATH are not implemented.',
  fsopen: 'No message-retrieval interface for the new fd.',
  fsconfig: 'Only SET_FLAG, SET_STRING and CMD_CREATE; options are parsed and checked at CMD_CREATE.',
  fsmount: 'MOUNT_ATTR_NOSYMFOLLOW and MOUNT_ATTR_NODIRATIME are not implemented.',
  clone3: 'CLONE_NEWTIME, CLONE_SYSVSEM and set_tid are not implemented.',
});
