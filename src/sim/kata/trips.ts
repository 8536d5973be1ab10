import type { Cost } from '../kernel/costs.ts';
import { hostSyscall, type HelperProcess } from '../hostcalls/helperProcess.ts';
import type { Hop } from '../trace.ts';
import { KATA_COST } from './costs.ts';
import type { Backend } from './processes.ts';

/**
 * One request that leaves the VM, as data: what the guest puts on a
 * virtqueue, the notify that exits the VM, who serves it on the host, the
 * host syscalls that server makes, and the interrupt back when the guest
 * waits for the answer. virtioFsMachine (src/machines) steps through it.
 */
export type Device = 'virtio-fs' | 'virtio-9p' | 'virtio-blk' | 'virtio-net' | 'virtio-vsock';

export interface TripHostCall {
  proc: HelperProcess;
  name: string;
  /** What the server does with it, for the host kernel's hop. */
  purpose: string;
  cost: Cost;
}

export interface DeviceTrip {
  device: Device;
  /** The request as its protocol names it: FUSE_OPEN, Tlopen, VIRTIO_BLK_T_IN, a TX packet, a ttRPC frame. */
  request: string;
  guest: Hop;
  kick: Hop;
  /** The server waking and handling the request (virtiofsd, a VMM thread, a vhost worker). */
  backend: Hop[];
  hostCalls: TripHostCall[];
  /** The interrupt back into the guest and the woken task, when the guest waits for the answer; empty otherwise. */
  completion: Hop[];
}

/** A step of a call's I/O: a trip out of the VM, or a hop the guest does alone (a DAX copy, a dirty page). */
export type PlanItem = { type: 'trip'; trip: DeviceTrip } | { type: 'hop'; hop: Hop };

const hop = (layer: string, verdict: Hop['verdict'], note: string, cost: Cost, extra: Partial<Hop> = {}): Hop =>
  ({ layer, verdict, note, costNs: cost.ns, source: cost.source, ...extra });

export function guestHop(note: string, cost: Cost = KATA_COST.guestRequest, layer = 'guest-driver'): Hop {
  return hop(layer, 'forwarded', note, cost);
}

/** Work the guest does alone, in its own memory (a DAX copy, a dirty page). */
export function guestOnlyHop(note: string, cost: Cost): Hop {
  return hop('guest-vfs', 'handled', note, cost);
}

/** The driver's notify write: a VM exit that KVM turns into an ioeventfd signal (no trip to the VMM's user space). */
export function kickHop(device: Device, to: string): Hop {
  return hop('vm-exit', 'forwarded', `The ${device} driver writes the queue's notify register: VM exit; KVM matches the address to an ioeventfd and signals ${to} without a trip to user space (cost: 2,000 cycles measured on a Xeon X5570 with EPT under KVM 2.6.34, the world switch alone; handling can cost 10× more)`, KATA_COST.vmExit, { hostEntry: 'kvm_io_bus_write' });
}

/** The server's thread waking on the eventfd, then its handling of the request (`note`, at `cost`). */
export function backendHops(backend: Backend, note: string, cost: Cost): Hop[] {
  if (backend.type === 'kernel') {
    return [
      hop('vhost', 'pass', `The eventfd wakes ${backend.name}, a host kernel worker thread`, KATA_COST.backendWake),
      hop('vhost', 'handled', `${backend.name} ${note}`, cost, { hostEntry: backend.entry }),
    ];
  }
  return [
    hop(backend.proc.layer, 'pass', `${backend.proc.label} wakes in its event loop: its thread is scheduled`, KATA_COST.backendWake),
    hop(backend.proc.layer, 'handled', `${backend.proc.label} ${note}`, cost),
  ];
}

/** The used-ring update and the irqfd: KVM injects the interrupt and the guest wakes the waiting task. */
export function completionHops(device: Device): Hop[] {
  return [
    hop('kvm', 'pass', `The server writes the queue's call eventfd (irqfd): KVM injects the ${device} interrupt on the next VM entry`, KATA_COST.irqInject, { hostEntry: 'irqfd_wakeup' }),
    hop('guest-driver', 'pass', `The guest's ${device} interrupt handler completes the request and wakes the waiting task`, KATA_COST.guestWake),
  ];
}

/** The eventfd reads and writes a user-space server makes around each request. */
export function kickRead(proc: HelperProcess): TripHostCall {
  return { proc, name: 'read', purpose: 'reads the 8-byte kick eventfd the ioeventfd signalled', cost: KATA_COST.eventfd };
}

export function callWrite(proc: HelperProcess): TripHostCall {
  return { proc, name: 'write', purpose: "writes the queue's call eventfd, which KVM's irqfd turns into a guest interrupt", cost: KATA_COST.eventfd };
}

export interface HostCallsResult {
  hops: Hop[];
  /** Set when a server's filter refused one of its calls: what became of the sandbox. */
  fatal: string | null;
}

/**
 * The server's host syscalls, in order, each through its own seccomp filter
 * (hostSyscall). A refusal ends the server (virtiofsd: kill; Firecracker and
 * Cloud Hypervisor: SIGSYS, whose handler exits the VMM), and with it the
 * sandbox: the calls after it are never made.
 */
export function runHostCalls(calls: readonly TripHostCall[]): HostCallsResult {
  const hops: Hop[] = [];
  for (const c of calls) {
    const r = hostSyscall(c.proc, c.name, { purpose: c.purpose, costNs: c.cost.ns, source: c.cost.source });
    hops.push(...r.hops);
    if (!r.allowed) return { hops, fatal: `${r.reason ?? `${c.proc.label} was refused ${c.name}`}: ${c.proc.label} is gone, and the sandbox with it` };
  }
  return { hops, fatal: null };
}
