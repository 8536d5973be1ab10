import { findImage, IMAGES } from '../sim/vfs/images/catalog.ts';
import { imageFacts } from '../sim/vfs/images/imageFacts.ts';
import { ociImage, unpackedSize } from '../sim/vfs/images/ociImage.ts';
import type { ImageSpec } from '../sim/vfs/images/imageSpec.ts';
import { dockerImageSize } from '../sim/vfs/images/dockerUnits.ts';
import { table } from './dockerAdmin.ts';

/**
 * Images as docker shows them (`docker inspect IMAGE`) and as a lecturer
 * compares them: size, files, programs, a shell, a package manager, setuid
 * binaries — what an attacker who gets in would find.
 * @see moby/moby api/types/image InspectResponse (Id, RepoTags, Config, Architecture, Os, Size, RootFS)
 */
export function imageInspectJson(spec: ImageSpec): Record<string, unknown> | null {
  const oci = ociImage(spec);
  if (!oci || !spec.oci) return null;
  const c = oci.config.config;
  return {
    Id: oci.configDigest, RepoTags: [spec.ref], Created: oci.config.created,
    Config: { User: c.User ?? '', Env: c.Env ?? null, Entrypoint: c.Entrypoint ?? null, Cmd: c.Cmd ?? null, WorkingDir: c.WorkingDir ?? '' },
    Architecture: oci.config.architecture, Os: oci.config.os, Size: unpackedSize(spec.oci),
    RootFS: { Type: 'layers', Layers: oci.config.rootfs.diff_ids },
    // Not an Engine API field: the lab's digests are its own (see LAB_DIGEST_NOTE).
    IsolationLab: oci.note,
  };
}

/** An image named as docker resolves a reference, for `docker inspect` when no container has the name. */
export const imageByRef = (ref: string): ImageSpec | undefined => findImage(ref) ?? findImage(ref.replace(/:latest$/, ''));

/** The lab's `images` command: every image side by side, what is in it for an attacker. */
export function imageComparison(): string {
  const rows = Object.values(IMAGES).map((spec) => {
    const f = imageFacts(spec);
    return [f.ref, dockerImageSize(f.sizeBytes), String(f.files), String(f.executables), f.shell ?? 'none', f.packageManager ?? 'none', String(f.setuidBinaries.length), f.user || 'root'];
  });
  return table([['IMAGE', 'SIZE', 'FILES', 'PROGRAMS', 'SHELL', 'PACKAGES', 'SETUID', 'USER'], ...rows]);
}
