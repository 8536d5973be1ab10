/**
 * Cgroup paths: absolute, `/`-separated, the root is `/`, as /proc/PID/cgroup
 * prints them from the initial cgroup namespace.
 */

/** `a//b/./c/../d/` → `/a/b/d`; `..` stops at the root as it does at a mount's root. */
export function normalizeCgroupPath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/** The parent's path, or undefined for the root. */
export function parentCgroupPath(path: string): string | undefined {
  if (path === '/') return undefined;
  const cut = path.lastIndexOf('/');
  return cut <= 0 ? '/' : path.slice(0, cut);
}

/** The last component (`docker-1a2b.scope`), or `/` for the root. */
export function cgroupBaseName(path: string): string {
  return path === '/' ? '/' : path.slice(path.lastIndexOf('/') + 1);
}

/** The path and each ancestor up to the root, nearest first: `/a/b` → [`/a/b`, `/a`, `/`]. */
export function selfAndAncestors(path: string): string[] {
  const out: string[] = [];
  for (let p: string | undefined = path; p !== undefined; p = parentCgroupPath(p)) out.push(p);
  return out;
}

/** True when `path` is `root` or lies below it. */
export function isWithinCgroup(path: string, root: string): boolean {
  if (root === '/') return true;
  return path === root || path.startsWith(`${root}/`);
}

export function joinCgroupPath(base: string, name: string): string {
  return normalizeCgroupPath(`${base}/${name}`);
}

/**
 * The path of `target` as seen from `from`, the way the kernel prints a cgroup
 * outside a cgroup namespace's root: `/` for the root itself, `/child` below
 * it, `/../sibling` beside it.
 * @see cgroup_namespaces(7), fs/kernfs/dir.c kernfs_path_from_node()
 */
export function relativeCgroupPath(from: string, target: string): string {
  const a = from === '/' ? [] : from.slice(1).split('/');
  const b = target === '/' ? [] : target.slice(1).split('/');
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  const up = a.slice(common).map(() => '..');
  const parts = [...up, ...b.slice(common)];
  return `/${parts.join('/')}`;
}
