import type { StackState } from '../sim/stack/containers.ts';
import type { StackKind } from '../sim/stack/layers.ts';
import type { RuntimeId, Session } from '../sim/runtime/types.ts';
import type { CallTrace } from '../sim/trace.ts';
import type { InputProblem } from './inputProblem.ts';

/** The container a terminal is attached to: which one, and which of its processes (init or an exec'd shell). */
export interface Attach {
  id: string;
  name: string;
  runtime: RuntimeId;
  pid: number;
  image: string;
}

/** The lab's host as the container engines see it: its kernel (the host session) and what they have made. */
export interface HostState {
  host: Session;
  stack: StackState;
}

/**
 * What one control-plane line did (`docker run …`, `docker ps`, `kubectl
 * run …`): the engines' new state, the path through the stack (its calls
 * drawn on the stack's layers), calls made inside a container (drawn on its
 * runtime's layers), what the tool printed, and where the terminal goes.
 */
export interface ControlRun extends HostState {
  path: { kind: StackKind; sandboxed: boolean; calls: CallTrace[] } | null;
  inner: { runtime: RuntimeId; calls: CallTrace[] } | null;
  stdout: string;
  stderr: string;
  status: number;
  /** The container to attach to; null to detach; absent: unchanged. */
  attach?: Attach | null;
}

/** A refusal carries its problem as data when the lab worded it (a line the tokenizer could not read), so the store can word it per language. */
export type ControlResult = { ok: true; value: ControlRun } | { ok: false; message: string; column?: number; problem?: InputProblem };

/** The programs that talk to the container engines on the host. */
export const CONTROL_PROGRAMS = ['docker', 'podman', 'kubectl', 'runc'] as const;
