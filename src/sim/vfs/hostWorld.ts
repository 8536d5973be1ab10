import { ok, type SimResult } from '../result.ts';
import type { VfsEnv } from './env.ts';
import { addFilesystem, emptyFsStore, type FsStore } from './filesystem.ts';
import { DEVICE_NUMBERS } from './devices.ts';
import { hostDevEntries, hostRootEntries, hostRunEntries } from './images/hostRoot.ts';
import { DEFAULT_MOUNT_FLAGS, type MountFlags, type MountNamespace } from './mount.ts';
import { mountNew, type NewMountSpec } from './mountNew.ts';
import { resolve } from './resolve.ts';
import { rootCtx } from './setupHelpers.ts';
import type { Providers } from './synthetic.ts';
import { staticSysfsProvider } from './sysfsStatic.ts';
import { buildTree } from './treeSpec.ts';

/**
 * The host's boot-time mount table, as systemd on Debian 12 leaves it: ext4
 * root on /dev/sda1, then sysfs, proc, devtmpfs, devpts, /run, /dev/shm,
 * cgroup2 and mqueue, every one of them shared (systemd makes / rshared).
 * @see systemd src/shared/mount-setup.c (mount_table), systemd(1) "/ is shared"
 */

export const HOST_MNT_NS_ID = 'mnt:host';

const flags = (f: Partial<MountFlags>): Partial<MountFlags> => ({ ...DEFAULT_MOUNT_FLAGS, ...f });
const NSD = { nosuid: true, nodev: true, noexec: true };

/** [mountpoint, spec] in the order the host mounts them. */
function hostMountSpecs(now: number): Array<[string, NewMountSpec]> {
  return [
    ['/sys', { type: 'sysfs', source: 'sysfs', flags: flags(NSD) }],
    ['/proc', { type: 'proc', source: 'proc', flags: flags(NSD) }],
    ['/dev', { type: 'devtmpfs', source: 'udev', flags: flags({ nosuid: true }), data: 'size=4010620k,nr_inodes=1002655,mode=755', tree: buildTree(hostDevEntries(), now) }],
    ['/dev/pts', { type: 'devpts', source: 'devpts', flags: flags({ nosuid: true, noexec: true }), data: 'gid=5,mode=620,ptmxmode=000' }],
    ['/run', { type: 'tmpfs', source: 'tmpfs', flags: flags(NSD), data: 'size=803540k,mode=755', tree: buildTree(hostRunEntries(), now) }],
    // systemd mounts /dev/shm with MS_STRICTATIME (src/shared/mount-setup.c).
    ['/dev/shm', { type: 'tmpfs', source: 'tmpfs', flags: flags({ nosuid: true, nodev: true, atime: 'strictatime' }) }],
    ['/sys/fs/cgroup', { type: 'cgroup2', source: 'cgroup2', flags: flags(NSD), data: 'nsdelegate,memory_recursiveprot' }],
    ['/dev/mqueue', { type: 'mqueue', source: 'mqueue', flags: flags(NSD) }],
  ];
}

/** The host store and its initial mount namespace. `providers` answer for proc/sysfs/cgroup2 while mounting. */
export function buildHostWorld(providers: Providers, now: number): SimResult<{ store: FsStore; ns: MountNamespace }> {
  const root = addFilesystem(emptyFsStore(), {
    id: 'ext4:sda1', type: 'ext4', source: '/dev/sda1', dev: DEVICE_NUMBERS.sda1,
    options: 'errors=remount-ro', ...buildTree(hostRootEntries(), now),
  });
  const rootId = root.store.nextMountId;
  // The root mount hangs off the initramfs rootfs (mount 1), which no one's root reaches, so it is not listed.
  const ns: MountNamespace = {
    id: HOST_MNT_NS_ID, rootId,
    mounts: [{ id: rootId, parentId: 1, mountpoint: '/', fsId: root.fs.id, source: '/dev/sda1', root: [], rootIno: root.fs.rootIno, flags: { ...DEFAULT_MOUNT_FLAGS }, propagation: 'shared', peerGroup: 1 }],
  };
  // Without a kernel sysfs provider, the static tree still has /sys/fs/cgroup to mount on.
  const withSysfs: Providers = { ...providers, sysfs: providers.sysfs ?? staticSysfsProvider() };
  let env: VfsEnv = { store: { ...root.store, nextMountId: rootId + 1, nextPeerGroup: 2 }, ns, providers: withSysfs };
  for (const [path, spec] of hostMountSpecs(now)) {
    const target = resolve(env, rootCtx(), path);
    if (!target.ok) return target;
    const m = mountNew(env.store, env.ns, target.value, spec);
    if (!m.ok) return m;
    env = { ...env, store: m.value.store, ns: m.value.ns };
  }
  return ok({ store: env.store, ns: env.ns });
}
