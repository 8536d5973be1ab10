import { assign, emit, setup } from 'xstate';
import {
  checkOperation, newContainerState, withHooks, withStatus,
  type OciContainerState, type OciOperation,
} from '../sim/oci/lifecycle.ts';

/**
 * One OCI container's lifecycle as runc walks it (runtime-spec runtime.md):
 * creating → created → running → stopped → deleted. An operation the current
 * state does not allow is refused with runc's own message (`oci.rejected`).
 */
export type OciEvent =
  | { type: 'oci.create'; pid: number }
  | { type: 'oci.start' }
  | { type: 'oci.kill'; signal: string }
  | { type: 'oci.exited'; signal: string | null }
  | { type: 'oci.delete'; force?: boolean };

export type OciEmitted =
  | { type: 'oci.rejected'; operation: OciOperation; reason: string }
  | { type: 'oci.hooksRan'; hooks: string[] };

const opOf = (e: OciEvent): OciOperation =>
  e.type === 'oci.create' ? 'create' : e.type === 'oci.start' ? 'start' : e.type === 'oci.kill' ? 'kill' : e.type === 'oci.delete' ? 'delete' : 'state';

export const ociLifecycleMachine = setup({
  types: {
    context: {} as { container: OciContainerState },
    events: {} as OciEvent,
    input: {} as { id: string; bundle: string },
    emitted: {} as OciEmitted,
  },
  actions: {
    markCreated: assign({ container: ({ context, event }) => withHooks(withStatus(context.container, 'created', event.type === 'oci.create' ? event.pid : 0), 'create') }),
    markRunning: assign({ container: ({ context }) => withHooks(withStatus(context.container, 'running'), 'start') }),
    markStopped: assign({ container: ({ context, event }) => ({ ...withStatus(context.container, 'stopped'), exitSignal: event.type === 'oci.kill' || event.type === 'oci.exited' ? event.signal : null }) }),
    markDeleted: assign({ container: ({ context }) => withHooks(withStatus(context.container, 'stopped'), 'delete') }),
    reportHooks: emit(({ context }) => ({ type: 'oci.hooksRan' as const, hooks: context.container.hooksRun })),
    reject: emit(({ context, event }) => {
      const check = checkOperation(opOf(event), context.container, event.type === 'oci.delete' && event.force === true);
      return { type: 'oci.rejected' as const, operation: opOf(event), reason: check.ok ? 'not allowed now' : check.reason };
    }),
  },
  guards: {
    isForced: ({ event }) => event.type === 'oci.delete' && event.force === true,
    isFatalSignal: ({ event }) => event.type === 'oci.kill' && event.signal !== 'SIGCONT' && event.signal !== '0',
  },
}).createMachine({
  id: 'ociLifecycle',
  context: ({ input }) => ({ container: newContainerState(input.id, input.bundle) }),
  initial: 'creating',
  on: {
    'oci.start': { actions: 'reject' },
    'oci.kill': { actions: 'reject' },
    'oci.delete': { actions: 'reject' },
    'oci.create': { actions: 'reject' },
  },
  states: {
    creating: { on: { 'oci.create': { target: 'created', actions: ['markCreated', 'reportHooks'] } } },
    created: {
      on: {
        'oci.start': { target: 'running', actions: ['markRunning', 'reportHooks'] },
        'oci.kill': { guard: 'isFatalSignal', target: 'stopped', actions: 'markStopped' },
        'oci.delete': { target: 'deleted', actions: ['markDeleted', 'reportHooks'] },
      },
    },
    running: {
      on: {
        'oci.kill': { guard: 'isFatalSignal', target: 'stopped', actions: 'markStopped' },
        'oci.exited': { target: 'stopped', actions: 'markStopped' },
        'oci.delete': [{ guard: 'isForced', target: 'deleted', actions: ['markDeleted', 'reportHooks'] }, { actions: 'reject' }],
      },
    },
    stopped: { on: { 'oci.delete': { target: 'deleted', actions: ['markDeleted', 'reportHooks'] } } },
    deleted: { type: 'final' },
  },
});
