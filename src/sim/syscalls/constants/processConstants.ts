import type { ConstantFamily, ConstantEntry } from './constantFamily.ts';
import { SIGNALS } from './signalConstants.ts';

/**
 * Process constants: clone and namespace flags, wait options, personality,
 * resource limits.
 */

/**
 * The CLONE_ bits shared by clone(2), clone3(2) and unshare(2), in value
 * order (which is also strace's). The namespace flags are what Docker's
 * seccomp profile masks with 0x7E020000.
 * @see include/uapi/linux/sched.h, clone(2)
 */
const CLONE_BITS: readonly ConstantEntry[] = [
  ['CLONE_VM', 0x100], ['CLONE_FS', 0x200], ['CLONE_FILES', 0x400], ['CLONE_SIGHAND', 0x800],
  ['CLONE_PIDFD', 0x1000], ['CLONE_PTRACE', 0x2000], ['CLONE_VFORK', 0x4000], ['CLONE_PARENT', 0x8000],
  ['CLONE_THREAD', 0x10000], ['CLONE_NEWNS', 0x20000], ['CLONE_SYSVSEM', 0x40000],
  ['CLONE_SETTLS', 0x80000], ['CLONE_PARENT_SETTID', 0x100000], ['CLONE_CHILD_CLEARTID', 0x200000],
  ['CLONE_UNTRACED', 0x800000], ['CLONE_CHILD_SETTID', 0x1000000], ['CLONE_NEWCGROUP', 0x2000000],
  ['CLONE_NEWUTS', 0x4000000], ['CLONE_NEWIPC', 0x8000000], ['CLONE_NEWUSER', 0x10000000],
  ['CLONE_NEWPID', 0x20000000], ['CLONE_NEWNET', 0x40000000], ['CLONE_IO', 0x80000000],
];

/** Only clone3 has room for these: they do not fit clone's 32-bit flags. */
const CLONE3_BITS: readonly ConstantEntry[] = [['CLONE_CLEAR_SIGHAND', 0x100000000], ['CLONE_INTO_CGROUP', 0x200000000]];

/**
 * CLONE_NEWTIME is 0x80, inside clone's exit-signal byte (CSIGNAL), so only
 * unshare, setns and clone3 can ask for a time namespace.
 */
const CLONE_NEWTIME: ConstantEntry = ['CLONE_NEWTIME', 0x80];

/** clone(2) flags: the low byte is the signal sent to the parent on exit, printed last (`…|SIGCHLD`). */
export const CLONE_FLAGS: ConstantFamily = {
  kind: 'flags',
  field: { mask: 0xff, position: 'last', entries: SIGNALS.entries },
  entries: CLONE_BITS,
  // CLONE_DETACHED (0x400000) has been ignored by the kernel since 2.6.
  aliases: [['CSIGNAL', 0xff], ['CLONE_DETACHED', 0x400000], CLONE_NEWTIME, ...CLONE3_BITS],
};

/** unshare(2) flags, setns(2) nstype and clone3's flags: no signal byte, so 0x80 is CLONE_NEWTIME. */
export const UNSHARE_FLAGS: ConstantFamily = {
  kind: 'flags',
  entries: [CLONE_NEWTIME, ...CLONE_BITS, ...CLONE3_BITS],
};

/** wait4/waitid options. @see include/uapi/linux/wait.h */
export const WAIT_OPTIONS: ConstantFamily = {
  kind: 'flags',
  entries: [
    ['WNOHANG', 0x1], ['WUNTRACED', 0x2], ['WEXITED', 0x4], ['WCONTINUED', 0x8], ['WNOWAIT', 0x1000000],
    ['__WNOTHREAD', 0x20000000], ['__WALL', 0x40000000], ['__WCLONE', 0x80000000],
  ],
  aliases: [['WSTOPPED', 0x2]],
};

/** waitid's idtype. @see include/uapi/linux/wait.h */
export const ID_TYPES: ConstantFamily = {
  kind: 'enum',
  entries: [['P_ALL', 0], ['P_PID', 1], ['P_PGID', 2], ['P_PIDFD', 3]],
};

const STICKY_TIMEOUTS = 0x4000000;
const MMAP_PAGE_ZERO = 0x0100000;
const SHORT_INODE = 0x1000000;
const WHOLE_SECONDS = 0x2000000;

/**
 * personality(2): an execution domain in the low byte plus flag bits.
 * Docker's profile allows only PER_LINUX, PER_LINUX32, UNAME26,
 * UNAME26|PER_LINUX32 and the 0xffffffff query.
 * @see include/uapi/linux/personality.h, personality(2)
 */
export const PERSONALITY: ConstantFamily = {
  kind: 'flags',
  field: {
    mask: 0xff,
    position: 'first',
    entries: [['PER_LINUX', 0], ['PER_BSD', 0x6], ['PER_LINUX32', 0x8], ['PER_RISCOS', 0xc], ['PER_OSF4', 0xf], ['PER_HPUX', 0x10]],
  },
  entries: [
    ['UNAME26', 0x0020000], ['ADDR_NO_RANDOMIZE', 0x0040000], ['FDPIC_FUNCPTRS', 0x0080000],
    ['MMAP_PAGE_ZERO', MMAP_PAGE_ZERO], ['ADDR_COMPAT_LAYOUT', 0x0200000], ['READ_IMPLIES_EXEC', 0x0400000],
    ['ADDR_LIMIT_32BIT', 0x0800000], ['SHORT_INODE', SHORT_INODE], ['WHOLE_SECONDS', WHOLE_SECONDS],
    ['STICKY_TIMEOUTS', STICKY_TIMEOUTS], ['ADDR_LIMIT_3GB', 0x8000000],
  ],
  exact: [
    ['PER_LINUX_32BIT', 0x0800000], ['PER_LINUX_FDPIC', 0x0080000],
    ['PER_SVR4', 0x1 | STICKY_TIMEOUTS | MMAP_PAGE_ZERO], ['PER_SVR3', 0x2 | STICKY_TIMEOUTS | SHORT_INODE],
    ['PER_SCOSVR3', 0x3 | STICKY_TIMEOUTS | WHOLE_SECONDS | SHORT_INODE], ['PER_OSR5', 0x3 | STICKY_TIMEOUTS | WHOLE_SECONDS],
    ['PER_WYSEV386', 0x4 | STICKY_TIMEOUTS | SHORT_INODE], ['PER_ISCR4', 0x5 | STICKY_TIMEOUTS],
    ['PER_SUNOS', 0x6 | STICKY_TIMEOUTS], ['PER_XENIX', 0x7 | STICKY_TIMEOUTS | SHORT_INODE],
    ['PER_LINUX32_3GB', 0x8 | 0x8000000], ['PER_IRIX32', 0x9 | STICKY_TIMEOUTS],
    ['PER_IRIXN32', 0xa | STICKY_TIMEOUTS], ['PER_IRIX64', 0xb | STICKY_TIMEOUTS],
    ['PER_SOLARIS', 0xd | STICKY_TIMEOUTS], ['PER_UW7', 0xe | STICKY_TIMEOUTS | MMAP_PAGE_ZERO],
  ],
  aliases: [['PER_MASK', 0xff]],
  // personality(0xffffffff) only asks for the current persona.
  raw: [0xffffffff],
};

/** getrlimit/setrlimit/prlimit64 resources. @see include/uapi/asm-generic/resource.h */
export const RLIMITS: ConstantFamily = {
  kind: 'enum',
  entries: [
    ['RLIMIT_CPU', 0], ['RLIMIT_FSIZE', 1], ['RLIMIT_DATA', 2], ['RLIMIT_STACK', 3], ['RLIMIT_CORE', 4],
    ['RLIMIT_RSS', 5], ['RLIMIT_NPROC', 6], ['RLIMIT_NOFILE', 7], ['RLIMIT_MEMLOCK', 8], ['RLIMIT_AS', 9],
    ['RLIMIT_LOCKS', 10], ['RLIMIT_SIGPENDING', 11], ['RLIMIT_MSGQUEUE', 12], ['RLIMIT_NICE', 13],
    ['RLIMIT_RTPRIO', 14], ['RLIMIT_RTTIME', 15],
  ],
};
