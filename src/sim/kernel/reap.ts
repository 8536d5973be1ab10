import { exitProcess } from '../cgroups/procs.ts';
import { isInPidNs } from './pidView.ts';
import type { Process } from './process.ts';
import type { World } from './world.ts';

/**
 * The world after `proc` died: gone from the process table (the lab reaps at
 * once: no zombies), its children re-parented to init, and uncharged from its
 * cgroup. When a pid namespace's init dies, the kernel kills every other
 * process in that namespace (zap_pid_ns_processes).
 * @see pid_namespaces(7), kernel/exit.c
 */
export function reap(world: World, proc: Process): World {
  let w = world;
  if (proc.nsPids.length > 1 && proc.nsPids[proc.nsPids.length - 1] === 1) {
    const inside = Object.values(w.procs).filter((p) => p.pid !== proc.pid && isInPidNs(w, p, proc.ns.pid));
    w = inside.reduce((acc, p) => (acc.procs[p.pid] ? reap(acc, p) : acc), w);
  }
  const procs = { ...w.procs };
  delete procs[proc.pid];
  for (const o of Object.values(procs).filter((p) => p.ppid === proc.pid)) procs[o.pid] = { ...o, ppid: 1 };
  const tree = exitProcess(w.cgroups, proc.pid);
  return { ...w, procs, cgroups: tree.ok ? tree.value : w.cgroups };
}
