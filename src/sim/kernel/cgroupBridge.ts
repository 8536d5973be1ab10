import { chargeMemory as cgChargeMemory, chargeWouldOom } from '../cgroups/memory.ts';
import { forkProcess } from '../cgroups/procs.ts';
import type { OomKillEntry } from '../cgroups/types.ts';
import { pidsLimitHit } from '../cgroups/pids.ts';
import type { Process } from './process.ts';
import { reap } from './reap.ts';
import type { World } from './world.ts';

/**
 * Where the kernel model meets the cgroup v2 hierarchy: a fork is charged to
 * the pids controller, touched memory to the memory controller.
 */
export type ForkCharge = { ok: true; note: string; world: World } | { ok: false; note: string; reason: string; world: World };

/** Without `childPid`: may the parent fork? With it: charge the child and return the new world. */
export function chargeFork(world: World, parent: Process, childPid?: number): ForkCharge {
  if (childPid === undefined) {
    const hit = pidsLimitHit(world.cgroups, parent.cgroup);
    return hit === undefined
      ? { ok: true, note: `pids controller: ${parent.cgroup} is under every pids.max up the tree`, world }
      : { ok: false, note: `pids controller: one more task would exceed pids.max of ${hit}, so copy_process fails`, reason: `cgroups: pids.max of ${hit} reached`, world };
  }
  const step = forkProcess(world.cgroups, parent.pid, childPid, world.timeNs);
  const dmesg = step.tree.log.length > world.cgroups.log.length ? [...world.dmesg, ...step.tree.log.slice(world.cgroups.log.length).map((e) => e.line)] : world.dmesg;
  if (!step.result.ok) return { ok: false, note: step.result.reason, reason: `cgroups: ${step.result.reason}`, world: { ...world, cgroups: step.tree, dmesg } };
  return { ok: true, note: 'The child is charged to its parent\'s cgroup', world: { ...world, cgroups: step.tree, dmesg } };
}

export type MemoryCharge =
  | { ok: true; note: string; world: World }
  | { ok: false; note: string; reason: string; world: World; killedCaller: boolean };

/**
 * `bytes` more anonymous memory for `proc`. With `commit` false only says
 * whether the charge fits; with `commit` it charges, and past memory.max runs
 * the cgroup's OOM killer, reaping each victim.
 */
export function chargeMemory(world: World, proc: Process, bytes: number, commit: boolean): MemoryCharge {
  if (!commit) {
    return chargeWouldOom(world.cgroups, proc.pid, bytes)
      ? { ok: false, note: `memory controller: ${bytes} more bytes would exceed memory.max, and with no swap the OOM killer will run`, reason: 'cgroups: memory.max reached', world, killedCaller: false }
      : { ok: true, note: `memory controller: ${bytes} bytes fit under memory.max of ${proc.cgroup} and its parents`, world };
  }
  // Pages are touched one after another, so the charge grows until a limit is hit: charge in steps.
  let w: World = { ...world, cgroups: withCurrentNames(world) };
  const victims: OomKillEntry[] = [];
  // At most MAX_STEPS looks at the limit, so a huge request (MAP_NORESERVE, up to TASK_SIZE) cannot stall the lab.
  const step = Math.max(CHUNK, Math.ceil(bytes / MAX_STEPS));
  for (let done = 0; done < bytes;) {
    const chunk = Math.min(step, bytes - done);
    const charged = cgChargeMemory(w.cgroups, proc.pid, chunk, w.timeNs);
    w = { ...w, cgroups: charged.tree };
    if (!charged.result.ok) return { ok: false, note: charged.result.reason, reason: `cgroups: ${charged.result.reason}`, world: w, killedCaller: false };
    victims.push(...charged.result.value.victims);
    w = reapVictims(w, charged.result.value.victims);
    if (charged.result.value.callerKilled) {
      return { ok: false, note: `The charge crosses memory.max; reclaim finds nothing to free and the OOM killer picks this process: ${victims.at(-1)?.line ?? ''}`, reason: 'cgroups: memory.max reached, OOM-killed', world: w, killedCaller: true };
    }
    const me = w.procs[proc.pid];
    if (me) w = { ...w, procs: { ...w.procs, [me.pid]: { ...me, memBytes: me.memBytes + chunk } } };
    done += chunk;
  }
  const killed = victims.length ? `; the OOM killer first killed ${victims.map((v) => `${v.pid} (${v.comm})`).join(', ')}` : '';
  return { ok: true, note: `memory controller charges ${bytes} bytes to ${proc.cgroup}${killed}`, world: w };
}

/** How much memory is touched between two looks at the limit (the kernel charges page by page). */
const CHUNK = 4 * 1024 * 1024;
const MAX_STEPS = 4096;

function reapVictims(world: World, victims: readonly OomKillEntry[]): World {
  let w = world;
  for (const v of victims) {
    w = { ...w, dmesg: [...w.dmesg, v.summary, v.line] };
    const victim = w.procs[v.pid];
    if (victim) w = reap(w, victim);
  }
  return w;
}

/** The cgroup tree keeps each process's name for the OOM log; bring it up to date (exec changes it). */
function withCurrentNames(world: World) {
  let procs = world.cgroups.procs;
  for (const p of Object.values(world.procs)) {
    const cp = procs[p.pid];
    if (cp && cp.comm !== p.comm) procs = { ...procs, [p.pid]: { ...cp, comm: p.comm } };
  }
  return procs === world.cgroups.procs ? world.cgroups : { ...world.cgroups, procs };
}
