import type { Cost } from '../kernel/costs.ts';
import type { RuntimeOptions } from '../runtime/types.ts';
import { FC_COST } from './costs.ts';
import type { DeviceIo } from './deviceIo.ts';
import type { FirecrackerThread } from './vmmFilter.ts';

/**
 * The host syscalls Firecracker makes to serve one device request, in order,
 * by the thread that makes them. Device emulation runs in the VMM thread's
 * event loop: KVM signals the queue's ioeventfd, the loop reads it, serves
 * the request and signals the device's irqfd.
 * @see https://github.com/firecracker-microvm/firecracker/blob/81b38b9dad6056d7a48073e95ac5a9aed51cb2ab/src/vmm/src/device_manager/mmio.rs (register_ioevent on QueueNotify, register_irq)
 * @see https://github.com/firecracker-microvm/firecracker/blob/81b38b9dad6056d7a48073e95ac5a9aed51cb2ab/src/vmm/src/devices/virtio/block/virtio/io/sync_io.rs (seek, then read_exact_volatile: read(2) into guest memory; flush: sync_all = fsync)
 * @see https://github.com/firecracker-microvm/firecracker/blob/81b38b9dad6056d7a48073e95ac5a9aed51cb2ab/src/vmm/src/devices/virtio/block/virtio/io/async_io.rs (io_uring, completion eventfd)
 * @see https://github.com/firecracker-microvm/firecracker/blob/81b38b9dad6056d7a48073e95ac5a9aed51cb2ab/src/vmm/src/devices/virtio/net/tap.rs (write_iovec: writev on the tap fd)
 * @see https://github.com/firecracker-microvm/firecracker/blob/81b38b9dad6056d7a48073e95ac5a9aed51cb2ab/docs/api_requests/block-io-engine.md (Sync is the default engine)
 */
export interface HostStep {
  thread: FirecrackerThread;
  name: string;
  purpose: string;
  cost: Cost;
}

const vmm = (name: string, purpose: string, cost: Cost): HostStep => ({ thread: 'vmm', name, purpose, cost });

const clearQueue = (device: string) => vmm('read', `clears the ${device} queue's eventfd that KVM signalled`, FC_COST.eventfd);
const raiseIrq = (device: string) => vmm('write', `writes 1 to the ${device}'s irqfd so that KVM injects its interrupt into the guest`, FC_COST.eventfd);

function blockSteps(io: Extract<DeviceIo, { type: 'blk-read' | 'blk-flush' }>, engine: string): HostStep[] {
  const sync = engine !== 'async';
  if (io.type === 'blk-read') {
    const work = sync
      ? [
          vmm('lseek', "seeks the drive's backing file to the request's sector", FC_COST.lseek),
          vmm('read', `reads the requested sectors (${io.bytes} bytes of ${io.path}) from the backing file straight into guest memory`, FC_COST.hostRead4k),
        ]
      : [
          vmm('io_uring_enter', 'submits the read to the io_uring of the Async engine', FC_COST.ioUringSubmit),
          vmm('read', "clears the engine's completion eventfd once the read is done", FC_COST.eventfd),
        ];
    return [clearQueue('virtio-blk'), ...work, raiseIrq('virtio-blk')];
  }
  const flush = sync
    ? [vmm('fsync', `flushes the backing file to the host's disk (sync_all) for the guest's fsync of ${io.path}`, FC_COST.hostFsync)]
    : [
        vmm('io_uring_enter', 'submits an fsync to the io_uring of the Async engine', FC_COST.ioUringSubmit),
        vmm('read', "clears the engine's completion eventfd once the flush is done", FC_COST.eventfd),
      ];
  return [clearQueue('virtio-blk'), ...flush, raiseIrq('virtio-blk')];
}

/** The host syscalls for one request, for these options (`io-engine`: Sync or Async block engine). */
export function hostPlan(io: DeviceIo, options: RuntimeOptions): HostStep[] {
  if (io.type === 'net-tx') {
    return [
      clearQueue('virtio-net TX'),
      vmm('writev', `copies the ${io.bytes}-byte frame from guest memory to the tap device (after the rate limiter)`, FC_COST.tapWrite),
      raiseIrq('virtio-net'),
    ];
  }
  return blockSteps(io, options['io-engine'] ?? 'sync');
}

/** Which device a request goes to, for notes. */
export function deviceName(io: DeviceIo): string {
  return io.type === 'net-tx' ? 'virtio-net' : 'virtio-blk';
}
