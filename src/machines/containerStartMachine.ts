import { assign, initialTransition, setup } from 'xstate';
import { START_STATES, type StartState, type StartStep } from '../sim/stack/startPlan.ts';
import type { CallTrace, Hop } from '../sim/trace.ts';

/**
 * A container's start through the stack, as a statechart: the front end's
 * request, the spec, containerd's task and shim, the runtime's namespaces,
 * cgroup, root and credentials, a sandbox's own kernel, the start and the
 * exec. Each state records the plan's steps for it (src/sim/stack) as hops;
 * a state with no steps is passed by; the first refusal ends in `refused`.
 */
export interface StartContext {
  steps: StartStep[];
  hops: Array<Hop & { call: string; result: string }>;
}

type Ctx = { context: StartContext };

const refusedAt = (c: StartContext, state: StartState) => c.steps.some((s) => s.state === state && s.verdict === 'deny');

const toHop = (s: StartStep) => ({ layer: s.layer, verdict: s.verdict, note: s.note, costNs: s.costNs, source: s.source, state: s.state, call: s.call, result: s.result, ...(s.hostEntry ? { hostEntry: s.hostEntry } : {}) });

/** Each state: record its steps, then go on (or stop at a refusal). */
function stateNode(state: StartState, next: StartState | 'running') {
  return {
    entry: { type: 'record' as const, params: { state } },
    always: [{ guard: { type: 'isRefusedAt' as const, params: { state } }, target: 'refused' }, { target: next }],
  };
}

const states = Object.fromEntries(START_STATES.map((s, i) => [s, stateNode(s, START_STATES[i + 1] ?? 'running')]));

export const containerStartMachine = setup({
  types: { context: {} as StartContext, input: {} as { steps: StartStep[] } },
  actions: {
    record: assign(({ context: c }: Ctx, p: { state: StartState }) => ({ hops: [...c.hops, ...c.steps.filter((s) => s.state === p.state).map(toHop)] })),
  },
  guards: {
    isRefusedAt: ({ context: c }: Ctx, p: { state: StartState }) => refusedAt(c, p.state),
  },
}).createMachine({
  id: 'containerStart',
  context: ({ input }) => ({ steps: input.steps, hops: [] }),
  initial: 'requested',
  states: { ...states, running: { type: 'final' }, refused: { type: 'final' } },
});

/**
 * Runs a start plan headless; its hops grouped into the calls the terminal
 * prints, one per line, a refused call carrying the refusal as its reason.
 */
export function runStartPlan(steps: StartStep[]): { calls: CallTrace[]; refused: boolean } {
  const [snapshot] = initialTransition(containerStartMachine, { steps });
  const calls: CallTrace[] = [];
  for (const h of snapshot.context.hops) {
    const { call, result, ...hop } = h;
    let last = calls.at(-1);
    if (!last || last.name !== call) {
      last = { name: call, line: `${call} = ${result}`, retval: 0, errno: null, hops: [], deniedBy: null, reason: null, servedBy: 'host' };
      calls.push(last);
    }
    last.hops.push(hop);
    if (hop.verdict === 'deny') Object.assign(last, { line: `${call} = error`, retval: null, deniedBy: hop.layer, reason: hop.note });
  }
  return { calls, refused: snapshot.value === 'refused' };
}
