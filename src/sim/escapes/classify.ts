import type { ErrnoName } from '../errno.ts';
import type { CallTrace, Hop } from '../trace.ts';

/**
 * Reads an escape attempt's outcome from its trace (never from a table):
 * the first step refused by a gate stops it; otherwise the goal call
 * either ran in the host kernel for the workload (through) or in a
 * sandbox's own kernel (contained).
 */
export type EscapeOutcome =
  /** A gate refused a step: the hop that denied it, with its layer and errno. */
  | { type: 'stopped'; layer: string; errno: ErrnoName | null; note: string; line: string }
  /** The goal call succeeded, but in the Sentry, a guest kernel or a library OS: the host's was not asked. */
  | { type: 'contained'; servedBy: string; line: string }
  /** The host kernel ran the goal call for the workload: `by` is the host process that made it. */
  | { type: 'through'; by: string; hostEntry: string | null; line: string };

/** One attack line as the model ran it. */
export interface EscapeStep {
  input: string;
  calls: readonly CallTrace[];
  /** The line's exit status (a syscall: 0, or 1 when it failed). */
  status: number;
  /** Set when the lab could not read the line (a bug in the scenario: tests hold every line to run). */
  refused?: string;
}

const denyHop = (call: CallTrace): Hop | undefined => call.hops.find((h) => h.verdict === 'deny' && h.layer === call.deniedBy) ?? call.hops.find((h) => h.verdict === 'deny');

function stoppedBy(call: CallTrace): EscapeOutcome {
  const hop = denyHop(call);
  return { type: 'stopped', layer: call.deniedBy ?? hop?.layer ?? 'kernel', errno: call.errno, note: hop?.note ?? call.reason ?? '', line: call.line };
}

/** The hop where the host kernel itself runs `goal` for the workload, if it does. */
export function hostRun(call: CallTrace, goal: string): Hop | undefined {
  return call.hops.find((h) => h.hostCall?.name === goal && (h.hostCall.filter === 'allowed' || h.hostCall.filter === 'none'));
}

function judged(call: CallTrace, goal: Goal): EscapeOutcome {
  if (call.errno) return stoppedBy(call);
  const host = hostRun(call, goal.goal);
  const entry = call.hops.find((h) => h.hostEntry && h.hostEntry !== 'entry_SYSCALL_64' && h.hostEntry !== '__seccomp_filter')?.hostEntry ?? null;
  // The workload's own syscall answered by the host kernel (host, runc).
  if ((call.servedBy ?? 'host') === 'host') return { type: 'through', by: host?.hostCall?.by ?? 'the workload', hostEntry: entry, line: call.line };
  // A helper's host call of the same syscall reaches the same kernel code (a kernel bug's path).
  if (goal.viaHelpers && host?.hostCall) return { type: 'through', by: host.hostCall.by, hostEntry: host.hostEntry ?? null, line: call.line };
  return { type: 'contained', servedBy: call.servedBy ?? 'sandbox', line: call.line };
}

/** What the attack is after: the syscall, and whether a helper's call of it counts (EscapeScenario). */
export interface Goal { goal: string; viaHelpers: boolean }

/** The outcome of the steps of one attack whose goal is the syscall `goal`. */
export function classifyEscape(steps: readonly EscapeStep[], goal: Goal): EscapeOutcome {
  for (const step of steps) {
    if (step.refused !== undefined) return { type: 'stopped', layer: 'lab', errno: null, note: step.refused, line: step.input };
    const target = step.calls.find((c) => c.name === goal.goal);
    if (target) return judged(target, goal);
    const failed = step.calls.find((c) => c.errno !== null && c.deniedBy !== null);
    if (step.status !== 0 && failed) return stoppedBy(failed);
  }
  return { type: 'stopped', layer: 'lab', errno: null, note: `the attack never made ${goal.goal}()`, line: steps.at(-1)?.input ?? '' };
}
