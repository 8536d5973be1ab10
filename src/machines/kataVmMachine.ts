import { assign, initialTransition, setup } from 'xstate';
import type { RuntimeOptions } from '../sim/runtime/types.ts';
import type { Hop } from '../sim/trace.ts';
import { kataBootSequence, type BootStep, type KataBootState } from '../sim/kata/bootSequence.ts';

/**
 * A Kata sandbox's start, as a statechart: the shim, virtiofsd (virtio-fs
 * only), the VMM, the guest kernel and kata-agent, then the shim's ttRPC
 * calls to the agent. Each state records the boot sequence's steps for it
 * (kataBootSequence in src/sim) as hops; states a configuration skips
 * (virtiofsd without virtio-fs, CopyFile unless Firecracker) are passed by.
 */
export interface KataVmContext {
  steps: BootStep[];
  hops: Hop[];
}

type Ctx = { context: KataVmContext };

const stepHop = (s: BootStep): Hop => {
  const rpc = s.rpc ? ` [${s.rpc.service}.${s.rpc.name}]` : '';
  return { layer: s.layer, verdict: 'handled', note: `${s.note}${rpc}`, costNs: s.costNs, source: s.source, state: s.state };
};

const has = (c: KataVmContext, state: KataBootState) => c.steps.some((s) => s.state === state);

const record = (state: KataBootState) => ({ type: 'recordSteps' as const, params: { state } });

export const kataVmMachine = setup({
  types: {
    context: {} as KataVmContext,
    input: {} as { steps: BootStep[] },
  },
  actions: {
    recordSteps: assign(({ context: c }: Ctx, p: { state: KataBootState }) => ({ hops: [...c.hops, ...c.steps.filter((s) => s.state === p.state).map(stepHop)] })),
  },
  guards: {
    hasSharedFsDaemon: ({ context: c }: Ctx) => has(c, 'sharedFsDaemon'),
    mustCopyFiles: ({ context: c }: Ctx) => has(c, 'filesCopied'),
  },
}).createMachine({
  id: 'kataVm',
  context: ({ input }) => ({ steps: input.steps, hops: [] }),
  initial: 'shimStarted',
  states: {
    shimStarted: { entry: record('shimStarted'), always: [{ guard: 'hasSharedFsDaemon', target: 'sharedFsDaemon' }, { target: 'hypervisorStarted' }] },
    sharedFsDaemon: { entry: record('sharedFsDaemon'), always: 'hypervisorStarted' },
    hypervisorStarted: { entry: record('hypervisorStarted'), always: 'guestBooted' },
    guestBooted: { entry: record('guestBooted'), always: 'agentReady' },
    agentReady: { entry: record('agentReady'), always: 'networkConfigured' },
    networkConfigured: { entry: record('networkConfigured'), always: 'sandboxCreated' },
    sandboxCreated: { entry: record('sandboxCreated'), always: [{ guard: 'mustCopyFiles', target: 'filesCopied' }, { target: 'containerCreated' }] },
    filesCopied: { entry: record('filesCopied'), always: 'containerCreated' },
    containerCreated: { entry: record('containerCreated'), always: 'containerStarted' },
    containerStarted: { entry: record('containerStarted'), type: 'final' },
  },
});

/** The boot for these options, run headless: the hops in the order the machine recorded them, and their total. */
export function runKataBoot(options: RuntimeOptions = {}): { hops: Hop[]; totalNs: number } {
  const [snapshot] = initialTransition(kataVmMachine, { steps: kataBootSequence(options).steps });
  const hops = snapshot.context.hops;
  return { hops, totalNs: hops.reduce((s, h) => s + h.costNs, 0) };
}
