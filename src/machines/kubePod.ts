import type { OciSpec } from '../sim/oci/spec.ts';
import { findRuntime } from '../sim/runtime/registry.ts';
import { ContainerError } from '../sim/runtime/runcContainer.ts';
import type { ContainerBlueprint } from '../sim/runtime/specContainer.ts';
import type { RuntimeId, Session } from '../sim/runtime/types.ts';
import { containerId, type ContainerRecord, type StackState } from '../sim/stack/containers.ts';
import { dockerImage, specFor } from '../sim/stack/dockerd.ts';
import { DEFAULT_CONTEXT } from '../sim/stack/kubeconfig.ts';
import { kubectlRuntimeClassNotFound } from '../sim/stack/kubectlArgs.ts';
import type { KubectlRun } from '../sim/stack/kubectlRun.ts';
import { apiStatusError } from '../sim/stack/kubectlText.ts';
import { CRI_HANDLERS, podUid, RUNTIME_CLASSES, type PodRecord, type RuntimeClass } from '../sim/stack/kubernetes.ts';
import { podSandboxPlan } from '../sim/stack/kubePlan.ts';
import type { StartStep } from '../sim/stack/startPlan.ts';
import type { CallTrace } from '../sim/trace.ts';
import type { ImageSpec } from '../sim/vfs/images/imageSpec.ts';
import { runStartPlan } from './containerStartMachine.ts';
import type { HostState } from './controlTypes.ts';

/**
 * What both clusters' `kubectl run` share: the API server's part (the
 * RuntimeClass admission, a name taken in that cluster, the image), the ids
 * and the spec the lab writes for the Pod's container, and the records a
 * started Pod leaves. Kubernetes' defaults apply on both nodes: no seccomp
 * profile (Unconfined) unless asked for, the pod's name as its hostname.
 */
export interface PodStarted {
  state: HostState;
  pod: PodRecord | null;
  container: ContainerRecord | null;
  calls: CallTrace[];
  sandboxed: boolean;
  error: string | null;
}

/** A Pod the API server accepted, about to be started on its cluster's node. */
export interface PodBase {
  run: KubectlRun;
  cluster: string;
  /** The RuntimeClass's handler name; '' with no RuntimeClass. */
  handler: string;
  uid: string;
  sandboxId: string;
  appId: string;
  seq: number;
  spec: OciSpec;
  image: ImageSpec;
}

/** The Pods of one cluster (a record with no cluster is lab-containerd's). */
export const clusterPods = (stack: StackState, cluster: string): PodRecord[] => stack.pods.filter((p) => (p.cluster ?? DEFAULT_CONTEXT) === cluster);

export function podPrelude(state: HostState, run: KubectlRun, cluster: string): { ok: true; base: PodBase } | { ok: false; started: PodStarted } {
  const rc = run.runtimeClassName ?? null;
  const cls: RuntimeClass | undefined = rc === null ? { name: '', handler: '' } : RUNTIME_CLASSES.find((c) => c.name === rc);
  const refuse = (message: string) => ({ ok: false as const, started: refused(state, run, message) });
  if (!cls) return refuse(kubectlRuntimeClassNotFound(run.name, rc ?? '').message);
  if (clusterPods(state.stack, cluster).some((p) => p.name === run.name)) return refuse(apiStatusError('AlreadyExists', `pods "${run.name}" already exists`).message);
  const image = dockerImage(run.request.image);
  if (!image.ok) return refuse(`Isolation Lab: the node cannot pull ${run.request.image} (the lab is offline); its images are debian, alpine, gcr.io/distroless/static and gcr.io/distroless/base`);
  const seq = state.stack.made;
  const sandboxId = containerId(seq);
  const appId = containerId(seq + 1);
  // Kubernetes' defaults: Unconfined seccomp, the pod's name as hostname.
  const req = { ...run.request, seccomp: { type: 'unconfined' as const }, hostname: run.name };
  const spec = specFor(req, appId, image.value);
  if (!spec.ok) return refuse(spec.reason);
  return { ok: true, base: { run, cluster, handler: cls.handler, uid: podUid(appId), sandboxId, appId, seq, spec: spec.value, image: image.value } };
}

/** The API server refused the Pod: its part of the path, and its words. */
function refused(state: HostState, run: KubectlRun, message: string): PodStarted {
  const handler = CRI_HANDLERS.runc;
  if (!handler) throw new Error('no runc handler');
  const calls = runStartPlan(podSandboxPlan({ pod: run.name, image: run.request.image, runtimeClassName: run.runtimeClassName ?? null, handler, sandboxKernel: [], ip: '', refusal: message })).calls;
  return { state, pod: null, container: null, calls, sandboxed: false, error: message };
}

/** A sandboxed runtime's own kernel, booted with the container's blueprint; a refusal is the runtime's words. */
export function bootSandbox(runtime: RuntimeId, bp: ContainerBlueprint): { ok: true; session: Session } | { ok: false; message: string } {
  const model = findRuntime(runtime);
  try {
    if (!model) throw new ContainerError(`no ${runtime} runtime`);
    return { ok: true, session: model.boot({ options: {}, container: bp }) };
  } catch (e) {
    if (!(e instanceof ContainerError)) throw e;
    return { ok: false, message: e.message };
  }
}

export const refusalStep = (call: string, message: string): StartStep => ({ state: 'credentialed', call, result: 'error', layer: 'oci-runtime', verdict: 'deny', note: message, costNs: 50_000, source: 'estimate' });

export interface Made { id: string; name: string; image: string; spec: OciSpec; pid: number; sandbox: Session | null; seq: number; runtimeName: string; runtime: RuntimeId }

export const podRecord = (b: PodBase, m: Made): ContainerRecord => ({
  id: m.id, name: m.name, image: m.image, imageRef: m.image, runtimeName: m.runtimeName, runtime: m.runtime, via: 'kubernetes',
  request: b.run.request, spec: m.spec, status: 'running', exitCode: null, pid: m.pid, sandbox: m.sandbox, seq: m.seq,
});

/** The kubelet reports the Pod Running; the API server has it, in its cluster. */
export function finishPod(state: HostState, b: PodBase, f: { host: Session; records: ContainerRecord[]; container: ContainerRecord; calls: CallTrace[]; sandboxed: boolean; handler: string; ip: string; sandboxId: string }): PodStarted {
  const pod: PodRecord = {
    name: b.run.name, namespace: b.run.namespace ?? 'default', uid: b.uid, runtimeClassName: b.run.runtimeClassName ?? null, handler: f.handler,
    sandboxId: f.sandboxId, containerId: b.appId, ip: f.ip, phase: 'Running', seq: b.seq, ...(b.cluster === DEFAULT_CONTEXT ? {} : { cluster: b.cluster }),
  };
  const stack = { ...state.stack, containers: [...state.stack.containers, ...f.records], made: b.seq + 2, pods: [...state.stack.pods, pod] };
  return { state: { host: f.host, stack }, pod, container: f.container, calls: f.calls, sandboxed: f.sandboxed, error: null };
}
