import { bootHost } from '../kernel/boot.ts';
import { DOCKER_DEFAULT_FILTER } from './dockerFilter.ts';
import { LINUX_LAYERS } from './linuxLayers.ts';
import { createRuncContainer } from './runcContainer.ts';
import { linuxClassifier, linuxVerdicts } from './staticVerdicts.ts';
import type { RuntimeModel } from './types.ts';

const classifier = linuxClassifier(DOCKER_DEFAULT_FILTER);
let verdicts: ReturnType<typeof linuxVerdicts> | undefined;

/** A default `docker run -it debian:bookworm-slim sh`: runc on the host kernel. */
export const RUNC: RuntimeModel = {
  id: 'runc',
  label: 'runc (Docker default)',
  summary: "a default docker run container: its own namespaces (not user), Docker's 14 capabilities, Docker's seccomp profile, masked paths, a cgroup",
  layers: LINUX_LAYERS,
  boot: (options) => {
    const { world, pid } = createRuncContainer(bootHost(), { hostname: options?.hostname, resources: options?.resources });
    return { runtime: 'runc', world, pid };
  },
  classify: classifier.classify,
  argDependent: classifier.argDependent,
  verdicts: () => (verdicts ??= linuxVerdicts(DOCKER_DEFAULT_FILTER)),
};
