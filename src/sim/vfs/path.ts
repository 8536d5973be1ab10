import { fail, ok, type SimResult } from '../result.ts';

/**
 * Path strings as the kernel sees them: split on `/`, limits from
 * include/uapi/linux/limits.h.
 * @see path_resolution(7)
 */

/** PATH_MAX counts the terminating NUL, so the longest accepted path is 4095 bytes. */
export const PATH_MAX = 4096;
/** NAME_MAX: the longest single component (ext4, tmpfs and most filesystems). */
export const NAME_MAX = 255;

export interface ParsedPath {
  absolute: boolean;
  /** Components in order, `.` and `..` kept, empty components (`a//b`) dropped. */
  parts: string[];
  /** `a/b/` — the final component must be a directory (path_resolution(7), "Trailing slashes"). */
  trailingSlash: boolean;
}

/**
 * Splits a path as getname() and link_path_walk() would.
 * @see fs/namei.c getname_flags (ENOENT for "", ENAMETOOLONG ≥ PATH_MAX)
 */
export function parsePath(path: string): SimResult<ParsedPath> {
  if (path.length === 0) return fail('ENOENT', 'an empty path names nothing (no AT_EMPTY_PATH)');
  if (path.length >= PATH_MAX) return fail('ENAMETOOLONG', `the path is ${path.length} bytes; PATH_MAX is ${PATH_MAX} including the NUL`);
  const parts = path.split('/').filter((p) => p !== '');
  const long = parts.find((p) => p.length > NAME_MAX);
  if (long !== undefined) return fail('ENAMETOOLONG', `a component is ${long.length} bytes; NAME_MAX is ${NAME_MAX}`);
  const absolute = path.startsWith('/');
  const trailingSlash = parts.length > 0 && path.endsWith('/');
  return ok({ absolute, parts, trailingSlash });
}

/** Components of an already canonical absolute path: `/a/b` → [`a`, `b`], `/` → []. */
export function splitAbsolute(path: string): string[] {
  return path.split('/').filter((p) => p !== '' && p !== '.');
}

/** [`a`, `b`] → `/a/b`; [] → `/`. */
export function joinAbsolute(parts: readonly string[]): string {
  return `/${parts.join('/')}`;
}

/** `/a` + `b` → `/a/b`; `/` + `b` → `/b`. */
export function childPath(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}

/** `/a/b` → `/a`; `/a` → `/`; `/` → `/`. */
export function parentPath(path: string): string {
  const cut = path.lastIndexOf('/');
  return cut <= 0 ? '/' : path.slice(0, cut);
}

/** True when `path` is `prefix` or lies below it (both canonical absolute paths). */
export function isPathUnder(path: string, prefix: string): boolean {
  if (prefix === '/') return true;
  return path === prefix || path.startsWith(`${prefix}/`);
}

/**
 * A canonical path in the mount namespace as a process with root `root` sees it
 * (what d_path() and /proc/PID/mounts print), or undefined when it is outside that
 * root: getcwd(3) then reports `(unreachable)`.
 * @see fs/d_path.c d_path, getcwd(3)
 */
export function pathFromRoot(path: string, root: string): string | undefined {
  if (!isPathUnder(path, root)) return undefined;
  if (root === '/') return path;
  return path === root ? '/' : path.slice(root.length);
}

/** The inverse of pathFromRoot: a path seen inside `root` as a namespace path. */
export function pathToNamespace(path: string, root: string): string {
  if (root === '/') return path;
  return path === '/' ? root : `${root}${path}`;
}

/** Moves a path from under `from` to under `to`: rebasePath('/a/b/c', '/a/b', '/x') → '/x/c'. */
export function rebasePath(path: string, from: string, to: string): string {
  const suffix = from === '/' ? path : path.slice(from.length);
  if (suffix === '' || suffix === '/') return to;
  return to === '/' ? suffix : `${to}${suffix}`;
}
