/**
 * What each state of the library-OS machine does to its context: one call
 * into src/sim/nabla (or the lab's kernel model run on the libOS's world),
 * its hops appended, its Solo5 I/O queued.
 */
import type { DispatchOutcome } from '../sim/kernel/dispatch.ts';
import { withTime } from '../sim/kernel/dispatchResult.ts';
import type { World } from '../sim/kernel/world.ts';
import { libosRefusal, missingResult, stubResult } from '../sim/nabla/libosCalls.ts';
import { appHop, libcHop, libosEntryHop, relabelInner, returnHop } from '../sim/nabla/libosHops.ts';
import { plannedIo } from '../sim/nabla/libosIo.ts';
import { ownResult } from '../sim/nabla/libosOwn.ts';
import type { LibOsRoute } from '../sim/nabla/libosRoutes.ts';
import type { LibOsResult } from '../sim/nabla/libosUtil.ts';
import { bindingHop, expandIo, handlerHop, repeatHop, resumeCall, tenderCall, vmExitHop, type IoStep } from '../sim/nabla/solo5Hops.ts';
import { tenderProcess, type TenderKind } from '../sim/nabla/tender.ts';
import type { SyscallCall } from '../sim/syscalls/args.ts';
import type { Hop } from '../sim/trace.ts';
import { runInnerKernel } from './innerKernel.ts';

export interface LibOsContext {
  world: World;
  pid: number;
  call: SyscallCall;
  kind: TenderKind;
  route: LibOsRoute | null;
  hops: Hop[];
  outcome: DispatchOutcome | null;
  /** The Solo5 I/O still to walk, in order. */
  steps: IoStep[];
  /** Set when the call ends the unikernel (exit, reboot). */
  halts: { status: number } | null;
  /** Set when the tender's filter killed it. */
  killed: string | null;
}

export interface LibOsInput { world: World; pid: number; call: SyscallCall; kind: TenderKind }

type Patch = Partial<LibOsContext>;

export const initialLibOsContext = (input: LibOsInput): LibOsContext =>
  ({ ...input, route: null, hops: [], outcome: null, steps: [], halts: null, killed: null });

export const withHop = (c: LibOsContext, hop: Hop): Patch => ({ hops: [...c.hops, hop] });

export const appStep = (c: LibOsContext): Patch => withHop(c, appHop(c.world, c.pid, c.call));

export const libcStep = (c: LibOsContext, route: LibOsRoute): Patch => ({ route, ...withHop(c, libcHop(c.call, route)) });

export const entryStep = (c: LibOsContext): Patch => withHop(c, libosEntryHop(c.call, c.route ?? { type: 'missing', reason: '' }));

/** Folds a libOS result in: its hops, outcome and world, and its Solo5 I/O as machine steps. */
export function absorb(c: LibOsContext, r: LibOsResult): Patch {
  return { hops: [...c.hops, ...r.hops], outcome: r.outcome, world: r.world, steps: expandIo(c.kind, r.io), halts: r.halts ?? null };
}

export function stubStep(c: LibOsContext): Patch {
  return c.route?.type === 'stub' ? absorb(c, stubResult(c.world, c.call, c.route)) : {};
}

export function missingStep(c: LibOsContext): Patch {
  return c.route?.type === 'missing' ? absorb(c, missingResult(c.world, c.call, c.route)) : {};
}

export function ownStep(c: LibOsContext): Patch {
  return c.route?.type === 'own' ? absorb(c, ownResult(c.world, c.pid, c.call, c.route)) : {};
}

const INNER_DENIED: Record<string, string> = { vfs: 'libos-vfs' };

/** The rump kernel's work: the lab's kernel model on the libOS's world, relabelled, then the I/O behind it. */
export function rumpKernelStep(c: LibOsContext): Patch {
  const refused = libosRefusal(c.world, c.call);
  if (refused) return absorb(c, refused);
  const netbsd = c.route?.type === 'rumpKernel' ? c.route.netbsd : c.call.name;
  const { run, hops } = runInnerKernel(c.world, c.pid, c.call, relabelInner(c.call, netbsd));
  const t = run.trace;
  const outcome: DispatchOutcome = {
    retval: t.retval ?? -1, errno: t.errno, deniedBy: t.deniedBy ? INNER_DENIED[t.deniedBy] ?? 'libos' : null,
    reason: t.reason ? `rump kernel: ${t.reason.replace(/^kernel: /, '')}` : null, outArgs: run.outArgs, data: run.data,
  };
  const io = t.errno ? [] : plannedIo(c.world, c.pid, c.call, t.retval ?? 0, run.data);
  // The inner run advanced its clock by hops this trace leaves out; the call's own hops set the time at the end.
  const world = { ...run.world, timeNs: c.world.timeNs };
  return { hops: [...c.hops, ...hops], outcome, world, steps: expandIo(c.kind, io) };
}

/** Takes the next I/O step off the queue and records its hops. */
export function ioStep(c: LibOsContext): Patch {
  const [step, ...rest] = c.steps;
  if (!step) return {};
  switch (step.type) {
    case 'binding': return { steps: rest, ...withHop(c, bindingHop(c.kind, step.call)) };
    case 'vmExit': return { steps: rest, ...withHop(c, vmExitHop(c.kind, step.hypercall)) };
    case 'handler': return { steps: rest, ...withHop(c, handlerHop(c.kind, step.call, step.hypercall)) };
    case 'repeat': return { steps: rest, ...withHop(c, repeatHop(c.kind, step.of, step.count)) };
    case 'libos': return { steps: rest, ...withHop(c, step.hop) };
    case 'host':
    case 'resume': {
      const r = step.type === 'host' ? tenderCall(c.kind, step.step) : resumeCall(c.kind);
      const hops = [...c.hops, ...r.hops];
      return r.allowed ? { steps: rest, hops } : { steps: [], hops, killed: r.reason };
    }
  }
}

export const nextStepIs = (c: LibOsContext, type: IoStep['type']): boolean => c.steps[0]?.type === type;

/** The end of a call: a function return, the unikernel's exit, or the tender's death; the clock advances by every hop. */
export function returnStep(c: LibOsContext): Patch {
  const hops = [...c.hops, returnHop(c.outcome)];
  return { hops, world: withTime(c.world, hops) };
}

export function endStep(c: LibOsContext, how: 'exited' | 'killed'): Patch {
  const tender = tenderProcess(c.kind).label;
  const note = how === 'killed'
    ? `${tender} is dead (${c.killed ?? 'killed by its seccomp filter'}), and the unikernel with it: nothing returns`
    : `The unikernel is gone: ${tender} called exit_group(${c.halts?.status ?? 0}), so the call never returns`;
  const hop: Hop = { layer: how === 'killed' ? 'host-seccomp' : 'solo5', state: how, verdict: 'deny', note, costNs: 0, source: 'estimate' };
  const hops = [...c.hops, hop];
  const { [c.pid]: _gone, ...procs } = c.world.procs;
  return { hops, world: { ...withTime(c.world, hops), procs } };
}
