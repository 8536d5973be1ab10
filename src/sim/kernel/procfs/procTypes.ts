import type { SyntheticNode } from '../../vfs/synthetic.ts';
import type { Process } from '../process.ts';
import type { Viewer } from '../vfsBridge.ts';

/** A node of /proc, built for one viewer at lookup time. */
export type ProcNode = SyntheticNode;

export const dir = (uid = 0, gid = 0, mode = 0o555): ProcNode => ({ kind: 'dir', mode, uid, gid });
export const file = (content: string | (() => string), mode = 0o444, uid = 0, gid = 0): ProcNode => ({ kind: 'file', mode, uid, gid, content });
export const link = (target: string, uid = 0, gid = 0): ProcNode => ({ kind: 'symlink', mode: 0o777, uid, gid, target });

/** The viewer's world and process, or undefined during boot when no one is looking yet. */
export function viewerOf(v: unknown): { viewer: Viewer; proc: Process } | undefined {
  const viewer = v as Viewer | undefined;
  const proc = viewer?.world?.procs?.[viewer.pid];
  return viewer && proc ? { viewer, proc } : undefined;
}
