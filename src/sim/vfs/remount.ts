import { fail, ok, type SimResult } from '../result.ts';
import { putFs, type FsStore } from './filesystem.ts';
import { isMountRoot } from './location.ts';
import { descendantMounts, getMount, replaceMount, type AtimeMode, type Mount, type MountNamespace, type Propagation } from './mount.ts';
import { propagationOf } from './mountAttach.ts';
import type { Resolved } from './resolve.ts';

/**
 * Changing an existing mount: its flags (MS_REMOUNT, MS_REMOUNT|MS_BIND) and
 * its propagation type (MS_SHARED, MS_PRIVATE, MS_SLAVE, MS_UNBINDABLE, with MS_REC).
 * @see mount(2), fs/namespace.c do_remount, do_reconfigure_mnt, do_change_type
 */

export interface RemountFlags {
  ro: boolean;
  nosuid?: boolean;
  nodev?: boolean;
  noexec?: boolean;
  /** Absent: the mount keeps its atime mode (path_mount keeps MNT_ATIME_MASK on remount). */
  atime?: AtimeMode;
}

function mountAtRoot(ns: MountNamespace, target: Resolved, what: string): SimResult<Mount> {
  const m = getMount(ns, target.mountId);
  if (m === undefined || !isMountRoot(ns, target)) return fail('EINVAL', `${target.path} is not a mount point, so ${what} has nothing to change`);
  return ok(m);
}

/**
 * MS_REMOUNT|MS_BIND sets only this mount's flags, and every flag not given
 * is cleared (why runc re-reads statfs before a read-only remount). Without
 * MS_BIND the superblock's read-only state changes too, for every mount of it.
 */
export function remount(store: FsStore, ns: MountNamespace, target: Resolved, opts: { bind: boolean; flags: RemountFlags }): SimResult<{ store: FsStore; ns: MountNamespace }> {
  const m = mountAtRoot(ns, target, 'a remount');
  if (!m.ok) return m;
  const f = opts.flags;
  const flags = {
    ro: f.ro, nosuid: f.nosuid ?? false, nodev: f.nodev ?? false, noexec: f.noexec ?? false,
    atime: f.atime ?? m.value.flags.atime,
  };
  const nextNs = replaceMount(ns, { ...m.value, flags });
  if (opts.bind) return ok({ store, ns: nextNs });
  const fs = store.filesystems[m.value.fsId];
  return ok({ store: fs ? putFs(store, { ...fs, readOnly: f.ro }) : store, ns: nextNs });
}

function changed(m: Mount, type: Propagation, store: FsStore): { mount: Mount; store: FsStore } {
  const { peerGroup: _p, master: _m, propagation: _x, ...rest } = m;
  switch (type) {
    case 'shared': {
      if (m.peerGroup !== undefined) return { mount: m, store };
      const prop = propagationOf(store.nextPeerGroup, m.master);
      return { mount: { ...rest, ...prop }, store: { ...store, nextPeerGroup: store.nextPeerGroup + 1 } };
    }
    // A shared mount turns slave of its old peer group; a private one stays private.
    case 'slave': return { mount: { ...rest, ...propagationOf(undefined, m.peerGroup ?? m.master) }, store };
    case 'private': return { mount: { ...rest, ...propagationOf(undefined, undefined) }, store };
    case 'unbindable': return { mount: { ...rest, ...propagationOf(undefined, undefined, true) }, store };
  }
}

/** mount --make-{shared,slave,private,unbindable} (with MS_REC: the whole subtree). */
export function setPropagation(store: FsStore, ns: MountNamespace, target: Resolved, type: Propagation, recursive: boolean): SimResult<{ store: FsStore; ns: MountNamespace }> {
  const m = mountAtRoot(ns, target, 'a propagation change');
  if (!m.ok) return m;
  const affected = recursive ? [m.value, ...descendantMounts(ns, m.value.id)] : [m.value];
  let s = store;
  let next = ns;
  for (const a of affected) {
    const c = changed(a, type, s);
    s = c.store;
    next = replaceMount(next, c.mount);
  }
  return ok({ store: s, ns: next });
}
