import type { StraceLineProblem } from './lineProblem.ts';

/**
 * What the log reader yields for each event in a strace log, tagged by
 * `type`. Arguments stay as the text strace printed (`rawArgs`); parse them
 * on demand with `parseArgs` or `argsOrRaw` (argParser.ts), since replay only
 * looks at the arguments of a few syscalls.
 * @see strace(1), "DESCRIPTION" and the -f, -t, -r, -T, -y options
 */

/** What every line carries before its event: the `-f` pid and the `-t`/`-r` timestamps. */
export interface RecordBase {
  /** 1-based line in the log. For a merged call, the line of its first part. */
  lineNo: number;
  /** The pid strace prefixed (`1234  …` or `[pid  1234] …`), or null without `-f`. */
  pid: number | null;
  /**
   * `-t`/`-tt`: seconds since midnight (`04:07:51.123456` → 14871.123456);
   * `-ttt`: seconds since the epoch. Null without a timestamp.
   */
  time: number | null;
  /** `-r`: seconds since the previous line, or null. */
  delta: number | null;
}

export interface CallRecord extends RecordBase {
  type: 'call';
  name: string;
  /**
   * The argument text between the parentheses. For a call strace split into
   * `<unfinished ...>` and `<... NAME resumed>`, both parts joined.
   */
  rawArgs: string;
  /** The return value; null for `= ?` and for a call never resumed. */
  retval: number | null;
  /** `ENOENT` in `= -1 ENOENT (No such file or directory)`; aliases such as EWOULDBLOCK are canonical. */
  errno: string | null;
  /** `No such file or directory` in the same. */
  errnoText: string | null;
  /**
   * What strace printed after the return value apart from errno and `-T`:
   * `</etc/passwd>` (-y), `(flags O_RDONLY)`, `(Timeout)`, `<unavailable>`.
   */
  annotation: string | null;
  /** `-T`: seconds spent in the call, or null. */
  duration: number | null;
  /** True when the call was `<unfinished ...>` (or `<detached ...>`) and never resumed. */
  unfinished: boolean;
  /** The line of the `<... NAME resumed>` part; null for a call on one line. */
  resumedLineNo: number | null;
}

/** `--- SIGCHLD {si_signo=SIGCHLD, …} ---` or `--- stopped by SIGSTOP ---`. */
export interface SignalRecord extends RecordBase {
  type: 'signal';
  signal: string;
  /** The siginfo text (`{si_signo=SIGCHLD, …}`), or null. */
  info: string | null;
  stopped: boolean;
}

/** `+++ exited with 0 +++` */
export interface ExitRecord extends RecordBase {
  type: 'exit';
  code: number;
}

/** `+++ killed by SIGSEGV (core dumped) +++` */
export interface KilledRecord extends RecordBase {
  type: 'killed';
  signal: string;
  coreDumped: boolean;
}

/** `+++ superseded by execve in pid 1234 +++`: a thread's execve replaced the leader. */
export interface SupersededRecord extends RecordBase {
  type: 'superseded';
  byPid: number;
}

/** `strace: Process 1234 attached` / `detached`; `target` is the process named in the message. */
export interface AttachRecord extends RecordBase {
  type: 'attach' | 'detach';
  target: number;
}

/** A line the reader could not read, and why, in words a person can act on. */
export interface UnreadableRecord {
  type: 'unreadable';
  lineNo: number;
  text: string;
  /** The problem in English (straceLineProblemText). */
  why: string;
  /** The same problem as data, for the page to word in its language. */
  problem: StraceLineProblem;
}

export type StraceRecord =
  | CallRecord
  | SignalRecord
  | ExitRecord
  | KilledRecord
  | SupersededRecord
  | AttachRecord
  | UnreadableRecord;
