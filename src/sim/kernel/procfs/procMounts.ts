import { renderMountinfo, renderMounts as vfsMounts } from '../../vfs/procMounts.ts';
import type { NamespaceOf } from '../namespaces.ts';
import type { Process } from '../process.ts';
import { mountNsOf } from '../vfsBridge.ts';
import type { World } from '../world.ts';

/** /proc/PID/mounts and mountinfo: the target's mount table seen from its root and its cgroup namespace. */
export function renderMounts(world: World, p: Process, kind: 'mounts' | 'mountinfo'): string {
  const cg = world.namespaces[p.ns.cgroup] as NamespaceOf<'cgroup'> | undefined;
  const view = { root: p.root, cgroupNsRoot: cg?.root ?? '/' };
  const table = mountNsOf(world, p);
  return kind === 'mounts' ? vfsMounts(world.vfs, table, view) : renderMountinfo(world.vfs, table, view);
}
