import type { Cost } from '../kernel/costs.ts';
import { COST } from '../kernel/costs.ts';

/**
 * Modelled costs of a call's path under LightVM. The reference has no
 * measurement of a Xen hypercall or of the split drivers, so those are
 * estimates, with the reasoning beside each.
 */
export const LIGHTVM_COST = {
  /** A unikernel's 'syscall' is a plain function call into Mini-OS. */
  functionCall: COST.functionCall,
  /** Mini-OS returning a constant (getpid() is `return 1`): estimate, as the host's trivial handlers. */
  miniOsTrivial: COST.trivial,
  /** Mini-OS doing real work (lwIP building a packet, a console copy): estimate, a few hundred ns. */
  miniOsWork: COST.generic,
  /**
   * A syscall of a 64-bit PV guest, bounced through Xen and back with HYPERVISOR_iret: estimate, of the order
   * of the 0.55 µs lmbench lat_syscall Xen's developers measured for compat-mode PV guests (xen.git 3e1b9525).
   */
  pvSyscall: { ns: 550, source: 'estimate' },
  /** Putting a request on a split-driver ring (and granting the page): estimate, a few cache lines. */
  ringRequest: { ns: 100, source: 'estimate' },
  /** A hypercall (a trap into Xen and back) with the event-channel bookkeeping: estimate, a few native syscalls' worth. */
  hypercall: { ns: 250, source: 'estimate' },
  /** Xen validating and writing page-table entries for mmu_update: estimate. */
  mmuUpdate: { ns: 500, source: 'estimate' },
  /** Xen delivering the event to Dom0 (an upcall into its kernel): estimate, half a microsecond. */
  upcall: { ns: 500, source: 'estimate' },
  /** netback copying a packet out of the guest's granted page (GNTTABOP_copy) to the vif: estimate. */
  netback: { ns: 1000, source: 'estimate' },
  /** blkback mapping the grant and submitting the request: estimate. */
  blkback: { ns: 500, source: 'estimate' },
  /** Dom0's kernel reading 4 KiB of the backing file (a loop device over a file, set up by xendevd). */
  dom0Read: COST.read4k,
  /** The guest's interrupt (event upcall) handler completing the request: estimate. */
  guestComplete: { ns: 500, source: 'estimate' },
} as const satisfies Record<string, Cost>;

/** A published LightVM figure; `abstractOnly` when the only public source the reference has is the paper's abstract. */
export interface LightvmFigure {
  id: string;
  value: number;
  unit: string;
  what: string;
  abstractOnly: boolean;
}

export const LIGHTVM_FIGURES: readonly LightvmFigure[] = [
  { id: 'lightvm-boot', value: 2.3, unit: 'ms', what: 'create and boot a minimal unikernel with noxs and chaos (paper abstract only: no machine or conditions published with it)', abstractOnly: true },
  { id: 'lightvm-forkexec', value: 1, unit: 'ms', what: 'fork/exec on Linux, the comparison LightVM quotes (paper abstract only)', abstractOnly: true },
];
