import { initialTransition } from 'xstate';
import { errnoMessage } from '../sim/errno.ts';
import type { DispatchOutcome } from '../sim/kernel/dispatch.ts';
import { straceLine } from '../sim/kernel/dispatchResult.ts';
import { tenderFor, tenderProcess } from '../sim/nabla/tender.ts';
import type { SyscallCall } from '../sim/syscalls/args.ts';
import type { CallTrace } from '../sim/trace.ts';
import { libOsMachine } from './libOsMachine.ts';
import type { CallRun } from './runCall.ts';
import type { CallRunner } from './runtimeCall.ts';

/**
 * Nabla (rumprun on solo5-spt) and the same unikernel under solo5-hvt: one
 * call of the program through the library-OS machine, run headless with
 * XState's pure initialTransition (every step is eventless).
 */
export const runNablaCall: CallRunner = (session, call) => {
  const kind = tenderFor(session.runtime, session.options);
  const [snapshot] = initialTransition(libOsMachine, { world: session.world, pid: session.pid, call, kind });
  const c = snapshot.context;
  const ended = c.killed !== null || c.halts !== null;
  const terminated = c.killed !== null
    ? `${tenderProcess(kind).label} was killed by its seccomp filter (${c.killed}); the unikernel died with it`
    : c.halts ? `the unikernel halted: ${tenderProcess(kind).label} called exit_group(${c.halts.status})` : null;
  const trace: CallTrace = {
    name: call.name,
    line: ended ? straceLine(call, { retval: 0, errno: null, deniedBy: null, reason: null, terminated: terminated ?? '' }) : libosLine(call, c.outcome),
    retval: ended ? null : (c.outcome?.retval ?? null),
    errno: ended ? null : (c.outcome?.errno ?? null),
    hops: c.hops,
    deniedBy: c.killed !== null ? 'host-seccomp' : (c.outcome?.deniedBy ?? null),
    reason: c.killed ?? c.outcome?.reason ?? null,
    servedBy: 'libos',
  };
  return { world: c.world, trace, outArgs: c.outcome?.outArgs ?? {}, data: c.outcome?.data, terminated } satisfies CallRun;
};

/**
 * What strace-style output shows. rumprun's stubs set errno but return the
 * errno's value (ENOTSUP, 86) instead of -1: the line shows the value the
 * program really gets, and the errno beside it.
 */
function libosLine(call: SyscallCall, outcome: DispatchOutcome | null): string {
  if (!outcome?.errno || outcome.retval === -1) return straceLine(call, outcome);
  const args = call.args.map((a, i) => outcome.outArgs?.[i] ?? a.text).join(', ');
  return `${call.name}(${args}) = ${outcome.retval} (errno ${outcome.errno}: ${errnoMessage(outcome.errno)}; rumprun's stub returns the errno value, not -1)`;
}
