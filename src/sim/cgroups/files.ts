/**
 * The interface files of a cgroup directory under /sys/fs/cgroup, and their
 * text exactly as the kernel prints it. The lab lists the files of the
 * controllers it models (cgroup core, cpu, memory, pids), not every file a
 * real kernel has (io.*, memory.stat, *.pressure…).
 * @see Documentation/admin-guide/cgroup-v2.rst "Core Interface Files", "Controllers"
 */
import { fail, ok, type SimResult } from '../result.ts';
import { memoryCurrent, memoryEvents, memoryEventsLocal } from './memoryCounters.ts';
import { normalizeCgroupPath, selfAndAncestors } from './paths.ts';
import { pidsCurrent, pidsEventsMax } from './pids.ts';
import { procsIn } from './procs.ts';
import { controllersOf, getCgroup, hasController } from './tree.ts';
import { CONTROLLERS, CPU_STAT_KEYS, MEMORY_EVENT_KEYS, type CgroupTree, type Controller, type Limit, type MemoryEvents } from './types.ts';

export interface CgroupFileSpec {
  name: string;
  /** The controller that must be enabled for the file to exist (none for core files). */
  controller?: Controller;
  /** False for files the root cgroup lacks (CFTYPE_NOT_ON_ROOT). */
  onRoot: boolean;
  writable: boolean;
  read: (tree: CgroupTree, path: string) => string;
}

const line = (v: Limit | number | string): string => `${v}\n`;
/** cgroup_print_ss_mask(): names joined by spaces, and a newline only if any were printed. */
const maskText = (names: readonly Controller[]): string => {
  const sorted = CONTROLLERS.filter((c) => names.includes(c));
  return sorted.length ? `${sorted.join(' ')}\n` : '';
};
const eventsText = (e: MemoryEvents): string => MEMORY_EVENT_KEYS.map((k) => `${k} ${e[k]}\n`).join('');
const cg = (tree: CgroupTree, path: string) => {
  const found = getCgroup(tree, path);
  if (!found) throw new Error(`cgroup ${path} vanished between lookup and read`);
  return found;
};

/**
 * cpu.stat: usage from the cgroup itself; the bandwidth counters from the
 * nearest cgroup that has the cpu controller (cgroup_get_e_css()), which is
 * why even the root prints them. Kernels built with CONFIG_SCHED_CORE add a
 * core_sched.force_idle_usec line the lab leaves out.
 * @see kernel/cgroup/rstat.c cgroup_base_stat_cputime_show(), kernel/sched/core.c cpu_extra_stat_show()
 */
function cpuStatText(tree: CgroupTree, path: string): string {
  const own = cg(tree, path).cpu.stat;
  const eff = selfAndAncestors(path).find((p) => p === '/' || hasController(tree, p, 'cpu')) ?? '/';
  const bw = cg(tree, eff).cpu.stat;
  return CPU_STAT_KEYS.map((k, i) => `${k} ${i < 3 ? own[k] : bw[k]}\n`).join('');
}

const SPECS: CgroupFileSpec[] = [
  { name: 'cgroup.controllers', onRoot: true, writable: false, read: (t, p) => maskText(controllersOf(t, p)) },
  { name: 'cgroup.events', onRoot: false, writable: false, read: (t, p) => `populated ${pidsCurrent(t, p) > 0 ? 1 : 0}\nfrozen 0\n` },
  { name: 'cgroup.procs', onRoot: true, writable: true, read: (t, p) => procsIn(t, p).map(line).join('') },
  { name: 'cgroup.subtree_control', onRoot: true, writable: true, read: (t, p) => maskText(cg(t, p).subtreeControl) },
  { name: 'cgroup.type', onRoot: false, writable: false, read: () => 'domain\n' },
  { name: 'cpu.stat', onRoot: true, writable: false, read: cpuStatText },
  { name: 'cpu.max', controller: 'cpu', onRoot: false, writable: true, read: (t, p) => `${cg(t, p).cpu.quotaUsec} ${cg(t, p).cpu.periodUsec}\n` },
  { name: 'cpu.weight', controller: 'cpu', onRoot: false, writable: true, read: (t, p) => line(cg(t, p).cpu.weight) },
  { name: 'memory.current', controller: 'memory', onRoot: false, writable: false, read: (t, p) => line(memoryCurrent(t, p)) },
  { name: 'memory.events', controller: 'memory', onRoot: false, writable: false, read: (t, p) => eventsText(memoryEvents(t, p)) },
  { name: 'memory.events.local', controller: 'memory', onRoot: false, writable: false, read: (t, p) => eventsText(memoryEventsLocal(t, p)) },
  { name: 'memory.high', controller: 'memory', onRoot: false, writable: true, read: (t, p) => line(cg(t, p).memory.high) },
  { name: 'memory.max', controller: 'memory', onRoot: false, writable: true, read: (t, p) => line(cg(t, p).memory.max) },
  { name: 'memory.oom.group', controller: 'memory', onRoot: false, writable: true, read: (t, p) => line(cg(t, p).memory.oomGroup ? 1 : 0) },
  { name: 'pids.current', controller: 'pids', onRoot: false, writable: false, read: (t, p) => line(pidsCurrent(t, p)) },
  { name: 'pids.events', controller: 'pids', onRoot: false, writable: false, read: (t, p) => `max ${pidsEventsMax(t, p)}\n` },
  { name: 'pids.events.local', controller: 'pids', onRoot: false, writable: false, read: (t, p) => `max ${cg(t, p).pids.maxLocal}\n` },
  { name: 'pids.max', controller: 'pids', onRoot: false, writable: true, read: (t, p) => line(cg(t, p).pids.max) },
];

function present(tree: CgroupTree, path: string, spec: CgroupFileSpec): boolean {
  if (path === '/' && !spec.onRoot) return false;
  return spec.controller === undefined || hasController(tree, path, spec.controller);
}

/** The spec of `file` in the cgroup at `path`, or ENOENT when the directory or the file is not there. */
export function cgroupFileSpec(tree: CgroupTree, rawPath: string, file: string): SimResult<CgroupFileSpec & { path: string }> {
  const path = normalizeCgroupPath(rawPath);
  if (!getCgroup(tree, path)) return fail('ENOENT', `no cgroup ${path}`);
  const spec = SPECS.find((s) => s.name === file);
  if (!spec || !present(tree, path, spec)) {
    const why = path === '/' && spec && !spec.onRoot ? 'the root cgroup has no' : 'no file';
    return fail('ENOENT', `${why} ${file} in ${path}`);
  }
  return ok({ ...spec, path });
}

/** `ls /sys/fs/cgroup/PATH`: child cgroups are directories; these are the files. */
export function listCgroupFiles(tree: CgroupTree, rawPath: string): SimResult<string[]> {
  const path = normalizeCgroupPath(rawPath);
  if (!getCgroup(tree, path)) return fail('ENOENT', `no cgroup ${path}`);
  return ok(SPECS.filter((s) => present(tree, path, s)).map((s) => s.name).sort());
}

/** `cat /sys/fs/cgroup/PATH/FILE`. */
export function readCgroupFile(tree: CgroupTree, path: string, file: string): SimResult<string> {
  const spec = cgroupFileSpec(tree, path, file);
  return spec.ok ? ok(spec.value.read(tree, spec.value.path)) : spec;
}
