import { DOCKER_DEFAULT_CAPS } from '../kernel/capabilities.ts';
import { highestNamedSyscall } from '../kernel/enosysStub.ts';
import type { InstalledFilter } from '../kernel/seccompGate.ts';
import { DOCKER_DEFAULT_PROFILE } from '../seccomp/dockerDefaultProfile.ts';

/** Docker's default seccomp filter as runc installs it for a default container: compiled for Docker's 14 capabilities, with runc's ENOSYS stub. */
export const DOCKER_DEFAULT_FILTER: InstalledFilter = {
  label: "Docker's default profile",
  profile: DOCKER_DEFAULT_PROFILE,
  caps: DOCKER_DEFAULT_CAPS,
  enosysAbove: highestNamedSyscall(DOCKER_DEFAULT_PROFILE),
};
