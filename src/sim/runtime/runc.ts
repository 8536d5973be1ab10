import { bootHost } from '../kernel/boot.ts';
import { DOCKER_DEFAULT_FILTER } from './dockerFilter.ts';
import { linuxRuntime } from './linuxRuntime.ts';
import { createRuncContainer } from './runcContainer.ts';

/** A default `docker run -it debian:bookworm-slim sh`: runc on the host kernel. */
export const RUNC = linuxRuntime({
  id: 'runc',
  label: 'runc (Docker default)',
  summary: "a default docker run container: its own namespaces (not user), Docker's 14 capabilities, Docker's seccomp profile, masked paths, a cgroup",
  boot: (options) => {
    const { world, pid } = createRuncContainer(bootHost(), { hostname: options?.hostname, resources: options?.resources });
    return { runtime: 'runc', world, pid, options: {} };
  },
}, DOCKER_DEFAULT_FILTER, 'the container process (Docker\'s seccomp profile)');
