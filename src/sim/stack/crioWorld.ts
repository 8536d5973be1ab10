import { addProcess, attachProcess } from '../cgroups/procs.ts';
import { mkdirCgroup } from '../cgroups/tree.ts';
import { createScopeAt } from '../cgroups/docker.ts';
import { spawnChild } from '../kernel/handlers/clone.ts';
import { NS_CLONE_FLAG, type NamespaceOf } from '../kernel/namespaces.ts';
import type { Process } from '../kernel/process.ts';
import { reap } from '../kernel/reap.ts';
import type { World } from '../kernel/world.ts';
import { withNames, withVeth } from '../runtime/runcContainer.ts';
import { conmonScope } from './crio.ts';
import { CNI_BRIDGE } from './kubernetes.ts';

/**
 * What CRI-O changes in the node's kernel around a Pod: the crio daemon
 * itself (crio.service; the lab's host image boots with containerd and
 * dockerd only, so the lab starts crio the first time the lab-crio node is
 * used), pinns' namespaces with the pod's network and hostname in them, and
 * each conmon moved to its own scope in system.slice.
 * @see cri-o/cri-o contrib/systemd/crio.service; internal/config/nsmgr/nsmgr_linux.go; pinns/src/pinns.c; internal/config/cgmgr/systemd_linux.go MoveConmonToCgroup
 */
const CRIO_SERVICE = '/system.slice/crio.service';

export function crioDaemon(world: World): { world: World; proc: Process } {
  const running = Object.values(world.procs).find((p) => p.comm === 'crio');
  if (running) return { world, proc: running };
  const systemd = world.procs[1];
  if (!systemd) throw new Error('the host has no init');
  const spawned = spawnChild(world, systemd, 0);
  const crio: Process = { ...spawned.child, comm: 'crio', exe: '/usr/bin/crio', argv: ['/usr/bin/crio'], cgroup: CRIO_SERVICE, cwd: '/' };
  const dir = mkdirCgroup(world.cgroups, CRIO_SERVICE);
  const tree = dir.ok ? addProcess(dir.value, { pid: crio.pid, comm: 'crio', cgroup: CRIO_SERVICE }) : dir;
  return { world: { ...spawned.world, cgroups: tree.ok ? tree.value : world.cgroups, procs: { ...spawned.world.procs, [crio.pid]: crio } }, proc: crio };
}

/** The address the CNI bridge plugin hands the next pod: cni0 has .1, its ports count up from .2 (as runcContainer's veths are numbered). */
export function nextPodAddress(world: World): string {
  const host = world.namespaces[world.initNs.net] as NamespaceOf<'net'>;
  return `${CNI_BRIDGE.net}.${2 + host.interfaces.filter((i) => i.master === CNI_BRIDGE.name).length}`;
}

export interface Pinned {
  world: World;
  pinns: Process;
}

/**
 * pinns, a child of crio, unshares the pod's IPC, UTS and (unless
 * hostNetwork) network namespaces; the CNI bridge plugin then wires eth0 on
 * cni0 into the network one, and the hostname (which the runtime sets in the
 * joined UTS namespace) is the pod's name.
 */
export function pinNamespaces(world: World, crio: Process, o: { id: string; hostname: string; hostNetwork: boolean }): Pinned {
  const flags = NS_CLONE_FLAG.ipc | NS_CLONE_FLAG.uts | (o.hostNetwork ? 0 : NS_CLONE_FLAG.net);
  const spawned = spawnChild(world, crio, flags);
  const pinns: Process = { ...spawned.child, comm: 'pinns', exe: '/usr/bin/pinns', argv: ['/usr/bin/pinns'] };
  let next: World = { ...spawned.world, procs: { ...spawned.world.procs, [pinns.pid]: pinns } };
  next = withNames(next, pinns, o.hostname);
  if (!o.hostNetwork) next = withVeth(next, pinns, o.id, CNI_BRIDGE);
  return { world: next, pinns };
}

/** pinns has exited: its namespaces stay, held by the bind mounts (the lab keeps them in the world's namespace table). */
export const pinnsExited = (world: World, pinns: Process): World => (world.procs[pinns.pid] ? reap(world, pinns) : world);

/** conmon (the container's init's parent) goes to crio-conmon-<id>.scope in system.slice. */
export function conmonToScope(world: World, initPid: number, id: string): World {
  const conmon = world.procs[world.procs[initPid]?.ppid ?? -1];
  if (!conmon || conmon.comm !== 'conmon') return world;
  const scope = createScopeAt(world.cgroups, conmonScope(id));
  if (!scope.ok) return world;
  const moved = attachProcess(scope.value.tree, conmon.pid, scope.value.path);
  return moved.ok ? { ...world, cgroups: moved.value, procs: { ...world.procs, [conmon.pid]: { ...conmon, cgroup: scope.value.path } } } : world;
}
