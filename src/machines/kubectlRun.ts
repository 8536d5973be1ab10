import type { OciSpec } from '../sim/oci/spec.ts';
import { findRuntime } from '../sim/runtime/registry.ts';
import { findExecutable } from '../sim/runtime/imageExec.ts';
import { ContainerError } from '../sim/runtime/runcContainer.ts';
import { createSpecContainer, type ContainerBlueprint } from '../sim/runtime/specContainer.ts';
import type { Session } from '../sim/runtime/types.ts';
import { containerId, type ContainerRecord } from '../sim/stack/containers.ts';
import { dockerImage, specFor } from '../sim/stack/dockerd.ts';
import { kubectlRuntimeClassNotFound } from '../sim/stack/kubectlArgs.ts';
import type { KubectlRun } from '../sim/stack/kubectlRun.ts';
import { apiStatusError } from '../sim/stack/kubectlText.ts';
import { CNI_BRIDGE, containerScope, CRI_HANDLERS, PAUSE_IMAGE, podUid, RUNTIME_CLASSES, type CriHandler, type PodRecord } from '../sim/stack/kubernetes.ts';
import { podContainerPlan, podSandboxPlan } from '../sim/stack/kubePlan.ts';
import { defaultRequest } from '../sim/stack/runRequest.ts';
import { runcCreateSteps } from '../sim/stack/runcSteps.ts';
import { kataSteps, runscSteps } from '../sim/stack/sandboxSteps.ts';
import type { StartStep } from '../sim/stack/startPlan.ts';
import { sentryFilter } from '../sim/gvisor/sentryFilter.ts';
import type { CallTrace } from '../sim/trace.ts';
import type { ImageSpec } from '../sim/vfs/images/imageSpec.ts';
import { runStartPlan } from './containerStartMachine.ts';
import type { HostState } from './controlTypes.ts';

/**
 * `kubectl run`: the API server takes the Pod, the kubelet asks containerd
 * over CRI for the sandbox (the pause container; runsc's Sentry; Kata's VM)
 * and then the container in it. A runc pod's container joins the pause
 * container's network, IPC and UTS namespaces; a sandboxed pod's container
 * is made inside the sandbox's kernel. Kubernetes' own defaults apply: no
 * seccomp profile (Unconfined) unless asked for, the pod's hostname is its name.
 */
export interface PodStarted {
  state: HostState;
  pod: PodRecord | null;
  container: ContainerRecord | null;
  calls: CallTrace[];
  sandboxed: boolean;
  error: string | null;
}

export function kubectlRunPod(state: HostState, run: KubectlRun): PodStarted {
  const rc = run.runtimeClassName ?? null;
  const cls = rc === null ? { name: '', handler: 'runc' } : RUNTIME_CLASSES.find((c) => c.name === rc);
  const handler = CRI_HANDLERS[cls?.handler ?? 'runc'] ?? CRI_HANDLERS.runc;
  if (!handler) throw new Error('no runc handler');
  const base = { pod: run.name, image: run.request.image, runtimeClassName: rc, handler, sandboxKernel: [], ip: '' };
  const refuse = (message: string): PodStarted => ({ state, pod: null, container: null, calls: runStartPlan(podSandboxPlan({ ...base, refusal: message })).calls, sandboxed: false, error: message });
  if (!cls) return refuse(kubectlRuntimeClassNotFound(run.name, rc ?? '').message);
  if (state.stack.pods.some((p) => p.name === run.name)) return refuse(apiStatusError('AlreadyExists', `pods "${run.name}" already exists`).message);
  const image = dockerImage(run.request.image);
  if (!image.ok) return refuse(`Isolation Lab: the node cannot pull ${run.request.image} (the lab is offline); its images are debian, alpine and distroless`);
  const seq = state.stack.made;
  const sandboxId = containerId(seq);
  const appId = containerId(seq + 1);
  const uid = podUid(appId);
  const ip = `${CNI_BRIDGE.net}.${2 + state.stack.pods.filter((p) => p.handler === 'runc').length}`;
  // Kubernetes' defaults: Unconfined seccomp, the pod's name as hostname.
  const req = { ...run.request, seccomp: { type: 'unconfined' as const }, hostname: run.name };
  const appSpec = specFor(req, appId, image.value);
  if (!appSpec.ok) return refuse(appSpec.reason);
  return handler.kind === 'runc'
    ? runcPod(state, { run, handler, uid, ip, sandboxId, appId, seq, spec: appSpec.value, image: image.value })
    : sandboxPod(state, { run, handler, uid, ip, sandboxId, appId, seq, spec: appSpec.value, image: image.value });
}

interface Pod { run: KubectlRun; handler: CriHandler; uid: string; ip: string; sandboxId: string; appId: string; seq: number; spec: OciSpec; image: ImageSpec }

/** containerd CRI's namespaces: the sandbox has pid, ipc, uts, mount, network and cgroup; no time namespace. */
const CRI_NAMESPACES = ['pid', 'ipc', 'uts', 'mount', 'network', 'cgroup'] as const;

function runcPod(state: HostState, p: Pod): PodStarted {
  const pauseSpec = specFor({ ...defaultRequest(PAUSE_IMAGE.ref), command: ['/pause'], seccomp: { type: 'unconfined' }, hostname: p.run.name }, p.sandboxId, PAUSE_IMAGE);
  if (!pauseSpec.ok) throw new Error(pauseSpec.reason);
  const sandboxSpec: OciSpec = { ...pauseSpec.value, linux: { ...pauseSpec.value.linux, namespaces: CRI_NAMESPACES.map((type) => ({ type })) } };
  const pauseBp: ContainerBlueprint = { id: p.sandboxId, spec: sandboxSpec, image: PAUSE_IMAGE, filter: null, network: 'bridge', bridge: CNI_BRIDGE, shim: p.handler.shim, cgroupPath: containerScope(p.uid, p.sandboxId) };
  const pause = createSpecContainer(state.host.world, pauseBp);
  if (!pause.ok) throw new Error(pause.reason);
  const joined = (['network', 'ipc', 'uts'] as const).map((type) => ({ type, path: `/proc/${pause.value.pid}/ns/${type === 'network' ? 'net' : type}` }));
  const appSpec: OciSpec = { ...p.spec, linux: { ...p.spec.linux, namespaces: [{ type: 'pid' }, { type: 'mount' }, { type: 'cgroup' }, ...joined] } };
  const appBp: ContainerBlueprint = { id: p.appId, spec: appSpec, image: p.image, filter: null, network: 'bridge', shim: p.handler.shim, cgroupPath: containerScope(p.uid, p.appId) };
  const app = createSpecContainer(pause.value.world, appBp);
  const sandboxKernel = runcCreateSteps({ spec: sandboxSpec, id: p.sandboxId, hostPid: pause.value.pid, cgroupPath: containerScope(p.uid, p.sandboxId), filterRules: null });
  const first = runStartPlan(podSandboxPlan({ pod: p.run.name, image: p.run.request.image, runtimeClassName: p.run.runtimeClassName ?? null, handler: p.handler, refusal: null, sandboxKernel, ip: p.ip })).calls;
  const hostPid = app.ok ? app.value.pid : pause.value.world.nextPid;
  const kernel = runcCreateSteps({ spec: appSpec, id: p.appId, hostPid, cgroupPath: containerScope(p.uid, p.appId), filterRules: null });
  const exe = findExecutable(p.image, appSpec.process.args[0] ?? '', appSpec.process.env);
  if (!app.ok || !exe) {
    const message = app.ok ? 'executable file not found' : app.reason;
    return { state, pod: null, container: null, calls: [...first, ...runStartPlan([...kernel, refusalStep(message)]).calls], sandboxed: false, error: message };
  }
  const second = runStartPlan(podContainerPlan(p.handler, appSpec, kernel, { path: exe.path, argv: appSpec.process.args })).calls;
  const sandbox = record(p, p.sandboxId, `${p.run.name}-sandbox`, PAUSE_IMAGE.ref, sandboxSpec, pause.value.pid, null, p.seq);
  const container = record(p, p.appId, p.run.name, p.run.request.image, appSpec, app.value.pid, null, p.seq + 1);
  return finishPod(state, p, { ...state.host, world: app.value.world }, [sandbox, container], container, [...first, ...second], false);
}

function sandboxPod(state: HostState, p: Pod): PodStarted {
  const model = findRuntime(p.handler.runtime);
  const bp: ContainerBlueprint = { id: p.appId, spec: p.spec, image: p.image, filter: null, network: 'bridge', shim: p.handler.shim, cgroupPath: containerScope(p.uid, p.appId) };
  let session: Session;
  try {
    if (!model) throw new ContainerError(`no ${p.handler.runtime} runtime`);
    session = model.boot({ options: {}, container: bp });
  } catch (e) {
    if (!(e instanceof ContainerError)) throw e;
    return { state, pod: null, container: null, calls: [], sandboxed: true, error: e.message };
  }
  const sandboxKernel: StartStep[] = p.handler.kind === 'runsc' ? runscSteps(p.spec, sentryFilter({}).size, false) : kataSteps(p.spec, findRuntime('kata')?.bootSteps?.() ?? [], false);
  const first = runStartPlan(podSandboxPlan({ pod: p.run.name, image: p.run.request.image, runtimeClassName: p.run.runtimeClassName ?? null, handler: p.handler, refusal: null, sandboxKernel: sandboxKernel.filter((s) => s.call !== 'CreateContainer'), ip: p.ip })).calls;
  const exe = findExecutable(p.image, p.spec.process.args[0] ?? '', p.spec.process.env);
  const inside = sandboxKernel.filter((s) => s.call === 'CreateContainer');
  const second = runStartPlan(podContainerPlan(p.handler, p.spec, inside, { path: exe?.path ?? '', argv: p.spec.process.args })).calls;
  const container = record(p, p.appId, p.run.name, p.run.request.image, p.spec, session.pid, session, p.seq + 1);
  return finishPod(state, p, state.host, [container], container, [...first, ...second], true);
}

const refusalStep = (message: string): StartStep => ({ state: 'credentialed', call: 'CreateContainer', result: 'error', layer: 'oci-runtime', verdict: 'deny', note: message, costNs: 50_000, source: 'estimate' });

function record(p: Pod, id: string, name: string, image: string, spec: OciSpec, pid: number, sandbox: Session | null, seq: number): ContainerRecord {
  return { id, name, image, imageRef: image, runtimeName: p.handler.handler, runtime: p.handler.runtime, via: 'kubernetes', request: p.run.request, spec, status: 'running', exitCode: null, pid, sandbox, seq };
}

function finishPod(state: HostState, p: Pod, host: Session, records: ContainerRecord[], container: ContainerRecord, calls: CallTrace[], sandboxed: boolean): PodStarted {
  const pod: PodRecord = { name: p.run.name, namespace: p.run.namespace ?? 'default', uid: p.uid, runtimeClassName: p.run.runtimeClassName ?? null, handler: p.handler.handler, sandboxId: records.length > 1 ? p.sandboxId : '', containerId: p.appId, ip: p.ip, phase: 'Running', seq: p.seq };
  const stack = { ...state.stack, containers: [...state.stack.containers, ...records], made: p.seq + 2, pods: [...state.stack.pods, pod] };
  return { state: { host, stack }, pod, container, calls, sandboxed, error: null };
}
