import type { ConstantFamily } from './constantFamily.ts';

/**
 * Signal numbers, sigprocmask's `how` and sigaction flags on x86_64.
 * @see arch/x86/include/uapi/asm/signal.h, signal(7)
 */
export const SIGNALS: ConstantFamily = {
  kind: 'enum',
  entries: [
    ['SIGHUP', 1], ['SIGINT', 2], ['SIGQUIT', 3], ['SIGILL', 4], ['SIGTRAP', 5], ['SIGABRT', 6],
    ['SIGBUS', 7], ['SIGFPE', 8], ['SIGKILL', 9], ['SIGUSR1', 10], ['SIGSEGV', 11], ['SIGUSR2', 12],
    ['SIGPIPE', 13], ['SIGALRM', 14], ['SIGTERM', 15], ['SIGSTKFLT', 16], ['SIGCHLD', 17],
    ['SIGCONT', 18], ['SIGSTOP', 19], ['SIGTSTP', 20], ['SIGTTIN', 21], ['SIGTTOU', 22],
    ['SIGURG', 23], ['SIGXCPU', 24], ['SIGXFSZ', 25], ['SIGVTALRM', 26], ['SIGPROF', 27],
    ['SIGWINCH', 28], ['SIGIO', 29], ['SIGPWR', 30], ['SIGSYS', 31],
  ],
  // SIGRTMIN/SIGRTMAX are the kernel's bounds; glibc reserves 32 and 33 and reports SIGRTMIN as 34.
  aliases: [['SIGIOT', 6], ['SIGPOLL', 29], ['SIGRTMIN', 32], ['SIGRTMAX', 64]],
};

/** rt_sigprocmask's `how`. @see include/uapi/asm-generic/signal-defs.h */
export const SIGPROCMASK_HOW: ConstantFamily = {
  kind: 'enum',
  entries: [['SIG_BLOCK', 0], ['SIG_UNBLOCK', 1], ['SIG_SETMASK', 2]],
};

/** sa_handler values that are not addresses. @see include/uapi/asm-generic/signal-defs.h */
export const SIGNAL_HANDLERS: ConstantFamily = {
  kind: 'enum',
  entries: [['SIG_DFL', 0], ['SIG_IGN', 1]],
};

/**
 * sa_flags. SA_RESTORER is x86's: libc passes its own trampoline for rt_sigreturn.
 * @see include/uapi/asm-generic/signal-defs.h, arch/x86/include/uapi/asm/signal.h, sigaction(2)
 */
export const SIGACTION_FLAGS: ConstantFamily = {
  kind: 'flags',
  entries: [
    ['SA_RESTORER', 0x04000000], ['SA_ONSTACK', 0x08000000], ['SA_RESTART', 0x10000000],
    ['SA_NODEFER', 0x40000000], ['SA_RESETHAND', 0x80000000], ['SA_SIGINFO', 0x4],
    ['SA_NOCLDSTOP', 0x1], ['SA_NOCLDWAIT', 0x2],
  ],
  aliases: [['SA_NOMASK', 0x40000000], ['SA_ONESHOT', 0x80000000]],
};
