import { assign, setup } from 'xstate';
import type { DispatchOutcome } from '../sim/kernel/dispatch.ts';
import { appHop, libcHop } from '../sim/kernel/dispatch.ts';
import type { World } from '../sim/kernel/world.ts';
import type { RuntimeOptions } from '../sim/runtime/types.ts';
import type { SyscallCall } from '../sim/syscalls/args.ts';
import type { Hop } from '../sim/trace.ts';
import { hostSyscall, type HostSyscallResult } from '../sim/hostcalls/helperProcess.ts';
import { deviceIoFor, type DeviceIo } from '../sim/firecracker/deviceIo.ts';
import { fcGuestLacks } from '../sim/firecracker/guestKernel.ts';
import { hostPlan, type HostStep } from '../sim/firecracker/hostPlan.ts';
import {
  guestCompleteHop, guestEntryHop, guestKernelHop, guestNoSysHop, guestReturnHop, ioeventfdHop, irqHop, trappedMessage,
  virtqueueHop, vmExitHop, vmmWakeHop,
} from '../sim/firecracker/hops.ts';
import { firecrackerThread } from '../sim/firecracker/vmmFilter.ts';
import { runInnerKernel } from './innerKernel.ts';
import type { CallRun } from './runCall.ts';

/**
 * A call in a Firecracker microVM: into the guest kernel (no VM exit), and —
 * when it needs a device — out through virtio-mmio, a VM exit into KVM, the
 * VMM thread's host syscalls under its seccomp filter, and the interrupt
 * back. Each state records the hops of its step; the guest kernel's own
 * checks are the lab's Linux model run on the guest world.
 */
export type HostPlanner = (io: DeviceIo, options: RuntimeOptions) => HostStep[];

export interface FirecrackerContext {
  world: World;
  pid: number;
  call: SyscallCall;
  options: RuntimeOptions;
  planner: HostPlanner;
  hops: Hop[];
  inner: CallRun | null;
  /** What the call returns: the guest kernel's answer, or ENOSYS from its table. */
  outcome: DispatchOutcome | null;
  /** The guest handler's own hop, recorded once the device has answered. */
  held: Hop | null;
  io: DeviceIo | null;
  steps: HostStep[];
  step: number;
  host: HostSyscallResult | null;
  trapped: string | null;
}

type Ctx = { context: FirecrackerContext };
const push = (c: FirecrackerContext, ...hops: Hop[]) => [...c.hops, ...hops];
const current = (c: FirecrackerContext): HostStep | undefined => c.steps[c.step];

/** The guest kernel's answer: its hops (the handler's held back), the device request it makes, Firecracker's plan for it. */
function runGuest(c: FirecrackerContext): Partial<FirecrackerContext> {
  const { run, hops } = runInnerKernel(c.world, c.pid, c.call, guestKernelHop);
  const held = hops.find((h) => h.state === 'handler.execute') ?? null;
  const outcome = outcomeOf(run, guestLayerOf);
  const io = deviceIoFor(c.world, c.pid, c.call, outcome);
  return { inner: run, outcome, held, io, steps: io ? c.planner(io, c.options) : [], hops: push(c, ...hops.filter((h) => h !== held)) };
}

function hostGate(c: FirecrackerContext): Partial<FirecrackerContext> {
  const step = current(c);
  if (!step) return {};
  const host = hostSyscall(firecrackerThread(step.thread), step.name, { purpose: step.purpose, costNs: step.cost.ns, source: step.cost.source });
  const trapped = host.allowed ? null : trappedMessage(step.thread, step.name);
  return { host, trapped, hops: push(c, ...host.hops.slice(0, 1)) };
}

/** The guest kernel's table has no such syscall: ENOSYS before any handler runs. */
function noSys(c: FirecrackerContext): Partial<FirecrackerContext> {
  const reason = fcGuestLacks(c.call.name) ?? '';
  const outcome: DispatchOutcome = { retval: -1, errno: 'ENOSYS', deniedBy: 'guest-kernel', reason: `guest kernel: ${reason}` };
  return { outcome, hops: push(c, guestNoSysHop(reason)) };
}

/** The guest layer a refusal of the guest kernel's model belongs to (its filter, or the kernel's checks and handlers). */
const guestLayerOf = (deniedBy: string) => (deniedBy === 'seccomp' ? 'guest-seccomp' : 'guest-kernel');

/** The outcome of a guest kernel's run, as the dispatch machine would report it, with the refusing layer named by `layerOf`. */
export function outcomeOf(run: CallRun | null, layerOf: (deniedBy: string) => string): DispatchOutcome | null {
  if (!run) return null;
  const t = run.trace;
  return { retval: t.retval ?? -1, errno: t.errno, deniedBy: t.deniedBy ? layerOf(t.deniedBy) : null, reason: t.reason, outArgs: run.outArgs, data: run.data, terminated: run.terminated ?? undefined };
}

export const firecrackerMachine = setup({
  types: {
    context: {} as FirecrackerContext,
    input: {} as { world: World; pid: number; call: SyscallCall; options: RuntimeOptions; planner?: HostPlanner },
  },
  actions: {
    hopApp: assign({ hops: ({ context: c }: Ctx) => push(c, appHop(c.world, c.pid, c.call)) }),
    hopLibc: assign({ hops: ({ context: c }: Ctx) => push(c, libcHop(c.call)) }),
    hopEntry: assign({ hops: ({ context: c }: Ctx) => push(c, guestEntryHop(c.call)) }),
    hopNoSys: assign(({ context: c }: Ctx) => noSys(c)),
    runGuest: assign(({ context: c }: Ctx) => runGuest(c)),
    hopVirtqueue: assign({ hops: ({ context: c }: Ctx) => (c.io ? push(c, virtqueueHop(c.io)) : c.hops) }),
    hopVmExit: assign({ hops: ({ context: c }: Ctx) => push(c, vmExitHop()) }),
    hopIoeventfd: assign({ hops: ({ context: c }: Ctx) => (c.io ? push(c, ioeventfdHop(c.io)) : c.hops) }),
    hopVmmWake: assign({ hops: ({ context: c }: Ctx) => (c.io ? push(c, vmmWakeHop(c.io, c.options)) : c.hops) }),
    hostGate: assign(({ context: c }: Ctx) => hostGate(c)),
    hostWork: assign(({ context: c }: Ctx) => ({ hops: push(c, ...(c.host?.hops.slice(1) ?? [])), step: c.step + 1 })),
    hopIrq: assign({ hops: ({ context: c }: Ctx) => (c.io ? push(c, irqHop(c.io)) : c.hops) }),
    hopComplete: assign({ hops: ({ context: c }: Ctx) => (c.io ? push(c, guestCompleteHop(c.io)) : c.hops) }),
    hopHeld: assign({ hops: ({ context: c }: Ctx) => (c.held ? push(c, c.held) : c.hops) }),
    hopReturn: assign({ hops: ({ context: c }: Ctx) => push(c, guestReturnHop(c.outcome)) }),
    hopKilled: assign({ hops: ({ context: c }: Ctx) => push(c, { ...guestReturnHop(c.outcome), state: 'killed' }) }),
    hopTrapped: assign({ hops: ({ context: c }: Ctx) => push(c, { layer: 'vmm', state: 'trapped', verdict: 'deny', costNs: 0, source: 'estimate', note: c.trapped ?? '' }) }),
  },
  guards: {
    isGuestLacking: ({ context: c }: Ctx) => fcGuestLacks(c.call.name) !== null,
    isGuestKilled: ({ context: c }: Ctx) => Boolean(c.inner?.terminated),
    needsDevice: ({ context: c }: Ctx) => c.io !== null,
    isHostDenied: ({ context: c }: Ctx) => c.trapped !== null,
    hasMoreSteps: ({ context: c }: Ctx) => c.step < c.steps.length,
  },
}).createMachine({
  id: 'firecracker',
  context: ({ input }) => ({
    ...input, planner: input.planner ?? hostPlan, hops: [], inner: null, outcome: null, held: null, io: null, steps: [], step: 0, host: null, trapped: null,
  }),
  initial: 'userSpace',
  states: {
    userSpace: { entry: 'hopApp', always: 'libc' },
    libc: { entry: 'hopLibc', always: 'guestEntry' },
    guestEntry: { entry: 'hopEntry', always: [{ guard: 'isGuestLacking', target: 'guestNoSys' }, { target: 'guestKernel' }] },
    guestNoSys: { entry: 'hopNoSys', always: 'returning' },
    guestKernel: {
      entry: 'runGuest',
      always: [{ guard: 'isGuestKilled', target: 'killed' }, { guard: 'needsDevice', target: 'virtqueue' }, { target: 'guestExecute' }],
    },
    virtqueue: { entry: 'hopVirtqueue', always: 'vmExit' },
    vmExit: { entry: 'hopVmExit', always: 'kvmIoeventfd' },
    kvmIoeventfd: { entry: 'hopIoeventfd', always: 'vmmWake' },
    vmmWake: { entry: 'hopVmmWake', always: 'hostSeccomp' },
    hostSeccomp: { entry: 'hostGate', always: [{ guard: 'isHostDenied', target: 'trapped' }, { target: 'hostKernel' }] },
    hostKernel: { entry: 'hostWork', always: [{ guard: 'hasMoreSteps', target: 'hostSeccomp' }, { target: 'irqInject' }] },
    irqInject: { entry: 'hopIrq', always: 'guestComplete' },
    guestComplete: { entry: 'hopComplete', always: 'guestExecute' },
    guestExecute: { entry: 'hopHeld', always: 'returning' },
    returning: { entry: 'hopReturn', type: 'final' },
    killed: { entry: 'hopKilled', type: 'final' },
    trapped: { entry: 'hopTrapped', type: 'final' },
  },
});
