import { assign, setup } from 'xstate';
import type { Hop } from '../sim/trace.ts';
import type { SyscallCall } from '../sim/syscalls/args.ts';
import type { World } from '../sim/kernel/world.ts';
import type { DispatchOutcome } from '../sim/kernel/dispatch.ts';
import type { RuntimeOptions } from '../sim/runtime/types.ts';
import { asSentryHop, ociSeccompGate, syscallTableGate } from '../sim/gvisor/sentryGates.ts';
import { egressOf, type Egress } from '../sim/gvisor/egress.ts';
import { egressHops, reachedHost, type EgressRun } from '../sim/gvisor/egressHops.ts';
import { runInnerKernel } from './innerKernel.ts';
import type { CallRun } from './runCall.ts';

/**
 * gVisor's Sentry answering one call: the OCI seccomp profile (only with
 * --oci-seccomp), the syscall table, the Sentry's kernel (the lab's Linux
 * model run on the sandbox's world), then whatever must leave the sandbox —
 * a file through directfs or the Gofer, the terminal's host fd, a packet out
 * of netstack — as host syscalls under the Sentry's (or the Gofer's) filter.
 */
export interface SentryContext {
  world: World;
  pid: number;
  call: SyscallCall;
  options: RuntimeOptions;
  hops: Hop[];
  outcome: DispatchOutcome | null;
  inner: CallRun | null;
  egress: Egress | null;
  io: EgressRun | null;
}

type Ctx = { context: SentryContext };

export const sentryMachine = setup({
  types: {
    context: {} as SentryContext,
    input: {} as { world: World; pid: number; call: SyscallCall; options: RuntimeOptions },
  },
  actions: {
    checkOciSeccomp: assign(({ context: c }: Ctx) => {
      const g = ociSeccompGate(c.world, c.pid, c.call, c.options);
      return { hops: [...c.hops, g.hop], outcome: g.outcome };
    }),
    consultTable: assign(({ context: c }: Ctx) => {
      const g = syscallTableGate(c.world, c.pid, c.call);
      return { hops: [...c.hops, g.hop], outcome: g.outcome };
    }),
    runKernel: assign(({ context: c }: Ctx) => {
      const egress = egressOf(c.world, c.pid, c.call);
      const { run, hops } = runInnerKernel(c.world, c.pid, c.call, asSentryHop(c.call));
      return { inner: run, egress, hops: [...c.hops, ...hops], world: run.world };
    }),
    goToHost: assign(({ context: c }: Ctx) => {
      const io = egressHops(c.egress ?? { type: 'none', why: '' }, c.call, c.options);
      return { io, hops: [...c.hops, ...io.hops] };
    }),
  },
  guards: {
    isDecided: ({ context: c }: Ctx) => c.outcome !== null,
    isLeavingSandbox: ({ context: c }: Ctx) => c.inner !== null && c.egress !== null && reachedHost(c.inner.trace, c.egress),
  },
}).createMachine({
  id: 'sentry',
  context: ({ input }) => ({ ...input, hops: [], outcome: null, inner: null, egress: null, io: null }),
  initial: 'ociSeccomp',
  states: {
    ociSeccomp: { entry: 'checkOciSeccomp', always: [{ guard: 'isDecided', target: 'answered' }, { target: 'syscallTable' }] },
    syscallTable: { entry: 'consultTable', always: [{ guard: 'isDecided', target: 'answered' }, { target: 'kernel' }] },
    kernel: { entry: 'runKernel', always: [{ guard: 'isLeavingSandbox', target: 'io' }, { target: 'answered' }] },
    io: { entry: 'goToHost', always: 'answered' },
    answered: { type: 'final' },
  },
});
