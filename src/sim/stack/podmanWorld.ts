import { createScopeAt } from '../cgroups/docker.ts';
import { addProcess, attachProcess, getProc, withProc as withCgroupProc } from '../cgroups/procs.ts';
import { ALL_CAPS } from '../kernel/capabilities.ts';
import { userCredentials } from '../kernel/credentials.ts';
import { spawnChild } from '../kernel/handlers/clone.ts';
import { NS_CLONE_FLAG, type IdMapEntry, type NamespaceOf, type NetInterface } from '../kernel/namespaces.ts';
import type { Process } from '../kernel/process.ts';
import type { World } from '../kernel/world.ts';
import type { OciIdMapping } from '../oci/spec.ts';
import { conmonScope, ROOTLESS_GID_MAP, ROOTLESS_UID_MAP, ROOTLESS_USER } from './podmanRootless.ts';

/**
 * What rootless podman leaves in the host's kernel, as changes to the lab's
 * world. Podman's first command makes the user namespace (clone with
 * CLONE_NEWUSER|CLONE_NEWNS, then newuidmap/newgidmap write the maps) and
 * leaves a pause process, `catatonit -P`, to keep it; later commands join it
 * through that process. Every rootless container of the user lives in it:
 * podman forks conmon inside it, conmon runs the runtime, the runtime makes
 * the container's other namespaces, all owned by it.
 * The lab's runtime (specContainer.ts) makes a container's user namespace
 * itself; joinRootless then moves the container into the pause process's
 * one and drops the one made, so the kernel sees what it would see.
 * @see containers/podman pkg/rootless/rootless_linux.c reexec_in_user_namespace, create_pause_process; pkg/rootless/rootless_linux.go BecomeRootInUserNS
 * @see containers/container-libs common/pkg/systemd/systemd_linux.go MovePauseProcessToScope (podman-pause-<hex>.scope)
 */
export interface Rootless {
  world: World;
  pausePid: number;
  userNs: number;
  /** True when this command made the namespace, false when it joined the pause process's. */
  created: boolean;
}

const toEntries = (m: readonly OciIdMapping[]): IdMapEntry[] => m.map((e) => ({ inside: e.containerID, outside: e.hostID, count: e.size }));

/** The lab user's pause process, if one is running. */
export function pauseProcess(world: World): Process | undefined {
  return Object.values(world.procs).find((p) => p.comm === 'catatonit' && p.cred.uid === ROOTLESS_USER.uid && p.state === 'running');
}

/** Joins the pause process's user namespace, or makes it (and the pause process) as podman's first command does. */
export function rootlessNamespace(world: World, scopeHex: string): Rootless {
  const running = pauseProcess(world);
  if (running) return { world, pausePid: running.pid, userNs: running.ns.user, created: false };
  const init = world.procs[1];
  if (!init) throw new Error('the host has no init');
  const asLab: Process = { ...init, cred: userCredentials(ROOTLESS_USER.uid, ROOTLESS_USER.gid, ALL_CAPS) };
  const spawned = spawnChild(world, asLab, NS_CLONE_FLAG.user | NS_CLONE_FLAG.mnt);
  const userNs = spawned.child.ns.user;
  const ns = spawned.world.namespaces[userNs] as NamespaceOf<'user'>;
  const mapped = { ...ns, uidMap: toEntries(ROOTLESS_UID_MAP), gidMap: toEntries(ROOTLESS_GID_MAP) };
  const scope = `/user.slice/user-${ROOTLESS_USER.uid}.slice/user@${ROOTLESS_USER.uid}.service/user.slice/podman-pause-${scopeHex}.scope`;
  const pause: Process = {
    ...spawned.child, ppid: 1, comm: 'catatonit', exe: '/usr/libexec/podman/catatonit', argv: ['catatonit', '-P'], fds: {}, cwd: '/', cgroup: scope,
    cred: { ...userCredentials(ROOTLESS_USER.uid, ROOTLESS_USER.gid, ALL_CAPS), permitted: ALL_CAPS, effective: ALL_CAPS },
  };
  const made = createScopeAt(spawned.world.cgroups, scope);
  const tree = made.ok ? addProcess(made.value.tree, { pid: pause.pid, comm: pause.comm, uid: ROOTLESS_USER.uid, cgroup: scope }) : made;
  const next: World = {
    ...spawned.world, namespaces: { ...spawned.world.namespaces, [userNs]: mapped }, procs: { ...spawned.world.procs, [pause.pid]: pause },
    cgroups: tree.ok ? tree.value : spawned.world.cgroups,
  };
  return { world: next, pausePid: pause.pid, userNs, created: true };
}

/**
 * The container made with a user namespace of its own moves into the rootless
 * one: its process and every namespace the runtime made (owned by the
 * discarded one) now belong to `userNs`; conmon, its parent, runs there too
 * as the lab user with the namespace's capabilities, in its own scope.
 */
export function joinRootless(world: World, initPid: number, userNs: number, id: string): World {
  const init = world.procs[initPid];
  if (!init || init.ns.user === userNs) return world;
  const made = init.ns.user;
  const namespaces = Object.fromEntries(Object.entries(world.namespaces).filter(([k]) => Number(k) !== made)
    .map(([k, n]) => [k, n.ownerUserNs === made ? { ...n, ownerUserNs: userNs } : n]));
  const procs = Object.fromEntries(Object.entries(world.procs).map(([k, p]) => [k, p.ns.user === made ? { ...p, ns: { ...p.ns, user: userNs } } : p]));
  let tree = world.cgroups;
  const inTree = getProc(tree, initPid);
  if (inTree) tree = withCgroupProc(tree, { ...inTree, uid: ROOTLESS_USER.uid });
  const conmon = procs[init.ppid];
  if (conmon) {
    procs[conmon.pid] = {
      ...conmon, ns: { ...conmon.ns, user: userNs }, cgroup: conmonScope(id), comm: 'conmon', exe: '/usr/bin/conmon',
      argv: ['/usr/bin/conmon', '--api-version', '1', '-c', id, '-u', id, '-n', id.slice(0, 12)],
      cred: { ...userCredentials(ROOTLESS_USER.uid, ROOTLESS_USER.gid, ALL_CAPS), permitted: ALL_CAPS, effective: ALL_CAPS },
    };
    const scope = createScopeAt(tree, conmonScope(id));
    const moved = scope.ok ? attachProcess(scope.value.tree, conmon.pid, conmonScope(id)) : scope;
    const entry = moved.ok ? getProc(moved.value, conmon.pid) : undefined;
    if (moved.ok && entry) tree = withCgroupProc(moved.value, { ...entry, comm: 'conmon', uid: ROOTLESS_USER.uid });
  }
  return { ...world, namespaces, procs, cgroups: tree };
}

/**
 * pasta's network: a tap device in the container's network namespace that
 * pasta, a process of the user on the host, serves from the other end. By
 * default pasta copies the host's upstream interface: its name and its
 * addresses (the lab's host: eth0, 10.0.2.15/24). The kernel gives a new tap
 * a random MAC address; the lab derives one from the container id.
 * @see podman commit aa47e05 "libpod: Add pasta networking mode" (addresses, routes and interface name copied from the host)
 * @see passt(1) (pasta: --config-net, -I/--ns-ifname)
 */
export function withPasta(world: World, pid: number, id: string): World {
  const proc = world.procs[pid];
  const net = proc ? (world.namespaces[proc.ns.net] as NamespaceOf<'net'> | undefined) : undefined;
  const host = world.namespaces[world.initNs.net] as NamespaceOf<'net'>;
  const upstream = host.interfaces.find((i) => i.kind === 'physical');
  if (!net || !upstream || net.id === host.id) return world;
  const mac = `02:${[0, 2, 4, 6, 8].map((i) => id.slice(i, i + 2)).join(':')}`;
  const tap: NetInterface = { name: upstream.name, index: 2, kind: 'physical', up: true, mac, addrs: [...upstream.addrs] };
  const lo: NetInterface = { name: 'lo', index: 1, kind: 'loopback', up: true, mac: '00:00:00:00:00:00', addrs: ['127.0.0.1/8'] };
  return { ...world, namespaces: { ...world.namespaces, [net.id]: { ...net, interfaces: [lo, tap] } } };
}
