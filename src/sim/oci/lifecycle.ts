import type { SimResult } from '../result.ts';

/**
 * The OCI runtime lifecycle (runtime-spec runtime.md "Lifecycle" and "State"):
 * creating → created → running → stopped, then deleted. Hooks run at fixed
 * points: createRuntime and createContainer during create (prestart is the
 * deprecated name of the first), startContainer and poststart around start,
 * poststop after delete.
 * @see https://github.com/opencontainers/runtime-spec/blob/main/runtime.md
 */
export type OciStatus = 'creating' | 'created' | 'running' | 'stopped';

export type OciHook = 'prestart' | 'createRuntime' | 'createContainer' | 'startContainer' | 'poststart' | 'poststop';

export type OciOperation = 'create' | 'start' | 'kill' | 'delete' | 'state';

export interface OciContainerState {
  ociVersion: string;
  id: string;
  status: OciStatus;
  /** The container process's pid on the host; 0 once stopped. */
  pid: number;
  bundle: string;
  /** Hooks run so far, in order: what the lifecycle view lists. */
  hooksRun: OciHook[];
  exitSignal: string | null;
}

export function newContainerState(id: string, bundle: string): OciContainerState {
  return { ociVersion: '1.2.1', id, status: 'creating', pid: 0, bundle, hooksRun: [], exitSignal: null };
}

/** The hooks that run when an operation completes (runtime.md, "Lifecycle" steps). */
export const HOOKS_FOR: Record<'create' | 'start' | 'delete', OciHook[]> = {
  create: ['prestart', 'createRuntime', 'createContainer'],
  start: ['startContainer', 'poststart'],
  delete: ['poststop'],
};

/**
 * Whether `op` is allowed in `status`, with runc's own error text when it is not
 * (runc start.go, delete.go, kill.go).
 */
export function checkOperation(op: OciOperation, s: OciContainerState, force = false): SimResult<true> {
  const err = (reason: string): SimResult<true> => ({ ok: false, errno: 'EINVAL', reason });
  switch (op) {
    case 'start':
      if (s.status === 'created') return { ok: true, value: true };
      if (s.status === 'running') return err('cannot start an already running container');
      if (s.status === 'stopped') return err('cannot start a container that has stopped');
      return err(`cannot start a container in the ${s.status} state`);
    case 'kill':
      if (s.status === 'created' || s.status === 'running') return { ok: true, value: true };
      return err('container not running');
    case 'delete':
      if (s.status === 'stopped' || s.status === 'created' || force) return { ok: true, value: true };
      return err(`cannot delete container ${s.id} that is not stopped: ${s.status}`);
    default:
      return { ok: true, value: true };
  }
}

export function withStatus(s: OciContainerState, status: OciStatus, pid = s.pid): OciContainerState {
  return { ...s, status, pid: status === 'stopped' ? 0 : pid };
}

export function withHooks(s: OciContainerState, stage: keyof typeof HOOKS_FOR): OciContainerState {
  return { ...s, hooksRun: [...s.hooksRun, ...HOOKS_FOR[stage]] };
}

/** `runc state ID` output (runtime-spec "State"). */
export function stateJson(s: OciContainerState): string {
  const { ociVersion, id, status, pid, bundle } = s;
  return JSON.stringify({ ociVersion, id, status, pid, bundle }, null, 2);
}
