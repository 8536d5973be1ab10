import { linuxClassifier } from '../runtime/staticVerdicts.ts';
import type { RuntimeOptions } from '../runtime/types.ts';
import type { StaticClassifier, SyscallVerdict } from '../trace.ts';
import { GUEST_OCI_FILTER } from './guest.ts';
import { GUEST_LAYER_OF } from './layers.ts';
import { kataSettings } from './options.ts';

/**
 * How Kata treats each syscall taken alone: the guest kernel answers it, a
 * full Linux, so with guest seccomp off (Kata's default) every syscall runs
 * unless Linux has no entry point for it (ENOSYS, as on the host). With
 * guest-seccomp on, kata-agent's copy of the OCI profile decides first, as
 * Docker's profile does under runc — less runc's ENOSYS stub, which the
 * agent does not add. Either way no verdict is the host kernel's.
 */
const OFF = linuxClassifier(null);
const ON = linuxClassifier(GUEST_OCI_FILTER);

const guestLayer = (layer: string): string => GUEST_LAYER_OF[layer] ?? layer;

function relabelled(rows: SyscallVerdict[]): SyscallVerdict[] {
  return rows.map((v) => ({ ...v, handledBy: guestLayer(v.handledBy) }));
}

export function kataVerdicts(options: RuntimeOptions = {}): SyscallVerdict[] {
  return relabelled(kataSettings(options).guestSeccomp ? ON.verdicts() : OFF.verdicts());
}

/** The replay classifier with Kata's defaults (guest seccomp off): the guest kernel's table alone. */
export const kataClassify: StaticClassifier = (name, args) => {
  const out = OFF.classify(name, args);
  return { ...out, layer: guestLayer(out.layer), reason: `in the guest: ${out.reason}` };
};

export const kataArgDependent = (name: string): boolean => OFF.argDependent(name);
