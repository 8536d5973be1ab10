import { hasCap } from '../kernel/capabilities.ts';
import { fail, ok, type SimResult } from '../result.ts';
import { createAt, type Created } from './create.ts';
import type { PathCtx, VfsEnv } from './env.ts';
import type { FsStore } from './filesystem.ts';
import { S_ISGID, S_ISUID, type DevNumber, type InodeKind } from './inode.ts';
import { patchInode } from './inodeEdit.ts';
import { pathFromRoot } from './path.ts';
import { inGroup, isOwnerOrCapable, type FsCred } from './permission.ts';
import { resolve, resolveParent, type Resolved } from './resolve.ts';
import { mountRo } from './writeGuards.ts';

/**
 * chmod(2), chown(2), mknod(2), symlink(2), readlink(2).
 * @see fs/attr.c setattr_prepare, chown_ok, chgrp_ok; fs/open.c chmod_common, chown_common
 */

/** Resolves the target and checks the mount is writable; synthetic files keep no attribute changes. */
function target(env: VfsEnv, ctx: PathCtx, path: string, follow: boolean): SimResult<Resolved> {
  const r = resolve(env, ctx, path, { follow });
  if (!r.ok) return r;
  const what = pathFromRoot(r.value.path, ctx.root) ?? r.value.path;
  const ro = mountRo(env, r.value, what);
  if (ro) return ro;
  if (r.value.node.synthetic) return fail('EPERM', `${what} is a synthetic file; the lab keeps no attribute changes there`);
  return r;
}

/** Owner or CAP_FOWNER may chmod; S_ISGID is dropped unless the caller is in the file's group or has CAP_FSETID. */
export function chmod(env: VfsEnv, ctx: PathCtx, path: string, mode: number, now: number): SimResult<FsStore> {
  const r = target(env, ctx, path, true);
  if (!r.ok) return r;
  const f = r.value;
  if (!isOwnerOrCapable(f.node, ctx.cred)) return fail('EPERM', `fsuid ${ctx.cred.fsuid} does not own ${path} (owner ${f.node.uid}) and lacks CAP_FOWNER`);
  let next = mode & 0o7777;
  if (!inGroup(ctx.cred, f.node.gid) && !hasCap(ctx.cred.caps, 'CAP_FSETID')) next &= ~S_ISGID;
  return ok(patchInode(env.store, f.fsId, f.ino, { mode: next, mtime: now }));
}

function chownAllowed(f: Resolved, cred: FsCred, uid: number, gid: number): boolean {
  // In a user namespace CAP_CHOWN counts only for a file whose owner is mapped there (and the ids it is given).
  const mapped = (u: number, g: number) => cred.mapped?.(u, g) ?? true;
  if (hasCap(cred.caps, 'CAP_CHOWN') && mapped(f.node.uid, f.node.gid) && mapped(uid === -1 ? f.node.uid : uid, gid === -1 ? f.node.gid : gid)) return true;
  const owner = cred.fsuid === f.node.uid;
  const uidOk = uid === -1 || (owner && uid === f.node.uid);
  const gidOk = gid === -1 || (owner && (gid === f.node.gid || inGroup(cred, gid)));
  return uidOk && gidOk;
}

/**
 * Changing the owner needs CAP_CHOWN; the owner may change the group to one
 * it is in. -1 leaves an id unchanged. A non-directory loses S_ISUID, and
 * S_ISGID when group-execute is set (chown(2): root is treated like anyone).
 */
export function chown(env: VfsEnv, ctx: PathCtx, path: string, uid: number, gid: number, opts: { follow?: boolean } = {}): SimResult<FsStore> {
  const r = target(env, ctx, path, opts.follow !== false);
  if (!r.ok) return r;
  const f = r.value;
  if (!chownAllowed(f, ctx.cred, uid, gid)) return fail('EPERM', `changing ${path} to ${uid}:${gid} needs CAP_CHOWN`);
  let mode = f.node.mode;
  if (f.node.kind !== 'dir' && (uid !== -1 || gid !== -1)) {
    mode &= ~S_ISUID;
    if (mode & 0o010) mode &= ~S_ISGID;
  }
  return ok(patchInode(env.store, f.fsId, f.ino, { uid: uid === -1 ? f.node.uid : uid, gid: gid === -1 ? f.node.gid : gid, mode }));
}

/**
 * mknod(2). The caller checks CAP_MKNOD for device nodes (EPERM) and the
 * device cgroup; this makes the node. Directories go through mkdir (EPERM here).
 */
export function mknod(env: VfsEnv, ctx: PathCtx, path: string, kind: InodeKind, mode: number, rdev: DevNumber | undefined, now: number): SimResult<Created> {
  if (kind === 'dir') return fail('EPERM', 'mknod cannot make a directory; use mkdir');
  if (kind === 'symlink') return fail('EINVAL', 'mknod cannot make a symlink');
  const p = resolveParent(env, ctx, path);
  if (!p.ok) return p;
  const isDev = kind === 'chardev' || kind === 'blockdev';
  return createAt(env, ctx, p.value, { kind, mode, ...(isDev ? { rdev: rdev ?? { major: 0, minor: 0 } } : {}) }, now);
}

export function symlink(env: VfsEnv, ctx: PathCtx, targetText: string, linkPath: string, now: number): SimResult<Created> {
  if (targetText === '') return fail('ENOENT', 'a symlink target cannot be empty');
  const p = resolveParent(env, ctx, linkPath);
  if (!p.ok) return p;
  return createAt(env, ctx, p.value, { kind: 'symlink', mode: 0o777, target: targetText }, now);
}

export function readlink(env: VfsEnv, ctx: PathCtx, path: string): SimResult<string> {
  const r = resolve(env, ctx, path, { follow: false });
  if (!r.ok) return r;
  if (r.value.node.kind !== 'symlink') return fail('EINVAL', `${path} is not a symlink`);
  return ok(r.value.node.target ?? '');
}
