import { initialTransition } from 'xstate';
import { straceLine, withTime } from '../sim/kernel/dispatchResult.ts';
import type { World } from '../sim/kernel/world.ts';
import type { CallTrace } from '../sim/trace.ts';
import { lightvmMachine } from './lightvmMachine.ts';
import type { CallRunner } from './runtimeCall.ts';

/**
 * Runs one call of a LightVM session headless (initialTransition resolves
 * every eventless step). The world returned is the guest's, its clock
 * advanced by the trip; when the unikernel halts (a crash stub, or exit),
 * the domain is gone and so is the application.
 */
export const runLightvmCall: CallRunner = (session, call) => {
  const unikernel = session.options.guest !== 'tinyx';
  const [snapshot] = initialTransition(lightvmMachine, { world: session.world, pid: session.pid, call, unikernel });
  const c = snapshot.context;
  const outcome = c.outcome;
  const trace: CallTrace = {
    name: call.name,
    line: straceLine(call, outcome),
    retval: c.terminated ? null : (outcome?.retval ?? null),
    errno: c.terminated ? null : (outcome?.errno ?? null),
    hops: c.hops,
    deniedBy: outcome?.deniedBy ?? (c.terminated ? (unikernel ? 'minios' : null) : null),
    reason: outcome?.reason ?? c.terminated,
    servedBy: unikernel ? 'libos' : 'guest',
  };
  const after = c.terminated && unikernel ? withoutApp(c.after, session.pid) : c.after;
  return { world: withTime({ ...after, timeNs: session.world.timeNs }, c.hops), trace, outArgs: outcome?.outArgs ?? {}, data: outcome?.data, terminated: c.terminated };
};

function withoutApp(world: World, pid: number): World {
  const { [pid]: _gone, ...procs } = world.procs;
  return { ...world, procs };
}
