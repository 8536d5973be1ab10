import { TERMINAL_FDS } from '../kernel/boot.ts';
import { forkProcess } from '../cgroups/procs.ts';
import { assignPids } from '../kernel/handlers/clone.ts';
import { withProc } from '../kernel/handlers/util.ts';
import type { Process } from '../kernel/process.ts';
import type { World } from '../kernel/world.ts';
import { userCredentials } from '../kernel/credentials.ts';

/**
 * `docker exec`/`runc exec`: a new process in a running container. runc
 * joins each of the init's namespaces (setns), its cgroup, takes the spec's
 * user and capabilities and the same seccomp filter, then execs the program;
 * the shim, as subreaper, becomes its parent.
 * @see opencontainers/runc libcontainer/setns_init_linux.go, nsenter/nsexec.c (join_namespaces)
 */
export function execProcess(world: World, init: Process, argv: readonly string[], exe: string, user?: { uid: number; gid: number }): { world: World; pid: number } {
  const cred = user && (user.uid !== init.cred.uid || user.gid !== init.cred.gid) ? { ...userCredentials(user.uid, user.gid, init.cred.bounding), noNewPrivs: init.cred.noNewPrivs } : init.cred;
  const base: Process = {
    ...init, pid: 0, tgid: 0, ppid: init.ppid, nsPids: [], memBytes: 0, fds: { ...TERMINAL_FDS }, cwd: '/', cred,
    comm: (argv[0]?.split('/').pop() ?? 'sh').slice(0, 15), exe, argv: [...argv], state: 'running', exitSignal: null,
  };
  const placed = assignPids(world, base);
  const tree = forkProcess(placed.world.cgroups, init.pid, placed.child.pid, world.timeNs).tree;
  return { world: { ...withProc(placed.world, placed.child), cgroups: tree }, pid: placed.child.pid };
}
