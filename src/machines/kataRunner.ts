import { initialTransition, transition } from 'xstate';
import type { DispatchOutcome } from '../sim/kernel/dispatch.ts';
import { straceLine } from '../sim/kernel/dispatchResult.ts';
import type { World } from '../sim/kernel/world.ts';
import { guestDeniedBy, relabelGuestHop } from '../sim/kata/callHops.ts';
import { withGuestState } from '../sim/kata/guestState.ts';
import { planGuestIo } from '../sim/kata/guestIo.ts';
import { kataSettings } from '../sim/kata/options.ts';
import type { CallTrace } from '../sim/trace.ts';
import type { CallRun } from './runCall.ts';
import { runInnerKernel } from './innerKernel.ts';
import { kataCallMachine, pendingItem } from './kataCallMachine.ts';
import type { CallRunner } from './runtimeCall.ts';
import { runDeviceTrip } from './virtioFsMachine.ts';

/**
 * A call of a Kata container: the guest kernel answers it (the lab's Linux
 * model on the guest world), the planner says which of its effects leave the
 * VM, and the Kata call machine walks the path, handing each request to the
 * virtio-fs machine and taking its hops back. The world returned is the
 * guest's, its clock advanced by every hop of the trace.
 */
export const runKataCall: CallRunner = (session, call) => {
  const settings = kataSettings(session.options);
  const { world, pid } = session;
  const inner = runInnerKernel(world, pid, call, (h) => relabelGuestHop(h, settings));
  const t = inner.run.trace;
  const outcome: DispatchOutcome = {
    retval: t.retval ?? -1, errno: t.errno, deniedBy: t.deniedBy, reason: t.reason,
    outArgs: inner.run.outArgs, data: inner.run.data, ...(inner.run.terminated ? { terminated: inner.run.terminated } : {}),
  };
  const plan = planGuestIo({ world, pid, call, retval: t.retval, errno: t.errno, deniedBy: t.deniedBy }, settings);
  let [snap] = initialTransition(kataCallMachine, { world, pid, call, inner: inner.hops, outcome, before: plan.before, after: plan.after });
  for (let guard = plan.before.length + plan.after.length; snap.status !== 'done' && guard >= 0; guard--) {
    const item = pendingItem(snap.context, snap.value);
    if (!item) break;
    const result = item.type === 'trip' ? runDeviceTrip(item.trip) : { hops: [{ ...item.hop, state: item.hop.state ?? 'guestOnly' }], fatal: null };
    [snap] = transition(kataCallMachine, snap, { type: 'device.completed', ...result });
  }
  const { hops, fatal } = snap.context;
  const total = hops.reduce((s, h) => s + h.costNs, 0);
  const after: World = withGuestState({ ...inner.run.world, timeNs: world.timeNs + total }, plan.state);
  const trace: CallTrace = {
    name: call.name,
    line: fatal ? straceLine(call, { ...outcome, terminated: fatal }) : t.line,
    retval: fatal ? null : t.retval,
    errno: fatal ? null : t.errno,
    hops,
    deniedBy: fatal ? 'host-seccomp' : guestDeniedBy(t.deniedBy),
    reason: fatal ?? (t.reason ? `in the guest: ${t.reason}` : null),
    servedBy: 'guest',
  };
  const terminated = fatal ? `the sandbox died: ${fatal}` : inner.run.terminated;
  return { world: fatal ? withoutProc(after, pid) : after, trace, outArgs: inner.run.outArgs, data: inner.run.data, terminated } satisfies CallRun;
};

/** The VM is gone: the container's process with it. */
function withoutProc(world: World, pid: number): World {
  const procs = { ...world.procs };
  delete procs[pid];
  return { ...world, procs };
}
