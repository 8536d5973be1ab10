import { initialTransition } from 'xstate';
import { straceLine, withTime } from '../sim/kernel/dispatchResult.ts';
import type { World } from '../sim/kernel/world.ts';
import type { CallTrace } from '../sim/trace.ts';
import { firecrackerMachine, type FirecrackerContext, type HostPlanner } from './firecrackerMachine.ts';
import type { CallRun } from './runCall.ts';
import type { CallRunner } from './runtimeCall.ts';

/**
 * Runs one call of a Firecracker session headless: XState's initialTransition
 * resolves every eventless step, so the snapshot is the final state with the
 * hops the machine recorded. The world returned is the guest's, its clock
 * advanced by the whole trip; when a Firecracker thread is trapped by its
 * filter the microVM is gone, so the shell goes with it.
 */
export const runFirecrackerCall: CallRunner = (session, call) => runFirecracker(session.world, session.pid, call, session.options);

/** The same, with another planner for Firecracker's host syscalls (to show what its filter does with a call it does not expect). */
export function runFirecracker(world: World, pid: number, call: Parameters<CallRunner>[1], options: FirecrackerContext['options'], planner?: HostPlanner): CallRun {
  const [snapshot] = initialTransition(firecrackerMachine, { world, pid, call, options, planner });
  const c = snapshot.context;
  const terminated = c.trapped ?? c.inner?.terminated ?? null;
  const outcome = c.trapped ? { retval: -1, errno: null, deniedBy: 'host-seccomp', reason: c.trapped, terminated: c.trapped } : c.outcome;
  const trace: CallTrace = {
    name: call.name,
    line: straceLine(call, outcome),
    retval: terminated ? null : (outcome?.retval ?? null),
    errno: terminated ? null : (outcome?.errno ?? null),
    hops: c.hops,
    deniedBy: outcome?.deniedBy ?? null,
    reason: outcome?.reason ?? null,
    servedBy: 'guest',
  };
  const after = c.trapped ? withoutShell(world, pid) : (c.inner?.world ?? world);
  return { world: withTime({ ...after, timeNs: world.timeNs }, c.hops), trace, outArgs: c.outcome?.outArgs ?? {}, data: c.outcome?.data, terminated };
}

/** The microVM died with Firecracker: the shell that ran in it is gone. */
function withoutShell(world: World, pid: number): World {
  const { [pid]: _gone, ...procs } = world.procs;
  return { ...world, procs };
}
