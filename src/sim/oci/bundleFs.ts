import { errnoMessage } from '../errno.ts';
import type { World } from '../kernel/world.ts';
import { pathCtx, vfsEnv, withVfs } from '../kernel/vfsBridge.ts';
import { IMAGE_MTIME } from '../kernel/boot.ts';
import { fail, ok, type SimError, type SimResult } from '../result.ts';
import type { PathCtx, VfsEnv } from '../vfs/env.ts';
import { readFile } from '../vfs/fileData.ts';
import { readdir, rmdir, unlink } from '../vfs/dirOps.ts';
import type { InodeKind } from '../vfs/inode.ts';
import { resolve } from '../vfs/resolve.ts';
import { mkdirAll, writeWholeFile } from '../vfs/setupHelpers.ts';

/**
 * The files runc reads and writes on the host, as the process that runs it
 * (the host's root shell, whose working directory is runc's): the bundle's
 * config.json, its rootfs, and runc's state directory. Every call goes
 * through the lab's VFS with that process's credentials and mount namespace.
 */

/** The lab's wall clock in seconds (file times): the images' date plus the modelled time since boot, as the kernel's handlers use it. */
export const wallSeconds = (world: World): number => IMAGE_MTIME + Math.floor(world.timeNs / 1e9);

/** Go's filepath.Join(cwd, p) then Clean: `.` and `..` resolved lexically, no trailing slash. */
export function hostPath(cwd: string, p: string): string {
  const out: string[] = [];
  for (const part of (p.startsWith('/') ? p : `${cwd}/${p}`).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

/** How Go prints a failed syscall on a path: `stat /root/rootfs: no such file or directory`. */
export function goPathError(op: string, path: string, e: SimError): string {
  const text = errnoMessage(e.errno);
  return `${op} ${path}: ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}

function view(world: World, pid: number): SimResult<{ env: VfsEnv; ctx: PathCtx }> {
  const proc = world.procs[pid];
  if (!proc) return fail('ESRCH', `process ${pid} is gone`);
  return ok({ env: vfsEnv(world, proc), ctx: pathCtx(world, proc) });
}

/** The process's working directory (where runc looks for the bundle without -b). */
export const cwdOf = (world: World, pid: number): string => world.procs[pid]?.cwd ?? '/';

/** What a path names (following symlinks), or the error stat(2) gives. */
export function pathKind(world: World, pid: number, path: string): SimResult<InodeKind> {
  const v = view(world, pid);
  if (!v.ok) return v;
  const r = resolve(v.value.env, v.value.ctx, path);
  return r.ok ? ok(r.value.node.kind) : r;
}

/** A whole file's text. */
export function fileText(world: World, pid: number, path: string): SimResult<string> {
  const v = view(world, pid);
  if (!v.ok) return v;
  const r = resolve(v.value.env, v.value.ctx, path);
  if (!r.ok) return r;
  if (r.value.node.kind === 'dir') return fail('EISDIR', `${path} is a directory`);
  return readFile(v.value.env, r.value, 0, r.value.node.size, v.value.ctx.viewer);
}

/** Creates or truncates a file with `text` (os.WriteFile). */
export function writeText(world: World, pid: number, path: string, text: string, mode = 0o644): SimResult<World> {
  const v = view(world, pid);
  if (!v.ok) return v;
  const r = writeWholeFile(v.value.env, v.value.ctx, path, text, mode, wallSeconds(world));
  return r.ok ? ok(withVfs(world, r.value)) : r;
}

/** os.MkdirAll. */
export function makeDirs(world: World, pid: number, path: string, mode = 0o755): SimResult<World> {
  const v = view(world, pid);
  if (!v.ok) return v;
  const r = mkdirAll(v.value.env, v.value.ctx, path, mode, wallSeconds(world));
  return r.ok ? ok(withVfs(world, r.value)) : r;
}

/** The names in a directory (without `.` and `..`), or [] when it cannot be read. */
export function dirNames(world: World, pid: number, path: string): string[] {
  const v = view(world, pid);
  if (!v.ok) return [];
  const r = resolve(v.value.env, v.value.ctx, path);
  const list = r.ok ? readdir(v.value.env, r.value, v.value.ctx.viewer) : null;
  return list?.ok ? list.value.map((e) => e.name).filter((n) => n !== '.' && n !== '..') : [];
}

/** os.RemoveAll: the files in a directory, then the directory (no deeper trees: runc's state directory is flat). */
export function removeFlatDir(world: World, pid: number, path: string): World {
  const v = view(world, pid);
  if (!v.ok) return world;
  let store = v.value.env.store;
  for (const name of dirNames(world, pid, path)) {
    const r = unlink({ ...v.value.env, store }, v.value.ctx, `${path}/${name}`, wallSeconds(world));
    if (r.ok) store = r.value;
  }
  const r = rmdir({ ...v.value.env, store }, v.value.ctx, path, wallSeconds(world));
  return withVfs(world, r.ok ? r.value : store);
}
