import type { LayerSpec } from '../trace.ts';

/**
 * The programs a container's start passes through, top (the tool a person
 * types) to bottom (the container), as diagram layers: processes are `user`
 * boxes, the sockets between them are gates, the host kernel's part is
 * marked as such. One list per front end; a sandboxed runtime adds the
 * kernel that will serve the container (the Sentry, the guest kernel).
 */
export type StackKind = 'docker' | 'kubernetes' | 'kubernetes-crio' | 'podman' | 'runc';

const L = (id: string, label: string, kind: LayerSpec['kind'], description: string, hostKernel = false): LayerSpec => ({ id, label, kind, hostKernel, description });

const DOCKER_TOP: LayerSpec[] = [
  L('docker-cli', 'docker CLI', 'user', 'The docker command: it reads the flags and talks to the daemon over its API. It runs as the user who typed it.'),
  L('docker-api', 'REST · docker.sock', 'boundary', 'HTTP over the Unix socket /var/run/docker.sock (root:docker, 0660): whoever can write to it can ask the root daemon for anything, so membership of the docker group is root on the host.'),
  L('dockerd', 'dockerd', 'user', 'The Docker daemon, running as root: it resolves the image, checks the flags and writes the container\'s OCI spec.'),
  L('containerd-api', 'gRPC · containerd.sock', 'boundary', 'gRPC over /run/containerd/containerd.sock: containers, snapshots and tasks in containerd\'s "moby" namespace.'),
];

const KUBE_TOP: LayerSpec[] = [
  L('kubectl', 'kubectl', 'user', 'The Kubernetes client: it turns `kubectl run` into a Pod object and sends it to the API server.'),
  L('kube-api', 'HTTPS · API server', 'boundary', 'The Kubernetes API over HTTPS, authenticated and authorised (RBAC), then admission control.'),
  L('kube-apiserver', 'kube-apiserver', 'user', 'Validates and stores the Pod in etcd; the scheduler binds it to a node, whose kubelet is watching.'),
  L('kubelet', 'kubelet', 'user', 'The node agent: it sees the Pod bound to its node and asks the container runtime, through the CRI, for a sandbox and containers.'),
  L('cri-api', 'CRI · gRPC', 'boundary', 'The Container Runtime Interface: RunPodSandbox, CreateContainer, StartContainer over gRPC on the runtime\'s socket.'),
];

const SHIM: LayerSpec[] = [
  L('containerd', 'containerd', 'user', 'The container supervisor: it unpacks the image into a snapshot, writes the bundle (rootfs and config.json) and starts a shim for the runtime.'),
  L('shim-api', 'ttRPC · shim socket', 'boundary', 'ttRPC (gRPC without HTTP/2) over the shim\'s socket: Create, Start, Kill, Delete of the task.'),
  L('shim', 'containerd shim', 'user', 'One shim per container (or per pod): it runs the OCI runtime, then stays as the container\'s parent holding its stdio and exit status, so containerd can restart.'),
];

const PODMAN_TOP: LayerSpec[] = [
  L('podman', 'podman', 'user', 'Podman: no daemon. The command itself pulls the image, writes the OCI spec and forks conmon; rootless by default.'),
  L('conmon', 'conmon', 'user', 'The container monitor: a small C program that runs the OCI runtime and stays as the container\'s parent, holding its terminal and logs.'),
];

/**
 * The lab-crio node: CRI-O instead of containerd. An "oci" runtime (crun, the
 * default, or runc) runs under one conmon per container; a "vm" runtime
 * (kata, runsc) is a containerd shim v2 binary that CRI-O starts and talks
 * ttRPC to itself — the sandboxed list.
 * @see cri-o/cri-o docs/crio.conf.5.md (runtime_type); internal/oci/runtime_oci.go, runtime_vm.go
 */
const CRIO: LayerSpec = L('crio', 'CRI-O', 'user', 'CRI-O, a CRI runtime made for Kubernetes: it pulls images into containers/storage, pins the pod\'s namespaces with pinns, runs the CNI, writes each container\'s OCI spec and starts conmon (or a VM runtime\'s shim). No containerd.');
const CRIO_OCI: LayerSpec[] = [CRIO, L('conmon', 'conmon', 'user', 'The container monitor CRI-O forks for each container: it runs the OCI runtime, then stays as the container\'s parent holding its stdio, log and exit status, so CRI-O can restart without touching the container.')];
const CRIO_VM: LayerSpec[] = [
  CRIO,
  L('shim-api', 'ttRPC · shim socket', 'boundary', 'ttRPC over the shim\'s socket: CRI-O speaks the containerd shim v2 API (Create, Start, Kill, Delete) with no containerd in between.'),
  L('shim', 'shim v2 (no containerd)', 'user', 'A "vm" runtime: containerd-shim-kata-v2 or containerd-shim-runsc-v1, started by CRI-O itself, one per pod; it runs the sandbox and every container in it.'),
];

const BOTTOM: LayerSpec[] = [
  L('oci-runtime', 'OCI runtime', 'user', 'The low-level runtime (runc, crun, runsc, Kata\'s shim): reads config.json and makes the container with kernel calls.'),
  L('host-syscall', 'syscall', 'boundary', 'The runtime\'s system calls into the host kernel.', true),
  L('host-kernel', 'host kernel', 'kernel', 'The host\'s Linux kernel: namespaces, cgroups, mounts, capabilities and seccomp filters are made here.', true),
];

const SANDBOX = L('sandbox-kernel', 'container\'s kernel', 'kernel', 'The kernel that will serve the container: gVisor\'s Sentry (a kernel in user space) or the Kata VM\'s guest kernel.');
const CONTAINER = L('container', 'container', 'user', 'The container\'s first process, with exactly the isolation the spec asked for.');

export function stackLayers(kind: StackKind, sandboxed: boolean): LayerSpec[] {
  const top = kind === 'docker' ? [...DOCKER_TOP, ...SHIM]
    : kind === 'kubernetes' ? [...KUBE_TOP, ...SHIM]
      : kind === 'kubernetes-crio' ? [...KUBE_TOP, ...(sandboxed ? CRIO_VM : CRIO_OCI)]
        : kind === 'podman' ? PODMAN_TOP : [];
  return [...top, ...BOTTOM, ...(sandboxed ? [SANDBOX] : []), CONTAINER];
}

export const STACK_LABEL: Readonly<Record<StackKind, string>> = {
  docker: 'docker → dockerd → containerd → shim → runtime',
  kubernetes: 'kubectl → API server → kubelet → CRI → runtime',
  'kubernetes-crio': 'kubectl → API server → kubelet → CRI → CRI-O → runtime',
  podman: 'podman → conmon → runtime',
  runc: 'runc',
};
