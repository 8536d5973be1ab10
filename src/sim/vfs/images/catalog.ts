import { buildTree, type BuiltTree } from '../treeSpec.ts';
import { ALPINE } from './alpine.ts';
import { DEBIAN_BOOKWORM } from './debianBookworm.ts';
import { DEBIAN_BOOKWORM_SLIM } from './debianSlim.ts';
import { DISTROLESS_BASE, DISTROLESS_BASE_NONROOT } from './distrolessBase.ts';
import { DISTROLESS_STATIC, DISTROLESS_STATIC_NONROOT } from './distrolessStatic.ts';
import type { ImageSpec } from './imageSpec.ts';

/** The images the lab can run, by reference; each has its own size, config and digests. */
export const IMAGES: Readonly<Record<string, ImageSpec>> = Object.fromEntries(
  [DEBIAN_BOOKWORM_SLIM, DEBIAN_BOOKWORM, ALPINE, DISTROLESS_STATIC, DISTROLESS_STATIC_NONROOT, DISTROLESS_BASE, DISTROLESS_BASE_NONROOT]
    .map((spec) => [spec.ref, spec]),
);

/**
 * Other names for the same images. Exact where the registry has the tag:
 * debian:12 and debian:12.15 are the bookworm build the lab models, alpine
 * 3.20.3 is what alpine:3.20 named when it was built, gcr.io/distroless/…:latest
 * is the untagged name. Stand-ins, said here so no one takes them for the
 * registry's current answer: `debian` (debian:latest is trixie, Debian 13,
 * since August 2025; the lab's Debian is bookworm-slim), `alpine` and
 * `alpine:latest` (a newer 3.x today), and the unsuffixed
 * gcr.io/distroless/static and /base (distroless's README calls tags other
 * than the -debianNN ones deprecated; the lab maps them to -debian12).
 * `distroless/static` and `distroless/base` are the lab's shortcuts only:
 * Docker would look those names up on Docker Hub.
 */
const ALIASES: Readonly<Record<string, string>> = {
  debian: DEBIAN_BOOKWORM_SLIM.ref,
  'debian:12': DEBIAN_BOOKWORM.ref,
  'debian:12.15': DEBIAN_BOOKWORM.ref,
  'debian:12-slim': DEBIAN_BOOKWORM_SLIM.ref,
  'debian:12.15-slim': DEBIAN_BOOKWORM_SLIM.ref,
  alpine: ALPINE.ref,
  'alpine:latest': ALPINE.ref,
  'alpine:3.20.3': ALPINE.ref,
  'gcr.io/distroless/static-debian12:latest': DISTROLESS_STATIC.ref,
  'distroless/static': DISTROLESS_STATIC.ref,
  'gcr.io/distroless/static': DISTROLESS_STATIC.ref,
  'gcr.io/distroless/static:nonroot': DISTROLESS_STATIC_NONROOT.ref,
  'gcr.io/distroless/base-debian12:latest': DISTROLESS_BASE.ref,
  'distroless/base': DISTROLESS_BASE.ref,
  'gcr.io/distroless/base': DISTROLESS_BASE.ref,
  'gcr.io/distroless/base:nonroot': DISTROLESS_BASE_NONROOT.ref,
};

/** The image a reference names (as typed after `docker run`), or undefined. */
export function findImage(ref: string): ImageSpec | undefined {
  return IMAGES[ref] ?? IMAGES[ALIASES[ref] ?? ''];
}

/** Every name findImage accepts for this image's ref, the ref first. */
export function imageNames(ref: string): string[] {
  return [ref, ...Object.entries(ALIASES).filter(([, to]) => to === ref).map(([from]) => from)];
}

/** The image's root filesystem as inodes; files get `mtime`. */
export function buildImageTree(spec: ImageSpec, mtime: number): BuiltTree {
  return buildTree(spec.entries(), mtime);
}
