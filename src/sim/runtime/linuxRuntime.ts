import type { InstalledFilter } from '../kernel/seccompGate.ts';
import type { SyscallVerdict } from '../trace.ts';
import { LINUX_LAYERS } from './linuxLayers.ts';
import { linuxClassifier, linuxVerdicts } from './staticVerdicts.ts';
import type { RuntimeModel } from './types.ts';

/**
 * A runtime whose calls land in the host's Linux kernel (host, runc): the
 * kernel's layers, and verdicts decided by the process's seccomp filter (or
 * none) and the kernel's syscall table. The verdict table is built once.
 */
export function linuxRuntime(spec: Pick<RuntimeModel, 'id' | 'label' | 'summary' | 'boot'>, filter: InstalledFilter | null): RuntimeModel {
  const classifier = linuxClassifier(filter);
  let verdicts: SyscallVerdict[] | undefined;
  return {
    ...spec,
    layers: LINUX_LAYERS,
    classify: classifier.classify,
    argDependent: classifier.argDependent,
    verdicts: () => (verdicts ??= linuxVerdicts(filter)),
  };
}
