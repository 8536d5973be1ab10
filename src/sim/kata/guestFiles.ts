import { TERMINAL_PATH } from '../kernel/boot.ts';
import { isPathArg, pathArg, procView } from '../kernel/handlers/pathArgs.ts';
import type { World } from '../kernel/world.ts';
import type { SyscallCall } from '../syscalls/args.ts';
import { childPath } from '../vfs/path.ts';
import { resolve, resolveParent } from '../vfs/resolve.ts';
import type { FileTransport } from './options.ts';

/**
 * Where a file the container names lives, seen from the guest. What runc
 * takes from the host's filesystems — the image's overlay rootfs and the
 * bind-mounted hostname, hosts and resolv.conf — Kata shares from the host
 * (virtio-fs or 9p). On Firecracker the rootfs is a devmapper block device
 * and the three files are copied into the guest (CopyFile) at creation.
 * What the kernel makes itself — /proc, /sys, /dev, tmpfs, cgroupfs — is the
 * guest kernel's own.
 */
export type FileHome = 'shared' | 'block' | 'guest';

export interface Located {
  home: FileHome;
  /** The canonical path in the container's mount namespace. */
  path: string;
  /** False when the name does not exist (its parent's filesystem decided the home). */
  exists: boolean;
}

function homeOf(fsType: string | undefined, transport: FileTransport): FileHome {
  if (fsType === 'overlay') return transport === 'virtio-blk' ? 'block' : 'shared';
  if (fsType === 'ext4' || fsType === 'xfs') return transport === 'virtio-blk' ? 'guest' : 'shared';
  return 'guest';
}

/** The file a path argument names, before the call ran; null when the path cannot be walked at all. */
export function locatePath(world: World, pid: number, call: SyscallCall, pathIdx: number, dirIdx: number | null, transport: FileTransport, follow = true): Located | null {
  if (!world.procs[pid]) return null;
  const at = pathArg({ world, pid, call }, pathIdx, dirIdx);
  if (!isPathArg(at)) return null;
  const r = resolve(at.env, at.ctx, at.path, { follow });
  if (r.ok) return { home: homeOf(world.vfs.filesystems[r.value.fsId]?.type, transport), path: r.value.path, exists: true };
  if (r.errno !== 'ENOENT') return null;
  const parent = resolveParent(at.env, at.ctx, at.path);
  if (!parent.ok) return null;
  const dir = parent.value.dir;
  return { home: homeOf(world.vfs.filesystems[dir.fsId]?.type, transport), path: childPath(dir.path, parent.value.name), exists: false };
}

export type FdTarget =
  | { type: 'file'; located: Located; kind: 'file' | 'dir' }
  | { type: 'terminal' }
  | { type: 'socket' }
  | { type: 'other' };

/** What an fd of the container's process refers to, before the call ran. */
export function locateFd(world: World, pid: number, fd: number, transport: FileTransport): FdTarget | null {
  const p = world.procs[pid];
  const f = p?.fds[fd];
  if (!p || !f) return null;
  if (f.path === TERMINAL_PATH) return { type: 'terminal' };
  if (f.kind === 'socket') return { type: 'socket' };
  if (f.kind !== 'file' && f.kind !== 'dir') return { type: 'other' };
  const v = procView({ world, pid, call: { name: 'read', args: [] } }, p);
  const r = resolve(v.env, v.ctx, f.path);
  if (!r.ok) return { type: 'other' };
  const located: Located = { home: homeOf(world.vfs.filesystems[r.value.fsId]?.type, transport), path: r.value.path, exists: true };
  return { type: 'file', located, kind: f.kind };
}
