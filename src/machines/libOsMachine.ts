import { assign, setup } from 'xstate';
import { resolveRoute } from '../sim/nabla/libosCalls.ts';
import type { IoStep } from '../sim/nabla/solo5Hops.ts';
import {
  appStep, endStep, entryStep, initialLibOsContext, ioStep, libcStep, missingStep, nextStepIs, ownStep, returnStep,
  rumpKernelStep, stubStep, type LibOsContext, type LibOsInput,
} from './libOsMachineSteps.ts';

/**
 * The library-OS boundary: a call from the program into its own libc and
 * rump kernel (function calls in one address space), then the Solo5 I/O the
 * libOS makes, each through the tender's seccomp filter into the host kernel
 * (spt), or as a VM exit the tender serves (hvt).
 *
 * userSpace → libc → (stubbed: rumprun's libc refuses) | libos →
 *   (notSupported: ENOSYS) | ownCode (rumprun's own) | rumpKernel (NetBSD's work)
 *   → io ⟲ [(libosIo) → binding → (vmExit → tenderHandler) → tenderSyscall… → (resume)] | repeat
 *   → returning | exited (the unikernel halted) | killed (the filter killed the tender)
 *
 * Each state records its hops on entry; `io` only routes to the next step.
 */
type Ctx = { context: LibOsContext };
const next = (type: IoStep['type']) => ({ type: 'isNext' as const, params: { type } });

export const libOsMachine = setup({
  types: { context: {} as LibOsContext, input: {} as LibOsInput },
  actions: {
    hopApp: assign(({ context: c }: Ctx) => appStep(c)),
    hopLibc: assign(({ context: c }: Ctx) => libcStep(c, resolveRoute(c.call))),
    hopEntry: assign(({ context: c }: Ctx) => entryStep(c)),
    runStub: assign(({ context: c }: Ctx) => stubStep(c)),
    runMissing: assign(({ context: c }: Ctx) => missingStep(c)),
    runOwn: assign(({ context: c }: Ctx) => ownStep(c)),
    runRumpKernel: assign(({ context: c }: Ctx) => rumpKernelStep(c)),
    runIo: assign(({ context: c }: Ctx) => ioStep(c)),
    hopReturn: assign(({ context: c }: Ctx) => returnStep(c)),
    hopExited: assign(({ context: c }: Ctx) => endStep(c, 'exited')),
    hopKilled: assign(({ context: c }: Ctx) => endStep(c, 'killed')),
  },
  guards: {
    isStub: ({ context: c }: Ctx) => c.route?.type === 'stub',
    isMissing: ({ context: c }: Ctx) => c.route?.type === 'missing',
    isOwn: ({ context: c }: Ctx) => c.route?.type === 'own',
    isNext: ({ context: c }: Ctx, params: { type: IoStep['type'] }) => nextStepIs(c, params.type),
    isKilled: ({ context: c }: Ctx) => c.killed !== null,
    isHalting: ({ context: c }: Ctx) => c.halts !== null,
  },
}).createMachine({
  id: 'libOs',
  context: ({ input }) => initialLibOsContext(input),
  initial: 'userSpace',
  states: {
    userSpace: { entry: 'hopApp', always: 'libc' },
    libc: { entry: 'hopLibc', always: [{ guard: 'isStub', target: 'stubbed' }, { target: 'libos' }] },
    stubbed: { entry: 'runStub', always: 'io' },
    libos: {
      entry: 'hopEntry',
      always: [{ guard: 'isMissing', target: 'notSupported' }, { guard: 'isOwn', target: 'ownCode' }, { target: 'rumpKernel' }],
    },
    notSupported: { entry: 'runMissing', always: 'io' },
    ownCode: { entry: 'runOwn', always: 'io' },
    rumpKernel: { entry: 'runRumpKernel', always: 'io' },
    io: {
      always: [
        { guard: 'isKilled', target: 'killed' },
        { guard: next('libos'), target: 'libosIo' },
        { guard: next('binding'), target: 'binding' },
        { guard: next('vmExit'), target: 'vmExit' },
        { guard: next('handler'), target: 'tenderHandler' },
        { guard: next('host'), target: 'tenderSyscall' },
        { guard: next('resume'), target: 'resume' },
        { guard: next('repeat'), target: 'repeat' },
        { guard: 'isHalting', target: 'exited' },
        { target: 'returning' },
      ],
    },
    libosIo: { entry: 'runIo', always: 'io' },
    binding: { entry: 'runIo', always: 'io' },
    vmExit: { entry: 'runIo', always: 'io' },
    tenderHandler: { entry: 'runIo', always: 'io' },
    tenderSyscall: { entry: 'runIo', always: 'io' },
    resume: { entry: 'runIo', always: 'io' },
    repeat: { entry: 'runIo', always: 'io' },
    returning: { entry: 'hopReturn', type: 'final' },
    exited: { entry: 'hopExited', type: 'final' },
    killed: { entry: 'hopKilled', type: 'final' },
  },
});
