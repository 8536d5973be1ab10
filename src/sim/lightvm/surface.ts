import type { RuntimeOptions, SurfaceRow } from '../runtime/types.ts';

/**
 * What a LightVM guest reaches outside itself. It makes no host syscalls:
 * it reaches Xen through hypercalls and Dom0's kernel through the backends.
 * There is no published allow-list to count, so the rows are the interfaces
 * the lab's paths use, named for what they are. A hypercall row's number is
 * its hypercall number (xen/include/public/xen.h), not a syscall number; a
 * backend row has number -1.
 * @see https://github.com/sysml/mini-os/blob/4f67232d5d2ef4a1c2f40c3193c7097e1140a6cb/include/x86/x86_64/hypercall-x86_64.h
 * @see https://xenbits.xen.org/gitweb/?p=xen.git;a=blob;f=xen/include/public/xen.h;hb=refs/heads/stable-4.8 (hypercall numbers)
 */
const XEN = 'Xen hypervisor (hypercall from the guest)';

const HYPERCALLS: readonly SurfaceRow[] = [
  { number: 1, name: 'HYPERVISOR_mmu_update', processes: [XEN], argFiltered: false },
  { number: 15, name: 'HYPERVISOR_set_timer_op', processes: [XEN], argFiltered: false },
  { number: 20, name: 'HYPERVISOR_grant_table_op', processes: [XEN], argFiltered: false },
  { number: 29, name: 'HYPERVISOR_sched_op', processes: [XEN], argFiltered: false },
  { number: 32, name: 'HYPERVISOR_event_channel_op', processes: [XEN], argFiltered: false },
];

/** A 64-bit PV Linux kernel also returns from every syscall through Xen (and makes more page-table hypercalls, not listed). */
const PV_LINUX: readonly SurfaceRow[] = [{ number: 23, name: 'HYPERVISOR_iret', processes: [XEN], argFiltered: false }];

const BACKENDS: readonly SurfaceRow[] = [
  { number: -1, name: 'xen-netback', processes: ["Dom0 Linux kernel (netback: the guest's vif)"], argFiltered: false },
  { number: -1, name: 'xen-blkback', processes: ["Dom0 Linux kernel (blkback: the guest's disk)"], argFiltered: false },
  { number: -1, name: 'console backend', processes: ['Dom0 user space (xenconsoled in standard Xen)'], argFiltered: false },
  { number: -1, name: 'noxs sysctl backend', processes: ['Dom0 Linux kernel (noxs: shutdown and other system events)'], argFiltered: false },
];

export function lightvmSurface(options: RuntimeOptions): SurfaceRow[] {
  const calls = [...HYPERCALLS, ...(options.guest === 'tinyx' ? PV_LINUX : [])].map((r) => ({ ...r, kind: 'hypercall' as const }));
  return [...calls, ...BACKENDS.map((r) => ({ ...r, kind: 'backend' as const }))].sort((a, b) => a.number - b.number);
}
