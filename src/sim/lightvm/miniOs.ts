/**
 * What Mini-OS (the noxs branch LightVM builds unikernels from) does with
 * each call an application makes, by the syscall's name. There is no syscall
 * layer: the application links against newlib and Mini-OS's lib/sys.c, so a
 * call is a function call, and lib/sys.c either implements it, returns -1
 * with errno ENOSYS (`unsupported_function`, `unsupported_function_log`), or
 * halts the whole unikernel (`unsupported_function_crash` → do_exit →
 * SCHEDOP_shutdown with SHUTDOWN_crash). A call Mini-OS does not provide at
 * all would not link; the lab answers it with ENOSYS and says so.
 * @see https://github.com/sysml/mini-os/blob/4f67232d5d2ef4a1c2f40c3193c7097e1140a6cb/lib/sys.c
 * @see https://github.com/sysml/mini-os/blob/4f67232d5d2ef4a1c2f40c3193c7097e1140a6cb/kernel.c (do_exit)
 */
export type MiniOsGroup = 'identity' | 'files' | 'network' | 'memory' | 'time' | 'process' | 'signals' | 'users';

export type MiniOsEntry =
  | { type: 'implemented'; fn: string; group: MiniOsGroup }
  | { type: 'enosys'; fn: string; group: MiniOsGroup }
  | { type: 'crash'; fn: string; group: MiniOsGroup };

const table: Record<string, MiniOsEntry> = {};
const add = (type: MiniOsEntry['type'], group: MiniOsGroup, pairs: string) => {
  for (const pair of pairs.trim().split(/\s+/)) {
    const [name, fn] = pair.split('=');
    if (name) table[name] = { type, fn: fn ?? name, group };
  }
};

// Implemented in lib/sys.c (or arch/x86/time.c, main.c): the answers are in miniOsCall.ts.
add('implemented', 'identity', 'getpid getppid setsid getuid geteuid getgid getegid getcwd');
add('implemented', 'files', 'open openat=open creat=open read write lseek close fstat stat newfstatat=stat fsync ftruncate unlink unlinkat=unlink rmdir mkdir mkdirat=mkdir fcntl select pselect6=select poll ppoll=poll pipe dup2');
add('implemented', 'network', 'socket accept bind connect listen getsockopt setsockopt getsockname recvfrom sendto');
add('implemented', 'memory', 'mmap munmap');
add('implemented', 'time', 'nanosleep clock_gettime gettimeofday');
add('implemented', 'process', 'exit=_exit exit_group=_exit');
// unsupported_function / unsupported_function_log: -1, errno ENOSYS.
add('enosys', 'files', 'readlink readlinkat=readlink chdir utime truncate=truncate64 symlink access fchown fchmod chown chmod chroot dup');
add('enosys', 'signals', 'rt_sigprocmask=sigprocmask rt_sigaction=sigaction sigaltstack rt_sigpending=sigpending getitimer setitimer');
add('enosys', 'process', 'getrusage getrlimit prlimit64=getrlimit getpriority setpriority');
add('enosys', 'users', 'setuid setgid getgroups');
add('enosys', 'network', 'socketpair shutdown getpeername');
// unsupported_function_crash: the unikernel prints "Unsupported function … called in Mini-OS kernel" and halts.
add('crash', 'process', 'fork vfork=fork clone=fork clone3=fork execve wait4=waitpid kill alarm rt_sigsuspend=sigsuspend');
add('crash', 'files', 'link linkat=link umask');

export const MINI_OS: Readonly<Record<string, MiniOsEntry>> = table;

/** How Mini-OS treats a call, or null when it provides no such function (the application would not link). */
export function miniOsEntry(name: string): MiniOsEntry | null {
  return MINI_OS[name] ?? null;
}
