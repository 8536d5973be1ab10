import { fail, ok, type SimResult } from '../result.ts';
import type { PathCtx, VfsEnv } from './env.ts';
import { crossMounts, locOf, sameLoc, type Loc } from './location.ts';
import type { VNode } from './node.ts';
import { parsePath, pathFromRoot } from './path.ts';
import { checkAccess } from './permission.ts';
import { frameAt, locateStack, lookupChild, type Frame } from './walk.ts';

/**
 * Path resolution: `.` and `..` (never above the process root), absolute and
 * relative paths, mount crossing, symlinks (absolute targets start again at
 * the process root), 40 symlinks at most, search permission on every directory.
 * @see path_resolution(7), fs/namei.c link_path_walk, follow_dotdot
 */

/** Linux's MAXSYMLINKS (include/linux/namei.h). */
export const MAX_SYMLINKS = 40;

export interface ResolveOptions {
  /** Follow a symlink in the final component (default true; false for lstat, unlink, O_NOFOLLOW). */
  follow?: boolean;
  /** The result must be a directory (O_DIRECTORY, chdir, chroot): ENOTDIR otherwise. */
  directory?: boolean;
  /** Cross mounts stacked on the final position even when it is the start (LOOKUP_MOUNTPOINT, for umount). */
  mountpoint?: boolean;
}

/** A resolved path: where it is, what is there, and the directory it was found in. */
export interface Resolved extends Loc {
  node: VNode;
  /** The directory the final component was found in (the position itself for `/`). */
  parent: Loc;
}

interface Walk {
  stack: Frame[];
  rootStack: Frame[];
  hops: number;
}

function shown(ctx: PathCtx, loc: Loc): string {
  return pathFromRoot(loc.path, ctx.root) ?? loc.path;
}

/**
 * Runs one component against the walk. Returns the symlink's target when the
 * component is a symlink to follow, so the caller splices it into the queue.
 */
function step(env: VfsEnv, ctx: PathCtx, w: Walk, name: string, followLink: boolean): SimResult<string | null> {
  const top = w.stack[w.stack.length - 1]!;
  if (top.node.kind !== 'dir') return fail('ENOTDIR', `${shown(ctx, top.loc)} is not a directory, so it cannot contain ${name}`);
  const denied = checkAccess(top.node, ctx.cred, 'x', shown(ctx, top.loc));
  if (denied) return denied;
  if (name === '.') return ok(null);
  if (name === '..') {
    const atRoot = sameLoc(top.loc, w.rootStack[w.rootStack.length - 1]!.loc);
    if (!atRoot && w.stack.length > 1) w.stack.pop();
    return ok(null);
  }
  const next = lookupChild(env, top, name, ctx.viewer);
  if (next === undefined) return fail('ENOENT', `${shown(ctx, top.loc)} has no entry ${name}`);
  if (next.node.kind === 'symlink' && followLink) {
    w.hops += 1;
    if (w.hops > MAX_SYMLINKS) return fail('ELOOP', `more than ${MAX_SYMLINKS} symlinks on the way`);
    return ok(next.node.target ?? '');
  }
  w.stack.push(next);
  return ok(null);
}

/** Walks `queue` (mutated); the last component is followed only when `followLast`. */
function run(env: VfsEnv, ctx: PathCtx, w: Walk, queue: string[], followLast: boolean): SimResult<true> {
  while (queue.length > 0) {
    const name = queue.shift()!;
    const r = step(env, ctx, w, name, queue.length > 0 || followLast);
    if (!r.ok) return r;
    if (r.value === null) continue;
    const target = parsePath(r.value);
    if (!target.ok) return fail(target.errno, `symlink ${name} → "${r.value}": ${target.reason}`);
    if (target.value.absolute) w.stack = [...w.rootStack];
    queue.unshift(...target.value.parts);
  }
  return ok(true);
}

function start(env: VfsEnv, ctx: PathCtx, absolute: boolean): SimResult<Walk> {
  const rootStack = locateStack(env, ctx.root, ctx.viewer);
  if (!rootStack.ok) return rootStack;
  if (absolute) return ok({ stack: [...rootStack.value], rootStack: rootStack.value, hops: 0 });
  const cwdStack = locateStack(env, ctx.cwd, ctx.viewer);
  if (!cwdStack.ok) return cwdStack;
  return ok({ stack: cwdStack.value, rootStack: rootStack.value, hops: 0 });
}

function result(w: Walk): Resolved {
  const last = w.stack[w.stack.length - 1]!;
  const parent = w.stack[w.stack.length - 2] ?? last;
  return { ...locOf(last.loc), node: last.node, parent: locOf(parent.loc) };
}

/** Resolves a path to the file it names. */
export function resolve(env: VfsEnv, ctx: PathCtx, path: string, opts: ResolveOptions = {}): SimResult<Resolved> {
  const parsed = parsePath(path);
  if (!parsed.ok) return parsed;
  const w = start(env, ctx, parsed.value.absolute);
  if (!w.ok) return w;
  const { trailingSlash } = parsed.value;
  const walked = run(env, ctx, w.value, [...parsed.value.parts], opts.follow !== false || trailingSlash);
  if (!walked.ok) return walked;
  let out = result(w.value);
  if (opts.mountpoint) {
    const top = frameAt(env, crossMounts(env.store, env.ns, out), ctx.viewer);
    if (top) out = { ...locOf(top.loc), node: top.node, parent: out.parent };
  }
  if ((trailingSlash || opts.directory) && out.node.kind !== 'dir') {
    return fail('ENOTDIR', `${shown(ctx, out)} is not a directory`);
  }
  return ok(out);
}

export type LastKind = 'normal' | 'dot' | 'dotdot' | 'root';

/** The directory a path's last component would be in, for calls that create or remove it. */
export interface ParentLookup {
  dir: Resolved;
  /** The last component as written (`.`/`..`/'' for `/` — see `last`). */
  name: string;
  last: LastKind;
  trailingSlash: boolean;
}

/** Resolves all but the last component (LOOKUP_PARENT); the last is not looked up. */
export function resolveParent(env: VfsEnv, ctx: PathCtx, path: string): SimResult<ParentLookup> {
  const parsed = parsePath(path);
  if (!parsed.ok) return parsed;
  const w = start(env, ctx, parsed.value.absolute);
  if (!w.ok) return w;
  const parts = [...parsed.value.parts];
  const name = parts.pop();
  const walked = run(env, ctx, w.value, parts, true);
  if (!walked.ok) return walked;
  const dir = result(w.value);
  if (dir.node.kind !== 'dir') return fail('ENOTDIR', `${shown(ctx, dir)} is not a directory`);
  const last: LastKind = name === undefined ? 'root' : name === '.' ? 'dot' : name === '..' ? 'dotdot' : 'normal';
  return ok({ dir, name: name ?? '', last, trailingSlash: parsed.value.trailingSlash });
}

/**
 * Looks up one name in a resolved directory with search permission checked
 * (lookup_one): ok(undefined) when the name is absent. Symlinks are not followed.
 */
export function lookupIn(env: VfsEnv, ctx: PathCtx, dir: Resolved, name: string): SimResult<Resolved | undefined> {
  const denied = checkAccess(dir.node, ctx.cred, 'x', shown(ctx, dir));
  if (denied) return denied;
  const child = lookupChild(env, { loc: dir, node: dir.node }, name, ctx.viewer);
  return ok(child === undefined ? undefined : { ...locOf(child.loc), node: child.node, parent: locOf(dir) });
}
