import type { FsStore } from './filesystem.ts';
import { getMount, type Mount, type MountNamespace } from './mount.ts';

/**
 * Adding mounts to a namespace's table, with the propagation a new mount
 * gets from where it is attached.
 * @see fs/namespace.c attach_recursive_mnt, clone_mnt; mount_namespaces(7)
 */

/** The result of a mount-table change. */
export interface MountChange {
  store: FsStore;
  ns: MountNamespace;
  mount: Mount;
}

/** Propagation fields of a mount, without the rest. */
export type PropagationState = Pick<Mount, 'propagation' | 'peerGroup' | 'master'>;

export function propagationOf(peerGroup: number | undefined, master: number | undefined, unbindable = false): PropagationState {
  if (unbindable) return { propagation: 'unbindable' };
  if (peerGroup !== undefined) return { propagation: 'shared', peerGroup, ...(master !== undefined ? { master } : {}) };
  if (master !== undefined) return { propagation: 'slave', master };
  return { propagation: 'private' };
}

/**
 * A mount attached under a shared parent becomes shared itself, in a new peer
 * group when it is not in one already (invent_group_ids()); elsewhere it
 * keeps what it has.
 */
export function inheritPropagation(store: FsStore, ns: MountNamespace, parentId: number, own: PropagationState): { store: FsStore; prop: PropagationState } {
  const parent = getMount(ns, parentId);
  if (parent?.propagation !== 'shared' || own.peerGroup !== undefined) return { store, prop: own };
  const prop = propagationOf(store.nextPeerGroup, own.master);
  return { store: { ...store, nextPeerGroup: store.nextPeerGroup + 1 }, prop };
}

/** Appends a mount with a fresh global id. */
export function attachMount(store: FsStore, ns: MountNamespace, init: Omit<Mount, 'id'>): MountChange {
  const mount: Mount = { ...init, id: store.nextMountId };
  return {
    store: { ...store, nextMountId: store.nextMountId + 1 },
    ns: { ...ns, mounts: [...ns.mounts, mount] },
    mount,
  };
}

/**
 * A copy of a namespace's table with new mount ids (CLONE_NEWNS, unshare -m).
 * Shared mounts stay in their peer groups; when the new namespace belongs to a
 * less privileged user namespace they become slaves (CL_SHARED_TO_SLAVE).
 * @see fs/namespace.c copy_mnt_ns, copy_tree
 */
export function cloneMountNamespace(store: FsStore, ns: MountNamespace, newId: string, opts: { sharedToSlave?: boolean } = {}): { store: FsStore; ns: MountNamespace } {
  const idMap: Record<number, number> = {};
  let next = store.nextMountId;
  for (const m of ns.mounts) idMap[m.id] = next++;
  const mounts = ns.mounts.map((m): Mount => {
    const prop = opts.sharedToSlave && m.peerGroup !== undefined ? propagationOf(undefined, m.peerGroup) : propagationOf(m.peerGroup, m.master, m.propagation === 'unbindable');
    const { peerGroup: _p, master: _m, propagation: _x, ...rest } = m;
    return { ...rest, ...prop, id: idMap[m.id]!, parentId: idMap[m.parentId] ?? m.parentId };
  });
  return { store: { ...store, nextMountId: next }, ns: { id: newId, rootId: idMap[ns.rootId]!, mounts } };
}
