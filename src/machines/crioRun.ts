import type { NamespaceOf } from '../sim/kernel/namespaces.ts';
import type { OciSpec } from '../sim/oci/spec.ts';
import { findRuntime } from '../sim/runtime/registry.ts';
import { findExecutable } from '../sim/runtime/imageExec.ts';
import { createSpecContainer, type ContainerBlueprint } from '../sim/runtime/specContainer.ts';
import { sentryFilter } from '../sim/gvisor/sentryFilter.ts';
import { conmonShim, crioCgroup, crioRuntime, crioScope, vmShim, type CrioRuntime } from '../sim/stack/crio.ts';
import { crioContainerPlan, crioSandboxPlan } from '../sim/stack/crioPlan.ts';
import { crioSpec, joinableSpec } from '../sim/stack/crioSpec.ts';
import { crioKernelSteps } from '../sim/stack/crioSteps.ts';
import { conmonToScope, crioDaemon, nextPodAddress, pinNamespaces, pinnsExited, type Pinned } from '../sim/stack/crioWorld.ts';
import { podUid } from '../sim/stack/kubernetes.ts';
import { kataSteps, runscSteps } from '../sim/stack/sandboxSteps.ts';
import type { StartStep } from '../sim/stack/startPlan.ts';
import { runStartPlan } from './containerStartMachine.ts';
import type { HostState } from './controlTypes.ts';
import { bootSandbox, finishPod, podRecord, type PodBase, type PodStarted } from './kubePod.ts';

/**
 * A Pod on the lab-crio node: the kubelet asks CRI-O over CRI. For crun (the
 * default) and runc, CRI-O pins the pod's namespaces with pinns, runs the
 * CNI, forks conmon and has the runtime make the container in the pinned
 * namespaces; no pause process runs. For runsc and kata ("vm" runtimes) it
 * starts the shim itself, which boots the sandbox (the Sentry, the VM) and
 * makes the container inside it. The spec carries CRI-O's defaults
 * (crioSpec.ts). No containerd is involved at any point.
 */
interface CrioPod {
  runtime: CrioRuntime;
  /** The spec CRI-O writes, with the pinned paths. */
  spec: OciSpec;
  pinned: Pinned;
  uuid: string;
  ip: string;
  hostNetwork: boolean;
}

export function crioRunPod(state: HostState, b: PodBase): PodStarted {
  const runtime = crioRuntime(b.handler);
  if (!runtime) return { state, pod: null, container: null, calls: [], sandboxed: false, error: `Isolation Lab: CRI-O on lab-crio has no runtime handler "${b.handler}"` };
  const daemon = crioDaemon(state.host.world);
  const hostNetwork = b.run.request.network === 'host';
  // getHostname(): a hostNetwork pod has the node's name, others the pod's.
  const hostname = hostNetwork ? (daemon.world.namespaces[daemon.world.initNs.uts] as NamespaceOf<'uts'>).hostname : b.run.name;
  const ip = hostNetwork ? '' : nextPodAddress(daemon.world);
  const uuid = podUid(b.sandboxId);
  const pinned = pinNamespaces(daemon.world, daemon.proc, { id: b.sandboxId, hostname, hostNetwork });
  const spec = crioSpec({ ...b.spec, hostname }, { id: b.appId, uid: b.uid, privileged: b.run.request.privileged, pinned: uuid });
  const pod: CrioPod = { runtime, spec, pinned, uuid, ip, hostNetwork };
  return runtime.runtimeType === 'vm' ? vmPod(state, b, pod) : ociPod(state, b, pod);
}

function sandboxCalls(b: PodBase, c: CrioPod, sandboxKernel: StartStep[]) {
  return runStartPlan(crioSandboxPlan({ image: b.run.request.image, runtimeClassName: b.run.runtimeClassName ?? null, runtime: c.runtime, sandboxId: b.sandboxId, uuid: c.uuid, ip: c.ip, hostNetwork: c.hostNetwork, sandboxKernel })).calls;
}

function ociPod(state: HostState, b: PodBase, c: CrioPod): PodStarted {
  const cgroupPath = crioCgroup(b.uid, b.appId, c.runtime);
  const tty = b.run.request.tty;
  const bp: ContainerBlueprint = { id: b.appId, spec: joinableSpec(c.spec, c.pinned.pinns.pid), image: b.image, filter: null, network: 'bridge', shim: conmonShim(b.appId, c.runtime, tty), cgroupPath };
  const app = createSpecContainer(c.pinned.world, bp);
  // conmon takes the next pid, the container's init the one after.
  const hostPid = app.ok ? app.value.pid : c.pinned.world.nextPid + 1;
  const kernel = crioKernelSteps({ runtime: c.runtime, spec: c.spec, id: b.appId, hostPid, cgroupPath });
  const first = sandboxCalls(b, c, []);
  const program = c.spec.process.args[0] ?? '';
  const exe = findExecutable(b.image, program, c.spec.process.env);
  const plan = { runtime: c.runtime, spec: c.spec, id: b.appId, privileged: b.run.request.privileged, tty, kernel, exec: { path: exe?.path ?? '', argv: c.spec.process.args } };
  if (!app.ok || !exe) {
    // crun's own words for a program it cannot find (runc's are the lab's container error).
    const message = !exe && c.runtime.handler === 'crun' ? `executable file \`${program}\` not found in $PATH: No such file or directory` : app.ok ? 'executable file not found' : app.reason;
    return { state, pod: null, container: null, calls: [...first, ...runStartPlan(crioContainerPlan({ ...plan, refusal: message })).calls], sandboxed: false, error: message };
  }
  const world = conmonToScope(pinnsExited(app.value.world, c.pinned.pinns), app.value.pid, b.appId);
  const second = runStartPlan(crioContainerPlan({ ...plan, refusal: null })).calls;
  const container = podRecord(b, { id: b.appId, name: b.run.name, image: b.run.request.image, spec: c.spec, pid: app.value.pid, sandbox: null, seq: b.seq + 1, runtimeName: c.runtime.handler, runtime: c.runtime.runtime });
  return finishPod(state, b, { host: { ...state.host, world }, records: [container], container, calls: [...first, ...second], sandboxed: false, handler: c.runtime.handler, ip: c.ip, sandboxId: '' });
}

function vmPod(state: HostState, b: PodBase, c: CrioPod): PodStarted {
  // The sandbox's own kernel makes the container from the spec's namespace types; the pinned paths are the host side's.
  const inner: OciSpec = { ...c.spec, linux: { ...c.spec.linux, namespaces: b.spec.linux.namespaces } };
  const bp: ContainerBlueprint = { id: b.appId, spec: inner, image: b.image, filter: null, network: 'bridge', shim: vmShim(b.sandboxId, c.runtime), cgroupPath: crioScope(b.uid, b.appId) };
  const booted = bootSandbox(c.runtime.runtime, bp);
  if (!booted.ok) return { state, pod: null, container: null, calls: [], sandboxed: true, error: booted.message };
  const sandboxKernel = c.runtime.handler === 'runsc' ? runscSteps(inner, sentryFilter({}).size, false) : kataSteps(inner, findRuntime('kata')?.bootSteps?.() ?? [], false);
  const first = sandboxCalls(b, c, sandboxKernel.filter((s) => s.call !== 'CreateContainer'));
  const exe = findExecutable(b.image, inner.process.args[0] ?? '', inner.process.env);
  const kernel = sandboxKernel.filter((s) => s.call === 'CreateContainer');
  const second = runStartPlan(crioContainerPlan({ runtime: c.runtime, spec: c.spec, id: b.appId, privileged: b.run.request.privileged, tty: b.run.request.tty, kernel, exec: { path: exe?.path ?? '', argv: inner.process.args }, refusal: null })).calls;
  const container = podRecord(b, { id: b.appId, name: b.run.name, image: b.run.request.image, spec: c.spec, pid: booted.session.pid, sandbox: booted.session, seq: b.seq + 1, runtimeName: c.runtime.handler, runtime: c.runtime.runtime });
  const host = { ...state.host, world: pinnsExited(c.pinned.world, c.pinned.pinns) };
  return finishPod(state, b, { host, records: [container], container, calls: [...first, ...second], sandboxed: true, handler: c.runtime.handler, ip: c.ip, sandboxId: '' });
}
