import type { DispatchOutcome } from '../kernel/dispatch.ts';
import { returnHop } from '../kernel/dispatchResult.ts';
import type { RuntimeOptions } from '../runtime/types.ts';
import type { SyscallCall } from '../syscalls/args.ts';
import type { Hop } from '../trace.ts';
import { FC_COST } from './costs.ts';
import type { DeviceIo } from './deviceIo.ts';
import { deviceName } from './hostPlan.ts';

/** The hops of a call's trip through a Firecracker microVM, one per machine state. */

export function guestEntryHop(call: SyscallCall): Hop {
  return {
    layer: 'guest-syscall', state: 'guestEntry', verdict: 'pass', costNs: FC_COST.guestSyscall.ns, source: FC_COST.guestSyscall.source,
    note: `The syscall instruction for ${call.name} enters the guest kernel at entry_SYSCALL_64: the vCPU stays in guest mode, so there is no VM exit and KVM never sees it`,
  };
}

export function guestNoSysHop(reason: string): Hop {
  return { layer: 'guest-kernel', state: 'guestNoSys', verdict: 'deny', costNs: 0, source: 'estimate', note: `The guest kernel's table has sys_ni_syscall here, which returns ENOSYS: ${reason}` };
}

/** The guest kernel's own hops (from the lab's Linux model run on the guest world), named as guest layers. */
export function guestKernelHop(hop: Hop): Hop {
  const layer = hop.layer === 'seccomp' ? 'guest-seccomp' : 'guest-kernel';
  return { ...hop, layer, note: `In the guest: ${hop.note}` };
}

export function virtqueueHop(io: DeviceIo): Hop {
  const what = io.type === 'blk-read' ? `a read request for ${io.path}, which is not in the page cache` : io.type === 'blk-flush' ? `a flush request for ${io.path}` : `the ${io.bytes}-byte packet to ${io.dest}`;
  return {
    layer: 'virtio-mmio', state: 'virtqueue', verdict: 'forwarded', costNs: FC_COST.virtqueueSubmit.ns, source: FC_COST.virtqueueSubmit.source,
    note: `The guest's ${deviceName(io)} driver puts ${what} on the virtqueue in guest memory and writes the queue index to the device's QueueNotify register (virtio-mmio)`,
  };
}

export function vmExitHop(): Hop {
  return {
    layer: 'vm-exit', state: 'vmExit', verdict: 'forwarded', costNs: FC_COST.vmExit.ns, source: FC_COST.vmExit.source,
    note: 'The write to the MMIO register cannot complete in guest mode: VM exit into KVM in the host kernel (cost: the direct world switch, 2,000 cycles on a 2.93 GHz Xeon X5570 with KVM, EPT and VPID; newer CPUs switch faster, and handling can cost up to 10× more)',
  };
}

export function ioeventfdHop(io: DeviceIo): Hop {
  return {
    layer: 'kvm', state: 'kvmIoeventfd', verdict: 'handled', costNs: FC_COST.ioeventfd.ns, source: FC_COST.ioeventfd.source, hostEntry: 'ioeventfd_write',
    note: `KVM finds the ioeventfd Firecracker registered for the ${deviceName(io)} QueueNotify address, signals it and resumes the vCPU: no exit to user space (no KVM_EXIT_MMIO), the vCPU thread goes on running the guest`,
  };
}

export function vmmWakeHop(io: DeviceIo, options: RuntimeOptions): Hop {
  const jail = options.jailer === 'off'
    ? 'not jailed: it runs as the user who started it, on the host\'s root filesystem, with only its seccomp filters'
    : 'jailed: an unprivileged uid in its chroot under /srv/jailer, in its own mount namespace and cgroup';
  return {
    layer: 'vmm', state: 'vmmWake', verdict: 'handled', costNs: FC_COST.vmmWake.ns, source: FC_COST.vmmWake.source,
    note: `Firecracker's VMM thread wakes in epoll_pwait on the queue's eventfd and runs the ${deviceName(io)} emulation (the thread is ${jail})`,
  };
}

export function irqHop(io: DeviceIo): Hop {
  return {
    layer: 'kvm', state: 'irqInject', verdict: 'handled', costNs: FC_COST.irqInject.ns, source: FC_COST.irqInject.source, hostEntry: 'irqfd_wakeup',
    note: `KVM sees the irqfd write and injects the ${deviceName(io)} interrupt into the guest (at most one more exit of the running vCPU)`,
  };
}

export function guestCompleteHop(io: DeviceIo): Hop {
  return {
    layer: 'guest-kernel', state: 'guestComplete', verdict: 'handled', costNs: FC_COST.guestComplete.ns, source: FC_COST.guestComplete.source,
    note: `The guest's ${deviceName(io)} interrupt handler takes the used descriptors off the virtqueue and wakes the waiting call`,
  };
}

/** The return to the guest's user space (sysret inside the guest: still no VM exit). */
export function guestReturnHop(outcome: DispatchOutcome | null): Hop {
  const hop = returnHop(outcome);
  return { ...hop, layer: 'guest-syscall', note: `${hop.note} (inside the guest)` };
}

/** What ends the microVM when a Firecracker thread makes a syscall its filter does not allow. */
export function trappedMessage(thread: string, name: string): string {
  return `Firecracker's ${thread} thread called ${name}, which its seccomp filter does not allow: SIGSYS, Firecracker logs "bad syscall" and exits with code 148 (BadSyscall); the microVM and the call are gone`;
}
