import type { FsStore } from './filesystem.ts';
import type { DevNumber, InodeKind } from './inode.ts';
import type { Loc } from './location.ts';
import { syntheticIno, type Providers, type SyntheticNode } from './synthetic.ts';

/**
 * One view of a file whatever backs it: an inode, or a synthetic node a
 * provider made up. Resolution, permission checks and stat work on this.
 */
export interface VNode {
  ino: number;
  kind: InodeKind;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  nlink: number;
  mtime: number;
  rdev?: DevNumber;
  target?: string;
  /** Set when the node comes from a provider. */
  synthetic?: SyntheticNode;
}

/** Where the VFS looks things up: the store, and providers for synthetic types. */
export interface NodeSource {
  store: FsStore;
  providers: Providers;
}

/** The node at a position, or undefined when it no longer exists (or the provider says ENOENT). */
export function nodeAt(src: NodeSource, loc: Loc, viewer: unknown): VNode | undefined {
  const fs = src.store.filesystems[loc.fsId];
  if (fs === undefined) return undefined;
  if (!fs.synthetic) {
    const inode = fs.inodes[loc.ino];
    if (inode === undefined) return undefined;
    const { ino, kind, mode, uid, gid, size, nlink, mtime, rdev, target } = inode;
    return { ino, kind, mode, uid, gid, size, nlink, mtime, ...(rdev ? { rdev } : {}), ...(target !== undefined ? { target } : {}) };
  }
  const provider = src.providers[fs.type];
  const node = provider?.lookup(fs.id, loc.fsParts, viewer);
  if (node === undefined) return undefined;
  return syntheticVNode(fs.id, loc.fsParts, node);
}

export function syntheticVNode(fsId: string, parts: readonly string[], node: SyntheticNode): VNode {
  return {
    ino: node.ino ?? syntheticIno(fsId, parts),
    kind: node.kind,
    mode: node.mode,
    uid: node.uid,
    gid: node.gid,
    size: node.size ?? 0,
    nlink: node.kind === 'dir' ? 2 : 1,
    mtime: 0,
    ...(node.target !== undefined ? { target: node.target } : {}),
    synthetic: node,
  };
}
