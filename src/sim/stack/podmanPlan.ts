import type { OciSpec } from '../oci/spec.ts';
import { GRAPH_ROOT, hostUid, ROOTLESS_USER, userdataDir } from './podmanRootless.ts';
import type { RunRequest } from './runRequest.ts';
import { refusal, step, type StartState, type StartStep } from './startPlan.ts';

/**
 * `podman run` end to end, for the start machine: no daemon and no socket.
 * The podman command itself, run by lab, gets into the rootless user
 * namespace, finds the image in lab's store, writes the spec, makes the
 * network namespace and starts pasta, then forks conmon, which runs the OCI
 * runtime (`crun create`) and stays as the container's parent; podman then
 * runs `crun start`, and the container's program is exec'd. Costs are the
 * lab's estimates, like the docker plan's.
 * @see containers/podman libpod/oci_conmon_common.go (CreateContainer, StartContainer), libpod/oci_conmon_linux.go; containers/conmon README (what conmon holds)
 * @see containers/podman RELEASE_NOTES.md 5.0.0 ("The default tool for rootless networking has been swapped from slirp4netns to pasta"); common/libnetwork/pasta/pasta_linux.go createPastaArgs (pasta's arguments, 169.254.1.1)
 */
export interface PodmanPlanInput {
  request: RunRequest;
  id: string;
  /** The image as podman names it: docker.io/library/alpine:latest. */
  imageName: string;
  runtime: 'crun' | 'runc' | null;
  spec: OciSpec | null;
  /** Podman's own kernel calls: making or joining the rootless user namespace. */
  rootless: StartStep[];
  /** The runtime's kernel calls (podmanSteps.ts). */
  kernel: StartStep[];
  refusal: { state: StartState; message: string } | null;
  exec: { path: string; argv: string[] } | null;
}

const RUN = 'podman run';

export function podmanStartPlan(p: PodmanPlanInput): StartStep[] {
  const front = [
    step('requested', RUN, '0', 'podman', 'handled', `The lab runs podman as the host's ordinary user lab (uid ${ROOTLESS_USER.uid}): rootless, as podman runs by default. No daemon and no socket: this command does the work itself, with lab's rights and no more. It reads its flags (${summary(p.request)})`, 30_000_000),
    ...p.rootless,
  ];
  if (!p.runtime || !p.spec || p.refusal?.state === 'requested' || p.refusal?.state === 'specWritten') {
    return [...front, refusal('specWritten', RUN, 'podman', p.refusal?.message ?? 'podman refused the container')];
  }
  const rt = p.runtime;
  const short = p.id.slice(0, 12);
  const conmon = `conmon --api-version 1 -c ${short}… -u ${short}… -r /usr/bin/${rt} -b ${userdataDir(short)}…${p.request.tty ? ' -t' : ''}`;
  const steps = [
    ...front,
    step('specWritten', RUN, '0', 'podman', 'handled', specSummary(p.spec, p.imageName), 20_000_000),
    ...networkSteps(p.spec),
    step('taskCreated', conmon, '0', 'podman', 'handled', `podman forks conmon, in the user namespace, and waits for it to report the container created`, 2_000_000),
    step('taskCreated', conmon, '0', 'conmon', 'handled', `conmon detaches from podman, so it outlives the command, and runs \`${rt} create --bundle ${userdataDir(short)}… ${short}…\`. It stays as the container's parent: it holds ${p.request.tty ? 'the terminal' : 'stdin, stdout and stderr'}, writes the logs and keeps the exit status for podman to read later`, 5_000_000),
    step('taskCreated', `${rt} create`, '0', 'oci-runtime', 'handled', `${rt} reads config.json and makes the container, as lab, inside the rootless user namespace`, rt === 'crun' ? 1_000_000 : 2_000_000),
    ...p.kernel,
  ];
  if (p.refusal) return [...steps, refusal(p.refusal.state, `${rt} create`, 'oci-runtime', p.refusal.message)];
  return [...steps, ...startSteps(p, rt)];
}

/** Podman makes the network namespace before the runtime runs, and pasta connects it. */
function networkSteps(spec: OciSpec): StartStep[] {
  const net = spec.linux.namespaces.find((n) => n.type === 'network');
  if (!net?.path) return [];
  return [
    step('specWritten', 'unshare(CLONE_NEWNET)', '0', 'host-kernel', 'pass', `podman makes the container's network namespace itself, owned by the rootless user namespace, and bind-mounts it at ${net.path}: the spec names that path, so the runtime joins it`, 5_000, 'sys_unshare'),
    step('specWritten', `pasta --config-net --dns-forward 169.254.1.1 -t none -u none -T none -U none --no-map-gw --quiet --netns ${net.path} --map-guest-addr 169.254.1.2`, '0', 'podman', 'handled',
      'podman starts pasta, rootless networking since podman 5: a process of lab\'s on the host that puts a tap device in the namespace, named and addressed like the host\'s own interface (eth0, 10.0.2.15/24), and carries the container\'s connections over ordinary sockets of lab\'s. No bridge, no veth, no iptables: the host\'s network sees lab\'s connections. Nameserver 169.254.1.1 is pasta\'s DNS forwarder', 10_000_000),
  ];
}

function startSteps(p: PodmanPlanInput, rt: string): StartStep[] {
  const exec = p.exec;
  if (!exec) return [];
  const start = `${rt} start ${p.id.slice(0, 12)}`;
  const line = `execve("${exec.path}", [${exec.argv.map((a) => JSON.stringify(a)).join(', ')}], 0x… /* env */)`;
  const uid = p.spec?.process.user.uid ?? 0;
  return [
    step('started', start, '0', 'podman', 'handled', `conmon reports the container created; podman runs \`${rt} start\`${p.request.interactive && p.request.tty ? ' and attaches the terminal to conmon\'s' : ''}`, 1_000_000),
    step('started', start, '0', 'oci-runtime', 'handled', `${rt} start signals the waiting process to go on to execve`, 1_000_000),
    step('execed', line, '0', 'container', 'handled', 'The container\'s process execs the spec\'s program', 100_000),
    step('execed', line, '0', 'host-syscall', 'pass', p.spec?.linux.seccomp ? 'The container\'s own syscall: from here on podman\'s seccomp filter checks every one' : 'The container\'s own syscall; no seccomp filter checks it', 100),
    step('execed', line, '0', 'host-kernel', 'handled', `The host kernel loads the program: on the host a process of uid ${hostUid(uid)}${uid === 0 ? ' (lab), root only inside its user namespace' : `, a subordinate id of lab's`}`, 300_000, 'do_execveat_common'),
    step('execed', line, '0', 'container', 'handled', `${exec.argv.join(' ')} runs as the container's pid 1, uid ${uid} inside`, 0),
  ];
}

function summary(r: RunRequest): string {
  const parts = [`image ${r.image}`, `runtime ${r.runtime}`];
  if (r.privileged) parts.push('--privileged');
  for (const c of r.capAdd) parts.push(`--cap-add ${c}`);
  for (const c of r.capDrop) parts.push(`--cap-drop ${c}`);
  if (r.seccomp.type === 'unconfined') parts.push('seccomp=unconfined');
  if (r.resources.memory) parts.push(`--memory ${r.resources.memory}`);
  if (r.resources.pidsLimit) parts.push(`--pids-limit ${r.resources.pidsLimit}`);
  if (r.network !== 'bridge') parts.push(`--network ${r.network}`);
  for (const v of r.volumes) parts.push(`-v ${v.host}:${v.container}${v.readOnly ? ':ro' : ''}`);
  if (r.user) parts.push(`--user ${r.user}`);
  return parts.join(', ');
}

function specSummary(spec: OciSpec, imageName: string): string {
  const caps = spec.process.capabilities?.bounding?.length ?? 0;
  const seccomp = spec.linux.seccomp ? `podman's seccomp profile (${spec.linux.seccomp.syscalls?.length ?? 0} rules for these capabilities; unknown calls get ENOSYS)` : 'no seccomp profile';
  const ns = spec.linux.namespaces.map((n) => (n.path ? `${n.type} (joined)` : n.type)).join(', ');
  const pids = spec.linux.resources?.pids?.limit;
  return `podman finds ${imageName} in lab's own store (${GRAPH_ROOT}) and writes the OCI spec: namespaces ${ns}, and no user namespace of the container's own (it shares podman's); ${caps} capabilities; ${seccomp}; ${pids ? `pids.max ${pids}` : 'no pids limit'}; cgroup ${spec.linux.cgroupsPath ?? ''}; user ${spec.process.user.uid}:${spec.process.user.gid}${spec.root.readonly ? '; read-only root' : ''}`;
}
