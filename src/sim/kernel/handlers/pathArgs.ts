import type { PathCtx, VfsEnv } from '../../vfs/env.ts';
import type { Process } from '../process.ts';
import { pathCtx, vfsEnv } from '../vfsBridge.ts';
import type { CallContext } from './types.ts';
import { caller, num, str } from './util.ts';

/** Reading the path arguments of the *at() calls and a process's VFS view. */

const AT_FDCWD = -100;

export interface PathArg {
  env: VfsEnv;
  ctx: PathCtx;
  path: string;
}

/** The path of argument `pathIdx`, relative to the directory fd in `dirIdx` (AT_FDCWD: the cwd), or undefined when unreadable. */
export function pathArg(c: CallContext, pathIdx: number, dirIdx: number | null): PathArg | { error: 'EBADF' | 'EFAULT' } {
  const p = caller(c);
  const path = str(c, pathIdx);
  if (path === undefined) return { error: 'EFAULT' };
  const ctx = pathCtx(c.world, p);
  const dirfd = dirIdx === null ? AT_FDCWD : (num(c, dirIdx) ?? AT_FDCWD);
  if (dirfd !== AT_FDCWD && !path.startsWith('/')) {
    const f = p.fds[dirfd];
    if (!f) return { error: 'EBADF' };
    return { env: vfsEnv(c.world, p), ctx: { ...ctx, cwd: f.path }, path };
  }
  return { env: vfsEnv(c.world, p), ctx, path };
}

export function isPathArg(x: PathArg | { error: string }): x is PathArg {
  return !('error' in x);
}

/** A process's own context, for calls on fds (the fd keeps its path). */
export function procView(c: CallContext, p: Process = caller(c)): PathArg {
  return { env: vfsEnv(c.world, p), ctx: pathCtx(c.world, p), path: p.cwd };
}

/** Modelled file times: the world's clock in seconds since the image time. */
export function nowSeconds(c: CallContext): number {
  return 1795910400 + Math.floor(c.world.timeNs / 1e9);
}
