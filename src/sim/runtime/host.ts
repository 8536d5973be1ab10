import { bootHost, HOST_SHELL_PID } from '../kernel/boot.ts';
import { LINUX_LAYERS } from './linuxLayers.ts';
import { linuxClassifier, linuxVerdicts } from './staticVerdicts.ts';
import type { RuntimeModel } from './types.ts';

const classifier = linuxClassifier(null);
let verdicts: ReturnType<typeof linuxVerdicts> | undefined;

/** A root shell on the host: the initial namespaces, every capability, no seccomp filter. */
export const HOST: RuntimeModel = {
  id: 'host',
  label: 'Host (no isolation)',
  summary: 'a root shell on the host: the initial namespaces, every capability, no seccomp filter',
  layers: LINUX_LAYERS,
  boot: () => ({ runtime: 'host', world: bootHost(), pid: HOST_SHELL_PID }),
  classify: classifier.classify,
  argDependent: classifier.argDependent,
  verdicts: () => (verdicts ??= linuxVerdicts(null)),
};
