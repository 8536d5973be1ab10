import type { HelperProcess } from '../hostcalls/helperProcess.ts';

/**
 * Firecracker's default seccomp filters on x86_64, one per thread: the VMM
 * thread (the main event loop that emulates the devices), the API thread (the
 * REST server on the API socket) and each vCPU thread (KVM_RUN loop). Each
 * filter's default action is `trap` (SIGSYS; Firecracker's SIGSYS handler logs
 * and exits), its filter action `allow`. The filters are installed by
 * Firecracker itself before it runs guest code (the jailer only execs it).
 * @see https://github.com/firecracker-microvm/firecracker/blob/81b38b9dad6056d7a48073e95ac5a9aed51cb2ab/resources/seccomp/x86_64-unknown-linux-musl.json
 * @see https://github.com/firecracker-microvm/firecracker/blob/81b38b9dad6056d7a48073e95ac5a9aed51cb2ab/docs/seccomp.md
 */
export type FirecrackerThread = 'vmm' | 'api' | 'vcpu';

export const FIRECRACKER_THREADS: readonly FirecrackerThread[] = ['vmm', 'api', 'vcpu'];

/** How a thread's filter admits a syscall: with some unconditional rule, or only under argument conditions. */
export type FilterRule = 'allow' | 'allow_args';

const words = (s: string): string[] => s.trim().split(/\s+/);

/** Syscalls allowed by some unconditional rule in each thread's filter. */
const UNCONDITIONAL: Readonly<Record<FirecrackerThread, readonly string[]>> = {
  vmm: words(`
    read write open close stat fstat lseek munmap brk rt_sigprocmask rt_sigreturn readv writev sched_yield mremap
    mincore madvise connect sendto recvfrom sendmsg recvmsg exit fsync ftruncate sigaltstack gettid restart_syscall
    clock_gettime exit_group epoll_ctl epoll_pwait eventfd2 getrandom io_uring_setup io_uring_enter io_uring_register`),
  api: words(`
    read write open close fstat munmap brk rt_sigprocmask sched_yield mremap sendto recvfrom recvmsg exit sigaltstack
    gettid restart_syscall clock_gettime exit_group epoll_ctl epoll_pwait getrandom`),
  vcpu: words(`
    write open close fstat munmap brk rt_sigprocmask rt_sigreturn sched_yield mremap sendmsg exit sigaltstack gettid
    restart_syscall clock_gettime exit_group epoll_ctl eventfd2 io_uring_enter`),
};

/** Syscalls each thread's filter allows only when their arguments match (e.g. ioctl only for listed KVM/tap requests). */
const ARG_FILTERED: Readonly<Record<FirecrackerThread, readonly string[]>> = {
  vmm: words(`
    mmap mprotect rt_sigaction ioctl msync socket fcntl tkill futex timerfd_create timerfd_settime accept4
    memfd_create`),
  api: words('mmap rt_sigaction ioctl madvise socket fcntl tkill futex accept4'),
  vcpu: words('mmap rt_sigaction ioctl madvise tkill futex timerfd_settime'),
};

/** Syscall → rule for one thread's filter. */
export function threadFilter(thread: FirecrackerThread): ReadonlyMap<string, FilterRule> {
  const out = new Map<string, FilterRule>();
  for (const name of UNCONDITIONAL[thread]) out.set(name, 'allow');
  for (const name of ARG_FILTERED[thread]) out.set(name, 'allow_args');
  return out;
}

/** The union over the three threads' filters: syscall → the threads that allow it. */
export function vmmFilterUnion(): ReadonlyMap<string, FirecrackerThread[]> {
  const out = new Map<string, FirecrackerThread[]>();
  for (const thread of FIRECRACKER_THREADS) {
    for (const name of threadFilter(thread).keys()) out.set(name, [...(out.get(name) ?? []), thread]);
  }
  return out;
}

/**
 * Thread names as Firecracker sets them (`fc_api`, `fc_vcpu N`; the VMM
 * thread is the process's main thread), shown as the process that makes a
 * host syscall.
 */
const LABELS: Readonly<Record<FirecrackerThread, string>> = {
  vmm: 'firecracker (vmm thread)',
  api: 'firecracker (api thread, fc_api)',
  vcpu: 'firecracker (vcpu thread, fc_vcpu 0)',
};

/** One Firecracker thread as a host process under its own seccomp filter. */
export function firecrackerThread(thread: FirecrackerThread): HelperProcess {
  const filter = threadFilter(thread);
  return {
    layer: 'vmm',
    label: LABELS[thread],
    allowed: new Set(filter.keys()),
    onDeny: 'trap',
    // Argument-filtered in the real filter (see isArgFiltered); the lab checks the name only, so no argRule.
    filterLabel: `Firecracker's ${thread}-thread seccomp filter`,
  };
}

/** Whether the real filter constrains this syscall's arguments in this thread (the lab does not check them). */
export function isArgFiltered(thread: FirecrackerThread, name: string): boolean {
  return threadFilter(thread).get(name) === 'allow_args';
}
