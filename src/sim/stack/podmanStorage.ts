import { mapIdOut } from '../kernel/namespaces.ts';
import type { OciIdMapping } from '../oci/spec.ts';
import type { ImageSpec } from '../vfs/images/imageSpec.ts';
import { ROOTLESS_GID_MAP, ROOTLESS_UID_MAP } from './podmanRootless.ts';

/**
 * Rootless podman's image store: containers/storage unpacks each layer inside
 * the user namespace, so a file the image gives to root belongs on the host
 * to the user (1000) and one it gives to uid n to 100000 + n − 1. The
 * container's root then owns its own files, and none of the host's.
 * @see containers/storage drivers/overlay (ID mappings when unpacking), docs/source/markdown/podman-run.1.md "--userns"
 */
export function rootlessImage(image: ImageSpec): ImageSpec {
  const out = (maps: readonly OciIdMapping[], id: number) => mapIdOut(maps.map((m) => ({ inside: m.containerID, outside: m.hostID, count: m.size })), id) ?? 65534;
  return {
    ...image,
    entries: () => image.entries().map((e) => ({ ...e, uid: out(ROOTLESS_UID_MAP, e.uid), gid: out(ROOTLESS_GID_MAP, e.gid) })),
  };
}
