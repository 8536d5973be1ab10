import type { LayerSpec } from '../trace.ts';

/**
 * The layers of a call under a library OS: Nabla (rumprun on solo5-spt, a
 * seccomp-confined process) and the same unikernel under solo5-hvt (a KVM
 * guest with a tender beside it).
 * @see https://github.com/Solo5/solo5/blob/469c1a8d935b503fa553aef152d1d57d095fa3a4/docs/architecture.md
 * @see https://nabla-containers.github.io/ (the seven host syscalls a Nabla container is limited to)
 */
const APP_AND_LIBOS: LayerSpec[] = [
  { id: 'app', label: 'Application', kind: 'user', hostKernel: false, description: 'The program, linked with its C library and the library OS into one unikernel image: one address space, one process.' },
  { id: 'libc', label: 'NetBSD libc (rumprun)', kind: 'user', hostKernel: false, description: "NetBSD's libc as rumprun builds it: syscall wrappers are function calls into the rump kernel; rumprun's stubs refuse fork, exec and kill." },
  { id: 'libos', label: 'rump kernel', kind: 'kernel', hostKernel: false, description: "NetBSD's kernel code as a library in the unikernel (a rump kernel), with rumprun's own threads, memory mapping and ignored signals. What it lacks returns ENOSYS." },
  { id: 'libos-vfs', label: 'rump VFS', kind: 'kernel', hostKernel: false, description: "NetBSD's VFS in the rump kernel: the image's cd9660 root (read-only) on the Solo5 block device, and a 1 MiB tmpfs on /tmp." },
  { id: 'libos-net', label: 'rump TCP/IP', kind: 'kernel', hostKernel: false, description: "NetBSD's TCP/IP stack in the rump kernel; frames leave through the Solo5 net device (ukvmif0)." },
  { id: 'solo5', label: 'Solo5 bindings', kind: 'boundary', hostKernel: false, description: "The unikernel's only way out: solo5_console_write, solo5_block_read/write, solo5_net_read/write, solo5_yield, the clocks, solo5_exit." },
];

const HOST: LayerSpec[] = [
  { id: 'host-seccomp', label: "tender's seccomp filter", kind: 'boundary', hostKernel: true, description: "The seccomp-BPF filter the tender installs on itself before it runs the unikernel: a short allow-list; anything else kills the process." },
  { id: 'host-kernel', label: 'host kernel', kind: 'kernel', hostKernel: true, description: "The host's Linux kernel, running the few syscalls the tender makes: writes to the console and the tap device, sector reads and writes on the image file, polling, clocks, exit." },
];

export const NABLA_LAYERS: LayerSpec[] = [
  ...APP_AND_LIBOS.map((l) => (l.id === 'solo5' ? { ...l, description: `${l.description} On spt the unikernel runs inside the tender's own process, so the binding makes the host syscall itself.` } : l)),
  ...HOST,
];

export const HVT_LAYERS: LayerSpec[] = [
  ...APP_AND_LIBOS.map((l) => (l.id === 'solo5' ? { ...l, description: `${l.description} On hvt the unikernel is a KVM guest: a Solo5 call is an outl to I/O port 0x500 + the hypercall number.` } : l)),
  { id: 'kvm', label: 'KVM (VM exit)', kind: 'boundary', hostKernel: true, description: "The port write exits the guest; KVM returns from the tender's ioctl(KVM_RUN) with KVM_EXIT_IO, and the tender's next KVM_RUN resumes the guest." },
  { id: 'tender', label: 'solo5-hvt tender', kind: 'helper', hostKernel: false, description: 'The host process that owns the VM: it checks each hypercall and makes the host syscalls for it, under its own seccomp filter since Solo5 v0.11.0.' },
  ...HOST,
];
