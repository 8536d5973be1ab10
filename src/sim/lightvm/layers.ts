import type { LayerSpec } from '../trace.ts';

/**
 * The layers of a call under LightVM: Xen (a type-1 hypervisor) runs the
 * guest as a paravirtualised domain next to Dom0, whose Linux kernel holds
 * the split-driver backends. The guest is either a Mini-OS unikernel (the
 * application, its libc and Mini-OS in one address space: a "syscall" is a
 * function call) or a Tinyx VM (a trimmed Linux kernel: syscalls land in it).
 * I/O leaves through a frontend's shared ring and an event-channel
 * hypercall into Xen, which notifies the backend in Dom0's kernel. There is
 * no user-space VMM and no seccomp filter on the I/O path.
 * LightVM's own figures (2.3 ms boot, fork/exec 1 ms) come from the SOSP 2017
 * paper's abstract only; the per-call path follows Xen's split-driver design
 * and the public LightVM trees (Mini-OS noxs branch), not a LightVM measurement.
 * @see https://github.com/sysml/lightvm/blob/17a471ac0d1e1161e4f3b4dcf8f03356f14b8327/README.md
 * @see https://doi.org/10.1145/3132747.3132763 (Manco et al., SOSP 2017)
 */
export const LIGHTVM_LAYERS: LayerSpec[] = [
  { id: 'app', label: 'Application', kind: 'user', hostKernel: false, description: 'The program: built into the unikernel image, or a process of the Tinyx VM.' },
  { id: 'libc', label: 'libc', kind: 'user', hostKernel: false, description: "newlib linked into the unikernel (its 'syscalls' are Mini-OS functions), or glibc in a Tinyx VM." },
  { id: 'minios', label: 'Mini-OS', kind: 'kernel', hostKernel: false, description: "The unikernel's kernel (lib/sys.c of the noxs branch): same address space, same privilege; it implements a few calls, returns ENOSYS for some, and halts the domain for others (fork, execve, kill)." },
  { id: 'guest-syscall', label: 'PV syscall (via Xen)', kind: 'boundary', hostKernel: false, description: "In a 64-bit PV guest the guest kernel shares ring 3 with user space: the syscall instruction lands in Xen, which bounces it to the guest kernel (the lab assumes Tinyx runs as a PV domain)." },
  { id: 'guest-kernel', label: 'Tinyx Linux kernel', kind: 'kernel', hostKernel: false, description: "Tinyx's trimmed Linux kernel in the guest: namespaces, capabilities, VFS and handlers (the lab runs its full Linux model: Tinyx's per-app config is not public)." },
  { id: 'frontend', label: 'split-driver frontend', kind: 'boundary', hostKernel: false, description: 'netfront, blkfront or the console in the guest: requests on a ring in a page granted to Dom0; with noxs the device page replaces XenStore for setting it up.' },
  { id: 'hypercall', label: 'hypercall', kind: 'boundary', hostKernel: true, description: 'A call into Xen: EVTCHNOP_send to notify the backend, mmu_update for page tables, sched_op to block or shut down.' },
  { id: 'xen', label: 'Xen hypervisor', kind: 'kernel', hostKernel: true, description: 'The type-1 hypervisor (Xen 4.8 with the noxs patches in LightVM): it marks the event pending for Dom0, validates page-table updates, schedules domains. LightVM\'s boot figures are from its paper\'s abstract only.' },
  { id: 'backend', label: 'Dom0 backend', kind: 'kernel', hostKernel: true, description: "netback, blkback (or the console daemon's ring) in Dom0: maps or copies the guest's granted pages and does the I/O." },
  { id: 'host-kernel', label: 'Dom0 Linux kernel', kind: 'kernel', hostKernel: true, description: "Xen has no host kernel of its own: Dom0's Linux (with CONFIG_XEN_NOXS) is the privileged domain that drives devices, so the lab draws it as the host kernel." },
  { id: 'console-backend', label: 'xenconsoled (Dom0)', kind: 'helper', hostKernel: false, description: "The console backend in Dom0's user space in standard Xen; the public LightVM material does not say how noxs serves the console, and the lab does not model its host syscalls." },
  { id: 'hardware', label: 'hardware', kind: 'hardware', hostKernel: false, description: 'CPU, memory and the devices Dom0 drives.' },
];
