import type { DispatchOutcome } from '../kernel/dispatch.ts';
import { returnHop } from '../kernel/dispatchResult.ts';
import type { DeviceIo } from '../firecracker/deviceIo.ts';
import type { SyscallCall } from '../syscalls/args.ts';
import type { Hop } from '../trace.ts';
import { LIGHTVM_COST } from './costs.ts';

/**
 * The hops of a call's trip under LightVM, one per machine state. I/O leaves
 * a guest through Xen's split drivers: the frontend puts a request on a ring
 * in a page granted to Dom0 and sends an event (EVTCHNOP_send, a hypercall);
 * Xen marks it pending for Dom0; the backend in Dom0's kernel does the work.
 * @see https://github.com/sysml/mini-os/blob/4f67232d5d2ef4a1c2f40c3193c7097e1140a6cb/netfront.c (gnttab_grant_access, RING_PUSH_REQUESTS_AND_CHECK_NOTIFY, notify_remote_via_evtchn)
 * @see https://github.com/sysml/mini-os/blob/4f67232d5d2ef4a1c2f40c3193c7097e1140a6cb/console/xencons_ring.c (console ring + notify_daemon)
 * @see https://wiki.xenproject.org/wiki/BackendDriver and https://wiki.xenproject.org/wiki/Frontend_Driver (split drivers, backends in Dom0)
 */
export type XenIo = DeviceIo | { type: 'console' } | { type: 'mmu' };

const FIGURES_NOTE = "LightVM's own published figures are boot times from its paper's abstract only";
const ABSTRACT_NOTE = `the path follows Xen's split-driver design; ${FIGURES_NOTE}`;

const DEVICE: Record<XenIo['type'], string> = { 'blk-read': 'blkfront', 'blk-flush': 'blkfront', 'net-tx': 'netfront', console: 'the console frontend', mmu: 'Mini-OS' };
const BACKEND: Record<XenIo['type'], string> = { 'blk-read': 'blkback', 'blk-flush': 'blkback', 'net-tx': 'netback', console: 'the console backend', mmu: 'Xen' };

export function miniOsHop(note: string, work: boolean): Hop {
  const cost = work ? LIGHTVM_COST.miniOsWork : LIGHTVM_COST.miniOsTrivial;
  return { layer: 'minios', state: 'miniOs', verdict: 'handled', costNs: cost.ns, source: cost.source, note: `Mini-OS, a function call in the same address space (no trap, no privilege change): ${note}` };
}

export function unikernelLibcHop(call: SyscallCall): Hop {
  return { layer: 'libc', state: 'libc', verdict: 'pass', costNs: LIGHTVM_COST.functionCall.ns, source: LIGHTVM_COST.functionCall.source, note: `newlib and Mini-OS are linked into the application: ${call.name}() is a plain function call, with no syscall instruction` };
}

export function pvEntryHop(call: SyscallCall): Hop {
  return {
    layer: 'guest-syscall', state: 'guestEntry', verdict: 'pass', costNs: LIGHTVM_COST.pvSyscall.ns, source: LIGHTVM_COST.pvSyscall.source,
    note: `The syscall instruction for ${call.name} lands in Xen (a 64-bit PV guest's kernel shares ring 3 with its user space), which switches to the guest kernel's page tables and bounces the call to it`,
  };
}

export function frontendHop(io: XenIo): Hop {
  const what = io.type === 'blk-read' ? `a read of ${io.path} (not in the page cache)` : io.type === 'blk-flush' ? `a flush for ${io.path}` : io.type === 'net-tx' ? `a ${io.bytes}-byte packet` : 'the bytes';
  return { layer: 'frontend', state: 'frontend', verdict: 'forwarded', costNs: LIGHTVM_COST.ringRequest.ns, source: LIGHTVM_COST.ringRequest.source, note: `${DEVICE[io.type]} puts ${what} on its shared ring, in a page granted to Dom0` };
}

export function hypercallHop(io: XenIo): Hop {
  if (io.type === 'mmu') return { layer: 'hypercall', state: 'hypercall', verdict: 'forwarded', costNs: LIGHTVM_COST.hypercall.ns, source: LIGHTVM_COST.hypercall.source, note: 'A PV guest cannot write its own page tables: HYPERVISOR_mmu_update asks Xen to map the new pages' };
  return { layer: 'hypercall', state: 'hypercall', verdict: 'forwarded', costNs: LIGHTVM_COST.hypercall.ns, source: LIGHTVM_COST.hypercall.source, note: `${DEVICE[io.type]} notifies the backend: HYPERVISOR_event_channel_op(EVTCHNOP_send) on the device's event channel` };
}

export function xenHop(io: XenIo): Hop {
  if (io.type === 'mmu') return { layer: 'xen', state: 'xen', verdict: 'handled', costNs: LIGHTVM_COST.mmuUpdate.ns, source: LIGHTVM_COST.mmuUpdate.source, note: `Xen checks that the frames belong to the domain and writes the page-table entries (Xen's PV memory interface; ${FIGURES_NOTE})` };
  return { layer: 'xen', state: 'xen', verdict: 'forwarded', costNs: LIGHTVM_COST.upcall.ns, source: LIGHTVM_COST.upcall.source, note: `Xen marks the event pending for Dom0 and upcalls its kernel (${ABSTRACT_NOTE})` };
}

export function backendHop(io: XenIo): Hop {
  const cost = io.type === 'net-tx' ? LIGHTVM_COST.netback : LIGHTVM_COST.blkback;
  const what = io.type === 'net-tx' ? "copies the packet out of the guest's granted page (grant copy) onto the guest's vif in Dom0" : "maps the guest's granted pages and submits the request to the backing device (xendevd sets up a file-backed disk as a loop device)";
  return { layer: 'backend', state: 'backend', verdict: 'handled', costNs: cost.ns, source: cost.source, note: `${BACKEND[io.type]} in Dom0's kernel ${what}: no user-space process and no seccomp filter on the way` };
}

export function dom0KernelHop(io: XenIo): Hop {
  const cost = io.type === 'blk-flush' ? { ns: 50000, source: 'estimate' } : LIGHTVM_COST.dom0Read;
  const what = io.type === 'blk-flush' ? 'flushes the backing file to disk (tens of µs on an SSD, estimate)' : 'reads the sectors from the backing file through the loop device';
  return { layer: 'host-kernel', state: 'dom0Kernel', verdict: 'handled', costNs: cost.ns, source: cost.source, hostEntry: io.type === 'blk-flush' ? 'vfs_fsync_range' : 'lo_read_simple', note: `Dom0's Linux kernel ${what}` };
}

export function consoleBackendHop(): Hop {
  return { layer: 'console-backend', state: 'consoleBackend', verdict: 'handled', costNs: 0, source: 'estimate', note: "Later, and not on this call's clock: Dom0's console backend (xenconsoled in standard Xen) drains the ring to the terminal; the lab does not model its host syscalls" };
}

export function eventToGuestHop(io: XenIo): Hop {
  return { layer: 'xen', state: 'eventToGuest', verdict: 'forwarded', costNs: LIGHTVM_COST.upcall.ns, source: LIGHTVM_COST.upcall.source, note: `${BACKEND[io.type]} puts the response on the ring and sends an event; Xen upcalls the guest kernel` };
}

export function guestCompleteHop(io: XenIo): Hop {
  return { layer: 'guest-kernel', state: 'guestComplete', verdict: 'handled', costNs: LIGHTVM_COST.guestComplete.ns, source: LIGHTVM_COST.guestComplete.source, note: `The guest's ${DEVICE[io.type]} event handler takes the response off the ring and wakes the waiting call` };
}

export function unikernelReturnHop(outcome: DispatchOutcome | null): Hop {
  const value = outcome?.errno ? `-1 with errno ${outcome.errno}` : String(outcome?.retval ?? 0);
  return { layer: 'minios', state: 'returning', verdict: outcome?.errno ? 'deny' : 'pass', costNs: 0, source: 'estimate', note: `Mini-OS's function returns ${value} to the application: an ordinary return` };
}

export function tinyxReturnHop(outcome: DispatchOutcome | null): Hop {
  const hop = returnHop(outcome);
  const value = outcome?.errno ? `-${outcome.errno}` : String(outcome?.retval ?? 0);
  return { ...hop, layer: 'guest-syscall', note: `The guest kernel returns ${value} to user space through Xen (HYPERVISOR_iret): a 64-bit PV kernel cannot sysret by itself` };
}

/** The Tinyx kernel's own hops (the lab's Linux model run on the guest world), all drawn as the guest kernel. */
export function tinyxKernelHop(hop: Hop): Hop {
  return { ...hop, layer: 'guest-kernel', note: `In the guest: ${hop.note}` };
}
