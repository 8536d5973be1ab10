import type { OciSpec } from '../oci/spec.ts';
import { binaryOf, conmonShim, CRIO_DEFAULT_CAPABILITIES, CRIO_PAUSE_IMAGE, CRIO_SOCKET, type CrioRuntime } from './crio.ts';
import { cniStep, pinnsSteps } from './crioSteps.ts';
import { podApiSteps } from './kubePlan.ts';
import { refusal, step, type StartStep } from './startPlan.ts';

/**
 * `kubectl run` on the lab-crio cluster as two starts for the start machine:
 * RunPodSandbox (pinns' namespaces and the CNI; for a "vm" runtime also the
 * shim and the pause container in its sandbox), then CreateContainer and
 * StartContainer: CRI-O writes the spec and forks conmon, which runs the OCI
 * runtime; a "vm" runtime's shim gets them over ttRPC. No containerd and no
 * containerd shim on this node. Costs are the lab's estimates.
 * @see cri-o/cri-o server/sandbox_run_linux.go (setupInfraContainer: drop_infra_ctr, podIsKernelSeparated); internal/oci/runtime_oci.go (CreateContainer: conmon; StartContainer: `<runtime> start`); internal/oci/runtime_vm.go
 * @see containers/conmon src/conmon.c (double fork, setsid, subreaper)
 */
export interface CrioSandboxInput {
  image: string;
  runtimeClassName: string | null;
  runtime: CrioRuntime;
  sandboxId: string;
  uuid: string;
  ip: string;
  hostNetwork: boolean;
  /** A "vm" runtime's sandbox start (runsc's Sentry, Kata's VM); empty for "oci". */
  sandboxKernel: StartStep[];
}

const RPS = 'RunPodSandbox';
const gvisorNote = 'gVisor on CRI-O: containerd-shim-runsc-v1 as a "vm" runtime, which CRI-O accepts since its 1.37 development branch (cri-o#9974) and gVisor documents as best effort; runsc as an "oci" runtime under conmon does not work, since conmon waits on a child runsc does not run (google/gvisor#10313)';

export function crioSandboxPlan(p: CrioSandboxInput): StartStep[] {
  const r = p.runtime;
  const vm = r.runtimeType === 'vm';
  const asked = p.runtimeClassName ? `runtime handler "${r.handler}"` : 'no runtime handler, so CRI-O uses its default_runtime, crun';
  const sandbox = vm
    ? `CRI-O keeps the infra container for a "vm" runtime (${binaryOf(r)}): the pause container from ${CRIO_PAUSE_IMAGE} will be the sandbox's first container${r.handler === 'runsc' ? `. ${gvisorNote}` : ''}`
    : `CRI-O makes the sandbox with no infra container: drop_infra_ctr is true and the pod has no pod-wide PID namespace, so no pause process runs (${CRIO_PAUSE_IMAGE} only gives the sandbox its storage). pinns pins the pod's namespaces instead`;
  return [
    ...podApiSteps({ image: p.image, runtimeClassName: p.runtimeClassName, handler: r.handler, refusal: null }),
    step('specWritten', RPS, 'ok', 'kubelet', 'handled', `The kubelet of lab-crio's node (--container-runtime-endpoint=unix://${CRIO_SOCKET}) sees the Pod bound to it and asks over CRI for the pod's sandbox with ${asked}. (Isolation Lab: this node is the lab's one host too, the same kernel as lab-containerd's)`, 5_000_000),
    step('specWritten', RPS, 'ok', 'cri-api', 'pass', `gRPC runtime.v1.RuntimeService/RunPodSandbox over ${CRIO_SOCKET}`, 500_000),
    step('specWritten', RPS, 'ok', 'crio', 'handled', sandbox, 30_000_000),
    ...pinnsSteps(p.uuid, p.hostNetwork),
    ...(p.hostNetwork ? [] : [cniStep(p.uuid, p.ip)]),
    ...(vm ? vmSandbox(p) : []),
  ];
}

/** CRI-O starts the shim itself and asks it, over ttRPC, for the pause container: the sandbox comes up. */
function vmSandbox(p: CrioSandboxInput): StartStep[] {
  const r = p.runtime;
  const start = `${binaryOf(r)} -namespace default -id ${p.sandboxId.slice(0, 12)}… start`;
  const oci = r.handler === 'runsc' ? 'runsc' : binaryOf(r);
  return [
    step('taskCreated', start, '0', 'crio', 'handled', 'CRI-O starts the shim itself (no containerd, no conmon): it prints the address of its ttRPC socket', 5_000_000),
    step('taskCreated', RPS, 'ok', 'shim-api', 'pass', 'ttRPC: Create, then Start, the pause container\'s task', 200_000),
    step('taskCreated', RPS, 'ok', 'shim', 'handled', `${binaryOf(r)}: one shim for the whole pod${r.handler === 'runsc' ? ' (grouping = true in runsc.toml)' : ''}`, 5_000_000),
    step('taskCreated', `${oci} create`, '0', 'oci-runtime', 'handled', `${oci} makes the sandbox`, 2_000_000),
    ...p.sandboxKernel,
  ];
}

export interface CrioContainerInput {
  runtime: CrioRuntime;
  /** The spec CRI-O wrote (crioSpec.ts). */
  spec: OciSpec;
  id: string;
  privileged: boolean;
  tty: boolean;
  /** The runtime's calls: crioSteps.ts for crun and runc, the sandbox's for a "vm" runtime. */
  kernel: StartStep[];
  exec: { path: string; argv: string[] };
  /** The runtime's refusal (its own words), if it could not make the container. */
  refusal: string | null;
}

export function crioContainerPlan(c: CrioContainerInput): StartStep[] {
  const cc = 'CreateContainer';
  const front = [
    step('specWritten', cc, 'ok', 'kubelet', 'handled', 'The kubelet asks for the Pod\'s container in that sandbox', 1_000_000),
    step('specWritten', cc, 'ok', 'cri-api', 'pass', 'gRPC runtime.v1.RuntimeService/CreateContainer', 500_000),
    step('specWritten', cc, 'ok', 'crio', 'handled', specNote(c), 10_000_000),
  ];
  const made = c.runtime.runtimeType === 'vm' ? vmCreate(c) : conmonCreate(c);
  if (c.refusal) return [...front, ...made, ...c.kernel, refusal('credentialed', made.at(-1)?.call ?? cc, 'oci-runtime', c.refusal)];
  return [...front, ...made, ...c.kernel, ...startSteps(c)];
}

function specNote(c: CrioContainerInput): string {
  const joined = c.spec.linux.namespaces.filter((n) => n.path).map((n) => n.type);
  const caps = c.spec.process.capabilities?.bounding ?? [];
  const which = c.privileged ? 'all of them: privileged' : `CRI-O's default_capabilities (${CRIO_DEFAULT_CAPABILITIES.join(', ')}), not Docker's 14: no NET_RAW, MKNOD, SYS_CHROOT, AUDIT_WRITE or SETFCAP`;
  return `CRI-O writes the container's spec: it joins the pod's pinned ${joined.join(', ')} namespaces; ${caps.length} capabilities, ${which}; no seccomp profile: the kubelet asks for Unconfined unless the Pod asks for RuntimeDefault or the kubelet runs with --seccomp-default, and only then would CRI-O load its own default profile; cgroup ${c.spec.linux.cgroupsPath ?? ''}. (Isolation Lab: the rest of the spec is written with moby's rules, with CRI-O's masked paths added)`;
}

function conmonCreate(c: CrioContainerInput): StartStep[] {
  const bin = binaryOf(c.runtime);
  const short = c.id.slice(0, 12);
  const conmon = conmonShim(c.id, c.runtime, c.tty).argv.join(' ').replaceAll(c.id, `${short}…`);
  return [
    step('taskCreated', conmon, '0', 'crio', 'handled', 'CRI-O forks conmon, one per container, and puts it in its own scope, system.slice/crio-conmon-<id>.scope', 2_000_000),
    step('taskCreated', conmon, '0', 'conmon', 'handled', `conmon double-forks and starts a session of its own, so it outlives a restart of crio, and runs \`${bin} create\`. It stays as the container's parent (a subreaper): it holds ${c.tty ? 'the terminal' : 'stdin, stdout and stderr'}, writes the log and keeps the exit status in /var/run/crio/exits`, 5_000_000),
    step('taskCreated', `${bin} create`, '0', 'oci-runtime', 'handled', `${bin} reads config.json and makes the container`, bin === 'crun' ? 1_000_000 : 2_000_000),
  ];
}

function vmCreate(c: CrioContainerInput): StartStep[] {
  const oci = c.runtime.handler === 'runsc' ? 'runsc' : binaryOf(c.runtime);
  return [
    step('taskCreated', 'CreateContainer', 'ok', 'shim-api', 'pass', 'ttRPC to the pod\'s shim: Create', 200_000),
    step('taskCreated', `${oci} create`, '0', 'oci-runtime', 'handled', `${oci} asks the sandbox to make the container inside it`, 2_000_000),
  ];
}

function startSteps(c: CrioContainerInput): StartStep[] {
  const sc = 'StartContainer';
  const vm = c.runtime.runtimeType === 'vm';
  const bin = binaryOf(c.runtime);
  const line = `execve("${c.exec.path}", [${c.exec.argv.map((a) => JSON.stringify(a)).join(', ')}], 0x… /* env */)`;
  return [
    step('started', sc, 'ok', 'kubelet', 'handled', 'The kubelet starts it', 500_000),
    step('started', sc, 'ok', 'cri-api', 'pass', 'gRPC runtime.v1.RuntimeService/StartContainer', 500_000),
    ...(vm
      ? [step('started', sc, 'ok', 'shim-api', 'pass', 'CRI-O asks the shim over ttRPC: Start', 200_000), step('started', sc, 'ok', 'shim', 'handled', 'The shim starts the container in the sandbox', 2_000_000)]
      : [step('started', `${bin} start ${c.id.slice(0, 12)}…`, '0', 'crio', 'handled', `CRI-O runs \`${bin} start\` itself; conmon only watches`, 500_000),
        step('started', `${bin} start ${c.id.slice(0, 12)}…`, '0', 'oci-runtime', 'handled', `${bin} start signals the waiting process to go on to execve`, 1_000_000)]),
    step('execed', line, '0', 'container', 'handled', 'The container\'s init execs its program', 100_000),
    step('execed', line, '0', vm ? 'sandbox-kernel' : 'host-kernel', 'handled', vm ? 'The sandbox\'s kernel loads it; the host sees only the sandbox' : 'The host kernel loads it: a process on the host in the pod\'s pinned namespaces, its own pid namespace and its scope, with conmon as its parent', 300_000, vm ? undefined : 'do_execveat_common'),
  ];
}
