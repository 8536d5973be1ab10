import { bootHost } from '../kernel/boot.ts';
import type { InstalledFilter } from '../kernel/seccompGate.ts';
import type { KernelIdentity, World } from '../kernel/world.ts';
import { DOCKER_DEFAULT_FILTER } from '../runtime/dockerFilter.ts';
import { createRuncContainer } from '../runtime/runcContainer.ts';
import type { BootOptions, RuntimeOptions } from '../runtime/types.ts';

/**
 * What uname(2) says inside gVisor: a 4.x release with a "-gvisor" suffix (high
 * enough for glibc's ABI-tag check), and a fixed build string.
 * @see https://github.com/google/gvisor/blob/master/pkg/sentry/kernel/version/version.go
 */
export const SENTRY_KERNEL: KernelIdentity = { release: '4.19.0-gvisor', version: '#1 SMP Sun Jan 10 15:06:54 PST 2016' };

/**
 * The container's OCI profile (Docker's default) as the Sentry enforces it
 * with --oci-seccomp. runc's ENOSYS stub is runc's own; the Sentry compiles
 * the profile itself, so a syscall the profile does not name gets the
 * profile's default action.
 * @see https://gvisor.dev/docs/user_guide/compatibility/ (runsc flag --oci-seccomp)
 */
export const SENTRY_OCI_FILTER: InstalledFilter = {
  ...DOCKER_DEFAULT_FILTER,
  label: "the container's OCI seccomp profile (Docker's default), enforced by the Sentry",
  enosysAbove: null,
};

/**
 * `docker run --runtime=runsc -it debian:bookworm-slim sh`, as the Sentry's
 * kernel sees it: the container's init in its own namespaces with Docker's
 * 14 capabilities, its rootfs, its cgroup. The lab builds it with the same
 * container setup as runc's and then makes the kernel the Sentry: its uname,
 * and no seccomp filter on the app unless --oci-seccomp asks the Sentry to
 * apply the OCI profile (runsc ignores the spec's profile by default: the
 * sandbox itself is the boundary).
 */
export function bootSentry(options: RuntimeOptions, boot?: BootOptions): { world: World; pid: number } {
  const bp = boot?.container;
  const { world, pid } = createRuncContainer(bootHost(), { hostname: boot?.hostname, resources: boot?.resources, ...(bp ? { blueprint: bp } : {}) });
  const proc = world.procs[pid];
  if (!proc) throw new Error('the sandbox has no init');
  // The spec's filter (Docker's default, or the one `docker run` asked for): runsc applies it only with --oci-seccomp.
  const specFilter = proc.seccomp.profile ? world.seccompProfiles[proc.seccomp.profile] : undefined;
  const ociFilter: InstalledFilter | undefined = bp ? (specFilter ? { ...specFilter, label: `the container's OCI seccomp profile (${specFilter.label}), enforced by the Sentry`, enosysAbove: null } : undefined) : SENTRY_OCI_FILTER;
  const oci = options['oci-seccomp'] === 'on' && ociFilter !== undefined;
  const seccomp = oci ? { mode: 'filter' as const, profile: 'oci' } : { mode: 'disabled' as const, profile: null };
  const profiles = Object.fromEntries(Object.entries(world.seccompProfiles).filter(([key]) => key !== proc.seccomp.profile));
  return {
    world: {
      ...world,
      kernel: SENTRY_KERNEL,
      procs: { ...world.procs, [pid]: { ...proc, seccomp } },
      seccompProfiles: oci && ociFilter ? { ...profiles, oci: ociFilter } : profiles,
    },
    pid,
  };
}
