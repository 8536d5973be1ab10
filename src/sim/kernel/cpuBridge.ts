import { runCpu } from '../cgroups/cpu.ts';
import type { World } from './world.ts';

/**
 * A process runs on the CPU for `wallUsec` of wall time wanting one whole
 * CPU: the cpu controller grants what cpu.max allows and throttles the rest;
 * the clock moves on by the wall time.
 */
export function burnCpu(world: World, pid: number, wallUsec: number): { world: World; grantedUsec: number; throttledUsec: number } {
  const p = world.procs[pid];
  if (!p) return { world, grantedUsec: 0, throttledUsec: 0 };
  const r = runCpu(world.cgroups, p.cgroup, wallUsec, wallUsec);
  if (!r.ok) return { world: { ...world, timeNs: world.timeNs + wallUsec * 1000 }, grantedUsec: wallUsec, throttledUsec: 0 };
  return { world: { ...world, cgroups: r.value.tree, timeNs: world.timeNs + wallUsec * 1000 }, grantedUsec: r.value.grantedUsec, throttledUsec: r.value.throttledUsec };
}
