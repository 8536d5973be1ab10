import type { Cost } from '../kernel/costs.ts';
import { firecrackerThread } from '../firecracker/vmmFilter.ts';
import type { HelperProcess } from '../hostcalls/helperProcess.ts';
import { BACKEND, HOST_WORK } from './costs.ts';
import type { KataSettings } from './options.ts';
import { QEMU, VIRTIOFSD, type Backend } from './processes.ts';
import { backendHops, callWrite, completionHops, guestHop, kickHop, kickRead, type DeviceTrip, type TripHostCall } from './trips.ts';

/**
 * A file operation the guest must ask the host for, and the request each
 * transport turns it into, with the host syscalls its server really makes.
 * virtio-fs: virtiofsd's passthrough filesystem — lookups open an O_PATH fd
 * with openat2 (RESOLVE_IN_ROOT; hosts since Linux 5.6) and statx it, opens
 * reopen that fd through /proc/self/fd with openat, data moves with
 * preadv2/pwritev2, FUSE_FLUSH is dup+close.
 * virtio-9p: QEMU's 9p server (fsdev local) walks with openat + fstatat and
 * moves data with preadv/pwritev. Firecracker: its VMM thread serves
 * virtio-blk with the sync engine (lseek then read/write on the backing file).
 * @see https://github.com/openresearchtools/virtiofsd/blob/47e1f31ec9e5dbc8f2a0fec98f2b88cf1ef81369/src/passthrough/mod.rs
 * @see https://github.com/openresearchtools/virtiofsd/blob/47e1f31ec9e5dbc8f2a0fec98f2b88cf1ef81369/src/oslib.rs (readv_at → preadv2, pwritev2, do_open_relative_to → openat2)
 * @see https://github.com/qemu/qemu/blob/58deb358c661b7a0ea6c231be5e8dafd335ab587/hw/9pfs/9p-local.c
 * @see https://github.com/firecracker-microvm/firecracker/blob/81b38b9dad6056d7a48073e95ac5a9aed51cb2ab/src/vmm/src/devices/virtio/block/virtio/io/sync_io.rs
 */
export type FsOpKind = 'lookup' | 'open' | 'create' | 'getattr' | 'read' | 'write' | 'flush' | 'release' | 'readdir' | 'mkdir' | 'unlink' | 'rmdir' | 'fsync' | 'setupmapping';

export interface FsOp {
  op: FsOpKind;
  path: string;
  /** For a lookup: whether the name exists (a miss comes back ENOENT). */
  found?: boolean;
  /** A directory: virtio-fs opens and releases it with FUSE_OPENDIR and FUSE_RELEASEDIR. */
  dir?: boolean;
}

const DIR_REQUEST: Readonly<Record<string, string>> = { FUSE_OPEN: 'FUSE_OPENDIR', FUSE_RELEASE: 'FUSE_RELEASEDIR' };

type Spec = { name: string; purpose: string; cost: Cost; proc?: HelperProcess };
type Table = Partial<Record<FsOpKind, { request: string; calls: (o: FsOp) => Spec[] }>>;

const base = (p: string) => p.split('/').filter(Boolean).pop() ?? '/';
const openRel = (o: FsOp, why: string): Spec => ({ name: 'openat2', purpose: `opens "${base(o.path)}" relative to its parent's O_PATH fd (RESOLVE_IN_ROOT) ${why}`, cost: HOST_WORK.open });
const statx: Spec = { name: 'statx', purpose: 'reads the inode\'s attributes for the reply', cost: HOST_WORK.stat };

const VIRTIO_FS: Table = {
  lookup: { request: 'FUSE_LOOKUP', calls: (o) => (o.found === false ? [openRel(o, 'with O_PATH|O_NOFOLLOW: there is no such name, so ENOENT goes back to the guest')] : [openRel(o, 'with O_PATH|O_NOFOLLOW to hold the inode'), statx]) },
  open: { request: 'FUSE_OPEN', calls: () => [{ name: 'openat', purpose: "re-opens the inode's O_PATH fd through /proc/self/fd/N with the guest's flags", cost: HOST_WORK.open }] },
  create: { request: 'FUSE_CREATE', calls: (o) => [openRel(o, 'with O_CREAT|O_EXCL, creating the file in the shared directory'), statx] },
  getattr: { request: 'FUSE_GETATTR', calls: () => [statx] },
  read: { request: 'FUSE_READ', calls: () => [{ name: 'preadv2', purpose: 'reads the range from the host file straight into the guest\'s buffers', cost: HOST_WORK.read4k }] },
  write: { request: 'FUSE_WRITE', calls: () => [{ name: 'pwritev2', purpose: 'writes the guest\'s buffers to the host file', cost: HOST_WORK.write }] },
  flush: { request: 'FUSE_FLUSH', calls: () => [{ name: 'dup', purpose: 'duplicates the handle\'s fd, to close the copy as the guest closed its fd', cost: HOST_WORK.fdOp }, { name: 'close', purpose: 'closes the copy (what close() in the guest means for the host file)', cost: HOST_WORK.close }] },
  release: { request: 'FUSE_RELEASE', calls: () => [{ name: 'close', purpose: 'drops the handle and closes its host fd', cost: HOST_WORK.close }] },
  readdir: { request: 'FUSE_READDIRPLUS', calls: () => [{ name: 'getdents64', purpose: 'lists the host directory (READDIRPLUS then looks each entry up; the lab shows the listing)', cost: HOST_WORK.dirOp }] },
  mkdir: { request: 'FUSE_MKDIR', calls: (o) => [{ name: 'mkdirat', purpose: 'creates the directory in the shared tree', cost: HOST_WORK.dirOp }, openRel(o, 'with O_PATH to look the new directory up'), statx] },
  unlink: { request: 'FUSE_UNLINK', calls: () => [{ name: 'unlinkat', purpose: 'removes the name from the shared tree', cost: HOST_WORK.dirOp }] },
  rmdir: { request: 'FUSE_RMDIR', calls: () => [{ name: 'unlinkat', purpose: 'removes the directory (AT_REMOVEDIR)', cost: HOST_WORK.dirOp }] },
  fsync: { request: 'FUSE_FSYNC', calls: () => [{ name: 'fsync', purpose: 'flushes the host file', cost: HOST_WORK.dirOp }] },
  setupmapping: {
    request: 'FUSE_SETUPMAPPING',
    calls: () => [
      { name: 'sendmsg', purpose: 'asks QEMU over the vhost-user backend channel to map the file range into the DAX window, passing the fd (the design; virtiofsd 1.13 answers ENOSYS)', cost: HOST_WORK.message },
      { name: 'mmap', purpose: 'QEMU maps the file range MAP_FIXED into the DAX window, a PCI BAR backed by host page cache', cost: HOST_WORK.mmap, proc: QEMU },
    ],
  },
};

const walk = (o: FsOp): Spec[] => [
  { name: 'openat', purpose: `opens the parent directory of "${base(o.path)}" (O_DIRECTORY|O_NOFOLLOW, one component at a time)`, cost: HOST_WORK.open },
  { name: 'newfstatat', purpose: o.found === false ? 'lstat()s the name with AT_SYMLINK_NOFOLLOW: ENOENT goes back to the guest' : 'lstat()s the name with AT_SYMLINK_NOFOLLOW', cost: HOST_WORK.stat },
  { name: 'close', purpose: 'closes the directory fd', cost: HOST_WORK.close },
];

const VIRTIO_9P: Table = {
  lookup: { request: 'Twalk', calls: walk },
  getattr: { request: 'Tgetattr', calls: walk },
  open: { request: 'Tlopen', calls: () => [{ name: 'openat', purpose: 'opens the file below the export\'s root fd with O_NOFOLLOW', cost: HOST_WORK.open }] },
  create: { request: 'Tlcreate', calls: () => [{ name: 'openat', purpose: 'creates and opens the file with O_CREAT|O_NOFOLLOW', cost: HOST_WORK.open }] },
  read: { request: 'Tread', calls: () => [{ name: 'preadv', purpose: 'reads the range from the host file', cost: HOST_WORK.read4k }] },
  write: { request: 'Twrite', calls: () => [{ name: 'pwritev', purpose: 'writes the range to the host file', cost: HOST_WORK.write }] },
  release: { request: 'Tclunk', calls: () => [{ name: 'close', purpose: 'closes the fid\'s host fd', cost: HOST_WORK.close }] },
  readdir: { request: 'Treaddir', calls: () => [{ name: 'getdents64', purpose: 'reads the host directory (readdir(3))', cost: HOST_WORK.dirOp }] },
  mkdir: { request: 'Tmkdir', calls: () => [{ name: 'mkdirat', purpose: 'creates the directory', cost: HOST_WORK.dirOp }] },
  unlink: { request: 'Tunlinkat', calls: () => [{ name: 'unlinkat', purpose: 'removes the name', cost: HOST_WORK.dirOp }] },
  rmdir: { request: 'Tunlinkat', calls: () => [{ name: 'unlinkat', purpose: 'removes the directory (AT_REMOVEDIR)', cost: HOST_WORK.dirOp }] },
  fsync: { request: 'Tfsync', calls: () => [{ name: 'fsync', purpose: 'flushes the host file', cost: HOST_WORK.dirOp }] },
};

const blockRead = (what: string) => ({ request: 'VIRTIO_BLK_T_IN', calls: () => [
  { name: 'lseek', purpose: `seeks the devmapper volume to the sector of ${what}`, cost: HOST_WORK.fdOp },
  { name: 'read', purpose: 'reads 4 KiB of the volume into guest memory', cost: HOST_WORK.read4k },
] });

const VIRTIO_BLK: Table = {
  lookup: blockRead('the directory and inode blocks'),
  read: blockRead('the file\'s data'),
  readdir: blockRead('the directory\'s blocks'),
  fsync: { request: 'VIRTIO_BLK_T_FLUSH', calls: () => [{ name: 'fsync', purpose: 'flushes the volume', cost: HOST_WORK.dirOp }] },
};

interface Transport { table: Table; proc: HelperProcess; backendCost: Cost; driver: string; server: string }

function transportOf(s: KataSettings): Transport {
  if (s.transport === 'virtio-9p') return { table: VIRTIO_9P, proc: QEMU, backendCost: BACKEND.qemu9p, driver: "The guest's 9p client (v9fs, trans=virtio, cache=mmap)", server: "QEMU's 9p server (the per-read overhead measured for virtio-9p, Goyal 2020; other requests assumed alike)" };
  if (s.transport === 'virtio-blk') return { table: VIRTIO_BLK, proc: firecrackerThread('vmm'), backendCost: BACKEND.fcBlock, driver: "The guest's ext4 misses its page cache; virtio-blk (over virtio-mmio)", server: "Firecracker's block device emulation (the rest of a 4 KiB random read's 76.9 µs, NSDI 2020)" };
  return { table: VIRTIO_FS, proc: VIRTIOFSD, backendCost: BACKEND.virtiofsd, driver: "The guest's FUSE client (virtiofs)", server: 'its FUSE server and thread pool (the rest of the 41.6 µs measured per 4 KiB read with cache=none, Goyal 2020; other requests assumed alike)' };
}

/** The trip for one file operation, or null when the transport has no such request (the guest handles it alone). */
export function fsTrip(o: FsOp, s: KataSettings): DeviceTrip | null {
  const t = transportOf(s);
  const spec = t.table[o.op];
  if (!spec) return null;
  const device = s.transport;
  const request = o.dir ? (DIR_REQUEST[spec.request] ?? spec.request) : spec.request;
  const backend: Backend = { type: 'process', proc: t.proc };
  const hostCalls: TripHostCall[] = [kickRead(t.proc), ...spec.calls(o).map((c) => ({ proc: c.proc ?? t.proc, name: c.name, purpose: c.purpose, cost: c.cost })), callWrite(t.proc)];
  return {
    device, request,
    guest: guestHop(`${t.driver} puts ${request} for "${o.path}" on the ${device} request queue${o.op === 'lookup' ? ' (the lab looks up the last component; uncached directories on the way are looked up too)' : ''}`),
    kick: kickHop(device, t.proc.label),
    backend: backendHops(backend, `pops ${request} and handles it: ${t.server}`, t.backendCost),
    hostCalls,
    completion: completionHops(device),
  };
}
