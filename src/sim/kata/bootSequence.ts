import type { Cost } from '../kernel/costs.ts';
import type { RuntimeOptions } from '../runtime/types.ts';
import { BOOT_COST, BOOT_TOTAL } from './costs.ts';
import { GUEST_KERNEL } from './guest.ts';
import { kataSettings, type KataSettings } from './options.ts';

/**
 * How a Kata sandbox starts, as the Go shim does it (virtcontainers): the
 * shim, virtiofsd, the VMM, the guest kernel and kata-agent, then the shim's
 * ttRPC calls to the agent on vsock port 1024 — Health.Check, the network
 * (UpdateInterface, UpdateRoutes), CreateSandbox, (Firecracker: CopyFile for
 * each bind-mounted file), CreateContainer, StartContainer.
 * kataVmMachine (src/machines) steps through these states in this order.
 * @see https://github.com/kata-containers/kata-containers/blob/7c6ba40c54ea29b459b4997cff948caaba4e658b/src/runtime/virtcontainers/kata_agent.go (startSandbox, setupNetworks, createContainer)
 * @see https://github.com/kata-containers/kata-containers/blob/7c6ba40c54ea29b459b4997cff948caaba4e658b/src/runtime/virtcontainers/fs_share_linux.go (ShareFile: copyFile when FS sharing is unsupported)
 */
export type KataBootState =
  | 'shimStarted' | 'sharedFsDaemon' | 'hypervisorStarted' | 'guestBooted' | 'agentReady'
  | 'networkConfigured' | 'sandboxCreated' | 'filesCopied' | 'containerCreated' | 'containerStarted';

export interface AgentRpc {
  service: 'AgentService' | 'Health';
  name: string;
}

export interface BootStep {
  state: KataBootState;
  layer: string;
  rpc: AgentRpc | null;
  /** Host processes the step starts (as ps names them). */
  starts: string[];
  note: string;
  costNs: number;
  source: string;
}

export interface BootSequence {
  steps: BootStep[];
  totalNs: number;
  /** The measured whole the steps add up to, or null when none is published (Kata on Firecracker). */
  measured: Cost | null;
}

const VMM_NAME = { qemu: 'qemu-system-x86_64', clh: 'cloud-hypervisor', firecracker: 'firecracker' } as const;
const VMM_START = { qemu: BOOT_COST.vmmStartQemu, clh: BOOT_COST.vmmStartClh, firecracker: BOOT_COST.vmmStartFirecracker } as const;

const step = (state: KataBootState, layer: string, note: string, cost: Cost, extra: Partial<BootStep> = {}): BootStep =>
  ({ state, layer, rpc: null, starts: [], note, costNs: cost.ns, source: cost.source, ...extra });

const rpc = (state: KataBootState, name: string, note: string, cost: Cost = BOOT_COST.rpc, service: AgentRpc['service'] = 'AgentService'): BootStep =>
  step(state, 'kata-agent', `shim → kata-agent over ttRPC on vsock: ${service}.${name} — ${note}`, cost, { rpc: { service, name } });

function vmmNote(s: KataSettings): string {
  if (s.hypervisor === 'qemu') return `with no -sandbox (no seccomp filter), ${s.transport === 'virtio-9p' ? 'virtio-9p-pci served by QEMU itself' : 'vhost-user-fs-pci connected to virtiofsd'}, virtio-net on vhost-net, vhost-vsock-pci`;
  if (s.hypervisor === 'clh') return 'with its per-thread seccomp filters (disable_seccomp = false), virtio-fs over vhost-user to virtiofsd, virtio-net, hybrid vsock on a Unix socket';
  return 'with its per-thread seccomp filters, virtio-mmio devices, no shared filesystem, hybrid vsock on a Unix socket';
}

function hostSteps(s: KataSettings): BootStep[] {
  const daemon = s.transport === 'virtio-fs'
    ? [step('sharedFsDaemon', 'virtiofsd', `The shim starts virtiofsd --syslog --cache=${s.cache} --shared-dir=/run/kata-containers/shared/sandboxes/<id>/shared --fd=3 --thread-pool-size=1 --announce-submounts; it sandboxes itself and enables its seccomp filter`, BOOT_COST.virtiofsdStart, { starts: ['virtiofsd'] })]
    : [];
  return [
    step('shimStarted', 'shim', 'containerd starts containerd-shim-kata-v2 (runtime io.containerd.kata.v2); it loads configuration.toml and wires the pod\'s veth to a tap device with tc mirred filters (tcfilter)', BOOT_COST.shimStart, { starts: ['containerd-shim-kata-v2'] }),
    ...daemon,
    step('hypervisorStarted', 'vmm', `The shim starts ${VMM_NAME[s.hypervisor]} ${vmmNote(s)}`, VMM_START[s.hypervisor], { starts: [VMM_NAME[s.hypervisor]] }),
  ];
}

function agentSteps(s: KataSettings): BootStep[] {
  const copies = s.transport === 'virtio-blk'
    ? ['hostname', 'hosts', 'resolv.conf'].map((f) => rpc('filesCopied', 'CopyFile', `Firecracker cannot share files, so the shim copies /etc/${f} into the guest under /run/kata-containers/shared/containers`, BOOT_COST.copyFile))
    : [];
  const storage = s.transport === 'virtio-blk' ? 'no shared filesystem' : `the shared filesystem: the agent mounts kataShared (${s.transport === 'virtio-fs' ? 'virtiofs' : '9p, trans=virtio, cache=mmap'}) at /run/kata-containers/shared/containers`;
  const rootfs = s.transport === 'virtio-blk' ? 'the devmapper snapshot, hot-plugged as a virtio-blk drive and mounted by the agent' : 'its directory in the shared filesystem';
  const seccomp = s.guestSeccomp ? 'the spec keeps Docker\'s seccomp profile, which the agent installs before exec' : 'the shim drops the spec\'s seccomp profile (disable_guest_seccomp = true)';
  return [
    rpc('agentReady', 'Check', 'the agent\'s ttRPC server answers on vsock port 1024 (Health service)', BOOT_COST.rpc, 'Health'),
    rpc('networkConfigured', 'UpdateInterface', 'eth0 in the guest gets the pod\'s MAC and address (172.17.0.2/16)'),
    rpc('networkConfigured', 'UpdateRoutes', 'the guest gets the pod\'s routes'),
    rpc('sandboxCreated', 'CreateSandbox', `hostname, DNS and ${storage}`),
    ...copies,
    rpc('containerCreated', 'CreateContainer', `the OCI spec (namespaces, cgroup, Docker's 14 capabilities) with the rootfs from ${rootfs}; ${seccomp}`, BOOT_COST.createContainer),
    rpc('containerStarted', 'StartContainer', 'the container\'s init execs the workload (sh); the shim starts streaming its stdio with ReadStdout and WriteStdin', BOOT_COST.startContainer),
  ];
}

/** The boot of a Kata sandbox for these options: each step with its RPC, the processes it starts, and its modelled cost. */
export function kataBootSequence(options: RuntimeOptions = {}): BootSequence {
  const s = kataSettings(options);
  const before = hostSteps(s);
  const after = agentSteps(s);
  const measured = BOOT_TOTAL[s.hypervisor];
  const others = [...before, ...after].reduce((sum, x) => sum + x.costNs, 0);
  const bootCost: Cost = measured ? { ns: measured.ns - others, source: measured.source } : BOOT_COST.guestBootFirecracker;
  const why = measured
    ? `the rest of Kata CI's measured ${measured.ns / 1e9} s to-workload boot`
    : "Firecracker's own InstanceStart → /sbin/init bound; Kata on Firecracker has no published whole-boot figure";
  const guest = step('guestBooted', 'guest-kernel', `The guest kernel ${GUEST_KERNEL.release} boots from Kata's guest image and systemd starts kata-agent, which listens on vsock port 1024 (${why})`, bootCost);
  const steps = [...before, guest, ...after];
  return { steps, totalNs: steps.reduce((sum, x) => sum + x.costNs, 0), measured };
}
