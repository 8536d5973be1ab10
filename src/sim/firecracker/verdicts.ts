import type { InstalledFilter } from '../kernel/seccompGate.ts';
import { linuxClassifier } from '../runtime/staticVerdicts.ts';
import type { StaticClassifier, StaticOutcome, SyscallVerdict } from '../trace.ts';
import type { GuestLacks } from './guestKernel.ts';

/**
 * How a guest Linux kernel treats each syscall taken alone: a seccomp filter
 * inside the guest decides first (when there is one), then the guest
 * kernel's table — ENOSYS for what that kernel lacks (compiled out, or newer
 * than it). The host never sees these calls, so the host's filter and
 * kernel play no part. Layers are named as the guest's.
 */
export interface GuestLayers { seccomp: string; kernel: string }

export const GUEST_LAYERS: GuestLayers = { seccomp: 'guest-seccomp', kernel: 'guest-kernel' };

export function guestClassifier(filter: InstalledFilter | null, lacks: GuestLacks, layers: GuestLayers = GUEST_LAYERS): {
  classify: StaticClassifier; argDependent: (name: string) => boolean; verdicts: () => SyscallVerdict[];
} {
  const linux = linuxClassifier(filter);
  const relayer = (layer: string) => (layer === 'seccomp' ? layers.seccomp : layers.kernel);
  let list: SyscallVerdict[] | undefined;
  const verdicts = () => (list ??= linux.verdicts().map((v) => {
    const missing = lacks(v.name);
    if (missing && !(v.verdict === 'deny' && v.handledBy === 'seccomp')) return { ...v, verdict: 'deny' as const, errno: 'ENOSYS' as const, handledBy: layers.kernel };
    return { ...v, handledBy: relayer(v.handledBy) };
  }));
  const classify: StaticClassifier = (name, args) => {
    const out = linux.classify(name, args);
    const missing = lacks(name);
    const deniedByFilter = !out.allowed && out.layer === 'seccomp';
    if (missing && !deniedByFilter) return { allowed: false, errno: 'ENOSYS', layer: layers.kernel, reason: `the guest kernel returns ENOSYS: ${missing}` } satisfies StaticOutcome;
    return { ...out, layer: relayer(out.layer) };
  };
  return { classify, argDependent: linux.argDependent, verdicts };
}
