import type { StartStep } from '../sim/stack/startPlan.ts';
import type { CallTrace, Hop, Verdict } from '../sim/trace.ts';
import type { HostState } from './controlTypes.ts';

/**
 * The calls a runc operation shows on the runc stack's layers (runc, the
 * syscall, the host kernel, the container), each hop tagged with the OCI
 * lifecycle state the operation left the container in. Costs are the lab's
 * estimates.
 */
export interface RuncDone {
  state: HostState;
  calls: CallTrace[];
  stdout: string;
  stderr: string;
  status: number;
}

export const hop = (layer: string, verdict: Verdict, note: string, costNs: number, hostEntry?: string, state?: string): Hop => ({
  layer, verdict, note, costNs, source: 'estimate', ...(hostEntry ? { hostEntry } : {}), ...(state ? { state } : {}),
});

/** runc refused before it touched the container: one call, denied by runc. */
export function refusedCall(line: string, reason: string, state?: string): CallTrace {
  return {
    name: line, line: `${line} = error`, retval: null, errno: null, deniedBy: 'oci-runtime', reason, servedBy: 'host',
    hops: [hop('oci-runtime', 'deny', reason, 500_000, undefined, state)],
  };
}

/** Steps (hook points) as calls, one per call line, tagged with the lifecycle state. */
export function asCalls(steps: readonly StartStep[], state: string): CallTrace[] {
  const calls: CallTrace[] = [];
  for (const s of steps) {
    let last = calls.at(-1);
    if (!last || last.name !== s.call) {
      last = { name: s.call, line: `${s.call} = ${s.result}`, retval: 0, errno: null, hops: [], deniedBy: null, reason: null, servedBy: 'host' };
      calls.push(last);
    }
    last.hops.push(hop(s.layer, s.verdict, s.note, s.costNs, s.hostEntry, state));
  }
  return calls;
}
