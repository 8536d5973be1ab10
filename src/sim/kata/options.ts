import type { RuntimeOption, RuntimeOptions } from '../runtime/types.ts';

/**
 * Kata's settings that change a call's path, named after configuration.toml's
 * keys. Defaults are those of Kata's build (src/runtime/Makefile at
 * 7c6ba40c): DEFAULT_HYPERVISOR qemu, DEFSHAREDFS virtio-fs, DEFVIRTIOFSCACHE
 * auto, DEFVIRTIOFSCACHESIZE 0 (no DAX window), DEFDISABLEGUESTSECCOMP true.
 * @see https://github.com/kata-containers/kata-containers/blob/7c6ba40c54ea29b459b4997cff948caaba4e658b/src/runtime/Makefile
 * @see https://github.com/kata-containers/kata-containers/blob/7c6ba40c54ea29b459b4997cff948caaba4e658b/src/runtime/config/configuration-qemu.toml.in
 */
export const KATA_OPTIONS: readonly RuntimeOption[] = [
  { key: 'hypervisor', values: ['qemu', 'clh', 'firecracker'], default: 'qemu', description: 'Which VMM runs the VM (the shim\'s configuration-<hypervisor>.toml): QEMU (Kata\'s default), Cloud Hypervisor, or Firecracker (no shared filesystem: the rootfs is a devmapper block device).' },
  { key: 'shared-fs', values: ['virtio-fs', 'virtio-9p'], default: 'virtio-fs', description: 'shared_fs: how the host\'s rootfs and bind mounts reach the guest — virtio-fs with virtiofsd (default), or the legacy virtio-9p served by QEMU itself (QEMU only; Firecracker has neither).' },
  { key: 'virtio-fs-cache', values: ['auto', 'always', 'metadata', 'never'], default: 'auto', description: 'virtio_fs_cache (virtiofsd --cache): how long the guest trusts names, attributes and file pages — auto (1 s, pages while open), always (never expire, pages kept across opens), metadata (names only), never.' },
  { key: 'dax', values: ['off', 'on'], default: 'off', description: 'virtio_fs_cache_size > 0: a QEMU DAX window maps host file pages into the guest so reads skip FUSE after FUSE_SETUPMAPPING. Off by default; upstream QEMU and virtiofsd 1.13 do not implement it (the lab shows the design), and Kata gives Cloud Hypervisor no window.' },
  { key: 'guest-seccomp', values: ['off', 'on'], default: 'off', description: 'disable_guest_seccomp = false: kata-agent applies the container\'s OCI seccomp profile (Docker\'s default) inside the guest. Off by default: the VM is the boundary.' },
];

export type Hypervisor = 'qemu' | 'clh' | 'firecracker';
/** How the container's files reach the guest: a shared filesystem, or (Firecracker) a block device plus copied files. */
export type FileTransport = 'virtio-fs' | 'virtio-9p' | 'virtio-blk';
export type CachePolicy = 'auto' | 'always' | 'metadata' | 'never';

export interface KataSettings {
  hypervisor: Hypervisor;
  transport: FileTransport;
  cache: CachePolicy;
  /** True only when it takes effect: a QEMU DAX window (Kata gives Cloud Hypervisor none) and cache auto or always (else Kata leaves `dax` off the mount). */
  dax: boolean;
  guestSeccomp: boolean;
}

/**
 * The settings as they take effect. Firecracker has no filesystem sharing
 * (Kata's fc.go reports no FS-sharing capability and config.go forces
 * shared_fs = none), so its rootfs is a block device whatever shared-fs says.
 * @see https://github.com/kata-containers/kata-containers/blob/7c6ba40c54ea29b459b4997cff948caaba4e658b/src/runtime/virtcontainers/fc.go (Capabilities)
 * @see https://github.com/kata-containers/kata-containers/blob/7c6ba40c54ea29b459b4997cff948caaba4e658b/src/runtime/virtcontainers/kata_agent.go (setupStorages: dax only when cache is not never/metadata)
 * @see https://github.com/kata-containers/kata-containers/blob/7c6ba40c54ea29b459b4997cff948caaba4e658b/src/runtime/virtcontainers/clh.go (NewFsConfig: no DAX cache size)
 */
export function kataSettings(options: RuntimeOptions): KataSettings {
  const hypervisor = (options.hypervisor ?? 'qemu') as Hypervisor;
  const shared = options['shared-fs'] ?? 'virtio-fs';
  const transport: FileTransport = hypervisor === 'firecracker' ? 'virtio-blk' : shared === 'virtio-9p' ? 'virtio-9p' : 'virtio-fs';
  const cache = (options['virtio-fs-cache'] ?? 'auto') as CachePolicy;
  const dax = transport === 'virtio-fs' && hypervisor === 'qemu' && options.dax === 'on' && (cache === 'auto' || cache === 'always');
  return { hypervisor, transport, cache, dax, guestSeccomp: options['guest-seccomp'] === 'on' };
}

/**
 * A combination Kata itself refuses, in the words of its config loader, or
 * null. Cloud Hypervisor supports only virtio-fs.
 * @see https://github.com/kata-containers/kata-containers/blob/7c6ba40c54ea29b459b4997cff948caaba4e658b/src/runtime/pkg/katautils/config.go (newClhHypervisorConfig)
 */
export function kataOptionsProblem(options: RuntimeOptions): string | null {
  if (options.hypervisor === 'clh' && options['shared-fs'] === 'virtio-9p') return 'Cloud Hypervisor does not support virtio-9p shared filesystem option';
  return null;
}
