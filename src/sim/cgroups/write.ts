/**
 * Writes to cgroup interface files: `echo 64M > memory.max`, `echo 1234 >
 * cgroup.procs`, `echo +memory > cgroup.subtree_control`.
 * @see Documentation/admin-guide/cgroup-v2.rst "Interface Files"
 */
import { fail, ok, type SimResult } from '../result.ts';
import { cgroupFileSpec } from './files.ts';
import { shrinkToMax } from './memory.ts';
import { memoryCurrent } from './memoryCounters.ts';
import { parseCpuMax, parseCpuWeight, parseMemoryLimit, parseOomGroup, parsePidsMax, parseProcsPid, parseSubtreeControl } from './parse.ts';
import { attachProcess, procsIn } from './procs.ts';
import { childCgroups, controllersOf, getCgroup, newCgroup, withCgroup } from './tree.ts';
import { CONTROLLERS, type Cgroup, type CgroupTree, type Controller } from './types.ts';

export interface WriteOptions {
  /** Time of the write, stamped on any OOM kill it causes. */
  at?: number;
  /** The writing process, for `echo 0 > cgroup.procs` (0 means "me"). */
  writerPid?: number;
}

type Writer = (tree: CgroupTree, path: string, data: string, opts: WriteOptions) => SimResult<CgroupTree>;

const set = (tree: CgroupTree, path: string, update: (cg: Cgroup) => Cgroup): SimResult<CgroupTree> => ok(withCgroup(tree, path, update));

function writeProcs(tree: CgroupTree, path: string, data: string, opts: WriteOptions): SimResult<CgroupTree> {
  const pid = parseProcsPid(data);
  if (!pid.ok) return pid;
  const target = pid.value === 0 ? opts.writerPid : pid.value;
  if (target === undefined) return fail('ESRCH', 'pid 0 means the writer, and no writer was given');
  return attachProcess(tree, target, path);
}

/** A controller switched off in a parent takes its state with it in the children (the css is destroyed). */
function resetController(cg: Cgroup, c: Controller): Cgroup {
  const fresh = newCgroup();
  if (c === 'memory') return { ...cg, memory: fresh.memory };
  if (c === 'pids') return { ...cg, pids: fresh.pids };
  if (c === 'cpu') return { ...cg, cpu: fresh.cpu };
  return cg;
}

/**
 * Enabling needs the controller in cgroup.controllers (ENOENT) and, below
 * the root, no processes of its own (EBUSY); disabling is refused while a
 * child still hands it on (EBUSY).
 * @see kernel/cgroup/cgroup.c cgroup_subtree_control_write(), cgroup_vet_subtree_control_enable()
 */
function writeSubtreeControl(tree: CgroupTree, path: string, data: string): SimResult<CgroupTree> {
  const parsed = parseSubtreeControl(data);
  if (!parsed.ok) return parsed;
  const current = getCgroup(tree, path)?.subtreeControl ?? [];
  const enable = parsed.value.enable.filter((c) => !current.includes(c));
  const disable = parsed.value.disable.filter((c) => current.includes(c));
  const missing = enable.find((c) => !controllersOf(tree, path).includes(c));
  if (missing) return fail('ENOENT', `${missing} is not in ${path}/cgroup.controllers`);
  const kids = childCgroups(tree, path);
  const busy = disable.find((c) => kids.some((k) => getCgroup(tree, k)?.subtreeControl.includes(c)));
  if (busy) return fail('EBUSY', `a child of ${path} still enables ${busy} for its own children`);
  if (enable.length && path !== '/' && procsIn(tree, path).length) return fail('EBUSY', `${path} has processes of its own (no internal processes rule)`);
  const next = CONTROLLERS.filter((c) => (current.includes(c) || enable.includes(c)) && !disable.includes(c));
  const withMask = withCgroup(tree, path, (cg) => ({ ...cg, subtreeControl: next }));
  return ok(kids.reduce((t, k) => withCgroup(t, k, (cg) => disable.reduce(resetController, cg)), withMask));
}

const WRITERS: Record<string, Writer> = {
  'cgroup.procs': writeProcs,
  'cgroup.subtree_control': (t, p, d) => writeSubtreeControl(t, p, d),
  'memory.max': (t, p, d, o) => {
    const max = parseMemoryLimit(d);
    return max.ok ? ok(shrinkToMax(withCgroup(t, p, (cg) => ({ ...cg, memory: { ...cg.memory, max: max.value } })), p, o.at ?? 0)) : max;
  },
  'memory.high': (t, p, d) => {
    const high = parseMemoryLimit(d);
    return high.ok ? set(t, p, (cg) => ({ ...cg, memory: { ...cg.memory, high: high.value } })) : high;
  },
  'memory.oom.group': (t, p, d) => {
    const on = parseOomGroup(d);
    return on.ok ? set(t, p, (cg) => ({ ...cg, memory: { ...cg.memory, oomGroup: on.value } })) : on;
  },
  'pids.max': (t, p, d) => {
    const max = parsePidsMax(d);
    return max.ok ? set(t, p, (cg) => ({ ...cg, pids: { ...cg.pids, max: max.value } })) : max;
  },
  'cpu.max': (t, p, d) => {
    const bw = parseCpuMax(d, getCgroup(t, p)?.cpu.periodUsec ?? 100_000);
    return bw.ok ? set(t, p, (cg) => ({ ...cg, cpu: { ...cg.cpu, ...bw.value } })) : bw;
  },
  'cpu.weight': (t, p, d) => {
    const w = parseCpuWeight(d);
    return w.ok ? set(t, p, (cg) => ({ ...cg, cpu: { ...cg.cpu, weight: w.value } })) : w;
  },
};

/**
 * `echo DATA > /sys/fs/cgroup/PATH/FILE`. A file that is not there is ENOENT,
 * a read-only one EACCES (kernfs refuses to open it for writing), a value the
 * kernel would not take EINVAL (ERANGE for cpu.weight). Lowering memory.max
 * below memory.current OOM-kills in the cgroup until it fits.
 */
export function writeCgroupFile(tree: CgroupTree, path: string, file: string, data: string, opts: WriteOptions = {}): SimResult<CgroupTree> {
  const spec = cgroupFileSpec(tree, path, file);
  if (!spec.ok) return spec;
  const writer = WRITERS[file];
  if (!spec.value.writable || !writer) return fail('EACCES', `${file} is read-only`);
  return writer(tree, spec.value.path, data, opts);
}

/** True when this write would leave memory.max below memory.current, so the OOM killer runs. */
export function writeWouldOom(tree: CgroupTree, path: string, file: string, data: string): boolean {
  const spec = cgroupFileSpec(tree, path, file);
  if (file !== 'memory.max' || !spec.ok) return false;
  const max = parseMemoryLimit(data);
  return max.ok && max.value !== 'max' && memoryCurrent(tree, spec.value.path) > max.value;
}
