import { binary, dir, type TreeEntry } from '../vfs/treeSpec.ts';
import type { ImageSpec } from '../vfs/images/imageSpec.ts';
import type { BridgeSpec, ShimSpec } from '../runtime/runcContainer.ts';
import type { RuntimeId } from '../runtime/types.ts';

/**
 * The lab's one-node cluster lab-containerd: the node is the lab's host, its
 * kubelet talks CRI to containerd, whose config maps each RuntimeClass
 * handler to a shim (lab-crio's node runs CRI-O instead: crio.ts). Both
 * clusters have the same three RuntimeClasses, as a cluster offering gVisor
 * and Kata would define them.
 * @see https://kubernetes.io/docs/concepts/containers/runtime-class/
 * @see https://gvisor.dev/docs/user_guide/containerd/configuration/ (runtime_type io.containerd.runsc.v1)
 * @see https://github.com/kata-containers/kata-containers/blob/main/docs/how-to/containerd-kata.md (io.containerd.kata.v2)
 */
export const NODE_NAME = 'lab-host';

export interface RuntimeClass {
  name: string;
  handler: string;
}

export const RUNTIME_CLASSES: readonly RuntimeClass[] = [
  { name: 'gvisor', handler: 'runsc' },
  { name: 'kata', handler: 'kata' },
  { name: 'runc', handler: 'runc' },
];

export interface CriHandler {
  handler: string;
  kind: 'runc' | 'runsc' | 'kata';
  runtime: RuntimeId;
  runtimeType: string;
  shim: ShimSpec;
  binary: string;
}

const shim = (bin: string): ShimSpec => ({ comm: bin.slice(0, 15), exe: `/usr/bin/${bin}`, argv: [`/usr/bin/${bin}`, '-namespace', 'k8s.io', '-address', '/run/containerd/containerd.sock'] });

/** containerd's `plugins."io.containerd.cri.v1.runtime".containerd.runtimes.<handler>` on the lab's node; runc is the default. */
export const CRI_HANDLERS: Readonly<Record<string, CriHandler>> = {
  runc: { handler: 'runc', kind: 'runc', runtime: 'runc', runtimeType: 'io.containerd.runc.v2', shim: shim('containerd-shim-runc-v2'), binary: 'runc' },
  runsc: { handler: 'runsc', kind: 'runsc', runtime: 'gvisor', runtimeType: 'io.containerd.runsc.v1', shim: shim('containerd-shim-runsc-v1'), binary: 'runsc' },
  kata: { handler: 'kata', kind: 'kata', runtime: 'kata', runtimeType: 'io.containerd.kata.v2', shim: shim('containerd-shim-kata-v2'), binary: 'containerd-shim-kata-v2' },
};

/**
 * The pod network: the CNI bridge plugin's cni0 on the node, addresses from
 * the node's /24 of the cluster's pod CIDR (10.244.0.0/16, kubeadm's usual
 * `--pod-network-cidr`).
 */
export const CNI_BRIDGE: BridgeSpec = { name: 'cni0', net: '10.244.0', prefix: 24, macPrefix: '0a:58:0a:f4:00' };

/**
 * registry.k8s.io/pause:3.10, containerd 2's sandbox image: one static
 * program that sleeps and reaps, holding the pod's namespaces. The lab's tree
 * also has /etc, which runc would create for the bind mounts.
 * @see kubernetes/kubernetes build/pause/linux/pause.c
 */
export const PAUSE_IMAGE: ImageSpec = {
  ref: 'registry.k8s.io/pause:3.10',
  description: 'The pod sandbox\'s pause container: one program, /pause.',
  entries: (): TreeEntry[] => [dir('/etc'), binary('/pause', 514_000)],
  shell: null,
  missing: {},
};

/** A Pod the API server stored and the kubelet started. */
export interface PodRecord {
  name: string;
  namespace: string;
  uid: string;
  runtimeClassName: string | null;
  handler: string;
  /** The pause container's record (runc on containerd), or '' when the sandbox is a Sentry, a VM, or CRI-O's pinned namespaces with no infra container. */
  sandboxId: string;
  containerId: string;
  ip: string;
  phase: 'Running' | 'Succeeded' | 'Failed';
  seq: number;
  /** The cluster (kubeconfig context) whose API server has it; absent: lab-containerd. */
  cluster?: string;
}

/** A pod's uid (the lab's: derived from the container id, so replays agree). */
export function podUid(id: string): string {
  return `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20, 32)}`;
}

/** The kubelet's systemd cgroup for a BestEffort pod (kubectl run sets no requests or limits), and a container's scope in it. */
export function podCgroup(uid: string): string {
  return `/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod${uid.replace(/-/g, '_')}.slice`;
}

export const containerScope = (uid: string, id: string): string => `${podCgroup(uid)}/cri-containerd-${id}.scope`;
