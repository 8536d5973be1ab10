import type { LayerSpec } from '../trace.ts';

/**
 * The layers of a call into a Linux kernel, as the kernel dispatch machine
 * records them. The host and runc share them: a container is a process of the
 * host kernel, and what differs is what each gate decides for it.
 * @see Documentation/userspace-api/seccomp_filter.rst, namespaces(7), capabilities(7), cgroups(7)
 */
export const LINUX_LAYERS: LayerSpec[] = [
  { id: 'app', label: 'Application', kind: 'user', hostKernel: false, description: 'The program, in user space, calling its C library.' },
  { id: 'libc', label: 'glibc', kind: 'user', hostKernel: false, description: 'The C library wrapper puts the syscall number in rax, the arguments in registers, and executes the syscall instruction.' },
  { id: 'syscall', label: 'syscall entry', kind: 'boundary', hostKernel: true, description: 'The CPU enters ring 0 at entry_SYSCALL_64; sysret takes it back to user space.' },
  { id: 'seccomp', label: 'seccomp filter', kind: 'boundary', hostKernel: true, description: "The process's seccomp-BPF filter runs before the syscall's handler: allow, fail with an errno, or kill." },
  { id: 'namespaces', label: 'namespaces', kind: 'kernel', hostKernel: true, description: "The handler resolves names through the caller's namespaces: pids, hostnames, mounts, network devices, ids." },
  { id: 'capabilities', label: 'capabilities', kind: 'kernel', hostKernel: true, description: 'Privileged operations check a capability in the user namespace that owns the resource.' },
  { id: 'cgroups', label: 'cgroups v2', kind: 'kernel', hostKernel: true, description: "Forks and memory are charged to the caller's cgroup; pids.max and memory.max refuse or OOM-kill." },
  { id: 'vfs', label: 'VFS', kind: 'kernel', hostKernel: true, description: 'Path lookup through the mount namespace, permission bits, read-only and masked mounts.' },
  { id: 'kernel', label: 'host kernel', kind: 'kernel', hostKernel: true, description: "The syscall's handler does the work (sys_openat, sys_sethostname…)." },
  { id: 'hardware', label: 'hardware', kind: 'hardware', hostKernel: false, description: 'CPU, memory and devices: reached through drivers.' },
];
