import { fail, ok, type SimResult } from '../result.ts';
import type { FsStore } from './filesystem.ts';
import { crossMounts } from './location.ts';
import { descendantMounts, getMount, type Mount, type MountNamespace } from './mount.ts';
import { attachMount, inheritPropagation, propagationOf, type MountChange } from './mountAttach.ts';
import { isPathUnder, rebasePath } from './path.ts';
import type { Resolved } from './resolve.ts';

/**
 * Bind mounts (MS_BIND, and MS_BIND|MS_REC): the same files seen at a
 * second place. A bind mount copies the source mount's flags (MS_RDONLY with
 * MS_BIND alone is ignored; a read-only bind needs a remount) and joins its
 * peer group when the source is shared.
 * @see mount(2) "Creating a bind mount", fs/namespace.c do_loopback, clone_mnt, copy_tree
 */

function cloneOf(m: Mount): Omit<Mount, 'id' | 'parentId' | 'mountpoint' | 'root' | 'rootIno'> {
  const prop = propagationOf(m.peerGroup, m.master);
  return { fsId: m.fsId, source: m.source, flags: { ...m.flags }, ...prop };
}

/** Submounts a recursive bind copies: those below the source path inside the source mount's tree. */
function submountsUnder(ns: MountNamespace, sourceMount: Mount, sourcePath: string): Mount[] {
  return descendantMounts(ns, sourceMount.id).filter((d) => d.mountpoint !== sourcePath && isPathUnder(d.mountpoint, sourcePath));
}

export function bindMount(store: FsStore, ns: MountNamespace, source: Resolved, target: Resolved, opts: { recursive?: boolean } = {}): SimResult<MountChange> {
  const src = getMount(ns, source.mountId);
  if (src === undefined) return fail('EINVAL', `${source.path} is not in this mount namespace`);
  if (src.propagation === 'unbindable') return fail('EINVAL', `the mount at ${src.mountpoint} is unbindable`);
  if ((source.node.kind === 'dir') !== (target.node.kind === 'dir')) {
    return fail('ENOTDIR', `a bind mount puts a directory on a directory and a file on a file; ${source.path} is a ${source.node.kind}, ${target.path} a ${target.node.kind}`);
  }
  const top = crossMounts(store, ns, target);
  const inherited = inheritPropagation(store, ns, top.mountId, propagationOf(src.peerGroup, src.master));
  let change = attachMount(inherited.store, ns, {
    ...cloneOf(src), ...inherited.prop,
    parentId: top.mountId, mountpoint: top.path, root: [...source.fsParts], rootIno: source.ino,
  });
  if (!opts.recursive) return ok(change);
  const first = change.mount;
  const idMap: Record<number, number> = { [src.id]: first.id };
  for (const d of submountsUnder(ns, src, source.path)) {
    const parentId = idMap[d.parentId];
    if (parentId === undefined) continue;
    const mountpoint = rebasePath(d.mountpoint, source.path, top.path);
    change = attachMount(change.store, change.ns, { ...cloneOf(d), parentId, mountpoint, root: d.root, rootIno: d.rootIno });
    idMap[d.id] = change.mount.id;
  }
  return ok({ ...change, mount: first });
}
