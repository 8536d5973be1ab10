import { COST, type Cost } from '../kernel/costs.ts';

/**
 * Modelled costs of Kata's paths, each tied to an id of
 * published_measurements.json or marked `estimate` with the reasoning beside
 * it. Inside the VM the guest kernel's own work costs what the lab's Linux
 * costs (kernel/costs.ts): with EPT a syscall or page-cache read does not exit.
 *
 * A request that leaves the VM is anchored to a measured whole: one 4 KiB
 * psync read with cache=none took 4096 B / 98.4 MB/s = 41.6 µs over virtio-fs
 * and 4096 B / 98.6 MB/s = 41.5 µs over virtio-9p (Goyal, Dec 2020), and a
 * 4 KiB random read on a Firecracker virtio-blk drive 1 s / 13,000 IOPS =
 * 76.9 µs (Agache et al., NSDI 2020). The hops the lab can name get their own
 * figures; the backend's hop carries the rest of the measured whole.
 */
const PAGE = 4096;
const NEHALEM_GHZ = 2.93; // Xeon X5570, the CPU of vmexit-direct-cost-nehalem

/** What hostSyscall() adds for a filtered helper (gvisor-seccomp-eval-aggregate-after); counted so the wholes add up. */
export const FILTER_CHECK_NS = 30.1;

const part = {
  /** Building the request and its descriptor chain in the guest driver: a few hundred ns of memory writes (estimate). */
  guestRequest: { ns: 300, source: 'estimate' },
  /** The notify write traps: one VM exit + entry, 2,000 cycles at 2.93 GHz; the paper notes handling can cost 10× more. */
  vmExit: { ns: 2000 / NEHALEM_GHZ, source: 'vmexit-direct-cost-nehalem' },
  /** The backend thread (virtiofsd, a VMM thread, a vhost worker) wakes from epoll: a thread switch. */
  backendWake: { ns: 1070, source: 'native-ctxswitch-thread' },
  /** read()/write() of an 8-byte eventfd counter: a short syscall, a little more than getpid's 62 ns (estimate). */
  eventfd: { ns: 150, source: 'estimate' },
  /** The interrupt back: the irqfd makes KVM re-enter the vCPU with an interrupt injected (one more exit/entry pair). */
  irqInject: { ns: 2000 / NEHALEM_GHZ, source: 'vmexit-direct-cost-nehalem' },
  /** The guest task sleeping on the reply is woken: a process switch inside the guest. */
  guestWake: { ns: COST.processSwitch.ns, source: COST.processSwitch.source },
} as const satisfies Record<string, Cost>;

/** The host kernel's work for the backend's file syscalls. */
export const HOST_WORK = {
  /** openat/openat2: half of open()+close() on tmpfs under runc (young19). */
  open: { ns: COST.openClose.ns / 2, source: COST.openClose.source },
  close: { ns: COST.openClose.ns / 2, source: COST.openClose.source },
  /** preadv2/preadv/read of 4 KiB from the page cache (young19 read4k under runc). */
  read4k: COST.read4k,
  /** statx/newfstatat of a cached inode: a few hundred ns (estimate). */
  stat: { ns: 300, source: 'estimate' },
  /** pwritev2/pwritev of a few KiB into the page cache: about a 4 KiB read plus dirtying the page (estimate). */
  write: { ns: 1200, source: 'estimate' },
  /** lseek or dup: an offset or fd-table update (estimate). */
  fdOp: { ns: 100, source: 'estimate' },
  /** mkdirat/unlinkat/getdents64: a directory change or listing, journaled on ext4 (estimate). */
  dirOp: { ns: 1500, source: 'estimate' },
  /** mmap of a file range into the DAX window: page-table and VMA work (estimate). */
  mmap: { ns: 1000, source: 'estimate' },
  /** sendmsg/read/write of a small message on a Unix or vsock socket (estimate). */
  message: { ns: 500, source: 'estimate' },
} as const satisfies Record<string, Cost>;

/** The parts of one request whose cost the lab can name, by transport; host calls under a filter pay FILTER_CHECK_NS each. */
function namedParts(filtered: boolean, hostCalls: readonly Cost[], completion: boolean): number {
  const filter = filtered ? FILTER_CHECK_NS * hostCalls.length : 0;
  const done = completion ? part.irqInject.ns + part.guestWake.ns : 0;
  return part.guestRequest.ns + part.vmExit.ns + part.backendWake.ns + hostCalls.reduce((s, c) => s + c.ns, 0) + filter + done;
}

/** The measured wholes, in ns per request. */
export const MEASURED = {
  virtioFsRead4k: { ns: (PAGE / 98.4e6) * 1e9, source: 'goyal20-seqread-psync-virtio-fs' },
  virtio9pRead4k: { ns: (PAGE / 98.6e6) * 1e9, source: 'goyal20-seqread-psync-virtio-9p' },
  /** A 4 KiB read through the DAX window (cache=none + DAX): the guest copies from mapped host pages, no exit. */
  daxRead4k: { ns: (PAGE / 660.3e6) * 1e9, source: 'goyal20-seqread-psync-virtio-fs-dax' },
  /** Firecracker virtio-blk 4 KiB random read (13,000 IOPS; "+49 µs vs bare metal" in the same paper). */
  fcBlockRead4k: { ns: 1e9 / 13000, source: 'fc-nsdi-randread-iops' },
  /** One packet's share of the network latency a microVM adds: 0.06 ms per ping round trip, halved (Firecracker's spec; the lab uses it for every VMM). */
  packetOut: { ns: 0.06e6 / 2, source: 'fc-spec-net-latency' },
} as const satisfies Record<string, Cost>;

/**
 * The backend's own handling of one request: the measured whole less the
 * named parts of the same request (a 4 KiB read, its eventfd read and write).
 * Other requests of the same transport are assumed to cost the same overhead.
 */
export const BACKEND = {
  virtiofsd: { ns: MEASURED.virtioFsRead4k.ns - namedParts(true, [part.eventfd, HOST_WORK.read4k, part.eventfd], true), source: MEASURED.virtioFsRead4k.source },
  qemu9p: { ns: MEASURED.virtio9pRead4k.ns - namedParts(false, [part.eventfd, HOST_WORK.read4k, part.eventfd], true), source: MEASURED.virtio9pRead4k.source },
  fcBlock: { ns: MEASURED.fcBlockRead4k.ns - namedParts(true, [part.eventfd, HOST_WORK.fdOp, HOST_WORK.read4k, part.eventfd], true), source: MEASURED.fcBlockRead4k.source },
  /** vhost-net (no filter, no eventfd syscalls: the worker is a kernel thread) and the VMMs' net threads: the packet's trip out less the kick and the wake. */
  packetVhost: { ns: MEASURED.packetOut.ns - namedParts(false, [], false), source: MEASURED.packetOut.source },
  packetVmm: { ns: MEASURED.packetOut.ns - namedParts(true, [part.eventfd, HOST_WORK.write], false), source: MEASURED.packetOut.source },
} as const satisfies Record<string, Cost>;

export const KATA_COST = {
  ...part,
  /** The guest's syscall entry: the same instruction and kernel entry as on bare metal, inside the VM. */
  guestSyscall: COST.syscallEntryExit,
  /** A read served by the DAX window: the measured DAX read less the guest's own read() (entry and page-cache copy), which the guest kernel's hops already count. */
  daxCopy: { ns: MEASURED.daxRead4k.ns - COST.syscallEntryExit.ns - COST.read4k.ns, source: MEASURED.daxRead4k.source },
  /** kata-agent wakes to read the container's pty and answer the shim's ReadStdout: a process switch in the guest. */
  agentRelay: { ns: COST.processSwitch.ns, source: COST.processSwitch.source },
  /** Writing a ttRPC frame to the guest's vsock socket: a short message (estimate). */
  ttrpcFrame: { ns: 500, source: 'estimate' },
  /** A write that only dirties guest page-cache pages: the guest kernel's handler hop already counts the copy (estimate: nothing more now). */
  pageCacheWrite: { ns: 0, source: 'estimate' },
} as const satisfies Record<string, Cost>;

/**
 * The sandbox's start. Kata's CI measured the whole "to-workload" boot of a
 * busybox container (0.71 s with QEMU, 0.39 s with Cloud Hypervisor, on a
 * packet.com c1.small worker); the lab estimates the steps around the VM's
 * own boot and gives the VM boot the rest of the measured whole. Kata on
 * Firecracker has no such figure: its VM boot is Firecracker's own
 * InstanceStart → /sbin/init bound (125 ms, fc-spec-boot), and its total is
 * not a measurement.
 */
export const BOOT_COST = {
  /** containerd starts containerd-shim-kata-v2 (a Go binary) and it loads configuration.toml: ~10 ms (estimate). */
  shimStart: { ns: 10e6, source: 'estimate' },
  /** virtiofsd starts, sandboxes itself (namespaces, seccomp) and waits on its socket: a few ms (estimate). */
  virtiofsdStart: { ns: 5e6, source: 'estimate' },
  /** QEMU start-up to the guest's first instruction (a unikernel guest, Unikraft 2021). */
  vmmStartQemu: { ns: 37.77e6, source: 'uk21-vmm-boot-qemu' },
  /** No published figure for Cloud Hypervisor: a Rust VMM like Firecracker (1.48 ms) with PCI and ACPI set-up — a few ms (estimate). */
  vmmStartClh: { ns: 5e6, source: 'estimate' },
  /** Firecracker start-up to the guest's first instruction (Unikraft 2021). */
  vmmStartFirecracker: { ns: 1.48e6, source: 'uk21-vmm-boot-firecracker' },
  /** Firecracker's bound from InstanceStart to the guest's /sbin/init (a minimal kernel and rootfs): upper bound. */
  guestBootFirecracker: { ns: 125e6, source: 'fc-spec-boot' },
  /** One ttRPC round trip over vsock with light agent work (Check, UpdateInterface…): ~1 ms (estimate). */
  rpc: { ns: 1e6, source: 'estimate' },
  /** CopyFile of a small file (hostname, hosts, resolv.conf) into the guest: one ttRPC round trip (estimate). */
  copyFile: { ns: 1e6, source: 'estimate' },
  /** CreateContainer: the agent mounts the rootfs and storages, and rustjail forks the container's init (estimate). */
  createContainer: { ns: 10e6, source: 'estimate' },
  /** StartContainer: the agent lets the container's init exec the workload (estimate). */
  startContainer: { ns: 5e6, source: 'estimate' },
} as const satisfies Record<string, Cost>;

/** The measured whole boot by hypervisor; null where none is published (Kata on Firecracker). */
export const BOOT_TOTAL: Readonly<Record<'qemu' | 'clh' | 'firecracker', Cost | null>> = {
  qemu: { ns: 0.71e9, source: 'kata-ci-boot-qemu' },
  clh: { ns: 0.39e9, source: 'kata-ci-boot-clh' },
  firecracker: null,
};
