import { readRuncState } from '../sim/oci/bundleState.ts';
import type { RuncListed } from '../sim/oci/bundleText.ts';
import type { OciSpec } from '../sim/oci/spec.ts';
import type { ContainerRecord, StackState } from '../sim/stack/containers.ts';
import type { RunRequest } from '../sim/stack/runRequest.ts';
import type { Attach, HostState } from './controlTypes.ts';

/**
 * The containers runc's own command line made, as the engines' records
 * (via `runc`): the record's name is runc's container ID; its 64-digit id
 * only names the lab's plumbing (cgroup scope, overlay). runc knows only
 * the containers in its root (/run/runc): not Docker's, which live under
 * containerd's root.
 */
export function runcRecord(m: { hexId: string; id: string; image: string; spec: OciSpec; pid: number; seq: number; status: ContainerRecord['status']; request: RunRequest }): ContainerRecord {
  return {
    id: m.hexId, name: m.id, image: m.image, imageRef: m.image, runtimeName: 'runc', runtime: 'runc', via: 'runc',
    request: m.request, spec: m.spec, status: m.status, exitCode: null, pid: m.pid, sandbox: null, seq: m.seq,
  };
}

export function findRunc(stack: StackState, id: string): ContainerRecord | undefined {
  return stack.containers.find((c) => c.via === 'runc' && c.name === id);
}

export const ociStatus = (c: ContainerRecord): RuncListed['status'] => (c.status === 'exited' ? 'stopped' : c.status);

/** What `runc state` and `runc list` report for a container: the record, and what its state.json says. */
export function listed(state: HostState, root: string, c: ContainerRecord): RuncListed {
  const file = readRuncState(state.host.world, state.host.pid, root, c.name);
  return {
    ociVersion: file?.ociVersion ?? c.spec.ociVersion, id: c.name, pid: c.pid, status: ociStatus(c),
    bundle: file?.bundle ?? '', rootfs: file?.rootfs ?? '', created: file?.created ?? '', owner: 'root',
  };
}

export const attachOf = (c: ContainerRecord): Attach => ({ id: c.id, name: c.name, runtime: c.runtime, pid: c.pid, image: c.image });
