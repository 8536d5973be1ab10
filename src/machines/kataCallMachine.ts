import { assign, setup } from 'xstate';
import type { DispatchOutcome } from '../sim/kernel/dispatch.ts';
import { appHop, libcHop } from '../sim/kernel/dispatch.ts';
import type { World } from '../sim/kernel/world.ts';
import type { SyscallCall } from '../sim/syscalls/args.ts';
import type { Hop } from '../sim/trace.ts';
import { guestEntryHop, guestReturnHop, sandboxDiedHop } from '../sim/kata/callHops.ts';
import type { PlanItem } from '../sim/kata/trips.ts';

/**
 * A syscall of a Kata container: user space → the guest kernel's entry (no
 * VM exit) → the guest kernel's checks → the requests the guest must make of
 * the host before the work completes (a FUSE lookup and open, a block read)
 * → the guest kernel's work → what it queues for the host after (a packet,
 * terminal output) → back to user space. The machine waits in `device` and
 * `deviceAfter` for each request's trip (virtioFsMachine) to report back with
 * `device.completed`; the guest kernel's own hops come from the lab's Linux
 * dispatch machine run on the guest world (runInnerKernel).
 */
export interface KataCallInput {
  world: World;
  pid: number;
  call: SyscallCall;
  /** The guest kernel's hops, relabelled: its checks, then (last) its work. */
  inner: Hop[];
  outcome: DispatchOutcome;
  before: PlanItem[];
  after: PlanItem[];
}

export interface KataCallContext extends KataCallInput {
  hops: Hop[];
  fatal: string | null;
}

export type KataCallEvent = { type: 'device.completed'; hops: Hop[]; fatal: string | null };

type Ctx = { context: KataCallContext };
type Ev = { context: KataCallContext; event: KataCallEvent };

const isWork = (h: Hop) => h.state === 'handler.execute';

export const kataCallMachine = setup({
  types: {
    context: {} as KataCallContext,
    input: {} as KataCallInput,
    events: {} as KataCallEvent,
  },
  actions: {
    hopApp: assign({ hops: ({ context: c }: Ctx) => [...c.hops, appHop(c.world, c.pid, c.call)] }),
    hopLibc: assign({ hops: ({ context: c }: Ctx) => [...c.hops, libcHop(c.call)] }),
    hopGuestEntry: assign({ hops: ({ context: c }: Ctx) => [...c.hops, guestEntryHop(c.call)] }),
    hopGuestChecks: assign({ hops: ({ context: c }: Ctx) => [...c.hops, ...c.inner.filter((h) => !isWork(h))] }),
    hopGuestWork: assign({ hops: ({ context: c }: Ctx) => [...c.hops, ...c.inner.filter(isWork)] }),
    takeBefore: assign(({ context: c, event: e }: Ev) => ({ hops: [...c.hops, ...e.hops], fatal: e.fatal, before: c.before.slice(1) })),
    takeAfter: assign(({ context: c, event: e }: Ev) => ({ hops: [...c.hops, ...e.hops], fatal: e.fatal, after: c.after.slice(1) })),
    hopReturn: assign({ hops: ({ context: c }: Ctx) => [...c.hops, guestReturnHop(c.outcome)] }),
    hopKilled: assign({ hops: ({ context: c }: Ctx) => [...c.hops, { ...guestReturnHop(c.outcome), state: 'killed' }] }),
    hopSandboxDied: assign({ hops: ({ context: c }: Ctx) => [...c.hops, sandboxDiedHop(c.fatal ?? 'the sandbox died')] }),
  },
  guards: {
    isKilled: ({ context: c }: Ctx) => c.outcome.terminated !== undefined,
    hasBefore: ({ context: c }: Ctx) => c.before.length > 0,
    hasAfter: ({ context: c }: Ctx) => c.after.length > 0,
    isSandboxDead: ({ context: c }: Ctx) => c.fatal !== null,
  },
}).createMachine({
  id: 'kataCall',
  context: ({ input }) => ({ ...input, hops: [], fatal: null }),
  initial: 'userSpace',
  states: {
    userSpace: { entry: 'hopApp', always: 'libc' },
    libc: { entry: 'hopLibc', always: 'guestEntry' },
    guestEntry: { entry: 'hopGuestEntry', always: 'guestKernel' },
    guestKernel: {
      entry: 'hopGuestChecks',
      always: [{ guard: 'isKilled', target: 'killed' }, { guard: 'hasBefore', target: 'device' }, { target: 'guestWork' }],
    },
    device: { on: { 'device.completed': { target: 'deviceReturned', actions: 'takeBefore' } } },
    deviceReturned: { always: [{ guard: 'isSandboxDead', target: 'sandboxDied' }, { guard: 'hasBefore', target: 'device' }, { target: 'guestWork' }] },
    guestWork: { entry: 'hopGuestWork', always: [{ guard: 'hasAfter', target: 'deviceAfter' }, { target: 'returning' }] },
    deviceAfter: { on: { 'device.completed': { target: 'deviceAfterReturned', actions: 'takeAfter' } } },
    deviceAfterReturned: { always: [{ guard: 'isSandboxDead', target: 'sandboxDied' }, { guard: 'hasAfter', target: 'deviceAfter' }, { target: 'returning' }] },
    returning: { entry: 'hopReturn', type: 'final' },
    killed: { entry: 'hopKilled', type: 'final' },
    sandboxDied: { entry: 'hopSandboxDied', type: 'final' },
  },
});

/** The request the machine is waiting for, if it is waiting. */
export function pendingItem(c: KataCallContext, state: unknown): PlanItem | undefined {
  if (state === 'device') return c.before[0];
  if (state === 'deviceAfter') return c.after[0];
  return undefined;
}
