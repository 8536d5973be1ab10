import { TERMINAL_PATH } from '../kernel/boot.ts';
import type { World } from '../kernel/world.ts';
import { argNumber } from '../syscalls/argValue.ts';
import type { SyscallCall } from '../syscalls/args.ts';
import { BLOCK_SIZE, IMAGE_CAPACITY } from './tender.ts';
import type { Hypercall } from './hypercalls.ts';

/**
 * What the library OS asks of Solo5 after it has done a call's work: the
 * device I/O behind it, as Solo5 calls in order.
 *
 * - Console: rump's console device hands every byte to rumpuser_putchar(),
 *   and rumprun's Solo5 platform prints each one with solo5_console_write(&c, 1):
 *   one host write(1, …, 1) per byte. stderr is the same device, so it too
 *   leaves on the tender's fd 1.
 * - Files on the image: cd9660 reads 2048-byte logical blocks, and rumprun's
 *   block driver splits each into 512-byte sectors, one solo5_block_read each
 *   (rumpuser_bio loops with sector_size). /tmp is tmpfs: memory only.
 * - Sockets: NetBSD's TCP/IP in the rump kernel builds the frames; the ukvmif
 *   interface sends each with solo5_net_write and takes input with solo5_net_read.
 * - Sleeping: the rumprun scheduler reads the clock and, with nothing to run,
 *   blocks in solo5_yield until the deadline.
 * @see https://github.com/nabla-containers/rumprun/blob/7471b7df086d9d7b836eacb95599b731006ef779/platform/solo5/cons.c
 * @see https://github.com/nabla-containers/rumprun/blob/7471b7df086d9d7b836eacb95599b731006ef779/platform/solo5/rumpukvm_bio.c
 * @see https://github.com/nabla-containers/rumprun/blob/7471b7df086d9d7b836eacb95599b731006ef779/platform/solo5/kernel.c (bmk_platform_cpu_block → solo5_yield)
 * @see NetBSD sys/rump/librump/rumpkern/cons.c rumpcons_write (one rumpuser_putchar per byte)
 *
 * Simplifications (said in the hops): metadata (directories walked by open
 * and stat, inodes) is taken to be in rump's buffer cache since the mount;
 * file data is read from the device every time (no buffer-cache hits); each
 * file's extent sits at an offset the lab derives from its path.
 */
export const CD9660_BLOCK = 2048;
/** How many of a run of identical Solo5 calls the lab draws one by one; the rest become one summary hop. */
export const DRAWN = 8;
const ETH_TCP_HEADERS = 54;
const MSS = 1460;

/** A step of the libOS's own I/O path drawn before its Solo5 calls (a block request, a segment built). */
export interface LibOsIoNote { type: 'libos'; layer: 'libos-vfs' | 'libos-net'; note: string }

export type IoPlan = (Hypercall | LibOsIoNote | { type: 'repeat'; of: Hypercall; count: number })[];

/** A run of calls: the first DRAWN of them, then one summary for the rest. */
export function drawn(calls: Hypercall[]): IoPlan {
  if (calls.length <= DRAWN) return calls;
  const last = calls[calls.length - 1] as Hypercall;
  return [...calls.slice(0, DRAWN), { type: 'repeat', of: last, count: calls.length - DRAWN }];
}

export function consoleText(text: string): IoPlan {
  return drawn([...text].map((byte): Hypercall => ({ type: 'console', byte })));
}

/** Where a file's data starts on the image: a made-up but stable extent, sector-aligned, inside the capacity. */
function extentOf(path: string): number {
  let h = 0;
  for (const ch of path) h = (h * 31 + ch.charCodeAt(0)) % 9973;
  return 64 * 1024 + h * 4 * CD9660_BLOCK;
}

/** The sector reads behind `bytes` bytes at `offset` of a file on the image. */
export function blockReads(path: string, offset: number, bytes: number): IoPlan {
  if (bytes <= 0) return [];
  const first = Math.floor(offset / CD9660_BLOCK);
  const last = Math.floor((offset + bytes - 1) / CD9660_BLOCK);
  const base = extentOf(path);
  const reads: Hypercall[] = [];
  const blocks = last - first + 1;
  const note: LibOsIoNote = { type: 'libos', layer: 'libos-vfs', note: `cd9660 needs ${blocks} logical block${blocks > 1 ? 's' : ''} (${CD9660_BLOCK} bytes each) of ${path} that are not in memory; rumprun's block driver (rumpuser_bio) splits each into ${CD9660_BLOCK / BLOCK_SIZE} sectors, one solo5_block_read per sector` };
  for (let b = first; b <= last; b++) {
    for (let s = 0; s < CD9660_BLOCK / BLOCK_SIZE; s++) {
      const at = base + b * CD9660_BLOCK + s * BLOCK_SIZE;
      if (at <= IMAGE_CAPACITY - BLOCK_SIZE) reads.push({ type: 'blockRead', offset: at });
    }
  }
  return [note, ...drawn(reads)];
}

function frames(bytes: number, what: string): IoPlan {
  const count = Math.max(1, Math.ceil(bytes / MSS));
  const note: LibOsIoNote = { type: 'libos', layer: 'libos-net', note: `NetBSD's TCP/IP in the rump kernel cuts ${bytes} bytes into ${count} segment${count > 1 ? 's' : ''} and the ukvmif0 driver hands each frame to solo5_net_write` };
  return [note, ...drawn(Array.from({ length: count }, (_, i): Hypercall => ({ type: 'netWrite', bytes: Math.max(0, Math.min(MSS, bytes - i * MSS)) + ETH_TCP_HEADERS, what })))];
}

export function sleepIo(deadlineNs: number): IoPlan {
  return [{ type: 'clockMonotonic' }, { type: 'yield', deadlineNs }, { type: 'clockMonotonic' }];
}

const onImage = (path: string) => !(path === '/tmp' || path.startsWith('/tmp/'));
const fdArg = (call: SyscallCall) => (call.args[0] ? argNumber(call.args[0]) : undefined);
const WRITES = new Set(['write', 'writev', 'pwrite64', 'pwritev']);
const READS = new Set(['read', 'readv', 'pread64', 'preadv']);
const SENDS = new Set(['sendto', 'sendmsg', 'sendmmsg']);
const RECVS = new Set(['recvfrom', 'recvmsg', 'recvmmsg']);

/** The Solo5 calls behind a call the rump kernel served, from the fds before and the result. */
export function plannedIo(before: World, pid: number, call: SyscallCall, retval: number, data: string | undefined): IoPlan {
  const fd = fdArg(call);
  const file = fd === undefined ? undefined : before.procs[pid]?.fds[fd];
  if (!file) return [];
  const name = call.name;
  if (WRITES.has(name) && file.path === TERMINAL_PATH) return consoleText((call.args[1]?.type === 'string' ? call.args[1].value : '').slice(0, retval));
  if ((WRITES.has(name) || SENDS.has(name)) && file.kind === 'socket') return frames(retval, 'a TCP segment built by the rump kernel');
  if ((READS.has(name) || RECVS.has(name)) && file.kind === 'socket') {
    return [{ type: 'yield', deadlineNs: before.timeNs + 1e9 }, { type: 'netRead', bytes: Math.max(retval, 0) + ETH_TCP_HEADERS, what: 'the reply, for the rump kernel to parse' }];
  }
  if (name === 'connect' && file.kind === 'socket') {
    return [{ type: 'netWrite', bytes: 74, what: 'SYN' }, { type: 'yield', deadlineNs: before.timeNs + 1e9 }, { type: 'netRead', bytes: 74, what: 'SYN-ACK' }, { type: 'netWrite', bytes: 66, what: 'ACK' }];
  }
  if (READS.has(name) && file.kind === 'file' && onImage(file.path)) {
    const at = name === 'pread64' || name === 'preadv' ? (call.args[3] ? argNumber(call.args[3]) ?? 0 : 0) : file.offset;
    return blockReads(file.path, at, retval);
  }
  if (name === 'getdents64' || name === 'getdents') {
    return file.kind === 'dir' && onImage(file.path) && retval > 0 && data !== undefined ? blockReads(file.path, 0, Math.min(retval, CD9660_BLOCK)) : [];
  }
  return [];
}
