/**
 * The cgroup namespace view. A process in a cgroup namespace sees the cgroup
 * it was in when the namespace was made as `/`: /proc/PID/cgroup paths are
 * printed relative to that root, and cgroup2 mounted inside the namespace
 * (a container's /sys/fs/cgroup) has that cgroup as its top directory.
 * Docker on cgroup v2 gives each container a private cgroup namespace by
 * default (`--cgroupns=private`), so a container sees `0::/`.
 * @see cgroup_namespaces(7), Documentation/admin-guide/cgroup-v2.rst "Namespace"
 */
import { fail, ok, type SimResult } from '../result.ts';
import { joinCgroupPath, normalizeCgroupPath, relativeCgroupPath } from './paths.ts';
import { getProc } from './procs.ts';
import type { CgroupTree } from './types.ts';

/**
 * The absolute cgroup a viewer means by `viewedPath` (a path under its own
 * /sys/fs/cgroup, or a cgroup path it names): `/` is its namespace root, and
 * `..` cannot climb above it, as it cannot above a mount's root.
 */
export function cgroupNsResolve(nsRoot: string, viewedPath: string): string {
  return joinCgroupPath(normalizeCgroupPath(nsRoot), normalizeCgroupPath(viewedPath));
}

/**
 * How a viewer whose namespace root is `nsRoot` sees the cgroup `absPath`:
 * `/` for its root, `/child` below it, `/../other` outside it.
 */
export function cgroupNsView(nsRoot: string, absPath: string): string {
  return relativeCgroupPath(normalizeCgroupPath(nsRoot), normalizeCgroupPath(absPath));
}

/**
 * /proc/PID/cgroup on a cgroup v2 only host: one line, hierarchy 0, no
 * controller list, the path as the reader's namespace sees it.
 * @see proc(5) /proc/pid/cgroup, kernel/cgroup/cgroup.c proc_cgroup_show()
 */
export function procCgroupText(tree: CgroupTree, pid: number, viewerNsRoot = '/'): SimResult<string> {
  const proc = getProc(tree, pid);
  if (!proc) return fail('ESRCH', `no process ${pid}`);
  return ok(`0::${cgroupNsView(viewerNsRoot, proc.cgroup)}\n`);
}
