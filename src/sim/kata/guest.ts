import { bootHost } from '../kernel/boot.ts';
import type { InstalledFilter } from '../kernel/seccompGate.ts';
import type { KernelIdentity, World } from '../kernel/world.ts';
import { DOCKER_DEFAULT_FILTER } from '../runtime/dockerFilter.ts';
import { createRuncContainer } from '../runtime/runcContainer.ts';
import type { BootOptions } from '../runtime/types.ts';
import type { KataSettings } from './options.ts';

/**
 * Kata's guest kernel: versions.yaml pins assets.kernel.version v6.18.35 at
 * 7c6ba40c (kata_config_version 202), and the x86_64 configs set no
 * CONFIG_LOCALVERSION, so uname -r is the plain release. The build string
 * (uname -v) depends on the build; the lab keeps only its SMP mark.
 * @see https://github.com/kata-containers/kata-containers/blob/7c6ba40c54ea29b459b4997cff948caaba4e658b/versions.yaml
 * @see https://github.com/kata-containers/kata-containers/blob/7c6ba40c54ea29b459b4997cff948caaba4e658b/tools/packaging/kernel/kata_config_version
 */
export const GUEST_KERNEL: KernelIdentity = { release: '6.18.35', version: '#1 SMP' };

/**
 * The container's OCI profile (Docker's default) as kata-agent installs it
 * when disable_guest_seccomp = false. The agent builds the filter with
 * libseccomp itself (rustjail/src/seccomp.rs), skipping names libseccomp does
 * not know; it has no runc-style ENOSYS stub, so a syscall the profile does
 * not name gets the profile's default action (EPERM).
 * @see https://github.com/kata-containers/kata-containers/blob/7c6ba40c54ea29b459b4997cff948caaba4e658b/src/agent/rustjail/src/seccomp.rs
 */
export const GUEST_OCI_FILTER: InstalledFilter = {
  ...DOCKER_DEFAULT_FILTER,
  label: "the container's OCI seccomp profile (Docker's default), installed in the guest by kata-agent",
  enosysAbove: null,
};

/**
 * `docker run --runtime io.containerd.kata.v2 -it debian:bookworm-slim sh`,
 * as the guest kernel sees it: the container's init in its own namespaces
 * and cgroup with Docker's 14 capabilities (the OCI spec the shim hands the
 * agent), its rootfs, and the guest kernel's uname. The lab builds it with
 * runc's container setup (rustjail follows the same OCI steps) and then makes
 * the kernel the guest's. Simplified: the processes outside the container's
 * pid namespace are the lab's host image's, not the guest's systemd and
 * kata-agent, and the rootfs keeps runc's overlay mount (a Kata guest shows
 * virtiofs, or the block device's ext4 on Firecracker).
 */
export function bootGuest(settings: KataSettings, boot?: BootOptions): { world: World; pid: number } {
  const { world, pid } = createRuncContainer(bootHost(), { hostname: boot?.hostname, resources: boot?.resources, ...(boot?.container ? { blueprint: boot.container } : {}) });
  const proc = world.procs[pid];
  if (!proc) throw new Error('the guest has no container init');
  // The spec's filter, which kata-agent applies in the guest only when guest seccomp is on.
  const specFilter = proc.seccomp.profile ? world.seccompProfiles[proc.seccomp.profile] : undefined;
  const ociFilter = boot?.container ? (specFilter ? { ...specFilter, label: `the container's OCI seccomp profile (${specFilter.label}), applied by kata-agent in the guest` } : undefined) : GUEST_OCI_FILTER;
  const on = settings.guestSeccomp && ociFilter !== undefined;
  const seccomp = on ? { mode: 'filter' as const, profile: 'oci' } : { mode: 'disabled' as const, profile: null };
  const profiles = Object.fromEntries(Object.entries(world.seccompProfiles).filter(([key]) => key !== proc.seccomp.profile));
  return {
    world: {
      ...world,
      kernel: GUEST_KERNEL,
      procs: { ...world.procs, [pid]: { ...proc, seccomp } },
      seccompProfiles: on && ociFilter ? { ...profiles, oci: ociFilter } : profiles,
    },
    pid,
  };
}
