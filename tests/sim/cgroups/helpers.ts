import { expect } from 'vitest';
import type { SimResult } from '../../../src/sim/result.ts';
import { addProcess, chargeMemory, createCgroupTree, mkdirCgroup, writeCgroupFile, type CgroupTree } from '../../../src/sim/cgroups/index.ts';

/** The value of a result the test expects to succeed. */
export function must<T>(r: SimResult<T>): T {
  if (!r.ok) expect.fail(`${r.errno}: ${r.reason}`);
  return r.value;
}

export const SCOPE = '/system.slice/docker-4242.scope';

/** A fresh host tree with one container scope, optional limit writes and processes in it. */
export function hostWith(opts: { files?: Record<string, string>; procs?: { pid: number; comm: string; cgroup?: string; oomScoreAdj?: number }[]; dirs?: string[] } = {}): CgroupTree {
  let tree = must(mkdirCgroup(createCgroupTree(), SCOPE));
  for (const d of opts.dirs ?? []) tree = must(mkdirCgroup(tree, d));
  for (const [file, value] of Object.entries(opts.files ?? {})) tree = must(writeCgroupFile(tree, SCOPE, file, value));
  for (const p of opts.procs ?? []) tree = must(addProcess(tree, { cgroup: SCOPE, ...p }));
  return tree;
}

export const MiB = 1024 * 1024;

/** Charges each [pid, bytes] in turn, expecting no OOM on the way. */
export function charged(tree: CgroupTree, charges: [number, number][]): CgroupTree {
  return charges.reduce((t, [pid, bytes]) => {
    const step = chargeMemory(t, pid, bytes);
    const report = must(step.result);
    expect(report.victims).toEqual([]);
    return step.tree;
  }, tree);
}
