import { BACKEND, HOST_WORK, KATA_COST } from './costs.ts';
import type { KataSettings } from './options.ts';
import { netBackend, SHIM, vsockBackend } from './processes.ts';
import { backendHops, guestHop, kickHop, kickRead, type DeviceTrip, type TripHostCall } from './trips.ts';

/**
 * Packets and the terminal: the two other ways a container's I/O leaves the VM.
 *
 * Network: Kata's default internetworking model is tcfilter — the VM's
 * virtio-net is backed by a tap device in the pod's network namespace, and
 * tc mirred filters redirect traffic between the tap and the namespace's
 * veth, whose peer sits on the host bridge (docker0). With QEMU the queue is
 * served by vhost-net, a host kernel thread (disable_vhost_net = false);
 * Cloud Hypervisor's and Firecracker's own threads writev() to the tap.
 * @see https://github.com/kata-containers/kata-containers/blob/7c6ba40c54ea29b459b4997cff948caaba4e658b/src/runtime/Makefile (DEFNETWORKMODEL_* := tcfilter)
 * @see https://github.com/kata-containers/kata-containers/blob/7c6ba40c54ea29b459b4997cff948caaba4e658b/src/runtime/config/configuration-qemu.toml.in (disable_vhost_net = false)
 * @see https://github.com/firecracker-microvm/firecracker/blob/81b38b9dad6056d7a48073e95ac5a9aed51cb2ab/src/vmm/src/devices/virtio/net/tap.rs (writev on the tap fd)
 */
const TAP_PATH = 'tap0_kata → tc mirred → eth0 (the pod\'s veth) → its peer on docker0';

export function packetTrip(s: KataSettings, what: string): DeviceTrip {
  const backend = netBackend(s);
  const hostCalls: TripHostCall[] = backend.type === 'kernel' ? [] : [
    kickRead(backend.proc),
    { proc: backend.proc, name: 'writev', purpose: `writes the frame to the tap fd: ${TAP_PATH}`, cost: HOST_WORK.write },
  ];
  const work = backend.type === 'kernel'
    ? `takes the frame off the TX ring (handle_tx_kick → tun_sendmsg): ${TAP_PATH} (Firecracker's measured per-packet latency, 0.03 ms each way, used for vhost-net too)`
    : 'pops the frame from the TX queue (the rest of Firecracker\'s measured 0.03 ms per packet, used for every VMM)';
  return {
    device: 'virtio-net', request: 'TX frame',
    guest: guestHop(`The guest's TCP/IP stack builds ${what}; virtio-net puts the frame on the TX queue`),
    kick: kickHop('virtio-net', backend.type === 'kernel' ? 'vhost-net' : backend.proc.label),
    backend: backendHops(backend, work, backend.type === 'kernel' ? BACKEND.packetVhost : BACKEND.packetVmm),
    hostCalls,
    completion: [],
  };
}

/**
 * The container's terminal output: the guest kernel queues it on the pty,
 * kata-agent reads the master and answers the shim's pending ReadStdout over
 * ttRPC on vsock; the shim passes the bytes on to containerd's stdout pipe.
 * The lab's shell runs with a tty (docker run -it), so stderr shares the pty
 * and comes back through ReadStdout too. QEMU uses vhost-vsock in the host
 * kernel; Cloud Hypervisor and Firecracker bridge vsock to a Unix socket
 * ("hybrid vsock") in their own thread.
 * @see https://github.com/kata-containers/kata-containers/blob/7c6ba40c54ea29b459b4997cff948caaba4e658b/src/libs/protocols/protos/agent.proto (ReadStdout)
 */
export function stdoutTrip(s: KataSettings, bytes: number): DeviceTrip {
  const backend = vsockBackend(s);
  const vmm: TripHostCall[] = backend.type === 'kernel' ? [] : [
    kickRead(backend.proc),
    { proc: backend.proc, name: 'write', purpose: "writes the frame to the hybrid-vsock Unix socket the shim is connected to", cost: HOST_WORK.message },
  ];
  const shim: TripHostCall[] = [
    { proc: SHIM, name: 'read', purpose: `reads the ttRPC ReadStdout reply (${bytes} bytes) from its ${backend.type === 'kernel' ? 'AF_VSOCK' : 'Unix'} socket`, cost: HOST_WORK.message },
    { proc: SHIM, name: 'write', purpose: "writes the bytes to containerd's stdout FIFO, which the docker client shows on the terminal", cost: HOST_WORK.message },
  ];
  return {
    device: 'virtio-vsock', request: 'ReadStdout',
    guest: guestHop(`kata-agent reads ${bytes} bytes from the container's pty master and writes them as the reply to the shim's ReadStdout on its vsock socket (port 1024)`, KATA_COST.agentRelay, 'kata-agent'),
    kick: kickHop('virtio-vsock', backend.type === 'kernel' ? 'vhost-vsock' : backend.proc.label),
    backend: backendHops(backend, 'moves the frame from the guest\'s TX queue to the host side of the connection', KATA_COST.ttrpcFrame),
    hostCalls: [...vmm, ...shim],
    completion: [],
  };
}
