import { assign, setup } from 'xstate';
import type { Hop } from '../sim/trace.ts';
import type { SyscallCall } from '../sim/syscalls/args.ts';
import type { World } from '../sim/kernel/world.ts';
import type { CheckPhase, CheckResult } from '../sim/kernel/handlers/types.ts';
import {
  appHop, checkHop, entryHop, executeHop, isKernelUnimplemented, libcHop, runCheck, runExecute,
  runSeccomp, unimplementedHop, type DispatchOutcome,
} from '../sim/kernel/dispatch.ts';
import { returnHop, withTime } from '../sim/kernel/dispatchResult.ts';

/**
 * The Linux kernel's syscall path: user space → syscall entry → seccomp →
 * (no such syscall: ENOSYS) → the handler's checks (namespaces, capabilities, cgroups, VFS) → the work →
 * return. Each state records one hop; the deny branches leave early with the
 * errno the kernel would return. Used for `host` and `runc` alike: what
 * differs is the calling process (its seccomp filter, namespaces, capabilities).
 */
export interface KernelDispatchContext {
  world: World;
  pid: number;
  call: SyscallCall;
  hops: Hop[];
  outcome: DispatchOutcome | null;
  check: CheckResult | null;
}

type Ctx = { context: KernelDispatchContext };

const check = (phase: CheckPhase) => ({
  entry: { type: 'runCheck' as const, params: { phase } },
  always: [
    { guard: 'isTerminated' as const, target: '#kernelDispatch.killed' },
    { guard: 'isCheckDenied' as const, target: '#kernelDispatch.returning' },
  ],
});

export const kernelDispatchMachine = setup({
  types: {
    context: {} as KernelDispatchContext,
    input: {} as { world: World; pid: number; call: SyscallCall },
  },
  actions: {
    hopApp: assign({ hops: ({ context: c }: Ctx) => [...c.hops, appHop(c.world, c.pid, c.call)] }),
    hopLibc: assign({ hops: ({ context: c }: Ctx) => [...c.hops, libcHop(c.call)] }),
    hopEntry: assign({ hops: ({ context: c }: Ctx) => [...c.hops, entryHop(c.call)] }),
    refuseUnimplemented: assign(({ context: c }: Ctx) => ({
      hops: [...c.hops, unimplementedHop(c.call)],
      outcome: { retval: -1, errno: 'ENOSYS' as const, deniedBy: 'kernel', reason: `kernel: ${c.call.name} is not implemented (sys_ni_syscall)` },
    })),
    runSeccomp: assign(({ context: c }: Ctx) => {
      const gate = runSeccomp(c.world, c.pid, c.call);
      return { hops: [...c.hops, gate.hop], outcome: gate.outcome };
    }),
    runCheck: assign(({ context: c }: Ctx, params: { phase: CheckPhase }) => {
      const r = runCheck(params.phase, c);
      if (!r) return { check: null };
      const outcome = r.ok ? null : { retval: -1, errno: r.errno, deniedBy: params.phase, reason: r.reason, terminated: r.terminated };
      const world = r.world ?? c.world;
      return { check: r, hops: [...c.hops, checkHop(params.phase, r)], outcome, world };
    }),
    runExecute: assign(({ context: c }: Ctx) => {
      const r = runExecute(c);
      const outcome: DispatchOutcome = {
        retval: r.retval, errno: r.errno, deniedBy: r.errno ? 'kernel' : null, reason: r.reason ?? null,
        annotation: r.annotation, outArgs: r.outArgs, data: r.data, terminated: r.terminated,
      };
      return { world: r.world, hops: [...c.hops, executeHop(c.call, r)], outcome };
    }),
    hopReturn: assign(({ context: c }: Ctx) => ({ hops: [...c.hops, returnHop(c.outcome)], world: withTime(c.world, c.hops) })),
    hopKilled: assign(({ context: c }: Ctx) => ({ hops: [...c.hops, { ...returnHop(c.outcome), state: 'killed' }], world: withTime(c.world, c.hops) })),
  },
  guards: {
    isUnimplemented: ({ context: c }: Ctx) => isKernelUnimplemented(c.call),
    isDecided: ({ context: c }: Ctx) => c.outcome !== null,
    isCheckDenied: ({ context: c }: Ctx) => c.check !== null && !c.check.ok,
    isTerminated: ({ context: c }: Ctx) => c.outcome?.terminated !== undefined,
  },
}).createMachine({
  id: 'kernelDispatch',
  context: ({ input }) => ({ ...input, hops: [], outcome: null, check: null }),
  initial: 'userSpace',
  states: {
    userSpace: { entry: 'hopApp', always: 'libc' },
    libc: { entry: 'hopLibc', always: 'syscallEntry' },
    syscallEntry: { entry: 'hopEntry', always: 'seccomp' },
    // The filter runs in syscall_trace_enter(), before the table dispatch: a number with no handler meets it first.
    seccomp: {
      entry: 'runSeccomp',
      always: [
        { guard: 'isTerminated', target: 'killed' },
        { guard: 'isDecided', target: 'returning' },
        { guard: 'isUnimplemented', target: 'notImplemented' },
        { target: 'handler' },
      ],
    },
    notImplemented: { entry: 'refuseUnimplemented', always: 'returning' },
    handler: {
      initial: 'namespaces',
      states: {
        namespaces: { ...check('namespaces'), always: [...check('namespaces').always, { target: 'capabilities' }] },
        capabilities: { ...check('capabilities'), always: [...check('capabilities').always, { target: 'cgroups' }] },
        cgroups: { ...check('cgroups'), always: [...check('cgroups').always, { target: 'vfs' }] },
        vfs: { ...check('vfs'), always: [...check('vfs').always, { target: 'execute' }] },
        execute: {
          entry: 'runExecute',
          always: [{ guard: 'isTerminated', target: '#kernelDispatch.killed' }, { target: '#kernelDispatch.returning' }],
        },
      },
    },
    returning: { entry: 'hopReturn', type: 'final' },
    killed: { entry: 'hopKilled', type: 'final' },
  },
});
