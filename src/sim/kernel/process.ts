import type { Credentials } from './credentials.ts';
import type { NsSet } from './namespaces.ts';

/** An open file description as a process's fd table points at it. */
export interface OpenFile {
  /** The path it was opened by, as `strace -y` and /proc/PID/fd show it. */
  path: string;
  /** The mount namespace's table and filesystem the file lives in, for later reads and writes. */
  kind: 'file' | 'dir' | 'chardev' | 'socket' | 'pipe' | 'nsfd' | 'other';
  flags: number;
  offset: number;
  cloexec: boolean;
  /** For a namespace fd from /proc/PID/ns/*: the namespace it refers to. */
  nsId?: number;
}

/**
 * A task: a process, or a thread of one. `pid` is the task's id in the initial
 * pid namespace (what the host sees; a thread's tid); `tgid` is its thread
 * group's, which getpid() returns and which equals `pid` for the leader.
 * The lab gives a thread its own copy of the fd table and credentials rather
 * than sharing them with its group.
 */
export interface Process {
  pid: number;
  tgid: number;
  ppid: number;
  comm: string;
  exe: string;
  argv: string[];
  cred: Credentials;
  ns: NsSet;
  /** The pid namespace this process's children will be born in (unshare(CLONE_NEWPID) sets it). */
  pidNsForChildren: number;
  /** The time namespace for children (unshare(CLONE_NEWTIME)). */
  timeNsForChildren: number;
  /** The process's pid in each pid namespace from the initial one down to its own. */
  nsPids: number[];
  /** The cgroup v2 path the process is in, e.g. `/system.slice/docker-1a2b.scope`. */
  cgroup: string;
  fds: Record<number, OpenFile>;
  /** Working directory and root directory (chroot) as absolute paths in its mount namespace. */
  cwd: string;
  root: string;
  umask: number;
  seccomp: { mode: 'disabled' | 'filter'; profile: string | null };
  /** Bytes of anonymous memory the process has touched (what the memory controller charges). */
  memBytes: number;
  oomScoreAdj: number;
  state: 'running' | 'zombie';
  exitSignal: string | null;
}

/** The pid a process has in the pid namespace at `level` (0 = initial), or undefined if it is not visible there. */
export function pidAtLevel(proc: Process, level: number): number | undefined {
  return proc.nsPids[level];
}

/** The lowest free fd number ≥ min (POSIX: open returns the lowest-numbered free fd). */
export function lowestFreeFd(fds: Record<number, OpenFile>, min = 0): number {
  let fd = min;
  while (fds[fd] !== undefined) fd++;
  return fd;
}

/** Is the task the leader of its thread group (a process, as /proc lists them)? */
export function isLeader(p: Process): boolean {
  return p.tgid === p.pid;
}
