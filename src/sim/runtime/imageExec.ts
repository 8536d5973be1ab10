import { PATH_DIRS, type ImageSpec } from '../vfs/images/imageSpec.ts';
import type { TreeEntry } from '../vfs/treeSpec.ts';

/**
 * Where execve finds a program in an image: a path with a slash as given, a
 * bare name in each directory of PATH in order (Go's exec.LookPath, which
 * runc uses for the container's first process), following symlinks within
 * the image.
 * @see opencontainers/runc libcontainer/standard_init_linux.go (exec.LookPath before execve)
 */
export function findExecutable(image: ImageSpec, name: string, env: readonly string[] = []): { path: string; target: string } | null {
  const entries = new Map<string, TreeEntry>(image.entries().map((e) => [e.path, e]));
  const pathVar = env.find((e) => e.startsWith('PATH='))?.slice('PATH='.length);
  const dirs = pathVar !== undefined ? pathVar.split(':').filter(Boolean) : [...PATH_DIRS];
  const candidates = name.includes('/') ? [name.startsWith('/') ? name : `/${name}`] : dirs.map((d) => `${d}/${name}`);
  for (const path of candidates) {
    const target = follow(entries, path);
    if (target) return { path, target };
  }
  return null;
}

/** The executable file a path leads to through symlinks and merged-/usr directory links, or null. */
function follow(entries: ReadonlyMap<string, TreeEntry>, start: string): string | null {
  let path = start;
  for (let hops = 0; hops < 16; hops++) {
    path = viaDirLinks(entries, path);
    const e = entries.get(path);
    if (!e) return null;
    if (e.kind === 'file') return (e.mode & 0o111) !== 0 ? path : null;
    if (e.kind !== 'symlink' || !e.target) return null;
    path = e.target.startsWith('/') ? e.target : normalize(`${path.slice(0, path.lastIndexOf('/'))}/${e.target}`);
  }
  return null;
}

/** Rewrites a path whose directory is a symlink (`/bin` → `usr/bin` in a merged-/usr image). */
function viaDirLinks(entries: ReadonlyMap<string, TreeEntry>, path: string): string {
  const parts = path.split('/').filter(Boolean);
  for (let i = 1; i < parts.length; i++) {
    const dir = `/${parts.slice(0, i).join('/')}`;
    const e = entries.get(dir);
    if (e?.kind === 'symlink' && e.target) {
      const base = e.target.startsWith('/') ? e.target : normalize(`${dir.slice(0, dir.lastIndexOf('/'))}/${e.target}`);
      return viaDirLinks(entries, normalize(`${base}/${parts.slice(i).join('/')}`));
    }
  }
  return path;
}

function normalize(path: string): string {
  const out: string[] = [];
  for (const p of path.split('/')) {
    if (!p || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return `/${out.join('/')}`;
}
