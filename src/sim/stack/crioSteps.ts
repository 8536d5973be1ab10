import { NS_CLONE_FLAG, type NsType } from '../kernel/namespaces.ts';
import type { OciSpec } from '../oci/spec.ts';
import { formatFlags } from '../syscalls/constants/formatFlags.ts';
import { pinPath, type CrioRuntime } from './crio.ts';
import { CNI_BRIDGE } from './kubernetes.ts';
import { runcCreateSteps } from './runcSteps.ts';
import { step, type StartStep } from './startPlan.ts';

/**
 * The host-kernel calls around a Pod on the CRI-O node. RunPodSandbox: pinns
 * unshares the pod's IPC, UTS and network namespaces itself (no child: it
 * makes neither a user nor a mount namespace) and bind-mounts each
 * /proc/self/ns/<type> onto its pin, UTS, IPC, then network; then the CNI
 * bridge plugin wires the pinned network namespace. CreateContainer with
 * crun: it clones the process straight into the new pid namespace, joins
 * the pinned ones, asks systemd for the scope and moves the process to its
 * `container` subgroup, makes the cgroup and mount namespaces, sets the
 * root and masked paths as runcSteps.ts has them, sets the pod's hostname in
 * the joined UTS namespace (runc too sets the spec's hostname whether the UTS
 * namespace is new or joined), then the credentials. runc's calls are
 * runcSteps.ts's. Costs are the lab's estimates, as in runcSteps.ts.
 * @see cri-o/cri-o pinns/src/pinns.c (main, bind_ns); internal/config/nsmgr/nsmgr_linux.go (the pinns arguments)
 * @see containers/crun src/libcrun/linux.c libcrun_run_linux_container, libcrun_set_hostname; src/libcrun/container.c container_init_setup (the order); src/libcrun/cgroup-systemd.c
 * @see opencontainers/runc libcontainer/standard_init_linux.go Init (sethostname after finalizeRootfs, before the masked paths)
 */
export function pinnsSteps(uuid: string, hostNetwork: boolean): StartStep[] {
  const types: Array<'ipc' | 'net' | 'uts'> = hostNetwork ? ['ipc', 'uts'] : ['ipc', 'net', 'uts'];
  const argv = ['/usr/bin/pinns', '-d', '/var/run', '-f', uuid, '--ipc', hostNetwork ? '--net=host' : '--net', '--uts'];
  const line = `execve("/usr/bin/pinns", [${argv.map((a) => JSON.stringify(a)).join(', ')}], 0x… /* env */)`;
  const flags = types.reduce((f, t) => f | NS_CLONE_FLAG[t], 0);
  const order = ['uts', 'ipc', 'net'] as const;
  return [
    step('specWritten', line, '0', 'host-kernel', 'pass', 'CRI-O runs pinns, its small C helper, to make the pod\'s namespaces before any container exists', 1_000_000, 'do_execveat_common'),
    step('specWritten', `unshare(${formatFlags(flags, 'unshare')})`, '0', 'host-kernel', 'pass', `pinns leaves the host's ${types.join(', ')} namespaces for new, empty ones${hostNetwork ? ' (hostNetwork: the pod keeps the host\'s network)' : ''}`, 8_000, 'sys_unshare'),
    ...order.map((t) => step('specWritten', `mount("/proc/self/ns/${t}", "${pinPath(t, uuid)}", NULL, MS_BIND, NULL)`, '0', 'host-kernel', 'pass',
      t === 'net' && hostNetwork ? 'hostNetwork: the host\'s own network namespace is pinned here; the container spec names no network namespace, so it shares the host\'s'
        : `The ${t} namespace is pinned: a bind mount of its nsfs file keeps it alive after pinns exits, with no process in it. Containers will join it by this path`, 20_000, 'do_mount')),
  ];
}

/** The CNI bridge plugin, which CRI-O runs on the pinned network namespace. */
export function cniStep(uuid: string, ip: string): StartStep {
  return step('specWritten', `/opt/cni/bin/bridge (CNI ADD, CNI_NETNS=${pinPath('net', uuid)})`, '0', 'crio', 'handled',
    `CRI-O's CNI call: the bridge plugin puts a veth pair between ${CNI_BRIDGE.name} and the pinned network namespace, whose end is eth0, address ${ip}/${CNI_BRIDGE.prefix}`, 20_000_000);
}

const OCI_NS: Readonly<Record<string, NsType>> = { pid: 'pid', network: 'net', mount: 'mnt', ipc: 'ipc', uts: 'uts', cgroup: 'cgroup' };

export interface CrioKernelInput {
  runtime: CrioRuntime;
  /** The spec as written (the pinned paths). */
  spec: OciSpec;
  id: string;
  hostPid: number;
  cgroupPath: string;
}

/** CreateContainer's host-kernel calls, by the runtime the handler names. */
export function crioKernelSteps(input: CrioKernelInput): StartStep[] {
  const shared = runcCreateSteps({ spec: input.spec, id: input.id, hostPid: input.hostPid, cgroupPath: input.cgroupPath, filterRules: null });
  const hostname = input.spec.hostname ? [step('rooted', `sethostname("${input.spec.hostname}", ${input.spec.hostname.length})`, '0', 'host-kernel', 'pass', `The spec's hostname, set in the UTS namespace the container joined: the pod's name`, 1_000, 'sys_sethostname')] : [];
  // runc names the host right after pivot_root, before the masked paths; crun after its mounts are finalised.
  if (input.runtime.handler !== 'crun') return shared.flatMap((s) => (s.call.startsWith('pivot_root(') ? [s, ...hostname] : [s]));
  const made = input.spec.linux.namespaces.filter((n) => !n.path).map((n) => OCI_NS[n.type]).filter((t): t is NsType => t !== undefined);
  const cloned = made.filter((t) => t !== 'mnt' && t !== 'cgroup');
  const joins = shared.filter((s) => s.call.startsWith('setns(')).map((s) => ({ ...s, note: s.note.replace(/^runc joins/, 'crun\'s child joins') }));
  return [
    step('namespaced', `clone(child_stack=NULL, flags=${formatFlags(cloned.reduce((f, t) => f | NS_CLONE_FLAG[t], 0) | 17, 'clone')})`, String(input.hostPid), 'host-kernel', 'pass',
      `crun clones the container's process straight into a new ${cloned.join(', ') || 'no'} namespace: pid ${input.hostPid} on the host${cloned.includes('pid') ? ', pid 1 in its own' : ''}`, 30_000, 'kernel_clone'),
    ...joins,
    ...crunCgroup(input, made),
    ...(made.includes('mnt') ? [step('rooted', 'unshare(CLONE_NEWNS)', '0', 'host-kernel', 'pass', 'crun\'s child makes its mount namespace: its mounts are its own', 3_000, 'sys_unshare')] : []),
    ...shared.filter((s) => s.state === 'rooted'), ...hostname, ...shared.filter((s) => s.state === 'credentialed'),
  ];
}

function crunCgroup(input: CrioKernelInput, made: NsType[]): StartStep[] {
  const pid = String(input.hostPid);
  const scope = input.cgroupPath.split('/').find((p) => p.endsWith('.scope')) ?? '';
  return [
    step('cgrouped', `write(3</sys/fs/cgroup${input.cgroupPath}/cgroup.procs>, "${pid}", ${pid.length})`, String(pid.length), 'host-kernel', 'pass',
      `crun asks systemd, over D-Bus, for the scope ${scope} in the pod's slice (the spec's cgroupsPath ${input.spec.linux.cgroupsPath ?? ''}), then moves the process to the scope's subgroup "container". A BestEffort pod has no memory or CPU limit (the minimal CPU weight the kubelet asks for is left out)`, 200_000, 'cgroup_procs_write'),
    ...(made.includes('cgroup') ? [step('cgrouped', 'unshare(CLONE_NEWCGROUP)', '0', 'host-kernel', 'pass', 'Inside its cgroup the process makes a cgroup namespace: its /proc/self/cgroup reads "0::/"', 2_000, 'sys_unshare')] : []),
  ];
}
