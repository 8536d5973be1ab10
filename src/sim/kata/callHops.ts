import type { DispatchOutcome } from '../kernel/dispatch.ts';
import { returnHop } from '../kernel/dispatchResult.ts';
import type { SyscallCall } from '../syscalls/args.ts';
import type { Hop } from '../trace.ts';
import { KATA_COST } from './costs.ts';
import { GUEST_LAYER_OF } from './layers.ts';
import type { KataSettings } from './options.ts';

/**
 * The hops of a call's trip into the guest kernel and back. The kernel's own
 * hops come from the lab's Linux model run on the guest world; here they get
 * the guest's layer ids, and the seccomp step says why there is no filter.
 */
export function guestEntryHop(call: SyscallCall): Hop {
  return {
    layer: 'guest-syscall', state: 'guestEntry', verdict: 'pass', costNs: KATA_COST.guestSyscall.ns, source: KATA_COST.guestSyscall.source,
    note: `The CPU enters the guest kernel at its entry_SYSCALL_64 for ${call.name}: inside the VM, so no VM exit, and the host kernel never sees this syscall`,
  };
}

const NO_GUEST_FILTER = "Kata's default disable_guest_seccomp = true: the shim dropped the container's seccomp profile from the OCI spec, so the guest kernel has no filter to run (the VM is the boundary)";

/**
 * The lab's kernel model words its notes for the host kernel ("process 4201
 * on the host"); in a Kata VM the kernel that answers is the guest's, so
 * its notes say so.
 */
const GUEST_WORDS: ReadonlyArray<[RegExp, string]> = [
  [/the host knows it as/g, "the guest's initial pid namespace knows it as"],
  [/ on the host\b/g, " in the guest's initial pid namespace"],
  [/the host kernel/g, 'the guest kernel'],
  [/the host's/g, "the guest's"],
  [/\bthe host\b/g, 'the guest'],
];

function rootfsNote(note: string, settings: KataSettings): string {
  if (!note.includes('on overlay mounted at /')) return note;
  const what = settings.transport === 'virtio-blk' ? 'ext4 on the devmapper snapshot, a virtio-blk drive' : `the host's overlay shared over ${settings.transport}`;
  return `${note} (in the guest this rootfs is ${what}; the lab keeps runc's mount table)`;
}

/** A hop of the guest kernel's dispatch, with the guest's layer id and words; null drops it. */
export function relabelGuestHop(hop: Hop, settings: KataSettings): Hop | null {
  const layer = GUEST_LAYER_OF[hop.layer] ?? hop.layer;
  if (hop.state === 'seccomp' && !settings.guestSeccomp) return { ...hop, layer, note: NO_GUEST_FILTER };
  const note = GUEST_WORDS.reduce((n, [from, to]) => n.replace(from, to), rootfsNote(hop.note, settings));
  return { ...hop, layer, note };
}

/** sysret inside the VM. */
export function guestReturnHop(outcome: DispatchOutcome | null): Hop {
  const hop = returnHop(outcome);
  return { ...hop, layer: 'guest-syscall', note: `In the guest: ${hop.note}` };
}

/** The sandbox ended with the server its filter killed. */
export function sandboxDiedHop(fatal: string): Hop {
  return { layer: 'guest-kernel', state: 'sandboxDied', verdict: 'deny', note: `The call never completes: ${fatal}`, costNs: 0, source: 'estimate' };
}

/** The layer a guest kernel phase denial belongs to. */
export function guestDeniedBy(phase: string | null): string | null {
  return phase === null ? null : (GUEST_LAYER_OF[phase] ?? phase);
}
