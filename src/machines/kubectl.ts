import { kubectlContextFlag, parseKubectl, type KubectlCommand, type KubectlConfig } from '../sim/stack/kubectlArgs.ts';
import { LAB_PREFIX } from '../sim/stack/cliResult.ts';
import { chosenContext, contextNotFoundText, DEFAULT_CONTEXT, findContext, getContexts, useContext, type KubeContext } from '../sim/stack/kubeconfig.ts';
import { NODE_NAME, RUNTIME_CLASSES, type PodRecord } from '../sim/stack/kubernetes.ts';
import type { Attach, ControlResult, ControlRun, HostState } from './controlTypes.ts';
import { removed, stopped, table } from './dockerAdmin.ts';
import { kubectlRunPod } from './kubectlRun.ts';
import { runInContainer } from './controlPlane.ts';
import { execInPod } from './kubectlExec.ts';
import { clusterPods } from './kubePod.ts';

/**
 * `kubectl …` against the lab's clusters, lab-containerd and lab-crio, one
 * node each: run (the path through the API server, the kubelet and the
 * CRI), get pods and runtimeclasses, delete, exec, and `config` for the
 * contexts. A command talks to the cluster of --context, else of
 * kubeconfig's current-context. Output as kubectl prints it.
 * @see kubernetes/kubectl pkg/cmd/run, pkg/cmd/get (table printers), pkg/cmd/delete, pkg/cmd/config
 */
const out = (state: HostState, stdout: string, stderr = '', status = 0): ControlResult => ({ ok: true, value: { ...state, path: null, inner: null, stdout, stderr, status } });

export function kubectlLine(state: HostState, argv: readonly string[], _attached: Attach | null): ControlResult {
  const parsed = parseKubectl(argv);
  switch (parsed.type) {
    case 'error': {
      // What the API server would refuse needs a context that reaches one first.
      const flag = parsed.from === 'apiserver' ? kubectlContextFlag(argv) : undefined;
      if (flag !== undefined && !findContext(flag)) return out(state, '', contextNotFoundText(flag), 1);
      return out(state, '', `${parsed.message}\n`, parsed.status);
    }
    case 'help': return out(state, `${parsed.text}\n`);
    case 'unmodelled': return out(state, '', `${parsed.message}\n`, 1);
    case 'config': return config(state, parsed);
    default: {
      const cluster = findContext(chosenContext(state.stack.kubeContext, parsed.context));
      return cluster ? kubectl(state, parsed, cluster) : out(state, '', contextNotFoundText(parsed.context ?? ''), 1);
    }
  }
}

/** `kubectl config …`: the kubeconfig's contexts; use-context changes the current one, which the stack keeps. */
function config(state: HostState, cmd: KubectlConfig): ControlResult {
  const current = state.stack.kubeContext ?? DEFAULT_CONTEXT;
  const r = cmd.action === 'get-contexts' ? getContexts(current, cmd.names, cmd)
    : cmd.action === 'use-context' ? useContext(current, cmd.args, cmd.usage)
      : { stdout: `${current}\n`, stderr: '', status: 0, current };
  const stack = r.current === current ? state.stack : { ...state.stack, kubeContext: r.current };
  return out({ ...state, stack }, r.stdout, r.stderr, r.status);
}

function kubectl(state: HostState, cmd: KubectlCommand, cluster: KubeContext): ControlResult {
  switch (cmd.type) {
    case 'run': return runPod(state, cmd, cluster);
    case 'get': return cmd.resource === 'pods' ? out(state, podsTable(clusterPods(state.stack, cluster.name), cmd.names, cmd.output === 'wide')) : out(state, runtimeClassTable(cmd.names));
    case 'delete': return cmd.resource === 'pods' ? deletePods(state, cluster.name, cmd.names) : out(state, '', `${LAB_PREFIX}the lab's RuntimeClasses are fixed; deleting them is not modelled\n`, 1);
    case 'exec': return execInPod(state, cmd, cluster.name);
    default: return out(state, '', `${LAB_PREFIX}kubectl ${cmd.type} is read but not modelled; the lab runs kubectl run, get, delete, exec and config\n`, 1);
  }
}

function runPod(state: HostState, cmd: Extract<KubectlCommand, { type: 'run' }>, cluster: KubeContext): ControlResult {
  const started = kubectlRunPod(state, cmd, cluster.name);
  const path = { kind: cluster.runtime === 'crio' ? 'kubernetes-crio' as const : 'kubernetes' as const, sandboxed: started.sandboxed, calls: started.calls };
  const base: ControlRun = { ...started.state, path, inner: null, stdout: '', stderr: '', status: 0 };
  if (!started.pod || !started.container) return { ok: true, value: { ...base, stderr: `${started.error ?? 'the pod did not start'}\n`, status: 1 } };
  const c = started.container;
  const attach: Attach = { id: c.id, name: started.pod.name, runtime: c.runtime, pid: c.pid, image: c.image };
  const program = (c.spec.process.args[0] ?? '').split('/').pop() ?? '';
  if (cmd.attach && cmd.request.tty && ['sh', 'bash', 'ash', 'dash'].includes(program)) {
    // kubectl's line when it attaches to a TTY (pkg/cmd/attach).
    return { ok: true, value: { ...base, stdout: 'If you don\'t see a command prompt, try pressing enter.\n', attach } };
  }
  if (cmd.request.command.length === 0 || ['sh', 'bash'].includes(program)) return { ok: true, value: { ...base, stdout: `pod/${started.pod.name} created\n` } };
  // A command with no terminal runs to its end and the pod completes, as with --restart=Never.
  const inside = runInContainer(started.state, attach, c.spec.process.args.join(' '));
  if (!inside.ok) return { ok: true, value: { ...base, stdout: `pod/${started.pod.name} created\n`, stderr: `${inside.message}\n` } };
  const ended = stopped(inside.value, c, inside.value.status);
  const pods = ended.stack.pods.map((p) => (samePod(p, started.pod) ? { ...p, phase: inside.value.status === 0 ? 'Succeeded' as const : 'Failed' as const } : p));
  // With restartPolicy Always (kubectl run's default) the kubelet would start the container again and again (CrashLoopBackOff).
  const restarts = cmd.restartPolicy === 'Always' ? `${LAB_PREFIX}with restartPolicy Always the kubelet would restart this container after it exits (CrashLoopBackOff); the lab leaves the pod as it ended — add --restart=Never for what the lab shows\n` : '';
  return { ok: true, value: { ...inside.value, ...ended, stack: { ...ended.stack, pods }, path, stdout: `pod/${started.pod.name} created\n${cmd.attach ? inside.value.stdout : ''}`, stderr: restarts, status: 0, attach: undefined } };
}

function podsTable(pods: readonly PodRecord[], names: readonly string[], wide: boolean): string {
  const shown = pods.filter((p) => names.length === 0 || names.includes(p.name));
  if (shown.length === 0) return 'No resources found in default namespace.\n';
  const head = ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', ...(wide ? ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'] : [])];
  return table([head, ...shown.map((p) => [p.name, p.phase === 'Running' ? '1/1' : '0/1', status(p), '0', '0s', ...(wide ? [p.ip || '<none>', NODE_NAME, '<none>', '<none>'] : [])])]);
}

const samePod = (a: PodRecord, b: PodRecord | null): boolean => b !== null && a.name === b.name && a.cluster === b.cluster;

const status = (p: PodRecord) => (p.phase === 'Running' ? 'Running' : p.phase === 'Succeeded' ? 'Completed' : 'Error');

function runtimeClassTable(names: readonly string[]): string {
  const rows = RUNTIME_CLASSES.filter((c) => names.length === 0 || names.includes(c.name));
  return table([['NAME', 'HANDLER', 'AGE'], ...rows.map((c) => [c.name, c.handler, '1d'])]);
}

/** `kubectl delete pod NAME`: the kubelet stops the containers (and the sandbox) and the API server forgets the Pod. */
function deletePods(state: HostState, cluster: string, names: readonly string[]): ControlResult {
  let cur = state;
  let text = '';
  let err = '';
  for (const name of names) {
    const pod = clusterPods(cur.stack, cluster).find((p) => p.name === name);
    if (!pod) { err += `Error from server (NotFound): pods "${name}" not found\n`; continue; }
    for (const id of [pod.containerId, pod.sandboxId].filter(Boolean)) {
      const c = cur.stack.containers.find((x) => x.id === id);
      if (c && c.status === 'running') cur = stopped(cur, c, 137);
      cur = { ...cur, stack: removed(cur.stack, id) };
    }
    cur = { ...cur, stack: { ...cur.stack, pods: cur.stack.pods.filter((p) => !samePod(p, pod)) } };
    text += `pod "${name}" deleted\n`;
  }
  return out(cur, text, err, err ? 1 : 0);
}
