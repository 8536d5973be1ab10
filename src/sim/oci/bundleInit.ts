import { attachProcess } from '../cgroups/procs.ts';
import type { Process } from '../kernel/process.ts';
import { reap } from '../kernel/reap.ts';
import type { World } from '../kernel/world.ts';
import type { ShimSpec } from '../runtime/runcContainer.ts';

/**
 * The processes of runc's own command line around a container's init.
 *
 * Between `runc create` and `runc start` the init is still runc: the
 * re-executed binary (`runc init`, named `runc:[2:INIT]` by nsexec) has
 * made the namespaces, cgroup, root and credentials, and is blocked opening
 * exec.fifo; `runc start` opens the other end, and only then does the init
 * execve the spec's program. The lab builds the container's process with
 * its program already in place (runtime/specContainer.ts), so during
 * `created` it shows the process as runc's init and gives it its program
 * back at `runc start`.
 * @see opencontainers/runc libcontainer/nsenter/nsexec.c (prctl PR_SET_NAME "runc:[2:INIT]"), libcontainer/standard_init_linux.go (exec.fifo, then execve)
 */

/** What the host's `ps` shows for the waiting init. */
export function holdAtExecFifo(world: World, pid: number): World {
  const p = world.procs[pid];
  if (!p) return world;
  return { ...world, procs: { ...world.procs, [pid]: { ...p, comm: 'runc:[2:INIT]', exe: '/usr/bin/runc', argv: ['runc', 'init'] } } };
}

/** The init after execve: the program it was made to run. */
export function execProgram(world: World, pid: number, program: Pick<Process, 'comm' | 'exe' | 'argv'>): World {
  const p = world.procs[pid];
  if (!p) return world;
  return { ...world, procs: { ...world.procs, [pid]: { ...p, comm: program.comm, exe: program.exe, argv: [...program.argv] } } };
}

/** The runc process itself, as the parent the lab's container builder starts (it stands where a shim would). */
export const runcProcess = (argv: string[]): ShimSpec => ({ comm: 'runc', exe: '/usr/bin/runc', argv });

/**
 * After the container is made: `runc create` exits, so its init is
 * re-parented to pid 1; `runc run` stays as the container's parent, a child
 * of the shell that typed it, in that shell's cgroup.
 */
export function settleRunc(world: World, initPid: number, shellPid: number, stays: boolean): World {
  const init = world.procs[initPid];
  const runc = init ? world.procs[init.ppid] : undefined;
  const shell = world.procs[shellPid];
  if (!runc || runc.comm !== 'runc' || !shell) return world;
  if (!stays) return reap(world, runc);
  const moved = attachProcess(world.cgroups, runc.pid, shell.cgroup);
  return { ...world, cgroups: moved.ok ? moved.value : world.cgroups, procs: { ...world.procs, [runc.pid]: { ...runc, ppid: shellPid, cgroup: shell.cgroup } } };
}

/** `runc run` in the foreground ends when its container does: its process goes with it. */
export function endRunc(world: World, id: string): World {
  const runc = Object.values(world.procs).find((p) => p.comm === 'runc' && p.argv[1] === 'run' && p.argv.at(-1) === id);
  return runc ? reap(world, runc) : world;
}
