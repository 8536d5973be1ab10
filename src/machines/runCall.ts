import { initialTransition } from 'xstate';
import type { SyscallCall } from '../sim/syscalls/args.ts';
import type { CallTrace } from '../sim/trace.ts';
import type { World } from '../sim/kernel/world.ts';
import { straceLine } from '../sim/kernel/dispatchResult.ts';
import { kernelDispatchMachine } from './kernelDispatchMachine.ts';
import type { DispatchOutcome } from '../sim/kernel/dispatch.ts';
import type { Hop, HostCall } from '../sim/trace.ts';

/** What one call did: the trace, the world after it, and the data it moved (for the shell). */
export interface CallRun {
  world: World;
  trace: CallTrace;
  /** Arguments as strace shows them after the call (a read's buffer, a stat struct). */
  outArgs: Record<number, string>;
  /** The bytes a read-like call returned. */
  data: string | undefined;
  /** Set when the call ended the calling process. */
  terminated: string | null;
}

/**
 * Runs one syscall through the kernel's dispatch machine, headless: XState's
 * pure initialTransition resolves every eventless step, so the snapshot it
 * returns is the final state, with the hops the machine recorded on its way.
 */
export function runCall(world: World, pid: number, call: SyscallCall): CallRun {
  const [snapshot] = initialTransition(kernelDispatchMachine, { world, pid, call });
  const { outcome } = snapshot.context;
  const hops = withHostCall(snapshot.context.hops, world, pid, call, outcome);
  const trace: CallTrace = {
    name: call.name,
    line: straceLine(call, outcome),
    retval: outcome?.terminated ? null : (outcome?.retval ?? null),
    errno: outcome?.terminated ? null : (outcome?.errno ?? null),
    hops,
    deniedBy: outcome?.deniedBy ?? null,
    reason: outcome?.reason ?? null,
    servedBy: 'host',
  };
  return { world: snapshot.context.world, trace, outArgs: outcome?.outArgs ?? {}, data: outcome?.data, terminated: outcome?.terminated ?? null };
}

/**
 * The process's own syscall is the host syscall: mark the entry hop with who
 * made it and what its seccomp filter did (for `isolab compare`).
 */
function withHostCall(hops: Hop[], world: World, pid: number, call: SyscallCall, outcome: DispatchOutcome | null): Hop[] {
  const proc = world.procs[pid];
  const filtered = proc?.seccomp.mode === 'filter';
  const bySeccomp = outcome?.deniedBy === 'seccomp';
  const filter: HostCall['filter'] = !filtered ? 'none' : !bySeccomp ? 'allowed' : outcome?.terminated ? 'killed' : 'errno';
  const by = `${proc?.comm ?? 'process'} (pid ${pid})`;
  return hops.map((h) => (h.state === 'syscallEntry' ? { ...h, hostCall: { by, name: call.name, filter } } : h));
}
