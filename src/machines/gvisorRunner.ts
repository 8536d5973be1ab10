import { initialTransition, transition } from 'xstate';
import { appHop, libcHop, type DispatchOutcome } from '../sim/kernel/dispatch.ts';
import { straceLine, withTime } from '../sim/kernel/dispatchResult.ts';
import type { PlatformId } from '../sim/gvisor/costs.ts';
import type { CallTrace } from '../sim/trace.ts';
import type { World } from '../sim/kernel/world.ts';
import { isPatched, remember } from '../sim/gvisor/memory.ts';
import { sentryProcess } from '../sim/gvisor/sentryFilter.ts';
import { syscallByName } from '../sim/syscalls/catalogue.ts';
import type { SyscallCall } from '../sim/syscalls/args.ts';
import { gvisorPlatformMachine } from './gvisorPlatformMachine.ts';
import { sentryMachine } from './sentryMachine.ts';
import type { CallRunner } from './runtimeCall.ts';

/**
 * One call under gVisor: the app and glibc as on Linux, the platform
 * machine catching the syscall, the Sentry machine answering it, and the
 * platform machine handing the answer back.
 */
export const runGvisorCall: CallRunner = (session, call) => {
  const platform = (session.options.platform ?? 'systrap') as PlatformId;
  const world0 = session.world;
  const patched = isPatched(world0, call);
  const [caught] = initialTransition(gvisorPlatformMachine, { platform, patched, call, sentry: sentryProcess(session.options) });
  const [answered] = initialTransition(sentryMachine, { world: world0, pid: session.pid, call, options: session.options });
  const s = answered.context;
  const inner = s.inner;
  const killed = s.io?.killed ?? null;
  const outcome: DispatchOutcome | null = killed
    ? { retval: -1, errno: null, deniedBy: 'host-seccomp', reason: `host-seccomp: ${killed}; the sandbox is killed`, terminated: `+++ killed by SIGSYS +++ (${killed}: the whole sandbox ends)` }
    : s.outcome ?? (inner ? fromInner(inner.trace, inner.terminated) : null);
  const retText = returnText(call, outcome);
  const [resumed] = transition(gvisorPlatformMachine, caught, { type: 'sentry.returned', retText });
  // The platform machine's hops: the trap (before the Sentry's), then the resume (after them).
  const trap = caught.context.hops;
  const resume = resumed.context.hops.slice(trap.length);
  const hops = [appHop(world0, session.pid, call), libcHop(call), ...trap, ...s.hops, ...resume];
  const walked = s.io !== null && !killed;
  const world = remember(withTime(inner?.world ?? s.world, hops), call, platform, s.egress, walked);
  const trace: CallTrace = {
    name: call.name,
    line: straceLine(call, inner && !s.outcome && !killed ? { ...outcome!, outArgs: inner.outArgs } : outcome),
    retval: outcome?.terminated ? null : (outcome?.retval ?? null),
    errno: outcome?.terminated ? null : (outcome?.errno ?? null),
    hops,
    deniedBy: outcome?.deniedBy ?? null,
    reason: outcome?.reason ?? null,
    servedBy: 'sentry',
  };
  const terminated = outcome?.terminated ?? null;
  return { world: killed ? withoutShell(world, session.pid) : world, trace, outArgs: inner?.outArgs ?? {}, data: inner?.data, terminated };
};

/** The value the app gets back, as the platform hands it over: -errno, an address in hex, or the number. */
function returnText(call: SyscallCall, outcome: DispatchOutcome | null): string {
  if (!outcome) return '0';
  if (outcome.errno) return `-${outcome.errno}`;
  return syscallByName(call.name)?.returns === 'pointer' ? `0x${outcome.retval.toString(16)}` : String(outcome.retval);
}

function fromInner(trace: CallTrace, terminated: string | null): DispatchOutcome {
  return { retval: trace.retval ?? -1, errno: trace.errno, deniedBy: trace.deniedBy ? (trace.deniedBy === 'vfs' ? 'sentry-vfs' : 'sentry') : null, reason: trace.reason?.replace(/^(kernel|vfs|namespaces|capabilities|cgroups):/, 'sentry:') ?? null, ...(terminated ? { terminated } : {}) };
}

/** The Sentry died: every process of the sandbox with it (the terminal's shell is the one the lab tracks). */
function withoutShell(world: World, pid: number): World {
  const { [pid]: _gone, ...procs } = world.procs;
  return { ...world, procs };
}
