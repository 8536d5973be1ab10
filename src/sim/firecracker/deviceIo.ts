import type { DispatchOutcome } from '../kernel/dispatch.ts';
import { pathCtx, vfsEnv } from '../kernel/vfsBridge.ts';
import type { OpenFile } from '../kernel/process.ts';
import type { World } from '../kernel/world.ts';
import type { SyscallCall } from '../syscalls/args.ts';
import { argNumber } from '../syscalls/argValue.ts';
import { getFs, type FsType } from '../vfs/filesystem.ts';
import { resolve } from '../vfs/resolve.ts';

/**
 * The I/O a guest call sends out of the microVM, decided from the guest
 * kernel's answer. Only what must leave the VM is here: a read the guest's
 * page cache cannot serve goes to virtio-blk, an fsync becomes a flush
 * request, a datagram to a non-local address goes out through virtio-net.
 * The lab does not keep a page cache, so it treats every read of a
 * block-backed file that returns data as a miss (cold cache); a real guest
 * serves repeated reads from memory without any exit.
 */
export type DeviceIo =
  | { type: 'blk-read'; path: string; bytes: number }
  | { type: 'blk-flush'; path: string }
  | { type: 'net-tx'; bytes: number; dest: string };

const READS = new Set(['read', 'pread64', 'readv', 'preadv', 'preadv2']);
const FLUSHES = new Set(['fsync', 'fdatasync']);
/**
 * Filesystems that live on a block device in the guest. The container's
 * root (an overlay in the lab) sits on a virtio-blk drive: firecracker-containerd
 * attaches each container's snapshot as a drive.
 */
const BLOCK_BACKED: readonly FsType[] = ['ext4', 'xfs', 'overlay'];

export function deviceIoFor(before: World, pid: number, call: SyscallCall, outcome: DispatchOutcome | null): DeviceIo | null {
  if (!outcome || outcome.errno || outcome.terminated) return null;
  if (READS.has(call.name) && outcome.retval > 0) {
    const path = blockBackedPath(before, pid, call);
    return path ? { type: 'blk-read', path, bytes: outcome.retval } : null;
  }
  if (FLUSHES.has(call.name)) {
    const path = blockBackedPath(before, pid, call);
    return path ? { type: 'blk-flush', path } : null;
  }
  if (call.name === 'sendto' && fdOf(before, pid, call)?.kind === 'socket') {
    const dest = call.args[4]?.text ?? '';
    const length = call.args[2] ? argNumber(call.args[2]) : undefined;
    return leavesTheVm(dest) ? { type: 'net-tx', bytes: length ?? outcome.retval, dest } : null;
  }
  return null;
}

/** The path of the call's fd when it is a regular file on a block-backed filesystem of the guest. */
function blockBackedPath(world: World, pid: number, call: SyscallCall): string | null {
  const proc = world.procs[pid];
  const file = fdOf(world, pid, call);
  if (!proc || !file || file.kind !== 'file') return null;
  const found = resolve(vfsEnv(world, proc), pathCtx(world, proc), file.path);
  if (!found.ok) return null;
  const type = getFs(world.vfs, found.value.fsId)?.type;
  return type && BLOCK_BACKED.includes(type) ? file.path : null;
}

/** The open file the call's first argument names, in the caller's fd table before the call. */
function fdOf(world: World, pid: number, call: SyscallCall): OpenFile | undefined {
  const fdArg = call.args[0];
  const fd = fdArg ? argNumber(fdArg) : undefined;
  return fd === undefined ? undefined : world.procs[pid]?.fds[fd];
}

/** An IPv4 or IPv6 destination that is not loopback: the packet is routed out of eth0, the guest's virtio-net. */
function leavesTheVm(dest: string): boolean {
  if (!/AF_INET6?\b/.test(dest)) return false;
  return !/inet_addr\("127\.|inet_pton\(AF_INET6, "::1"/.test(dest);
}
