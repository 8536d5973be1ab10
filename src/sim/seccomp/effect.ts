import { errnoByNumber, type ErrnoName } from '../errno.ts';
import type { SeccompAction } from './profile.ts';

/**
 * What a seccomp action does to the calling thread.
 * @see seccomp(2) "Filter return values", seccomp_rule_add(3) "Valid action values"
 */
export type SeccompOutcome =
  | 'allow' // the call runs
  | 'log' // the call runs and the kernel logs it (SECCOMP_RET_LOG)
  | 'errno' // the call does not run; it returns -errno
  | 'kill-thread' // the thread dies as though killed by SIGSYS
  | 'kill-process' // the whole process dies by SIGSYS (and dumps core)
  | 'trap' // the kernel sends SIGSYS, which the thread may catch
  | 'trace' // a ptrace tracer is notified; without one the call fails with ENOSYS
  | 'notify'; // a user-space supervisor decides (seccomp_unotify(2))

export interface SeccompEffect {
  outcome: SeccompOutcome;
  /** The errno the caller sees, when the call returns one. */
  errno: ErrnoName | null;
  /** The number behind it: an errnoRet the lab has no name for is still shown. */
  errnoNumber: number | null;
  signal: 'SIGSYS' | null;
  /** runc passes errnoRet (default EPERM) as SCMP_ACT_ERRNO's errno or SCMP_ACT_TRACE's message. */
  data: number | null;
}

const EPERM = 1;
const ENOSYS = 38;
/** The kernel caps an SCMP_ACT_ERRNO value at MAX_ERRNO (kernel/seccomp.c, SECCOMP_RET_ERRNO). */
const MAX_ERRNO = 4095;

function errnoEffect(num: number): SeccompEffect {
  const n = Math.min(num, MAX_ERRNO);
  return { outcome: 'errno', errno: errnoByNumber(n) ?? null, errnoNumber: n, signal: null, data: num };
}

/**
 * The effect of an action with its errnoRet, as runc hands it to libseccomp:
 * SCMP_ACT_KILL is SCMP_ACT_KILL_THREAD, and a missing errnoRet means EPERM
 * (for rules and for the default action alike; the runtime-spec says the same).
 * The lab never attaches a tracer, so SCMP_ACT_TRACE ends in ENOSYS.
 * @see runc libcontainer/seccomp/seccomp_linux.go getAction
 * @see https://github.com/opencontainers/runtime-spec/blob/main/config-linux.md#seccomp (errnoRet)
 */
export function effectOf(action: SeccompAction, errnoRet: number | undefined): SeccompEffect {
  const none = { errno: null, errnoNumber: null, signal: null, data: null } as const;
  switch (action) {
    case 'SCMP_ACT_ALLOW': return { outcome: 'allow', ...none };
    case 'SCMP_ACT_LOG': return { outcome: 'log', ...none };
    case 'SCMP_ACT_ERRNO': return errnoEffect(errnoRet ?? EPERM);
    case 'SCMP_ACT_KILL':
    case 'SCMP_ACT_KILL_THREAD': return { outcome: 'kill-thread', ...none, signal: 'SIGSYS' };
    case 'SCMP_ACT_KILL_PROCESS': return { outcome: 'kill-process', ...none, signal: 'SIGSYS' };
    case 'SCMP_ACT_TRAP': return { outcome: 'trap', ...none, signal: 'SIGSYS' };
    case 'SCMP_ACT_TRACE': return { outcome: 'trace', errno: 'ENOSYS', errnoNumber: ENOSYS, signal: null, data: errnoRet ?? EPERM };
    case 'SCMP_ACT_NOTIFY': return { outcome: 'notify', ...none };
  }
}

/**
 * Two effects are the same libseccomp action when outcome and data agree;
 * runc drops a rule whose action equals the default action this way.
 */
export function effectKey(e: SeccompEffect): string {
  return e.data === null ? e.outcome : `${e.outcome}(${e.data})`;
}

/** Does the call run (possibly logged)? */
export function runs(e: SeccompEffect): boolean {
  return e.outcome === 'allow' || e.outcome === 'log';
}
