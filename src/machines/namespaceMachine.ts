import { assign, enqueueActions, setup } from 'xstate';
import { nsStanding } from '../sim/kernel/nsOps.ts';
import {
  applyNamespaceEvent, namespaceFacts,
  type NamespaceEmitted, type NamespaceEvent, type NamespaceMachineContext, type NamespaceMachineInput,
} from './namespaceMachineSteps.ts';

export type { NamespaceEmitted, NamespaceEvent, NamespaceMachineContext, NamespaceMachineInput, NsStepOutcome } from './namespaceMachineSteps.ts';

/**
 * One process's namespace set over time. While it lives it is
 * `inInitialNamespaces` (the host's eight) or `isolated`: in at least one
 * namespace of its own, either still `inHostUserNs` (root inside is root on
 * the host, as in a default runc container) or `userNamespaced` (its
 * capabilities count only inside its own user namespace). Each event runs the
 * real syscalls through the kernel's dispatch (unshare; openat + setns + close
 * as nsenter does; clone; exit_group), so the same gates decide: a refused
 * call leaves the state as it was and says why (`ns.refused`); a namespace
 * that changed is reported (`ns.changed`), a child in new ones (`ns.cloned`).
 * The state follows from the world after each event, as cgroupMachine's does.
 * @see namespaces(7), unshare(2), setns(2), clone(2), user_namespaces(7)
 */
export const namespaceMachine = setup({
  types: {
    context: {} as NamespaceMachineContext,
    events: {} as NamespaceEvent,
    input: {} as NamespaceMachineInput,
    emitted: {} as NamespaceEmitted,
  },
  actions: {
    apply: assign(({ context, event }) => applyNamespaceEvent(context, event)),
    report: enqueueActions(({ context, enqueue }) => namespaceFacts(context).forEach((fact) => enqueue.emit(fact))),
  },
  guards: {
    isGone: ({ context }) => nsStanding(context.world, context.pid) === 'gone',
    isInInitialNamespaces: ({ context }) => nsStanding(context.world, context.pid) === 'initial',
    isInHostUserNs: ({ context }) => nsStanding(context.world, context.pid) === 'hostUserNs',
    isUserNamespaced: ({ context }) => nsStanding(context.world, context.pid) === 'userNamespaced',
  },
}).createMachine({
  id: 'namespace',
  context: ({ input }) => ({ world: input.world, pid: input.pid, calls: [], last: null }),
  initial: 'alive',
  states: {
    alive: {
      initial: 'inInitialNamespaces',
      always: { guard: 'isGone', target: 'exited' },
      on: {
        'ns.unshare': { actions: ['apply', 'report'] },
        'ns.setns': { actions: ['apply', 'report'] },
        'ns.clone': { actions: ['apply', 'report'] },
        'ns.exit': { actions: ['apply', 'report'] },
      },
      states: {
        inInitialNamespaces: {
          always: [{ guard: 'isInHostUserNs', target: 'isolated.inHostUserNs' }, { guard: 'isUserNamespaced', target: 'isolated.userNamespaced' }],
        },
        isolated: {
          initial: 'inHostUserNs',
          always: { guard: 'isInInitialNamespaces', target: 'inInitialNamespaces' },
          states: {
            inHostUserNs: { always: { guard: 'isUserNamespaced', target: 'userNamespaced' } },
            userNamespaced: { always: { guard: 'isInHostUserNs', target: 'inHostUserNs' } },
          },
        },
      },
    },
    exited: { type: 'final' },
  },
});
