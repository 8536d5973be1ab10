import type { Cost } from '../kernel/costs.ts';
import { COST } from '../kernel/costs.ts';

/**
 * Modelled costs of a call's path under Firecracker, each tied to an id of
 * published_measurements.json or marked `estimate` with the reasoning.
 */

/** One VM exit and entry, direct cost only: 2,000 cycles on a 2.93 GHz Xeon X5570 (Nehalem, KVM, EPT+VPID); handling can cost up to 10× more. */
const VMEXIT_NS = 2000 / 2.93;

export const FC_COST = {
  /** A syscall entry and exit measured inside a Linux 5.11 KVM guest with mitigations on: what a guest syscall costs, no VM exit. */
  guestSyscall: { ns: 61.67, source: 'native-noop-syscall-mitig' },
  /** The virtio driver writing descriptors and the avail index in guest memory: a few cache lines, estimate. */
  virtqueueSubmit: { ns: 100, source: 'estimate' },
  /** The QueueNotify write faulting out of the guest (EPT misconfiguration exit) and re-entering it. */
  vmExit: { ns: VMEXIT_NS, source: 'vmexit-direct-cost-nehalem' },
  /** KVM's MMIO bus lookup finding the ioeventfd and eventfd_signal(): a lookup and a wake-up, estimate. */
  ioeventfd: { ns: 200, source: 'estimate' },
  /** The VMM thread, blocked in epoll_pwait, woken and scheduled: a thread switch (pipe ping-pong RTT/2) as the stand-in. */
  vmmWake: { ns: 1070, source: 'native-ctxswitch-thread' },
  /** An eventfd read or write on the host: a counter and a wake-up, estimate. */
  eventfd: { ns: 200, source: 'estimate' },
  /** lseek on the backing file: sets f_pos, estimate. */
  lseek: { ns: 100, source: 'estimate' },
  /** The host reading 4 KiB of the backing file (in the host page cache): a runc container's read() of 4 KiB. */
  hostRead4k: COST.read4k,
  /** The host writing a frame to the tap device (skb allocation, netif_rx): estimate, a microsecond. */
  tapWrite: { ns: 1000, source: 'estimate' },
  /** fsync of the backing file: the device's cache flush; tens of µs on an NVMe SSD, estimate 50 µs. */
  hostFsync: { ns: 50000, source: 'estimate' },
  /** io_uring_enter submitting one request: a syscall and a queue entry, estimate. */
  ioUringSubmit: { ns: 300, source: 'estimate' },
  /** KVM injecting the irqfd's interrupt: at most one more exit of a running vCPU (no posted interrupts). */
  irqInject: { ns: VMEXIT_NS, source: 'vmexit-direct-cost-nehalem' },
  /** The guest's virtio interrupt handler completing the request and waking the caller: estimate. */
  guestComplete: { ns: 500, source: 'estimate' },
} as const satisfies Record<string, Cost>;

/** A published figure about Firecracker as a whole (boot, memory), with the conditions it was measured under. */
export interface Figure {
  id: string;
  value: number;
  unit: string;
  what: string;
  conditions: string;
}

/** Boot and memory figures, by measurement id (the values are held against published_measurements.json by a test). */
export const FC_FIGURES: readonly Figure[] = [
  { id: 'fc-spec-boot', value: 125, unit: 'ms', what: 'InstanceStart API call to the guest\'s /sbin/init (upper bound, SPECIFICATION.md)', conditions: 'm5d.metal / m6g.metal, 1 vCPU, 128 MiB, Firecracker-tuned guest kernel, serial console off' },
  { id: 'fc-spec-vmm-start', value: 8, unit: 'CPU ms', what: 'Firecracker process start to API socket ready (CPU time)', conditions: 'same hosts; wall clock 6–60 ms, typically ~12 ms' },
  { id: 'fc-spec-vmm-mem', value: 5, unit: 'MiB', what: "the VMM threads' memory overhead (upper bound, excluding guest RAM)", conditions: 'same hosts, 1 vCPU, 128 MiB guest' },
  { id: 'fc-nsdi-boot-claim', value: 125, unit: 'ms', what: 'boot to application code (NSDI 2020 claim)', conditions: 'minimal guest kernel config' },
  { id: 'fc-nsdi-boot-p99', value: 146, unit: 'ms', what: 'boot time p99, 1,000 pre-configured microVMs, 50 in parallel', conditions: 'EC2 m5d.metal, Firecracker v0.20.0' },
  { id: 'fc-nsdi-mem-overhead', value: 3, unit: 'MB', what: 'VMM memory overhead per VM, constant in VM size', conditions: 'EC2 m5d.metal, Firecracker v0.20.0' },
  { id: 'fc-nsdi-creation-rate', value: 150, unit: 'microVMs/s', what: 'microVMs created per second per host', conditions: 'EC2 m5d.metal, Firecracker v0.20.0' },
  { id: 'fc-design-creation-rate', value: 5, unit: 'microVMs/s/core', what: 'steady creation rate per host core (docs/design.md)', conditions: '1 vCPU, 128 MiB, minimal kernel' },
  { id: 'uk21-vmm-boot-firecracker', value: 1.48, unit: 'ms', what: 'VMM start-up to the first guest instruction (a hello-world unikernel)', conditions: 'i7-9700K, Linux 4.19 host, median of 26 (Unikraft EuroSys 2021)' },
  { id: 'uk21-boot-linux-on-firecracker', value: 331.6, unit: 'ms', what: 'Alpine Linux guest boot on Firecracker (its Guest-boot-time metric)', conditions: 'i7-9700K, Linux 4.19 host, mean of 30 (Unikraft EuroSys 2021)' },
];
