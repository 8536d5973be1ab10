import type { InstalledFilter } from '../kernel/seccompGate.ts';
import { LINUX_LAYERS } from './linuxLayers.ts';
import { linuxClassifier } from './staticVerdicts.ts';
import type { RuntimeModel } from './types.ts';

/**
 * A runtime whose calls land in the host's Linux kernel (host, runc): the
 * kernel's layers, and verdicts decided by the process's seccomp filter (or
 * none) and the kernel's syscall table. The verdict table is built once, on first use.
 */
export function linuxRuntime(spec: Pick<RuntimeModel, 'id' | 'label' | 'summary' | 'boot'>, filter: InstalledFilter | null): RuntimeModel {
  const { classify, argDependent, verdicts } = linuxClassifier(filter);
  return { ...spec, layers: LINUX_LAYERS, classify, argDependent, verdicts };
}
