import { assign, setup } from 'xstate';
import type { DispatchOutcome } from '../sim/kernel/dispatch.ts';
import { appHop, libcHop } from '../sim/kernel/dispatch.ts';
import type { World } from '../sim/kernel/world.ts';
import type { SyscallCall } from '../sim/syscalls/args.ts';
import type { Hop } from '../sim/trace.ts';
import { deviceIoFor } from '../sim/firecracker/deviceIo.ts';
import {
  backendHop, consoleBackendHop, dom0KernelHop, eventToGuestHop, frontendHop, guestCompleteHop, hypercallHop, miniOsHop,
  pvEntryHop, tinyxKernelHop, tinyxReturnHop, unikernelLibcHop, unikernelReturnHop, xenHop, type XenIo,
} from '../sim/lightvm/hops.ts';
import { answerMiniOs } from '../sim/lightvm/miniOsCall.ts';
import { runInnerKernel } from './innerKernel.ts';
import { outcomeOf } from './firecrackerMachine.ts';
import type { CallRun } from './runCall.ts';

/**
 * A call in a LightVM guest. In a unikernel it is a function call into
 * Mini-OS; in a Tinyx VM it enters the guest kernel through Xen (PV). I/O
 * that leaves the guest goes frontend → event-channel hypercall → Xen →
 * backend in Dom0's kernel (a block read comes back the same way). Each
 * state records the hops of its step.
 */
export interface LightvmContext {
  world: World;
  pid: number;
  call: SyscallCall;
  unikernel: boolean;
  hops: Hop[];
  /** The guest's world after the call (Mini-OS's file table, or the Tinyx kernel's state). */
  after: World;
  inner: CallRun | null;
  held: Hop | null;
  outcome: DispatchOutcome | null;
  io: XenIo | null;
  terminated: string | null;
}

type Ctx = { context: LightvmContext };
const push = (c: LightvmContext, ...hops: Hop[]) => [...c.hops, ...hops];
const isBlock = (io: XenIo | null) => io?.type === 'blk-read' || io?.type === 'blk-flush';

function runMiniOs(c: LightvmContext): Partial<LightvmContext> {
  const a = answerMiniOs(c.world, c.pid, c.call);
  const outcome: DispatchOutcome = { retval: a.retval, errno: a.errno, deniedBy: a.errno ? 'minios' : null, reason: a.errno ? `Mini-OS: ${a.note}` : null, terminated: a.terminated ?? undefined };
  const io: XenIo | null = a.io === 'net-tx' ? { type: 'net-tx', bytes: a.retval, dest: 'the network' } : a.io ? { type: a.io } : null;
  return { after: a.world, outcome, io, terminated: a.terminated, hops: push(c, miniOsHop(a.note, a.io !== null)) };
}

function runTinyx(c: LightvmContext): Partial<LightvmContext> {
  const { run, hops } = runInnerKernel(c.world, c.pid, c.call, tinyxKernelHop);
  const held = hops.find((h) => h.state === 'handler.execute') ?? null;
  const outcome = outcomeOf(run, () => 'guest-kernel');
  return { inner: run, after: run.world, outcome, held, terminated: run.terminated, io: deviceIoFor(c.world, c.pid, c.call, outcome), hops: push(c, ...hops.filter((h) => h !== held)) };
}

/** The hop a device step records, built from the request in flight. */
const withIo = (make: (io: XenIo) => Hop) => ({ context: c }: Ctx) => ({ hops: c.io ? push(c, make(c.io)) : c.hops });

export const lightvmMachine = setup({
  types: {
    context: {} as LightvmContext,
    input: {} as { world: World; pid: number; call: SyscallCall; unikernel: boolean },
  },
  actions: {
    hopApp: assign({ hops: ({ context: c }: Ctx) => push(c, appHop(c.world, c.pid, c.call)) }),
    hopLibc: assign({ hops: ({ context: c }: Ctx) => push(c, c.unikernel ? unikernelLibcHop(c.call) : libcHop(c.call)) }),
    runMiniOs: assign(({ context: c }: Ctx) => runMiniOs(c)),
    hopPvEntry: assign({ hops: ({ context: c }: Ctx) => push(c, pvEntryHop(c.call)) }),
    runTinyx: assign(({ context: c }: Ctx) => runTinyx(c)),
    hopFrontend: assign(withIo(frontendHop)),
    hopHypercall: assign(withIo(hypercallHop)),
    hopXen: assign(withIo(xenHop)),
    hopBackend: assign(withIo(backendHop)),
    hopConsole: assign({ hops: ({ context: c }: Ctx) => push(c, consoleBackendHop()) }),
    hopDom0: assign(withIo(dom0KernelHop)),
    hopEventToGuest: assign(withIo(eventToGuestHop)),
    hopComplete: assign(withIo(guestCompleteHop)),
    hopHeld: assign({ hops: ({ context: c }: Ctx) => (c.held ? push(c, c.held) : c.hops) }),
    hopReturn: assign({ hops: ({ context: c }: Ctx) => push(c, c.unikernel ? unikernelReturnHop(c.outcome) : tinyxReturnHop(c.outcome)) }),
    hopHalted: assign({ hops: ({ context: c }: Ctx) => push(c, { layer: c.unikernel ? 'minios' : 'guest-kernel', state: 'halted', verdict: 'deny', costNs: 0, source: 'estimate', note: c.terminated ?? '' }) }),
  },
  guards: {
    isUnikernel: ({ context: c }: Ctx) => c.unikernel,
    isHalted: ({ context: c }: Ctx) => c.terminated !== null,
    needsRing: ({ context: c }: Ctx) => c.io !== null && c.io.type !== 'mmu',
    needsMmu: ({ context: c }: Ctx) => c.io?.type === 'mmu',
    isConsole: ({ context: c }: Ctx) => c.io?.type === 'console',
    isBlock: ({ context: c }: Ctx) => isBlock(c.io),
    isMmu: ({ context: c }: Ctx) => c.io?.type === 'mmu',
  },
}).createMachine({
  id: 'lightvm',
  context: ({ input }) => ({ ...input, hops: [], after: input.world, inner: null, held: null, outcome: null, io: null, terminated: null }),
  initial: 'userSpace',
  states: {
    userSpace: { entry: 'hopApp', always: 'libc' },
    libc: { entry: 'hopLibc', always: [{ guard: 'isUnikernel', target: 'miniOs' }, { target: 'guestEntry' }] },
    miniOs: {
      entry: 'runMiniOs',
      always: [{ guard: 'isHalted', target: 'halted' }, { guard: 'needsMmu', target: 'hypercall' }, { guard: 'needsRing', target: 'frontend' }, { target: 'returning' }],
    },
    guestEntry: { entry: 'hopPvEntry', always: 'guestKernel' },
    guestKernel: { entry: 'runTinyx', always: [{ guard: 'isHalted', target: 'halted' }, { guard: 'needsRing', target: 'frontend' }, { target: 'guestExecute' }] },
    frontend: { entry: 'hopFrontend', always: 'hypercall' },
    hypercall: { entry: 'hopHypercall', always: 'xen' },
    xen: { entry: 'hopXen', always: [{ guard: 'isMmu', target: 'returning' }, { guard: 'isConsole', target: 'consoleBackend' }, { target: 'backend' }] },
    consoleBackend: { entry: 'hopConsole', always: 'returning' },
    backend: { entry: 'hopBackend', always: [{ guard: 'isBlock', target: 'dom0Kernel' }, { target: 'guestExecute' }] },
    dom0Kernel: { entry: 'hopDom0', always: 'eventToGuest' },
    eventToGuest: { entry: 'hopEventToGuest', always: 'guestComplete' },
    guestComplete: { entry: 'hopComplete', always: 'guestExecute' },
    guestExecute: { entry: 'hopHeld', always: 'returning' },
    returning: { entry: 'hopReturn', type: 'final' },
    halted: { entry: 'hopHalted', type: 'final' },
  },
});
