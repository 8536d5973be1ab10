import type { Capability } from '../kernel/capabilities.ts';
import { fail, ok, type SimResult } from '../result.ts';
import { DOCKER_DEFAULT_PROFILE } from '../seccomp/dockerDefaultProfile.ts';
import type { KernelVersion, SeccompProfile } from '../seccomp/profile.ts';
import type { RunRequest } from '../stack/runRequest.ts';
import { DOCKER_MASKED_PATHS, DOCKER_READONLY_PATHS } from '../vfs/dockerDefaults.ts';
import { HOST_HOSTNAME, HOST_KERNEL_VERSION } from '../vfs/images/hostRoot.ts';
import { dockerCapabilities } from './dockerCaps.ts';
import { dockerMounts, DOCKER_SHM_SIZE } from './dockerMounts.ts';
import { dockerProcess, type ImageConfig } from './dockerProcess.ts';
import { dockerResources, hostDevices } from './dockerResources.ts';
import type { ImageAccounts } from './dockerUser.ts';
import type { OciLinux, OciNamespace, OciSeccomp, OciSpec } from './spec.ts';
import { profileToOciSeccomp } from './specSeccomp.ts';

/**
 * The config.json dockerd (moby) gives containerd, and containerd gives runc,
 * for one `docker run`: moby's default spec with each of createSpec's options
 * applied. What the lab's host is (Debian 12 on the lab's 7.0 kernel, cgroup
 * v2 with the systemd driver, AppArmor on, no userns-remap, no --init) is
 * taken as settled; the context below says the rest.
 * @see moby/moby daemon/oci_linux.go createSpec and the With* options it applies
 */

/** The runtime-spec version moby's vendored specs-go writes (github.com/opencontainers/runtime-spec v1.3.0 in moby's go.mod). */
export const OCI_VERSION = '1.3.0';

export interface DockerSpecContext {
  /** The container id, 64 hex digits. */
  id: string;
  /** Where dockerd mounted the container's root (overlay2: `/var/lib/docker/overlay2/<layer>/merged`); it becomes root.path. */
  rootfs: string;
  /** The image's config: Env, Cmd, Entrypoint, User, WorkingDir. */
  image: ImageConfig;
  /** The image's /etc/passwd and /etc/group (see imageAccounts in dockerUser.ts). */
  accounts: ImageAccounts;
  /** The parsed profile for `--security-opt seccomp=FILE` (the CLI reads the file and sends its JSON). */
  seccompProfile?: SeccompProfile;
  /** The host's hostname, which `--network host` takes (default: the lab host's). */
  hostHostname?: string;
  /** The host kernel's version: the profile's minKernel rules, the time namespace (5.6+). Default: the lab's 7.0. */
  kernel?: KernelVersion;
  hostCpus?: number;
  /** Default true: the host has AppArmor, so the container gets docker-default (unconfined when privileged). */
  appArmor?: boolean;
  /** Default true: read-only binds are `rro` (kernel 5.12+, runc lists rro in its features). */
  recursiveReadOnly?: boolean;
  /** Default true: the cgroup has memory.swap.max, so `--memory M` also sets swap to 2×M. */
  swapLimit?: boolean;
}

/**
 * The namespaces: moby's default list (mount, network, time, uts, pid, ipc)
 * with the time namespace dropped on kernels older than 5.6, then a cgroup
 * namespace, private by default on cgroup v2. `--network host` and
 * `--pid host` remove theirs; `--network none` keeps a network namespace with
 * only lo. The lab's dockerd runs without userns-remap, so there is never a
 * user namespace, `--userns host` or not.
 * @see moby/moby daemon/pkg/oci/defaults.go DefaultLinuxSpec; daemon/oci_linux.go WithNamespaces
 * @see moby/moby commit d5370d34 "use private time-namespace for containers on supported kernels" (April 2026)
 */
function namespaces(req: RunRequest, kernel: KernelVersion): OciNamespace[] {
  const timeNs = kernel[0] > 5 || (kernel[0] === 5 && kernel[1] >= 6);
  const types: OciNamespace['type'][] = ['mount', 'network', 'time', 'uts', 'pid', 'ipc', 'cgroup'];
  const dropped = (t: OciNamespace['type']) => (t === 'network' && req.network === 'host') || (t === 'pid' && req.pid === 'host') || (t === 'time' && !timeNs);
  return types.filter((t) => !dropped(t)).map((type) => ({ type }));
}

/**
 * WithSeccomp: none for `seccomp=unconfined`, nor for a privileged container
 * unless a profile file is given; otherwise the default or given profile
 * converted for this container's capabilities.
 * @see moby/moby daemon/seccomp_linux.go WithSeccomp
 */
function seccomp(req: RunRequest, caps: readonly Capability[], ctx: DockerSpecContext): SimResult<OciSeccomp | undefined> {
  const s = req.seccomp;
  if (s.type === 'unconfined' || (req.privileged && s.type === 'default')) return ok(undefined);
  if (s.type === 'profile' && !ctx.seccompProfile) return fail('EINVAL', `opening seccomp profile (${s.path}) failed: the lab was given no parsed profile for it`);
  const profile = s.type === 'profile' && ctx.seccompProfile ? ctx.seccompProfile : DOCKER_DEFAULT_PROFILE;
  const oci = profileToOciSeccomp(profile, caps, 'amd64', ctx.kernel ?? HOST_KERNEL_VERSION);
  const big = (oci.syscalls ?? []).flatMap((r) => r.args ?? []).find((a) => !Number.isSafeInteger(a.value) || !Number.isSafeInteger(a.valueTwo ?? 0));
  if (big) return fail('EINVAL', `the seccomp profile compares an argument with ${big.value}, above 2^53, which the lab cannot hold exactly`);
  return ok(oci);
}

/** Sysctls moby sets when the container has its own network namespace. */
function sysctls(req: RunRequest): Record<string, string> {
  if (req.network === 'host') return {};
  return { 'net.ipv4.ip_unprivileged_port_start': '0', 'net.ipv4.ping_group_range': '0 2147483647' };
}

/**
 * The spec for one `docker run`, or the first error in the order a person
 * meets them: the CLI's flag errors, the daemon's at create (capabilities,
 * no command, limits out of range), then at start (the user lookup).
 */
export function dockerSpec(req: RunRequest, ctx: DockerSpecContext): SimResult<OciSpec> {
  const resources = dockerResources(req.resources, {
    privileged: req.privileged, swapLimit: ctx.swapLimit ?? true, ...(ctx.hostCpus === undefined ? {} : { hostCpus: ctx.hostCpus }),
  });
  if (!resources.ok) return resources;
  const caps = dockerCapabilities(req);
  if (!caps.ok) return caps;
  const hostname = req.hostname ?? (req.network === 'host' ? (ctx.hostHostname ?? HOST_HOSTNAME) : ctx.id.slice(0, 12));
  const process = dockerProcess(req, ctx, caps.value, hostname);
  if (!process.ok) return process;
  const filter = seccomp(req, caps.value, ctx);
  if (!filter.ok) return filter;
  const linux: OciLinux = {
    sysctl: sysctls(req), resources: resources.value, cgroupsPath: `system.slice:docker:${ctx.id}`, namespaces: namespaces(req, ctx.kernel ?? HOST_KERNEL_VERSION),
  };
  if (req.privileged) linux.devices = hostDevices();
  if (filter.value) linux.seccomp = filter.value;
  if (!req.privileged) {
    linux.maskedPaths = [...DOCKER_MASKED_PATHS];
    linux.readonlyPaths = [...DOCKER_READONLY_PATHS];
  }
  const mounts = dockerMounts(ctx.id, req.volumes.map((v) => ({ source: v.host, destination: v.container, writable: !v.readOnly })), {
    readOnlyRoot: req.readOnly, privileged: req.privileged, recursiveReadOnly: ctx.recursiveReadOnly ?? true, shmSize: DOCKER_SHM_SIZE,
  });
  return ok({
    ociVersion: OCI_VERSION, process: process.value, root: { path: ctx.rootfs, readonly: req.readOnly },
    hostname, mounts, linux,
  });
}

