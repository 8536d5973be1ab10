import { fail, ok, type SimError, type SimResult } from '../result.ts';
import { deviceOpenCheck } from './devices.ts';
import type { PathCtx, VfsEnv } from './env.ts';
import type { FsStore } from './filesystem.ts';
import { createAt } from './create.ts';
import { pathFromRoot } from './path.ts';
import { checkAccess, type Access } from './permission.ts';
import { lookupIn, resolve, resolveParent, MAX_SYMLINKS, type Resolved } from './resolve.ts';
import { truncateFile } from './fileData.ts';
import { isSpecial, mountOfLoc, mountRo, superblockRo } from './writeGuards.ts';

/**
 * open(2)/openat(2): resolution, creation, and may_open()'s checks in the
 * kernel's order.
 * @see open(2), fs/namei.c path_openat, do_open, may_open; fs/open.c do_dentry_open
 */

export interface OpenFlags {
  /** O_RDONLY, O_WRONLY or O_RDWR. */
  access: 'r' | 'w' | 'rw';
  creat?: boolean;
  excl?: boolean;
  trunc?: boolean;
  directory?: boolean;
  nofollow?: boolean;
  /** Mode for O_CREAT before the umask (default 0o666). */
  mode?: number;
}

export interface Opened {
  store: FsStore;
  file: Resolved;
  created: boolean;
}

/** do_open()'s checks before may_open(): O_DIRECTORY, O_CREAT on a directory, O_TRUNC's mnt_want_write. */
function doOpenChecks(env: VfsEnv, f: Resolved, flags: OpenFlags, what: string): SimError | null {
  const kind = f.node.kind;
  if (flags.directory && kind !== 'dir') return fail('ENOTDIR', `O_DIRECTORY, but ${what} is a ${kind}`);
  if (flags.creat && kind === 'dir') return fail('EISDIR', `${what} is a directory; O_CREAT cannot open it`);
  return flags.trunc && kind === 'file' ? mountRo(env, f, what) : null;
}

/** may_open() and do_dentry_open(): the file's type, the mount and its permission bits. */
function mayOpen(env: VfsEnv, ctx: PathCtx, f: Resolved, flags: OpenFlags): SimError | null {
  const what = pathFromRoot(f.path, ctx.root) ?? f.path;
  const early = doOpenChecks(env, f, flags, what);
  if (early) return early;
  const writes = flags.access !== 'r' || flags.trunc === true;
  const kind = f.node.kind;
  if (kind === 'symlink') return fail('ELOOP', `${what} is a symlink and O_NOFOLLOW was given`);
  if (kind === 'dir' && writes) return fail('EISDIR', `${what} is a directory; it opens read-only`);
  if ((kind === 'chardev' || kind === 'blockdev') && mountOfLoc(env, f).flags.nodev) {
    return fail('EACCES', `${what} is a device node on a nodev mount`);
  }
  const sb = writes ? superblockRo(env, f, kind, what) : null;
  if (sb) return sb;
  const want: Access = flags.access === 'rw' || (flags.access === 'r' && flags.trunc) ? 'rw' : flags.access;
  const denied = checkAccess(f.node, ctx.cred, want, what);
  if (denied) return denied;
  const ro = writes && !isSpecial(kind) ? mountRo(env, f, what) : null;
  if (ro) return ro;
  if (kind === 'socket') return fail('ENXIO', `${what} is a socket: connect(2) to it, open(2) cannot`);
  return f.node.rdev ? deviceOpenCheck(f.node.rdev, ctx.cred.caps) : null;
}

function finish(env: VfsEnv, ctx: PathCtx, file: Resolved, flags: OpenFlags, now: number): SimResult<Opened> {
  const bad = mayOpen(env, ctx, file, flags);
  if (bad) return bad;
  if (flags.trunc && file.node.kind === 'file') {
    const t = truncateFile(env, file, 0, now);
    if (!t.ok) return t;
    return ok({ store: t.value, file: { ...file, node: { ...file.node, size: 0, mtime: now } }, created: false });
  }
  return ok({ store: env.store, file, created: false });
}

function openCreate(env: VfsEnv, ctx: PathCtx, path: string, flags: OpenFlags, now: number, depth: number): SimResult<Opened> {
  const p = resolveParent(env, ctx, path);
  if (!p.ok) return p;
  if (p.value.last !== 'normal') {
    return flags.excl ? fail('EEXIST', `${path} always exists`) : fail('EISDIR', `${path} is a directory`);
  }
  if (p.value.trailingSlash) return fail('EISDIR', `${path} ends in /, so O_CREAT would make a directory`);
  const existing = lookupIn(env, ctx, p.value.dir, p.value.name);
  if (!existing.ok) return existing;
  const found = existing.value;
  if (found === undefined) {
    const made = createAt(env, ctx, p.value, { kind: 'file', mode: flags.mode ?? 0o666 }, now);
    return made.ok ? ok({ ...made.value, created: true }) : made;
  }
  if (flags.excl) return fail('EEXIST', `${path} exists and O_EXCL was given`);
  if (found.node.kind !== 'symlink' || flags.nofollow) return finish(env, ctx, found, flags, now);
  const target = resolve(env, ctx, path);
  if (target.ok) return finish(env, ctx, target.value, flags, now);
  if (target.errno !== 'ENOENT' || depth >= MAX_SYMLINKS) return target;
  // A dangling symlink with O_CREAT creates its target (path_resolution(7)).
  return openCreate(env, { ...ctx, cwd: p.value.dir.path }, found.node.target ?? '', flags, now, depth + 1);
}

/** Opens (and with O_CREAT creates) a file. The returned `file` is what the fd should keep. */
export function openFile(env: VfsEnv, ctx: PathCtx, path: string, flags: OpenFlags, now: number): SimResult<Opened> {
  if (flags.creat) return openCreate(env, ctx, path, flags, now, 0);
  const r = resolve(env, ctx, path, { follow: !flags.nofollow, directory: flags.directory === true });
  if (!r.ok) return r;
  return finish(env, ctx, r.value, flags, now);
}
