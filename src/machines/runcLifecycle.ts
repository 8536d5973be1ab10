import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import type { OciHook } from '../sim/oci/lifecycle.ts';
import type { ContainerRecord } from '../sim/stack/containers.ts';
import { ociLifecycleMachine, type OciEvent } from './ociLifecycleMachine.ts';

/**
 * A runc container's lifecycle between commands: each `runc …` line loads
 * the container (runc reads its state.json and looks at the init), so the
 * lab puts the OCI lifecycle machine in the state the record is in, sends
 * the line's operation, and reads back the new state, the hooks it passed
 * and runc's refusal, if any.
 */
type Snapshot = SnapshotFrom<typeof ociLifecycleMachine>;

export interface LifecycleStep {
  /** The machine's state after the operation: creating, created, running, stopped or deleted. */
  state: string;
  /** runc's own error when the operation is not allowed now (`cannot start a container that has stopped`). */
  refusal: string | null;
  /** Hook points the operation passed, in order. */
  hooks: OciHook[];
}

/** The events that bring a new container to the record's state. */
function history(c: Pick<ContainerRecord, 'status' | 'pid'>): OciEvent[] {
  const made: OciEvent[] = [{ type: 'oci.create', pid: c.pid }];
  if (c.status === 'created') return made;
  if (c.status === 'running') return [...made, { type: 'oci.start' }];
  return [...made, { type: 'oci.start' }, { type: 'oci.exited', signal: null }];
}

function send(snapshot: Snapshot, event: OciEvent): { snapshot: Snapshot; refusal: string | null } {
  const [next, actions] = transition(ociLifecycleMachine, snapshot, event);
  let refusal: string | null = null;
  for (const a of actions as ReadonlyArray<{ type: string; params?: unknown }>) {
    const emitted = (a.params as { event?: { type: string; reason?: string } } | undefined)?.event;
    if (a.type === 'xstate.emit' && emitted?.type === 'oci.rejected') refusal = emitted.reason ?? 'not allowed now';
  }
  return { snapshot: next, refusal };
}

/** The machine for a container that does not exist yet, or is in the record's state. */
export function lifecycleOf(id: string, bundle: string, record?: Pick<ContainerRecord, 'status' | 'pid'>): Snapshot {
  let [snapshot] = initialTransition(ociLifecycleMachine, { id, bundle });
  for (const e of record ? history(record) : []) snapshot = send(snapshot, e).snapshot;
  return snapshot;
}

/** One operation on the machine. */
export function lifecycleStep(snapshot: Snapshot, event: OciEvent): LifecycleStep & { snapshot: Snapshot } {
  const before = snapshot.context.container.hooksRun.length;
  const sent = send(snapshot, event);
  return { snapshot: sent.snapshot, state: String(sent.snapshot.value), refusal: sent.refusal, hooks: sent.snapshot.context.container.hooksRun.slice(before) };
}
