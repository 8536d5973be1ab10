import type { InstalledFilter } from '../kernel/seccompGate.ts';
import { LINUX_LAYERS } from './linuxLayers.ts';
import { linuxClassifier } from './staticVerdicts.ts';
import type { RuntimeModel, SurfaceRow } from './types.ts';

/**
 * A runtime whose calls land in the host's Linux kernel (host, runc): the
 * kernel's layers, and verdicts decided by the process's seccomp filter (or
 * none) and the kernel's syscall table. The verdict table is built once, on first use.
 */
export function linuxRuntime(spec: Pick<RuntimeModel, 'id' | 'label' | 'summary' | 'boot'>, filter: InstalledFilter | null, processLabel: string): RuntimeModel {
  const { classify, argDependent, verdicts } = linuxClassifier(filter);
  // The workload's own syscalls are host syscalls: what its filter lets through (allowed, or allowed for some
  // arguments) reaches the host kernel's syscall table — even a number whose entry is sys_ni_syscall.
  const surface = (): SurfaceRow[] => verdicts()
    .filter((v) => v.verdict !== 'deny' || v.handledBy === 'kernel')
    .map((v) => ({ number: v.number, name: v.name, processes: [processLabel], argFiltered: v.verdict === 'conditional' }));
  return { ...spec, layers: LINUX_LAYERS, options: [], servedBy: 'host', classify, argDependent, verdicts: () => verdicts(), surface };
}
