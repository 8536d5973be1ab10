import { dockerFlagsToCgroupWrites, type DockerResourceFlags } from '../cgroups/docker.ts';

/** What is wrong with `docker run` resource flags, in Docker's words, or null when they are fine. */
export function checkResources(flags: DockerResourceFlags): string | null {
  const r = dockerFlagsToCgroupWrites(flags);
  return r.ok ? null : r.reason;
}
