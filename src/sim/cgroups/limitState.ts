/**
 * Whether a cgroup is at its limits right now: the next fork would be refused,
 * or memory is close to memory.max somewhere on the way to the root. This is
 * the lab's summary for a diagram, not a kernel state; "close" is a display
 * threshold of its own (90 %), like a dashboard's warning line.
 */
import { memoryCurrent } from './memoryCounters.ts';
import { selfAndAncestors } from './paths.ts';
import { pidsLimitHit } from './pids.ts';
import { getCgroup, hasController } from './tree.ts';
import type { CgroupTree } from './types.ts';

export const NEAR_MAX_RATIO = 0.9;

export interface CgroupLimitState {
  /** One more task would exceed a pids.max (the next fork fails with EAGAIN). */
  pidsAtMax: boolean;
  /** memory.current is at least 90 % of a memory.max on the way up. */
  memoryNearMax: boolean;
}

export function cgroupLimitState(tree: CgroupTree, path: string): CgroupLimitState {
  if (!getCgroup(tree, path)) return { pidsAtMax: false, memoryNearMax: false };
  const memoryNearMax = selfAndAncestors(path).some((p) => {
    const max = getCgroup(tree, p)?.memory.max ?? 'max';
    return p !== '/' && max !== 'max' && hasController(tree, p, 'memory') && memoryCurrent(tree, p) >= NEAR_MAX_RATIO * max;
  });
  return { pidsAtMax: pidsLimitHit(tree, path) !== undefined, memoryNearMax };
}

export function isCgroupAtLimit(tree: CgroupTree, path: string): boolean {
  const s = cgroupLimitState(tree, path);
  return s.pidsAtMax || s.memoryNearMax;
}
