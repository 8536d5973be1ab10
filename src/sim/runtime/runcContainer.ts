import { createDockerScope, createScopeAt, type DockerResourceFlags } from '../cgroups/docker.ts';
import { attachProcess, forkProcess } from '../cgroups/procs.ts';
import { spawnChild } from '../kernel/handlers/clone.ts';
import type { NamespaceOf, NetInterface } from '../kernel/namespaces.ts';
import type { Process } from '../kernel/process.ts';
import type { World } from '../kernel/world.ts';
import { DOCKER_DEFAULT_FILTER } from './dockerFilter.ts';
import { DEBIAN_BOOKWORM_SLIM } from '../vfs/images/debianSlim.ts';
import type { ImageSpec } from '../vfs/images/imageSpec.ts';
import { ok, type SimResult } from '../result.ts';
import { specFor } from '../stack/dockerd.ts';
import { defaultRequest } from '../stack/runRequest.ts';
import { createSpecContainer, type ContainerBlueprint } from './specContainer.ts';

/**
 * `docker run -it debian:bookworm-slim sh`, the kernel half: the spec dockerd
 * writes for it (oci/dockerSpec.ts, held to the reference files), made the
 * way runc makes it (specContainer.ts): the shim, the init in new mount,
 * UTS, IPC, pid, network and time namespaces, its cgroup, a cgroup
 * namespace, the root filesystem, the hostname, Docker's 14 capabilities,
 * the seccomp filter, the shell. Also the pieces of that making shared with
 * specContainer: the shim, the cgroup scope, the names, the network.
 * @see moby daemon/pkg/oci/defaults.go DefaultLinuxSpec, runc libcontainer/nsenter/nsexec.c, standard_init_linux.go
 */
export interface RuncOptions {
  /** 64 hex digits (Docker's container id). */
  id?: string;
  hostname?: string;
  image?: ImageSpec;
  resources?: DockerResourceFlags;
  /** A container made from a spec (`docker run` with flags); the fields above are then ignored. */
  blueprint?: ContainerBlueprint;
}

export const DEFAULT_CONTAINER_ID = '3f6c2a9e1b7d4c58a0e2f91b6d3c7a4e5b8f0c1d2e3a4b5c6d7e8f9a0b1c2d3e';
const CONTAINERD_PID = 612;

export function createRuncContainer(host: World, opts: RuncOptions = {}): { world: World; pid: number } {
  if (opts.blueprint) {
    const made = createSpecContainer(host, opts.blueprint);
    if (!made.ok) throw new ContainerError(made.reason);
    return made.value;
  }
  // Docker's defaults come from one place: the spec dockerd writes for a plain `docker run -it IMAGE sh`.
  const id = opts.id ?? DEFAULT_CONTAINER_ID;
  const image = opts.image ?? DEBIAN_BOOKWORM_SLIM;
  const request = { ...defaultRequest(image.ref), command: ['sh'], interactive: true, tty: true, resources: opts.resources ?? {}, ...(opts.hostname ? { hostname: opts.hostname } : {}) };
  const spec = specFor(request, id, image);
  if (!spec.ok) throw new ContainerError(spec.reason);
  const made = createSpecContainer(host, { id, spec: spec.value, image, filter: DOCKER_DEFAULT_FILTER, network: 'bridge' });
  if (!made.ok) throw new ContainerError(made.reason);
  return made.value;
}

/** The shim process containerd starts for a container (it reparents to init). */
export interface ShimSpec {
  comm: string;
  exe: string;
  argv: string[];
}

export const RUNC_SHIM: ShimSpec = { comm: 'containerd-shim', exe: '/usr/bin/containerd-shim-runc-v2', argv: ['/usr/bin/containerd-shim-runc-v2', '-namespace', 'moby', '-address', '/run/containerd/containerd.sock'] };

export function startShim(world: World, spec: ShimSpec = RUNC_SHIM): { world: World; proc: Process } {
  const containerd = world.procs[CONTAINERD_PID];
  if (!containerd) throw new Error('the host has no containerd');
  const spawned = spawnChild(world, containerd, 0);
  const shim: Process = { ...spawned.child, ppid: 1, comm: spec.comm, exe: spec.exe, argv: spec.argv };
  const tree = forkProcess(spawned.world.cgroups, containerd.pid, shim.pid, world.timeNs).tree;
  return { world: { ...spawned.world, cgroups: tree, procs: { ...spawned.world.procs, [shim.pid]: shim } }, proc: shim };
}

export function placeInCgroup(world: World, proc: Process, shimPid: number, id: string, resources: DockerResourceFlags) {
  const placed = placeInScope(world, proc, shimPid, id, resources);
  if (!placed.ok) throw new Error(placed.reason);
  return placed.value;
}

/** The container's process into its new cgroup, with its limits written; runc's refusal when a limit cannot be set. */
export function placeInScope(world: World, proc: Process, shimPid: number, id: string, resources: DockerResourceFlags, path?: string): SimResult<{ world: World; proc: Process; path: string }> {
  const scope = path ? createScopeAt(world.cgroups, path, resources) : createDockerScope(world.cgroups, id, resources);
  if (!scope.ok) return scope;
  const forked = forkProcess(scope.value.tree, shimPid, proc.pid, world.timeNs).tree;
  const moved = attachProcess(forked, proc.pid, scope.value.path);
  const tree = moved.ok ? moved.value : forked;
  const placed = { ...proc, cgroup: scope.value.path };
  return ok({ world: { ...world, cgroups: tree, procs: { ...world.procs, [proc.pid]: placed } }, proc: placed, path: scope.value.path });
}


export function withNames(world: World, proc: Process, hostname: string): World {
  const uts = world.namespaces[proc.ns.uts] as NamespaceOf<'uts'>;
  return { ...world, namespaces: { ...world.namespaces, [uts.id]: { ...uts, hostname } } };
}

/** A Linux bridge on the host that containers' veths join: Docker's docker0, or a CNI plugin's cni0. */
export interface BridgeSpec {
  name: string;
  /** The first three octets of the /24 or /16 its addresses come from; the bridge has .1. */
  net: string;
  prefix: number;
  /** The MAC prefix of the container side (Docker derives it from the address: 02:42:ac:11:…). */
  macPrefix: string;
}

/** moby libnetwork's default bridge. */
export const DOCKER_BRIDGE: BridgeSpec = { name: 'docker0', net: '172.17.0', prefix: 16, macPrefix: '02:42:ac:11:00' };

/**
 * The bridge network: eth0 in the container, its veth peer on the host
 * attached to the bridge (made if the host has none yet); each container
 * takes the next address after the bridge's .1.
 */
export function withVeth(world: World, proc: Process, id: string = DEFAULT_CONTAINER_ID, bridge: BridgeSpec = DOCKER_BRIDGE): World {
  const net = world.namespaces[proc.ns.net] as NamespaceOf<'net'>;
  const hostNet0 = world.namespaces[world.initNs.net] as NamespaceOf<'net'>;
  const hostNet = withBridge(hostNet0, bridge);
  const ports = hostNet.interfaces.filter((i) => i.master === bridge.name).length;
  const peerName = `veth${id.slice(0, 7)}`;
  const peerIndex = Math.max(...hostNet.interfaces.map((i) => i.index)) + 1;
  const host = 2 + ports;
  const inside: NetInterface[] = [
    { name: 'lo', index: 1, kind: 'loopback', up: true, mac: '00:00:00:00:00:00', addrs: ['127.0.0.1/8'] },
    { name: 'eth0', index: peerIndex + 1, kind: 'veth', up: true, mac: `${bridge.macPrefix}:${host.toString(16).padStart(2, '0')}`, addrs: [`${bridge.net}.${host}/${bridge.prefix}`], peer: { name: peerName, ns: hostNet.id } },
  ];
  const outside: NetInterface = { name: peerName, index: peerIndex, kind: 'veth', up: true, mac: `a6:3e:91:0c:5d:${(0x22 + ports).toString(16).padStart(2, '0')}`, addrs: [], peer: { name: 'eth0', ns: net.id }, master: bridge.name };
  return {
    ...world,
    namespaces: { ...world.namespaces, [net.id]: { ...net, interfaces: inside }, [hostNet.id]: { ...hostNet, interfaces: [...hostNet.interfaces, outside] } },
  };
}

function withBridge(hostNet: NamespaceOf<'net'>, bridge: BridgeSpec): NamespaceOf<'net'> {
  if (hostNet.interfaces.some((i) => i.name === bridge.name)) return hostNet;
  const index = Math.max(...hostNet.interfaces.map((i) => i.index)) + 1;
  const made: NetInterface = { name: bridge.name, index, kind: 'bridge', up: true, mac: `0a:58:0a:f4:00:01`, addrs: [`${bridge.net}.1/${bridge.prefix}`] };
  return { ...hostNet, interfaces: [...hostNet.interfaces, made] };
}

/** `--network none`: a network namespace with only the loopback, which Docker brings up. */
export function withLoopbackOnly(world: World, proc: Process): World {
  const net = world.namespaces[proc.ns.net] as NamespaceOf<'net'>;
  const lo: NetInterface = { name: 'lo', index: 1, kind: 'loopback', up: true, mac: '00:00:00:00:00:00', addrs: ['127.0.0.1/8'] };
  return { ...world, namespaces: { ...world.namespaces, [net.id]: { ...net, interfaces: [lo] } } };
}


/** The runtime could not make the container its spec describes (runc's own error text); callers turn it into a refusal. */
export class ContainerError extends Error {}
