import { assign, initialTransition, setup } from 'xstate';
import type { Hop } from '../sim/trace.ts';
import { runHostCalls, type DeviceTrip } from '../sim/kata/trips.ts';

/**
 * One request that leaves a Kata VM — a FUSE request on virtio-fs (and, with
 * the same shape, a 9p request, a virtio-blk read, a virtio-net frame or a
 * vsock frame): the guest driver queues it, the notify exits the VM, the
 * server on the host wakes and handles it with its own host syscalls under
 * its seccomp filter, and the interrupt brings the answer back. Each state
 * records the trip's hops for that stage; a server its filter kills ends in
 * `serverDied`.
 */
export interface VirtioFsContext {
  trip: DeviceTrip;
  hops: Hop[];
  fatal: string | null;
}

type Ctx = { context: VirtioFsContext };
const tagged = (hops: readonly Hop[], state: string): Hop[] => hops.map((h) => ({ ...h, state: h.state ?? state }));

export const virtioFsMachine = setup({
  types: {
    context: {} as VirtioFsContext,
    input: {} as { trip: DeviceTrip },
  },
  actions: {
    hopGuestDriver: assign({ hops: ({ context: c }: Ctx) => [...c.hops, ...tagged([c.trip.guest], 'guestDriver')] }),
    hopKick: assign({ hops: ({ context: c }: Ctx) => [...c.hops, ...tagged([c.trip.kick], 'kick')] }),
    hopServer: assign({ hops: ({ context: c }: Ctx) => [...c.hops, ...tagged(c.trip.backend, 'server')] }),
    runHostCalls: assign(({ context: c }: Ctx) => {
      const r = runHostCalls(c.trip.hostCalls);
      return { hops: [...c.hops, ...r.hops], fatal: r.fatal };
    }),
    hopCompletion: assign({ hops: ({ context: c }: Ctx) => [...c.hops, ...tagged(c.trip.completion, 'completion')] }),
  },
  guards: {
    isServerDead: ({ context: c }: Ctx) => c.fatal !== null,
    isAwaited: ({ context: c }: Ctx) => c.trip.completion.length > 0,
  },
}).createMachine({
  id: 'virtioFs',
  context: ({ input }) => ({ trip: input.trip, hops: [], fatal: null }),
  initial: 'guestDriver',
  states: {
    guestDriver: { entry: 'hopGuestDriver', always: 'kick' },
    kick: { entry: 'hopKick', always: 'server' },
    server: { entry: 'hopServer', always: 'hostCalls' },
    hostCalls: {
      entry: 'runHostCalls',
      always: [{ guard: 'isServerDead', target: 'serverDied' }, { guard: 'isAwaited', target: 'completion' }, { target: 'queued' }],
    },
    completion: { entry: 'hopCompletion', type: 'final' },
    // Packets and terminal output: the guest does not wait for an answer.
    queued: { type: 'final' },
    serverDied: { type: 'final' },
  },
});

/** Runs one trip headless: its hops, and what became of the sandbox if its server died. */
export function runDeviceTrip(trip: DeviceTrip): { hops: Hop[]; fatal: string | null } {
  const [snapshot] = initialTransition(virtioFsMachine, { trip });
  return { hops: snapshot.context.hops, fatal: snapshot.context.fatal };
}
