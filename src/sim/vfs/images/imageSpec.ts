import type { TreeEntry } from '../treeSpec.ts';
import type { ImageOci } from './ociTypes.ts';

/**
 * A container image as the lab models it: its files (one flattened layer)
 * and what a shell in it can run.
 */
export interface ImageSpec {
  /** `debian:bookworm-slim` */
  ref: string;
  /** One sentence for the UI. */
  description: string;
  /** The image's files; paths are absolute inside the image. */
  entries: () => TreeEntry[];
  /** The shell `docker run -it IMAGE` starts, or null when the image has none. */
  shell: string | null;
  /** Programs people often expect that this image does not have, and why (package not installed…). */
  missing: Readonly<Record<string, string>>;
  /**
   * The real image's build steps, layer sizes and config (Env, Cmd, User…),
   * from which the lab writes its OCI manifest and config (`ociImage.ts`).
   */
  oci?: ImageOci;
}

/** Directories on the default PATH. */
export const PATH_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'] as const;

/**
 * Executable names in the image's PATH directories (files with an execute bit
 * and symlinks), without following the merged-/usr links: what
 * `compgen -c` would find, for the shell model's "command not found".
 */
export function imageCommands(spec: ImageSpec): string[] {
  const names = new Set<string>();
  for (const e of spec.entries()) {
    const cut = e.path.lastIndexOf('/');
    const dir = e.path.slice(0, cut) || '/';
    if (!(PATH_DIRS as readonly string[]).includes(dir)) continue;
    if (e.kind === 'symlink' || (e.kind === 'file' && (e.mode & 0o111) !== 0)) names.add(e.path.slice(cut + 1));
  }
  return [...names].sort();
}
