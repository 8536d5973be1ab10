import { fail, ok, type SimResult } from '../result.ts';
import type { VfsEnv } from './env.ts';
import { crossMounts, mountRootLoc, type Loc } from './location.ts';
import { rootMount } from './mount.ts';
import { nodeAt, syntheticVNode, type VNode } from './node.ts';
import { childPath, splitAbsolute } from './path.ts';

/**
 * The steps path resolution is made of: one component down (with mount
 * crossing), and the walk of a trusted canonical path from the namespace root.
 * @see fs/namei.c walk_component, step_into, handle_mounts
 */

/** A position and the node there. */
export interface Frame {
  loc: Loc;
  node: VNode;
}

/** A synthetic filesystem without a provider still has a root: an empty 0555 directory. */
const EMPTY_ROOT: Omit<VNode, 'ino'> = { kind: 'dir', mode: 0o555, uid: 0, gid: 0, size: 0, nlink: 2, mtime: 0 };

export function frameAt(env: VfsEnv, loc: Loc, viewer: unknown): Frame | undefined {
  const node = nodeAt(env, loc, viewer);
  if (node !== undefined) return { loc, node };
  if (loc.fsParts.length === 0 || isSyntheticMountRoot(env, loc)) return { loc, node: { ...EMPTY_ROOT, ino: loc.ino } };
  return undefined;
}

function isSyntheticMountRoot(env: VfsEnv, loc: Loc): boolean {
  const fs = env.store.filesystems[loc.fsId];
  const m = env.ns.mounts.find((x) => x.id === loc.mountId);
  return fs !== undefined && fs.synthetic && m !== undefined && m.root.join('/') === loc.fsParts.join('/');
}

/** Looks `name` up in the directory at `dir` and crosses any mount on the result; undefined when absent. */
export function lookupChild(env: VfsEnv, dir: Frame, name: string, viewer: unknown): Frame | undefined {
  const fs = env.store.filesystems[dir.loc.fsId];
  if (fs === undefined) return undefined;
  const fsParts = [...dir.loc.fsParts, name];
  const path = childPath(dir.loc.path, name);
  let loc: Loc;
  if (fs.synthetic) {
    const node = env.providers[fs.type]?.lookup(fs.id, fsParts, viewer);
    if (node === undefined) return undefined;
    loc = { mountId: dir.loc.mountId, fsId: fs.id, ino: syntheticVNode(fs.id, fsParts, node).ino, fsParts, path };
  } else {
    const entries = fs.inodes[dir.loc.ino]?.entries ?? {};
    if (!Object.hasOwn(entries, name)) return undefined;
    loc = { mountId: dir.loc.mountId, fsId: fs.id, ino: entries[name]!, fsParts, path };
  }
  return frameAt(env, crossMounts(env.store, env.ns, loc), viewer);
}

/** The frame at the namespace root (the root mount's root; nothing stacked on it is crossed). */
export function nsRootFrame(env: VfsEnv, viewer: unknown): Frame {
  const loc = mountRootLoc(env.store, rootMount(env.ns));
  const frame = frameAt(env, loc, viewer);
  if (frame === undefined) throw new Error(`the root filesystem ${loc.fsId} has no root inode`);
  return frame;
}

/**
 * Walks a canonical absolute namespace path (a process's root or cwd) from the
 * namespace root without permission checks or symlinks, returning every frame
 * on the way: `..` later pops this stack.
 */
export function locateStack(env: VfsEnv, nsPath: string, viewer: unknown): SimResult<Frame[]> {
  const stack = [nsRootFrame(env, viewer)];
  for (const name of splitAbsolute(nsPath)) {
    if (name === '..') {
      if (stack.length > 1) stack.pop();
      continue;
    }
    const next = lookupChild(env, stack[stack.length - 1]!, name, viewer);
    if (next === undefined) return fail('ENOENT', `${nsPath} no longer exists in this mount namespace`);
    stack.push(next);
  }
  return ok(stack);
}
