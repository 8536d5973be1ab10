import { TERMINAL_FDS, IMAGE_MTIME } from '../kernel/boot.ts';
import type { CapSet } from '../kernel/capabilities.ts';
import { RUNC_DEFAULT_DEVICE_RULES, type DeviceRule } from '../kernel/deviceCgroup.ts';
import type { NamespaceOf } from '../kernel/namespaces.ts';
import type { Process } from '../kernel/process.ts';
import { kernelProviders } from '../kernel/providers.ts';
import type { World } from '../kernel/world.ts';
import type { OciSpec } from '../oci/spec.ts';
import { fail, ok, type SimResult } from '../result.ts';
import type { SpecLayout } from '../vfs/containerSpecFs.ts';
import { createContainerFs } from '../vfs/containerWorld.ts';
import type { ContainerBlueprint } from './specContainer.ts';
import { hostId } from './specContainer.ts';

/**
 * The steps of making a container from a spec that touch the filesystem,
 * the device controller and the first process.
 */

/** The container's root filesystem, made in its own mount namespace, which then points at it. */
export function withRootfsLayout(world: World, proc: Process, bp: ContainerBlueprint, cgroupPath: string, layout: SpecLayout): SimResult<World> {
  const mntNs = world.namespaces[proc.ns.mnt] as NamespaceOf<'mnt'>;
  if (proc.ns.mnt === world.initNs.mnt) {
    // runc's validator: masking and read-only paths need a private mount namespace (libcontainer/configs/validate).
    return fail('EINVAL', 'unable to restrict sys entries without a private MNT namespace');
  }
  const hostTable = world.mountTables[(world.namespaces[world.initNs.mnt] as NamespaceOf<'mnt'>).tableId];
  if (!hostTable) return fail('EINVAL', 'the host has no mount table');
  const fs = createContainerFs({ store: world.vfs, ns: hostTable }, kernelProviders(), {
    id: bp.id, image: bp.image, cgroupPath, now: IMAGE_MTIME, tty: bp.spec.process.terminal !== false, layout,
    ...(bp.spec.hostname ? { hostname: bp.spec.hostname } : {}),
  });
  if (!fs.ok) return fail(fs.errno, `runc create failed: ${fs.reason}`);
  const mountTables = { ...world.mountTables, [hostTable.id]: fs.value.hostNs, [fs.value.ns.id]: fs.value.ns };
  delete mountTables[mntNs.tableId];
  return ok({ ...world, vfs: fs.value.store, mountTables, namespaces: { ...world.namespaces, [mntNs.id]: { ...mntNs, tableId: fs.value.ns.id } } });
}

/**
 * The device controller's allow-list: the spec's allow rules plus runc's own
 * AllowedDevices, which runc always adds. Deny rules after the first
 * deny-all are not modelled (the lab's controller is an allow-list).
 * @see opencontainers/runc libcontainer/specconv/spec_linux.go CreateCgroupConfig, AllowedDevices
 */
export function specDeviceRules(spec: OciSpec): readonly DeviceRule[] {
  const allows = (spec.linux.resources?.devices ?? []).filter((d) => d.allow).map((d): DeviceRule => ({
    type: d.type ?? 'a', major: d.major ?? null, minor: d.minor ?? null, access: d.access ?? 'rwm',
  }));
  return [...allows, ...RUNC_DEFAULT_DEVICE_RULES];
}

/**
 * The container's first process after runc's last steps: the spec's user
 * (mapped out to the host through a user namespace), its capabilities, no
 * new privileges if asked, the filter, then execve of the program. execve by
 * a non-root user keeps only ambient capabilities in the permitted and
 * effective sets, which is why `docker run --user 1000 --cap-add …` gives
 * the process no effective capabilities.
 * @see capabilities(7) "Transformation of capabilities during execve()", runc libcontainer/init_linux.go finalizeNamespace
 */
export function execInit(proc: Process, spec: OciSpec, exe: { path: string; target: string }, profile: string | null, caps: Record<'bounding' | 'effective' | 'permitted' | 'inheritable' | 'ambient', CapSet>): Process {
  const userNs = spec.linux.namespaces.some((n) => n.type === 'user');
  const { uid, gid } = spec.process.user;
  const hostUid = hostId(spec.linux.uidMappings, uid, userNs);
  const hostGid = hostId(spec.linux.gidMappings, gid, userNs);
  const root = uid === 0;
  const groups = [hostGid, ...(spec.process.user.additionalGids ?? []).map((g) => hostId(spec.linux.gidMappings, g, userNs))];
  const args = spec.process.args;
  return {
    ...proc,
    comm: (exe.path.split('/').pop() ?? 'sh').slice(0, 15), exe: exe.target, argv: [...args],
    cwd: spec.process.cwd || '/', root: '/', fds: { ...TERMINAL_FDS }, umask: spec.process.user.umask ?? 0o022,
    cred: {
      uid: hostUid, gid: hostGid, euid: hostUid, egid: hostGid, suid: hostUid, sgid: hostGid, fsuid: hostUid, fsgid: hostGid, groups,
      bounding: caps.bounding, permitted: root ? caps.permitted : caps.ambient, effective: root ? caps.effective : caps.ambient,
      inheritable: caps.inheritable, ambient: caps.ambient, noNewPrivs: spec.process.noNewPrivileges === true,
    },
    seccomp: profile ? { mode: 'filter', profile } : { mode: 'disabled', profile: null },
    oomScoreAdj: spec.process.oomScoreAdj ?? proc.oomScoreAdj,
  };
}

