import { addProcess } from '../cgroups/procs.ts';
import { createCgroupTree } from '../cgroups/tree.ts';
import { ALL_CAPS } from '../kernel/capabilities.ts';
import { bootHost, IMAGE_MTIME, TERMINAL_FDS } from '../kernel/boot.ts';
import { rootCredentials } from '../kernel/credentials.ts';
import type { NamespaceOf } from '../kernel/namespaces.ts';
import type { Process } from '../kernel/process.ts';
import type { World } from '../kernel/world.ts';
import { DEFAULT_CONTAINER_ID } from '../runtime/runcContainer.ts';
import { addFilesystem, emptyFsStore } from '../vfs/filesystem.ts';
import { DEBIAN_BOOKWORM_SLIM } from '../vfs/images/debianSlim.ts';
import { DEFAULT_MOUNT_FLAGS, type MountNamespace } from '../vfs/mount.ts';
import { mountNew } from '../vfs/mountNew.ts';
import { resolve } from '../vfs/resolve.ts';
import { rootCtx } from '../vfs/setupHelpers.ts';
import { buildTree, dir, file, type TreeEntry } from '../vfs/treeSpec.ts';
import { kernelProviders } from '../kernel/providers.ts';

/**
 * The unikernel's state as the lab models it: the rump kernel as a World of
 * its own, with one process (the program), no seccomp filter, root, and the
 * filesystem rumprun mounts.
 *
 * runnc turns the container's root filesystem into an ISO (genisoimage,
 * leaving out dev, sys and proc; Docker's hostname, hosts and resolv.conf
 * copied into /etc) and attaches it as the block device. rumprun mounts it
 * as cd9660 with MNT_RDONLY, then a 1 MiB tmpfs on /tmp, the one writable
 * place. Its hostname is "rumprun" (rumpuser_getparam RUMPUSER_PARAM_HOSTNAME;
 * runnc's config sets none); it reports NetBSD 7.99.34 (RUMP-ROAST), the
 * release of rumprun's src-netbsd tree.
 * @see https://github.com/nabla-containers/runnc/blob/ba0f41279361c0815a8b0ebb1650eba71b63ec21/llmodules/fs/iso_storage.go
 * @see https://github.com/nabla-containers/runnc/blob/ba0f41279361c0815a8b0ebb1650eba71b63ec21/nabla-lib/storage/storage_linux.go
 * @see https://github.com/nabla-containers/rumprun/blob/7471b7df086d9d7b836eacb95599b731006ef779/lib/librumprun_base/config.c (mount_blk: MOUNT_CD9660, MNT_RDONLY)
 * @see https://github.com/nabla-containers/rumprun/blob/7471b7df086d9d7b836eacb95599b731006ef779/lib/librumprun_base/rumprun.c (tmpfs on /tmp, 1 MiB)
 * @see https://github.com/nabla-containers/rumprun/blob/7471b7df086d9d7b836eacb95599b731006ef779/lib/libbmk_rumpuser/rumpuser_base.c ("rumprun")
 * @see https://github.com/ggkanas/src-netbsd/blob/a0ebd64e07fb3561f9b47a2f53e1190a7e19d25d/sys/sys/param.h (7.99.34)
 *
 * Simplifications: the lab's VFS has no cd9660 type, so the ISO is an
 * inode filesystem marked read-only; the files are the lab's Debian slim
 * image (a Nabla image carries the app's own files); the program's pid is the
 * lab's choice (rump allocates it in its own process table).
 */
export const LIBOS_PID = 2;
export const LIBOS_HOSTNAME = 'rumprun';
export const LIBOS_KERNEL = { release: '7.99.34', version: 'NetBSD 7.99.34 (RUMP-ROAST)' } as const;
const ISO_EXCLUDED = ['/dev', '/sys', '/proc'];

/** The ISO's files: the image less what genisoimage -m leaves out, plus Docker's three files. */
function isoEntries(id: string): TreeEntry[] {
  const docker = ['/etc/hostname', '/etc/hosts', '/etc/resolv.conf'];
  const kept = DEBIAN_BOOKWORM_SLIM.entries().filter((e) =>
    !docker.includes(e.path) && !ISO_EXCLUDED.some((x) => e.path === x || e.path.startsWith(`${x}/`)));
  return [
    ...kept, dir('/tmp', 0o1777),
    file('/etc/hostname', `${id.slice(0, 12)}\n`),
    file('/etc/hosts', `127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n172.17.0.2\t${id.slice(0, 12)}\n`),
    file('/etc/resolv.conf', 'nameserver 10.0.2.3\n'),
  ];
}

function libosMounts(id: string): { store: World['vfs']; ns: MountNamespace } {
  const iso = addFilesystem(emptyFsStore(), {
    id: 'cd9660:ld0a', type: 'ext4', source: '/dev/ld0a', dev: { major: 19, minor: 0 }, readOnly: true,
    options: 'cd9660', ...buildTree(isoEntries(id), IMAGE_MTIME),
  });
  const rootId = iso.store.nextMountId;
  const ns: MountNamespace = {
    id: 'mnt:rumprun', rootId,
    mounts: [{ id: rootId, parentId: 1, mountpoint: '/', fsId: iso.fs.id, source: '/dev/ld0a', root: [], rootIno: iso.fs.rootIno, flags: { ...DEFAULT_MOUNT_FLAGS, ro: true }, propagation: 'private' }],
  };
  const store = { ...iso.store, nextMountId: rootId + 1 };
  const tmp = resolve({ store, ns, providers: kernelProviders() }, rootCtx(), '/tmp');
  if (!tmp.ok) throw new Error(`the libOS image has no /tmp: ${tmp.reason}`);
  const m = mountNew(store, ns, tmp.value, { type: 'tmpfs', source: 'tmpfs', data: 'size=1024k,mode=1777' });
  if (!m.ok) throw new Error(`tmpfs on /tmp does not mount: ${m.reason}`);
  return { store: m.value.store, ns: m.value.ns };
}

/** The program: root, every privilege (kauth lets root do anything), the console on fds 0–2, no filter. */
function program(world: World): Process {
  return {
    pid: LIBOS_PID, tgid: LIBOS_PID, ppid: 1, comm: 'app', exe: '/app.nabla', argv: ['app.nabla'],
    cred: rootCredentials(ALL_CAPS), ns: { ...world.initNs }, pidNsForChildren: world.initNs.pid, timeNsForChildren: world.initNs.time,
    nsPids: [LIBOS_PID], cgroup: '/', fds: { ...TERMINAL_FDS }, cwd: '/', root: '/', umask: 0o022,
    seccomp: { mode: 'disabled', profile: null }, memBytes: 0, oomScoreAdj: 0, state: 'running', exitSignal: null,
  };
}

/** The rump kernel's interfaces: loopback and ukvmif0, the Solo5 net device runnc configures. */
function withNames(world: World): World {
  const uts = world.namespaces[world.initNs.uts] as NamespaceOf<'uts'>;
  const net = world.namespaces[world.initNs.net] as NamespaceOf<'net'>;
  const interfaces: NamespaceOf<'net'>['interfaces'] = [
    { name: 'lo0', index: 1, kind: 'loopback', up: true, mac: '00:00:00:00:00:00', addrs: ['127.0.0.1/8'] },
    { name: 'ukvmif0', index: 2, kind: 'physical', up: true, mac: '02:42:ac:11:00:02', addrs: ['172.17.0.2/16'] },
  ];
  return { ...world, namespaces: { ...world.namespaces, [uts.id]: { ...uts, hostname: LIBOS_HOSTNAME, domainname: '' }, [net.id]: { ...net, interfaces } } };
}

/** Boots the libOS world; its clock starts at the host's, plus `startupNs` for the unikernel's start-up. */
export function bootLibOsWorld(startupNs: number, id = DEFAULT_CONTAINER_ID): { world: World; pid: number } {
  const host = bootHost();
  const { store, ns } = libosMounts(id);
  const mnt = host.namespaces[host.initNs.mnt] as NamespaceOf<'mnt'>;
  let world: World = {
    ...host, timeNs: host.timeNs + startupNs, vfs: store, mountTables: { [ns.id]: ns }, procs: {}, nextPid: 100,
    namespaces: { ...host.namespaces, [mnt.id]: { ...mnt, tableId: ns.id } }, dmesg: [], kernel: { ...LIBOS_KERNEL },
  };
  world = withNames(world);
  const proc = program(world);
  const tree = addProcess(createCgroupTree(), { pid: proc.pid, comm: proc.comm, cgroup: '/' });
  return { world: { ...world, procs: { [proc.pid]: proc }, cgroups: tree.ok ? tree.value : createCgroupTree() }, pid: proc.pid };
}
