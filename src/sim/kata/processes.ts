import { firecrackerThread } from '../firecracker/vmmFilter.ts';
import type { HelperProcess } from '../hostcalls/helperProcess.ts';
import type { KataSettings } from './options.ts';
import { virtiofsdAllowList } from './virtiofsdFilter.ts';

/**
 * The host processes that serve a Kata sandbox, each with the seccomp filter
 * it really runs under, so every host syscall the lab shows is checked as
 * the kernel would check it.
 */

/** virtiofsd as Kata starts it: its own filter (--seccomp=kill by default) plus sendto for --syslog. */
export const VIRTIOFSD: HelperProcess = {
  layer: 'virtiofsd',
  label: 'virtiofsd',
  allowed: virtiofsdAllowList(true),
  onDeny: 'kill',
  filterLabel: "virtiofsd's seccomp filter (--seccomp=kill, with --syslog's sendto)",
};

/**
 * QEMU as Kata starts it: configuration-qemu.toml's seccompsandbox is empty
 * by default (DEFSECCOMPSANDBOXPARAM :=), so govmm passes no -sandbox and
 * QEMU installs no filter.
 * @see https://github.com/kata-containers/kata-containers/blob/7c6ba40c54ea29b459b4997cff948caaba4e658b/src/runtime/config/configuration-qemu.toml.in (seccompsandbox)
 * @see https://github.com/kata-containers/kata-containers/blob/7c6ba40c54ea29b459b4997cff948caaba4e658b/src/runtime/pkg/govmm/qemu/qemu.go (-sandbox only when SeccompSandbox is set)
 */
export const QEMU: HelperProcess = {
  layer: 'vmm',
  label: 'qemu-system-x86_64',
  allowed: null,
  onDeny: 'kill',
  filterLabel: 'no seccomp filter (Kata sets no QEMU seccompsandbox by default)',
};

/** The Kata shim: a Go process with no seccomp filter of its own. */
export const SHIM: HelperProcess = {
  layer: 'shim',
  label: 'containerd-shim-kata-v2',
  allowed: null,
  onDeny: 'kill',
  filterLabel: 'no seccomp filter',
};

const words = (s: string): string[] => s.trim().split(/\s+/);

/** Every Cloud Hypervisor virtio device thread's filter also allows these (virtio_thread_common). */
const CLH_COMMON = words(`brk clock_gettime close dup epoll_create1 epoll_ctl epoll_pwait epoll_wait exit futex gettid madvise
  mmap mprotect mremap munmap openat read rt_sigprocmask rt_sigreturn sigaltstack write`);

/**
 * Cloud Hypervisor's per-thread filters (default --seccomp true: any other
 * syscall traps). The lab's reference folder has no list for them: these are
 * read from its source for the two threads the lab's paths use, and Cloud
 * Hypervisor is left out of surface counts.
 * @see https://github.com/cloud-hypervisor/cloud-hypervisor/blob/005c88b8c74b40e64e5c300547261cf1a9b40085/virtio-devices/src/seccomp_filters.rs
 */
const CLH_THREADS = {
  'virtio-net': [...CLH_COMMON, 'readv', 'writev', 'timerfd_settime'],
  'virtio-vsock': [...CLH_COMMON, 'accept4', 'connect', 'ioctl', 'recvfrom', 'sendto', 'socket'],
} as const;

export function clhThread(thread: keyof typeof CLH_THREADS): HelperProcess {
  return {
    layer: 'vmm',
    label: `cloud-hypervisor (${thread} thread)`,
    allowed: new Set(CLH_THREADS[thread]),
    onDeny: 'trap',
    filterLabel: `Cloud Hypervisor's ${thread} thread filter (read from its source; not in the lab's reference)`,
  };
}

/** Who serves a virtio device's queue for these settings: a host process, or (QEMU's vhost) a host kernel thread. */
export type Backend = { type: 'process'; proc: HelperProcess } | { type: 'kernel'; name: string; entry: string };

export function netBackend(s: KataSettings): Backend {
  if (s.hypervisor === 'qemu') return { type: 'kernel', name: 'vhost-net', entry: 'handle_tx_kick' };
  return { type: 'process', proc: s.hypervisor === 'clh' ? clhThread('virtio-net') : firecrackerThread('vmm') };
}

/** QEMU uses vhost-vsock (the host kernel); Cloud Hypervisor and Firecracker use hybrid vsock, a Unix socket their own thread serves. */
export function vsockBackend(s: KataSettings): Backend {
  if (s.hypervisor === 'qemu') return { type: 'kernel', name: 'vhost-vsock', entry: 'vhost_vsock_handle_tx_kick' };
  return { type: 'process', proc: s.hypervisor === 'clh' ? clhThread('virtio-vsock') : firecrackerThread('vmm') };
}
