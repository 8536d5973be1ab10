import type { StaticOutcome } from '../trace.ts';
import type { CallRecord } from './records.ts';

/**
 * What replaying a strace log against a runtime model found: per syscall and
 * in total, how many calls the model allows and denies (by layer and errno),
 * and how many it judges differently from what the log shows happened.
 */

export interface DenialTally {
  layer: string;
  errno: string | null;
  count: number;
}

export interface OutcomeTally {
  allowed: number;
  denied: number;
  /** Denied calls grouped by the layer that denies and the errno it gives. */
  denials: DenialTally[];
  /**
   * Calls where the model and the log disagree: the log succeeded and the
   * model denies, or the log failed with an errno and the model allows.
   */
  differs: number;
}

export interface SyscallTally extends OutcomeTally {
  name: string;
  count: number;
}

export interface UnreadableLine {
  line: number;
  text: string;
  why: string;
}

export interface ReplayReport {
  /** Lines in the log, blank ones included. */
  lines: number;
  calls: number;
  unreadable: UnreadableLine[];
  /** Per syscall name, in order of first appearance. */
  bySyscall: Map<string, SyscallTally>;
  totals: OutcomeTally;
}

export const emptyReport = (): ReplayReport => ({
  lines: 0,
  calls: 0,
  unreadable: [],
  bySyscall: new Map(),
  totals: { allowed: 0, denied: 0, denials: [], differs: 0 },
});

/** What the log says happened: a result, an errno, or nothing to compare with. */
export type LogOutcome = 'succeeded' | 'failed' | 'unknown';

/**
 * A call never resumed, `= ?` (exit_group), and the kernel-internal restart
 * codes (`= ? ERESTARTSYS`: a signal interrupted the call, which the kernel
 * restarts or turns into EINTR) say nothing about whether a model allows it.
 * @see signal(7), "Interruption of system calls and library functions by signal handlers"
 */
export function logOutcome(call: CallRecord): LogOutcome {
  if (call.unfinished) return 'unknown';
  if (call.errno !== null) return call.errno.startsWith('ERESTART') ? 'unknown' : 'failed';
  return call.retval === null ? 'unknown' : 'succeeded';
}

/**
 * Errnos an isolation layer gives (a seccomp filter, a missing capability, a
 * call the kernel or sandbox does not implement), as against the ones files
 * and arguments give (ENOENT, EAGAIN…), which the model leaves to the program.
 */
const GATE_ERRNOS: ReadonlySet<string> = new Set(['EPERM', 'ENOSYS']);

/**
 * Would the runtime treat this call differently from the log? Yes when it
 * denies a call the log shows succeeding or failing with another errno, and
 * when it allows a call the log shows refused by a gate (EPERM, ENOSYS). A
 * log ENOENT the model allows is the same outcome: the model let it through
 * to the filesystem, which said no.
 */
export function differsFromLog(call: CallRecord, outcome: StaticOutcome): boolean {
  const log = logOutcome(call);
  if (log === 'unknown') return false;
  if (!outcome.allowed) return log === 'succeeded' || call.errno !== outcome.errno;
  return log === 'failed' && GATE_ERRNOS.has(call.errno ?? '');
}

/** Adds one classified call to the report. */
export function tallyCall(report: ReplayReport, call: CallRecord, outcome: StaticOutcome): void {
  let tally = report.bySyscall.get(call.name);
  if (tally === undefined) {
    tally = { name: call.name, count: 0, allowed: 0, denied: 0, denials: [], differs: 0 };
    report.bySyscall.set(call.name, tally);
  }
  report.calls++;
  tally.count++;
  const differs = differsFromLog(call, outcome);
  addOutcome(tally, outcome, differs);
  addOutcome(report.totals, outcome, differs);
}

function addOutcome(tally: OutcomeTally, outcome: StaticOutcome, differs: boolean): void {
  if (differs) tally.differs++;
  if (outcome.allowed) {
    tally.allowed++;
    return;
  }
  tally.denied++;
  // Linear: a syscall is denied by one or two (layer, errno) pairs at most.
  for (const denial of tally.denials) {
    if (denial.layer === outcome.layer && denial.errno === outcome.errno) {
      denial.count++;
      return;
    }
  }
  tally.denials.push({ layer: outcome.layer, errno: outcome.errno, count: 1 });
}
