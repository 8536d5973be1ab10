import { fail, ok, type SimResult } from '../result.ts';
import type { PathCtx, VfsEnv } from './env.ts';
import { S_ISGID, S_ISUID } from './inode.ts';
import { pathFromRoot } from './path.ts';
import { checkAccess, type Access } from './permission.ts';
import { resolve, type Resolved } from './resolve.ts';
import { isSpecial, mountOfLoc, mountRo } from './writeGuards.ts';

/**
 * The path checks of chdir(2)/chroot(2), access(2) and execve(2), for the
 * kernel's handlers of those calls. Capability checks (CAP_SYS_CHROOT for
 * chroot) stay with the caller.
 * @see chdir(2), chroot(2), access(2), execve(2); fs/open.c, fs/exec.c do_open_execat
 */

/** chdir/chroot: a directory the caller may search. Set cwd (or root) to the result's `path`. */
export function resolveDirectory(env: VfsEnv, ctx: PathCtx, path: string): SimResult<Resolved> {
  const r = resolve(env, ctx, path, { directory: true });
  if (!r.ok) return r;
  const denied = checkAccess(r.value.node, ctx.cred, 'x', pathFromRoot(r.value.path, ctx.root) ?? r.value.path);
  return denied ?? r;
}

/** getcwd(3)'s answer: the cwd seen from the root, or `(unreachable)/…` when the cwd is outside it (after a chroot without chdir). */
export function cwdText(cwd: string, root: string): string {
  return pathFromRoot(cwd, root) ?? `(unreachable)${cwd}`;
}

/**
 * access(2)/faccessat(2). The caller passes a cred with the real uid and gid
 * as fsuid/fsgid unless AT_EACCESS is given. Write access on a read-only
 * mount is EROFS for files, directories and symlinks.
 */
export function accessPath(env: VfsEnv, ctx: PathCtx, path: string, want: Access | 'f'): SimResult<true> {
  const r = resolve(env, ctx, path);
  if (!r.ok) return r;
  if (want === 'f') return ok(true);
  const what = pathFromRoot(r.value.path, ctx.root) ?? r.value.path;
  if (want.includes('w') && !isSpecial(r.value.node.kind)) {
    const ro = mountRo(env, r.value, what);
    if (ro) return ro;
  }
  const denied = checkAccess(r.value.node, ctx.cred, want, what);
  return denied ?? ok(true);
}

export interface Executable {
  file: Resolved;
  /** The uid execve switches the effective uid to (S_ISUID on a mount without nosuid), or null. */
  setuid: number | null;
  setgid: number | null;
}

/**
 * execve()'s file checks: a regular file (EACCES otherwise), on a mount
 * without noexec, with execute permission. Set-user-ID and set-group-ID bits
 * count only on mounts without nosuid.
 */
export function resolveExecutable(env: VfsEnv, ctx: PathCtx, path: string): SimResult<Executable> {
  const r = resolve(env, ctx, path);
  if (!r.ok) return r;
  const f = r.value;
  const what = pathFromRoot(f.path, ctx.root) ?? f.path;
  if (f.node.kind !== 'file') return fail('EACCES', `${what} is a ${f.node.kind}, not a regular file`);
  const mount = mountOfLoc(env, f);
  if (mount.flags.noexec) return fail('EACCES', `${what} is on the noexec mount at ${mount.mountpoint}`);
  const denied = checkAccess(f.node, ctx.cred, 'x', what);
  if (denied) return denied;
  const honoured = !mount.flags.nosuid;
  return ok({
    file: f,
    setuid: honoured && (f.node.mode & S_ISUID) !== 0 ? f.node.uid : null,
    // S_ISGID without group execute marks mandatory locking, not set-group-ID.
    setgid: honoured && (f.node.mode & S_ISGID) !== 0 && (f.node.mode & 0o010) !== 0 ? f.node.gid : null,
  });
}
