import { isCapability } from '../kernel/capabilities.ts';
import { parseDockerBytes } from '../cgroups/docker.ts';
import { imageAccounts } from '../oci/dockerUser.ts';
import { dockerSpec } from '../oci/dockerSpec.ts';
import type { OciLinux, OciMount, OciNamespace, OciResources, OciSpec } from '../oci/spec.ts';
import { profileToOciSeccomp } from '../oci/specSeccomp.ts';
import { ok, type SimResult } from '../result.ts';
import type { ImageSpec } from '../vfs/images/imageSpec.ts';
import { imageDefaults } from './dockerd.ts';
import { podmanCapabilities } from './podmanCaps.ts';
import { DEFAULT_PIDS_LIMIT, GRAPH_ROOT, netnsPath, ROOTLESS_GID_MAP, ROOTLESS_UID_MAP, RUN_ROOT, specCgroupsPath, userdataDir } from './podmanRootless.ts';
import { PODMAN_DEFAULT_PROFILE } from './podmanSeccomp.ts';
import type { RunRequest } from './runRequest.ts';

/**
 * The config.json rootless podman writes for `podman run`. Built on the
 * lab's moby spec (process, user lookup, mounts) and then changed where
 * podman differs, each change a fact of podman's or containers/common's:
 * - no user namespace in the spec: the container shares podman's rootless
 *   one (userns mode "host" is the default, and rootless podman already runs
 *   inside the namespace it made), so the runtime makes none;
 * - namespaces pid, network, ipc, uts, mount, cgroup: no time namespace;
 * - 11 capabilities (podmanCaps.ts), podman's seccomp profile
 *   (podmanSeccomp.ts), podman's masked and read-only paths, no AppArmor
 *   profile (containers/common turns AppArmor off when rootless);
 * - pids.max 2048 unless --pids-limit says otherwise (-1 or 0: no limit);
 * - cgroupsPath user.slice:libpod:<id>, the sysctl ping_group_range "0 0",
 *   the env variable container=podman;
 * - the root in the user's store, the per-container files in its run dir.
 * The mounts of the kernel filesystems are moby's list: podman's come from
 * runtime-tools' defaults and cover the same filesystems.
 * @see containers/podman pkg/specgen/generate/oci_linux.go SpecGenToOCI; namespaces_linux.go specConfigureNamespaces; pkg/specgen/namespaces.go SetupUserNS; config_linux.go BlockAccessToKernelFilesystems
 * @see containers/container-libs common/pkg/config/containers.conf (userns "host", cgroupns "private", default_sysctls, pids_limit); common/pkg/config/default.go getMaskedPaths, DefaultReadOnlyPaths; common/pkg/apparmor (IsEnabled is false rootless)
 * @see containers/podman pkg/env/env.go DefaultEnvVariables (container=podman)
 */

/** containers/common getMaskedPaths; the glob /sys/devices/system/cpu/cpu*\/thermal_throttle matches nothing on the lab's host. */
export const PODMAN_MASKED_PATHS: readonly string[] = [
  '/proc/acpi', '/proc/kcore', '/proc/keys', '/proc/latency_stats', '/proc/sched_debug', '/proc/scsi', '/proc/timer_list',
  '/proc/timer_stats', '/sys/devices/virtual/powercap', '/sys/firmware', '/sys/fs/selinux', '/proc/interrupts',
];
export const PODMAN_READONLY_PATHS: readonly string[] = ['/proc/asound', '/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger'];

const PODMAN_NAMESPACES: readonly OciNamespace['type'][] = ['pid', 'network', 'ipc', 'uts', 'mount', 'cgroup'];

/** The default network (pasta) is a namespace podman made first, named by its path; `none` is a new one with only lo. */
function namespaces(req: RunRequest, id: string): OciNamespace[] {
  return PODMAN_NAMESPACES.filter((t) => !(t === 'pid' && req.pid === 'host') && !(t === 'network' && req.network === 'host'))
    .map((type) => (type === 'network' && req.network === 'bridge' ? { type, path: netnsPath(id) } : { type }));
}

/**
 * --memory (swap twice it, as podman's LimitToSwap sets), --cpus and
 * pids.max. Podman checks none of the ranges Docker checks: a limit the
 * kernel refuses fails when the runtime writes it.
 * @see containers/podman pkg/specgenutil/specgen.go LimitToSwap, getCPULimits; pkg/specgen/resources_linux.go InitResourceLimits
 */
function resources(req: RunRequest, base: OciResources | undefined): SimResult<OciResources> {
  const out: OciResources = { ...(base?.devices ? { devices: base.devices } : {}) };
  const mem = req.resources.memory ? parseDockerBytes(req.resources.memory) : null;
  if (mem && !mem.ok) return mem;
  if (mem?.ok && mem.value > 0) out.memory = { limit: mem.value, swap: mem.value * 2 };
  // CoresToPeriodAndQuota: a 100 ms period and cores × 100 ms of quota.
  const cpus = Number(req.resources.cpus ?? 0);
  if (Number.isFinite(cpus) && cpus > 0) out.cpu = { quota: Math.trunc(cpus * 100_000), period: 100_000 };
  const text = req.resources.pidsLimit;
  const pids = text === undefined ? DEFAULT_PIDS_LIMIT : Number(text);
  if (pids > 0) out.pids = { limit: pids };
  return ok(out);
}

/** /etc/hosts, /etc/hostname, /etc/resolv.conf and /run/.containerenv come from the container's run directory. */
function mounts(spec: OciSpec, id: string): OciMount[] {
  const own = ['hosts', 'hostname', 'resolv.conf'];
  const rest = spec.mounts.filter((m) => !(m.source ?? '').startsWith('/var/lib/docker/containers/'));
  const files = [...own.map((f) => ({ f, dest: `/etc/${f}` })), { f: '.containerenv', dest: '/run/.containerenv' }];
  return [...rest, ...files.map(({ f, dest }) => ({ destination: dest, type: 'bind', source: `${userdataDir(id)}/${f}`, options: ['bind', 'rprivate'] }))];
}

/** The spec for this request, or podman's refusal (the text after `Error: `). */
export function podmanSpec(req: RunRequest, id: string, image: ImageSpec): SimResult<OciSpec> {
  const files = new Map(image.entries().map((e) => [e.path, e.content ?? '']));
  const accounts = imageAccounts(files.get('/etc/passwd') ?? '', files.get('/etc/group') ?? '');
  const imageConfig = imageDefaults(image);
  const user = req.user ?? imageConfig.user;
  const caps = podmanCapabilities(req, user === '' || user === 'root' || user.split(':')[0] === '0');
  if (!caps.ok) return caps;
  const base = dockerSpec({ ...req, capAdd: [], capDrop: [], seccomp: { type: 'unconfined' }, resources: {} },
    { id, rootfs: `${GRAPH_ROOT}/overlay/${id}/merged`, image: imageConfig, accounts, appArmor: false });
  if (!base.ok) return base;
  const res = resources(req, base.value.linux.resources);
  if (!res.ok) return res;
  const bounding = (caps.value.bounding ?? []).filter(isCapability);
  const linux: OciLinux = {
    namespaces: namespaces(req, id), resources: res.value, cgroupsPath: specCgroupsPath(id),
    sysctl: req.network === 'host' ? {} : { 'net.ipv4.ping_group_range': '0 0' },
  };
  if (req.privileged) linux.devices = base.value.linux.devices ?? [];
  else {
    linux.maskedPaths = [...PODMAN_MASKED_PATHS];
    linux.readonlyPaths = [...PODMAN_READONLY_PATHS];
  }
  if (req.seccomp.type === 'default' && !req.privileged) linux.seccomp = profileToOciSeccomp(PODMAN_DEFAULT_PROFILE, bounding);
  const process = { ...base.value.process, capabilities: caps.value, env: [...base.value.process.env, 'container=podman'] };
  // ociVersion: podman vendors runtime-spec v1.3.0, as moby does (go.mod).
  return ok({ ...base.value, process, mounts: mounts(base.value, id), linux });
}

/**
 * The spec as the lab's runtime (runtime/specContainer.ts) takes it. That
 * runtime runs as root outside any user namespace, so it is handed the
 * rootless maps to make the user namespace (podmanWorld.ts joinRootless
 * then swaps in podman's own); it joins namespaces only by /proc paths, so
 * the network namespace podman made is a new one here (podmanWorld.ts
 * withPasta fills it); and it binds the container's own files itself.
 */
export function runtimeStandIn(spec: OciSpec): OciSpec {
  const namespaces: OciNamespace[] = [{ type: 'user' }, ...spec.linux.namespaces.map((n) => ({ type: n.type }))];
  const mounts = spec.mounts.filter((m) => !(m.source ?? '').startsWith(`${RUN_ROOT}/`));
  return { ...spec, mounts, linux: { ...spec.linux, namespaces, uidMappings: [...ROOTLESS_UID_MAP], gidMappings: [...ROOTLESS_GID_MAP] } };
}
