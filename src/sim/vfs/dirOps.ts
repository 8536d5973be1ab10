import { fail, ok, type SimError, type SimResult } from '../result.ts';
import { createAt, type Created } from './create.ts';
import type { PathCtx, VfsEnv } from './env.ts';
import type { FsStore } from './filesystem.ts';
import { DT_TYPE, S_ISVTX, type InodeKind } from './inode.ts';
import { removeEntry } from './inodeEdit.ts';
import { mountAt } from './mount.ts';
import { nodeAt, syntheticVNode, type VNode } from './node.ts';
import { childPath, pathFromRoot } from './path.ts';
import { checkAccess, isOwnerOrCapable } from './permission.ts';
import { resolveParent, type ParentLookup, type Resolved } from './resolve.ts';
import { mountRo } from './writeGuards.ts';

/**
 * mkdir(2), rmdir(2), unlink(2) and getdents64(2).
 * @see fs/namei.c do_mkdirat, do_rmdir, do_unlinkat, may_delete, check_sticky
 */

export function mkdir(env: VfsEnv, ctx: PathCtx, path: string, mode: number, now: number): SimResult<Created> {
  const p = resolveParent(env, ctx, path);
  if (!p.ok) return p;
  return createAt(env, ctx, p.value, { kind: 'dir', mode }, now);
}

/** The entry itself, not whatever is mounted on it (the victim dentry). */
function victimOf(env: VfsEnv, dir: Resolved, name: string, viewer: unknown): VNode | undefined {
  const fs = env.store.filesystems[dir.fsId];
  if (fs === undefined) return undefined;
  if (fs.synthetic) {
    const node = env.providers[fs.type]?.lookup(fs.id, [...dir.fsParts, name], viewer);
    return node === undefined ? undefined : syntheticVNode(fs.id, [...dir.fsParts, name], node);
  }
  const entries = fs.inodes[dir.ino]?.entries ?? {};
  return Object.hasOwn(entries, name) ? nodeAt(env, { ...dir, ino: entries[name]! }, viewer) : undefined;
}

/**
 * may_delete(): write and search on the directory; in a sticky directory
 * (/tmp, 1777) only the file's owner, the directory's owner or CAP_FOWNER
 * may remove it.
 */
function mayDelete(ctx: PathCtx, p: ParentLookup, victim: VNode, isDir: boolean, where: string): SimError | null {
  const denied = checkAccess(p.dir.node, ctx.cred, 'wx', where);
  if (denied) return denied;
  const sticky = (p.dir.node.mode & S_ISVTX) !== 0;
  if (sticky && ctx.cred.fsuid !== p.dir.node.uid && !isOwnerOrCapable(victim, ctx.cred)) {
    return fail('EPERM', `${where} is sticky (mode ${(p.dir.node.mode & 0o7777).toString(8)}): only the owner of ${p.name}, of the directory, or CAP_FOWNER may remove it`);
  }
  if (isDir && victim.kind !== 'dir') return fail('ENOTDIR', `${p.name} is not a directory`);
  if (!isDir && victim.kind === 'dir') return fail('EISDIR', `${p.name} is a directory: use rmdir`);
  return null;
}

type Removal = { p: ParentLookup; victim: VNode; where: string };

/** The steps unlink and rmdir share: parent, read-only mount, the victim, may_delete, a mount on it. */
function prepareRemoval(env: VfsEnv, ctx: PathCtx, path: string, isDir: boolean): SimResult<Removal> {
  const p = resolveParent(env, ctx, path);
  if (!p.ok) return p;
  const { last, name, dir } = p.value;
  const where = pathFromRoot(dir.path, ctx.root) ?? dir.path;
  const search = last === 'root' ? null : checkAccess(dir.node, ctx.cred, 'x', where);
  if (search) return search;
  if (last === 'dotdot') return fail(isDir ? 'ENOTEMPTY' : 'EISDIR', `${path} ends in ..`);
  if (last === 'dot') return fail(isDir ? 'EINVAL' : 'EISDIR', `${path} ends in .`);
  if (last === 'root') return fail(isDir ? 'EBUSY' : 'EISDIR', 'the root cannot be removed');
  const ro = mountRo(env, dir, where);
  if (ro) return ro;
  const victim = victimOf(env, dir, name, ctx.viewer);
  if (victim === undefined) return fail('ENOENT', `${where} has no entry ${name}`);
  if (!isDir && p.value.trailingSlash) return fail(victim.kind === 'dir' ? 'EISDIR' : 'ENOTDIR', `${path} ends in /`);
  const bad = mayDelete(ctx, p.value, victim, isDir, where);
  if (bad) return bad;
  if (mountAt(env.ns, dir.mountId, childPath(dir.path, name))) return fail('EBUSY', `${name} is a mount point`);
  return ok({ p: p.value, victim, where });
}

export function unlink(env: VfsEnv, ctx: PathCtx, path: string, now: number): SimResult<FsStore> {
  const r = prepareRemoval(env, ctx, path, false);
  if (!r.ok) return r;
  const { p, where } = r.value;
  if (env.store.filesystems[p.dir.fsId]?.synthetic) return fail('EPERM', `${where} is on a filesystem without unlink`);
  return ok(removeEntry(env.store, p.dir.fsId, p.dir.ino, p.name, now));
}

export function rmdir(env: VfsEnv, ctx: PathCtx, path: string, now: number): SimResult<FsStore> {
  const r = prepareRemoval(env, ctx, path, true);
  if (!r.ok) return r;
  const { p, where } = r.value;
  const fs = env.store.filesystems[p.dir.fsId]!;
  if (fs.synthetic) {
    const provider = env.providers[fs.type];
    if (provider?.rmdir === undefined) return fail('EPERM', `${where} is on ${fs.type}, which has no rmdir`);
    const done = provider.rmdir(fs.id, [...p.dir.fsParts, p.name], ctx.viewer);
    return done.ok ? ok(env.store) : done;
  }
  const ino = fs.inodes[p.dir.ino]!.entries![p.name]!;
  const count = Object.keys(fs.inodes[ino]?.entries ?? {}).length;
  if (count > 0) return fail('ENOTEMPTY', `${p.name} still has ${count} entries`);
  return ok(removeEntry(env.store, p.dir.fsId, p.dir.ino, p.name, now));
}

export interface DirEntry {
  name: string;
  ino: number;
  kind: InodeKind;
  /** getdents64's d_type. */
  dType: number;
}

/** getdents64(2): `.`, `..`, then the entries (the underlying ones, not what is mounted on them). */
export function readdir(env: VfsEnv, dir: Resolved, viewer?: unknown): SimResult<DirEntry[]> {
  if (dir.node.kind !== 'dir') return fail('ENOTDIR', `${dir.path} is not a directory`);
  const fs = env.store.filesystems[dir.fsId];
  if (fs === undefined) return fail('ENOENT', `${dir.path} is gone`);
  const entry = (name: string, ino: number, kind: InodeKind): DirEntry => ({ name, ino, kind, dType: DT_TYPE[kind] });
  const dotdot = dir.fsParts.length === 0 ? dir.ino : dir.parent.ino;
  const out = [entry('.', dir.ino, 'dir'), entry('..', dotdot, 'dir')];
  if (fs.synthetic) {
    const names = env.providers[fs.type]?.list(fs.id, dir.fsParts, viewer) ?? [];
    for (const name of names) {
      const node = victimOf(env, dir, name, viewer);
      if (node) out.push(entry(name, node.ino, node.kind));
    }
    return ok(out);
  }
  for (const [name, ino] of Object.entries(fs.inodes[dir.ino]?.entries ?? {})) {
    const kind = fs.inodes[ino]?.kind;
    if (kind) out.push(entry(name, ino, kind));
  }
  return ok(out);
}
