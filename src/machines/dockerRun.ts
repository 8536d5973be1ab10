import { runcStubFor } from '../sim/kernel/enosysStub.ts';
import type { InstalledFilter } from '../sim/kernel/seccompGate.ts';
import { sentryFilter } from '../sim/gvisor/sentryFilter.ts';
import { DOCKER_DEFAULT_PROFILE } from '../sim/seccomp/dockerDefaultProfile.ts';
import type { SeccompProfile } from '../sim/seccomp/profile.ts';
import { isCapability } from '../sim/kernel/capabilities.ts';
import type { OciSpec } from '../sim/oci/spec.ts';
import { findRuntime } from '../sim/runtime/registry.ts';
import { findExecutable } from '../sim/runtime/imageExec.ts';
import { ContainerError } from '../sim/runtime/runcContainer.ts';
import { createSpecContainer, type ContainerBlueprint } from '../sim/runtime/specContainer.ts';
import type { Session } from '../sim/runtime/types.ts';
import { containerId, containerName, type ContainerRecord } from '../sim/stack/containers.ts';
import { dockerImage, dockerRuntime, specFor, type DockerRuntime } from '../sim/stack/dockerd.ts';
import { dockerStartPlan } from '../sim/stack/dockerPlan.ts';
import { runcCreateSteps } from '../sim/stack/runcSteps.ts';
import type { RunRequest } from '../sim/stack/runRequest.ts';
import { kataSteps, runscSteps } from '../sim/stack/sandboxSteps.ts';
import type { StartStep } from '../sim/stack/startPlan.ts';
import type { ImageSpec } from '../sim/vfs/images/imageSpec.ts';
import { runStartPlan } from './containerStartMachine.ts';
import { execNotFoundMessage } from '../sim/vfs/images/execNotFound.ts';
import type { HostState } from './controlTypes.ts';
import type { CallTrace } from '../sim/trace.ts';

/**
 * `docker run`: dockerd resolves the runtime and image and writes the spec;
 * the runtime makes the container (in the host's kernel for runc, in the
 * sandbox's kernel for runsc and Kata); the start machine turns the steps
 * into the path the diagram plays. The container that results is the one
 * the terminal then talks to.
 */
export interface Started {
  state: HostState;
  record: ContainerRecord | null;
  calls: CallTrace[];
  sandboxed: boolean;
  /** What docker prints when it refused: `docker: Error response from daemon: …`. */
  error: string | null;
}

export function dockerRun(state: HostState, req: RunRequest, seccompProfile?: SeccompProfile): Started {
  const seq = state.stack.made;
  const id = containerId(seq);
  const name = req.name ?? containerName(seq);
  const refuse = (message: string, rt: DockerRuntime | null = null): Started => {
    const plan = dockerStartPlan({ request: req, id, name, imageRef: req.image, runtime: rt && planRuntime(rt), spec: null, refusal: { state: 'specWritten', message }, kernel: [], exec: null });
    return { state, record: null, calls: runStartPlan(plan).calls, sandboxed: false, error: message };
  };
  const taken = state.stack.containers.find((c) => c.via === 'docker' && c.name === name);
  if (taken) return refuse(`Error response from daemon: Conflict. The container name "/${name}" is already in use by container "${taken.id}". You have to remove (or rename) that container to be able to reuse that name.`);
  const runtime = dockerRuntime(req.runtime);
  if (!runtime.ok) return refuse(runtime.reason);
  const image = dockerImage(req.image);
  if (!image.ok) return refuse(image.reason, runtime.value);
  const spec = specFor(req, id, image.value, seccompProfile);
  if (!spec.ok) return refuse(`Error response from daemon: ${spec.reason}`, runtime.value);
  if (spec.value.process.args.length === 0) return refuse('Error response from daemon: no command specified', runtime.value);
  return create(state, { req, id, name, seq, runtime: runtime.value, image: image.value, spec: spec.value, seccompProfile });
}

interface Made { req: RunRequest; id: string; name: string; seq: number; runtime: DockerRuntime; image: ImageSpec; spec: OciSpec; seccompProfile: SeccompProfile | undefined }

function create(state: HostState, m: Made): Started {
  const bp: ContainerBlueprint = { id: m.id, spec: m.spec, image: m.image, filter: filterFor(m.spec, m.seccompProfile), network: m.req.network === 'none' ? 'none' : 'bridge', shim: m.runtime.shim };
  const made = makeContainer(state.host, m.runtime, bp);
  const exe = findExecutable(m.image, m.spec.process.args[0] ?? '', m.spec.process.env);
  const sandboxed = m.runtime.kind !== 'runc';
  const hostPid = made.ok && !made.sandbox ? made.pid : state.host.world.nextPid + 1;
  const kernel = kernelSteps(m, bp, hostPid);
  const refusal = made.ok ? null : { state: 'credentialed' as const, message: made.message };
  const plan: StartStep[] = dockerStartPlan({
    request: m.req, id: m.id, name: m.name, imageRef: m.image.ref, spec: m.spec, refusal, kernel,
    runtime: planRuntime(m.runtime),
    exec: exe ? { path: exe.path, argv: m.spec.process.args, kernel: sandboxed ? 'sandbox' : 'host' } : null,
  });
  const calls = runStartPlan(plan).calls;
  if (!made.ok) return { state, record: null, calls, sandboxed, error: made.message };
  const record: ContainerRecord = {
    id: m.id, name: m.name, image: m.req.image, imageRef: m.image.ref, runtimeName: m.runtime.name, runtime: m.runtime.runtime,
    via: 'docker', request: m.req, spec: m.spec, status: 'running', exitCode: null, pid: made.pid, sandbox: made.sandbox, seq: m.seq,
  };
  const host = made.sandbox ? state.host : { ...state.host, world: made.world };
  return { state: { host, stack: { ...state.stack, containers: [...state.stack.containers, record], made: m.seq + 1 } }, record, calls, sandboxed, error: null };
}

const planRuntime = (rt: DockerRuntime) => ({ name: rt.name, shim: rt.shim.exe.split('/').pop() ?? rt.shim.comm, containerdRuntime: rt.containerdRuntime, binary: rt.binary });

/** The filter runc compiles from the spec: Docker's profile (or the one given) for the container's capabilities. */
function filterFor(spec: OciSpec, custom: SeccompProfile | undefined): InstalledFilter | null {
  if (!spec.linux.seccomp) return null;
  const profile = custom ?? DOCKER_DEFAULT_PROFILE;
  const caps = (spec.process.capabilities?.bounding ?? []).filter(isCapability);
  return { label: custom ? 'the seccomp profile given with --security-opt' : "Docker's default profile", profile, caps, enosysAbove: runcStubFor(profile) };
}

type MadeContainer = { ok: true; world: Session['world']; pid: number; sandbox: Session | null } | { ok: false; message: string };

function makeContainer(host: Session, runtime: DockerRuntime, bp: ContainerBlueprint): MadeContainer {
  // containerd, the shim and runc each wrap the error (vfs/images/execNotFound.ts has the chain and its sources).
  const failed = (reason: string) => ({ ok: false as const, message: reason.startsWith('exec: ') ? execNotFoundMessage(reason.slice(7, reason.indexOf('"', 7)), runtime.binary).replace(/^docker: /, '') : `Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: ${runtime.binary} create failed: unable to start container process: ${reason}` });
  if (runtime.kind === 'runc') {
    const made = createSpecContainer(host.world, bp);
    return made.ok ? { ok: true, world: made.value.world, pid: made.value.pid, sandbox: null } : failed(made.reason);
  }
  const model = findRuntime(runtime.runtime);
  if (!model) return failed(`the lab has no ${runtime.runtime} runtime`);
  try {
    const session = model.boot({ options: {}, container: bp });
    return { ok: true, world: session.world, pid: session.pid, sandbox: session };
  } catch (e) {
    if (e instanceof ContainerError) return failed(e.message);
    throw e;
  }
}

function kernelSteps(m: Made, bp: ContainerBlueprint, hostPid: number): StartStep[] {
  if (m.runtime.kind === 'runsc') return runscSteps(m.spec, sentryFilter({}).size, false);
  if (m.runtime.kind === 'kata') return kataSteps(m.spec, findRuntime('kata')?.bootSteps?.() ?? [], false);
  return runcCreateSteps({ spec: m.spec, id: m.id, hostPid, cgroupPath: `/system.slice/docker-${m.id}.scope`, filterRules: bp.filter ? m.spec.linux.seccomp?.syscalls?.length ?? 0 : null });
}
