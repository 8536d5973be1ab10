import type { OciSpec } from '../oci/spec.ts';
import { refusal, step, type StartStep } from './startPlan.ts';
import type { CriHandler } from './kubernetes.ts';

/**
 * `kubectl run` as two starts, each walked by the start machine: the pod's
 * sandbox (RunPodSandbox: the pause container, or runsc's Sentry, or Kata's
 * VM), then its container (CreateContainer, StartContainer) in it. Costs are
 * the lab's estimates, like the docker path's.
 * @see https://kubernetes.io/docs/concepts/architecture/cri/
 * @see kubernetes/cri-api pkg/apis/runtime/v1/api.proto (RunPodSandbox, CreateContainer, StartContainer)
 */
export interface PodPlanInput {
  pod: string;
  image: string;
  runtimeClassName: string | null;
  handler: CriHandler;
  /** Where the API server refuses the Pod, in its words. */
  refusal: string | null;
  /** The runtime's steps for the sandbox (runc: the pause container's syscalls; runsc, Kata: the sandbox's start). */
  sandboxKernel: StartStep[];
  ip: string;
}

const POST = 'POST /api/v1/namespaces/default/pods';

/**
 * The API server's part, the same for either cluster: kubectl's request,
 * admission, and (unless refused) the Pod stored and bound to the node.
 */
export function podApiSteps(p: { image: string; runtimeClassName: string | null; handler: string; refusal: string | null }): StartStep[] {
  const api = [
    step('requested', POST, '201 Created', 'kubectl', 'handled', `kubectl run builds a Pod: one container, image ${p.image}${p.runtimeClassName ? `, runtimeClassName ${p.runtimeClassName}` : ''}, and sends it to the API server`, 2_000_000),
    step('requested', POST, '201 Created', 'kube-api', 'pass', 'HTTPS to the API server: authenticated by the kubeconfig\'s client certificate, authorised by RBAC, then admission — the RuntimeClass controller looks the class up and adds its overhead', 3_000_000),
  ];
  if (p.refusal) return [...api, refusal('requested', POST, 'kube-apiserver', p.refusal)];
  return [...api, step('requested', POST, '201 Created', 'kube-apiserver', 'handled', `The API server validates the Pod and stores it in etcd; the scheduler binds it to the node lab-host${p.runtimeClassName ? `, and the RuntimeClass ${p.runtimeClassName} names handler ${p.handler}` : ''}`, 10_000_000)];
}

export function podSandboxPlan(p: PodPlanInput): StartStep[] {
  const api = podApiSteps({ ...p, handler: p.handler.handler });
  if (p.refusal) return api;
  const rps = 'RunPodSandbox';
  const h = p.handler;
  const sandboxWhat = h.kind === 'runc'
    ? 'the pause container (registry.k8s.io/pause:3.10), whose only job is to hold the pod\'s network, IPC and UTS namespaces'
    : h.kind === 'runsc' ? 'a gVisor sandbox: the Sentry, which will run the pause container and every container of the pod inside itself' : 'a Kata VM: the guest kernel will run every container of the pod';
  return [
    ...api,
    step('specWritten', rps, 'ok', 'kubelet', 'handled', `The kubelet on lab-host sees the Pod bound to its node and asks the container runtime, over CRI, for the pod's sandbox with runtime handler "${h.handler}"`, 5_000_000),
    step('specWritten', rps, 'ok', 'cri-api', 'pass', 'gRPC runtime.v1.RuntimeService/RunPodSandbox over /run/containerd/containerd.sock', 500_000),
    step('specWritten', rps, 'ok', 'containerd', 'handled', `containerd's CRI plugin makes the sandbox: ${sandboxWhat}. The CNI bridge plugin gives the pod eth0 on cni0, address ${p.ip}`, 50_000_000),
    step('taskCreated', rps, 'ok', 'shim-api', 'pass', 'ttRPC: Create the sandbox\'s task', 200_000),
    step('taskCreated', rps, 'ok', 'shim', 'handled', `${h.shim.exe.split('/').pop() ?? ''} for runtime type ${h.runtimeType}: one shim for the whole pod`, 5_000_000),
    step('taskCreated', `${h.binary} create`, '0', 'oci-runtime', 'handled', `${h.binary} makes the sandbox`, 2_000_000),
    ...p.sandboxKernel,
    ...(h.kind === 'runc' ? [step('execed', 'execve("/pause", ["/pause"], 0x… /* env */)', '0', 'container', 'handled', 'The pause container runs /pause: it sleeps and reaps zombies, pid 1 of the pod\'s sandbox', 100_000)] : []),
  ];
}

/** CreateContainer and StartContainer: the pod's container, in the sandbox the first plan made. */
export function podContainerPlan(handler: CriHandler, spec: OciSpec, kernel: StartStep[], exec: { path: string; argv: string[] }): StartStep[] {
  const joined = spec.linux.namespaces.filter((n) => n.path).map((n) => n.type);
  const seccomp = spec.linux.seccomp ? 'the RuntimeDefault seccomp profile' : 'no seccomp profile: Kubernetes runs containers Unconfined unless the Pod asks for RuntimeDefault or the kubelet runs with --seccomp-default';
  const cc = 'CreateContainer';
  const sc = 'StartContainer';
  const line = `execve("${exec.path}", [${exec.argv.map((a) => JSON.stringify(a)).join(', ')}], 0x… /* env */)`;
  const sandbox = handler.kind !== 'runc';
  return [
    step('specWritten', cc, 'ok', 'kubelet', 'handled', 'The kubelet asks for the Pod\'s container in that sandbox', 1_000_000),
    step('specWritten', cc, 'ok', 'cri-api', 'pass', 'gRPC runtime.v1.RuntimeService/CreateContainer', 500_000),
    step('specWritten', cc, 'ok', 'containerd', 'handled', `containerd writes the container's spec: ${joined.length ? `it joins the sandbox's ${joined.join(', ')} namespaces, ` : ''}${spec.process.capabilities?.bounding?.length ?? 0} capabilities, ${seccomp}. (The lab writes it with moby's rules, whose capabilities and masked paths are containerd's defaults too; its /etc/hosts and hostname files are bound as Docker binds them.)`, 10_000_000),
    step('taskCreated', cc, 'ok', 'shim-api', 'pass', 'ttRPC to the pod\'s shim: Create', 200_000),
    step('taskCreated', `${handler.binary} create`, '0', 'oci-runtime', 'handled', sandbox ? `${handler.binary} asks the sandbox to make the container inside it` : 'runc makes the container', 2_000_000),
    ...kernel,
    step('started', sc, 'ok', 'kubelet', 'handled', 'The kubelet starts it', 500_000),
    step('started', sc, 'ok', 'cri-api', 'pass', 'gRPC runtime.v1.RuntimeService/StartContainer', 500_000),
    step('started', sc, 'ok', 'shim', 'handled', `The shim runs ${handler.binary} start`, 2_000_000),
    step('execed', line, '0', 'container', 'handled', 'The container\'s init execs its program', 100_000),
    step('execed', line, '0', sandbox ? 'sandbox-kernel' : 'host-kernel', 'handled', sandbox ? 'The sandbox\'s kernel loads it; the host sees only the sandbox' : 'The host kernel loads it: a process on the host in the pod\'s namespaces and cgroup', 300_000, sandbox ? undefined : 'do_execveat_common'),
  ];
}
