import { readCgroupFile } from '../sim/cgroups/files.ts';
import { CAPABILITIES } from '../sim/kernel/capabilities.ts';
import { NS_TYPES, type NamespaceOf, type NsType } from '../sim/kernel/namespaces.ts';
import { isInPidNs, pidSeenBy, uidSeenIn } from '../sim/kernel/pidView.ts';
import { isLeader, type Process } from '../sim/kernel/process.ts';
import { KERNEL_RELEASE, KERNEL_VERSION_STRING } from '../sim/kernel/handlers/uts.ts';
import type { World } from '../sim/kernel/world.ts';
import { findRuntime } from '../sim/runtime/registry.ts';
import type { RuntimeId, ServingKernel, Session } from '../sim/runtime/types.ts';
import { formatFlags } from '../sim/syscalls/constants/formatFlags.ts';
import type { Mount } from '../sim/vfs/mount.ts';
import { pathFromRoot } from '../sim/vfs/path.ts';
import type { Localized } from '../sim/text/language.ts';
import { KERNEL_NAME, localized, seccompLabel } from './inspectorMessages.ts';

/**
 * The inspector: a booted session's world (the kernel that serves the
 * workload) as plain, bounded data for the page. It reads the world the way
 * the kernel's own files show it (cgroup files through readCgroupFile, the
 * mount table of the process's mount namespace, its fd table) and never
 * throws: a piece it cannot read becomes a note. Its own sentences (notes,
 * labels) are `Localized` (inspectorMessages.ts): the page shows the chosen
 * language without reading the world again.
 */

export const LIMITS = { processes: 50, mounts: 60, fds: 40 } as const;

export interface ProcessRow {
  /** The pid in the serving kernel's initial pid namespace (what `ps` on that kernel shows). */
  hostPid: number;
  /** The pid as the terminal's process sees it; null when it is outside its pid namespace. */
  pid: number | null;
  ppid: number;
  comm: string;
  /** The uid as the terminal's process sees it (its user namespace's mapping). */
  uid: number;
  state: 'running' | 'zombie';
  /** The namespace id (inode number) of each of the eight types. */
  ns: Record<NsType, number>;
  /** The types where it is not in the initial namespace. */
  newNs: NsType[];
  /** Depth in the parent/child tree within its group (inside, then outside). */
  depth: number;
  terminal: boolean;
  inside: boolean;
}

export interface GaugeRow {
  /** The file the current value comes from (`memory.current`). */
  file: string;
  label: Localized;
  current: number;
  /** The limit; null when the file says `max` (no limit). */
  max: number | null;
  unit: 'bytes' | 'tasks';
  /** What the files say: `memory.current 2 MiB of memory.max 64 MiB`. */
  text: Localized;
}

export interface CpuRow {
  /** cpu.max as the file prints it: `50000 100000`, `max 100000`. */
  max: string;
  /** quota ÷ period, null with no limit. */
  cpus: number | null;
  /** cpu.stat usage_usec. */
  usageUsec: number;
}

export interface MountRow {
  id: number;
  /** As the process sees it (relative to its root). */
  mountpoint: string;
  fsType: string;
  source: string;
  ro: boolean;
  /** nosuid, nodev, noexec, relatime…, and the propagation when not private. */
  flags: string[];
  /** How runc hid the path (masked), or why it is read-only; null for an ordinary mount. */
  note: Localized | null;
  masked: boolean;
}

export interface FdRow { fd: number; path: string; kind: string; flags: string }

export interface InspectorView {
  runtime: RuntimeId;
  runtimeLabel: string;
  /** A control-plane container's name and its runtime's label (runtimeLabel then reads `NAME on LABEL`), so the page can word it in either language. */
  container?: { name: string; runtimeLabel: string };
  servedBy: ServingKernel;
  /** `the host kernel`, `gVisor's Sentry`… */
  kernelName: Localized;
  /** What uname reports in this world. */
  kernel: { release: string; version: string };
  hostname: string | null;
  /** The terminal's process: its pid in the initial pid namespace and as it sees itself. */
  terminal: { hostPid: number; pid: number | null; comm: string } | null;
  processes: { rows: ProcessRow[]; omitted: number; inside: number; outside: number; ownPidNs: boolean; note: Localized | null };
  cgroup: { path: string; gauges: GaugeRow[]; cpu: CpuRow | null; notes: Localized[] } | null;
  mounts: { rows: MountRow[]; omitted: number; total: number };
  fds: { rows: FdRow[]; omitted: number };
  caps: { effective: string[]; permitted: number; bounding: number; all: number; notInBounding: string[]; uid: number; noNewPrivs: boolean } | null;
  seccomp: { mode: 'disabled' | 'filter'; profile: string | null; label: Localized };
  options: { key: string; value: string; isDefault: boolean; description: string }[];
  notes: Localized[];
}

/** Runs one section; a failure is a note, never an exception on the page. */
function safe<T>(notes: Localized[], what: string, read: () => T, fallback: T): T {
  try {
    return read();
  } catch (e) {
    notes.push(localized('couldNotRead', { what, error: e instanceof Error ? e.message : String(e) }));
    return fallback;
  }
}

export function inspect(session: Session): InspectorView {
  const notes: Localized[] = [];
  const model = findRuntime(session.runtime);
  const servedBy = model?.servedBy ?? 'host';
  const world = session.world;
  const me = world?.procs?.[session.pid];
  if (!me) notes.push(localized('processGone', { pid: session.pid }));
  const view: InspectorView = {
    runtime: session.runtime,
    runtimeLabel: model?.label ?? session.runtime,
    servedBy,
    kernelName: KERNEL_NAME[servedBy],
    kernel: { release: world?.kernel?.release ?? KERNEL_RELEASE, version: world?.kernel?.version ?? KERNEL_VERSION_STRING },
    hostname: me ? safe(notes, 'hostname', () => (world.namespaces[me.ns.uts] as NamespaceOf<'uts'> | undefined)?.hostname ?? null, null) : null,
    terminal: me ? { hostPid: me.pid, pid: safe(notes, 'pid', () => pidSeenBy(world, me, me) || null, null), comm: me.comm } : null,
    processes: { rows: [], omitted: 0, inside: 0, outside: 0, ownPidNs: false, note: null },
    cgroup: null,
    mounts: { rows: [], omitted: 0, total: 0 },
    fds: { rows: [], omitted: 0 },
    caps: null,
    seccomp: { mode: 'disabled', profile: null, label: localized('noFilter') },
    options: safe(notes, 'options', () => optionRows(session), []),
    notes,
  };
  if (!me || !world) return view;
  view.processes = safe(notes, 'processes', () => processes(world, me, view.kernelName), view.processes);
  view.cgroup = safe(notes, 'cgroup', () => cgroupOf(world, me), null);
  view.mounts = safe(notes, 'mounts', () => mounts(world, me), view.mounts);
  view.fds = safe(notes, 'fds', () => fds(me), view.fds);
  view.caps = safe(notes, 'capabilities', () => caps(world, me), null);
  view.seccomp = safe(notes, 'seccomp', () => seccomp(world, me), view.seccomp);
  if (servedBy !== 'host') {
    notes.push(localized('ownWorld', { kernel: view.kernelName }));
    // The lab builds sandbox worlds from the host's (src/sim/gvisor/sandbox.ts); say so rather than let the list mislead.
    if (view.processes.outside > 0) notes.push(localized('builtFromHost', { kernel: view.kernelName }));
  }
  return view;
}

function optionRows(session: Session): InspectorView['options'] {
  const specs = findRuntime(session.runtime)?.options ?? [];
  return Object.entries(session.options ?? {}).map(([key, value]) => {
    const spec = specs.find((o) => o.key === key);
    return { key, value, isDefault: spec?.default === value, description: spec?.description ?? '' };
  });
}

/** Leaders only (as /proc lists processes), in tree order: each parent before its children. */
function treeOrder(group: readonly Process[]): { p: Process; depth: number }[] {
  const pids = new Set(group.map((p) => p.pid));
  const byParent = new Map<number, Process[]>();
  for (const p of group) byParent.set(p.ppid, [...(byParent.get(p.ppid) ?? []), p]);
  const out: { p: Process; depth: number }[] = [];
  const walk = (p: Process, depth: number) => {
    out.push({ p, depth });
    for (const c of (byParent.get(p.pid) ?? []).filter((c) => c.pid !== p.pid).sort((a, b) => a.pid - b.pid)) walk(c, depth + 1);
  };
  for (const root of group.filter((p) => !pids.has(p.ppid) || p.ppid === p.pid).sort((a, b) => a.pid - b.pid)) walk(root, 0);
  return out;
}

function processes(world: World, me: Process, kernelName: Localized): InspectorView['processes'] {
  const all = Object.values(world.procs).filter(isLeader);
  const inside = all.filter((p) => isInPidNs(world, p, me.ns.pid));
  const outside = all.filter((p) => !isInPidNs(world, p, me.ns.pid));
  const row = (p: Process, depth: number, isIn: boolean): ProcessRow => ({
    hostPid: p.pid, pid: isIn ? pidSeenBy(world, me, p) || null : null, ppid: p.ppid, comm: p.comm,
    uid: uidSeenIn(world, me.ns.user, p.cred.uid), state: p.state, ns: { ...p.ns },
    newNs: NS_TYPES.filter((t) => p.ns[t] !== world.initNs[t]), depth, terminal: p.pid === me.pid, inside: isIn,
  });
  const rows = [...treeOrder(inside).map(({ p, depth }) => row(p, depth, true)), ...treeOrder(outside).map(({ p, depth }) => row(p, depth, false))];
  const kept = rows.slice(0, LIMITS.processes);
  // The terminal's own process stays in view however many there are.
  const mine = rows.find((r) => r.terminal);
  if (mine && !kept.includes(mine)) kept[kept.length - 1] = mine;
  const ownPidNs = me.ns.pid !== world.initNs.pid;
  const note = ownPidNs ? localized(outside.length === 1 ? 'outside1' : 'outsideN', { n: outside.length, kernel: kernelName }) : null;
  return { rows: kept, omitted: rows.length - kept.length, inside: inside.length, outside: outside.length, ownPidNs, note };
}

const MiB = 1024 * 1024;
function bytesText(n: number): string {
  if (n >= 1024 * MiB) return `${+(n / (1024 * MiB)).toFixed(2)} GiB`;
  if (n >= MiB) return `${+(n / MiB).toFixed(1)} MiB`;
  return n >= 1024 ? `${+(n / 1024).toFixed(1)} KiB` : `${n} B`;
}

/** One cgroup file's first line, or null when the cgroup has no such file (the root has no memory.max). */
function fileText(world: World, path: string, file: string): string | null {
  const r = readCgroupFile(world.cgroups, path, file);
  return r.ok ? r.value.trim() : null;
}

function gauge(world: World, path: string, kind: 'memory' | 'pids', notes: Localized[]): GaugeRow | null {
  const [cur, lim] = [fileText(world, path, `${kind}.current`), fileText(world, path, `${kind}.max`)];
  if (cur === null || lim === null) {
    notes.push(localized(path === '/' ? 'noFilesRoot' : 'noFilesController', { path, kind }));
    return null;
  }
  const current = Number(cur);
  const max = lim === 'max' ? null : Number(lim);
  const unit = kind === 'memory' ? 'bytes' : 'tasks';
  const fmt = (n: number) => (unit === 'bytes' ? bytesText(n) : String(n));
  return {
    file: `${kind}.current`, label: localized(kind === 'memory' ? 'memory' : 'tasks'), current, max, unit,
    text: localized('gaugeText', { kind, current: fmt(current), max: max === null ? localized('maxNoLimit') : fmt(max) }),
  };
}

function cgroupOf(world: World, me: Process): NonNullable<InspectorView['cgroup']> {
  const path = me.cgroup;
  const notes: Localized[] = [];
  const gauges = [gauge(world, path, 'memory', notes), gauge(world, path, 'pids', notes)].filter((g): g is GaugeRow => g !== null);
  const max = fileText(world, path, 'cpu.max');
  const usage = /usage_usec (\d+)/.exec(fileText(world, path, 'cpu.stat') ?? '');
  let cpu: CpuRow | null = null;
  if (max !== null) {
    const [quota = 'max', period = '100000'] = max.split(' ');
    cpu = { max, cpus: quota === 'max' ? null : Number(quota) / Number(period), usageUsec: Number(usage?.[1] ?? 0) };
  } else notes.push(localized('noCpuMax', { path }));
  return { path, gauges, cpu, notes };
}

/** How runc hid or froze the path (its maskPath / readonlyPath), read from the mount itself. */
function mountNote(world: World, m: Mount, parentType: string | undefined): { note: Localized | null; masked: boolean } {
  const fs = world.vfs.filesystems[m.fsId];
  const rootInode = fs?.inodes[m.rootIno];
  if (rootInode?.kind === 'chardev' && rootInode.rdev?.major === 1 && rootInode.rdev.minor === 3) {
    return { note: localized('maskedNull'), masked: true };
  }
  const underSynthetic = parentType === 'proc' || parentType === 'sysfs';
  if (fs?.type === 'tmpfs' && m.flags.ro && underSynthetic && m.root.length === 0) {
    return { note: localized('maskedTmpfs'), masked: true };
  }
  if (m.flags.ro && underSynthetic && fs?.type === parentType) return { note: localized('readOnly'), masked: false };
  return { note: null, masked: false };
}

function mounts(world: World, me: Process): InspectorView['mounts'] {
  const ns = world.namespaces[me.ns.mnt] as NamespaceOf<'mnt'> | undefined;
  const table = ns ? world.mountTables[ns.tableId] : undefined;
  if (!table) throw new Error(`no mount table for mount namespace ${me.ns.mnt}`);
  const typeOf = (id: number) => {
    const m = table.mounts.find((x) => x.id === id);
    return m ? world.vfs.filesystems[m.fsId]?.type : undefined;
  };
  const rows: MountRow[] = [];
  for (const m of table.mounts) {
    const at = pathFromRoot(m.mountpoint, me.root);
    if (at === undefined) continue;
    const fs = world.vfs.filesystems[m.fsId];
    const flags = [m.flags.nosuid && 'nosuid', m.flags.nodev && 'nodev', m.flags.noexec && 'noexec', m.flags.atime !== 'strictatime' && m.flags.atime, m.propagation !== 'private' && m.propagation]
      .filter((f): f is string => typeof f === 'string');
    rows.push({ id: m.id, mountpoint: at, fsType: fs?.type ?? 'none', source: m.source, ro: m.flags.ro || fs?.readOnly === true, flags, ...mountNote(world, m, typeOf(m.parentId)) });
  }
  return { rows: rows.slice(0, LIMITS.mounts), omitted: Math.max(0, rows.length - LIMITS.mounts), total: rows.length };
}

function fds(me: Process): InspectorView['fds'] {
  const O_CLOEXEC = 0o2000000;
  const rows = Object.entries(me.fds)
    .map(([fd, f]) => ({ fd: Number(fd), path: f.path, kind: f.kind, flags: formatFlags(f.cloexec ? f.flags | O_CLOEXEC : f.flags, 'open') }))
    .sort((a, b) => a.fd - b.fd);
  return { rows: rows.slice(0, LIMITS.fds), omitted: Math.max(0, rows.length - LIMITS.fds) };
}

function caps(world: World, me: Process): NonNullable<InspectorView['caps']> {
  const { cred } = me;
  return {
    effective: CAPABILITIES.filter((c) => cred.effective.includes(c)),
    permitted: cred.permitted.length,
    bounding: cred.bounding.length,
    all: CAPABILITIES.length,
    notInBounding: CAPABILITIES.filter((c) => !cred.bounding.includes(c)),
    uid: uidSeenIn(world, me.ns.user, cred.uid),
    noNewPrivs: cred.noNewPrivs,
  };
}

function seccomp(world: World, me: Process): InspectorView['seccomp'] {
  const { mode, profile } = me.seccomp;
  if (mode === 'disabled') return { mode, profile, label: localized('noFilter') };
  const installed = profile ? world.seccompProfiles[profile] : undefined;
  const label = installed?.label ?? profile;
  return { mode, profile, label: label ? seccompLabel(label) : localized('aFilter') };
}
