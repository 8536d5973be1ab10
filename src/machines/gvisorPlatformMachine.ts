import { assign, setup } from 'xstate';
import type { Hop } from '../sim/trace.ts';
import type { SyscallCall } from '../sim/syscalls/args.ts';
import type { PlatformId } from '../sim/gvisor/costs.ts';
import { kvmTrapHops, ptraceTrapHops, resumeHops, systrapPatchedHops, systrapTrapHops } from '../sim/gvisor/platform.ts';
import type { HelperProcess } from '../sim/hostcalls/helperProcess.ts';

/**
 * gVisor's platform: how the app's syscall is caught and handed to the
 * Sentry, and how the answer goes back. The machine stops in `inSentry`
 * until the Sentry machine's answer arrives (`sentry.returned`).
 */
export interface PlatformContext {
  platform: PlatformId;
  /** systrap: whether this call site was already patched into a jump to the stub. */
  patched: boolean;
  call: SyscallCall;
  /** The Sentry as a host process (its filter), for the ptrace tracer's host calls. */
  sentry: HelperProcess;
  hops: Hop[];
}

type Ctx = { context: PlatformContext };
export type PlatformEvent = { type: 'sentry.returned'; retText: string };

export const gvisorPlatformMachine = setup({
  types: {
    context: {} as PlatformContext,
    input: {} as { platform: PlatformId; patched: boolean; call: SyscallCall; sentry: HelperProcess },
    events: {} as PlatformEvent,
  },
  actions: {
    hopSigsysTrap: assign({ hops: ({ context: c }: Ctx) => [...c.hops, ...systrapTrapHops(c.call)] }),
    hopPatchedJump: assign({ hops: ({ context: c }: Ctx) => [...c.hops, ...systrapPatchedHops(c.call)] }),
    hopSysemuStop: assign({ hops: ({ context: c }: Ctx) => [...c.hops, ...ptraceTrapHops(c.call, c.sentry)] }),
    hopGuestTrap: assign({ hops: ({ context: c }: Ctx) => [...c.hops, ...kvmTrapHops(c.call)] }),
    hopResume: assign(({ context: c }: Ctx, params: { retText: string }) => ({ hops: [...c.hops, ...resumeHops(c.platform, params.retText, c.sentry)] })),
  },
  guards: {
    isSystrapPatched: ({ context: c }: Ctx) => c.platform === 'systrap' && c.patched,
    isSystrap: ({ context: c }: Ctx) => c.platform === 'systrap',
    isPtrace: ({ context: c }: Ctx) => c.platform === 'ptrace',
  },
}).createMachine({
  id: 'gvisorPlatform',
  context: ({ input }) => ({ ...input, hops: [] }),
  initial: 'caught',
  states: {
    caught: {
      always: [
        { guard: 'isSystrapPatched', target: 'patchedJump' },
        { guard: 'isSystrap', target: 'seccompTrap' },
        { guard: 'isPtrace', target: 'sysemuStop' },
        { target: 'guestTrap' },
      ],
    },
    seccompTrap: { entry: 'hopSigsysTrap', always: 'inSentry' },
    patchedJump: { entry: 'hopPatchedJump', always: 'inSentry' },
    sysemuStop: { entry: 'hopSysemuStop', always: 'inSentry' },
    guestTrap: { entry: 'hopGuestTrap', always: 'inSentry' },
    inSentry: {
      on: { 'sentry.returned': { target: 'resumed', actions: { type: 'hopResume', params: ({ event }) => ({ retText: event.retText }) } } },
    },
    resumed: { type: 'final' },
  },
});
