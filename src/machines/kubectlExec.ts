import { findExecutable } from '../sim/runtime/imageExec.ts';
import { execProcess } from '../sim/runtime/execProcess.ts';
import type { KubectlCommand } from '../sim/stack/kubectlArgs.ts';
import { LAB_PREFIX } from '../sim/stack/cliResult.ts';
import { withRecord } from '../sim/stack/containers.ts';
import { findImage } from '../sim/vfs/images/catalog.ts';
import type { Attach, ControlResult, HostState } from './controlTypes.ts';
import { runInContainer } from './controlPlane.ts';
import { execEnded } from './dockerExec.ts';
import { clusterPods } from './kubePod.ts';
import { DEFAULT_CONTEXT } from '../sim/stack/kubeconfig.ts';

/**
 * `kubectl exec [-it] POD -- CMD`: the API server proxies to the kubelet,
 * which asks the CRI (Exec) for a new process in the pod's container. With
 * -it and a shell the terminal attaches to it. On lab-crio, CRI-O has the
 * pod's conmon run `crun exec`; how CRI-O words a program crun cannot find
 * is not modelled (the lab prints crun's own error).
 * @see kubernetes/cri-api api.proto (Exec), kubectl pkg/cmd/exec
 * @see containers/crun src/libcrun/utils.c find_executable (its error text)
 */
export function execInPod(state: HostState, cmd: Extract<KubectlCommand, { type: 'exec' }>, cluster: string = DEFAULT_CONTEXT): ControlResult {
  const out = (stdout: string, stderr: string, status: number): ControlResult => ({ ok: true, value: { ...state, path: null, inner: null, stdout, stderr, status } });
  const pod = clusterPods(state.stack, cluster).find((p) => p.name === cmd.pod);
  if (!pod) return out('', `Error from server (NotFound): pods "${cmd.pod}" not found\n`, 1);
  const c = state.stack.containers.find((x) => x.id === pod.containerId);
  if (!c || c.status !== 'running') return out('', 'error: cannot exec into a container in a completed pod; current phase is Succeeded\n', 1);
  const program = cmd.command[0] ?? '';
  const image = findImage(c.imageRef);
  const exe = image ? findExecutable(image, program, c.spec.process.env) : null;
  if (!exe && cluster !== DEFAULT_CONTEXT) return out('', `${LAB_PREFIX}crun exec: executable file \`${program}\` not found in $PATH: No such file or directory (how CRI-O and kubectl report it is not modelled)\n`, 1);
  if (!exe) return out(`error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec: OCI runtime exec failed: exec failed: unable to start container process: exec: "${program}": executable file not found in $PATH\n`, '', 1);
  const world = c.sandbox ? c.sandbox.world : state.host.world;
  const init = world.procs[c.pid];
  if (!init) return out('', `error: the container of ${cmd.pod} has no process\n`, 1);
  const made = execProcess(world, init, cmd.command, exe.target);
  const next: HostState = c.sandbox ? { ...state, stack: withRecord(state.stack, { ...c, sandbox: { ...c.sandbox, world: made.world } }) } : { ...state, host: { ...state.host, world: made.world } };
  const attach: Attach = { id: c.id, name: pod.name, runtime: c.runtime, pid: made.pid, image: c.image };
  if (cmd.stdin && cmd.tty && cmd.command.length === 1 && ['sh', 'bash', 'ash', 'dash'].includes(program.split('/').pop() ?? '')) return { ok: true, value: { ...next, path: null, inner: null, stdout: '', stderr: '', status: 0, attach } };
  const ran = runInContainer(next, attach, cmd.command.join(' '));
  return ran.ok ? { ok: true, value: { ...ran.value, ...execEnded(ran.value, c.id, made.pid), attach: undefined } } : ran;
}
