import type { SeccompProfile } from '../seccomp/profile.ts';
import { syscallByName } from '../syscalls/catalogue.ts';

/**
 * runc puts a stub in front of every seccomp filter it loads: a syscall whose
 * number is above the highest one the profile names (for that architecture)
 * returns ENOSYS instead of the profile's default errno, so that programs
 * newer than the profile fall back as they would on an older kernel
 * (glibc retries clone3 as clone, for example). With Docker's default profile
 * on x86_64 that affects the syscalls added after the profile's newest names.
 * @see runc libcontainer/seccomp/patchbpf/enosys_linux.go (opencontainers/runc PR 2750, "seccomp: prepend -ENOSYS stub to all filters", runc 1.0.0-rc93)
 * @see seccomp/libseccomp PR 457, where a runc maintainer describes the stub (2025)
 */
export function highestNamedSyscall(profile: SeccompProfile): number {
  let max = -1;
  for (const rule of profile.syscalls) {
    for (const name of rule.names) {
      const nr = syscallByName(name)?.number;
      if (nr !== undefined && nr > max) max = nr;
    }
  }
  return max;
}

/** Does runc's stub answer ENOSYS for `name` before the filter runs? */
export function isAboveProfile(name: string, highest: number | null): boolean {
  if (highest === null) return false;
  const nr = syscallByName(name)?.number;
  return nr !== undefined && nr > highest;
}

/**
 * Where runc's stub starts for this profile, or null when runc adds none: it
 * skips the stub when the default action is permissive (allow or log), or
 * when the default errno is already ENOSYS.
 * @see runc libcontainer/seccomp/patchbpf/enosys_linux.go generatePatch
 */
export function runcStubFor(profile: SeccompProfile): number | null {
  if (profile.defaultAction === 'SCMP_ACT_ALLOW' || profile.defaultAction === 'SCMP_ACT_LOG') return null;
  if (profile.defaultErrnoRet === 38) return null;
  return highestNamedSyscall(profile);
}
