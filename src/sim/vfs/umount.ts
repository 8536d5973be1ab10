import { fail, ok, type SimResult } from '../result.ts';
import { isMountRoot } from './location.ts';
import { childMounts, descendantMounts, getMount, type MountNamespace } from './mount.ts';
import type { Resolved } from './resolve.ts';

/**
 * umount2(2).
 * @see umount(2), fs/namespace.c path_umount, can_umount, do_umount
 */

export interface UmountOptions {
  /** MNT_DETACH: take the mount and everything below it out now, lazily. */
  detach?: boolean;
  /** Mount id of the calling process's root: unmounting it without MNT_DETACH is EBUSY. */
  processRootMountId?: number;
  /** Mounts some process still uses (an open file, a cwd): EBUSY without MNT_DETACH. */
  busyMountIds?: readonly number[];
}

export interface Unmounted {
  ns: MountNamespace;
  /** Ids taken out of the table (the mount, and with MNT_DETACH its submounts). */
  removed: number[];
}

/**
 * `target` is resolved with `mountpoint: true` (LOOKUP_MOUNTPOINT) so the
 * topmost mount on the path is the one unmounted.
 */
export function umount(ns: MountNamespace, target: Resolved, opts: UmountOptions = {}): SimResult<Unmounted> {
  const m = getMount(ns, target.mountId);
  if (m === undefined || !isMountRoot(ns, target)) return fail('EINVAL', `${target.path} is not a mount point`);
  if (m.id === ns.rootId) {
    return fail('EBUSY', `${target.path} is the namespace's root mount; the kernel would only try to remount it read-only`);
  }
  if (!opts.detach) {
    if (m.id === opts.processRootMountId) return fail('EBUSY', `${target.path} is the caller's root`);
    const children = childMounts(ns, m.id);
    if (children.length > 0) return fail('EBUSY', `${children.length} mount(s) below ${target.path}, first ${children[0]!.mountpoint}; unmount them first or use MNT_DETACH`);
    if (opts.busyMountIds?.includes(m.id)) return fail('EBUSY', `a process still has files or its cwd on ${target.path}`);
  }
  const removed = [m.id, ...(opts.detach ? descendantMounts(ns, m.id).map((d) => d.id) : [])];
  return ok({ ns: { ...ns, mounts: ns.mounts.filter((x) => !removed.includes(x.id)) }, removed });
}
