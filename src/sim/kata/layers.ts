import type { LayerSpec } from '../trace.ts';

/**
 * The layers of a call under Kata Containers: the container is a process of
 * a guest Linux kernel inside a lightweight VM, so its syscalls trap into the
 * guest kernel and never leave the VM by themselves. Only I/O that the guest
 * cannot serve from its own memory — shared files, packets, the terminal —
 * crosses into the host: a virtio request, a VM exit, a host process (the
 * VMM, virtiofsd) or a host kernel thread (vhost), and that process's own
 * host syscalls under its seccomp filter, if it has one.
 * @see https://github.com/kata-containers/kata-containers/blob/7c6ba40c54ea29b459b4997cff948caaba4e658b/docs/design/architecture/README.md
 */
export const KATA_LAYERS: LayerSpec[] = [
  { id: 'app', label: 'Application', kind: 'user', hostKernel: false, description: 'The program, unchanged: the same binary that runs under runc, now in a VM.' },
  { id: 'libc', label: 'glibc', kind: 'user', hostKernel: false, description: 'The C library executes the syscall instruction, as it would on any Linux.' },
  { id: 'guest-syscall', label: 'guest syscall entry', kind: 'boundary', hostKernel: false, description: "The CPU enters the guest kernel's entry_SYSCALL_64 in guest ring 0: a syscall does not leave the VM (no VM exit)." },
  { id: 'guest-seccomp', label: 'guest seccomp (OCI profile)', kind: 'boundary', hostKernel: false, description: "The container's seccomp profile, installed in the guest by kata-agent — only when disable_guest_seccomp = false (Kata's default is true)." },
  { id: 'guest-kernel', label: 'guest kernel', kind: 'kernel', hostKernel: false, description: "Kata's guest Linux: the container's namespaces, capabilities and cgroups are the guest kernel's, and its handlers do the work." },
  { id: 'guest-vfs', label: 'guest VFS', kind: 'kernel', hostKernel: false, description: "The guest's VFS and page cache: /proc, /sys, /dev and tmpfs live in guest memory; shared files are reached through the guest's virtio-fs or 9p client." },
  { id: 'guest-driver', label: 'guest virtio driver', kind: 'kernel', hostKernel: false, description: "The guest kernel's device side: the FUSE/virtiofs or 9p client, virtio-blk, virtio-net, vsock; it puts a request on a virtqueue in guest memory and notifies the device." },
  { id: 'kata-agent', label: 'kata-agent', kind: 'user', hostKernel: false, description: 'The agent in the guest: serves the shim\'s ttRPC API on vsock (CreateSandbox, CreateContainer, ExecProcess…), creates the container, relays its stdio.' },
  { id: 'vm-exit', label: 'VM exit', kind: 'boundary', hostKernel: true, description: "The vCPU leaves guest mode: the notify write traps, KVM signals the device's ioeventfd (or hands the exit to the VMM)." },
  { id: 'kvm', label: 'KVM', kind: 'kernel', hostKernel: true, description: 'KVM in the host kernel: runs the vCPUs, turns notify writes into eventfd signals and eventfd writes (irqfd) into guest interrupts.' },
  { id: 'vhost', label: 'vhost worker', kind: 'kernel', hostKernel: true, description: "vhost-net / vhost-vsock: a host kernel thread that serves a virtqueue itself (QEMU's default for virtio-net and vsock), so packets skip the VMM." },
  { id: 'vmm', label: 'VMM', kind: 'helper', hostKernel: false, description: 'The hypervisor\'s user-space process: QEMU, Cloud Hypervisor or Firecracker — device emulation and, for virtio-9p, QEMU\'s own file server.' },
  { id: 'virtiofsd', label: 'virtiofsd', kind: 'helper', hostKernel: false, description: 'The vhost-user virtio-fs daemon on the host: answers the guest\'s FUSE requests with its own host syscalls on the shared directory.' },
  { id: 'shim', label: 'containerd-shim-kata-v2', kind: 'helper', hostKernel: false, description: 'The Kata shim on the host: starts the VM and virtiofsd, drives the agent over ttRPC on vsock, relays the container\'s stdio.' },
  { id: 'host-seccomp', label: 'host seccomp filter', kind: 'boundary', hostKernel: true, description: "The seccomp filter of the host process making the call (virtiofsd's, Firecracker's per thread, Cloud Hypervisor's), or none (QEMU as Kata starts it)." },
  { id: 'host-kernel', label: 'host kernel', kind: 'kernel', hostKernel: true, description: 'The host Linux kernel, reached only by the VMM, virtiofsd, the shim and the vhost threads — never by the container\'s own syscalls.' },
  { id: 'hardware', label: 'hardware', kind: 'hardware', hostKernel: false, description: 'CPU (with VT-x/AMD-V), memory and devices.' },
];

/** The lab's kernel model names its check phases; in the guest they are the guest kernel's. */
export const GUEST_LAYER_OF: Readonly<Record<string, string>> = {
  syscall: 'guest-syscall',
  seccomp: 'guest-seccomp',
  namespaces: 'guest-kernel',
  capabilities: 'guest-kernel',
  cgroups: 'guest-kernel',
  vfs: 'guest-vfs',
  kernel: 'guest-kernel',
};
