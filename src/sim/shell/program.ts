import type { ErrnoName } from '../errno.ts';
import type { SyscallCall } from '../syscalls/args.ts';

/**
 * A shell command as the syscalls it makes: a generator that yields one call
 * at a time and is told how it went, so later calls can use earlier results
 * (the fd openat returned, the bytes read) as the real program would.
 * It returns the exit status.
 */
export interface Reply {
  retval: number | null;
  errno: ErrnoName | null;
  /** Bytes a read-like call returned (read, getdents64 names joined by \n, readlink). */
  data?: string;
}

/**
 * Time on the CPU with no syscall at all (a busy loop): what the cpu
 * controller's bandwidth limit throttles. The reply's retval is the CPU time
 * granted in µs.
 */
export interface CpuStep {
  type: 'cpu';
  wallUsec: number;
}

export type Step = SyscallCall | CpuStep;

export type Program = Generator<Step, number, Reply>;

/** What a command needs to know about where it runs, read-only. */
export interface ShellEnv {
  /** The user name for prompts and messages. */
  cwd: string;
}

export type Command = (argv: string[], env: ShellEnv) => Program;
