import { isCapability } from '../sim/kernel/capabilities.ts';
import { highestNamedSyscall } from '../sim/kernel/enosysStub.ts';
import type { InstalledFilter } from '../sim/kernel/seccompGate.ts';
import type { OciSpec } from '../sim/oci/spec.ts';
import { findExecutable } from '../sim/runtime/imageExec.ts';
import { createSpecContainer, type ContainerBlueprint } from '../sim/runtime/specContainer.ts';
import { containerId, containerName, type ContainerRecord } from '../sim/stack/containers.ts';
import { podmanStartPlan } from '../sim/stack/podmanPlan.ts';
import { containerCgroup, containerScope } from '../sim/stack/podmanRootless.ts';
import { PODMAN_DEFAULT_PROFILE } from '../sim/stack/podmanSeccomp.ts';
import { podmanSpec, runtimeStandIn } from '../sim/stack/podmanSpec.ts';
import { rootlessSteps, runtimeSteps } from '../sim/stack/podmanSteps.ts';
import { joinRootless, rootlessNamespace, withPasta, type Rootless } from '../sim/stack/podmanWorld.ts';
import type { RunRequest } from '../sim/stack/runRequest.ts';
import type { CallTrace } from '../sim/trace.ts';
import type { ImageSpec } from '../sim/vfs/images/imageSpec.ts';
import { rootlessImage } from '../sim/stack/podmanStorage.ts';
import { runStartPlan } from './containerStartMachine.ts';
import type { HostState } from './controlTypes.ts';
import { podmanImage, podmanRuntimeError, runtimeFailure } from './podmanText.ts';

/**
 * `podman run`, rootless: podman gets into lab's user namespace, writes the
 * spec, conmon runs crun (or runc), and the container is a process of lab's
 * in the host's kernel. The start machine walks the plan; the container
 * that results is the one the terminal then talks to.
 */
export interface PodmanStarted {
  state: HostState;
  record: ContainerRecord | null;
  calls: CallTrace[];
  /** What podman prints on stderr when it refused (each line `Error: …` or podman's progress lines), and its exit status. */
  error: { text: string; status: number } | null;
}

type Runtime = 'crun' | 'runc';

export function podmanRun(state: HostState, req: RunRequest): PodmanStarted {
  const seq = state.stack.made;
  const id = containerId(seq);
  const name = req.name ?? containerName(seq);
  const refuse = (text: string, rootless: Rootless | null): PodmanStarted => {
    const plan = podmanStartPlan({ request: req, id, imageName: req.image, runtime: null, spec: null, rootless: rootless ? rootlessSteps(rootless) : [], kernel: [], refusal: { state: 'specWritten', message: text.replace(/^Error: /gm, '') }, exec: null });
    return { state: rootless ? { ...state, host: { ...state.host, world: rootless.world } } : state, record: null, calls: runStartPlan(plan).calls, error: { text, status: 125 } };
  };
  // libpod looks the OCI runtime up before it makes or joins the user namespace (runtime.go makeRuntime).
  const runtime = req.runtime === 'crun' || req.runtime === 'runc' ? req.runtime : null;
  if (!runtime) return refuse(podmanRuntimeError(req.runtime), null);
  const rootless = rootlessNamespace(state.host.world, id.slice(32, 40));
  // In podman's order: the image is pulled before the spec is made, and the name is taken when the storage is.
  const image = podmanImage(req.image);
  if (!image.ok) return refuse(image.text, rootless);
  const spec = podmanSpec(req, id, image.image);
  if (!spec.ok) return refuse(`Error: ${spec.reason}`, rootless);
  const taken = state.stack.containers.find((c) => c.via === 'podman' && c.name === name);
  if (taken) return refuse(`Error: creating container storage: the container name ${JSON.stringify(name)} is already in use by ${taken.id}. You have to remove that container to be able to reuse that name: that name is already in use`, rootless);
  return create(state, { req, id, name, seq, runtime, image: image.image, imageName: image.name, spec: spec.value, rootless });
}

interface Made { req: RunRequest; id: string; name: string; seq: number; runtime: Runtime; image: ImageSpec; imageName: string; spec: OciSpec; rootless: Rootless }

function create(state: HostState, m: Made): PodmanStarted {
  const cgroupPath = m.runtime === 'crun' ? containerCgroup(m.id) : containerScope(m.id);
  const filter = filterFor(m.spec, m.runtime);
  const bp: ContainerBlueprint = { id: m.id, spec: runtimeStandIn(m.spec), image: rootlessImage(m.image), filter, network: 'none', cgroupPath };
  const made = createSpecContainer(m.rootless.world, bp);
  const hostPid = made.ok ? made.value.pid : m.rootless.world.nextPid + 1;
  const kernel = runtimeSteps({ runtime: m.runtime, spec: m.spec, id: m.id, hostPid, cgroupPath, filterRules: filter ? m.spec.linux.seccomp?.syscalls?.length ?? 0 : null, pidsLimit: m.req.resources.pidsLimit });
  const exe = findExecutable(m.image, m.spec.process.args[0] ?? '', m.spec.process.env);
  const failure = made.ok ? null : runtimeFailure(m.runtime, m.spec.process.args[0] ?? '', made.reason);
  const plan = podmanStartPlan({
    request: m.req, id: m.id, imageName: m.imageName, runtime: m.runtime, spec: m.spec, rootless: rootlessSteps(m.rootless), kernel,
    refusal: failure ? { state: 'credentialed', message: failure.text.replace(/^Error: /, '') } : null,
    exec: exe ? { path: exe.path, argv: m.spec.process.args } : null,
  });
  const calls = runStartPlan(plan).calls;
  const host = { ...state.host, world: m.rootless.world };
  if (!made.ok || failure) return { state: { ...state, host }, record: null, calls, error: failure ?? { text: 'Error: the container did not start', status: 126 } };
  let world = joinRootless(made.value.world, made.value.pid, m.rootless.userNs, m.id);
  if (m.req.network === 'bridge') world = withPasta(world, made.value.pid, m.id);
  const record: ContainerRecord = {
    id: m.id, name: m.name, image: m.imageName, imageRef: m.image.ref, runtimeName: m.runtime, runtime: 'runc',
    via: 'podman', request: m.req, spec: m.spec, status: 'running', exitCode: null, pid: made.value.pid, sandbox: null, seq: m.seq,
  };
  const stack = { ...state.stack, containers: [...state.stack.containers, record], made: m.seq + 1 };
  return { state: { host: { ...host, world }, stack }, record, calls, error: null };
}

/**
 * The filter the runtime compiles from the spec, evaluated with podman's
 * profile. runc puts its ENOSYS stub in front of every filter; crun does not,
 * and needs none: the profile's default is already ENOSYS.
 */
function filterFor(spec: OciSpec, runtime: Runtime): InstalledFilter | null {
  if (!spec.linux.seccomp) return null;
  const caps = (spec.process.capabilities?.bounding ?? []).filter(isCapability);
  return { label: PODMAN_DEFAULT_PROFILE.label ?? "podman's default profile", profile: PODMAN_DEFAULT_PROFILE, caps, enosysAbove: runtime === 'runc' ? highestNamedSyscall(PODMAN_DEFAULT_PROFILE) : null };
}
