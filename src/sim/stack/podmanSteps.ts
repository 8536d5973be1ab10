import { NS_CLONE_FLAG, type NsType } from '../kernel/namespaces.ts';
import type { OciSpec } from '../oci/spec.ts';
import { formatFlags } from '../syscalls/constants/formatFlags.ts';
import { DEFAULT_PIDS_LIMIT, mapTriplets, ROOTLESS_GID_MAP, ROOTLESS_UID_MAP, SUBORDINATE } from './podmanRootless.ts';
import { runcCreateSteps } from './runcSteps.ts';
import { step, type StartStep } from './startPlan.ts';

/**
 * The host-kernel calls of a rootless `podman run`: podman's own (making or
 * joining the rootless user namespace), then the runtime's. crun and runc
 * make the container differently: crun clones the container's process
 * straight into its new pid, network, UTS and IPC namespaces and leaves the
 * mount and cgroup namespaces to the child; runc's nsexec joins, unshares
 * and then clones. Neither makes a user namespace: both run inside
 * podman's. Both ask lab's systemd for the scope; crun then moves the
 * process to its "container" subgroup. The root, masked paths, seccomp
 * filter and capabilities are the same calls for both, taken from
 * runcSteps.ts. Costs are estimates, as in runcSteps.ts.
 * @see containers/crun src/libcrun/linux.c libcrun_run_linux_container (first_clone_args), setup_mount_namespace; src/libcrun/container.c (libcrun_cgroup_enter after the clone)
 * @see containers/podman pkg/rootless/rootless_linux.c reexec_in_user_namespace, reexec_userns_join
 */
export interface RootlessStepsInput {
  created: boolean;
  pausePid: number;
}

/** The exit signal in clone's flags, as strace prints it. */
const SIGCHLD = 17;

const OCI_NS: Readonly<Record<string, NsType>> = { pid: 'pid', network: 'net', mount: 'mnt', ipc: 'ipc', uts: 'uts', user: 'user', cgroup: 'cgroup', time: 'time' };

/** Podman's own calls before it reads anything: into the rootless user namespace. */
export function rootlessSteps(r: RootlessStepsInput): StartStep[] {
  if (!r.created) {
    return (['user', 'mnt'] as const).map((t, i) => step('requested', `setns(${3 + i}</proc/${r.pausePid}/ns/${t}>, ${formatFlags(NS_CLONE_FLAG[t], 'unshare')})`, '0', 'host-kernel', 'pass',
      t === 'user' ? `podman joins the user namespace its first command made, through the pause process (catatonit, pid ${r.pausePid}) that keeps it: inside it, lab is root, with every capability over what the namespace owns and none over the host` : 'and the mount namespace beside it, where podman mounts the images of its store', 3_000, 'sys_setns'));
  }
  return [
    step('requested', `clone(child_stack=NULL, flags=${formatFlags(NS_CLONE_FLAG.user | NS_CLONE_FLAG.mnt | SIGCHLD, 'clone')})`, String(r.pausePid), 'host-kernel', 'pass',
      `No user namespace of lab's exists yet, so podman makes one: it re-executes itself in a new user and mount namespace. The child stays as the pause process (catatonit -P, pid ${r.pausePid}) that keeps the namespace for every later podman command of lab`, 40_000, 'kernel_clone'),
    mapWrite(r.pausePid, 'uid', `newuidmap ${r.pausePid} ${mapTriplets(ROOTLESS_UID_MAP)}: a setuid-root helper, because an unprivileged process may map only its own uid. It checks /etc/subuid (lab:${SUBORDINATE.start}:${SUBORDINATE.count}) and writes the map: root inside is lab (1000) outside, uid 1 is ${SUBORDINATE.start}`),
    mapWrite(r.pausePid, 'gid', `newgidmap ${r.pausePid} ${mapTriplets(ROOTLESS_GID_MAP)}: the same for groups, from /etc/subgid`),
  ];
}

/** The write newuidmap/newgidmap make to /proc/PID/{uid,gid}_map, one line per range, as strace shows it. */
function mapWrite(pid: number, kind: 'uid' | 'gid', note: string): StartStep {
  const text = (kind === 'uid' ? ROOTLESS_UID_MAP : ROOTLESS_GID_MAP).map((m) => `${m.containerID} ${m.hostID} ${m.size}\n`).join('');
  const shown = text.replace(/\n/g, '\\n');
  return step('requested', `write(3</proc/${pid}/${kind}_map>, "${shown}", ${text.length})`, String(text.length), 'host-kernel', 'pass', note, 500_000, `proc_${kind}_map_write`);
}

export interface RuntimeStepsInput {
  runtime: 'crun' | 'runc';
  spec: OciSpec;
  id: string;
  hostPid: number;
  /** The cgroup the process ends in. */
  cgroupPath: string;
  filterRules: number | null;
  /** --pids-limit as typed, or undefined for containers.conf's default. */
  pidsLimit: string | undefined;
}

export function runtimeSteps(input: RuntimeStepsInput): StartStep[] {
  const shared = runcCreateSteps({ spec: input.spec, id: input.id, hostPid: input.hostPid, cgroupPath: input.cgroupPath, filterRules: input.filterRules });
  const types = input.spec.linux.namespaces.filter((n) => !n.path).map((n) => OCI_NS[n.type]).filter((t): t is NsType => t !== undefined);
  const joined = joinSteps(input);
  const crun = input.runtime === 'crun';
  const namespaced = crun ? [...crunClone(types, input.hostPid), ...joined] : [...joined, ...runcUnshare(types, input.hostPid)];
  const mountNs = crun && types.includes('mnt')
    ? [step('rooted', 'unshare(CLONE_NEWNS)', '0', 'host-kernel', 'pass', 'crun\'s child makes its mount namespace, owned by the rootless user namespace: its mounts are its own', 3_000, 'sys_unshare')] : [];
  return [...namespaced, ...cgroupSteps(input, types), ...mountNs, ...shared.filter((s) => s.state === 'rooted'), ...shared.filter((s) => s.state === 'credentialed')];
}

/** The namespaces named by path (the network namespace podman made): the runtime opens each and calls setns. */
function joinSteps(input: RuntimeStepsInput): StartStep[] {
  return input.spec.linux.namespaces.filter((n) => n.path).map((n, i) => {
    const type = OCI_NS[n.type] ?? 'net';
    return step('namespaced', `setns(${4 + i}<${n.path ?? ''}>, ${formatFlags(NS_CLONE_FLAG[type], 'unshare')})`, '0', 'host-kernel', 'pass',
      `${input.runtime === 'crun' ? 'The child' : 'runc\'s nsexec'} joins the ${n.type} namespace podman made and pasta serves`, 3_000, 'sys_setns');
  });
}

function crunClone(types: NsType[], hostPid: number): StartStep[] {
  const cloned = types.filter((t) => t !== 'mnt' && t !== 'cgroup' && t !== 'time');
  const flags = cloned.reduce((f, t) => f | NS_CLONE_FLAG[t], 0);
  return [step('namespaced', `clone(child_stack=NULL, flags=${formatFlags(flags | SIGCHLD, 'clone')})`, String(hostPid), 'host-kernel', 'pass',
    `crun clones the container's process straight into new ${cloned.join(', ')} namespaces: pid ${hostPid} on the host${types.includes('pid') ? ', pid 1 in its own' : ''}. No user namespace: crun already runs in podman's, and that one owns every namespace crun makes`, 30_000, 'kernel_clone')];
}

function runcUnshare(types: NsType[], hostPid: number): StartStep[] {
  const rest = types.filter((t) => t !== 'cgroup' && t !== 'user');
  const flags = rest.reduce((f, t) => f | NS_CLONE_FLAG[t], 0);
  return [
    step('namespaced', `unshare(${formatFlags(flags, 'unshare')})`, '0', 'host-kernel', 'pass', `runc's child (runc:[1:CHILD]) unshares ${rest.join(', ')}. No user namespace: runc already runs in podman's, and that one owns every namespace runc makes`, 8_000, 'sys_unshare'),
    step('namespaced', 'clone(child_stack=NULL, flags=CLONE_PARENT|SIGCHLD)', String(hostPid), 'host-kernel', 'pass', `The container's init (runc:[2:INIT]) is born: pid ${hostPid} on the host${types.includes('pid') ? ', pid 1 in its new pid namespace' : ''}`, 30_000, 'kernel_clone'),
  ];
}

function cgroupSteps(input: RuntimeStepsInput, types: NsType[]): StartStep[] {
  const dir = `/sys/fs/cgroup${input.cgroupPath}`;
  const pid = String(input.hostPid);
  const scope = input.cgroupPath.split('/').find((p) => p.endsWith('.scope')) ?? '';
  const sub = input.runtime === 'crun' ? ', then moves it to the scope\'s subgroup "container" and writes the limits there' : '';
  const out = [step('cgrouped', `write(3<${dir}/cgroup.procs>, "${pid}", ${pid.length})`, String(pid.length), 'host-kernel', 'pass',
    `${input.runtime} asks lab's own systemd (systemd --user, over D-Bus) for the scope ${scope} in user.slice${sub}. The user manager's slice is delegated to lab, so an unprivileged user can make cgroups and set limits there`, 200_000, 'cgroup_procs_write')];
  const r = input.spec.linux.resources ?? {};
  const limits: Array<[string, string, string]> = [];
  if (r.memory?.limit) limits.push(['memory.max', String(r.memory.limit), '--memory']);
  if (r.cpu?.quota) limits.push(['cpu.max', `${r.cpu.quota} ${r.cpu.period ?? 100000}`, '--cpus']);
  if (r.pids?.limit) limits.push(['pids.max', String(r.pids.limit), input.pidsLimit === undefined ? `containers.conf's default pids_limit (${DEFAULT_PIDS_LIMIT}), which podman applies to every container` : '--pids-limit']);
  for (const [file, value, why] of limits) out.push(step('cgrouped', `write(3<${dir}/${file}>, "${value}", ${value.length})`, String(value.length), 'host-kernel', 'pass', `${file} = ${value}: ${why}`, 5_000, 'cgroup_file_write'));
  if (types.includes('cgroup')) out.push(step('cgrouped', 'unshare(CLONE_NEWCGROUP)', '0', 'host-kernel', 'pass', 'Inside its cgroup the process makes a cgroup namespace: its /proc/self/cgroup reads "0::/"', 2_000, 'sys_unshare'));
  return out;
}
