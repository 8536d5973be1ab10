import type { DockerResourceFlags } from '../cgroups/docker.ts';
import { isCapability, type Capability, type CapSet } from '../kernel/capabilities.ts';
import { enterNewNamespaces } from '../kernel/handlers/unshare.ts';
import { spawnChild } from '../kernel/handlers/clone.ts';
import { mapIdOut, NS_CLONE_FLAG, type IdMapEntry, type NamespaceOf, type NsType } from '../kernel/namespaces.ts';
import type { Process } from '../kernel/process.ts';
import type { InstalledFilter } from '../kernel/seccompGate.ts';
import type { World } from '../kernel/world.ts';
import { fail, ok, type SimResult } from '../result.ts';
import type { OciIdMapping, OciSpec } from '../oci/spec.ts';
import { specDevices, specMounts } from '../oci/specMounts.ts';
import type { ImageSpec } from '../vfs/images/imageSpec.ts';
import type { SpecLayout } from '../vfs/containerSpecFs.ts';
import { findExecutable } from './imageExec.ts';
import { placeInScope, startShim, withLoopbackOnly, withNames, withVeth, type BridgeSpec, type ShimSpec } from './runcContainer.ts';
import { execInit, specDeviceRules, withRootfsLayout } from './specContainerSteps.ts';

/**
 * A container made from an OCI spec, as runc makes it: the shim's child is
 * cloned into the spec's new namespaces (a user namespace first, with the
 * spec's id maps), put in its cgroup with the spec's limits, given a cgroup
 * namespace, its root filesystem (the spec's mounts, volumes, devices,
 * read-only and masked paths), hostname and network; then it takes the
 * spec's user and capabilities, its seccomp filter and exec's the spec's
 * program. A namespace with a `path` is joined (network, IPC and UTS only).
 * @see opencontainers/runc libcontainer/nsenter/nsexec.c, process_linux.go, standard_init_linux.go, specconv/spec_linux.go
 */
export interface ContainerBlueprint {
  /** 64 hex digits. */
  id: string;
  spec: OciSpec;
  image: ImageSpec;
  /** The filter runc installs, compiled for the container's capabilities; null: none. */
  filter: InstalledFilter | null;
  /** What the engine wires into a new network namespace: a bridge (a veth on docker0, or the bridge given), or nothing (lo only). */
  network: 'bridge' | 'none';
  bridge?: BridgeSpec;
  shim?: ShimSpec;
  /** The container's cgroup (default: Docker's systemd scope for the id). */
  cgroupPath?: string;
}

const OCI_TO_NS: Readonly<Record<string, NsType>> = { pid: 'pid', network: 'net', mount: 'mnt', ipc: 'ipc', uts: 'uts', user: 'user', cgroup: 'cgroup', time: 'time' };

export function createSpecContainer(host: World, bp: ContainerBlueprint): SimResult<{ world: World; pid: number }> {
  const { spec } = bp;
  const program = spec.process.args[0] ?? '';
  const exe = findExecutable(bp.image, program, spec.process.env);
  if (!exe) return fail('ENOENT', `exec: "${program}": executable file not found in $PATH`);
  const joins = joinedNamespaces(host, spec);
  if (!joins.ok) return joins;
  const types = spec.linux.namespaces.filter((n) => !n.path).map((n) => OCI_TO_NS[n.type]).filter((t): t is NsType => t !== undefined);
  const layout = specLayout(spec);
  if (!layout.ok) return layout;
  const shim = startShim(host, bp.shim);
  const flags = types.filter((t) => t !== 'cgroup').reduce((f, t) => f | NS_CLONE_FLAG[t], 0);
  const spawned = spawnChild(shim.world, shim.proc, flags);
  // setns into each namespace the spec names by path (a pod's containers join the pause container's).
  const child = { ...spawned.child, ns: { ...spawned.child.ns, ...joins.value } };
  const mapped = types.includes('user') ? withIdMaps(spawned.world, child, spec) : spawned.world;
  const scoped = placeInScope({ ...mapped, procs: { ...mapped.procs, [child.pid]: child } }, child, shim.proc.pid, bp.id, resourcesOf(spec), bp.cgroupPath);
  if (!scoped.ok) return scoped;
  const cgns = types.includes('cgroup') ? enterNewNamespaces(scoped.value.world, scoped.value.proc, NS_CLONE_FLAG.cgroup, false) : scoped.value;
  const rooted = withRootfsLayout(cgns.world, cgns.proc, bp, scoped.value.path, layout.value);
  if (!rooted.ok) return rooted;
  let world = rooted.value;
  if (types.includes('uts')) world = withNames(world, cgns.proc, spec.hostname ?? bp.id.slice(0, 12));
  if (types.includes('net')) world = bp.network === 'bridge' ? withVeth(world, cgns.proc, bp.id, bp.bridge) : withLoopbackOnly(world, cgns.proc);
  const init = execInit(cgns.proc, spec, exe, bp.filter ? profileKey(bp.id) : null, caps(spec));
  world = {
    ...world, procs: { ...world.procs, [init.pid]: { ...init, cgroup: scoped.value.path } },
    deviceRules: { ...world.deviceRules, [scoped.value.path]: specDeviceRules(spec) },
    seccompProfiles: bp.filter ? { ...world.seccompProfiles, [profileKey(bp.id)]: bp.filter } : world.seccompProfiles,
  };
  return ok({ world, pid: init.pid });
}

/**
 * The namespaces the spec names by path (`/proc/PID/ns/net`): runc opens
 * each and calls setns. The lab joins network, IPC and UTS namespaces this
 * way (what a pod's containers share); joining others is not modelled.
 */
function joinedNamespaces(world: World, spec: OciSpec): SimResult<Partial<Record<NsType, number>>> {
  const out: Partial<Record<NsType, number>> = {};
  for (const n of spec.linux.namespaces.filter((x) => x.path)) {
    const type = OCI_TO_NS[n.type];
    const m = /^\/proc\/(\d+)\/ns\/[a-z]+$/.exec(n.path ?? '');
    if (!type || !['net', 'ipc', 'uts'].includes(type)) return fail('EINVAL', `joining the ${n.type} namespace at ${n.path ?? ''} is not modelled; the lab joins network, IPC and UTS namespaces`);
    const target = m ? world.procs[Number(m[1])] : undefined;
    if (!target) return fail('ENOENT', `failed to open ${n.path ?? ''}: no such file or directory`);
    out[type] = target.ns[type];
  }
  return ok(out);
}

const profileKey = (id: string) => `container-${id.slice(0, 12)}`;

function specLayout(spec: OciSpec): SimResult<SpecLayout> {
  const mounts = specMounts(spec);
  if (!mounts.ok) return mounts;
  return ok({
    mounts: mounts.value.mounts, volumes: mounts.value.volumes, devices: specDevices(spec.linux.devices),
    masked: spec.linux.maskedPaths ?? [], readonly: spec.linux.readonlyPaths ?? [], readonlyRoot: spec.root.readonly === true,
  });
}

/** The capability sets the spec names (unknown names are the spec reader's to refuse). */
function caps(spec: OciSpec): Record<'bounding' | 'effective' | 'permitted' | 'inheritable' | 'ambient', CapSet> {
  const c = spec.process.capabilities ?? {};
  const set = (names: string[] | undefined): Capability[] => (names ?? []).filter(isCapability);
  return { bounding: set(c.bounding), effective: set(c.effective), permitted: set(c.permitted), inheritable: set(c.inheritable), ambient: set(c.ambient) };
}

/** linux.resources as the flags the lab's cgroup setup reads: bytes, CPUs (quota ÷ period), pids. */
function resourcesOf(spec: OciSpec): DockerResourceFlags {
  const r = spec.linux.resources ?? {};
  const out: { memory?: string; cpus?: string; pidsLimit?: string } = {};
  if (r.memory?.limit !== undefined && r.memory.limit > 0) out.memory = String(r.memory.limit);
  if (r.cpu?.quota !== undefined && r.cpu.quota > 0) out.cpus = String(r.cpu.quota / (r.cpu.period ?? 100000));
  if (r.pids?.limit !== undefined && r.pids.limit > 0) out.pidsLimit = String(r.pids.limit);
  return out;
}

/** The spec's uid and gid maps written into the new user namespace (runc writes /proc/PID/uid_map before the child goes on). */
function withIdMaps(world: World, proc: Process, spec: OciSpec): World {
  const userNs = world.namespaces[proc.ns.user] as NamespaceOf<'user'>;
  const toEntries = (m: OciIdMapping[] | undefined): IdMapEntry[] => (m ?? []).map((e) => ({ inside: e.containerID, outside: e.hostID, count: e.size }));
  return { ...world, namespaces: { ...world.namespaces, [userNs.id]: { ...userNs, uidMap: toEntries(spec.linux.uidMappings), gidMap: toEntries(spec.linux.gidMappings), setgroups: 'allow' } } };
}

/** A container id mapped out to the host through the spec's maps (the id itself when there is no user namespace). */
export function hostId(maps: OciIdMapping[] | undefined, id: number, userNs: boolean): number {
  if (!userNs) return id;
  return mapIdOut((maps ?? []).map((e) => ({ inside: e.containerID, outside: e.hostID, count: e.size })), id) ?? 65534;
}
