import type { OciSpec } from '../oci/spec.ts';
import type { RunRequest } from './runRequest.ts';
import { refusal, step, type StartState, type StartStep } from './startPlan.ts';

/**
 * `docker run` end to end: the CLI's two API calls (create, then start),
 * dockerd writing the spec, containerd and the shim, the runtime's work
 * (runcSteps.ts or sandboxSteps.ts), `runc start`, and the container's
 * program exec'd. Costs are the lab's estimates (a local API round trip is
 * about a millisecond; the measured whole, `docker run alpine true`, was
 * 1.19 s on 2019 hardware: gvisor-perfguide-startup-empty-runc).
 * @see moby/moby api/server/router/container (POST /containers/create, /containers/{id}/start), daemon/start.go
 * @see containerd/containerd core/runtime/v2 (shim start), cmd/containerd-shim-runc-v2
 */
export interface DockerPlanInput {
  request: RunRequest;
  id: string;
  name: string;
  imageRef: string;
  /** The runtime dockerd resolved, or null when it refused. */
  runtime: { name: string; shim: string; containerdRuntime: string; binary: string } | null;
  spec: OciSpec | null;
  /** Where the start fails, with the text docker prints. */
  refusal: { state: StartState; message: string } | null;
  /** The runtime's steps between create and start. */
  kernel: StartStep[];
  /** The program exec'd, and whether the host kernel or the sandbox's serves it. */
  exec: { path: string; argv: string[]; kernel: 'host' | 'sandbox' } | null;
}

const API = 'v1.47';

export function dockerStartPlan(p: DockerPlanInput): StartStep[] {
  const create = `POST /${API}/containers/create?name=${p.name}`;
  const front = [
    step('requested', create, '201 Created', 'docker-cli', 'handled', `docker run reads its flags (${flagSummary(p.request)}) and sends the container's configuration to the daemon as JSON`, 300_000),
    step('requested', create, '201 Created', 'docker-api', 'pass', 'HTTP over /var/run/docker.sock, which is root:docker 0660: the daemon does whatever a member of the docker group asks, as root', 500_000),
  ];
  if (p.refusal?.state === 'specWritten' || !p.runtime || !p.spec) return [...front, refusal('specWritten', create, 'dockerd', p.refusal?.message ?? 'the daemon refused the container')];
  const start = `POST /${API}/containers/${p.id.slice(0, 12)}/start`;
  const rt = p.runtime;
  const steps = [
    ...front,
    step('specWritten', create, '201 Created', 'dockerd', 'handled', specSummary(p.spec, p.imageRef, rt.name), 5_000_000),
    step('taskCreated', start, '204 No Content', 'docker-cli', 'handled', 'The CLI asks the daemon to start the container it created', 100_000),
    step('taskCreated', start, '204 No Content', 'docker-api', 'pass', 'POST …/start over the same socket', 500_000),
    step('taskCreated', start, '204 No Content', 'dockerd', 'handled', 'dockerd asks containerd for a container and a task, handing over the spec', 1_000_000),
    step('taskCreated', start, '204 No Content', 'containerd-api', 'pass', 'gRPC: containers.Create, then tasks.Create, in containerd\'s "moby" namespace', 500_000),
    step('taskCreated', start, '204 No Content', 'containerd', 'handled', `containerd mounts the image's layers as an overlay snapshot, writes the bundle (rootfs and config.json) and starts ${rt.shim} for runtime ${rt.containerdRuntime}`, 20_000_000),
    step('taskCreated', start, '204 No Content', 'shim-api', 'pass', 'ttRPC over the shim\'s socket: Create', 200_000),
    step('taskCreated', start, '204 No Content', 'shim', 'handled', `${rt.shim} runs \`${rt.binary} create --bundle /run/containerd/io.containerd.runtime.v2.task/moby/${p.id.slice(0, 12)}… ${p.id.slice(0, 12)}…\` and stays as the container's parent, holding its stdio and exit status`, 5_000_000),
    step('taskCreated', `${rt.binary} create`, '0', 'oci-runtime', 'handled', `${rt.binary} reads config.json and makes the container`, 2_000_000),
    ...p.kernel,
  ];
  if (p.refusal) return [...steps, refusal(p.refusal.state, `${rt.binary} create`, 'oci-runtime', p.refusal.message)];
  return [...steps, ...startSteps(p, rt.binary)];
}

function startSteps(p: DockerPlanInput, binary: string): StartStep[] {
  const start = `${binary} start ${p.id.slice(0, 12)}`;
  const exec = p.exec;
  if (!exec) return [];
  const line = `execve("${exec.path}", [${exec.argv.map((a) => JSON.stringify(a)).join(', ')}], 0x… /* env */)`;
  const kernel = exec.kernel === 'host' ? 'host-kernel' : 'sandbox-kernel';
  return [
    step('started', start, '0', 'shim', 'handled', 'tasks.Start over ttRPC: the shim runs the runtime\'s start', 1_000_000),
    step('started', start, '0', 'oci-runtime', 'handled', exec.kernel === 'host' ? 'runc start opens exec.fifo: the waiting init goes on to execve' : `${binary} start tells the sandbox to run the container's program`, 2_000_000),
    step('execed', line, '0', 'container', 'handled', 'The container\'s init execs the spec\'s program', 100_000),
    ...(exec.kernel === 'host' ? [step('execed', line, '0', 'host-syscall', 'pass', 'The container\'s own syscall: from here on its seccomp filter checks every one', 100)] : []),
    step('execed', line, '0', kernel, 'handled', exec.kernel === 'host' ? 'The host kernel loads the program: the container is a process on the host, in its namespaces and cgroup' : 'The container\'s kernel loads the program; the host kernel sees only the sandbox', 300_000, exec.kernel === 'host' ? 'do_execveat_common' : undefined),
    step('execed', line, '0', 'container', 'handled', `${exec.argv.join(' ')} runs as the container's pid 1`, 0),
  ];
}

function flagSummary(r: RunRequest): string {
  const parts = [`image ${r.image}`, `runtime ${r.runtime}`];
  if (r.privileged) parts.push('--privileged');
  for (const c of r.capAdd) parts.push(`--cap-add ${c}`);
  for (const c of r.capDrop) parts.push(`--cap-drop ${c}`);
  if (r.seccomp.type !== 'default') parts.push(`seccomp=${r.seccomp.type === 'unconfined' ? 'unconfined' : r.seccomp.path}`);
  if (r.noNewPrivileges) parts.push('no-new-privileges');
  if (r.resources.memory) parts.push(`--memory ${r.resources.memory}`);
  if (r.resources.cpus) parts.push(`--cpus ${r.resources.cpus}`);
  if (r.resources.pidsLimit) parts.push(`--pids-limit ${r.resources.pidsLimit}`);
  if (r.network !== 'bridge') parts.push(`--network ${r.network}`);
  if (r.pid === 'host') parts.push('--pid host');
  if (r.readOnly) parts.push('--read-only');
  for (const v of r.volumes) parts.push(`-v ${v.host}:${v.container}${v.readOnly ? ':ro' : ''}`);
  if (r.user) parts.push(`--user ${r.user}`);
  return parts.join(', ');
}

function specSummary(spec: OciSpec, imageRef: string, runtime: string): string {
  const caps = spec.process.capabilities?.bounding?.length ?? 0;
  const seccomp = spec.linux.seccomp ? `Docker's seccomp profile (${spec.linux.seccomp.syscalls?.length ?? 0} rules for these capabilities)` : 'no seccomp profile';
  const masked = spec.linux.maskedPaths?.length ?? 0;
  return `dockerd finds ${imageRef} locally and writes the OCI spec for runtime ${runtime}: namespaces ${spec.linux.namespaces.map((n) => n.type).join(', ')}; ${caps} capabilities; ${seccomp}; ${masked} masked paths; user ${spec.process.user.uid}:${spec.process.user.gid}${spec.root.readonly ? '; read-only root' : ''}`;
}
