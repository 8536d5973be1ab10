import { cgroupFileSpec, listCgroupFiles, readCgroupFile } from '../cgroups/files.ts';
import { getCgroup, mkdirCgroup, rmdirCgroup, childCgroups } from '../cgroups/tree.ts';
import { procsIn } from '../cgroups/procs.ts';
import { writeCgroupFile } from '../cgroups/write.ts';
import { attachProcess } from '../cgroups/procs.ts';
import { fail, ok, type SimResult } from '../result.ts';
import type { SyntheticNode, SyntheticProvider } from '../vfs/synthetic.ts';
import { pidSeenBy, procByVisiblePid } from './pidView.ts';
import { viewerOf } from './procfs/procTypes.ts';
import type { Viewer } from './vfsBridge.ts';
import type { World } from './world.ts';

/**
 * cgroup2 mounted at /sys/fs/cgroup, answered from the world's cgroup tree.
 * Paths are the filesystem's own (a container's mount has its cgroup as the
 * mount root, so the VFS hands over the full path). cgroup.procs lists and
 * takes pids as the reader's pid namespace numbers them.
 * @see Documentation/admin-guide/cgroup-v2.rst "Basic Operations"
 */
const cgPath = (parts: readonly string[]) => `/${parts.join('/')}`;

function fileNode(world: World, path: string, file: string, v: Viewer | undefined): SyntheticNode | undefined {
  const spec = cgroupFileSpec(world.cgroups, path, file);
  if (!spec.ok) return undefined;
  const content = () => {
    if (file === 'cgroup.procs' && v) return procsSeenBy(v, path);
    const r = readCgroupFile(world.cgroups, path, file);
    return r.ok ? r.value : '';
  };
  return { kind: 'file', mode: spec.value.writable ? 0o644 : 0o444, uid: 0, gid: 0, content };
}

function procsSeenBy(v: Viewer, path: string): string {
  const me = v.world.procs[v.pid];
  const pids = procsIn(v.world.cgroups, path).map((pid) => {
    const p = v.world.procs[pid];
    return me && p ? pidSeenBy(v.world, me, p) : pid;
  });
  return pids.filter((p) => p > 0).map((p) => `${p}\n`).join('');
}

export const cgroupfsProvider: SyntheticProvider = {
  lookup(_fsId, parts, raw) {
    const seen = viewerOf(raw);
    if (!seen) return parts.length === 0 ? { kind: 'dir', mode: 0o555, uid: 0, gid: 0 } : undefined;
    const { world } = seen.viewer;
    if (getCgroup(world.cgroups, cgPath(parts))) return { kind: 'dir', mode: 0o755, uid: 0, gid: 0 };
    const file = parts[parts.length - 1];
    return file ? fileNode(world, cgPath(parts.slice(0, -1)), file, seen.viewer) : undefined;
  },
  list(_fsId, parts, raw) {
    const seen = viewerOf(raw);
    if (!seen) return parts.length === 0 ? [] : undefined;
    const tree = seen.viewer.world.cgroups;
    const path = cgPath(parts);
    const files = listCgroupFiles(tree, path);
    if (!files.ok) return undefined;
    return [...files.value, ...childCgroups(tree, path).map((c) => c.slice(c.lastIndexOf('/') + 1))];
  },
  write(_fsId, parts, data, raw) {
    const seen = viewerOf(raw);
    const file = parts[parts.length - 1];
    if (!seen || !file) return fail('EACCES', 'nothing to write');
    const path = cgPath(parts.slice(0, -1));
    const r = file === 'cgroup.procs' ? moveProcess(seen.viewer, path, data) : writeFile(seen.viewer, path, file, data);
    return r.ok ? ok(data.length) : r;
  },
  mkdir(_fsId, parts, _mode, raw) {
    const seen = viewerOf(raw);
    if (!seen) return fail('EACCES', 'no viewer');
    const made = mkdirCgroup(seen.viewer.world.cgroups, cgPath(parts));
    if (!made.ok) return made;
    seen.viewer.pending.push((w) => ({ ...w, cgroups: made.value }));
    return ok({ kind: 'dir', mode: 0o755, uid: 0, gid: 0 });
  },
  rmdir(_fsId, parts, raw) {
    const seen = viewerOf(raw);
    if (!seen) return fail('EACCES', 'no viewer');
    const removed = rmdirCgroup(seen.viewer.world.cgroups, cgPath(parts));
    if (!removed.ok) return removed;
    seen.viewer.pending.push((w) => ({ ...w, cgroups: removed.value }));
    return ok(true);
  },
};

function writeFile(v: Viewer, path: string, file: string, data: string): SimResult<true> {
  const r = writeCgroupFile(v.world.cgroups, path, file, data, { at: v.world.timeNs, writerPid: v.pid });
  if (!r.ok) return r;
  v.pending.push((w) => ({ ...w, cgroups: r.value }));
  return ok(true);
}

function moveProcess(v: Viewer, path: string, data: string): SimResult<true> {
  const me = v.world.procs[v.pid];
  const pid = Number(data.trim());
  const target = me && Number.isInteger(pid) ? (pid === 0 ? me : procByVisiblePid(v.world, me, pid)) : undefined;
  if (!target) return fail(Number.isInteger(pid) ? 'ESRCH' : 'EINVAL', `no process ${data.trim()} here`);
  const r = attachProcess(v.world.cgroups, target.pid, path);
  if (!r.ok) return r;
  v.pending.push((w) => {
    const p = w.procs[target.pid];
    return { ...w, cgroups: r.value, procs: p ? { ...w.procs, [p.pid]: { ...p, cgroup: path } } : w.procs };
  });
  return ok(true);
}
