import { refusal, step, type StartState, type StartStep } from '../stack/startPlan.ts';
import { hookSteps } from './hooksSteps.ts';
import type { OciHookName, OciSpec } from './spec.ts';

/**
 * `runc create`, `runc start` and `runc run` typed on the host, as steps for
 * the start machine (src/machines/containerStartMachine.ts): no daemon, no
 * containerd and no shim above runc; runc reads the bundle's config.json,
 * makes its state directory, re-executes itself as `runc init` to build the
 * container (runcSteps.ts), and the init waits on exec.fifo until
 * `runc start`. Hooks come at the points the runtime-spec sets
 * (hooksSteps.ts). Costs are the lab's estimates.
 * @see opencontainers/runc create.go, start.go, run.go, utils_linux.go startContainer; libcontainer/container_linux.go (Start, exec)
 */
export interface RuncPlanInput {
  verb: 'create' | 'run';
  id: string;
  bundle: string;
  spec: OciSpec | null;
  /** Where runc stopped, with its words (the part after `ERRO[0000] `). */
  refusal: { state: StartState; message: string } | null;
  /** runc's calls in the host kernel (runcCreateSteps), for a container it made. */
  kernel: StartStep[];
  /** The lab's cgroup for the container, said plainly in place of runcSteps' systemd sentence. */
  cgroupPath: string;
  /** The program the init will exec (run: at once; create: at `runc start`). */
  exec: { path: string; argv: string[] } | null;
  /** The hook points the OCI lifecycle machine passed, in order (create's, then start's for `runc run`). */
  hooks: readonly OciHookName[];
}

/** Hook points of the start half; the others belong to create. */
const START_HOOKS: readonly OciHookName[] = ['startContainer', 'poststart'];

const nsList = (spec: OciSpec) => spec.linux.namespaces.map((n) => n.type).join(', ') || 'none';

export function runcCreatePlan(p: RuncPlanInput): StartStep[] {
  const line = `runc ${p.verb} ${p.id}`;
  const read = step('requested', line, '0', 'oci-runtime', 'handled', p.spec
    ? `runc reads ${p.bundle}/config.json: namespaces ${nsList(p.spec)}; ${p.spec.process.capabilities?.bounding?.length ?? 0} capabilities; args ${JSON.stringify(p.spec.process.args)}; root ${p.spec.root.path}${p.spec.root.readonly ? ' (read-only)' : ''}`
    : `runc looks for ${p.bundle}/config.json`, 1_000_000);
  if (p.refusal?.state === 'requested' || !p.spec) return [read, refusal('requested', line, 'oci-runtime', p.refusal?.message ?? 'no config.json')];
  const prepared = step('specWritten', line, '0', 'oci-runtime', 'pass',
    `runc checks the config (the root filesystem exists, the ID is free), makes its state directory /run/runc/${p.id} with exec.fifo, and re-executes itself as \`runc init\` to build the container`, 2_000_000);
  if (p.refusal && p.refusal.state !== 'credentialed') return [read, prepared, refusal(p.refusal.state, line, 'oci-runtime', p.refusal.message)];
  const kernel = withHooks(p.spec, p.hooks.filter((h) => !START_HOOKS.includes(h)), p.kernel.map(honest(p.cgroupPath)));
  if (p.refusal) return [read, prepared, ...kernel, refusal('credentialed', line, 'container', p.refusal.message)];
  const wait = step('credentialed', `openat(AT_FDCWD, "/run/runc/${p.id}/exec.fifo", O_WRONLY|O_CLOEXEC)`, p.verb === 'create' ? '? (blocks)' : '3', 'container', 'handled',
    `The init opens exec.fifo for writing (through /proc/self/fd, the fd its parent opened) and blocks there: the container is "created". ${p.verb === 'create' ? '`runc create` returns; nothing of the program has run yet' : '`runc run` goes straight on to start it'}`, 10_000);
  return [read, prepared, ...kernel, wait, ...(p.verb === 'run' && p.exec ? runcStartSteps(p.spec, p.id, p.exec, p.hooks.filter((h) => START_HOOKS.includes(h)), line) : [])];
}

/** The create hooks go after the cgroup is set up and before pivot_root (the first `rooted` step). */
function withHooks(spec: OciSpec, names: readonly OciHookName[], kernel: StartStep[]): StartStep[] {
  const at = kernel.findIndex((s) => s.state === 'rooted');
  const hooks = hookSteps(spec, names, 'cgrouped');
  return at < 0 ? [...kernel, ...hooks] : [...kernel.slice(0, at), ...hooks, ...kernel.slice(at)];
}

/** runcSteps' sentences, with what the lab does differently from runc said where it does it. */
const honest = (cgroupPath: string) => (s: StartStep): StartStep => {
  if (s.call.includes('/cgroup.procs')) return { ...s, note: cgroupNote(cgroupPath) };
  if (s.call.startsWith('pivot_root')) return { ...s, note: `${s.note}. (The lab builds this root from a copy of the files of the image the rootfs holds, mounted as Docker mounts one, with Docker-style /etc/hostname, /etc/hosts and /etc/resolv.conf bound in: what the container writes does not reach the bundle's rootfs directory.)` };
  return s;
};

const cgroupNote = (path: string) => `runc puts the init in its cgroup, ${path}: from now on it counts the container's memory, CPU time and tasks. (runc on its own, with no linux.cgroupsPath and its default cgroupfs driver, names the cgroup after the container ID; the lab reuses the scope Docker would make.)`;

/** `runc start` (or the second half of `runc run`): exec.fifo, startContainer hooks, execve, poststart hooks. */
export function runcStartSteps(spec: OciSpec, id: string, exec: { path: string; argv: string[] }, hooks: readonly OciHookName[], line = `runc start ${id}`): StartStep[] {
  const execve = `execve("${exec.path}", [${exec.argv.map((a) => JSON.stringify(a)).join(', ')}], 0x… /* ${spec.process.env.length} vars */)`;
  return [
    step('started', line, '0', 'oci-runtime', 'handled', `runc opens /run/runc/${id}/exec.fifo for reading and reads the init's "0": the init, blocked in open(), goes on; runc then removes exec.fifo`, 1_000_000),
    ...hookSteps(spec, hooks.filter((h) => h === 'startContainer'), 'started'),
    step('execed', execve, '0', 'container', 'handled', 'The init execs the spec\'s program: process.args, with process.env and process.cwd', 100_000),
    step('execed', execve, '0', 'host-syscall', 'pass', 'The container\'s own syscall: from here on its seccomp filter (if config.json has one) checks every one', 100),
    step('execed', execve, '0', 'host-kernel', 'handled', 'The host kernel loads the program: the container is a process on the host, in its namespaces and cgroup', 300_000, 'do_execveat_common'),
    step('execed', execve, '0', 'container', 'handled', `${exec.argv.join(' ')} runs as the container's first process: it is "running"`, 0),
    ...hookSteps(spec, hooks.filter((h) => h === 'poststart'), 'execed'),
  ];
}
