import type { OciNamespace, OciSpec } from '../oci/spec.ts';
import { CRIO_DEFAULT_CAPABILITIES, CRIO_MASKED_PATHS, crioCgroupsPath, pinPath } from './crio.ts';

/**
 * The config.json CRI-O writes for a Pod's container, from the one the lab
 * writes with moby's rules (which stand in for the kubelet's request): CRI-O's
 * nine default capabilities (a privileged container keeps all), its masked
 * paths added to the kubelet's, the systemd cgroupsPath in the pod's slice,
 * the root from containers/storage, and the pod's network, IPC and UTS
 * namespaces joined at the paths pinns pinned them to. No seccomp: the
 * kubelet asks for Unconfined unless the Pod says RuntimeDefault (or the
 * kubelet runs with --seccomp-default), and CRI-O then sets none.
 * @see cri-o/cri-o internal/factory/container/namespaces_linux.go SpecAddNamespaces (pinned paths; hostNetwork and hostPID remove the namespace)
 * @see cri-o/cri-o internal/factory/container/container.go SpecSetupCapabilities; server/container_create.go (cgroups path, masked paths); internal/config/seccomp/seccomp.go Setup (Unconfined: no profile)
 */
export interface CrioSpecInput {
  id: string;
  uid: string;
  privileged: boolean;
  /** The pinned namespaces' uuid (the file name under /var/run/{net,ipc,uts}ns). */
  pinned: string;
}

const capNames = (names: readonly string[]): string[] => names.map((c) => `CAP_${c}`);

export function crioSpec(spec: OciSpec, o: CrioSpecInput): OciSpec {
  const caps = capNames(CRIO_DEFAULT_CAPABILITIES);
  const capabilities = o.privileged ? spec.process.capabilities : { bounding: caps, effective: caps, permitted: caps };
  const masked = o.privileged ? spec.linux.maskedPaths : [...new Set([...(spec.linux.maskedPaths ?? []), ...CRIO_MASKED_PATHS])].sort();
  const { seccomp: _none, ...linux } = spec.linux;
  return {
    ...spec,
    root: { ...spec.root, path: `/var/lib/containers/storage/overlay/${o.id}/merged` },
    process: { ...spec.process, ...(capabilities ? { capabilities } : {}) },
    linux: { ...linux, cgroupsPath: crioCgroupsPath(o.uid, o.id), ...(masked ? { maskedPaths: masked } : {}), namespaces: crioNamespaces(spec, o.pinned) },
  };
}

/**
 * The container's own pid (none with hostPID), mount and cgroup namespaces,
 * and the pod's pinned ones (no network namespace with hostNetwork: pinns
 * then pins the host's, `--net=host`, and the spec names none).
 */
function crioNamespaces(spec: OciSpec, uuid: string): OciNamespace[] {
  const has = (type: string) => spec.linux.namespaces.some((n) => n.type === type);
  return [
    ...(has('pid') ? [{ type: 'pid' as const }] : []), { type: 'mount' }, { type: 'cgroup' },
    ...(has('network') ? [{ type: 'network' as const, path: pinPath('net', uuid) }] : []), { type: 'ipc', path: pinPath('ipc', uuid) }, { type: 'uts', path: pinPath('uts', uuid) },
  ];
}

/**
 * The same spec as the lab's kernel can join it: the lab joins a namespace
 * by a live process's /proc/PID/ns path, so the runtime is handed pinns'
 * (which the caller reaps right after, leaving the namespaces to the pins).
 */
export function joinableSpec(spec: OciSpec, pinnsPid: number): OciSpec {
  const proc = { network: 'net', ipc: 'ipc', uts: 'uts' } as Readonly<Record<string, string>>;
  const namespaces = spec.linux.namespaces.map((n) => (n.path && proc[n.type] ? { ...n, path: `/proc/${pinnsPid}/ns/${proc[n.type] ?? ''}` } : n));
  return { ...spec, linux: { ...spec.linux, namespaces } };
}
