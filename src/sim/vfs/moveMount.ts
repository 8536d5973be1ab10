import { fail, ok, type SimResult } from '../result.ts';
import { isMountRoot } from './location.ts';
import { descendantMounts, getMount, type Mount, type MountNamespace } from './mount.ts';
import { isPathUnder, rebasePath } from './path.ts';
import type { Resolved } from './resolve.ts';

/**
 * MS_MOVE: moves a mount (and everything on it) to another place. runc's
 * --no-pivot mode uses it with chroot instead of pivot_root.
 * @see mount(2) "Moving a mount", fs/namespace.c do_move_mount
 */
export function moveMount(ns: MountNamespace, source: Resolved, target: Resolved): SimResult<MountNamespace> {
  const m = getMount(ns, source.mountId);
  if (m === undefined || !isMountRoot(ns, source)) return fail('EINVAL', `${source.path} is not a mount point`);
  if (m.id === ns.rootId) return fail('EINVAL', 'the namespace root cannot be moved');
  if (getMount(ns, m.parentId)?.propagation === 'shared') return fail('EINVAL', `the mount under ${source.path} is shared; moving out of a shared mount is refused`);
  if (target.node.kind !== 'dir' && source.node.kind === 'dir') return fail('ENOTDIR', `${target.path} is not a directory`);
  const inside = descendantMounts(ns, m.id);
  if (target.mountId === m.id || inside.some((d) => d.id === target.mountId) || isPathUnder(target.path, source.path)) {
    return fail('ELOOP', `${target.path} is inside the mount being moved`);
  }
  const ids = new Set(inside.map((d) => d.id));
  const mounts = ns.mounts.map((x): Mount => {
    if (x.id === m.id) return { ...x, parentId: target.mountId, mountpoint: target.path };
    if (ids.has(x.id)) return { ...x, mountpoint: rebasePath(x.mountpoint, source.path, target.path) };
    return x;
  });
  return ok({ ...ns, mounts });
}
