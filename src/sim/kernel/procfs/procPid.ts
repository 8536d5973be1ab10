import { procCgroupText } from '../../cgroups/namespace.ts';
import { CAPABILITIES } from '../capabilities.ts';
import { capMask } from '../credentials.ts';
import { formatIdMap, nsLinkText, NS_TYPES, type NamespaceOf } from '../namespaces.ts';
import { pidSeenBy, uidSeenIn } from '../pidView.ts';
import type { Process } from '../process.ts';
import { renderMounts } from './procMounts.ts';
import type { Viewer } from '../vfsBridge.ts';
import { dir, file, link, type ProcNode } from './procTypes.ts';

/**
 * /proc/PID: what a viewer sees of one process, translated into the viewer's
 * pid and user namespaces.
 * @see proc_pid_status(5), proc_pid_ns(5), user_namespaces(7) "/proc/PID/uid_map"
 */
export const PID_ENTRIES = ['status', 'cmdline', 'comm', 'cgroup', 'uid_map', 'gid_map', 'setgroups', 'mounts', 'mountinfo', 'oom_score_adj', 'ns', 'fd', 'net', 'exe', 'cwd', 'root'];

const NS_ENTRIES = ['cgroup', 'ipc', 'mnt', 'net', 'pid', 'pid_for_children', 'time', 'time_for_children', 'user', 'uts'];

export function pidNode(v: Viewer, target: Process, parts: readonly string[]): ProcNode | undefined {
  const [name, sub] = parts;
  const { uid, gid } = target.cred;
  if (name === undefined) return dir(uid, gid);
  if (name === 'ns') return sub === undefined ? dir(uid, gid, 0o511) : nsLink(target, sub);
  if (name === 'fd') return sub === undefined ? dir(uid, gid, 0o500) : fdLink(target, sub);
  if (name === 'net') return sub === undefined ? dir() : sub === 'dev' && parts.length === 2 ? file(() => netDevText(v, target)) : undefined;
  if (sub !== undefined) return undefined;
  const text = pidFileText(v, target, name);
  if (text !== undefined) return file(text, name === 'oom_score_adj' || name.endsWith('_map') || name === 'setgroups' ? 0o644 : 0o444, uid, gid);
  if (name === 'exe') return link(target.exe, uid, gid);
  if (name === 'cwd') return link(target.cwd, uid, gid);
  if (name === 'root') return link(target.root, uid, gid);
  return undefined;
}

export function pidList(target: Process, parts: readonly string[]): string[] | undefined {
  if (parts.length === 0) return PID_ENTRIES;
  if (parts[0] === 'ns' && parts.length === 1) return NS_ENTRIES;
  if (parts[0] === 'fd' && parts.length === 1) return Object.keys(target.fds);
  if (parts[0] === 'net' && parts.length === 1) return ['dev'];
  return undefined;
}

function nsLink(p: Process, name: string): ProcNode | undefined {
  if (name === 'pid_for_children') return link(nsLinkText('pid', p.pidNsForChildren));
  if (name === 'time_for_children') return link(nsLinkText('time', p.timeNsForChildren));
  const type = NS_TYPES.find((t) => t === name);
  return type ? link(nsLinkText(type, p.ns[type])) : undefined;
}

function fdLink(p: Process, name: string): ProcNode | undefined {
  const f = p.fds[Number(name)];
  return f && /^\d+$/.test(name) ? link(f.path) : undefined;
}

function pidFileText(v: Viewer, p: Process, name: string): (() => string) | undefined {
  switch (name) {
    case 'status': return () => statusText(v, p);
    case 'cmdline': return () => `${p.argv.join('\0')}\0`;
    case 'comm': return () => `${p.comm}\n`;
    case 'cgroup': return () => cgroupText(v, p);
    case 'uid_map': return () => idMapText(v, p, 'uid');
    case 'gid_map': return () => idMapText(v, p, 'gid');
    case 'setgroups': return () => 'allow\n';
    case 'mounts': return () => renderMounts(v.world, p, 'mounts');
    case 'mountinfo': return () => renderMounts(v.world, p, 'mountinfo');
    case 'oom_score_adj': return () => `${p.oomScoreAdj}\n`;
    default: return undefined;
  }
}

function cgroupText(v: Viewer, p: Process): string {
  const viewerNs = v.world.procs[v.pid]?.ns.cgroup;
  const root = viewerNs === undefined ? '/' : ((v.world.namespaces[viewerNs] as NamespaceOf<'cgroup'> | undefined)?.root ?? '/');
  const r = procCgroupText(v.world.cgroups, p.pid, root);
  return r.ok ? r.value : `0::${p.cgroup}\n`;
}

function idMapText(v: Viewer, p: Process, kind: 'uid' | 'gid'): string {
  const ns = v.world.namespaces[p.ns.user] as NamespaceOf<'user'>;
  if (ns.level === 0) return formatIdMap([{ inside: 0, outside: 0, count: 4294967295 }]);
  return formatIdMap(kind === 'uid' ? ns.uidMap : ns.gidMap);
}

/** The fields of /proc/PID/status the lab keeps, in the kernel's order (fs/proc/array.c). */
function statusText(v: Viewer, p: Process): string {
  const viewer = v.world.procs[v.pid] ?? p;
  const parent = v.world.procs[p.ppid];
  const ids = (kind: 'uid' | 'gid', a: number, b: number, c: number, d: number) =>
    [a, b, c, d].map((x) => uidSeenIn(v.world, viewer.ns.user, x, kind)).join('\t');
  const c = p.cred;
  const nspids = p.nsPids.slice(pidSeenLevel(v, viewer)).join('\t');
  const lines = [
    `Name:\t${p.comm}`, `Umask:\t${p.umask.toString(8).padStart(4, '0')}`, 'State:\tS (sleeping)',
    `Tgid:\t${pidSeenBy(v.world, viewer, p)}`, 'Ngid:\t0', `Pid:\t${pidSeenBy(v.world, viewer, p, 'tid')}`,
    `PPid:\t${parent ? pidSeenBy(v.world, viewer, parent) : 0}`, 'TracerPid:\t0',
    `Uid:\t${ids('uid', c.uid, c.euid, c.suid, c.fsuid)}`, `Gid:\t${ids('gid', c.gid, c.egid, c.sgid, c.fsgid)}`,
    // Supplementary groups as the reader's user namespace sees them (fs/proc/array.c task_state: from_kgid_munged).
    'FDSize:\t64', `Groups:\t${c.groups.map((g) => uidSeenIn(v.world, viewer.ns.user, g, 'gid')).join(' ')}`,
    `NStgid:\t${nspids}`, `NSpid:\t${nspids}`, `NSpgid:\t${nspids}`, `NSsid:\t${nspids}`,
    `VmRSS:\t${Math.round(p.memBytes / 1024)} kB`, `Threads:\t${Object.values(v.world.procs).filter((t) => t.tgid === p.tgid).length}`,
    `CapInh:\t${capMask(c.inheritable, CAPABILITIES)}`, `CapPrm:\t${capMask(c.permitted, CAPABILITIES)}`,
    `CapEff:\t${capMask(c.effective, CAPABILITIES)}`, `CapBnd:\t${capMask(c.bounding, CAPABILITIES)}`,
    `CapAmb:\t${capMask(c.ambient, CAPABILITIES)}`, `NoNewPrivs:\t${c.noNewPrivs ? 1 : 0}`,
    `Seccomp:\t${p.seccomp.mode === 'filter' ? 2 : 0}`, `Seccomp_filters:\t${p.seccomp.mode === 'filter' ? 1 : 0}`,
  ];
  return `${lines.join('\n')}\n`;
}

/** The viewer's pid-namespace level: NSpid lists the target's pids from that level down. */
function pidSeenLevel(v: Viewer, viewer: Process): number {
  const ns = v.world.namespaces[viewer.ns.pid] as NamespaceOf<'pid'> | undefined;
  return ns?.level ?? 0;
}

/**
 * /proc/PID/net/dev: the interfaces of the process's network namespace, with
 * the lab's traffic counters at zero.
 * @see proc_pid_net(5), net/core/net-procfs.c dev_seq_show()
 */
function netDevText(v: Viewer, p: Process): string {
  const net = v.world.namespaces[p.ns.net] as NamespaceOf<'net'>;
  const head = 'Inter-|   Receive                                                |  Transmit\n'
    + ' face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n';
  const zeros = '       0       0    0    0    0     0          0         0        0       0    0    0    0     0       0          0';
  return head + net.interfaces.map((i) => `${i.name.padStart(6)}:${zeros}\n`).join('');
}
