import type { OciSpec } from '../sim/oci/spec.ts';
import { findRuntime } from '../sim/runtime/registry.ts';
import { findExecutable } from '../sim/runtime/imageExec.ts';
import { createSpecContainer, type ContainerBlueprint } from '../sim/runtime/specContainer.ts';
import { nextPodAddress } from '../sim/stack/crioWorld.ts';
import { specFor } from '../sim/stack/dockerd.ts';
import { DEFAULT_CONTEXT } from '../sim/stack/kubeconfig.ts';
import type { KubectlRun } from '../sim/stack/kubectlRun.ts';
import { CNI_BRIDGE, containerScope, CRI_HANDLERS, PAUSE_IMAGE, type CriHandler } from '../sim/stack/kubernetes.ts';
import { podContainerPlan, podSandboxPlan } from '../sim/stack/kubePlan.ts';
import { defaultRequest } from '../sim/stack/runRequest.ts';
import { runcCreateSteps } from '../sim/stack/runcSteps.ts';
import { kataSteps, runscSteps } from '../sim/stack/sandboxSteps.ts';
import type { StartStep } from '../sim/stack/startPlan.ts';
import { sentryFilter } from '../sim/gvisor/sentryFilter.ts';
import { runStartPlan } from './containerStartMachine.ts';
import type { HostState } from './controlTypes.ts';
import { bootSandbox, finishPod, podPrelude, podRecord, refusalStep, type PodBase, type PodStarted } from './kubePod.ts';
import { crioRunPod } from './crioRun.ts';

export type { PodStarted } from './kubePod.ts';

/**
 * `kubectl run`: the API server takes the Pod, then the node of the
 * cluster the context names starts it. On lab-containerd the kubelet asks
 * containerd over CRI for the sandbox (the pause container; runsc's Sentry;
 * Kata's VM) and then the container in it. A runc pod's container joins the
 * pause container's network, IPC and UTS namespaces; a sandboxed pod's
 * container is made inside the sandbox's kernel. lab-crio's node is
 * crioRun.ts.
 */
export function kubectlRunPod(state: HostState, run: KubectlRun, cluster: string = DEFAULT_CONTEXT): PodStarted {
  const prelude = podPrelude(state, run, cluster);
  if (!prelude.ok) return prelude.started;
  if (cluster !== DEFAULT_CONTEXT) return crioRunPod(state, prelude.base);
  const b = prelude.base;
  const handler = CRI_HANDLERS[b.handler || 'runc'] ?? CRI_HANDLERS.runc;
  if (!handler) throw new Error('no runc handler');
  const p: Pod = { ...b, cri: handler, ip: nextPodAddress(state.host.world) };
  return handler.kind === 'runc' ? runcPod(state, p) : sandboxPod(state, p);
}

type Pod = PodBase & { cri: CriHandler; ip: string };

/** containerd CRI's namespaces: the sandbox has pid, ipc, uts, mount, network and cgroup; no time namespace. */
const CRI_NAMESPACES = ['pid', 'ipc', 'uts', 'mount', 'network', 'cgroup'] as const;

const made = (p: Pod, id: string, name: string, image: string, spec: OciSpec, pid: number, seq: number) =>
  podRecord(p, { id, name, image, spec, pid, sandbox: null, seq, runtimeName: p.cri.handler, runtime: p.cri.runtime });

function runcPod(state: HostState, p: Pod): PodStarted {
  const pauseSpec = pauseSpecOf(p);
  const sandboxSpec: OciSpec = { ...pauseSpec, linux: { ...pauseSpec.linux, namespaces: CRI_NAMESPACES.map((type) => ({ type })) } };
  const pauseBp: ContainerBlueprint = { id: p.sandboxId, spec: sandboxSpec, image: PAUSE_IMAGE, filter: null, network: 'bridge', bridge: CNI_BRIDGE, shim: p.cri.shim, cgroupPath: containerScope(p.uid, p.sandboxId) };
  const pause = createSpecContainer(state.host.world, pauseBp);
  if (!pause.ok) throw new Error(pause.reason);
  const joined = (['network', 'ipc', 'uts'] as const).map((type) => ({ type, path: `/proc/${pause.value.pid}/ns/${type === 'network' ? 'net' : type}` }));
  const appSpec: OciSpec = { ...p.spec, linux: { ...p.spec.linux, namespaces: [{ type: 'pid' }, { type: 'mount' }, { type: 'cgroup' }, ...joined] } };
  const appBp: ContainerBlueprint = { id: p.appId, spec: appSpec, image: p.image, filter: null, network: 'bridge', shim: p.cri.shim, cgroupPath: containerScope(p.uid, p.appId) };
  const app = createSpecContainer(pause.value.world, appBp);
  const sandboxKernel = runcCreateSteps({ spec: sandboxSpec, id: p.sandboxId, hostPid: pause.value.pid, cgroupPath: containerScope(p.uid, p.sandboxId), filterRules: null });
  const first = runStartPlan(podSandboxPlan({ pod: p.run.name, image: p.run.request.image, runtimeClassName: p.run.runtimeClassName ?? null, handler: p.cri, refusal: null, sandboxKernel, ip: p.ip })).calls;
  const hostPid = app.ok ? app.value.pid : pause.value.world.nextPid;
  const kernel = runcCreateSteps({ spec: appSpec, id: p.appId, hostPid, cgroupPath: containerScope(p.uid, p.appId), filterRules: null });
  const exe = findExecutable(p.image, appSpec.process.args[0] ?? '', appSpec.process.env);
  if (!app.ok || !exe) {
    const message = app.ok ? 'executable file not found' : app.reason;
    return { state, pod: null, container: null, calls: [...first, ...runStartPlan([...kernel, refusalStep('CreateContainer', message)]).calls], sandboxed: false, error: message };
  }
  const second = runStartPlan(podContainerPlan(p.cri, appSpec, kernel, { path: exe.path, argv: appSpec.process.args })).calls;
  const sandbox = made(p, p.sandboxId, `${p.run.name}-sandbox`, PAUSE_IMAGE.ref, sandboxSpec, pause.value.pid, p.seq);
  const container = made(p, p.appId, p.run.name, p.run.request.image, appSpec, app.value.pid, p.seq + 1);
  return finishPod(state, p, { host: { ...state.host, world: app.value.world }, records: [sandbox, container], container, calls: [...first, ...second], sandboxed: false, handler: p.cri.handler, ip: p.ip, sandboxId: p.sandboxId });
}

/** The pause container's spec, written from the sandbox image (the lab's image always yields one). */
function pauseSpecOf(p: Pod): OciSpec {
  const pause = specFor({ ...defaultRequest(PAUSE_IMAGE.ref), command: ['/pause'], seccomp: { type: 'unconfined' }, hostname: p.run.name }, p.sandboxId, PAUSE_IMAGE);
  if (!pause.ok) throw new Error(pause.reason);
  return pause.value;
}

function sandboxPod(state: HostState, p: Pod): PodStarted {
  const bp: ContainerBlueprint = { id: p.appId, spec: p.spec, image: p.image, filter: null, network: 'bridge', shim: p.cri.shim, cgroupPath: containerScope(p.uid, p.appId) };
  const booted = bootSandbox(p.cri.runtime, bp);
  if (!booted.ok) return { state, pod: null, container: null, calls: [], sandboxed: true, error: booted.message };
  const sandboxKernel: StartStep[] = p.cri.kind === 'runsc' ? runscSteps(p.spec, sentryFilter({}).size, false) : kataSteps(p.spec, findRuntime('kata')?.bootSteps?.() ?? [], false);
  const first = runStartPlan(podSandboxPlan({ pod: p.run.name, image: p.run.request.image, runtimeClassName: p.run.runtimeClassName ?? null, handler: p.cri, refusal: null, sandboxKernel: sandboxKernel.filter((s) => s.call !== 'CreateContainer'), ip: p.ip })).calls;
  const exe = findExecutable(p.image, p.spec.process.args[0] ?? '', p.spec.process.env);
  const inside = sandboxKernel.filter((s) => s.call === 'CreateContainer');
  const second = runStartPlan(podContainerPlan(p.cri, p.spec, inside, { path: exe?.path ?? '', argv: p.spec.process.args })).calls;
  const container = podRecord(p, { id: p.appId, name: p.run.name, image: p.run.request.image, spec: p.spec, pid: booted.session.pid, sandbox: booted.session, seq: p.seq + 1, runtimeName: p.cri.handler, runtime: p.cri.runtime });
  return finishPod(state, p, { host: state.host, records: [container], container, calls: [...first, ...second], sandboxed: true, handler: p.cri.handler, ip: p.ip, sandboxId: '' });
}
