import { fail, ok, type SimResult } from '../result.ts';
import type { PathCtx, VfsEnv } from './env.ts';
import type { FsStore } from './filesystem.ts';
import { S_ISGID, type DevNumber, type InodeKind } from './inode.ts';
import { addEntry } from './inodeEdit.ts';
import { locOf } from './location.ts';
import { syntheticVNode, type VNode } from './node.ts';
import { childPath, pathFromRoot } from './path.ts';
import { checkAccess } from './permission.ts';
import { lookupIn, type ParentLookup, type Resolved } from './resolve.ts';
import { mountRo } from './writeGuards.ts';

/**
 * Creating a directory entry, shared by open(O_CREAT), mkdir, mknod and
 * symlink, with the checks in the kernel's order: the name must be new
 * (EEXIST), the mount writable (EROFS), the directory writable and searchable
 * (EACCES).
 * @see fs/namei.c filename_create, may_create, vfs_prepare_mode
 */

export interface NewNode {
  kind: InodeKind;
  /** Requested mode before the umask. */
  mode: number;
  rdev?: DevNumber;
  target?: string;
}

export interface Created {
  store: FsStore;
  file: Resolved;
}

/** Mode after the umask: directories keep only rwx and the sticky bit; symlinks are always 0777. */
function createMode(n: NewNode, umask: number): number {
  if (n.kind === 'symlink') return 0o777;
  const masked = n.mode & ~umask;
  return n.kind === 'dir' ? masked & 0o1777 : masked & 0o7777;
}

function createSynthetic(env: VfsEnv, ctx: PathCtx, p: ParentLookup, n: NewNode): SimResult<Created> {
  const fs = env.store.filesystems[p.dir.fsId]!;
  const provider = env.providers[fs.type];
  if (n.kind !== 'dir' || provider?.mkdir === undefined) {
    return fail('EACCES', `${fs.type} has no ${n.kind === 'dir' ? 'mkdir' : 'create'} operation for ${p.name}`);
  }
  const parts = [...p.dir.fsParts, p.name];
  const made = provider.mkdir(fs.id, parts, createMode(n, ctx.umask ?? 0o022), ctx.viewer);
  if (!made.ok) return made;
  const node = syntheticVNode(fs.id, parts, made.value);
  const path = childPath(p.dir.path, p.name);
  return ok({ store: env.store, file: { mountId: p.dir.mountId, fsId: fs.id, ino: node.ino, fsParts: parts, path, node, parent: locOf(p.dir) } });
}

export function createAt(env: VfsEnv, ctx: PathCtx, p: ParentLookup, n: NewNode, now: number): SimResult<Created> {
  const where = pathFromRoot(p.dir.path, ctx.root) ?? p.dir.path;
  if (p.last !== 'normal') return fail('EEXIST', `${p.last === 'root' ? '/' : p.name} always exists`);
  const existing = lookupIn(env, ctx, p.dir, p.name);
  if (!existing.ok) return existing;
  if (existing.value !== undefined) return fail('EEXIST', `${p.name} already exists in ${where}`);
  if (p.trailingSlash && n.kind !== 'dir') return fail('ENOENT', `${p.name}/ names a directory, but a ${n.kind} is being created`);
  const fs = env.store.filesystems[p.dir.fsId]!;
  if (fs.type === 'proc') return fail('ENOENT', `proc has no entry ${p.name} in ${where} and creates none`);
  const ro = mountRo(env, p.dir, where);
  if (ro) return ro;
  const denied = checkAccess(p.dir.node, ctx.cred, 'wx', where);
  if (denied) return denied;
  if (fs.synthetic) return createSynthetic(env, ctx, p, n);
  const dirSetgid = (p.dir.node.mode & S_ISGID) !== 0;
  const mode = createMode(n, ctx.umask ?? 0o022) | (dirSetgid && n.kind === 'dir' ? S_ISGID : 0);
  const added = addEntry(env.store, fs.id, p.dir.ino, p.name, {
    kind: n.kind, mode, uid: ctx.cred.fsuid, gid: dirSetgid ? p.dir.node.gid : ctx.cred.fsgid,
    size: n.kind === 'dir' ? 4096 : (n.target ?? '').length, mtime: now,
    ...(n.kind === 'dir' ? { entries: {} } : {}),
    ...(n.kind === 'file' ? { content: '' } : {}),
    ...(n.target !== undefined ? { target: n.target } : {}),
    ...(n.rdev ? { rdev: n.rdev } : {}),
  }, now);
  const { ino, kind, uid, gid, size, nlink, mtime, rdev, target } = added.inode;
  const node: VNode = { ino, kind, mode, uid, gid, size, nlink, mtime, ...(rdev ? { rdev } : {}), ...(target !== undefined ? { target } : {}) };
  const path = childPath(p.dir.path, p.name);
  const file: Resolved = { mountId: p.dir.mountId, fsId: fs.id, ino, fsParts: [...p.dir.fsParts, p.name], path, node, parent: locOf(p.dir) };
  return ok({ store: added.store, file });
}
