import { fail, ok, type SimError, type SimResult } from '../result.ts';
import { isMountRoot } from './location.ts';
import { descendantMounts, getMount, type Mount, type MountNamespace } from './mount.ts';
import { isPathUnder, rebasePath } from './path.ts';
import type { Resolved } from './resolve.ts';

/**
 * pivot_root(2): the mount at new_root becomes the root, the old root moves
 * to put_old. The checks are the kernel's, in its order.
 * @see pivot_root(2), fs/namespace.c SYSCALL_DEFINE2(pivot_root)
 */

/** How paths moved: what the kernel needs to fix the cwd and root of every process in the namespace. */
export interface PivotRebase {
  /** The old root's path (the root the caller had; `/` unless it was chrooted onto a mount). */
  root: string;
  newRoot: string;
  putOld: string;
}

export interface Pivoted {
  ns: MountNamespace;
  rebase: PivotRebase;
}

const shared = (m: Mount | undefined): boolean => m?.propagation === 'shared';

function check(ns: MountNamespace, newRoot: Resolved, putOld: Resolved, root: Resolved): SimError | null {
  if (newRoot.node.kind !== 'dir' || putOld.node.kind !== 'dir') return fail('ENOTDIR', 'new_root and put_old must be directories');
  const newMnt = getMount(ns, newRoot.mountId);
  const rootMnt = getMount(ns, root.mountId);
  const oldMnt = getMount(ns, putOld.mountId);
  if (!newMnt || !rootMnt || !oldMnt) return fail('EINVAL', 'a path is not in the caller\'s mount namespace');
  if (shared(oldMnt) || shared(getMount(ns, newMnt.parentId)) || shared(getMount(ns, rootMnt.parentId))) {
    return fail('EINVAL', 'put_old, the parent of new_root or the parent of the current root is a shared mount; make them private (mount --make-rprivate /) first');
  }
  if (newMnt.id === rootMnt.id || oldMnt.id === rootMnt.id) {
    return fail('EBUSY', 'new_root or put_old is on the current root mount; new_root must be a mount of its own (bind-mount it onto itself)');
  }
  if (!isMountRoot(ns, root)) return fail('EINVAL', 'the current root is not a mount point (the caller is chrooted into a subdirectory)');
  if (!isMountRoot(ns, newRoot)) return fail('EINVAL', `new_root ${newRoot.path} is not a mount point`);
  if (!isPathUnder(putOld.path, newRoot.path)) return fail('EINVAL', `put_old ${putOld.path} is not at or under new_root ${newRoot.path}`);
  if (!isPathUnder(newRoot.path, root.path)) return fail('EINVAL', `new_root ${newRoot.path} is not under the current root`);
  return null;
}

/**
 * @param root the caller's root, resolved (`resolve(env, ctx, '/')`).
 * Mounts in new_root's tree move up to the root; the old root's tree moves
 * under put_old. Processes whose root or cwd was the old root get the new one
 * (chroot_fs_refs): apply rebasePathAfterPivot to every cwd and root.
 */
export function pivotRoot(ns: MountNamespace, newRoot: Resolved, putOld: Resolved, root: Resolved): SimResult<Pivoted> {
  const bad = check(ns, newRoot, putOld, root);
  if (bad) return bad;
  const newMnt = getMount(ns, newRoot.mountId)!;
  const rootMnt = getMount(ns, root.mountId)!;
  const putOldAfter = rebasePath(putOld.path, newRoot.path, root.path);
  const newTree = new Set([newMnt.id, ...descendantMounts(ns, newMnt.id).map((m) => m.id)]);
  const oldTree = new Set([rootMnt.id, ...descendantMounts(ns, rootMnt.id).map((m) => m.id)].filter((id) => !newTree.has(id)));
  const mounts = ns.mounts.map((m): Mount => {
    if (m.id === newMnt.id) return { ...m, parentId: rootMnt.parentId, mountpoint: rootMnt.mountpoint };
    if (m.id === rootMnt.id) return { ...m, parentId: putOld.mountId, mountpoint: putOldAfter };
    if (newTree.has(m.id)) return { ...m, mountpoint: rebasePath(m.mountpoint, newRoot.path, root.path) };
    if (oldTree.has(m.id)) return { ...m, mountpoint: rebasePath(m.mountpoint, root.path, putOldAfter) };
    return m;
  });
  const rootId = ns.rootId === rootMnt.id ? newMnt.id : ns.rootId;
  return ok({ ns: { ...ns, rootId, mounts }, rebase: { root: root.path, newRoot: newRoot.path, putOld: putOld.path } });
}

/** Where a process's cwd or root path is after the pivot. */
export function rebasePathAfterPivot(path: string, r: PivotRebase): string {
  if (path === r.root) return r.root;
  if (isPathUnder(path, r.newRoot)) return rebasePath(path, r.newRoot, r.root);
  const putOldAfter = rebasePath(r.putOld, r.newRoot, r.root);
  return isPathUnder(path, r.root) ? rebasePath(path, r.root, putOldAfter) : path;
}
