import { formatFlags } from '../syscalls/constants/formatFlags.ts';
import { NS_CLONE_FLAG, type NsType } from '../kernel/namespaces.ts';
import type { OciSpec } from '../oci/spec.ts';
import { step, type StartStep } from './startPlan.ts';

/**
 * What runc does in the host kernel to make a container from its spec, as
 * the calls strace would show, in runc's order: nsexec's child unshares
 * every namespace but cgroup (a user namespace first), clones the init (pid
 * 1 of the new pid namespace), the parent puts it in its cgroup and writes
 * the limits, the init unshares its cgroup namespace, builds and pivots into
 * its root, names the host, masks paths, then sets no_new_privs, loads the
 * filter (before dropping capabilities unless no_new_privs is set, since
 * loading one without it needs CAP_SYS_ADMIN), drops capabilities and
 * switches user, and waits on exec.fifo until `runc start`.
 * Costs are the lab's estimates: about 1 µs per syscall, more for mounts.
 * @see opencontainers/runc libcontainer/nsenter/nsexec.c (STAGE_CHILD, STAGE_INIT), process_linux.go, standard_init_linux.go Init
 */
export interface RuncStepsInput {
  spec: OciSpec;
  id: string;
  /** The init's pid on the host, and the cgroup it goes in. */
  hostPid: number;
  cgroupPath: string;
  /** The number of rules in the filter runc compiles, or null for none. */
  filterRules: number | null;
}

const OCI_NS: Readonly<Record<string, NsType>> = { pid: 'pid', network: 'net', mount: 'mnt', ipc: 'ipc', uts: 'uts', user: 'user', cgroup: 'cgroup', time: 'time' };

export function runcCreateSteps(input: RuncStepsInput): StartStep[] {
  const { spec } = input;
  const types = spec.linux.namespaces.filter((n) => !n.path).map((n) => OCI_NS[n.type]).filter((t): t is NsType => t !== undefined);
  const joined = spec.linux.namespaces.filter((n) => n.path).map((n) => OCI_NS[n.type]).filter((t): t is NsType => t !== undefined);
  return [...joinSteps(spec), ...namespaceSteps(types, input.hostPid, joined), ...cgroupSteps(input, types), ...rootSteps(spec, types), ...credentialSteps(spec, input.filterRules)];
}

/** Namespaces named by path are joined first: nsexec opens each and calls setns (a pod's containers join its sandbox's). */
function joinSteps(spec: OciSpec): StartStep[] {
  return spec.linux.namespaces.filter((n) => n.path).map((n, i) => {
    const type = OCI_NS[n.type] ?? 'net';
    return step('namespaced', `setns(${3 + i}<${n.path ?? ''}>, ${formatFlags(NS_CLONE_FLAG[type], 'unshare')})`, '0', 'host-kernel', 'pass', `runc joins the ${n.type} namespace that already exists at ${n.path ?? ''}: this container shares it`, 3_000, 'sys_setns');
  });
}

function namespaceSteps(types: NsType[], hostPid: number, joined: NsType[] = []): StartStep[] {
  const out: StartStep[] = [];
  const rest = types.filter((t) => t !== 'cgroup' && t !== 'user');
  if (types.includes('user')) out.push(step('namespaced', 'unshare(CLONE_NEWUSER)', '0', 'host-kernel', 'pass', 'runc\'s child makes the user namespace first; its parent writes uid_map and gid_map from the spec', 2_000, 'sys_unshare'));
  const flags = rest.reduce((f, t) => f | NS_CLONE_FLAG[t], 0);
  if (flags) out.push(step('namespaced', `unshare(${formatFlags(flags, 'unshare')})`, '0', 'host-kernel', 'pass', `runc's child process (runc:[1:CHILD]) leaves the host's ${rest.join(', ')} namespaces: new, empty ones${types.includes('net') ? '' : joined.includes('net') ? ' — its network namespace is the one it joined' : ' — no network namespace: it shares the host\'s network'}${types.includes('pid') ? '' : ' — no pid namespace: it sees every host process'}`, 8_000, 'sys_unshare'));
  out.push(step('namespaced', 'clone(child_stack=NULL, flags=CLONE_PARENT|SIGCHLD)', String(hostPid), 'host-kernel', 'pass', types.includes('pid') ? `The container's init (runc:[2:INIT]) is born: pid ${hostPid} on the host, pid 1 in its new pid namespace` : `The container's init is born: pid ${hostPid}, in the host's pid namespace`, 30_000, 'kernel_clone'));
  return out;
}

function cgroupSteps(input: RuncStepsInput, types: NsType[]): StartStep[] {
  const r = input.spec.linux.resources ?? {};
  const dir = `/sys/fs/cgroup${input.cgroupPath}`;
  const limits: Array<[string, string]> = [];
  if (r.memory?.limit) limits.push(['memory.max', String(r.memory.limit)]);
  if (r.cpu?.quota) limits.push(['cpu.max', `${r.cpu.quota} ${r.cpu.period ?? 100000}`]);
  if (r.pids?.limit) limits.push(['pids.max', String(r.pids.limit)]);
  const out = [step('cgrouped', `write(3<${dir}/cgroup.procs>, "${input.hostPid}", ${String(input.hostPid).length})`, String(String(input.hostPid).length), 'host-kernel', 'pass',
    `runc asks systemd for the scope ${input.cgroupPath.split('/').pop() ?? ''} and puts the init in it: from now on the cgroup counts its memory, CPU time and tasks (the lab shows the write; systemd makes the scope over D-Bus)`, 200_000, 'cgroup_procs_write')];
  for (const [file, value] of limits) out.push(step('cgrouped', `write(3<${dir}/${file}>, "${value}", ${value.length})`, String(value.length), 'host-kernel', 'pass', `The limit --${file === 'memory.max' ? 'memory' : file === 'cpu.max' ? 'cpus' : 'pids-limit'} asked for: ${file} = ${value}`, 5_000, 'cgroup_file_write'));
  if (types.includes('cgroup')) out.push(step('cgrouped', 'unshare(CLONE_NEWCGROUP)', '0', 'host-kernel', 'pass', 'Once inside its cgroup the init gets a cgroup namespace: its /proc/self/cgroup reads "0::/"', 2_000, 'sys_unshare'));
  return out;
}

function rootSteps(spec: OciSpec, types: NsType[]): StartStep[] {
  const binds = spec.mounts.filter((m) => m.type === 'bind' || (m.options ?? []).includes('rbind'));
  const masked = spec.linux.maskedPaths ?? [];
  const ro = spec.linux.readonlyPaths ?? [];
  const out = [step('rooted', 'pivot_root(".", ".")', '0', 'host-kernel', 'pass',
    `After ${spec.mounts.length} mounts (${binds.length} bind${binds.length === 1 ? '' : 's'}) and the device nodes${(spec.linux.devices ?? []).length ? ` (${(spec.linux.devices ?? []).length} of the host's, as the spec lists them)` : ''}, the image's root becomes / and the host's old root is detached: the container cannot name a host path any more${spec.root.readonly ? '; / will be read-only (--read-only)' : ''}`, 400_000, 'sys_pivot_root')];
  if (types.includes('uts') && spec.hostname) out.push(step('rooted', `sethostname("${spec.hostname}", ${spec.hostname.length})`, '0', 'host-kernel', 'pass', 'Its own UTS namespace, so the name changes only there', 1_000, 'sys_sethostname'));
  if (masked.length || ro.length) {
    out.push(step('rooted', `mount("/dev/null", "${masked[0] ?? ro[0] ?? ''}", NULL, MS_BIND, NULL)`, '0', 'host-kernel', 'pass', `${masked.length} masked paths (/dev/null or an empty tmpfs over /proc/kcore, /proc/keys…) and ${ro.length} read-only paths (/proc/sys, /proc/sysrq-trigger…): the kernel interfaces a container must not touch`, 60_000, 'do_mount'));
  } else {
    out.push(step('rooted', 'mount(…masked paths…)', 'skipped', 'host-kernel', 'forwarded', 'No masked and no read-only paths: /proc/kcore, /proc/sys and /proc/sysrq-trigger are the host\'s, writable to a root with the capabilities (--privileged)', 0));
  }
  return out;
}

function credentialSteps(spec: OciSpec, filterRules: number | null): StartStep[] {
  const caps = spec.process.capabilities?.effective ?? [];
  const bounding = spec.process.capabilities?.bounding ?? [];
  const nnp = spec.process.noNewPrivileges === true;
  const { uid, gid } = spec.process.user;
  const filter = filterRules === null ? [] : [step('credentialed', 'seccomp(SECCOMP_SET_MODE_FILTER, 0, 0x… /* BPF program */)', '0', 'host-kernel', 'pass',
    `The seccomp filter, compiled from ${filterRules} rules for this container's capabilities, is loaded: from now on every syscall the container makes is checked against it`, 150_000, 'do_seccomp')];
  const nnpStep = nnp ? [step('credentialed', 'prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)', '0', 'host-kernel', 'pass', 'no-new-privileges: execve can no longer grant privileges (setuid bits and file capabilities are ignored)', 1_000, 'sys_prctl')] : [];
  const capset = step('credentialed', `capset({version=_LINUX_CAPABILITY_VERSION_3, pid=0}, {effective=${caps.length} caps, permitted=${caps.length} caps, inheritable=0})`, '0', 'host-kernel', 'pass',
    `Capabilities drop to the spec's ${bounding.length} of 41${bounding.length === 41 ? ' — all of them (--privileged)' : ''}: ${caps.map((c) => c.replace(/^CAP_/, '')).slice(0, 6).join(', ')}${caps.length > 6 ? '…' : ''}`, 2_000, 'sys_capset');
  const user = uid !== 0 || gid !== 0 ? [step('credentialed', `setgid(${gid})`, '0', 'host-kernel', 'pass', `The spec's group ${gid}`, 1_000, 'sys_setgid'), step('credentialed', `setuid(${uid})`, '0', 'host-kernel', 'pass', `The spec's user ${uid}: not root, so execve will leave it no effective capabilities`, 1_000, 'sys_setuid')] : [];
  // runc loads the filter before dropping capabilities unless no_new_privs is set (standard_init_linux.go).
  return nnp ? [...nnpStep, capset, ...user, ...filter] : [...filter, capset, ...user];
}
