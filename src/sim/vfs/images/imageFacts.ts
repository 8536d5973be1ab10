import type { TreeEntry } from '../treeSpec.ts';
import { imageCommands, type ImageSpec } from './imageSpec.ts';
import { compressedSize, unpackedSize } from './ociImage.ts';

/**
 * What a person compares between images: size, layers, how much is in the
 * tree, what can be run, whether there is a shell or a package manager to
 * install more, and which programs run with their owner's rights.
 */
export interface ImageFacts {
  ref: string;
  /** Unpacked size in bytes (`docker images` SIZE). */
  sizeBytes: number;
  /** Compressed size in bytes (what a pull transfers). */
  compressedBytes: number;
  layers: number;
  /** Entries in the lab's tree of the image (files, directories, links). */
  files: number;
  /** Commands on the default PATH (imageCommands). */
  executables: number;
  shell: string | null;
  packageManager: 'apt' | 'apk' | null;
  /** Paths of regular files with the set-user-ID bit (mode & 0o4000). */
  setuidBinaries: string[];
  /** The config's User as Docker applies it: empty means root. */
  user: string;
  /** Where the size figures come from. */
  sizeSource: string;
}

/** apt-get/dpkg (Debian) or apk (Alpine) in the tree. */
function packageManager(entries: readonly TreeEntry[]): ImageFacts['packageManager'] {
  const paths = new Set(entries.filter((e) => e.kind === 'file').map((e) => e.path));
  if (paths.has('/usr/bin/apt-get') || paths.has('/usr/bin/dpkg')) return 'apt';
  if (paths.has('/sbin/apk')) return 'apk';
  return null;
}

/** Sum of the tree's file sizes, for an image the lab has no build facts for. */
const treeBytes = (entries: readonly TreeEntry[]): number =>
  entries.reduce((n, e) => n + (e.kind === 'file' ? (e.size ?? e.content?.length ?? 0) : 0), 0);

export function imageFacts(spec: ImageSpec): ImageFacts {
  const entries = spec.entries();
  const oci = spec.oci;
  return {
    ref: spec.ref,
    sizeBytes: oci ? unpackedSize(oci) : treeBytes(entries),
    compressedBytes: oci ? compressedSize(oci) : 0,
    layers: oci ? oci.steps.filter((s) => s.layer).length : 1,
    files: entries.length,
    executables: imageCommands(spec).length,
    shell: spec.shell,
    packageManager: packageManager(entries),
    setuidBinaries: entries.filter((e) => e.kind === 'file' && (e.mode & 0o4000) !== 0).map((e) => e.path).sort(),
    user: oci?.config.User ?? '',
    sizeSource: oci?.source ?? "the sum of the lab tree's file sizes (no build facts for this image)",
  };
}
