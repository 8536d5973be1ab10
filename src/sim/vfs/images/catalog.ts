import { buildTree, type BuiltTree } from '../treeSpec.ts';
import { ALPINE } from './alpine.ts';
import { DEBIAN_BOOKWORM_SLIM } from './debianSlim.ts';
import { DISTROLESS_STATIC } from './distrolessStatic.ts';
import type { ImageSpec } from './imageSpec.ts';

/** The images the lab can run, by reference. */
export const IMAGES: Readonly<Record<string, ImageSpec>> = {
  [DEBIAN_BOOKWORM_SLIM.ref]: DEBIAN_BOOKWORM_SLIM,
  [ALPINE.ref]: ALPINE,
  [DISTROLESS_STATIC.ref]: DISTROLESS_STATIC,
};

/**
 * Short names. The full debian:bookworm differs from -slim by docs, man pages
 * and locales, not by programs, so the lab serves the slim tree for both.
 */
const ALIASES: Readonly<Record<string, string>> = {
  debian: DEBIAN_BOOKWORM_SLIM.ref,
  'debian:bookworm': DEBIAN_BOOKWORM_SLIM.ref,
  alpine: ALPINE.ref,
  'alpine:latest': ALPINE.ref,
  'distroless/static': DISTROLESS_STATIC.ref,
  'gcr.io/distroless/static': DISTROLESS_STATIC.ref,
};

export function findImage(ref: string): ImageSpec | undefined {
  return IMAGES[ref] ?? IMAGES[ALIASES[ref] ?? ''];
}

/** The image's root filesystem as inodes; files get `mtime`. */
export function buildImageTree(spec: ImageSpec, mtime: number): BuiltTree {
  return buildTree(spec.entries(), mtime);
}
