import type { LayerSpec } from '../trace.ts';

/**
 * The layers of a call under Firecracker: the workload runs on a full Linux
 * kernel inside a KVM microVM. A syscall enters the guest kernel with no VM
 * exit; only I/O that leaves the VM crosses into the host, through a virtio
 * device on the virtio-mmio transport (Firecracker's default; `--enable-pci`
 * puts the devices on PCI instead, which the lab does not model), a VM exit
 * into KVM and one of Firecracker's threads, whose host syscalls pass its
 * own seccomp filter.
 * @see https://github.com/firecracker-microvm/firecracker/blob/81b38b9dad6056d7a48073e95ac5a9aed51cb2ab/docs/design.md
 * @see https://github.com/firecracker-microvm/firecracker/blob/81b38b9dad6056d7a48073e95ac5a9aed51cb2ab/docs/getting-started.md (--enable-pci is optional; MMIO is the default)
 */
export const FIRECRACKER_LAYERS: LayerSpec[] = [
  { id: 'app', label: 'Application', kind: 'user', hostKernel: false, description: 'The program, unchanged, in the guest\'s user space.' },
  { id: 'libc', label: 'glibc', kind: 'user', hostKernel: false, description: 'The C library executes the syscall instruction, as on any Linux.' },
  { id: 'guest-syscall', label: 'guest syscall entry', kind: 'boundary', hostKernel: false, description: 'In VMX non-root mode the syscall instruction enters the guest kernel directly: no VM exit, KVM never sees it.' },
  { id: 'guest-seccomp', label: 'guest seccomp filter', kind: 'boundary', hostKernel: false, description: "A seccomp filter inside the guest (the OCI profile runc applies in the guest with --guest-seccomp docker-default); none by default." },
  { id: 'guest-kernel', label: 'guest Linux kernel', kind: 'kernel', hostKernel: false, description: "The guest's own Linux 6.1 (a Firecracker CI config): namespaces, capabilities, cgroups, VFS and the handlers, all inside the VM." },
  { id: 'virtio-mmio', label: 'virtio-mmio device', kind: 'boundary', hostKernel: false, description: 'virtio-net, virtio-blk and vsock on the virtio-mmio transport (plus a serial console and an i8042 for reset): the driver fills a virtqueue in guest memory and writes the queue index to the QueueNotify register.' },
  { id: 'vm-exit', label: 'VM exit', kind: 'boundary', hostKernel: true, description: 'The guest touches something only the host can handle (an MMIO register, an I/O port): the CPU leaves the guest and enters KVM in the host kernel.' },
  { id: 'kvm', label: 'KVM', kind: 'kernel', hostKernel: true, description: 'KVM in the host kernel: it matches a QueueNotify write to the ioeventfd Firecracker registered and signals it without leaving the kernel, and injects interrupts from irqfds.' },
  { id: 'vmm', label: 'Firecracker VMM', kind: 'helper', hostKernel: false, description: "Firecracker's threads: the VMM thread's event loop emulates the virtio devices, the API thread serves the REST API, each vCPU thread runs KVM_RUN; jailed and under per-thread seccomp filters." },
  { id: 'host-seccomp', label: 'host seccomp filter', kind: 'boundary', hostKernel: true, description: "The calling Firecracker thread's own seccomp filter (vmm, api or vcpu): any other syscall raises SIGSYS and Firecracker exits." },
  { id: 'host-kernel', label: 'host kernel', kind: 'kernel', hostKernel: true, description: "The host Linux kernel, reached only through Firecracker's own syscalls: the drive's backing file, the tap device, eventfds." },
  { id: 'hardware', label: 'hardware', kind: 'hardware', hostKernel: false, description: 'CPU (with VT-x/AMD-V), memory and devices.' },
];
