import type { SyntheticNode, SyntheticProvider } from './synthetic.ts';

/**
 * A SyntheticProvider over a fixed nested tree: the parts of sysfs (or proc)
 * that do not depend on kernel state. Combine it with the kernel's own
 * provider through combineProviders().
 */

export type StaticNode =
  | { kind: 'dir'; mode: number; uid?: number; gid?: number; children: Record<string, StaticNode> }
  | { kind: 'file'; mode: number; uid?: number; gid?: number; content: string; size?: number }
  | { kind: 'symlink'; target: string };

export const sdir = (children: Record<string, StaticNode>, mode = 0o755): StaticNode => ({ kind: 'dir', mode, children });
export const sfile = (content: string, mode = 0o444): StaticNode => ({ kind: 'file', mode, content });
export const slink = (target: string): StaticNode => ({ kind: 'symlink', target });

function walk(root: StaticNode, parts: readonly string[]): StaticNode | undefined {
  let cur: StaticNode | undefined = root;
  for (const name of parts) {
    if (cur === undefined || cur.kind !== 'dir') return undefined;
    cur = Object.hasOwn(cur.children, name) ? cur.children[name] : undefined;
  }
  return cur;
}

function toSynthetic(node: StaticNode, fileSize: number): SyntheticNode {
  switch (node.kind) {
    case 'dir': return { kind: 'dir', mode: node.mode, uid: node.uid ?? 0, gid: node.gid ?? 0 };
    case 'file': return { kind: 'file', mode: node.mode, uid: node.uid ?? 0, gid: node.gid ?? 0, content: node.content, size: node.size ?? fileSize };
    case 'symlink': return { kind: 'symlink', mode: 0o777, uid: 0, gid: 0, target: node.target };
  }
}

/**
 * @param fileSize st_size reported for files without their own (sysfs attributes report 4096).
 */
export function staticTreeProvider(root: StaticNode, fileSize = 0): SyntheticProvider {
  return {
    lookup: (_fsId, parts) => {
      const node = walk(root, parts);
      return node === undefined ? undefined : toSynthetic(node, fileSize);
    },
    list: (_fsId, parts) => {
      const node = walk(root, parts);
      return node?.kind === 'dir' ? Object.keys(node.children) : undefined;
    },
  };
}
