import type { PathCtx, VfsEnv } from '../vfs/env.ts';
import { cloneMountNamespace } from '../vfs/mountAttach.ts';
import { fsCredOf } from '../vfs/permission.ts';
import type { NamespaceOf } from './namespaces.ts';
import type { Process } from './process.ts';
import { kernelProviders } from './providers.ts';
import type { World } from './world.ts';
import { idInNs } from './pidView.ts';

/**
 * Where the kernel model meets the VFS: a process's view of paths (its
 * mount namespace, root, cwd, credentials) and the providers that answer for
 * /proc, /sys and /sys/fs/cgroup from the world's state.
 */

/**
 * What the synthetic filesystems are told about who is looking. A write to
 * /proc or /sys/fs/cgroup changes kernel state the VFS does not hold: the
 * provider checks it and queues the change in `pending`, and the syscall
 * handler applies the queue to the world after the write.
 */
export interface Viewer {
  world: World;
  pid: number;
  pending: ((w: World) => World)[];
}

export function mountNsOf(world: World, proc: Process) {
  const ns = world.namespaces[proc.ns.mnt] as NamespaceOf<'mnt'>;
  const table = world.mountTables[ns.tableId];
  if (!table) throw new Error(`mount namespace ${ns.id} has no table ${ns.tableId}`);
  return table;
}

export function vfsEnv(world: World, proc: Process): VfsEnv {
  return { store: world.vfs, ns: mountNsOf(world, proc), providers: kernelProviders() };
}

export function pathCtx(world: World, proc: Process): PathCtx {
  const viewer: Viewer = { world, pid: proc.pid, pending: [] };
  const cred = fsCredOf(proc.cred);
  // In a user namespace, capabilities reach only inodes whose owner and group are mapped into it.
  const mapped = proc.ns.user === world.initNs.user ? undefined
    : (uid: number, gid: number) => idInNs(world, proc.ns.user, uid, 'uid') !== undefined && idInNs(world, proc.ns.user, gid, 'gid') !== undefined;
  return { root: proc.root, cwd: proc.cwd, cred: mapped ? { ...cred, mapped } : cred, umask: proc.umask, viewer };
}

/** The world with the changes synthetic-file writes queued applied. */
export function applyPending(world: World, ctx: PathCtx): World {
  const v = ctx.viewer as Viewer | undefined;
  return v ? v.pending.reduce((w, f) => f(w), world) : world;
}

/** A world whose store (and the process's mount table, if given) changed. */
export function withVfs(world: World, store: World['vfs'], table?: { id: string; ns: World['mountTables'][string] }): World {
  const mountTables = table ? { ...world.mountTables, [table.id]: table.ns } : world.mountTables;
  return { ...world, vfs: store, mountTables };
}

/** CLONE_NEWNS: the new mount namespace starts as a copy of the creator's table. */
export function copyMountTable(world: World, tableId: string, newId: string): { world: World; tableId: string } {
  const src = world.mountTables[tableId];
  if (!src) throw new Error(`no mount table ${tableId}`);
  const cloned = cloneMountNamespace(world.vfs, src, newId);
  return { world: { ...world, vfs: cloned.store, mountTables: { ...world.mountTables, [newId]: cloned.ns } }, tableId: newId };
}
