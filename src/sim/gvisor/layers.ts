import type { LayerSpec } from '../trace.ts';

/**
 * The layers of a call under gVisor (runsc): the platform catches the app's
 * syscall, the Sentry — a Linux-compatible kernel in Go, in user space —
 * answers it, and only what the Sentry cannot serve from its own memory
 * reaches the host, as the Sentry's (or the Gofer's) own host syscalls under
 * their seccomp filters. The lab runs its Linux kernel model as the Sentry's
 * kernel: the Sentry reimplements Linux's namespaces, credentials and VFS.
 * @see https://gvisor.dev/docs/architecture_guide/intro/
 */
export const GVISOR_LAYERS: LayerSpec[] = [
  { id: 'app', label: 'Application', kind: 'user', hostKernel: false, description: 'The program, unchanged: the same binary that runs under runc.' },
  { id: 'libc', label: 'glibc', kind: 'user', hostKernel: false, description: 'The C library executes the syscall instruction, as it would on Linux.' },
  { id: 'platform', label: 'platform trap', kind: 'boundary', hostKernel: false, description: 'systrap, ptrace or KVM: how the app\'s syscall instruction is caught and handed to the Sentry instead of the host kernel.' },
  { id: 'sentry-seccomp', label: 'OCI seccomp (in the Sentry)', kind: 'boundary', hostKernel: false, description: "The container's own seccomp profile, evaluated by the Sentry — only with runsc --oci-seccomp." },
  { id: 'sentry-syscall', label: 'Sentry syscall table', kind: 'boundary', hostKernel: false, description: "The Sentry's amd64 table: supported, partly supported, a fixed error, or missing (ENOSYS)." },
  { id: 'sentry', label: 'Sentry', kind: 'kernel', hostKernel: false, description: "gVisor's kernel in user space: tasks, namespaces, credentials, cgroups, signals, memory — what the host kernel would do, done in Go." },
  { id: 'sentry-vfs', label: 'Sentry VFS', kind: 'kernel', hostKernel: false, description: "The Sentry's own VFS: mounts, path walks, permissions; /proc, /sys, /dev and tmpfs live here in memory." },
  { id: 'netstack', label: 'netstack', kind: 'kernel', hostKernel: false, description: 'TCP/IP in user space inside the Sentry (network=sandbox): sockets never become host sockets.' },
  { id: 'gofer', label: 'Gofer', kind: 'helper', hostKernel: false, description: 'runsc-gofer, a host process that opens the container\'s files for the Sentry over LISAFS (used when directfs is off).' },
  { id: 'host-seccomp', label: 'host seccomp filter', kind: 'boundary', hostKernel: true, description: "The seccomp filter the Sentry (or the Gofer) installed on itself: any host syscall outside it kills the process." },
  { id: 'host-kernel', label: 'host kernel', kind: 'kernel', hostKernel: true, description: 'The host Linux kernel, reached only through the Sentry\'s and the Gofer\'s own syscalls.' },
  { id: 'hardware', label: 'hardware', kind: 'hardware', hostKernel: false, description: 'CPU, memory and devices.' },
];
